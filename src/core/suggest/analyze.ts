// One pass over a sentence: words (regex), lexicon matches (longest first) and the surface features that the
// claim, attribution and opinion detectors share. Offsets are into the whole text.
import { Lexicon, LexEntry, normaliseWord } from './lexicon';
import { Span, WORD_RE } from './text';

export interface Token {
  start: number;
  end: number;
  /** Lower-cased, curly apostrophes made straight. */
  lower: string;
  /** Starts with an upper-case letter. */
  cap: boolean;
  /** Contains a digit. */
  digit: boolean;
}

export interface Match {
  entry: LexEntry;
  /** Token index of the first and last word. */
  first: number;
  last: number;
  start: number;
  end: number;
}

export interface Sentence extends Span {
  tokens: Token[];
  matches: Match[];
  /** Quotations (including their quote marks) overlapping this sentence, clipped to it. */
  quotes: Span[];
  question: boolean;
  exclamation: boolean;
}

/** Quotations in text[start, end): “…”, "…", and ‘…’ only when it holds a space (so "don’t" is no quote). */
export function quoteSpans(text: string, start: number, end: number): Span[] {
  const out: Span[] = [];
  let open = -1;
  let openChar = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x201c /* “ */ && open < 0) {
      open = i;
      openChar = c;
    } else if (c === 0x201d /* ” */ && open >= 0 && openChar === 0x201c) {
      out.push({ start: open, end: i + 1 });
      open = -1;
    } else if (c === 34 /* " */) {
      if (open < 0) {
        open = i;
        openChar = c;
      } else if (openChar === 34) {
        out.push({ start: open, end: i + 1 });
        open = -1;
      }
    }
  }
  return out;
}

function isUpper(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
}

function hasDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/** Words of text[start, end). */
export function tokenize(text: string, start: number, end: number): Token[] {
  const re = WORD_RE;
  re.lastIndex = start;
  const tokens: Token[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null && m.index < end) {
    const w = m[0];
    let e = m.index + w.length;
    let lower = w.toLowerCase();
    if (e > end) {
      lower = lower.slice(0, end - m.index);
      e = end;
    }
    // A trailing dot belongs to the word only inside abbreviations like "U.S." — the regex keeps inner dots.
    tokens.push({ start: m.index, end: e, lower: normaliseWord(lower), cap: isUpper(w.charCodeAt(0)), digit: hasDigit(w) });
  }
  return tokens;
}

/** Lexicon matches, longest first at each position, without overlaps inside one family. */
export function matchLexicon(tokens: Token[], lex: Lexicon): Match[] {
  const out: Match[] = [];
  // Per family, the first token index not yet covered by a match.
  const covered: Record<string, number> = { opinion: 0, claim: 0, attribution: 0 };
  for (let i = 0; i < tokens.length; i++) {
    const list = lex.get(tokens[i].lower);
    if (!list) continue;
    for (const entry of list) {
      const n = entry.words.length;
      if (i + n > tokens.length) continue;
      let ok = true;
      for (let k = 1; k < n; k++) {
        if (tokens[i + k].lower !== entry.words[k]) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      const family = entry.category.slice(0, entry.category.indexOf('.'));
      if (covered[family] > i) continue;
      covered[family] = i + n;
      out.push({ entry, first: i, last: i + n - 1, start: tokens[i].start, end: tokens[i + n - 1].end });
    }
  }
  return out;
}

export function analyseSentence(text: string, span: Span, lex: Lexicon, paragraphQuotes: Span[]): Sentence {
  const tokens = tokenize(text, span.start, span.end);
  const matches = matchLexicon(tokens, lex);
  const quotes: Span[] = [];
  for (const q of paragraphQuotes) {
    if (q.end > span.start && q.start < span.end) quotes.push({ start: Math.max(q.start, span.start), end: Math.min(q.end, span.end) });
  }
  let last = span.end - 1;
  while (last > span.start) {
    const c = text.charCodeAt(last);
    if (c === 34 || c === 0x201d || c === 0x2019 || c === 41 || c === 39) last--;
    else break;
  }
  const endChar = text.charCodeAt(last);
  return { start: span.start, end: span.end, tokens, matches, quotes, question: endChar === 63, exclamation: endChar === 33 };
}

/** Index of the token containing or following offset. */
export function tokenAt(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Is offset inside one of the spans? */
export function inside(spans: Span[], offset: number): boolean {
  for (const s of spans) if (offset >= s.start && offset < s.end) return true;
  return false;
}
