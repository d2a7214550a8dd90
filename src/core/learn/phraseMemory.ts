// Phrase memory (issue 13): every tagged span of the workspace becomes an entry keyed by its kind and its
// normalised words; an index keyed by the first and second words finds them all in one pass over a
// paragraph's words, exactly or with one word inserted ("deeply flawed" in "deeply and flawed" is not a
// variant; "a deeply flawed" in "a deeply, utterly flawed" is).
import { ClaimStatus } from '../model';
import { SuggestionKind } from '../suggest';
import { Word, normWords, words } from './normalize';

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

export class PhraseMemory {
  private readonly root = new Map<string, Head>();
  private readonly byKey = new Map<string, PhraseEntry>();

  /** Builds the memory of `tags`, leaving out the phrases `skip` says are forgotten. */
  constructor(tags: Iterable<SourceTag>, skip?: (kind: SuggestionKind, key: string, count: number) => boolean) {
    const norms = new Map<string, string[]>();
    for (const t of tags) {
      if (t.kind !== 'opinion' && t.kind !== 'claim' && t.kind !== 'attribution') continue;
      const parts = normWords(t.quote);
      if (!parts.length || parts.length > MAX_PHRASE_WORDS) continue;
      const key = parts.join(' ');
      if (key.length - parts.length + 1 < 3) continue; // "a", "it": not phrases
      const id = keyOf(t.kind, key);
      let entry = this.byKey.get(id);
      if (!entry) {
        entry = { kind: t.kind, key, quote: t.quote, sources: [] };
        this.byKey.set(id, entry);
        norms.set(id, parts);
      }
      const source: PhraseSource = { document: t.document, name: t.name, start: t.start, end: t.end };
      if (t.status) source.status = t.status;
      entry.sources.push(source);
    }
    for (const [id, entry] of this.byKey) {
      if (skip?.(entry.kind, entry.key, entry.sources.length)) {
        this.byKey.delete(id);
        continue;
      }
      const parts = norms.get(id)!;
      let head = this.root.get(parts[0]);
      if (!head) this.root.set(parts[0], (head = {}));
      if (parts.length === 1) (head.single ??= []).push(entry);
      else {
        const next = (head.next ??= new Map());
        const list = next.get(parts[1]);
        const tail = { rest: parts.slice(2), entry };
        if (list) list.push(tail);
        else next.set(parts[1], [tail]);
      }
    }
  }

  get size(): number {
    return this.byKey.size;
  }

  entries(): PhraseEntry[] {
    return [...this.byKey.values()];
  }

  get(kind: SuggestionKind, key: string): PhraseEntry | undefined {
    return this.byKey.get(keyOf(kind, key));
  }

  /**
   * Every occurrence of a remembered phrase in text[start, end) (one paragraph), longest first where matches of
   * one kind overlap (the shorter ones are dropped), in text order.
   */
  match(text: string, start = 0, end = text.length): PhraseMatch[] {
    if (!this.root.size) return [];
    return longestPerKind(this.matchAll(text, words(text, start, end)));
  }

  /** Every match over words already split, overlapping ones included. */
  matchAll(text: string, ws: readonly Word[]): PhraseMatch[] {
    const found: PhraseMatch[] = [];
    const n = ws.length;
    /** The rest of a phrase from word k of `rest`, at text word `at` (the previous phrase word at `prev`). */
    const rest = (tail: Tail, first: number, k: number, prev: number, inserted: boolean): void => {
      if (k === tail.rest.length) {
        found.push({ entry: tail.entry, start: ws[first].start, end: ws[prev].end, inserted });
        return;
      }
      const w = tail.rest[k];
      if (prev + 1 < n && ws[prev + 1].norm === w && gapOk(text, ws[prev].end, ws[prev + 1].start, false)) rest(tail, first, k + 1, prev + 1, inserted);
      if (!inserted && prev + 2 < n && ws[prev + 2].norm === w && gapOk(text, ws[prev].end, ws[prev + 2].start, true)) rest(tail, first, k + 1, prev + 2, true);
    };
    for (let i = 0; i < n; i++) {
      const head = this.root.get(ws[i].norm);
      if (!head) continue;
      if (head.single) for (const entry of head.single) found.push({ entry, start: ws[i].start, end: ws[i].end, inserted: false });
      const next = head.next;
      if (!next) continue;
      // The second word right after the first, or after one inserted word.
      for (let j = i + 1; j <= i + 2 && j < n; j++) {
        const tails = next.get(ws[j].norm);
        if (!tails || !gapOk(text, ws[i].end, ws[j].start, j === i + 2)) continue;
        for (const tail of tails) rest(tail, i, 0, j, j === i + 2);
      }
    }
    return found;
  }
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
