// W3C Web Annotation Data Model (JSON-LD) export and import.
// Export: an AnnotationCollection whose first AnnotationPage holds one Annotation per tag. Positions in
// TextPositionSelectors count Unicode code points (the model's rule); tags keep UTF-16 offsets, so they
// are converted with the document text (without it, or for orphaned tags, only the TextQuoteSelector is given).
// Import: our own output, other tools' W3C JSON (single annotations, arrays, pages, collections) and
// Hypothesis API rows, turned into candidates for the store's re-anchoring (TextQuote first, position as hint).
import { BUILTIN_KINDS, CLAIM_STATUSES, CONTEXT_LENGTH, SpanRef, Tag, isSpanRef, isUsableKind } from '../model';
import { ChunkWriter, writeJson } from './chunks';
import {
  ReportDocument, Resolved, STATUS_LABELS, htmlSafeJson, isDateTime, publicIri, sortedTags, stableUuidOf, tagUrn,
} from './common';
import { httpUrl } from '../url';
import { CodePointCounter, codePointToUtf16, trimBrokenSurrogates, utf16ToCodePoint } from './text';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const GENERATOR_NAME = 'Claim Tagger';

type Json = Record<string, unknown>;

/** Motivation of the annotation as a whole, by kind; the kind itself is always a `tagging` body. */
export const KIND_MOTIVATION: ReadonlyMap<string, string> = new Map([['claim', 'assessing'], ['attribution', 'identifying'], ['opinion', 'classifying']]);

function quoteSelector(exact: string, prefix: string, suffix: string): Json {
  const sel: Json = { type: 'TextQuoteSelector', exact };
  const p = trimBrokenSurrogates(prefix);
  const s = trimBrokenSurrogates(suffix);
  if (p) sel.prefix = p;
  if (s) sel.suffix = s;
  return sel;
}

function validSpan(span: { start: number; end: number }, length: number): boolean {
  return Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= length;
}

function selectorsFor(span: SpanRef, text: string | undefined, counter: CodePointCounter | undefined, context?: { prefix: string; suffix: string }, positioned = true): Json[] {
  let prefix = context?.prefix ?? '';
  let suffix = context?.suffix ?? '';
  const usable = typeof text === 'string' && validSpan(span, text.length);
  if (!context && usable) {
    prefix = text.slice(Math.max(0, span.start - CONTEXT_LENGTH), span.start);
    suffix = text.slice(span.end, span.end + CONTEXT_LENGTH);
  }
  const selectors = [quoteSelector(span.quote ?? '', prefix, suffix)];
  if (positioned && usable && counter) {
    selectors.push({ type: 'TextPositionSelector', start: counter.at(span.start), end: counter.at(span.end) });
  }
  return selectors;
}

function textBody(purpose: string, value: string): Json {
  return { type: 'TextualBody', purpose, value, format: 'text/plain' };
}

function toAnnotation(r: Resolved, doc: ReportDocument, tag: Tag, source: string, counter: CodePointCounter | undefined): Json {
  const body: Json[] = [textBody('tagging', tag.kind)];
  for (const label of tag.labels ?? []) if (typeof label === 'string' && label) body.push(textBody('tagging', label));
  if (tag.kind === 'claim') body.push(textBody('assessing', (CLAIM_STATUSES as readonly string[]).includes(tag.status as string) ? tag.status! : 'unreviewed'));
  if (tag.note) body.push(textBody('commenting', tag.note));
  if (isSpanRef(tag.source)) {
    body.push({ type: 'SpecificResource', source, purpose: 'identifying', selector: selectorsFor(tag.source, doc.text, counter) });
  } else if (tag.source && typeof (tag.source as { text?: unknown }).text === 'string' && (tag.source as { text: string }).text) {
    body.push(textBody('identifying', (tag.source as { text: string }).text));
  }
  if (tag.cue) body.push({ type: 'SpecificResource', source, purpose: 'describing', selector: selectorsFor(tag.cue, doc.text, counter) });
  for (const link of tag.links ?? []) {
    if (typeof link !== 'string' || !link) continue;
    const url = httpUrl(link);
    // Only http(s) links become web resources; anything else (javascript:, data:...) travels as inert text.
    body.push(url ? { id: url, type: 'Text', purpose: 'linking' } : textBody('linking', link));
  }
  const anno: Json = {
    '@context': ANNO_CONTEXT,
    id: tagUrn(doc, tag),
    type: 'Annotation',
    motivation: KIND_MOTIVATION.get(tag.kind) ?? 'tagging',
  };
  const author = tag.author?.trim() || r.author;
  if (author) anno.creator = { type: 'Person', name: author };
  if (isDateTime(tag.created)) anno.created = tag.created;
  if (isDateTime(tag.modified)) anno.modified = tag.modified;
  anno.generator = { type: 'Software', name: GENERATOR_NAME };
  anno.body = body;
  const orphaned = tag.anchor?.state === 'orphaned';
  anno.target = {
    source,
    selector: selectorsFor({ start: tag.start, end: tag.end, quote: tag.quote ?? '' }, doc.text, counter, { prefix: tag.prefix ?? '', suffix: tag.suffix ?? '' }, !orphaned),
  };
  return anno;
}

export function renderW3cChunks(r: Resolved, docs: ReportDocument[]): string[] {
  const items: Json[] = [];
  for (const doc of docs) {
    const source = publicIri(doc, r.options);
    const counter = typeof doc.text === 'string' ? new CodePointCounter(doc.text) : undefined;
    for (const tag of sortedTags(doc)) items.push(toAnnotation(r, doc, tag, source, counter));
  }
  const seed = function* (kind: string) {
    yield kind;
    yield r.title;
    yield r.generated.toISOString();
    for (const d of docs) yield d.name;
    for (const a of items) yield a.id as string;
  };
  const collection = {
    '@context': ANNO_CONTEXT,
    id: `urn:uuid:${stableUuidOf(seed('collection'))}`,
    type: 'AnnotationCollection',
    label: r.title,
    total: items.length,
    generator: { type: 'Software', name: GENERATOR_NAME },
    generated: r.generated.toISOString(),
    first: {
      id: `urn:uuid:${stableUuidOf(seed('page'))}`,
      type: 'AnnotationPage',
      startIndex: 0,
      items,
    },
  };
  const out = new ChunkWriter();
  writeJson(out, collection, htmlSafeJson);
  out.write('\n');
  return out.done();
}

// ---------------------------------------------------------------- import

/** A span found by selectors, in UTF-16 offsets of the document text given to the parser. */
export interface ImportedSpan {
  quote?: string;
  prefix?: string;
  suffix?: string;
  start?: number;
  end?: number;
}

export interface ImportedAnnotation {
  id?: string;
  kind: string;
  quote?: string;
  prefix?: string;
  suffix?: string;
  /** UTF-16 offsets, converted from the TextPositionSelector's code points using the document text. */
  start?: number;
  end?: number;
  note?: string;
  status?: string;
  created?: string;
  modified?: string;
  author?: string;
  links?: string[];
  /** Further `tagging` bodies (Hypothesis tags, our labels). */
  labels?: string[];
  /** Attribution source: a span (`identifying` SpecificResource) or free text (`identifying` TextualBody). */
  source?: ImportedSpan | { text: string };
  /** Attribution cue (`describing` SpecificResource). */
  cue?: ImportedSpan;
}

export interface ImportResult {
  annotations: ImportedAnnotation[];
  /** Annotations that could not become candidates, by index in document order of the input, with the reason. */
  skipped: { index: number; reason: string }[];
}

export interface ImportOptions {
  /** Kind ids recognised in `tagging` bodies besides the built-in ones (custom kinds from settings). */
  knownKinds?: string[];
  /** Kind for annotations that name none (e.g. a plain Hypothesis comment). Default `claim`. */
  defaultKind?: string;
}

const MOTIVATION_KIND: ReadonlyMap<string, string> = new Map([['assessing', 'claim'], ['identifying', 'attribution'], ['classifying', 'opinion']]);

function asArray(v: unknown): unknown[] {
  return v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function typesOf(o: Json): string[] {
  return asArray(o.type ?? o['@type']).filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^oa:/, ''));
}

/** Flattens the accepted shapes into a list of annotation candidates. */
function collect(root: unknown): { items: unknown[]; problem?: string } {
  if (Array.isArray(root)) return { items: root };
  if (!isObject(root)) return { items: [], problem: 'Expected a W3C Web Annotation, an array of them, an AnnotationPage or an AnnotationCollection.' };
  const types = typesOf(root);
  if (types.includes('AnnotationCollection')) {
    const items: unknown[] = [];
    // Loops, not push(...list): spreading more than ~125,000 items overflows the call stack.
    if (Array.isArray(root.items)) for (const item of root.items) items.push(item);
    const first = root.first;
    if (isObject(first) && Array.isArray(first.items)) for (const item of first.items) items.push(item);
    else if (typeof first === 'string' && !items.length) return { items: [], problem: `The collection's first page is only referenced (${first}); save the page itself and import that.` };
    return { items };
  }
  if (types.includes('AnnotationPage')) return { items: asArray(root.items) };
  if (Array.isArray(root.rows)) return { items: root.rows }; // Hypothesis API search result
  if (Array.isArray(root.annotations)) return { items: root.annotations };
  return { items: [root] };
}

class Positions {
  private readonly plain: boolean;
  readonly length: number;
  constructor(readonly text: string) {
    this.plain = !/[\uD800-\uDFFF]/.test(text);
    this.length = this.plain ? text.length : utf16ToCodePoint(text, text.length);
  }
  toUtf16(cp: number): number {
    return this.plain ? cp : codePointToUtf16(this.text, cp);
  }
}

function readSelectors(selectorValue: unknown, pos: Positions): ImportedSpan | undefined {
  const span: ImportedSpan = {};
  let found = false;
  const visit = (sel: unknown) => {
    if (!isObject(sel)) return;
    const types = typesOf(sel);
    if (types.includes('TextQuoteSelector') && typeof sel.exact === 'string' && span.quote === undefined) {
      span.quote = sel.exact;
      if (typeof sel.prefix === 'string') span.prefix = sel.prefix;
      if (typeof sel.suffix === 'string') span.suffix = sel.suffix;
      found = true;
    } else if (types.includes('TextPositionSelector') && span.start === undefined) {
      const start = sel.start;
      const end = sel.end;
      if (Number.isInteger(start) && Number.isInteger(end) && (start as number) >= 0 && (start as number) <= (end as number) && (end as number) <= pos.length) {
        span.start = pos.toUtf16(start as number);
        span.end = pos.toUtf16(end as number);
        found = true;
      }
    }
  };
  for (const sel of asArray(selectorValue)) visit(sel);
  return found ? span : undefined;
}

function personName(v: unknown): string | undefined {
  for (const c of asArray(v)) {
    if (typeof c === 'string' && c) return c.replace(/^acct:([^@]+)@.*$/, '$1');
    if (isObject(c)) {
      const name = str(c.name) ?? str(c.nickname) ?? str(c.id);
      if (name) return name.replace(/^acct:([^@]+)@.*$/, '$1');
    }
  }
  return undefined;
}

function purposesOf(body: Json): string[] {
  return asArray(body.purpose).filter((p): p is string => typeof p === 'string').map((p) => p.replace(/^oa:/, ''));
}

function statusFrom(value: string): string | undefined {
  const v = value.trim().toLowerCase();
  if ((CLAIM_STATUSES as readonly string[]).includes(v)) return v;
  const byLabel = (Object.keys(STATUS_LABELS) as (keyof typeof STATUS_LABELS)[]).find((s) => STATUS_LABELS[s].toLowerCase() === v);
  return byLabel;
}

function parseOne(raw: unknown, pos: Positions, options: ImportOptions): ImportedAnnotation | string {
  if (!isObject(raw)) return 'not an annotation object';
  const known = new Set<string>([...BUILTIN_KINDS, ...(options.knownKinds ?? []).filter((k) => isUsableKind(k))]);

  // Target: the first one with a text selector.
  let target: ImportedSpan | undefined;
  let sawTarget = false;
  for (const t of asArray(raw.target)) {
    sawTarget = true;
    if (isObject(t)) target = readSelectors(t.selector, pos);
    if (target) break;
  }
  if (!sawTarget) return 'no target';
  if (!target) return 'no usable TextQuoteSelector or TextPositionSelector in the target (positions outside the document are ignored)';

  const tagging: string[] = [];
  const notes: string[] = [];
  const links: string[] = [];
  let status: string | undefined;
  let source: ImportedSpan | { text: string } | undefined;
  let cue: ImportedSpan | undefined;
  const bodies = [...asArray(raw.body)];
  if (typeof raw.bodyValue === 'string') bodies.push({ type: 'TextualBody', value: raw.bodyValue });
  for (const b of bodies) {
    if (typeof b === 'string') { links.push(b); continue; }
    if (!isObject(b)) continue;
    const purposes = purposesOf(b);
    const purpose = purposes[0];
    if (typeof b.value === 'string') {
      const value = b.value;
      if (purpose === 'tagging') {
        if (value.trim()) tagging.push(value.trim()); // an empty tagging body names no kind and no label
      }
      else if (purpose === 'assessing') {
        const verdict = statusFrom(value);
        if (verdict) status = verdict;
        else notes.push(value);
      }
      else if (purpose === 'identifying') source = source ?? { text: value };
      else if (purpose === 'linking') links.push(value);
      else notes.push(value);
    } else if (b.source !== undefined && b.selector !== undefined) {
      const span = readSelectors(b.selector, pos);
      if (span && purpose === 'identifying') source = span;
      else if (span && purpose === 'describing') cue = span;
    } else if (typeof b.id === 'string') {
      links.push(b.id);
    }
  }
  // Hypothesis rows: text, tags, user, updated.
  if (!notes.length && typeof raw.text === 'string' && raw.text) notes.push(raw.text);
  if (Array.isArray(raw.tags)) for (const t of raw.tags) if (typeof t === 'string' && t.trim()) tagging.push(t.trim());

  const ours = isObject(raw.generator) && raw.generator.name === GENERATOR_NAME;
  if (ours && tagging.length && !isUsableKind(tagging[0])) return `the kind "${tagging[0].slice(0, 40)}" is not allowed (a name of Object.prototype)`;
  const kindIndex = ours && tagging.length ? 0 : tagging.findIndex((t) => known.has(t) || known.has(t.toLowerCase()));
  let kind: string;
  if (kindIndex >= 0) {
    kind = ours || known.has(tagging[kindIndex]) ? tagging[kindIndex] : tagging[kindIndex].toLowerCase();
  } else {
    const motivation = asArray(raw.motivation).find((m): m is string => typeof m === 'string');
    // A Map, not an object literal: a motivation of "constructor" or "__proto__" must find nothing.
    kind = (motivation && MOTIVATION_KIND.get(motivation.replace(/^oa:/, ''))) || options.defaultKind || 'claim';
  }
  if (!isUsableKind(kind)) return `the kind "${kind.slice(0, 40)}" is not allowed`;
  const labels = tagging.filter((_, i) => i !== kindIndex);

  const out: ImportedAnnotation = { kind };
  const id = str(raw.id) ?? str(raw['@id']);
  if (id) out.id = id;
  Object.assign(out, target);
  if (notes.length) out.note = notes.join('\n\n');
  if (status && kind === 'claim') out.status = status;
  const created = str(raw.created);
  const modified = str(raw.modified) ?? str(raw.updated);
  if (isDateTime(created)) out.created = created;
  if (isDateTime(modified)) out.modified = modified;
  const author = personName(raw.creator) ?? personName(raw.user);
  if (author) out.author = author;
  const uniqueLinks = [...new Set(links.filter(Boolean))];
  if (uniqueLinks.length) out.links = uniqueLinks;
  if (labels.length) out.labels = labels;
  if (source) out.source = source;
  if (cue) out.cue = cue;
  return out;
}

/**
 * Parses W3C Web Annotation JSON into candidates for re-anchoring against `documentText`.
 * Throws when the input is not JSON; every annotation that cannot be used is listed in `skipped`.
 */
export function parseWebAnnotations(json: string, documentText: string, options: ImportOptions = {}): ImportResult {
  let root: unknown;
  try {
    root = JSON.parse(json.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new Error(`Not valid JSON: ${(err as Error).message}`);
  }
  const { items, problem } = collect(root);
  const result: ImportResult = { annotations: [], skipped: [] };
  if (problem) {
    result.skipped.push({ index: -1, reason: problem });
    return result;
  }
  const pos = new Positions(documentText);
  items.forEach((item, index) => {
    const parsed = parseOne(item, pos, options);
    if (typeof parsed === 'string') result.skipped.push({ index, reason: parsed });
    else result.annotations.push(parsed);
  });
  return result;
}
