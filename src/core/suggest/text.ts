// Text segmentation for the suggestion detectors: paragraphs, sentences and words, all as UTF-16 offsets
// into the caller's text (no substrings are kept around, so offsets stay valid for the editor layer).
//
// Paragraphs are cut at blank lines, and paragraphs longer than MAX_CHUNK at line breaks, then at ". "
// boundaries, so that every later pass works on short chunks. Words and sentences come from scanChunk below
// (one pass, no Intl.Segmenter: the choice and its figures are explained there).

export interface Span {
  start: number;
  end: number;
}

/** A chunk never handed to Intl.Segmenter in one piece is at most this long (UTF-16 units). */
export const MAX_CHUNK = 4000;

/** Letters/digits, joined by inner apostrophes, hyphens, dots and commas between digits ("3,500", "U.S", "don't"). */
export const WORD_RE = /[\p{L}\p{N}]+(?:(?:['’.-]|,(?=\d{3}))[\p{L}\p{N}]+)*/gu;

/**
 * Paragraph ranges: text between blank lines, trimmed of surrounding whitespace, cut further so that no
 * range is longer than MAX_CHUNK (at a line break, else after a sentence-final stop, else at a space).
 * Ranges are ordered, disjoint and never cut a word in two.
 */
export function paragraphRanges(text: string): Span[] {
  const out: Span[] = [];
  let from = 0;
  for (let at = blankLineAt(text, 0); at >= 0; at = blankLineAt(text, from)) {
    pushTrimmed(text, from, at, out);
    from = blankLineEnd;
  }
  pushTrimmed(text, from, text.length, out);
  return out;
}

/**
 * Where the blank-line pattern /\n[ \t]*(?:\r?\n)+|\r\n[ \t]*(?:\r?\n)+/g, searching from `from`, would match next
 * (-1: nowhere); the match's end goes to blankLineEnd. Found with indexOf('\n') and char-code tests rather
 * than the regex: each exec allocated a match array, and the search was ~2.5 % of a suggestion pass.
 */
function blankLineAt(text: string, from: number): number {
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
    blankLineEnd = k;
    return nl > from && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
  }
  return -1;
}
let blankLineEnd = 0;

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


/** Paragraph ranges of text[start, end) only (as paragraphRanges, without copying the range out). */
export function paragraphRangesIn(text: string, start: number, end: number): Span[] {
  if (start <= 0 && end >= text.length) return paragraphRanges(text);
  const out: Span[] = [];
  let from = start;
  for (let at = blankLineAt(text, start); at >= 0 && at < end; at = blankLineAt(text, from)) {
    pushTrimmed(text, from, at, out);
    from = Math.min(end, blankLineEnd);
  }
  pushTrimmed(text, from, end, out);
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Words and sentences in one scan.
//
// Words: the same as WORD_RE (letters/digits joined by inner ' ’ . - and by "," before three digits), found by
// a char-code loop with an ASCII fast path; other BMP characters are classified once with /[\p{L}\p{N}]/u and
// cached. WORD_RE itself stays exported (the benchmark's floor and termWords use the same pattern).
//
// Sentences: a scan that follows the Unicode sentence-break rules that matter in news copy (UAX #29, the rules
// Intl.Segmenter implements) — a break after ? or !, after "." unless the next letter is lower-case or the
// next mark is , ; : or a dash, after a line break; closing quotes and brackets stay with the sentence — plus
// our repairs: no break after titles ("Mr.", "Sen."), after "No."/"Jan." before a digit, or after a list
// marker ("1.").
//
// Measured on Node 20.20 (shared 2-core machine; bench/suggest.bench.ts, "segmentation on 50 KB" table):
//   Intl.Segmenter sentences, one call ........ 227 ms / 50 KB (superlinear: 1 MB in one call took seconds)
//   Intl.Segmenter sentences, per paragraph ...  2.5 ms / 50 KB (+ slices and the repairs: ~180 ms per MB
//                                                in the old sentenceRanges, measured with --cpu-prof)
//   Intl.Segmenter words, per paragraph ....... 28 ms / 50 KB
//   WORD_RE.exec over the text (the floor) ....  2.9 ms / 50 KB
//   scanChunk: words AND sentences ............  2.0 ms / 50 KB (token objects included)
// The scan replaced "Intl.Segmenter per paragraph + repairs + WORD_RE per sentence": on 8,206 sentences (the
// benchmark text, our evaluation texts, NewsSD-ENG train and val run together) both give identical sentences
// and identical suggestions.

export class Token {
  constructor(
    public start: number,
    public end: number,
    /** Lower-cased, curly apostrophes made straight. */
    public lower: string,
    /** Starts with an upper-case letter. */
    public cap: boolean,
    /** Contains a digit. */
    public digit: boolean,
    /** Id of lower among the interned words (0 <= id < INTERN_SIZE, dense: numbered in the order interned), or -1: per-word look-ups can be cached by it. */
    public id: number = -1,
  ) {}
}

/** A sentence of a scanned chunk: its trimmed span and its tokens chunk.tokens[first, last). */
export interface SentenceSpan extends Span {
  first: number;
  last: number;
}

export interface ScannedChunk {
  tokens: Token[];
  sentences: SentenceSpan[];
  /** How many of tokens / sentences belong to the chunk: their lengths, except in a reused chunk (below). */
  tokenCount: number;
  sentenceCount: number;
  /** Offsets of the quote marks " “ ” (for quoteSpansOfMarks), quoteMarks[0, quoteMarkCount). */
  quoteMarks: number[];
  quoteMarkCount: number;
}

/**
 * A chunk whose Token and SentenceSpan objects are overwritten by the next scanChunk(…, chunk) call: a
 * megabyte holds ~180k words, and allocating an object per word was a large part of the garbage. Entries past
 * tokenCount / sentenceCount are left-overs of earlier chunks.
 */
export function reusableChunk(): ScannedChunk {
  // Arrays that have held objects (elements kind "packed objects") from the start: a chunk then has the same
  // hidden classes before and after its first scan, and the optimised scan is not thrown away for a new one.
  const tokens = [new Token(0, 0, '', false, false)];
  tokens.pop();
  const sentences = [{ start: 0, end: 0, first: 0, last: 0 }];
  sentences.pop();
  return { tokens, sentences, tokenCount: 0, sentenceCount: 0, quoteMarks: [], quoteMarkCount: 0 };
}

const WORD_CHAR_RE = /^[\p{L}\p{N}]$/u;
/** BMP word-character cache: 0 unknown, 1 letter/digit, 2 other. */
const bmpClass = new Uint8Array(65536);
for (let c = 0; c < 128; c++) bmpClass[c] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 2;

/** Length (1 or 2) of the letter/digit at i, or 0. */
function wordCharAt(text: string, i: number, end: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return bmpClass[c] === 1 ? 1 : 0;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return WORD_CHAR_RE.test(text.slice(i, i + 2)) ? 2 : 0;
  }
  let k = bmpClass[c];
  if (k === 0) bmpClass[c] = k = WORD_CHAR_RE.test(String.fromCharCode(c)) ? 1 : 2;
  return k === 1 ? 1 : 0;
}

function isUpperAt(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
}

/** Sentence terminators: . ! ? (not the ellipsis "…", which ICU does not break after either). */
function isTerm(c: number): boolean {
  return c === 46 || c === 33 || c === 63;
}

/** Closing marks that stay with the sentence before a break: quotes and brackets. */
function isClose(c: number): boolean {
  return c === 34 || c === 39 || c === 41 || c === 93 || c === 125 || c === 0x201d || c === 0x2019 || c === 0xbb || c === 0x201c || c === 0x2018 || c === 0xab;
}

function isLineBreak(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029 || c === 0x85;
}

/** Marks after which a "." does not end the sentence: , ; : and dashes. */
function isContinue(c: number): boolean {
  return c === 44 || c === 59 || c === 58 || c === 45 || c === 0x2013 || c === 0x2014;
}

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

const TITLE_ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sen', 'rep', 'gov', 'gen', 'col', 'lt', 'sgt', 'capt', 'cmdr', 'adm', 'rev', 'hon',
  'st', 'mt', 'vs', 'e.g', 'i.e', 'cf', 'pres', 'supt', 'det', 'insp',
]);
/** Only when a digit follows ("No. 3", "Jan. 5"), since "He said no." really ends a sentence. */
const NUMBER_ABBREVIATIONS = new Set([
  'no', 'nos', 'fig', 'approx', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'vol', 'pp', 'p', 'ch', 'art', 'sec', 'op',
]);

/** "Mr." / "No. 5": the "." at dot, which closes the sentence text[s, dot], is an abbreviation's. prev is the word ending at dot. */
function abbreviationDot(text: string, s: number, dot: number, end: number, prev: Token): boolean {
  let i = dot;
  while (i > s) {
    const c = text.charCodeAt(i - 1);
    if (isSpace(c) || c === 40 /* ( */ || c === 34 || c === 0x201c) break;
    i--;
  }
  if (dot - i > 6 || dot === i) return false;
  // Most sentences end in a word that the scan has just interned: its class is cached by its id (a stop is
  // checked at every sentence end). Otherwise the interned lower-case form (no allocation for repeats): it equals
  // text.slice(i, dot).toLowerCase() except that ’ becomes ', and no abbreviation holds either apostrophe.
  let k: number;
  if (i === prev.start && prev.end === dot && prev.id >= 0) {
    k = abbreviationById[prev.id];
    if (k === 0) abbreviationById[prev.id] = k = abbreviationKind(prev.lower);
  } else k = abbreviationKind(lowerWord(text, i, dot, true));
  if (k === TITLE) return true;
  if (k !== BEFORE_NUMBER) return false;
  let j = dot + 1;
  while (j < end && isSpace(text.charCodeAt(j))) j++;
  const d = text.charCodeAt(j);
  return d >= 48 && d <= 57;
}

const NOT_ABBREVIATION = 1;
const TITLE = 2;
const BEFORE_NUMBER = 3;

function abbreviationKind(word: string): number {
  return TITLE_ABBREVIATIONS.has(word) ? TITLE : NUMBER_ABBREVIATIONS.has(word) ? BEFORE_NUMBER : NOT_ABBREVIATION;
}

/**
 * Scans the gap text[from, to) between two words (or after the last word, to = chunk end) of the sentence that
 * began at sentenceStart; lonePrev is its only word so far when the sentence starts with it (a possible list
 * marker), prev the word that ends at from. Returns -1 when no sentence ends in the gap; else the end of the sentence (closing marks included),
 * and sets gapNext to where the next sentence may start (a second return value, read right after the call).
 */
let gapNext = 0;
function sentenceEndInGap(text: string, from: number, to: number, end: number, sentenceStart: number, lonePrev: Token | undefined, prev: Token): number {
  let found = -1;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (isLineBreak(c)) {
      if (found < 0) found = i;
      gapNext = i + 1;
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
    gapNext = j;
  }
  return found;
}

/**
 * Words and sentences of text[start, end) (one paragraph or chunk from paragraphRanges); into a reusableChunk
 * when one is given (its objects are overwritten), else into a fresh chunk whose arrays are exactly
 * tokenCount / sentenceCount / quoteMarkCount long.
 */
export function scanChunk(text: string, start: number, end: number, into?: ScannedChunk): ScannedChunk {
  return into !== undefined ? scanInto(text, start, end, into) : scanFresh(text, start, end);
}

function scanFresh(text: string, start: number, end: number): ScannedChunk {
  // A new chunk takes the same path as a reused one (its arrays start with the same element kind, see
  // reusableChunk, so the optimised scan serves both) and ends up exactly tokenCount / sentenceCount /
  // quoteMarkCount long.
  return scanInto(text, start, end, reusableChunk());
}

function scanInto(text: string, start: number, end: number, into: ScannedChunk): ScannedChunk {
  const tokens = into.tokens;
  const sentences = into.sentences;
  const quoteMarks = into.quoteMarks;
  let nTok = 0;
  let nSent = 0;
  let nQuote = 0;
  let sentStart = start;
  let sentFirst = 0;
  let prevEnd = start;
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c < 128 ? bmpClass[c] !== 1 : wordCharAt(text, i, end) === 0) {
      // Quote marks are never part of a word: noted here, the quotation pass need not read the text again.
      if (c === 34 || c === 0x201c || c === 0x201d) {
        if (nQuote < quoteMarks.length) quoteMarks[nQuote] = i;
        else quoteMarks.push(i);
        nQuote++;
      }
      i++;
      continue;
    }
    // A word starts at i. First, does the gap before it end a sentence?
    if (i > prevEnd && nTok > sentFirst) {
      const lone = nTok - sentFirst === 1 && tokens[sentFirst].start === sentStart ? tokens[sentFirst] : undefined;
      const e = sentenceEndInGap(text, prevEnd, i, end, sentStart, lone, tokens[nTok - 1]);
      if (e >= 0) {
        let se = e;
        while (se > sentStart && isSpace(text.charCodeAt(se - 1))) se--;
        putSentence(sentences, nSent++, sentStart, se, sentFirst, nTok);
        let ns = Math.min(gapNext, i);
        while (ns < i && isSpace(text.charCodeAt(ns))) ns++;
        sentStart = ns;
        sentFirst = nTok;
      }
    } else if (nTok === sentFirst && i > prevEnd) {
      // No word yet in this sentence: a line break before the first word starts it afresh.
      for (let k = prevEnd; k < i; k++) if (isLineBreak(text.charCodeAt(k))) sentStart = k + 1;
      while (sentStart < i && isSpace(text.charCodeAt(sentStart))) sentStart++;
    }
    const s = i;
    let digit = false;
    let curly = false;
    // The intern hash (as lowerWord computes it) is taken on the way, unless a letter is not ASCII.
    let h = FNV_OFFSET;
    let ascii = true;
    for (;;) {
      // A run of letters/digits.
      while (i < end) {
        const d = text.charCodeAt(i);
        if (d < 128) {
          if (bmpClass[d] !== 1) break;
          if (d <= 57) digit = true;
          h = Math.imul(h ^ (d >= 65 && d <= 90 ? d + 32 : d), FNV_PRIME);
          i++;
        } else {
          const k = wordCharAt(text, i, end);
          if (!k) break;
          ascii = false;
          i += k;
        }
      }
      if (i + 1 >= end) break;
      const j = text.charCodeAt(i);
      if (j === 39 || j === 46 || j === 45 || j === 0x2019) {
        if (!wordCharAt(text, i + 1, end)) break;
        if (j === 0x2019) curly = true;
        h = Math.imul(h ^ (j === 0x2019 ? 39 : j), FNV_PRIME);
        i++;
      } else if (j === 44 && i + 3 < end && isDigit(text.charCodeAt(i + 1)) && isDigit(text.charCodeAt(i + 2)) && isDigit(text.charCodeAt(i + 3))) {
        h = Math.imul(h ^ 44, FNV_PRIME);
        i++;
      } else break;
    }
    let lower: string;
    if (ascii) lower = internHashed(text, s, i, curly, h);
    else {
      internId = -1;
      lower = lowerSlow(text, s, i, curly);
    }
    const tok = tokens[nTok];
    if (tok === undefined) tokens.push(new Token(s, i, lower, isUpperAt(c), digit, internId));
    else {
      tok.start = s;
      tok.end = i;
      tok.lower = lower;
      tok.cap = isUpperAt(c);
      tok.digit = digit;
      tok.id = internId;
    }
    nTok++;
    prevEnd = i;
  }
  if (nTok > sentFirst) {
    // A break in the last gap leaves only marks after it ("Done. —"): the sentence ends at the break.
    const lone = nTok - sentFirst === 1 && tokens[sentFirst].start === sentStart ? tokens[sentFirst] : undefined;
    const e = prevEnd < end ? sentenceEndInGap(text, prevEnd, end, end, sentStart, lone, tokens[nTok - 1]) : -1;
    let se = e >= 0 ? e : end;
    while (se > sentStart && isSpace(text.charCodeAt(se - 1))) se--;
    putSentence(sentences, nSent++, sentStart, se, sentFirst, nTok);
  }
  into.tokenCount = nTok;
  into.sentenceCount = nSent;
  into.quoteMarkCount = nQuote;
  return into;
}

function putSentence(sentences: SentenceSpan[], k: number, start: number, end: number, first: number, last: number): void {
  const old = sentences[k];
  if (old === undefined) sentences.push({ start, end, first, last });
  else {
    old.start = start;
    old.end = end;
    old.first = first;
    old.last = last;
  }
}

// Lower-cased words are interned: most words of a text are repeats, and handing out the same string again
// (found by hashing the characters in place) spares two string allocations per word. ASCII words only (plus
// the curly apostrophe), at most INTERN_LIMIT of them, kept for the life of the process.
//
// A word's id (Token.id) is its number in the order of interning, not its place in the hash table: the
// detectors cache per-word look-ups in arrays indexed by id, and dense ids keep the few thousand words of a
// text on a few cache lines of those arrays instead of scattered over 64k slots (on the evaluation texts the
// reads of those arrays and of the table were a fifth of a per-paragraph pass under --cpu-prof, mostly cache
// misses). The table holds (hash, id + 1) pairs side by side, so that a probe reads one cache line and
// compares the characters only when the full hash matches; it starts small and doubles when half full (up to
// INTERN_SIZE slots), so that it stays as small as the vocabulary seen so far.
export const INTERN_SIZE = 1 << 16;
const INTERN_LIMIT = INTERN_SIZE >> 1;
/** Per slot of the open-addressing table: [2 * slot] the word's hash, [2 * slot + 1] its id + 1 (0: empty). */
let internKeys = new Int32Array(2 << 12);
let internMask = (1 << 12) - 1;
/** The interned words by id. */
const internWords: string[] = [];
let interned = 0;
/** abbreviationKind by id (0: not looked up yet). */
const abbreviationById = new Uint8Array(INTERN_SIZE);
/** The id of the string lowerWord returned last, or -1 when it is not interned (a second return value). */
let internId = -1;

function lowerSlow(text: string, s: number, e: number, curly: boolean): string {
  const lower = text.slice(s, e).toLowerCase();
  return curly ? lower.replace(/’/g, "'") : lower;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 16777619;

/** text[s, e) lower-cased, with ’ made '. */
function lowerWord(text: string, s: number, e: number, curly: boolean): string {
  let h = FNV_OFFSET;
  for (let k = s; k < e; k++) {
    let c = text.charCodeAt(k);
    if (c >= 65 && c <= 90) c += 32;
    else if (c >= 128) {
      if (c !== 0x2019) {
        internId = -1;
        return lowerSlow(text, s, e, curly);
      }
      c = 39;
    }
    h = Math.imul(h ^ c, FNV_PRIME);
  }
  return internHashed(text, s, e, curly, h);
}

/** lowerWord of text[s, e), which holds no character >= 128 but ’, whose hash h the caller computed. */
function internHashed(text: string, s: number, e: number, curly: boolean, h: number): string {
  const n = e - s;
  const keys = internKeys;
  const mask = internMask;
  for (let idx = h & mask; ; idx = (idx + 1) & mask) {
    const id1 = keys[2 * idx + 1];
    if (id1 === 0) {
      const lower = lowerSlow(text, s, e, curly);
      if (interned < INTERN_LIMIT) {
        keys[2 * idx] = h;
        keys[2 * idx + 1] = interned + 1;
        internWords.push(lower);
        internId = interned;
        interned++;
        if (2 * interned > mask && mask < INTERN_SIZE - 1) growInternTable();
      } else internId = -1;
      return lower;
    }
    if (keys[2 * idx] === h) {
      const w = internWords[id1 - 1];
      if (w.length === n && sameLower(w, text, s)) {
        internId = id1 - 1;
        return w;
      }
    }
  }
}

/** Doubles the intern table (ids stay). */
function growInternTable(): void {
  const old = internKeys;
  const mask = internMask * 2 + 1;
  const keys = new Int32Array(2 * (mask + 1));
  for (let k = 0; k < old.length; k += 2) {
    if (old[k + 1] === 0) continue;
    let idx = old[k] & mask;
    while (keys[2 * idx + 1] !== 0) idx = (idx + 1) & mask;
    keys[2 * idx] = old[k];
    keys[2 * idx + 1] = old[k + 1];
  }
  internKeys = keys;
  internMask = mask;
}

function sameLower(w: string, text: string, s: number): boolean {
  for (let k = 0; k < w.length; k++) {
    let c = text.charCodeAt(s + k);
    if (c >= 65 && c <= 90) c += 32;
    else if (c === 0x2019) c = 39;
    if (w.charCodeAt(k) !== c) return false;
  }
  return true;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Sentence ranges inside text[start, end) (one paragraph or chunk), trimmed, abbreviations repaired. */
export function sentenceRanges(text: string, start: number, end: number): Span[] {
  return scanChunk(text, start, end).sentences.map((s) => ({ start: s.start, end: s.end }));
}
