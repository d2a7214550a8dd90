// Turning imported W3C annotations into tags placed on this document's text: TextQuote first, the
// TextPosition as a hint, through the same layered re-anchoring as everything else. What cannot be
// placed stays as an orphaned tag (quote kept) and is reported, never dropped.
import { applyAnchorResults, reanchor } from './anchor';
import { ImportedAnnotation } from './report';
import { CONTEXT_LENGTH, Tag, isClaimStatus } from './model';
import { newTagId } from './tags';

export interface ImportedTags {
  tags: Tag[];
  placed: number;
  fuzzy: number;
  orphaned: Tag[];
  /** Annotations with neither a quote nor a usable position. */
  unusable: number;
}

export function tagsFromAnnotations(text: string, annotations: readonly ImportedAnnotation[], taken: ReadonlySet<string>, now = new Date()): ImportedTags {
  const tags: Tag[] = [];
  let unusable = 0;
  const ids = new Set(taken);
  for (const a of annotations) {
    const hasRange = a.start !== undefined && a.end !== undefined && a.start < a.end && a.end <= text.length;
    const quote = a.quote ?? (hasRange ? text.slice(a.start, a.end) : undefined);
    if (!quote) {
      unusable++;
      continue;
    }
    const start = hasRange ? a.start! : 0;
    const iso = now.toISOString();
    const id = a.id && !ids.has(a.id) ? a.id : newTagId();
    ids.add(id);
    const tag: Tag = {
      id,
      kind: a.kind,
      start,
      end: start + quote.length,
      quote,
      prefix: (a.prefix ?? '').slice(-CONTEXT_LENGTH),
      suffix: (a.suffix ?? '').slice(0, CONTEXT_LENGTH),
      created: a.created ?? iso,
      modified: a.modified ?? iso,
      anchor: { state: 'anchored' },
    };
    if (a.note) tag.note = a.note;
    if (a.kind === 'claim') tag.status = isClaimStatus(a.status) ? a.status : 'unreviewed';
    if (a.author) tag.author = a.author;
    if (a.links?.length) tag.links = [...a.links];
    if (a.labels?.length) tag.labels = [...new Set(a.labels)];
    if (a.source) tag.source = 'text' in a.source ? { text: a.source.text } : { start: a.source.start ?? 0, end: a.source.end ?? 0, quote: a.source.quote ?? '' };
    if (a.cue?.quote !== undefined) tag.cue = { start: a.cue.start ?? 0, end: a.cue.end ?? 0, quote: a.cue.quote };
    tags.push(tag);
  }
  applyAnchorResults(text, tags, reanchor(text, tags));
  const orphaned = tags.filter((t) => t.anchor.state === 'orphaned');
  const fuzzy = tags.filter((t) => t.anchor.state === 'fuzzy').length;
  return { tags, placed: tags.length - orphaned.length, fuzzy, orphaned, unusable };
}
