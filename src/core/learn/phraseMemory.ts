// Phrase memory (issue 13): every tagged span of the workspace becomes an entry keyed by its kind and its
// normalised words; an index keyed by the first and second words finds them all in one pass over a
// paragraph's words, exactly or with one word inserted ("deeply flawed" in "deeply and flawed" is not a
// variant; "a deeply flawed" in "a deeply, utterly flawed" is).
import { SuggestionKind } from '../suggest';
import { IntSet } from './intSet';
import { gapOk, longestPerKind } from './phraseGaps';
import { keyHashOf, keyOfQuote, MAX_PHRASE_WORDS, QuoteKeyParts } from './phraseKey';
import { Word, WordBuffer, hashString, findWords, normSlice } from './normalize';
import type { ScannedWords } from './scannedWords';
import type { PhraseEntry, PhraseMatch, PhraseSource, SourceTag } from './phraseTypes';

export type { PhraseEntry, PhraseMatch, PhraseSource, SourceTag } from './phraseTypes';

/**
 * Phrases grouped by their first word, then by their second: a claim of 25 words costs two map entries, not 25
 * trie nodes (100,000 tags would make half a million maps). Buckets stay small, and the words after the second
 * are compared with the phrase's key itself (no array of words kept per phrase: less to allocate and collect).
 * Maps are keyed by the words' hashes (hashString of the normalised word, which the paragraph scan computes from
 * the text's chars), not by strings: the index builds no substring per phrase, and a look-up hashes nothing. A
 * hash names a word only after a check against the key: heads sharing a first-word hash are chained, and
 * phrases are checked against their second word.
 */
interface Head {
  /** The first word. */
  word: string;
  /** One-word phrases. */
  single?: Slot[];
  /** Hash of the second word -> the phrases going on with it (or with another second word of that hash). */
  next?: Map<number, Slot[]>;
  /** Another head whose word has the same hash. */
  other?: Head;
}

/** An entry and where it is in the index. */
interface Slot {
  entry: PhraseEntry;
  /** Length of the first word in entry.key (key.length when it is the only one). */
  firstEnd: number;
  /** Offset in entry.key of the third word (key.length + 1 when there is none). */
  from: number;
  /** hashString of the first and second words (0 without a second), and keyHash of the key. */
  h1: number;
  h2: number;
  hk: number;
  /** Another slot of the same kind whose key has the same keyHash. */
  same?: Slot;
  /** Creation order: entries() lists slots in it, as a Map keyed by strings would. */
  seq: number;
  /** In the index (false while forgotten). */
  indexed: boolean;
}

const REMEMBERED = new Set<string>(['opinion', 'claim', 'attribution']);

// Scratch for one quote's words and for one paragraph's words: reused, so that neither building nor matching
// allocates per word (match is not re-entrant). `words` is the paragraph's words being matched: `buf`, or the
// words the engine's scan handed over.
const buf = new WordBuffer();
const quoteKey: QuoteKeyParts = { words: 0, firstLength: 0, secondLength: 0, firstHash: 0, secondHash: 0, keyHash: 0 };
let words: WordBuffer = buf;
let starts = buf.starts;
let ends = buf.ends;
const norms: (string | undefined)[] = [];

function use(w: WordBuffer): void {
  words = w;
  starts = w.starts;
  ends = w.ends;
}

/** What match() returns when nothing matches (shared, never changed: no allocation per paragraph). */
const NO_MATCHES: readonly PhraseMatch[] = Object.freeze([]);

export type SkipPhrase = (kind: SuggestionKind, key: string, count: number) => boolean;

export class PhraseMemory {
  /** hashString of the first word -> its head (chained with other heads of that hash). */
  private readonly root = new Map<number, Head>();
  /** Kind -> keyHash of the key -> slot, chained by `same` (no per-tag "kind + key" strings). */
  private readonly byKind = new Map<string, Map<number, Slot>>();
  /** Slots created so far, and whether two keys of one kind ever shared a keyHash (then entries() sorts). */
  private seq = 0;
  private collided = false;
  /** Document -> the slots its tags went into (with repeats), for update(). */
  private readonly byDocument = new Map<string, Slot[]>();
  /**
   * hashString of every first word ever indexed (never removed: a stale one costs a lookup, nothing more): most
   * words of a paragraph are ruled out without building a string.
   */
  private readonly firstHashes = new IntSet();
  private count = 0;

  /** Builds the memory of `tags`, leaving out the phrases `skip` says are forgotten. */
  constructor(tags: Iterable<SourceTag>, private readonly skip?: SkipPhrase) {
    this.add(tags);
  }

  /**
   * Replaces what `document` contributed with `tags` (its tags now; none when it was deleted), touching only
   * the phrases involved. Returns the first words of the phrases that changed (gained or lost a tag), so that
   * the caller reruns suggestions only in documents holding one of them.
   */
  update(document: string, tags: Iterable<SourceTag>): Set<string> {
    const changed = new Set<Slot>();
    const old = this.byDocument.get(document);
    if (old) {
      this.byDocument.delete(document);
      for (const slot of old) {
        const sources = slot.entry.sources;
        const kept = sources.filter((x) => x.document !== document);
        if (kept.length !== sources.length) {
          slot.entry.sources = kept;
          changed.add(slot);
        }
      }
    }
    this.collect(tags, changed);
    const firsts = new Set<string>();
    for (const slot of changed) {
      this.settle(slot);
      firsts.add(slot.entry.key.slice(0, slot.firstEnd));
    }
    return firsts;
  }

  get size(): number {
    return this.count;
  }

  /** The hashes of the first words of the phrases (a superset: see firstHashes), for ScannedWords.reset. */
  get firstWords(): IntSet {
    return this.firstHashes;
  }

  entries(): PhraseEntry[] {
    const out: PhraseEntry[] = [];
    for (const byKey of this.byKind.values()) {
      const slots: Slot[] = [];
      for (let slot of byKey.values()) for (; slot; slot = slot.same!) if (slot.indexed) slots.push(slot);
      if (this.collided) slots.sort((a, b) => a.seq - b.seq);
      for (const slot of slots) out.push(slot.entry);
    }
    return out;
  }

  get(kind: SuggestionKind, key: string): PhraseEntry | undefined {
    const slot = this.slotOf(kind, keyHashOf(key), key);
    return slot?.indexed ? slot.entry : undefined;
  }

  private slotOf(kind: string, hk: number, key: string): Slot | undefined {
    let slot = this.byKind.get(kind)?.get(hk);
    while (slot && slot.entry.key !== key) slot = slot.same;
    return slot;
  }

  /**
   * Every occurrence of a remembered phrase in text[start, end) (one paragraph), longest first where matches of
   * one kind overlap (the shorter ones are dropped), in text order. `scanned`: the words of that range from the
   * engine's scan (suggestRange with it as its ChunkWords), used instead of finding them again when whole.
   */
  match(text: string, start = 0, end = text.length, scanned?: ScannedWords): readonly PhraseMatch[] {
    if (!this.root.size) return NO_MATCHES;
    let n: number;
    const counted = scanned?.whole && scanned.checked(this.firstHashes);
    // Counted against this memory's first words, the scan kept the words from the first of them on (none: no
    // match); counted against another memory's, it may have left out words this one needs.
    if (counted && !scanned.candidates) return NO_MATCHES;
    if (scanned && (counted || (scanned.whole && scanned.complete))) {
      n = scanned.count;
      use(scanned);
    } else {
      n = findWords(text, start, end, buf);
      use(buf);
    }
    const hashes = words.hashes;
    const hashed = words.hashed;
    const firsts = this.firstHashes;
    const found: PhraseMatch[] = [];
    let cleared = 0;
    for (let i = 0; i < n; i++) {
      if (hashed[i] && !firsts.has(hashes[i])) continue;
      // A possible first word: the matcher normalises words from here on, on demand.
      for (; cleared < n && cleared < i + MAX_PHRASE_WORDS * 2 + 2; cleared++) norms[cleared] = undefined;
      this.matchAt(text, i, n, found);
    }
    return found.length ? longestPerKind(found) : NO_MATCHES;
  }

  /** Every match over words already split, overlapping ones included. */
  matchAll(text: string, ws: readonly Word[]): PhraseMatch[] {
    const n = ws.length;
    while (buf.starts.length < n) buf.grow();
    use(buf);
    for (let i = 0; i < n; i++) {
      starts[i] = ws[i].start;
      ends[i] = ws[i].end;
      norms[i] = ws[i].norm;
      buf.hashed[i] = 0;
    }
    const found: PhraseMatch[] = [];
    for (let i = 0; i < n; i++) this.matchAt(text, i, n, found);
    return found;
  }

  private add(tags: Iterable<SourceTag>): void {
    const created: Slot[] = [];
    this.collect(tags, undefined, created);
    for (const slot of created) this.settle(slot);
  }

  /** Adds each tag to its entry (created unindexed when new), and the slots touched to `touched`. */
  private collect(tags: Iterable<SourceTag>, touched?: Set<Slot>, created?: Slot[]): void {
    let last: Slot | undefined;
    let lastDocument: string | undefined;
    let mine: Slot[] | undefined;
    for (const t of tags) {
      if (!REMEMBERED.has(t.kind)) continue;
      const key = keyOfQuote(t.quote, quoteKey);
      const { words: n, firstLength, secondLength, firstHash, secondHash, keyHash } = quoteKey;
      if (!n || n > MAX_PHRASE_WORDS) continue;
      if (key.length - n + 1 < 3) continue; // "a", "it": not phrases
      let byKey = this.byKind.get(t.kind);
      if (!byKey) this.byKind.set(t.kind, (byKey = new Map()));
      const chain = byKey.get(keyHash);
      let slot = chain;
      while (slot && slot.entry.key !== key) slot = slot.same;
      if (!slot) {
        const entry: PhraseEntry = { kind: t.kind as SuggestionKind, key, quote: t.quote, sources: [] };
        slot = {
          entry, firstEnd: firstLength, from: n > 2 ? firstLength + secondLength + 2 : key.length + 1,
          h1: firstHash, h2: secondHash, hk: keyHash, seq: this.seq++, indexed: false,
        };
        if (chain) {
          // Appended: a chain lists its slots in creation order.
          let tail = chain;
          while (tail.same) tail = tail.same;
          tail.same = slot;
          this.collided = true;
        } else byKey.set(keyHash, slot);
        created?.push(slot);
      }
      const source: PhraseSource = { document: t.document, name: t.name, start: t.start, end: t.end };
      if (t.status) source.status = t.status;
      slot.entry.sources.push(source);
      // A sidecar's tags come one document after another: its list is looked up once for them all.
      if (t.document !== lastDocument || !mine) {
        lastDocument = t.document;
        mine = this.byDocument.get(t.document);
        if (!mine) this.byDocument.set(t.document, (mine = []));
      }
      mine.push(slot);
      if (touched && slot !== last) touched.add(slot);
      last = slot;
    }
  }

  /** Puts a slot in the index or takes it out, after its sources changed. */
  private settle(slot: Slot): void {
    const e = slot.entry;
    const keep = e.sources.length > 0 && !this.skip?.(e.kind, e.key, e.sources.length);
    if (!e.sources.length) this.unlink(slot);
    if (keep === slot.indexed) return;
    slot.indexed = keep;
    this.count += keep ? 1 : -1;
    const key = e.key;
    const single = slot.firstEnd === key.length;
    let head = this.root.get(slot.h1);
    while (head && !(head.word.length === slot.firstEnd && key.startsWith(head.word))) head = head.other;
    if (keep) {
      if (!head) {
        head = { word: key.slice(0, slot.firstEnd) };
        const chain = this.root.get(slot.h1);
        if (chain) {
          let tail = chain;
          while (tail.other) tail = tail.other;
          tail.other = head;
        } else {
          this.root.set(slot.h1, head);
          this.firstHashes.add(slot.h1);
        }
      }
      if (single) (head.single ??= []).push(slot);
      else {
        const next = (head.next ??= new Map<number, Slot[]>());
        const list = next.get(slot.h2);
        if (list) list.push(slot);
        else next.set(slot.h2, [slot]);
      }
      return;
    }
    if (!head) return;
    if (single) head.single = without(head.single, slot);
    else {
      const list = without(head.next?.get(slot.h2), slot);
      if (list) head.next!.set(slot.h2, list);
      else head.next?.delete(slot.h2);
      if (!head.next?.size) head.next = undefined;
    }
    if (!head.single && !head.next) {
      // Out of its chain of heads.
      const chain = this.root.get(slot.h1)!;
      if (chain === head) {
        if (head.other) this.root.set(slot.h1, head.other);
        else this.root.delete(slot.h1);
      } else {
        let prev = chain;
        while (prev.other !== head) prev = prev.other!;
        prev.other = head.other;
      }
    }
  }

  /** Takes a slot whose sources are all gone out of byKind (a later tag of its key makes a new one). */
  private unlink(slot: Slot): void {
    const byKey = this.byKind.get(slot.entry.kind);
    const chain = byKey?.get(slot.hk);
    if (!byKey || !chain) return;
    if (chain === slot) {
      if (slot.same) byKey.set(slot.hk, slot.same);
      else byKey.delete(slot.hk);
    } else {
      let prev: Slot | undefined = chain;
      while (prev && prev.same !== slot) prev = prev.same;
      if (prev) prev.same = slot.same;
    }
    slot.same = undefined;
  }

  /** The phrases starting at word i of the scratch words (n of them), into `found`. */
  private matchAt(text: string, i: number, n: number, found: PhraseMatch[]): void {
    let head = this.root.get(hashAt(text, i));
    if (!head) return;
    const first = normAt(text, i);
    while (head && head.word !== first) head = head.other;
    if (!head) return;
    if (head.single) for (const { entry } of head.single) found.push({ entry, start: starts[i], end: ends[i], inserted: false });
    const next = head.next;
    if (!next) return;
    /** The rest of a phrase from offset `at` of its key, the previous phrase word at text word `prev`. */
    const rest = (slot: Slot, at: number, prev: number, inserted: boolean): void => {
      const key = slot.entry.key;
      if (at > key.length) {
        found.push({ entry: slot.entry, start: starts[i], end: ends[prev], inserted });
        return;
      }
      for (let j = prev + 1; j <= prev + 2 && j < n; j++) {
        const skipped = j === prev + 2;
        if (skipped && inserted) break;
        const w = normAt(text, j);
        const after = at + w.length;
        if (key.startsWith(w, at) && (after === key.length || key.charCodeAt(after) === 32) && gapOk(text, ends[prev], starts[j], skipped)) rest(slot, after + 1, j, inserted || skipped);
      }
    };
    // The second word right after the first, or after one inserted word.
    for (let j = i + 1; j <= i + 2 && j < n; j++) {
      const slots = next.get(hashAt(text, j));
      if (!slots || !gapOk(text, ends[i], starts[j], j === i + 2)) continue;
      const second = normAt(text, j);
      for (const slot of slots) {
        // The hash's word, or another word of that hash?
        if (slot.from - 2 - slot.firstEnd !== second.length || !slot.entry.key.startsWith(second, slot.firstEnd + 1)) continue;
        rest(slot, slot.from, j, j === i + 2);
      }
    }
  }
}

/** `list` without `x` (undefined when that leaves it empty). */
function without<T>(list: T[] | undefined, x: T): T[] | undefined {
  const out = list?.filter((y) => y !== x);
  return out?.length ? out : undefined;
}

/** hashString of the normalised form of scratch word j (from the scan when it has one). */
function hashAt(text: string, j: number): number {
  return words.hashed[j] ? words.hashes[j] : hashString(normAt(text, j));
}

/** The normalised form of scratch word j, built on first use. */
function normAt(text: string, j: number): string {
  return (norms[j] ??= normSlice(text, starts[j], ends[j]));
}
