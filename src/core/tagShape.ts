// Tags whose shape was not checked by our schema (a sidecar of a newer format version, shown read-only;
// tags handed to a renderer by any caller) are copied field by field, keeping only values of the types the
// model promises. Readers and renderers can then call `links.map`, print numbers and compare strings
// without a hostile or future file crashing them or smuggling markup through a field they did not expect.
import { Anchor, CLAIM_STATUSES, SourceRef, SpanRef, Tag } from './model';

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function offset(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : undefined;
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function strings(v: unknown): string[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const out = v.filter((x): x is string => typeof x === 'string');
  return out.length ? out : undefined;
}

function span(v: unknown): SpanRef | undefined {
  if (!isObject(v)) return undefined;
  const start = offset(v.start);
  const end = offset(v.end);
  const quote = text(v.quote);
  return start !== undefined && end !== undefined && start <= end && quote !== undefined ? { start, end, quote } : undefined;
}

function source(v: unknown): SourceRef | undefined {
  const s = span(v);
  if (s) return s;
  return isObject(v) && typeof v.text === 'string' && v.text ? { text: v.text } : undefined;
}

function anchor(v: unknown, rangeOk: boolean): Anchor {
  if (!rangeOk) return { state: 'orphaned' };
  const state = isObject(v) ? v.state : undefined;
  if (state === 'fuzzy') {
    const c = isObject(v) ? v.confidence : undefined;
    return typeof c === 'number' && c >= 0 && c <= 1 ? { state, confidence: c } : { state };
  }
  return { state: state === 'orphaned' ? 'orphaned' : 'anchored' };
}

/**
 * A well-typed copy of `raw`, or undefined when it has no string id and kind (nothing to show it by).
 * Offsets that are not non-negative integers (or end before start) make the tag orphaned at 0..0, so no
 * renderer points into the text with them; unknown fields are dropped; optional fields of another type
 * are left out.
 */
export function coerceTag(raw: unknown): Tag | undefined {
  if (!isObject(raw)) return undefined;
  const id = text(raw.id);
  const kind = text(raw.kind);
  if (!id || !kind) return undefined;
  const start = offset(raw.start);
  const end = offset(raw.end);
  const rangeOk = start !== undefined && end !== undefined && start <= end;
  // Keys in the sidecar's order (serializeSidecar), so a JSON report lists tags as the sidecar does.
  const tag = { id, kind, start: rangeOk ? start : 0, end: rangeOk ? end : 0, quote: text(raw.quote) ?? '', prefix: text(raw.prefix) ?? '', suffix: text(raw.suffix) ?? '' } as Tag;
  const note = text(raw.note);
  if (note) tag.note = note;
  if ((CLAIM_STATUSES as readonly unknown[]).includes(raw.status)) tag.status = raw.status as Tag['status'];
  const src = source(raw.source);
  if (src) tag.source = src;
  const cue = span(raw.cue);
  if (cue) tag.cue = cue;
  const labels = strings(raw.labels);
  if (labels) tag.labels = labels;
  const links = strings(raw.links);
  if (links) tag.links = links;
  const author = text(raw.author);
  if (author) tag.author = author;
  const derivedFrom = strings(raw.derivedFrom);
  if (derivedFrom) tag.derivedFrom = derivedFrom;
  tag.created = text(raw.created) ?? '';
  tag.modified = text(raw.modified) ?? '';
  tag.anchor = anchor(raw.anchor, rangeOk);
  return tag;
}

/** {@link coerceTag} over a list that may not even be an array; malformed entries are left out. */
export function coerceTags(raw: unknown): Tag[] {
  if (!Array.isArray(raw)) return [];
  const out: Tag[] = [];
  for (const t of raw) {
    const tag = coerceTag(t);
    if (tag) out.push(tag);
  }
  return out;
}
