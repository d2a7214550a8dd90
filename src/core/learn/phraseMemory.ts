// Phrase memory (issue 13): every tagged span of the workspace becomes an entry keyed by its kind and its
// normalised words; a trie keyed word by word (first word at the root) finds them all in one pass over a
// paragraph's words, exactly or with one word inserted ("deeply flawed" in "deeply and flawed" is not a
// variant; "a deeply flawed" in "a deeply, utterly flawed" is).
import { ClaimStatus } from '../model';
import { SUGGESTION_KINDS, SuggestionKind } from '../suggest';
import { Word, words } from './normalize';

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

interface Node {
  next?: Map<string, Node>;
  entries?: PhraseEntry[];
}

/** Longer tags (whole paragraphs) are not remembered: they would never recur and cost memory. */
export const MAX_PHRASE_WORDS = 60;

export class PhraseMemory {
  private readonly root = new Map<string, Node>();
  private readonly byKey = new Map<string, PhraseEntry>();

  /** Builds the memory of `tags`, leaving out the phrases in `skip` (kind + '\0' + key, see keyOf). */
  constructor(tags: Iterable<SourceTag>, skip?: (kind: SuggestionKind, key: string, count: number) => boolean) {
    const norms = new Map<string, string[]>();
    for (const t of tags) {
      if (!(SUGGESTION_KINDS as readonly string[]).includes(t.kind)) continue;
      const ws = words(t.quote);
      if (!ws.length || ws.length > MAX_PHRASE_WORDS) continue;
      const parts = ws.map((w) => w.norm);
      const key = parts.join(' ');
      if (key.replace(/ /g, '').length < 3) continue; // "a", "it": not phrases
      const id = keyOf(t.kind as SuggestionKind, key);
      let entry = this.byKey.get(id);
      if (!entry) {
        entry = { kind: t.kind as SuggestionKind, key, quote: t.quote, sources: [] };
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
      let level = this.root;
      let node: Node | undefined;
      for (const w of norms.get(id)!) {
        node = level.get(w);
        if (!node) level.set(w, (node = {}));
        level = node.next ??= new Map();
      }
      (node!.entries ??= []).push(entry);
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
    const walk = (node: Node, first: number, last: number, inserted: boolean) => {
      if (node.entries) for (const entry of node.entries) found.push({ entry, start: ws[first].start, end: ws[last].end, inserted });
      const next = node.next;
      if (!next || last + 1 >= n) return;
      const exact = next.get(ws[last + 1].norm);
      if (exact && gapOk(text, ws[last].end, ws[last + 1].start, false)) walk(exact, first, last + 1, inserted);
      // One word inserted, within the sentence (no sentence end or line break around it).
      if (!inserted && last + 2 < n) {
        const skipping = next.get(ws[last + 2].norm);
        if (skipping && gapOk(text, ws[last].end, ws[last + 2].start, true)) walk(skipping, first, last + 2, true);
      }
    };
    for (let i = 0; i < n; i++) {
      const node = this.root.get(ws[i].norm);
      if (node) walk(node, i, i, false);
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
