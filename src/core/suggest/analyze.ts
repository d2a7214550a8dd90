// One pass over a sentence: its words (from the scan, scan.ts), lexicon matches (longest first) and the surface
// features that the claim, attribution and opinion detectors share. Offsets are into the whole text.
import { SentenceSpan, Span, Token } from './chunk';
import { INTERN_SIZE, WORDS } from './intern';
import { Lexicon, LexEntry } from './lexicon';
import { scanChunk } from './scan';

export { Token };

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

/**
 * Quotations in text[start, end): “…” and "…" (curly single quotes are not paired: "don’t" would open one).
 * Finds the quote marks, then pairs them as quoteSpansOfMarks does for the marks scanChunk notes.
 */
export function quoteSpans(text: string, start: number, end: number): Span[] {
  // Quote marks are rare: jump from one to the next with indexOf (a char-by-char loop cost ~9 ms per MB) on
  // the paragraph alone (a slice shares the text's characters), so that no search runs past it.
  const p = text.slice(start, end);
  const marks: number[] = [];
  let nextOpen = p.indexOf('\u201c');
  let nextClose = p.indexOf('\u201d');
  let nextStraight = p.indexOf('"');
  for (;;) {
    let k = nextOpen;
    if (k < 0 || (nextClose >= 0 && nextClose < k)) k = nextClose;
    if (k < 0 || (nextStraight >= 0 && nextStraight < k)) k = nextStraight;
    if (k < 0) break;
    marks.push(start + k);
    if (k === nextOpen) nextOpen = p.indexOf('\u201c', k + 1);
    else if (k === nextClose) nextClose = p.indexOf('\u201d', k + 1);
    else nextStraight = p.indexOf('"', k + 1);
  }
  return quoteSpansOfMarks(text, marks, marks.length);
}

/** Quotations from the offsets of quote marks " “ ” in text order (marks[0, count)): a “ opens unless one is open, a ” closes a “, a " opens or closes a ". */
export function quoteSpansOfMarks(text: string, marks: number[], count: number): Span[] {
  const out: Span[] = [];
  let open = -1;
  let openChar = 0;
  for (let k = 0; k < count; k++) {
    const i = marks[k];
    const c = text.charCodeAt(i);
    if (c === 0x201c /* “ */) {
      if (open < 0) {
        open = i;
        openChar = c;
      }
    } else if (c === 0x201d /* ” */) {
      if (open >= 0 && openChar === 0x201c) {
        out.push({ start: open, end: i + 1 });
        open = -1;
      }
    } else if (open < 0) {
      open = i;
      openChar = c;
    } else if (openChar === 34) {
      out.push({ start: open, end: i + 1 });
      open = -1;
    }
  }
  return out;
}

/** Words of text[start, end), scanned as one chunk. */
export function tokenize(text: string, start: number, end: number): Token[] {
  return scanChunk(text, start, end).tokens;
}

/**
 * The entries headed by one word, as matchLexicon tries them: phrase entries by their second word, then the
 * one-word entries (the same order as the lexicon's list, which is longest first). A modifier such as "great"
 * heads ~100 two-word phrases: trying each against the next word was most of the matching.
 */
interface Headed {
  bySecond: Map<string, LexEntry[]>;
  single: LexEntry[];
  /**
   * The interned ids (+ 1) of bySecond's words, as an open-addressing set (0: empty; length a power of 2), or
   * null when the head has no phrases: the bySecond look-up by string runs only when the next word's id is in
   * it. "the", "of", "a", "in" head phrases ("the fact that", "in the wake of"), and on the evaluation texts ~80 %
   * of the look-ups found nothing. A token whose lower form is a phrase's second word has that word's id (one
   * id per word), so the set never rules a phrase out; tokens without an id, and heads with a second word
   * that got no id (not ASCII, or the interner full), are looked up by string as before (`anySecond`).
   */
  seconds: Int32Array | null;
  anySecond: boolean;
}
const NO_ENTRIES: LexEntry[] = [];

function headed(list: LexEntry[]): Headed {
  const bySecond = new Map<string, LexEntry[]>();
  const single: LexEntry[] = [];
  for (const e of list) {
    if (e.words.length === 1) single.push(e);
    else {
      const l = bySecond.get(e.words[1]);
      if (l === undefined) bySecond.set(e.words[1], [e]);
      else l.push(e);
    }
  }
  if (bySecond.size === 0) return { bySecond, single, seconds: null, anySecond: false };
  let size = 4;
  while (size < 2 * bySecond.size) size *= 2;
  const seconds = new Int32Array(size);
  let anySecond = false;
  for (const w of bySecond.keys()) {
    WORDS.lower(w, 0, w.length, false);
    const id = WORDS.lastId;
    if (id < 0) anySecond = true;
    else {
      let k = id & (size - 1);
      while (seconds[k] !== 0) k = (k + 1) & (size - 1);
      seconds[k] = id + 1;
    }
  }
  return { bySecond, single, seconds, anySecond };
}

/** Is id in the set `seconds` (see Headed)? */
function hasSecond(seconds: Int32Array, id: number): boolean {
  const mask = seconds.length - 1;
  for (let k = id & mask; ; k = (k + 1) & mask) {
    const v = seconds[k];
    if (v === id + 1) return true;
    if (v === 0) return false;
  }
}

/** Per lexicon, its entries by intern slot of the first word: undefined not looked up yet, null none. */
const lexBySlot = new WeakMap<Lexicon, Array<Headed | null | undefined>>();

/** Lexicon matches, longest first at each position, without overlaps inside one family. */
export function matchLexicon(tokens: Token[], lex: Lexicon, out: Match[] = [], pool?: Match[]): Match[] {
  let count = 0;
  let slots = lexBySlot.get(lex);
  if (slots === undefined) lexBySlot.set(lex, (slots = new Array<Headed | null | undefined>(INTERN_SIZE).fill(undefined)));
  // Per family, the first token index not yet covered by a match.
  let coveredOpinion = 0;
  let coveredClaim = 0;
  let coveredAttribution = 0;
  const n = tokens.length;
  for (let i = 0; i < n; i++) {
    const tok = tokens[i];
    // A capitalised word inside a proper name is never a one-word cue: "United States", "States Department", "Good
    // Friday" (a longer entry may still match: "Cold War mentality").
    const inName = tok.cap && i > 0 && (tokens[i - 1].cap || (i + 1 < n && tokens[i + 1].cap));
    const id = tok.id;
    let h = id >= 0 ? slots[id] : undefined;
    if (h === undefined) {
      const list = lex.get(tok.lower) ?? possessiveEntries(lex, tok.lower);
      h = list === null ? null : headed(list);
      if (id >= 0) slots[id] = h;
    }
    if (h === null) continue;
    // Phrases whose second word is the next token, then one-word entries.
    let phrases = NO_ENTRIES;
    const seconds = h.seconds;
    if (seconds !== null && i + 1 < n) {
      const next = tokens[i + 1];
      if (next.id < 0 || h.anySecond || hasSecond(seconds, next.id)) phrases = h.bySecond.get(next.lower) ?? NO_ENTRIES;
    }
    for (let pass = 0; pass < 2; pass++) {
      let list = phrases;
      if (pass === 1) {
        if (inName) break;
        list = h.single;
      }
      for (let e = 0; e < list.length; e++) {
        const entry = list[e];
        // (one-word entries need no look at their words)
        let len = 1;
        if (pass === 0) {
          const words = entry.words;
          len = words.length;
          if (i + len > n) continue;
          let ok = true;
          for (let k = 2; k < len; k++) {
            if (tokens[i + k].lower !== words[k]) {
              ok = false;
              break;
            }
          }
          if (!ok) continue;
        }
        const family = entry.family;
        if (family === 'opinion') {
          if (coveredOpinion > i) continue;
          coveredOpinion = i + len;
        } else if (family === 'claim') {
          if (coveredClaim > i) continue;
          coveredClaim = i + len;
        } else {
          if (coveredAttribution > i) continue;
          coveredAttribution = i + len;
        }
        const first = i;
        const last = i + len - 1;
        const start = tokens[i].start;
        const end = tokens[last].end;
        // From the pool when given (its Match objects are overwritten by the next sentence).
        let m = pool !== undefined ? pool[count] : undefined;
        if (m === undefined) {
          m = { entry, first, last, start, end };
          if (pool !== undefined) pool.push(m);
        } else {
          m.entry = entry;
          m.first = first;
          m.last = last;
          m.start = start;
          m.end = end;
        }
        if (count < out.length) out[count] = m;
        else out.push(m);
        count++;
      }
    }
  }
  while (out.length > count) out.pop();
  return out;
}

/** "regime's": the one-word opinion entries of "regime", else null. */
function possessiveEntries(lex: Lexicon, lower: string): LexEntry[] | null {
  const n = lower.length;
  if (n < 4 || lower.charCodeAt(n - 1) !== 115 || lower.charCodeAt(n - 2) !== 39) return null;
  const list = lex.get(lower.slice(0, -2));
  if (list === undefined) return null;
  const own = list.filter((e) => e.words.length === 1 && e.family === 'opinion');
  return own.length ? own : null;
}

/** Quotations of the paragraph that overlap [start, end), clipped to it. */
function clipQuotes(paragraphQuotes: Span[], start: number, end: number): Span[] {
  if (paragraphQuotes.length === 0) return NO_SPANS;
  let quotes: Span[] | undefined;
  for (let k = 0; k < paragraphQuotes.length; k++) {
    const q = paragraphQuotes[k];
    if (q.end > start && q.start < end) (quotes ??= []).push({ start: Math.max(q.start, start), end: Math.min(q.end, end) });
  }
  return quotes ?? NO_SPANS;
}
const NO_SPANS: Span[] = [];

/** Offset of the last character of text[start, end) before its closing quotes and brackets. */
function lastBeforeClosers(text: string, start: number, end: number): number {
  let last = end - 1;
  while (last > start) {
    const c = text.charCodeAt(last);
    if (c === 34 || c === 0x201d || c === 0x2019 || c === 41 || c === 39) last--;
    else break;
  }
  return last;
}

function finish(text: string, start: number, end: number, tokens: Token[], lex: Lexicon, paragraphQuotes: Span[]): Sentence {
  const endChar = text.charCodeAt(lastBeforeClosers(text, start, end));
  return {
    start, end, tokens, matches: matchLexicon(tokens, lex), quotes: clipQuotes(paragraphQuotes, start, end),
    question: endChar === 63, exclamation: endChar === 33,
  };
}

/** A text span analysed as one sentence (no segmentation). */
export function analyseSentence(text: string, span: Span, lex: Lexicon, paragraphQuotes: Span[]): Sentence {
  return finish(text, span.start, span.end, tokenize(text, span.start, span.end), lex, paragraphQuotes);
}

/**
 * A sentence to analyse one sentence after another with analyseScannedInto: its token and match arrays and its
 * Match objects are overwritten each time. An Analyser keeps one (allocating them per sentence cost ~20 % of a
 * per-paragraph pass on the evaluation texts, measured when the pools were removed; see bench/RESULTS.md).
 */
export interface ReusableSentence {
  sentence: Sentence;
  pool: Match[];
}

export function reusableSentence(): ReusableSentence {
  return { sentence: { start: 0, end: 0, tokens: [], matches: [], quotes: NO_SPANS, question: false, exclamation: false }, pool: [] };
}

/** A sentence found by scanChunk (its tokens are chunkTokens[span.first, span.last)), analysed into r (valid until the next call). */
export function analyseScannedInto(r: ReusableSentence, text: string, span: SentenceSpan, chunkTokens: Token[], lex: Lexicon, paragraphQuotes: Span[]): Sentence {
  const s = r.sentence;
  const tokens = s.tokens;
  const n = span.last - span.first;
  for (let k = 0; k < n; k++) {
    if (k < tokens.length) tokens[k] = chunkTokens[span.first + k];
    else tokens.push(chunkTokens[span.first + k]);
  }
  while (tokens.length > n) tokens.pop();
  s.start = span.start;
  s.end = span.end;
  matchLexicon(tokens, lex, s.matches, r.pool);
  s.quotes = clipQuotes(paragraphQuotes, span.start, span.end);
  const endChar = text.charCodeAt(lastBeforeClosers(text, span.start, span.end));
  s.question = endChar === 63;
  s.exclamation = endChar === 33;
  return s;
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
  for (let k = 0; k < spans.length; k++) if (offset >= spans[k].start && offset < spans[k].end) return true;
  return false;
}
