// The tag model shared by the store, the editor layer, detectors, reports and the CLI.
// Offsets are UTF-16 code unit offsets into the document text (VS Code's and JavaScript's convention).

export const BUILTIN_KINDS = ['claim', 'attribution', 'opinion'] as const;
export type BuiltinKind = (typeof BUILTIN_KINDS)[number];
/** A built-in kind or the id of a custom kind from settings. */
export type TagKind = string;

export const CLAIM_STATUSES = ['unreviewed', 'verified', 'false', 'misleading', 'disputed', 'unverifiable'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** How statuses read in menus, hovers and reports. */
export const STATUS_LABELS: Record<ClaimStatus, string> = {
  unreviewed: 'Unreviewed',
  verified: 'Verified',
  false: 'False',
  misleading: 'Misleading',
  disputed: 'Disputed',
  unverifiable: 'Unverifiable',
};

export type AnchorState = 'anchored' | 'fuzzy' | 'orphaned';

export interface Anchor {
  state: AnchorState;
  /** Only for `fuzzy`: how sure the re-anchoring is, in [0, 1]. */
  confidence?: number;
}

/** A span of the document, with the text it covered when last anchored. */
export interface SpanRef {
  start: number;
  end: number;
  quote: string;
}

/** Who said it: a span of the document, or free text when the source is not in the text. */
export type SourceRef = SpanRef | { text: string };

export interface Tag {
  id: string;
  kind: TagKind;
  start: number;
  end: number;
  /** The exact text of the span, as W3C TextQuoteSelector `exact`. Kept when the tag is orphaned. */
  quote: string;
  /** Up to {@link CONTEXT_LENGTH} characters before and after the quote (TextQuoteSelector prefix/suffix). */
  prefix: string;
  suffix: string;
  note?: string;
  /** Claims only. */
  status?: ClaimStatus;
  /** Attributions only: who said it. */
  source?: SourceRef;
  /** Attributions only: the reporting verb or phrase ("said", "according to"). */
  cue?: SpanRef;
  labels?: string[];
  links?: string[];
  author?: string;
  /** Curated tags: the ids of the annotators' tags this one was made from. */
  derivedFrom?: string[];
  /** ISO 8601 timestamps. */
  created: string;
  modified: string;
  anchor: Anchor;
}

export const CONTEXT_LENGTH = 32;

export function isSpanRef(ref: SourceRef | undefined): ref is SpanRef {
  return !!ref && typeof (ref as SpanRef).start === 'number';
}

/**
 * Property names of `Object.prototype`. Never valid as a kind: kinds key lookup tables, and a plain object
 * answers these names with inherited functions (`table['constructor']`), so they are refused by the schema,
 * by import and by {@link isUsableKind}. Kept equal to schemas/tags.schema.json#/definitions/prototypeName (a unit test checks).
 */
export const PROTOTYPE_NAMES: readonly string[] = Object.freeze([
  '__proto__', 'constructor', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', 'toString',
  'valueOf', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__',
]);

/** A kind id that can key a table: a non-empty string that is no prototype property name. */
export function isUsableKind(kind: unknown): boolean {
  return typeof kind === 'string' && kind.length > 0 && !PROTOTYPE_NAMES.includes(kind);
}

/**
 * Tag ids: letters, digits, `_ . : -`, at most 128 characters (schemas/tags.schema.json#/definitions/tagId).
 * Safe inside Markdown code spans, HTML ids and attributes, CSV fields and URNs without escaping.
 */
export const TAG_ID_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.:-]{0,127}$/;

export function isSafeTagId(id: unknown): boolean {
  return typeof id === 'string' && TAG_ID_PATTERN.test(id);
}

export function isClaimStatus(value: unknown): value is ClaimStatus {
  return typeof value === 'string' && (CLAIM_STATUSES as readonly string[]).includes(value);
}

/** A dismissed suggestion, kept in the sidecar so it does not come back. */
export interface Dismissal {
  /** The suggestion rule id, e.g. `opinion.booster`. */
  rule: string;
  /** The matched text (lower-cased term for term-wide dismissals). */
  term: string;
  /** Offsets of a single dismissed occurrence; absent when every occurrence of `term` in this document is dismissed. */
  start?: number;
  end?: number;
}

/** Sidecar envelope, format version 1 (see schemas/tags.schema.json). */
export interface SidecarFile {
  format: typeof SIDECAR_FORMAT;
  version: number;
  /** File name of the tagged document (base name, not a path). */
  document: string;
  /** `sha256:<hex>` of the exact document text the offsets refer to. */
  textHash: string;
  tags: Tag[];
  dismissed?: Dismissal[];
  /** Left by the git merge driver: a tag edited on both branches, kept as `id` (ours) and `otherId` (theirs). */
  conflicts?: { id: string; otherId: string }[];
}

export const SIDECAR_FORMAT = 'claim-tagger/tags';
export const SIDECAR_VERSION = 1;
export const SIDECAR_SUFFIX = '.tags.json';

/** Compares tags the way sidecars store them: by (start, end, id). */
export function compareTags(a: Tag, b: Tag): number {
  return a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
