// Turning imported W3C annotations into tags placed on this document's text: TextQuote first, the
// TextPosition as a hint, through the same layered re-anchoring as everything else. What cannot be
// placed stays as an orphaned tag (quote kept) and is reported, never dropped. Every tag is checked against
// the sidecar schema before it is returned: one that would fail it (a kind named "constructor", an empty kind)
// would make the next load of the sidecar fail, so it is listed in `invalid` with the reason instead.
import { applyAnchorResults, reanchor } from './anchor';
import { ImportedAnnotation } from './report';
import { CONTEXT_LENGTH, Tag, isClaimStatus, isSafeTagId } from './model';
import { validateTag } from './sidecar/format';
import { derivedTagId, newTagId } from './tags';

export interface ImportedTags {
  tags: Tag[];
  placed: number;
  fuzzy: number;
  orphaned: Tag[];
  /** Annotations with neither a quote nor a usable position. */
  unusable: number;
  /** Annotations whose tag would not pass the sidecar schema, with the reason; not in `tags`. */
  invalid: { quote: string; reason: string }[];
}

/** The imported id when it is safe and free; `urn:uuid:<uuid>` (our own export) gives back the UUID; else a derived or new id. */
function importedId(id: string | undefined, taken: Set<string>): string {
  const bare = id?.replace(/^urn:uuid:/i, '');
  const candidate = bare === undefined ? undefined : isSafeTagId(bare) ? bare : derivedTagId(bare);
  return candidate && !taken.has(candidate) ? candidate : newTagId();
}

export function tagsFromAnnotations(text: string, annotations: readonly ImportedAnnotation[], taken: ReadonlySet<string>, now = new Date()): ImportedTags {
  const tags: Tag[] = [];
  const invalid: { quote: string; reason: string }[] = [];
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
    const id = importedId(a.id, ids);
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
    const check = validateTag(tag);
    if (!check.ok) {
      invalid.push({ quote, reason: check.message });
      continue;
    }
    ids.add(id);
    tags.push(tag);
  }
  applyAnchorResults(text, tags, reanchor(text, tags));
  const orphaned = tags.filter((t) => t.anchor.state === 'orphaned');
  const fuzzy = tags.filter((t) => t.anchor.state === 'fuzzy').length;
  return { tags, placed: tags.length - orphaned.length, fuzzy, orphaned, unusable, invalid };
}
