// Phrase keys (issue 13): a tagged quote's normalised words joined by single spaces, and the hashes the phrase
// memory indexes them by, computed in one scan of the quote.
import { asciiNormEnd, findWords, hashSlice, hashString, normSlice, WordBuffer } from './normalize';

/** Longer tags (whole paragraphs) are not remembered: they would never recur and cost memory. */
export const MAX_PHRASE_WORDS = 60;

const quoteBuf = new WordBuffer();

/**
 * A lower-cased quote of ASCII words (letters and digits, inner ' or -) separated by single spaces, with at most
 * one of . , ; : ! ? after the last: most tags. Its words are what findWords finds, and they are found by the
 * spaces (the classes are disjoint, so the test runs in one pass).
 */
const SIMPLE_QUOTE = /^[a-z0-9]+(?:['-][a-z0-9]+)*(?: [a-z0-9]+(?:['-][a-z0-9]+)*)*[.,;:!?]?$/;

/** findWords of a SIMPLE_QUOTE: its words between the spaces, each with the hash of its normalised form. */
function spacedWords(quote: string, buf: WordBuffer): number {
  let end = quote.length;
  const last = quote.charCodeAt(end - 1);
  if (!((last >= 97 && last <= 122) || (last >= 48 && last <= 57))) end--;
  let n = 0;
  for (let s = 0; s < end; n++) {
    let e = quote.indexOf(' ', s);
    if (e < 0 || e > end) e = end;
    if (n === buf.starts.length) buf.grow();
    buf.starts[n] = s;
    buf.ends[n] = e;
    buf.hashes[n] = hashSlice(quote, s, asciiNormEnd(quote, s, e));
    buf.hashed[n] = 1;
    s = e + 1;
  }
  return n;
}

/** What keyOfQuote found besides the key: its number of words, its first two normalised words' lengths and hashes, and its keyHash. */
export interface QuoteKeyParts {
  words: number;
  firstLength: number;
  secondLength: number;
  firstHash: number;
  secondHash: number;
  keyHash: number;
}

/** keyHash of a key: its words' hashString folded (what keyOfQuote computes from the words it scans). */
export function keyHashOf(key: string): number {
  let h = 0;
  for (const w of key.split(' ')) h = foldHash(h, hashString(w));
  return h;
}

export function foldHash(h: number, word: number): number {
  return (Math.imul(h, 0x01000193) ^ word) | 0;
}

/**
 * The phrase key of a tag's quote (its words normalised by normSlice on the lower-cased quote, joined by single
 * spaces), '' when it has none or more than MAX_PHRASE_WORDS words; fills `parts` (reused: no object per tag).
 * Words of ASCII letters are not normalised one by one: a run of them separated by single spaces, none cut short
 * by normalisation but the last (a word cut short leaves a gap wider than one space), is a slice of the lower-cased quote (the whole quote, often), so building the
 * memory of 100,000 tags allocates a string per phrase instead of two or three per word.
 */
export function keyOfQuote(quote: string, parts: QuoteKeyParts): string {
  // One toLowerCase per quote rather than per word, when it keeps every offset (almost always).
  const lower = quote.toLowerCase();
  const lowered = lower.length === quote.length;
  const src = lowered ? lower : quote;
  const n = lowered && SIMPLE_QUOTE.test(src) ? spacedWords(src, quoteBuf) : findWords(src, 0, src.length, quoteBuf);
  parts.words = n;
  parts.firstLength = parts.secondLength = parts.firstHash = parts.secondHash = parts.keyHash = 0;
  if (!n || n > MAX_PHRASE_WORDS) return '';
  // ’ becomes ' in normalised words: those take the slow path.
  const curly = src.includes('’');
  const { starts: ss, ends: es, hashed, hashes } = quoteBuf;
  let key = '';
  let runStart = -1;
  let runEnd = -1;
  for (let k = 0; k < n; k++) {
    const s = ss[k];
    const e = es[k];
    let length: number;
    let h: number;
    if (lowered && hashed[k] && !curly) {
      h = hashes[k];
      const ne = asciiNormEnd(src, s, e);
      if (runStart >= 0 && s === runEnd + 1 && src.charCodeAt(runEnd) === 32) runEnd = ne;
      else {
        if (runStart >= 0) key = key ? `${key} ${src.slice(runStart, runEnd)}` : src.slice(runStart, runEnd);
        runStart = s;
        runEnd = ne;
      }
      length = ne - s;
    } else {
      if (runStart >= 0) key = key ? `${key} ${src.slice(runStart, runEnd)}` : src.slice(runStart, runEnd);
      runStart = -1;
      const w = normSlice(src, s, e);
      key = key ? `${key} ${w}` : w;
      length = w.length;
      h = hashString(w);
    }
    parts.keyHash = foldHash(parts.keyHash, h);
    if (k === 0) {
      parts.firstLength = length;
      parts.firstHash = h;
    } else if (k === 1) {
      parts.secondLength = length;
      parts.secondHash = h;
    }
  }
  if (runStart >= 0) key = key ? `${key} ${src.slice(runStart, runEnd)}` : src.slice(runStart, runEnd);
  return key;
}
