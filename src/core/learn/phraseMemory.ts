// Phrase memory (issue 13): every tagged span of the workspace becomes an entry keyed by its kind and its
// normalised words; an index keyed by the first and second words finds them all in one pass over a
// paragraph's words, exactly or with one word inserted ("deeply flawed" in "deeply and flawed" is not a
// variant; "a deeply flawed" in "a deeply, utterly flawed" is).
import { ClaimStatus } from '../model';
import { SuggestionKind } from '../suggest';
import { Word, hashString, normHash, normSlice, scanWords } from './normalize';

/** One tag of the workspace, as phrase memory needs it. */
export interface SourceTag {
  /** Stable id of the document (a URI in the editor, an absolute path in the CLI). */
  document: string;
  /** How the document is named to the user (path relative to the workspace folder). */
  name: string;
  kind: string;
  quote: string;
  start: number;
  end: number;
  status?: ClaimStatus;
}

export interface PhraseSource {
  document: string;
  name: string;
  start: number;
  end: number;
  status?: ClaimStatus;
}

export interface PhraseEntry {
  kind: SuggestionKind;
  /** Normalised words joined by spaces. */
  key: string;
  /** The first quote seen, for lists. */
  quote: string;
  sources: PhraseSource[];
}

export interface PhraseMatch {
  entry: PhraseEntry;
  start: number;
  end: number;
  /** One word of the text sits between two words of the phrase. */
  inserted: boolean;
}

/**
 * Phrases grouped by their first word, then by their second: a claim of 25 words costs two map entries and an
 * array, not 25 trie nodes (100,000 tags would make half a million maps). Buckets stay small, and the words after
 * the second are compared one by one.
 */
interface Head {
  /** One-word phrases. */
  single?: PhraseEntry[];
  /** Second word -> the phrases going on with it. */
  next?: Map<string, Tail[]>;
}

interface Tail {
  /** Words after the second. */
  rest: readonly string[];
  entry: PhraseEntry;
}

/** Longer tags (whole paragraphs) are not remembered: they would never recur and cost memory. */
export const MAX_PHRASE_WORDS = 60;

const REMEMBERED = new Set<string>(['opinion', 'claim', 'attribution']);

// Scratch for one quote's words and for one paragraph's words: reused, so that neither building nor matching
// allocates per word (match is not re-entrant).
const quoteWords: string[] = [];
const starts: number[] = [];
const ends: number[] = [];
const norms: (string | undefined)[] = [];

export class PhraseMemory {
  private readonly root = new Map<string, Head>();
  /** Kind -> key -> entry (no per-tag "kind + key" strings). */
  private readonly byKind = new Map<string, Map<string, PhraseEntry>>();
  /** hashString of every first word: most words of a paragraph are ruled out without building a string. */
  private readonly firstHashes = new Set<number>();
  private count = 0;

  /** Builds the memory of `tags`, leaving out the phrases `skip` says are forgotten. */
  constructor(tags: Iterable<SourceTag>, skip?: (kind: SuggestionKind, key: string, count: number) => boolean) {
    const fresh: { entry: PhraseEntry; parts: string[] }[] = [];
    for (const t of tags) {
      if (!REMEMBERED.has(t.kind)) continue;
      const n = splitQuote(t.quote);
      if (!n || n > MAX_PHRASE_WORDS) continue;
      const key = n === 1 ? quoteWords[0] : quoteWords.join(' ');
      if (key.length - n + 1 < 3) continue; // "a", "it": not phrases
      let byKey = this.byKind.get(t.kind);
      if (!byKey) this.byKind.set(t.kind, (byKey = new Map()));
      let entry = byKey.get(key);
      if (!entry) {
        entry = { kind: t.kind as SuggestionKind, key, quote: t.quote, sources: [] };
        byKey.set(key, entry);
        fresh.push({ entry, parts: quoteWords.slice(0, n) });
      }
      const source: PhraseSource = { document: t.document, name: t.name, start: t.start, end: t.end };
      if (t.status) source.status = t.status;
      entry.sources.push(source);
    }
    for (const { entry, parts } of fresh) {
      if (skip?.(entry.kind, entry.key, entry.sources.length)) {
        this.byKind.get(entry.kind)!.delete(entry.key);
        continue;
      }
      this.count++;
      let head = this.root.get(parts[0]);
      if (!head) {
        this.root.set(parts[0], (head = {}));
        this.firstHashes.add(hashString(parts[0]));
      }
      if (parts.length === 1) (head.single ??= []).push(entry);
      else {
        const next = (head.next ??= new Map());
        const list = next.get(parts[1]);
        const tail = { rest: parts.length > 2 ? parts.slice(2) : NO_WORDS, entry };
        if (list) list.push(tail);
        else next.set(parts[1], [tail]);
      }
    }
  }

  get size(): number {
    return this.count;
  }

  entries(): PhraseEntry[] {
    const out: PhraseEntry[] = [];
    for (const byKey of this.byKind.values()) for (const e of byKey.values()) out.push(e);
    return out;
  }

  get(kind: SuggestionKind, key: string): PhraseEntry | undefined {
    return this.byKind.get(kind)?.get(key);
  }

  /**
   * Every occurrence of a remembered phrase in text[start, end) (one paragraph), longest first where matches of
   * one kind overlap (the shorter ones are dropped), in text order.
   */
  match(text: string, start = 0, end = text.length): PhraseMatch[] {
    if (!this.root.size) return [];
    let n = 0;
    scanWords(text, start, end, (s, e) => {
      starts[n] = s;
      ends[n] = e;
      norms[n++] = undefined;
    });
    const found: PhraseMatch[] = [];
    const hashes = this.firstHashes;
    for (let i = 0; i < n; i++) {
      const h = normHash(text, starts[i], ends[i]);
      if (h !== undefined && !hashes.has(h)) continue;
      this.matchAt(text, i, n, found);
    }
    return longestPerKind(found);
  }

  /** Every match over words already split, overlapping ones included. */
  matchAll(text: string, ws: readonly Word[]): PhraseMatch[] {
    const n = ws.length;
    for (let i = 0; i < n; i++) {
      starts[i] = ws[i].start;
      ends[i] = ws[i].end;
      norms[i] = ws[i].norm;
    }
    const found: PhraseMatch[] = [];
    for (let i = 0; i < n; i++) this.matchAt(text, i, n, found);
    return found;
  }

  /** The phrases starting at word i of the scratch words (n of them), into `found`. */
  private matchAt(text: string, i: number, n: number, found: PhraseMatch[]): void {
    const head = this.root.get(normAt(text, i));
    if (!head) return;
    if (head.single) for (const entry of head.single) found.push({ entry, start: starts[i], end: ends[i], inserted: false });
    const next = head.next;
    if (!next) return;
    /** The rest of a phrase from word k of `rest`, the previous phrase word at text word `prev`. */
    const rest = (tail: Tail, k: number, prev: number, inserted: boolean): void => {
      if (k === tail.rest.length) {
        found.push({ entry: tail.entry, start: starts[i], end: ends[prev], inserted });
        return;
      }
      const w = tail.rest[k];
      if (prev + 1 < n && normAt(text, prev + 1) === w && gapOk(text, ends[prev], starts[prev + 1], false)) rest(tail, k + 1, prev + 1, inserted);
      if (!inserted && prev + 2 < n && normAt(text, prev + 2) === w && gapOk(text, ends[prev], starts[prev + 2], true)) rest(tail, k + 1, prev + 2, true);
    };
    // The second word right after the first, or after one inserted word.
    for (let j = i + 1; j <= i + 2 && j < n; j++) {
      const tails = next.get(normAt(text, j));
      if (!tails || !gapOk(text, ends[i], starts[j], j === i + 2)) continue;
      for (const tail of tails) rest(tail, 0, j, j === i + 2);
    }
  }
}

const NO_WORDS: readonly string[] = [];

/** The normalised form of scratch word j, built on first use. */
function normAt(text: string, j: number): string {
  return (norms[j] ??= normSlice(text, starts[j], ends[j]));
}

/** Splits a quote into quoteWords (normalised); returns how many, stopping past MAX_PHRASE_WORDS. */
function splitQuote(quote: string): number {
  // One toLowerCase per quote rather than per word, when it keeps every offset (almost always).
  const lower = quote.toLowerCase();
  const source = lower.length === quote.length ? lower : quote;
  let n = 0;
  scanWords(source, 0, source.length, (s, e) => {
    if (n <= MAX_PHRASE_WORDS) quoteWords[n] = normSlice(source, s, e);
    n++;
  });
  quoteWords.length = Math.min(n, MAX_PHRASE_WORDS + 1);
  return n;
}

export function keyOf(kind: SuggestionKind, key: string): string {
  return `${kind}\u0000${key}`;
}

/**
 * May words with text[a, b) between them belong to one phrase? Never across a paragraph break (a blank line) or
 * a sentence end ("." then a space; "3.5" is one number); with `strict` (a word inserted), not across any line
 * break or sentence punctuation either.
 */
function gapOk(text: string, a: number, b: number, strict: boolean): boolean {
  let breaks = 0;
  let stop = false;
  let space = false;
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 && (strict || ++breaks > 1)) return false;
    if (c === 46 || c === 33 || c === 63) stop = true; // . ! ?
    else if (c === 32 || c === 9 || c === 10 || c === 13) space = true;
  }
  return !(stop && (space || strict));
}

/** Per kind, keeps the longest of overlapping matches (then the exact one, then the earliest); text order. */
function longestPerKind(found: PhraseMatch[]): PhraseMatch[] {
  if (found.length < 2) return found;
  const ranked = [...found].sort((a, b) => (b.end - b.start) - (a.end - a.start) || Number(a.inserted) - Number(b.inserted) || a.start - b.start);
  const kept: PhraseMatch[] = [];
  for (const m of ranked) {
    if (!kept.some((k) => k.entry.kind === m.entry.kind && k.start < m.end && m.start < k.end)) kept.push(m);
  }
  return kept.sort((a, b) => a.start - b.start || b.end - a.end);
}
