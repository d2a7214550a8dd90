// Words as phrase memory compares them: lower case, possessive and simple plural endings dropped, so that
// "Council's plans" and "council plan" are one phrase. The same function runs on tagged quotes and on the text
// being matched, so consistency matters more than linguistic accuracy ("crisis" -> "crisi" on both sides).

/** A word of a text: its UTF-16 offsets and its normalised form. */
export interface Word {
  start: number;
  end: number;
  norm: string;
}

// Letters and digits, with inner apostrophes and hyphens ("don't", "well-known", "Council’s").
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** The normalised form of one word. */
export function normWord(word: string): string {
  let w = word.toLowerCase();
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
  WORD.lastIndex = start;
  for (let m = WORD.exec(text); m && m.index < end; m = WORD.exec(text)) {
    const e = Math.min(end, m.index + m[0].length);
    out.push({ start: m.index, end: e, norm: normWord(e === m.index + m[0].length ? m[0] : m[0].slice(0, e - m.index)) });
  }
  return out;
}

/** The normalised words of a quote (no offsets: building the memory of 100,000 tags allocates less). */
export function normWords(quote: string): string[] {
  const out: string[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(quote); m; m = WORD.exec(quote)) out.push(normWord(m[0]));
  return out;
}

/** The phrase key of a quote: its normalised words joined by single spaces ('' when it has none). */
export function phraseKey(quote: string): string {
  return normWords(quote).join(' ');
}
