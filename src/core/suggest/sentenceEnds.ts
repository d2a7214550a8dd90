// Where sentences end, between two words of a scan (scan.ts): the Unicode sentence-break rules that matter in
// news copy (UAX #29, the rules Intl.Segmenter implements) — a break after ? or !, after "." unless the next
// letter is lower-case or the next mark is , ; : or a dash, after a line break; closing quotes and brackets
// stay with the sentence — plus our repairs: no break after titles ("Mr.", "Sen."), after "No."/"Jan." before
// a digit, or after a list marker ("1.").
import { isClose, isContinue, isLineBreak, isSpace, isTerm, wordCharAt } from './chars';
import type { Token } from './chunk';
import { WORDS } from './intern';
import { wordSet } from './wordLists';

/** Is the first letter at or after i (skipping digits, quotes and other marks, up to a terminator or line break) lower-case? */
function nextLetterIsLower(text: string, i: number, end: number): boolean {
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isTerm(c) || isLineBreak(c)) return false;
    if (c < 128) {
      if (c >= 97 && c <= 122) return true;
      if (c >= 65 && c <= 90) return false;
      continue;
    }
    if (wordCharAt(text, i, end) && !(c >= 0xd800 && c <= 0xdfff)) {
      const ch = text[i];
      if (ch !== ch.toUpperCase()) return true;
      if (ch !== ch.toLowerCase()) return false;
      if (!/\p{N}/u.test(ch)) return false; // other letters (no case) end the look-ahead
    }
  }
  return false;
}

const TITLE_ABBREVIATIONS = [
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sen', 'rep', 'gov', 'gen', 'col', 'lt', 'sgt', 'capt', 'cmdr', 'adm', 'rev', 'hon',
  'st', 'mt', 'vs', 'e.g', 'i.e', 'cf', 'pres', 'supt', 'det', 'insp',
];
/** Only when a digit follows ("No. 3", "Jan. 5"), since "He said no." really ends a sentence. */
const NUMBER_ABBREVIATIONS = [
  'no', 'nos', 'fig', 'approx', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'vol', 'pp', 'p', 'ch', 'art', 'sec', 'op',
];
const TITLES = wordSet('sentenceEnds.TITLE_ABBREVIATIONS', TITLE_ABBREVIATIONS);
const BEFORE_NUMBERS = wordSet('sentenceEnds.NUMBER_ABBREVIATIONS', NUMBER_ABBREVIATIONS);

const NOT_ABBREVIATION = 1;
const TITLE = 2;
const BEFORE_NUMBER = 3;

function abbreviationKind(word: string): number {
  return TITLES.has(word) ? TITLE : BEFORE_NUMBERS.has(word) ? BEFORE_NUMBER : NOT_ABBREVIATION;
}

/** "Mr." / "No. 5": the "." at dot, which closes the sentence text[s, dot], is an abbreviation's. prev is the word ending at dot. */
function abbreviationDot(text: string, s: number, dot: number, end: number, prev: Token): boolean {
  let i = dot;
  while (i > s) {
    const c = text.charCodeAt(i - 1);
    if (isSpace(c) || c === 40 /* ( */ || c === 34 || c === 0x201c) break;
    i--;
  }
  if (dot - i > 6 || dot === i) return false;
  // Most sentences end in the word the scan has just made lower-case; otherwise the interned lower-case form (no
  // allocation for repeats): it equals text.slice(i, dot).toLowerCase() except that ’ becomes ', and no
  // abbreviation holds either apostrophe.
  const k = abbreviationKind(i === prev.start && prev.end === dot ? prev.lower : WORDS.lower(text, i, dot, true));
  if (k === TITLE) return true;
  if (k !== BEFORE_NUMBER) return false;
  let j = dot + 1;
  while (j < end && isSpace(text.charCodeAt(j))) j++;
  const d = text.charCodeAt(j);
  return d >= 48 && d <= 57;
}

/** Where the next sentence may start after a break found by sentenceEndInGap (its second return value). */
export interface GapEnd {
  next: number;
}

/**
 * Scans the gap text[from, to) between two words (or after the last word, to = chunk end) of the sentence that
 * began at sentenceStart; lonePrev is its only word so far when the sentence starts with it (a possible list
 * marker), prev the word that ends at from. Returns -1 when no sentence ends in the gap; else the end of the
 * sentence (closing marks included), and sets out.next to where the next sentence may start.
 */
export function sentenceEndInGap(text: string, from: number, to: number, end: number, sentenceStart: number, lonePrev: Token | undefined, prev: Token, out: GapEnd): number {
  let found = -1;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (isLineBreak(c)) {
      if (found < 0) found = i;
      out.next = i + 1;
      continue;
    }
    if (!isTerm(c)) continue;
    let j = i;
    let strong = false;
    while (j < end && isTerm(text.charCodeAt(j))) {
      if (text.charCodeAt(j) !== 46) strong = true;
      j++;
    }
    const afterTerms = j;
    while (j < end && isClose(text.charCodeAt(j))) j++;
    const afterClose = j;
    while (j < end && isSpace(text.charCodeAt(j)) && !isLineBreak(text.charCodeAt(j))) j++;
    if (j < end && isLineBreak(text.charCodeAt(j))) j++;
    i = Math.max(i, Math.min(j, to) - 1);
    if (j < end && isContinue(text.charCodeAt(j))) continue;
    if (!strong) {
      if (j >= end) { /* the chunk ends here */ } else if (nextLetterIsLower(text, j, end)) continue;
      // Our repairs: titles and numbered abbreviations, list markers ("1." before the item).
      if (afterTerms === from + 1 && j < end && abbreviationDot(text, sentenceStart, from, end, prev)) continue;
      if (lonePrev && afterTerms === from + 1 && j < end && lonePrev.end - lonePrev.start <= 3 && lonePrev.digit && /^\d+$/.test(lonePrev.lower)) continue;
    }
    if (found < 0) found = afterClose;
    out.next = j;
  }
  return found;
}
