// Who annotated what. Two ways of working, mixable:
//  (a) one shared sidecar `article.md.tags.json`: each tag's `author` is its annotator;
//  (b) blind copies beside it, one per annotator: `article.md.tags.<author>.json` (same format; every tag in
//      it counts for <author>, whatever its `author` field says). Under `.claim-tags/` the same rule applies.
// Blind copies do not end in `.tags.json`, so nothing that lists sidecars (Tags view, reports, check) sees them.
import { SIDECAR_SUFFIX, Tag } from '../model';

export const NO_AUTHOR = '(no author)';
const BLIND = /^(.+)\.tags\.([^/\\]+)\.json$/;

/** A file-name-safe form of an author name (letters, digits, `.`, `_`, `-`). */
export function authorFileName(author: string): string {
  const safe = author.trim().replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[.-]+|-+$/g, '');
  // "tags" or "x.tags" would name the copy "….tags.tags.json": a shared sidecar's name. A trailing "_" keeps it apart.
  return /(^|\.)tags$/i.test(safe) ? `${safe}_` : safe || 'anonymous';
}

/** `dir/article.md.tags.json` (or the document path) -> `dir/article.md.tags.<author>.json`. */
export function blindCopyPath(sharedSidecarPath: string, author: string): string {
  const stem = sharedSidecarPath.endsWith(SIDECAR_SUFFIX) ? sharedSidecarPath.slice(0, -SIDECAR_SUFFIX.length) : sharedSidecarPath;
  return `${stem}.tags.${authorFileName(author)}.json`;
}

/** For a blind copy's path: the shared sidecar path it belongs beside, and its author. */
export function parseBlindCopyPath(path: string): { sharedSidecarPath: string; author: string } | undefined {
  const m = BLIND.exec(path);
  if (!m || m[2] === 'tags' || /[/\\]$/.test(m[1])) return undefined;
  return { sharedSidecarPath: m[1] + SIDECAR_SUFFIX, author: m[2] };
}

/** The annotators of one document: shared tags by their author, then each blind copy's tags (unioned by id). */
export function annotatorsOf(shared: readonly Tag[] | undefined, blind: readonly { author: string; tags: readonly Tag[] }[]): Map<string, Tag[]> {
  const out = new Map<string, Map<string, Tag>>();
  const add = (who: string, t: Tag | undefined) => {
    let m = out.get(who);
    if (!m) out.set(who, (m = new Map()));
    if (t) m.set(t.id, t);
  };
  for (const t of shared ?? []) add(t.author?.trim() || NO_AUTHOR, t);
  for (const b of blind) {
    add(b.author, undefined); // a blind copy with no tags still says: annotated, found nothing
    for (const t of b.tags) add(b.author, t);
  }
  return new Map([...out].map(([who, m]) => [who, [...m.values()]]));
}
