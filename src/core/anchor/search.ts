// The search primitives of re-anchoring: exact occurrences in a window, approximate matches in a window, and
// pieces of a quote that survived an edit at one of its ends. Each returns scored candidates; the layering and the
// choice between layers live in index.ts.
import approxSearch from 'approx-string-match';
import { confidence, contextScore } from './context';
import { commonAfter, commonBefore } from '../textCompare';

export interface Candidate {
  start: number;
  end: number;
  /** Agreement of the surrounding text with the recorded prefix/suffix, in [0, 1]. */
  context: number;
  confidence: number;
}

/** What a search needs to know about the tag being placed. */
export interface Target {
  quote: string;
  prefix: string;
  suffix: string;
  /** Where the tag is expected to start in the new text. */
  expected: number;
}

/** At most this many candidates per search get the full (edit distance) context score. */
const MAX_SCORED = 8;

/** Scores a placement whose quote similarity is known. */
export function score(text: string, t: Target, start: number, end: number, quoteSimilarity: number): Candidate {
  return {
    start,
    end,
    context: contextScore(text, start, end, t.prefix, t.suffix),
    confidence: confidence(text, start, end, quoteSimilarity, t.prefix, t.suffix, t.expected),
  };
}

/** Keeps the candidates most likely to win (longest exact context, then nearest) before scoring them fully. */
function shortlist(text: string, t: Target, spans: Array<[number, number]>): Array<[number, number]> {
  if (spans.length <= MAX_SCORED) return spans;
  const keyed = spans.map((sp) => ({
    sp,
    ctx: commonBefore(text, sp[0], t.prefix) + commonAfter(text, sp[1], t.suffix),
    dist: Math.abs(sp[0] - t.expected),
  }));
  keyed.sort((a, b) => b.ctx - a.ctx || a.dist - b.dist);
  return keyed.slice(0, MAX_SCORED).map((k) => k.sp);
}

function best(cands: Candidate[]): Candidate | null {
  let top: Candidate | null = null;
  for (const c of cands) {
    if (!top || c.confidence > top.confidence || (c.confidence === top.confidence && c.start < top.start)) top = c;
  }
  return top;
}

/** The best exact occurrence of the quote in text[lo, hi), or null. */
export function exactIn(text: string, t: Target, lo: number, hi: number): Candidate | null {
  const q = t.quote;
  lo = Math.max(0, lo);
  hi = Math.min(text.length, hi);
  if (q.length === 0 || hi - lo < q.length) return null;
  const spans: Array<[number, number]> = [];
  // Searching the whole text needs no copy; a window is a cheap slice.
  const window = lo === 0 && hi === text.length ? text : text.slice(lo, hi);
  for (let i = window.indexOf(q); i !== -1; i = window.indexOf(q, i + 1)) spans.push([lo + i, lo + i + q.length]);
  return best(shortlist(text, t, spans).map(([s, e]) => score(text, t, s, e, 1)));
}

/**
 * Maximum edit errors allowed for an approximate match of a quote of this length: 40 % of it for quotes of 26
 * characters or more, proportionally less for shorter ones (a short quote with many errors matches anything).
 */
export function maxErrorsFor(length: number): number {
  return Math.floor(length * Math.min(0.4, length / 64));
}

/** The best approximate match (approx-string-match: Myers' bit-parallel algorithm) of the quote in text[lo, hi). */
export function fuzzyIn(text: string, t: Target, lo: number, hi: number): Candidate | null {
  const q = t.quote;
  lo = Math.max(0, lo);
  hi = Math.min(text.length, hi);
  if (q.length === 0 || hi <= lo) return null;
  const matches = approxSearch(text.slice(lo, hi), q, maxErrorsFor(q.length));
  if (matches.length === 0) return null;
  const spans = matches.map((m): [number, number] => [lo + m.start, lo + m.end]).filter(([s, e]) => e > s);
  const errors = new Map<number, number>();
  for (const m of matches) errors.set(lo + m.start, Math.min(m.errors, errors.get(lo + m.start) ?? Infinity));
  return best(shortlist(text, t, spans).map(([s, e]) => score(text, t, s, e, 1 - (errors.get(s) ?? 0) / q.length)));
}

/**
 * The longest piece of the quote that survives at its head or its tail near the expected position: for edits
 * that cut into one end of the tag by more than the approximate search tolerates. Looks for the first and the
 * last half of the quote in text[lo, hi) and extends each occurrence while the text still agrees with the quote.
 */
export function partialIn(text: string, t: Target, lo: number, hi: number): Candidate | null {
  const q = t.quote;
  const half = Math.ceil(q.length / 2);
  if (half < 8) return null;
  lo = Math.max(0, lo);
  hi = Math.min(text.length, hi);
  const window = text.slice(lo, hi);
  const cands: Candidate[] = [];
  const head = q.slice(0, half);
  for (let i = window.indexOf(head), n = 0; i !== -1 && n < MAX_SCORED; i = window.indexOf(head, i + 1), n++) {
    const s = lo + i;
    let len = half;
    while (len < q.length && s + len < text.length && text.charCodeAt(s + len) === q.charCodeAt(len)) len++;
    cands.push(score(text, t, s, s + len, len / q.length));
  }
  const tail = q.slice(q.length - half);
  for (let i = window.indexOf(tail), n = 0; i !== -1 && n < MAX_SCORED; i = window.indexOf(tail, i + 1), n++) {
    const e = lo + i + half;
    let len = half;
    while (len < q.length && e - len > 0 && text.charCodeAt(e - len - 1) === q.charCodeAt(q.length - len - 1)) len++;
    cands.push(score(text, t, e - len, e, len / q.length));
  }
  return best(cands);
}

/** Letters, digits and everything beyond Latin-1 punctuation count as word characters. */
function isWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code >= 0xc0;
}

/** Length of the keys of {@link WordIndex}. */
export const KEY_LENGTH = 12;

/**
 * Where each word of the text starts, keyed by the {@link KEY_LENGTH} characters from there. Built on first use
 * (one pass over the text), so that the far searches of many tags cost a lookup each instead of a scan each.
 */
export class WordIndex {
  private map: Map<string, number[]> | undefined;
  constructor(private readonly text: string) {}

  get(key: string): readonly number[] {
    if (!this.map) {
      const map = new Map<string, number[]>();
      const text = this.text;
      let prevWord = false;
      for (let i = 0; i < text.length; i++) {
        const word = isWordChar(text.charCodeAt(i));
        if (word && !prevWord && i + KEY_LENGTH <= text.length) {
          const k = text.substr(i, KEY_LENGTH);
          const list = map.get(k);
          if (list) list.push(i);
          else map.set(k, [i]);
        }
        prevWord = word;
      }
      this.map = map;
    }
    return this.map.get(key) ?? [];
  }
}

/** Offsets in the quote where a word starts and a whole key fits (a first word cut by the tag does not count). */
function wordStartsIn(q: string, prefix: string): number[] {
  const out: number[] = [];
  for (let j = 0; j + KEY_LENGTH <= q.length; j++) {
    const before = j === 0 ? (prefix ? prefix.charCodeAt(prefix.length - 1) : 32) : q.charCodeAt(j - 1);
    if (isWordChar(q.charCodeAt(j)) && !isWordChar(before)) out.push(j);
  }
  return out;
}

/** The best exact occurrence anywhere, through the word index when the quote holds a word start, else indexOf. */
export function exactAnywhere(text: string, t: Target, index: WordIndex): Candidate | null {
  const q = t.quote;
  const starts = wordStartsIn(q, t.prefix);
  if (starts.length === 0) return exactIn(text, t, 0, text.length);
  const j = starts[0];
  const spans: Array<[number, number]> = [];
  for (const p of index.get(q.substr(j, KEY_LENGTH))) {
    if (p - j >= 0 && text.startsWith(q, p - j)) spans.push([p - j, p - j + q.length]);
  }
  return best(shortlist(text, t, spans).map(([s, e]) => score(text, t, s, e, 1)));
}

/**
 * Approximate matches anywhere in the text, seeded by exact occurrences of three words of the quote (near its
 * start, middle and end, found through the word index) and verified by an approximate search around each
 * predicted start: for tags that were both moved far and edited. Never a whole-text approximate search.
 */
export function seededIn(text: string, t: Target, index: WordIndex, maxSeedHits = 4): Candidate | null {
  const q = t.quote;
  if (q.length < 32) return null;
  const words = wordStartsIn(q, t.prefix);
  if (words.length === 0) return null;
  const offsets = [...new Set([words[0], words[words.length >> 1], words[words.length - 1]])];
  const starts: number[] = [];
  for (const off of offsets) {
    const hits = [...index.get(q.substr(off, KEY_LENGTH))].sort((a, b) => Math.abs(a - off - t.expected) - Math.abs(b - off - t.expected));
    for (const i of hits.slice(0, maxSeedHits)) {
      const predicted = i - off;
      if (!starts.some((s) => Math.abs(s - predicted) <= 8)) starts.push(predicted);
    }
  }
  const slack = maxErrorsFor(q.length) + 8;
  const cands: Candidate[] = [];
  for (const s of starts) {
    const c = fuzzyIn(text, t, s - slack, s + q.length + slack);
    if (c) cands.push(c);
  }
  return best(cands);
}
