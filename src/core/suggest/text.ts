// Text segmentation for the suggestion detectors: paragraphs here; words and sentences in scan.ts (one pass, no
// Intl.Segmenter: the choice and its figures are explained there). All as UTF-16 offsets into the caller's text.
//
// Paragraphs are cut at blank lines, and paragraphs longer than MAX_CHUNK at line breaks, then at ". "
// boundaries, so that every later pass works on short chunks. This module is also the segmenter's public face
// (textUnits.ts and the benchmarks import from it).
import { isSpace } from './chars';
import type { Span } from './chunk';

export { WORD_RE } from './chars';
export { reusableChunk, Token } from './chunk';
export type { ScannedChunk, SentenceSpan, Span } from './chunk';
export { INTERN_SIZE } from './intern';
export { scanChunk, sentenceRanges } from './scan';

/** No paragraph range is longer than this (UTF-16 units): longer paragraphs are cut (see findCut). */
export const MAX_CHUNK = 4000;

/**
 * Paragraph ranges: text between blank lines, trimmed of surrounding whitespace, cut further so that no
 * range is longer than MAX_CHUNK (at a line break, else after a sentence-final stop, else at a space).
 * Ranges are ordered, disjoint and never cut a word in two.
 */
export function paragraphRanges(text: string): Span[] {
  const out: Span[] = [];
  const blank: Span = { start: 0, end: 0 };
  let from = 0;
  while (blankLineAt(text, from, blank)) {
    pushTrimmed(text, from, blank.start, out);
    from = blank.end;
  }
  pushTrimmed(text, from, text.length, out);
  return out;
}

/**
 * Where the blank-line pattern /\n[ \t]*(?:\r?\n)+|\r\n[ \t]*(?:\r?\n)+/g, searching from `from`, would match next:
 * false when nowhere, else true with the match in `match`. Found with indexOf('\n') and char-code tests rather
 * than the regex: each exec allocated a match array, and the search was ~2.5 % of a suggestion pass.
 */
function blankLineAt(text: string, from: number, match: Span): boolean {
  for (let nl = text.indexOf('\n', from); nl >= 0; nl = text.indexOf('\n', nl + 1)) {
    // \n[ \t]*(?:\r?\n)+ — or the same after a \r, which then starts the match.
    let k = nl + 1;
    while (k < text.length && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
    let newlines = 0;
    for (;;) {
      if (text.charCodeAt(k) === 10) k++;
      else if (text.charCodeAt(k) === 13 && text.charCodeAt(k + 1) === 10) k += 2;
      else break;
      newlines++;
    }
    if (newlines === 0) continue;
    match.start = nl > from && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    match.end = k;
    return true;
  }
  return false;
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


/** Paragraph ranges of text[start, end) only (as paragraphRanges, without copying the range out). */
export function paragraphRangesIn(text: string, start: number, end: number): Span[] {
  if (start <= 0 && end >= text.length) return paragraphRanges(text);
  const out: Span[] = [];
  const blank: Span = { start: 0, end: 0 };
  let from = start;
  while (blankLineAt(text, from, blank) && blank.start < end) {
    pushTrimmed(text, from, blank.start, out);
    from = Math.min(end, blank.end);
  }
  pushTrimmed(text, from, end, out);
  return out;
}
