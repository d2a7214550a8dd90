// A paragraph's words for phrase memory, taken from the suggestion engine's own scan (issue 13): the engine
// hands over each chunk's tokens (ChunkWords) and they become phrase memory's words, offsets and the hash of the
// normalised word, without reading the text again. The engine also joins letters across "." and "," between
// them ("U.S", "3,500"), phrase memory does not: such a token is split there (its parts are words of
// phrase memory's own kind, whose joiners ' ’ - the engine's include).
import type { ChunkWords, Token } from '../suggest';
import { INTERN_SIZE } from '../suggest/text';
import type { IntSet } from './intSet';
import { asciiNormEnd, normHash, WordBuffer } from './normalize';

/**
 * Per interned word id (the engine's Token.id): 0 not seen yet, 1 one word of phrase memory (its hash in
 * HASH_BY_ID), 2 holds "." or "," (split at them). Module-level on purpose: a memo of a pure function of the word,
 * valid for the life of the process because one id names one word (src/core/suggest/intern.ts).
 */
const SHAPE_BY_ID = new Uint8Array(INTERN_SIZE);
const HASH_BY_ID = new Int32Array(INTERN_SIZE);

/** Works out SHAPE_BY_ID (and HASH_BY_ID) of an interned word, lower-cased with ’ made ' by the engine. */
function learnId(id: number, lower: string): number {
  let h = 0;
  const e = asciiNormEnd(lower, 0, lower.length);
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c === 46 || c === 44) return (SHAPE_BY_ID[id] = 2);
    if (i < e) h = (Math.imul(h, 31) + c) | 0;
  }
  HASH_BY_ID[id] = h;
  return (SHAPE_BY_ID[id] = 1);
}

/** The words of the chunks the engine scanned for one suggestRange call, as phrase memory matches them. */
export class ScannedWords extends WordBuffer implements ChunkWords {
  count = 0;
  /**
   * False when two chunks touch (the engine cut a paragraph longer than MAX_CHUNK where it had no space to cut
   * at, maybe inside a word): the words of the range must then be found afresh.
   */
  whole = true;
  /**
   * How many words may start a phrase: hashed words whose hash is in `firsts`, and words without a hash. 0 lets
   * the matcher return at once (most paragraphs hold no remembered phrase).
   */
  candidates = 0;
  private lastEnd = -1;
  private firsts: IntSet | undefined;

  /**
   * Empties the buffer for the next suggestRange call; `firsts`: the first-word hashes of the memory to match
   * (then only the words from the first of them on are kept: see push).
   */
  reset(firsts?: IntSet): this {
    this.count = 0;
    this.candidates = 0;
    this.whole = true;
    this.lastEnd = -1;
    this.firsts = firsts;
    return this;
  }

  /** Whether `candidates` counted against `firsts` (then the words start at the first of them). */
  checked(firsts: IntSet): boolean {
    return this.firsts === firsts;
  }

  /** Whether every word of the range was kept (no first words given to count against). */
  get complete(): boolean {
    return this.firsts === undefined;
  }

  chunk(text: string, start: number, end: number, tokens: readonly Token[], count: number): void {
    if (start === this.lastEnd) this.whole = false;
    this.lastEnd = end;
    if (!this.whole) return;
    for (let k = 0; k < count; k++) {
      const t = tokens[k];
      const id = t.id;
      if (id >= 0) {
        const shape = SHAPE_BY_ID[id] || learnId(id, t.lower);
        if (shape === 1) {
          this.push(t.start, t.end, HASH_BY_ID[id], 1);
          continue;
        }
      }
      this.split(text, t.start, t.end);
    }
  }

  /** A token not interned, or holding "." or ",": its parts between those, hashed where normHash can. */
  private split(text: string, start: number, end: number): void {
    let s = start;
    for (let i = start; i <= end; i++) {
      const c = i < end ? text.charCodeAt(i) : 46;
      if (c !== 46 && c !== 44) continue;
      const h = normHash(text, s, i);
      this.push(s, i, h ?? 0, h === undefined ? 0 : 1);
      s = i + 1;
    }
  }

  private push(start: number, end: number, hash: number, hashed: number): void {
    if (!hashed || !this.firsts || this.firsts.has(hash)) this.candidates++;
    // A phrase is matched from a possible first word onwards: the words before the first one are never read, and
    // most paragraphs have none (nothing stored at all). Without `firsts` every word counts, so all are kept.
    else if (!this.candidates) return;
    const n = this.count;
    if (n === this.starts.length) this.grow();
    this.starts[n] = start;
    this.ends[n] = end;
    this.hashes[n] = hash;
    this.hashed[n] = hashed;
    this.count = n + 1;
  }
}
