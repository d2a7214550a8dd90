// The Tags view grouped by author, without VS Code: per-author counts of the tags that pass the view's filter,
// and each author's tags by document. Detached documents (their article is gone) are left out, as in the other
// groupings.
import { Tag } from '../model';
import { ReviewDocument, ReviewFilter, matches } from '../review/model';
import { NO_AUTHOR } from './annotators';

export function authorOf(tag: Tag): string {
  return tag.author?.trim() || NO_AUTHOR;
}

/** Tags per author, most first (then by name). */
export function authorCounts(docs: Iterable<ReviewDocument>, filter: ReviewFilter = {}): { author: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const d of docs) {
    if (d.detached) continue;
    for (const t of d.tags) if (matches(t, filter)) counts.set(authorOf(t), (counts.get(authorOf(t)) ?? 0) + 1);
  }
  return [...counts].map(([author, count]) => ({ author, count })).sort((a, b) => b.count - a.count || (a.author < b.author ? -1 : a.author > b.author ? 1 : 0));
}

/** One author's tags, document by document (by name), in text order. */
export function tagsOfAuthor(docs: Iterable<ReviewDocument>, author: string, filter: ReviewFilter = {}): { doc: ReviewDocument; tags: Tag[] }[] {
  const out: { doc: ReviewDocument; tags: Tag[] }[] = [];
  for (const d of [...docs].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (d.detached) continue;
    const tags = d.tags.filter((t) => authorOf(t) === author && matches(t, filter)).sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : 1));
    if (tags.length) out.push({ doc: d, tags });
  }
  return out;
}

/** "ana 12 · ben 9": the view's description when grouped by author. */
export function describeAuthorCounts(counts: readonly { author: string; count: number }[]): string {
  return counts.map((c) => `${c.author} ${c.count}`).join(' · ');
}
