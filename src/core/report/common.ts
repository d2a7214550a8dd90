// What every report format shares: the report's input types, kind colours, per-document figures,
// the tag predicates behind `--fail-on`, and deterministic ids.
import { sha1BytesOfParts, uuidV5FromSha1 } from '../hash';
import { KIND_COLORS } from '../kindColors';
import { CLAIM_STATUSES, ClaimStatus, CONTEXT_LENGTH, SourceRef, Tag, compareTags, isSpanRef } from '../model';
import { coerceTags } from '../tagShape';
import { httpUrl } from '../url';

export type ReportFormat = 'md' | 'html' | 'csv' | 'json' | 'w3c' | 'claimreview';
export const REPORT_FORMATS: readonly ReportFormat[] = ['md', 'html', 'csv', 'json', 'w3c', 'claimreview'];

/**
 * One document of a report. Contract: reports never show where the document lies on this machine. `uri` is
 * only an identity (it may be a `file:` URI or an absolute path) and is written out only when it is a public
 * http(s) URL; everywhere else reports show `name`, which the caller makes relative (to the workspace folder,
 * or to the folder or working directory the CLI was given). The W3C target and the ClaimReview appearance use
 * `url` (or `ReportOptions.articleUrl`), else an http(s) `uri`, else a `urn:claim-tagger:document:<name>`.
 */
export interface ReportDocument {
  /** Identity of the document (file URI, path or URL). Not shown unless it is an http(s) URL. */
  uri: string;
  /** Display name: a path relative to the workspace folder or the folder given, never an absolute path. */
  name: string;
  /** Public http(s) URL of the published article, when known (settings or the sidecar's metadata). */
  url?: string;
  /** The document text when available (HTML highlights it; W3C needs it for code point positions). */
  text?: string;
  /** Text length when the text is not loaded. */
  length?: number;
  tags: Tag[];
}

/** A kind's display label and colour (built-ins and custom kinds from settings). */
export interface KindInfo {
  id: string;
  label: string;
  color: string;
}

export interface ReportOptions {
  title?: string;
  /** When the report was generated; fixed in tests for golden files. Defaults to now. */
  generated?: Date;
  /** Kind labels and colours; defaults to {@link DEFAULT_KINDS}. Unknown kinds get a grey. */
  kinds?: KindInfo[];
  /** W3C creator when a tag has no author of its own. */
  author?: string;
  /** ClaimReview: the fact-checking outlet publishing the reviews (its `author`, an Organization). Never guessed. */
  outlet?: string;
  /** ClaimReview: who made the claims, when no attribution in the text names them. */
  claimant?: string;
  /** Public URL of the article when a document carries no `url` of its own (single-document reports). */
  articleUrl?: string;
  /** CSV: start with a UTF-8 byte order mark (for spreadsheet apps). */
  csvBom?: boolean;
  /**
   * CSV: prefix a `'` to fields a spreadsheet would run as a formula (starting with = + - @, tab or CR,
   * plain numbers excepted). Default true.
   */
  csvFormulaGuard?: boolean;
}

export const DEFAULT_KINDS: readonly KindInfo[] = Object.freeze([
  Object.freeze({ id: 'claim', label: 'Claim', color: KIND_COLORS.light.claim }),
  Object.freeze({ id: 'attribution', label: 'Attribution', color: KIND_COLORS.light.attribution }),
  Object.freeze({ id: 'opinion', label: 'Opinion', color: KIND_COLORS.light.opinion }),
]);

export const DEFAULT_TITLE = 'Claim Tagger report';
const FALLBACK_COLOR = '#808080';

export { STATUS_LABELS } from '../model';

/** Resolved options every renderer works with. */
export interface Resolved {
  title: string;
  generated: Date;
  kinds: KindInfo[];
  author?: string;
  options: ReportOptions;
}

/**
 * The documents as renderers see them: every tag copied with only the model's fields of the model's types
 * (a tag from a newer-version sidecar may carry `links: 5` or a `cue.start` of markup), so a renderer can
 * rely on the types and prints no value it did not expect. Input documents are not modified.
 */
export function reportDocuments(docs: readonly ReportDocument[]): ReportDocument[] {
  return docs.map((d) => {
    const doc: ReportDocument = { uri: String(d.uri ?? ''), name: String(d.name ?? ''), tags: coerceTags(d.tags) };
    if (typeof d.url === 'string') doc.url = d.url;
    if (typeof d.text === 'string') doc.text = d.text;
    if (typeof d.length === 'number' && Number.isSafeInteger(d.length) && d.length >= 0) doc.length = d.length;
    return doc;
  });
}

export function resolveOptions(options: ReportOptions = {}): Resolved {
  const kinds: KindInfo[] = [];
  const seen = new Set<string>();
  for (const k of [...(options.kinds ?? []), ...DEFAULT_KINDS]) {
    if (!k || typeof k.id !== 'string' || seen.has(k.id)) continue;
    seen.add(k.id);
    kinds.push({ id: k.id, label: typeof k.label === 'string' && k.label ? k.label : k.id, color: safeColor(k.color) });
  }
  return {
    title: options.title?.trim() || DEFAULT_TITLE,
    generated: options.generated ?? new Date(),
    kinds,
    author: typeof options.author === 'string' ? options.author.trim() || undefined : undefined,
    options,
  };
}

/** Kinds in display order: configured/built-in first, then any other kind that occurs in the tags. */
export function kindsInUse(resolved: Resolved, docs: ReportDocument[]): KindInfo[] {
  const list = [...resolved.kinds];
  const known = new Set(list.map((k) => k.id));
  const extra = new Set<string>();
  for (const doc of docs) for (const tag of doc.tags) if (!known.has(tag.kind)) extra.add(tag.kind);
  for (const id of [...extra].sort()) list.push({ id, label: id, color: FALLBACK_COLOR });
  return list;
}

export function kindLabel(resolved: Resolved, kind: string): string {
  return resolved.kinds.find((k) => k.id === kind)?.label ?? kind;
}

/** Accepts hex, rgb()/hsl() with plain numbers, and named colours; anything else becomes grey (no CSS injection). */
export function safeColor(color: unknown): string {
  if (typeof color !== 'string') return FALLBACK_COLOR;
  const c = color.trim();
  if (/^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(c)) return c;
  if (/^(?:rgb|rgba|hsl|hsla)\(\s*[0-9.,%\s/]+\)$/i.test(c)) return c;
  if (/^[a-z]{3,30}$/i.test(c)) return c.toLowerCase();
  return FALLBACK_COLOR;
}

export function sortedTags(doc: ReportDocument): Tag[] {
  return [...doc.tags].sort(compareTags);
}

export interface DocumentSummary {
  total: number;
  byKind: Record<string, number>;
  byStatus: Record<ClaimStatus, number>;
  orphaned: number;
  unattributed: number;
}

export function summarize(tags: Iterable<Tag>): DocumentSummary {
  const byStatus = Object.fromEntries(CLAIM_STATUSES.map((s) => [s, 0])) as Record<ClaimStatus, number>;
  // No prototype: a kind named "constructor" or "__proto__" must count like any other key.
  const byKind = Object.create(null) as Record<string, number>;
  const summary: DocumentSummary = { total: 0, byKind, byStatus, orphaned: 0, unattributed: 0 };
  for (const tag of tags) {
    summary.total++;
    summary.byKind[tag.kind] = (summary.byKind[tag.kind] ?? 0) + 1;
    if (tag.kind === 'claim') byStatus[claimStatus(tag)]++;
    if (isOrphaned(tag)) summary.orphaned++;
    if (isUnattributed(tag)) summary.unattributed++;
  }
  return summary;
}

export function summarizeAll(docs: ReportDocument[]): DocumentSummary {
  return summarize(docs.flatMap((d) => d.tags));
}

/** A claim's status; claims without one count as unreviewed. */
export function claimStatus(tag: Tag): ClaimStatus {
  return (CLAIM_STATUSES as readonly string[]).includes(tag.status as string) ? (tag.status as ClaimStatus) : 'unreviewed';
}

export type FailOn = 'unreviewed' | 'orphaned' | 'unattributed';
export const FAIL_ON: readonly FailOn[] = ['unreviewed', 'orphaned', 'unattributed'];

export function isUnreviewed(tag: Tag): boolean {
  return tag.kind === 'claim' && claimStatus(tag) === 'unreviewed';
}

export function isOrphaned(tag: Tag): boolean {
  return tag.anchor?.state === 'orphaned';
}

/** An attribution that does not say who said it (no source span and no source text). */
export function isUnattributed(tag: Tag): boolean {
  return tag.kind === 'attribution' && !sourceText(tag.source);
}

export function matchesFailOn(tag: Tag, rule: FailOn): boolean {
  return rule === 'unreviewed' ? isUnreviewed(tag) : rule === 'orphaned' ? isOrphaned(tag) : isUnattributed(tag);
}

/** The words of a source: the span's quote or the free text. */
export function sourceText(source: SourceRef | undefined): string {
  if (!source) return '';
  if (isSpanRef(source)) return typeof source.quote === 'string' ? source.quote.trim() : '';
  return typeof (source as { text?: unknown }).text === 'string' ? (source as { text: string }).text.trim() : '';
}

export function anchorLabel(tag: Tag): string {
  const state = tag.anchor?.state ?? 'anchored';
  if (state === 'fuzzy' && typeof tag.anchor.confidence === 'number') return `fuzzy (${Math.round(tag.anchor.confidence * 100)}%)`;
  return state;
}

/** Whether the tag's offsets can be used to point into the document text. */
export function hasUsableRange(tag: Tag, length: number | undefined): boolean {
  if (isOrphaned(tag)) return false;
  if (!Number.isInteger(tag.start) || !Number.isInteger(tag.end) || tag.start < 0 || tag.end < tag.start) return false;
  return length === undefined || tag.end <= length;
}

/** Length of the document: its text, the given length, or as far as the tags reach. */
export function documentLength(doc: ReportDocument): number {
  if (typeof doc.text === 'string') return doc.text.length;
  if (typeof doc.length === 'number' && doc.length >= 0) return doc.length;
  let max = 0;
  for (const t of doc.tags) if (!isOrphaned(t) && Number.isFinite(t.end)) max = Math.max(max, t.end);
  return max;
}

/** Whether text exists before the prefix / after the suffix (for the `…` around context). */
export function contextEllipses(tag: Tag, text?: string): { before: boolean; after: boolean } {
  const prefix = tag.prefix ?? '';
  const suffix = tag.suffix ?? '';
  if (typeof text === 'string' && hasUsableRange(tag, text.length) && text.slice(tag.start, tag.end) === tag.quote) {
    return { before: tag.start - prefix.length > 0, after: tag.end + suffix.length < text.length };
  }
  return { before: prefix.length >= CONTEXT_LENGTH, after: suffix.length >= CONTEXT_LENGTH };
}

/** A name-based UUID (RFC 4122 version 5 layout over SHA-1) so reports are reproducible. */
export function stableUuid(...parts: string[]): string {
  return stableUuidOf(parts);
}

/** {@link stableUuid} over any number of parts (no argument spread: a collection may have a million ids). */
export function stableUuidOf(parts: Iterable<string>): string {
  return uuidV5FromSha1(sha1BytesOfParts(separated(parts)));
}

/** The parts as hashed: every one after the first preceded by U+0000. */
function* separated(parts: Iterable<string>): Iterable<string> {
  let first = true;
  for (const p of parts) {
    yield first ? p : `\u0000${p}`;
    first = false;
  }
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `urn:uuid:` IRI of a tag: its own id when that is a UUID, else one derived from the document name and id. */
export function tagUrn(doc: ReportDocument, tag: Tag): string {
  return `urn:uuid:${UUID_RE.test(tag.id) ? tag.id.toLowerCase() : stableUuid(doc.name, String(tag.id))}`;
}

/**
 * The IRI a report may publish for a document (see {@link ReportDocument}): its http(s) `url`, the report's
 * `articleUrl`, an http(s) `uri`, else a name-based URN. Never a `file:` URI or a path of this machine.
 */
export function publicIri(doc: ReportDocument, options: ReportOptions = {}): string {
  for (const candidate of [doc.url, options.articleUrl, doc.uri]) {
    const url = httpUrl(candidate);
    if (url) return url;
  }
  return documentIri(doc.name.replace(/^[\\/]+/, '').replace(/^[a-z]:[\\/]+/i, ''));
}

/** The public http(s) URL of a document for display, or undefined (see {@link publicIri}). */
export function publicUrl(doc: ReportDocument, options: ReportOptions = {}): string | undefined {
  return httpUrl(publicIri(doc, options));
}

/**
 * An absolute IRI for the document: kept when it already has a scheme, absolute paths become
 * `file:` URIs (built by hand, so the result does not depend on the working directory), and a
 * relative path becomes a `urn:claim-tagger:document:` name.
 */
export function documentIri(uri: string): string {
  if (/^[a-z][a-z0-9+.-]+:/i.test(uri) && !/^[a-z]:[\\/]/i.test(uri)) return uri.replace(/[\s<>"{}|\\^`]/g, (c) => encodeURIComponent(c));
  const slashed = uri.replace(/\\/g, '/');
  const encode = (p: string) => p.split('/').map((seg) => encodeURIComponent(seg).replace(/%3A/gi, ':')).join('/');
  if (/^[a-z]:\//i.test(slashed)) return `file:///${encode(slashed)}`;
  if (slashed.startsWith('/')) return `file://${encode(slashed)}`;
  return `urn:claim-tagger:document:${encode(slashed)}`;
}

/** ISO 8601 / RFC 3339 date-time check for timestamps copied from sidecars. */
export function isDateTime(s: unknown): s is string {
  return typeof s === 'string'
    && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/.test(s)
    && !Number.isNaN(Date.parse(s));
}

/**
 * JSON text safe to paste inside an HTML `<script type="application/ld+json">`: `<`, `>`, `&` and the
 * JavaScript line separators are written as \u escapes (same JSON value).
 */
export function jsonForHtml(value: unknown): string {
  return htmlSafeJson(JSON.stringify(value, null, 2)) + '\n';
}

/** The \u escapes of {@link jsonForHtml}, for JSON text written piece by piece. */
export function htmlSafeJson(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
