// Reading and writing the sidecar envelope: validated against schemas/tags.schema.json on the way in,
// written deterministically (fixed key order, sorted tags, two-space indent, trailing newline) on the way out,
// so that an unchanged sidecar round-trips byte for byte and diffs stay small in git.
import { createHash } from 'node:crypto';
import { ParseError, parse as parseJsonc, printParseErrorCode } from 'jsonc-parser';
import { Dismissal, SIDECAR_FORMAT, SIDECAR_VERSION, SidecarFile, SourceRef, SpanRef, Tag, compareTags, isSpanRef } from '../model';
import { newTagId } from '../tags';
import { validate as generatedValidate } from './validate.generated';

interface SchemaValidator {
  (data: unknown): boolean;
  errors?: { instancePath: string; message?: string }[] | null;
}
const validate = generatedValidate as unknown as SchemaValidator;

export type SidecarErrorKind = 'json' | 'schema' | 'foreign' | 'empty';

export interface SidecarError {
  kind: SidecarErrorKind;
  message: string;
  /** 1-based position of a JSON syntax error or of the offending value, when known. */
  line?: number;
  column?: number;
}

export type SidecarReadResult =
  | { ok: true; sidecar: SidecarFile; readOnly: boolean; warnings: string[] }
  | { ok: false; error: SidecarError };

export function textHash(text: string): string {
  return 'sha256:' + createHash('sha256').update(text, 'utf8').digest('hex');
}

export function emptySidecar(documentName: string, text: string): SidecarFile {
  return { format: SIDECAR_FORMAT, version: SIDECAR_VERSION, document: documentName, textHash: textHash(text), tags: [] };
}

export interface ParseOptions {
  /**
   * false: skip JSON Schema validation and keep only well-formed tags (for listing many sidecars quickly; the
   * caller validates later). Default true.
   */
  validate?: boolean;
}

/** Parses and validates a sidecar. Never throws; the caller shows `error.message` and leaves the file alone. */
export function parseSidecar(raw: string, expectedDocument?: string, options: ParseOptions = {}): SidecarReadResult {
  const body = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw; // tolerate a BOM written by another editor
  if (!body.trim()) return { ok: false, error: { kind: 'empty', message: 'The sidecar file is empty.' } };
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (e) {
    return { ok: false, error: jsonSyntaxError(body, e as Error) };
  }
  if (!isObject(data) || data.format !== SIDECAR_FORMAT) {
    return {
      ok: false,
      error: { kind: 'foreign', message: `This is not a Claim Tagger sidecar (expected "format": "${SIDECAR_FORMAT}").` },
    };
  }
  const warnings: string[] = [];
  let readOnly = false;
  if (typeof data.version === 'number' && data.version > SIDECAR_VERSION) {
    // Written by a newer Claim Tagger: show what we can, never write it back.
    readOnly = true;
    warnings.push(`The sidecar has format version ${data.version}; this version of Claim Tagger understands up to ${SIDECAR_VERSION}. It is shown read-only.`);
    const tags = Array.isArray(data.tags) ? data.tags.filter(looksLikeTag) : [];
    const sidecar = { ...(data as unknown as SidecarFile), tags };
    return { ok: true, sidecar, readOnly, warnings };
  }
  if (options.validate === false) {
    const tags = Array.isArray(data.tags) ? data.tags.filter(looksLikeTag) : [];
    return { ok: true, sidecar: { ...(data as unknown as SidecarFile), tags }, readOnly, warnings };
  }
  if (!validate(data)) {
    const err = validate.errors?.[0];
    const where = err?.instancePath || '/';
    const pos = locatePointer(body, where);
    return {
      ok: false,
      error: { kind: 'schema', message: `The sidecar does not match its schema at ${where}: ${err?.message ?? 'invalid'}.`, ...pos },
    };
  }
  const sidecar = data as unknown as SidecarFile;
  if (expectedDocument !== undefined && sidecar.document !== expectedDocument) {
    warnings.push(`The sidecar names the document "${sidecar.document}", not "${expectedDocument}": its tags are re-anchored against this document and kept.`);
  }
  const seen = new Set<string>();
  for (const tag of sidecar.tags) {
    if (seen.has(tag.id)) {
      const old = tag.id;
      tag.id = newTagId();
      warnings.push(`Two tags had the id "${old}"; the second now has the id "${tag.id}".`);
    }
    seen.add(tag.id);
  }
  return { ok: true, sidecar, readOnly, warnings };
}

/** Deterministic JSON for a sidecar. */
export function serializeSidecar(sidecar: SidecarFile): string {
  const out: Record<string, unknown> = {
    format: SIDECAR_FORMAT,
    version: sidecar.version,
    document: sidecar.document,
    textHash: sidecar.textHash,
    tags: [...sidecar.tags].sort(compareTags).map(orderTag),
  };
  if (sidecar.dismissed?.length) out.dismissed = [...sidecar.dismissed].sort(compareDismissals).map(orderDismissal);
  return JSON.stringify(out, null, 2) + '\n';
}

function orderTag(t: Tag): Record<string, unknown> {
  const o: Record<string, unknown> = { id: t.id, kind: t.kind, start: t.start, end: t.end, quote: t.quote, prefix: t.prefix, suffix: t.suffix };
  if (t.note !== undefined && t.note !== '') o.note = t.note;
  if (t.status !== undefined) o.status = t.status;
  if (t.source !== undefined) o.source = orderSource(t.source);
  if (t.cue !== undefined) o.cue = orderSpan(t.cue);
  if (t.labels?.length) o.labels = [...t.labels];
  if (t.links?.length) o.links = [...t.links];
  if (t.author) o.author = t.author;
  o.created = t.created;
  o.modified = t.modified;
  o.anchor = t.anchor.state === 'fuzzy' && t.anchor.confidence !== undefined
    ? { state: 'fuzzy', confidence: Math.round(t.anchor.confidence * 1000) / 1000 }
    : { state: t.anchor.state };
  return o;
}

function orderSpan(s: SpanRef): SpanRef {
  return { start: s.start, end: s.end, quote: s.quote };
}

function orderSource(s: SourceRef): SourceRef {
  return isSpanRef(s) ? orderSpan(s) : { text: s.text };
}

function orderDismissal(d: Dismissal): Dismissal {
  const o: Dismissal = { rule: d.rule, term: d.term };
  if (d.start !== undefined && d.end !== undefined) {
    o.start = d.start;
    o.end = d.end;
  }
  return o;
}

function compareDismissals(a: Dismissal, b: Dismissal): number {
  return (a.start ?? -1) - (b.start ?? -1) || cmp(a.rule, b.rule) || cmp(a.term, b.term);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function looksLikeTag(v: unknown): v is Tag {
  return isObject(v) && typeof v.id === 'string' && typeof v.kind === 'string' && typeof v.start === 'number' &&
    typeof v.end === 'number' && typeof v.quote === 'string' && isObject(v.anchor);
}

/** Locates a JSON syntax error (V8's messages do not always carry a position) with VS Code's own JSON scanner. */
function jsonSyntaxError(text: string, e: Error): SidecarError {
  const errors: ParseError[] = [];
  parseJsonc(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (!first) return { kind: 'json', message: `The sidecar is not valid JSON: ${e.message}.` };
  const { line, column } = lineColumn(text, first.offset);
  const what = printParseErrorCode(first.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return { kind: 'json', message: `The sidecar is not valid JSON at line ${line}, column ${column}: ${what}.`, line, column };
}

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** Best-effort line/column of a JSON pointer in the source text (for schema errors in hand-edited files). */
function locatePointer(text: string, pointer: string): { line?: number; column?: number } {
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (!parts.length) return {};
  let at = 0;
  for (const part of parts) {
    if (/^\d+$/.test(part)) {
      // Array index: step over `index` elements at this level by scanning for object starts at depth 1.
      const idx = Number(part);
      const open = text.indexOf('[', at);
      if (open < 0) return {};
      let depth = 0;
      let count = -1;
      let inStr = false;
      for (let i = open + 1; i < text.length; i++) {
        const c = text[i];
        if (inStr) {
          if (c === '\\') i++;
          else if (c === '"') inStr = false;
          continue;
        }
        if (c === '"') inStr = true;
        if (depth === 0 && !/[\s,\]]/.test(c)) {
          count++;
          if (count === idx) {
            at = i;
            break;
          }
        }
        if (c === '{' || c === '[') depth++;
        else if (c === '}' || c === ']') depth--;
        if (depth < 0) return {};
      }
    } else {
      const key = text.indexOf(JSON.stringify(part), at);
      if (key < 0) return lineColumn(text, at);
      at = key;
    }
  }
  return lineColumn(text, at);
}
