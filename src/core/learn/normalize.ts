// Words as phrase memory compares them: lower case, possessive and simple plural endings dropped, so that
// "Council's plans" and "council plan" are one phrase. The same function runs on tagged quotes and on the text
// being matched, so consistency matters more than linguistic accuracy ("crisis" -> "crisi" on both sides).
// Words are found by a char loop, not a regex: building the memory of 100,000 tags spends much of its time here
// (issue 13's speed targets). The editor's paragraphs are not scanned here: their words come from the
// suggestion engine's scan (scannedWords.ts).

/** A word of a text: its UTF-16 offsets and its normalised form. */
export interface Word {
  start: number;
  end: number;
  norm: string;
}

// Letters and digits, with inner apostrophes and hyphens ("don't", "well-known", "Council’s"): what the regex
// /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/u matches, which the unit tests compare against.
const LETTER = /^[\p{L}\p{N}]$/u;
/** BMP code unit -> 0 not yet known, 1 letter or digit, 2 neither (filled on first sight). */
const bmp = new Uint8Array(0x10000);
const astral = new Map<number, boolean>();

function isWordUnit(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  let k = bmp[c];
  if (!k) bmp[c] = k = LETTER.test(String.fromCharCode(c)) ? 1 : 2;
  return k === 1;
}

/** Length (0, 1 or 2 UTF-16 units) of the letter or digit at text[i], 0 when there is none or i >= end. */
function letterAt(text: string, i: number, end: number): number {
  if (i >= end) return 0;
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return c >= 0xdc00 && c <= 0xdfff ? 0 : isWordUnit(c) ? 1 : 0;
  if (i + 1 >= end) return 0;
  const cp = text.codePointAt(i)!;
  if (cp < 0x10000) return 0;
  let yes = astral.get(cp);
  if (yes === undefined) astral.set(cp, (yes = LETTER.test(String.fromCodePoint(cp))));
  return yes ? 2 : 0;
}

/** The end of the word starting at text[i] (a letter or digit there), not beyond `end`. */
function wordEnd(text: string, i: number, end: number): number {
  for (;;) {
    let n: number;
    while ((n = letterAt(text, i, end))) i += n;
    const c = i < end ? text.charCodeAt(i) : 0;
    if ((c === 39 || c === 0x2019 || c === 45) && letterAt(text, i + 1, end)) i++;
    else return i;
  }
}

/**
 * Calls `each(start, end)` for every word of text[start, end) in order; returns how many. A word cut by `end` ends
 * there. No strings are built: callers normalise only the words they need.
 */
export function scanWords(text: string, start: number, end: number, each: (start: number, end: number) => void): number {
  let count = 0;
  let i = start;
  while (i < end) {
    const n = letterAt(text, i, end);
    if (!n) {
      i++;
      continue;
    }
    const e = wordEnd(text, i, end);
    each(i, e);
    count++;
    i = e;
  }
  return count;
}

/** The normalised form of one word. */
export function normWord(word: string): string {
  return normSlice(word, 0, word.length);
}

/** The normalised form of text[start, end) (one word). */
export function normSlice(text: string, start: number, end: number): string {
  let w = text.slice(start, end).toLowerCase();
  if (w.includes('’')) w = w.replace(/’/g, "'");
  if (w.endsWith("'s")) w = w.slice(0, -2);
  else if (w.endsWith("'")) w = w.slice(0, -1);
  const m = w.length;
  if (m > 3 && w.charCodeAt(m - 1) === 115 /* s */) {
    if (m > 4 && w.charCodeAt(m - 2) === 101 /* e */ && /(?:ch|sh|ss|x|z)es$/.test(w)) return w.slice(0, -2);
    if (w.charCodeAt(m - 2) !== 115) return w.slice(0, -1);
  }
  return w;
}

/** The words of text[start, end), normalised, offsets into `text`. */
export function words(text: string, start = 0, end = text.length): Word[] {
  const out: Word[] = [];
  scanWords(text, start, end, (s, e) => out.push({ start: s, end: e, norm: normSlice(text, s, e) }));
  return out;
}

/** The normalised words of a quote (no offsets: building the memory of 100,000 tags allocates less). */
export function normWords(quote: string): string[] {
  const out: string[] = [];
  scanWords(quote, 0, quote.length, (s, e) => out.push(normSlice(quote, s, e)));
  return out;
}

/** The phrase key of a quote: its normalised words joined by single spaces ('' when it has none). */
export function phraseKey(quote: string): string {
  return normWords(quote).join(' ');
}

/** A 32-bit hash of a string's UTF-16 units (the same as normHash of a word that normalises to it). */
export function hashString(s: string): number {
  return hashSlice(s, 0, s.length);
}

/** hashString(s.slice(start, end)) without the slice. */
export function hashSlice(s: string, start: number, end: number): number {
  let h = 0;
  for (let i = start; i < end; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

/**
 * hashString(normSlice(text, start, end)) without building a string, or undefined when the word has a unit
 * outside ASCII (other than ’), whose lower case only toLowerCase knows. Lets a paragraph scan rule out the
 * words no phrase starts with before allocating anything for them.
 */
export function normHash(text: string, start: number, end: number): number | undefined {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128 && c !== 0x2019) return undefined;
  }
  return asciiNormHash(text, start, end);
}

/** Growable buffers of one paragraph's or quote's words: offsets and normHash (reused: nothing allocated per word). */
export class WordBuffer {
  starts = new Int32Array(256);
  ends = new Int32Array(256);
  hashes = new Int32Array(256);
  /** 1 when hashes[i] is normHash of word i, 0 when the word has a unit outside ASCII (normHash undefined). */
  hashed = new Uint8Array(256);

  grow(): void {
    const n = this.starts.length * 2;
    const copy = <T extends Int32Array | Uint8Array>(a: T, b: T): T => (b.set(a), b);
    this.starts = copy(this.starts, new Int32Array(n));
    this.ends = copy(this.ends, new Int32Array(n));
    this.hashes = copy(this.hashes, new Int32Array(n));
    this.hashed = copy(this.hashed, new Uint8Array(n));
  }
}

/**
 * The words of text[start, end) into `buf`, with normHash where it is defined; returns how many. For tags'
 * quotes and for ranges the engine has not scanned: the editor's paragraphs take their words from the engine's
 * scan (scannedWords.ts).
 */
export function findWords(text: string, start: number, end: number, buf: WordBuffer): number {
  let n = 0;
  scanWords(text, start, end, (s, e) => {
    if (n === buf.starts.length) buf.grow();
    buf.starts[n] = s;
    buf.ends[n] = e;
    const h = normHash(text, s, e);
    buf.hashes[n] = h ?? 0;
    buf.hashed[n] = h === undefined ? 0 : 1;
    n++;
  });
  return n;
}

/** normHash of a word whose units are all ASCII or ’. */
function asciiNormHash(text: string, start: number, end: number): number {
  const e = asciiNormEnd(text, start, end);
  let h = 0;
  for (let i = start; i < e; i++) {
    const c = text.charCodeAt(i);
    h = (Math.imul(h, 31) + (c === 0x2019 ? 39 : c >= 65 && c <= 90 ? c + 32 : c)) | 0;
  }
  return h;
}

/**
 * Where the normalised form of text[start, end) ends, for a word whose units are all ASCII or ’: normSlice drops
 * a possessive and a simple plural ending, so its result is the word's first (that end - start) units, lower-cased.
 */
export function asciiNormEnd(text: string, start: number, end: number): number {
  const at = (i: number): number => {
    const c = text.charCodeAt(i);
    return c === 0x2019 ? 39 : c >= 65 && c <= 90 ? c + 32 : c;
  };
  let e = end;
  const m0 = e - start;
  if (m0 >= 2 && at(e - 1) === 115 && at(e - 2) === 39) e -= 2;
  else if (m0 >= 1 && at(e - 1) === 39) e -= 1;
  const m = e - start;
  if (m > 3 && at(e - 1) === 115) {
    const p = at(e - 2);
    if (m > 4 && p === 101) {
      const a = at(e - 3);
      const b = at(e - 4);
      // (?:ch|sh|ss|x|z)es$
      if (a === 120 || a === 122 || (a === 104 && (b === 99 || b === 115)) || (a === 115 && b === 115)) e -= 2;
      else e -= 1;
    } else if (p !== 115) e -= 1;
  }
  return e;
}

/**
 * Whether normSlice(text, start, end) === word, without building the string, for a word whose units are all ASCII
 * or ’ (a hashed word of findWords).
 */
export function asciiNormEquals(text: string, start: number, end: number, word: string): boolean {
  const e = asciiNormEnd(text, start, end);
  if (e - start !== word.length) return false;
  for (let i = start; i < e; i++) {
    const c = text.charCodeAt(i);
    if ((c === 0x2019 ? 39 : c >= 65 && c <= 90 ? c + 32 : c) !== word.charCodeAt(i - start)) return false;
  }
  return true;
}

/**
 * Whether text holds a word normalising to one of `norms` (the first words of phrases that changed): decides
 * whether a document's suggestions can change after another document's tags did. One scan, strings only for
 * words whose hash is among them.
 */
export function mentionsAny(text: string, norms: ReadonlySet<string>): boolean {
  if (!norms.size) return false;
  const hashes = new Set<number>();
  for (const w of norms) hashes.add(hashString(w));
  let found = false;
  // scanWords cannot stop early; a found flag skips the work for the rest (documents are scanned rarely).
  scanWords(text, 0, text.length, (s, e) => {
    if (found) return;
    const h = normHash(text, s, e);
    if (h === undefined || hashes.has(h)) found = norms.has(normSlice(text, s, e));
  });
  return found;
}
