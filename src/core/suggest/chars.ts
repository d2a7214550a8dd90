// Character classes of the segmenter, on UTF-16 code units.

/** Letters/digits, joined by inner apostrophes, hyphens, dots and commas between digits ("3,500", "U.S", "don't"). */
export const WORD_RE = /[\p{L}\p{N}]+(?:(?:['’.-]|,(?=\d{3}))[\p{L}\p{N}]+)*/gu;

const WORD_CHAR_RE = /^[\p{L}\p{N}]$/u;
/**
 * BMP word-character classes: 0 unknown, 1 letter/digit, 2 other. Module-level on purpose: a memo of a pure
 * function of the character (ASCII filled here, the rest on first sight), shared by every scan.
 */
export const bmpClass = new Uint8Array(65536);
for (let c = 0; c < 128; c++) bmpClass[c] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 2;

/** Length (1 or 2) of the letter/digit at i, or 0. */
export function wordCharAt(text: string, i: number, end: number): number {
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

export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 12 || c === 11;
}

export function isUpperAt(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
}

/** Sentence terminators: . ! ? (not the ellipsis "…", which ICU does not break after either). */
export function isTerm(c: number): boolean {
  return c === 46 || c === 33 || c === 63;
}

/** Closing marks that stay with the sentence before a break: quotes and brackets. */
export function isClose(c: number): boolean {
  return c === 34 || c === 39 || c === 41 || c === 93 || c === 125 || c === 0x201d || c === 0x2019 || c === 0xbb || c === 0x201c || c === 0x2018 || c === 0xab;
}

export function isLineBreak(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029 || c === 0x85;
}

/** Marks after which a "." does not end the sentence: , ; : and dashes. */
export function isContinue(c: number): boolean {
  return c === 44 || c === 59 || c === 58 || c === 45 || c === 0x2013 || c === 0x2014;
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
