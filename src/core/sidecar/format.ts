// Reading and writing the sidecar envelope: validated against schemas/tags.schema.json on the way in,
// written deterministically (fixed key order, sorted tags, two-space indent, trailing newline) on the way out,
// so that an unchanged sidecar round-trips byte for byte and diffs stay small in git.
import { ScanError, SyntaxKind, createScanner } from 'jsonc-parser';
import {
  Dismissal, SIDECAR_FORMAT, SIDECAR_VERSION, SidecarFile, SourceRef, SpanRef, Tag, compareTags, isSafeTagId, isSpanRef,
} from '../model';
import { coerceTags } from '../tagShape';
import { sha256Hex } from '../hash';
import { derivedTagId, newTagId } from '../tags';
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
  return 'sha256:' + sha256Hex(text);
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
    // Written by a newer Claim Tagger: show what we can, never write it back. Its fields were not checked by
    // our schema, so every tag is copied with only the fields and types this version knows (a `links` that is
    // no array, a `cue.start` that is a string of HTML...): readers and reports cannot crash on them or be
    // injected through them.
    readOnly = true;
    warnings.push(`The sidecar has format version ${data.version}; this version of Claim Tagger understands up to ${SIDECAR_VERSION}. It is shown read-only.`);
    return { ok: true, sidecar: looseSidecar(data), readOnly, warnings };
  }
  if (options.validate === false) {
    const tags = Array.isArray(data.tags) ? coerceTags(data.tags.filter(looksLikeTag)) : [];
    return { ok: true, sidecar: { ...looseSidecar(data), tags }, readOnly, warnings };
  }
  for (const w of normaliseTagIds(data, body)) warnings.push(w);
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

/** The envelope of a sidecar whose shape was not validated, with string fields and well-typed tags only. */
function looseSidecar(data: Record<string, unknown>): SidecarFile {
  return {
    format: SIDECAR_FORMAT,
    version: typeof data.version === 'number' ? data.version : SIDECAR_VERSION,
    document: typeof data.document === 'string' ? data.document : '',
    textHash: typeof data.textHash === 'string' ? data.textHash : '',
    tags: coerceTags(data.tags),
    ...looseConflicts(data.conflicts),
  };
}

/** Well-formed `conflicts` entries with safe ids only (the merge driver's list, read without the schema). */
function looseConflicts(list: unknown): Pick<SidecarFile, 'conflicts'> {
  if (!Array.isArray(list)) return {};
  const conflicts = list
    .filter((c): c is { id: string; otherId: string } => isObject(c) && isSafeTagId(c.id) && isSafeTagId(c.otherId))
    .map((c) => ({ id: c.id, otherId: c.otherId }));
  return conflicts.length ? { conflicts } : {};
}

/**
 * Tag ids that break the id pattern (a newline, a backtick, markup: written by an older version, by hand or by
 * an import that kept another tool's id) are replaced by an id derived from them, with a warning naming the
 * line and column. We accept and normalise rather than reject: rejecting would pause tagging of the document
 * over a cosmetic field while every quote, note and verdict in the file is fine; the derived id is a
 * deterministic function of the old one, so the editor, the CLI and a teammate's machine all agree on it and
 * merges by id still pair the same tags. The file itself changes only with the next save, like any other edit.
 */
function normaliseTagIds(data: Record<string, unknown>, body: string): string[] {
  const warnings: string[] = [];
  if (!Array.isArray(data.tags)) return warnings;
  data.tags.forEach((tag: unknown, i) => {
    if (!isObject(tag) || typeof tag.id !== 'string' || isSafeTagId(tag.id)) return;
    const old = tag.id;
    tag.id = derivedTagId(old);
    const at = locatePointer(body, `/tags/${i}/id`);
    const where = at.line ? ` at line ${at.line}, column ${at.column}` : '';
    const shown = JSON.stringify(old.length > 40 ? `${old.slice(0, 37)}...` : old);
    warnings.push(`The tag id ${shown}${where} may only hold letters, digits and _ . : -; it is now "${tag.id}" (saved with the next change).`);
  });
  return warnings;
}

export type TagCheck = { ok: true } | { ok: false; path: string; message: string };

/**
 * Checks one tag against the sidecar schema (the same generated validator as files on disk), so that a tag
 * made by a command or an import is refused before it is saved, instead of making the next load fail.
 * `path` is a JSON pointer inside the tag ("/kind", "/cue/start"), "" for the tag itself.
 */
export function validateTag(tag: unknown): TagCheck {
  const probe = { format: SIDECAR_FORMAT, version: SIDECAR_VERSION, document: 'x', textHash: `sha256:${'0'.repeat(64)}`, tags: [tag] };
  if (validate(probe)) return { ok: true };
  const err = validate.errors?.[0];
  const where = (err?.instancePath ?? '').replace(/^\/tags\/0/, '');
  return { ok: false, path: where, message: `tag${where ? ` ${where}` : ''} ${err?.message ?? 'is invalid'}` };
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
  if (sidecar.conflicts?.length) {
    out.conflicts = [...sidecar.conflicts]
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.otherId < b.otherId ? -1 : a.otherId > b.otherId ? 1 : 0))
      .map((c) => ({ id: c.id, otherId: c.otherId }));
  }
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
  if (t.derivedFrom?.length) o.derivedFrom = [...t.derivedFrom];
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

/**
 * Locates a JSON syntax error (V8's messages do not always carry a position). An iterative check over VS Code's
 * JSON scanner with an explicit stack: a recursive parser overflows the call stack on deeply nested input
 * (200,000 `[`), which then named neither the file nor the place.
 */
function jsonSyntaxError(text: string, e: Error): SidecarError {
  const found = firstSyntaxError(text);
  if (!found) return { kind: 'json', message: `The sidecar is not valid JSON: ${e.message}.` };
  const { line, column } = lineColumn(text, found.offset);
  return { kind: 'json', message: `The sidecar is not valid JSON at line ${line}, column ${column}: ${found.what}.`, line, column };
}

const SCAN_ERRORS: Partial<Record<ScanError, string>> = {
  [ScanError.UnexpectedEndOfComment]: 'unexpected end of comment',
  [ScanError.UnexpectedEndOfString]: 'unterminated string',
  [ScanError.UnexpectedEndOfNumber]: 'unexpected end of number',
  [ScanError.InvalidUnicode]: 'invalid unicode escape',
  [ScanError.InvalidEscapeCharacter]: 'invalid escape character',
  [ScanError.InvalidCharacter]: 'invalid character in string',
};

/** Offset and description of the first JSON syntax error, or undefined when the scanner finds none. */
export function firstSyntaxError(text: string): { offset: number; what: string } | undefined {
  const scanner = createScanner(text, false);
  // What the parser expects next; `stack` holds the open containers ('{' or '[').
  type Expect = 'value' | 'valueOrClose' | 'key' | 'keyOrClose' | 'colon' | 'commaOrClose' | 'end';
  const stack: string[] = [];
  let expect: Expect = 'value';
  const afterValue = (): Expect => (stack.length ? 'commaOrClose' : 'end');
  for (;;) {
    const token = scanner.scan();
    const offset = scanner.getTokenOffset();
    const scanError = SCAN_ERRORS[scanner.getTokenError()];
    if (scanError) return { offset, what: scanError };
    if (token === SyntaxKind.Trivia || token === SyntaxKind.LineBreakTrivia) continue;
    if (token === SyntaxKind.LineCommentTrivia || token === SyntaxKind.BlockCommentTrivia) return { offset, what: 'comments are not allowed' };
    if (token === SyntaxKind.EOF) return expect === 'end' ? undefined : { offset, what: stack.length ? `unexpected end of file: ${stack.length} unclosed bracket${stack.length === 1 ? '' : 's'}` : 'unexpected end of file' };
    const unexpected = { offset, what: token === SyntaxKind.Unknown ? 'unexpected character' : `unexpected ${JSON.stringify(scanner.getTokenValue()).slice(0, 20)}` };
    const isValue = token === SyntaxKind.StringLiteral || token === SyntaxKind.NumericLiteral || token === SyntaxKind.TrueKeyword
      || token === SyntaxKind.FalseKeyword || token === SyntaxKind.NullKeyword;
    const closes = (token === SyntaxKind.CloseBraceToken && stack[stack.length - 1] === '{') || (token === SyntaxKind.CloseBracketToken && stack[stack.length - 1] === '[');
    switch (expect) {
      case 'value':
      case 'valueOrClose':
        if (isValue) expect = afterValue();
        else if (token === SyntaxKind.OpenBraceToken) { stack.push('{'); expect = 'keyOrClose'; }
        else if (token === SyntaxKind.OpenBracketToken) { stack.push('['); expect = 'valueOrClose'; }
        else if (expect === 'valueOrClose' && closes) { stack.pop(); expect = afterValue(); }
        else return { ...unexpected, what: `${unexpected.what} where a value was expected` };
        break;
      case 'key':
      case 'keyOrClose':
        if (token === SyntaxKind.StringLiteral) expect = 'colon';
        else if (expect === 'keyOrClose' && closes) { stack.pop(); expect = afterValue(); }
        else return { ...unexpected, what: `${unexpected.what} where a property name was expected` };
        break;
      case 'colon':
        if (token !== SyntaxKind.ColonToken) return { ...unexpected, what: `${unexpected.what} where a colon was expected` };
        expect = 'value';
        break;
      case 'commaOrClose':
        if (token === SyntaxKind.CommaToken) expect = stack[stack.length - 1] === '{' ? 'key' : 'value';
        else if (closes) { stack.pop(); expect = afterValue(); }
        else return { ...unexpected, what: `${unexpected.what} where a comma or closing bracket was expected` };
        break;
      case 'end':
        return { ...unexpected, what: `${unexpected.what} after the end of the JSON value` };
    }
  }
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
