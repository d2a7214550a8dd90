// Text segmentation for the suggestion detectors: paragraphs, sentences and words, all as UTF-16 offsets
// into the caller's text (no substrings are kept around, so offsets stay valid for the editor layer).
//
// Measured on Node 20 (bench/suggest.bench.ts, ~1 MB of news-like text):
// - Intl.Segmenter's sentence iterator is superlinear on one long string (1 MB in one call took seconds),
//   so it only ever sees one paragraph at a time, and paragraphs longer than MAX_CHUNK are cut first at
//   line breaks, then at ". " boundaries.
// - Intl.Segmenter's word iterator ran at ~2-3 MB/s, a sticky Unicode word regex at 30+ MB/s: words come
//   from WORD_RE below.

export interface Span {
  start: number;
  end: number;
}

/** A chunk never handed to Intl.Segmenter in one piece is at most this long (UTF-16 units). */
export const MAX_CHUNK = 4000;

/** Letters/digits, joined by inner apostrophes, hyphens, dots and commas between digits ("3,500", "U.S", "don't"). */
export const WORD_RE = /[\p{L}\p{N}]+(?:(?:['’.-]|,(?=\d{3}))[\p{L}\p{N}]+)*/gu;

const BLANK_LINE_RE = /\n[ \t]*(?:\r?\n)+|\r\n[ \t]*(?:\r?\n)+/g;

/**
 * Paragraph ranges: text between blank lines, trimmed of surrounding whitespace, cut further so that no
 * range is longer than MAX_CHUNK (at a line break, else after a sentence-final stop, else at a space).
 * Ranges are ordered, disjoint and never cut a word in two.
 */
export function paragraphRanges(text: string): Span[] {
  const out: Span[] = [];
  BLANK_LINE_RE.lastIndex = 0;
  let from = 0;
  let m: RegExpExecArray | null;
  while ((m = BLANK_LINE_RE.exec(text)) !== null) {
    pushTrimmed(text, from, m.index, out);
    from = m.index + m[0].length;
  }
  pushTrimmed(text, from, text.length, out);
  return out;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 12 || c === 11;
}

function pushTrimmed(text: string, start: number, end: number, out: Span[]): void {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  while (end - start > MAX_CHUNK) {
    const cut = findCut(text, start, start + MAX_CHUNK);
    let e = cut;
    while (e > start && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > start) out.push({ start, end: e });
    start = cut;
    while (start < end && isSpace(text.charCodeAt(start))) start++;
  }
  if (end > start) out.push({ start, end });
}

/** Best place to cut text[start, limit): after the last newline, else after the last ". ", else at the last space. */
function findCut(text: string, start: number, limit: number): number {
  const minimum = start + (MAX_CHUNK >> 2);
  const nl = text.lastIndexOf('\n', limit - 1);
  if (nl >= minimum) return nl + 1;
  for (let i = limit - 1; i > minimum; i--) {
    const c = text.charCodeAt(i);
    if ((c === 46 || c === 33 || c === 63) && isSpace(text.charCodeAt(i + 1))) return i + 1;
  }
  const sp = text.lastIndexOf(' ', limit - 1);
  if (sp > start) return sp + 1;
  // No space at all (e.g. a long URL or CJK run): cut hard, but never inside a surrogate pair.
  let cut = limit;
  const c = text.charCodeAt(cut - 1);
  if (c >= 0xd800 && c <= 0xdbff) cut--;
  return cut;
}

// Abbreviations after which ICU wrongly ends a sentence ("Mr. Smith", "Sen. Ortiz"); the second set only
// when a digit follows ("No. 3", "Jan. 5"), since "He said no." really ends a sentence.
const TITLE_ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sen', 'rep', 'gov', 'gen', 'col', 'lt', 'sgt', 'capt', 'cmdr', 'adm', 'rev', 'hon',
  'st', 'mt', 'vs', 'e.g', 'i.e', 'cf', 'gov', 'pres', 'supt', 'det', 'insp',
]);
const NUMBER_ABBREVIATIONS = new Set([
  'no', 'nos', 'fig', 'approx', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'vol', 'pp', 'p', 'ch', 'art', 'sec', 'op',
]);

let sentenceSegmenter: Intl.Segmenter | undefined;

/** Sentence ranges inside text[start, end) (one paragraph or chunk), trimmed, abbreviations repaired. */
export function sentenceRanges(text: string, start: number, end: number): Span[] {
  sentenceSegmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  const out: Span[] = [];
  const chunk = text.slice(start, end);
  let pendingStart = -1;
  for (const seg of sentenceSegmenter.segment(chunk)) {
    let s = start + seg.index;
    let e = s + seg.segment.length;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e <= s) continue;
    if (pendingStart >= 0) s = pendingStart;
    if ((endsWithAbbreviation(text, s, e) || isListMarker(text, s, e)) && e < end) {
      pendingStart = s;
      continue;
    }
    pendingStart = -1;
    out.push({ start: s, end: e });
  }
  if (pendingStart >= 0) {
    let e = end;
    while (e > pendingStart && isSpace(text.charCodeAt(e - 1))) e--;
    out.push({ start: pendingStart, end: e });
  }
  return out;
}

/** "1." or "2)" alone: a list marker, which belongs to the sentence after it. */
function isListMarker(text: string, s: number, e: number): boolean {
  return e - s <= 4 && /^\d{1,3}[.)]$/.test(text.slice(s, e));
}

function endsWithAbbreviation(text: string, s: number, e: number): boolean {
  if (text.charCodeAt(e - 1) !== 46 /* . */) return false;
  let i = e - 1;
  while (i > s) {
    const c = text.charCodeAt(i - 1);
    if (isSpace(c) || c === 40 /* ( */ || c === 34 || c === 0x201c) break;
    i--;
  }
  const word = text.slice(i, e - 1).toLowerCase();
  if (TITLE_ABBREVIATIONS.has(word)) return true;
  if (!NUMBER_ABBREVIATIONS.has(word)) return false;
  let j = e;
  while (j < text.length && isSpace(text.charCodeAt(j))) j++;
  const d = text.charCodeAt(j);
  return d >= 48 && d <= 57;
}
