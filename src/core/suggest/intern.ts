// Lower-cased words are interned: most words of a text are repeats, and handing out the same string again
// (found by hashing the characters in place) spares two string allocations per word. ASCII words only (plus
// the curly apostrophe), at most INTERN_LIMIT of them, kept for the life of the process.
//
// A word's id (Token.id) is its number in the order of interning, not its place in the hash table: the
// detectors cache per-word look-ups in arrays indexed by id, and dense ids keep the few thousand words of a
// text on a few cache lines of those arrays instead of scattered over 64k slots (on the evaluation texts the
// reads of those arrays and of the table were a fifth of a per-paragraph pass under --cpu-prof, mostly cache
// misses). The table holds (hash, id + 1) pairs side by side, so that a probe reads one cache line and
// compares the characters only when the full hash matches; it starts small and doubles when half full (up to
// INTERN_SIZE slots), so that it stays as small as the vocabulary seen so far.

export const INTERN_SIZE = 1 << 16;
const INTERN_LIMIT = INTERN_SIZE >> 1;

export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 16777619;

export class Interner {
  /** Per slot of the open-addressing table: [2 * slot] the word's hash, [2 * slot + 1] its id + 1 (0: empty). */
  private keys = new Int32Array(2 << 12);
  private mask = (1 << 12) - 1;
  /** The interned words by id. */
  private readonly words: string[] = [];
  private count = 0;
  /** The id of the string lower() or hashed() returned last, or -1 when it is not interned (a second return value). */
  lastId = -1;

  /** text[s, e) lower-cased, with ’ made '. */
  lower(text: string, s: number, e: number, curly: boolean): string {
    let h = FNV_OFFSET;
    for (let k = s; k < e; k++) {
      let c = text.charCodeAt(k);
      if (c >= 65 && c <= 90) c += 32;
      else if (c >= 128) {
        if (c !== 0x2019) {
          this.lastId = -1;
          return lowerSlow(text, s, e, curly);
        }
        c = 39;
      }
      h = Math.imul(h ^ c, FNV_PRIME);
    }
    return this.hashed(text, s, e, curly, h);
  }

  /** lower() of text[s, e), which holds no character >= 128 but ’, whose hash h the caller computed. */
  hashed(text: string, s: number, e: number, curly: boolean, h: number): string {
    const n = e - s;
    const keys = this.keys;
    const mask = this.mask;
    for (let idx = h & mask; ; idx = (idx + 1) & mask) {
      const id1 = keys[2 * idx + 1];
      if (id1 === 0) {
        const lower = lowerSlow(text, s, e, curly);
        if (this.count < INTERN_LIMIT) {
          keys[2 * idx] = h;
          keys[2 * idx + 1] = this.count + 1;
          this.words.push(lower);
          this.lastId = this.count;
          this.count++;
          if (2 * this.count > mask && mask < INTERN_SIZE - 1) this.grow();
        } else this.lastId = -1;
        return lower;
      }
      if (keys[2 * idx] === h) {
        const w = this.words[id1 - 1];
        if (w.length === n && sameLower(w, text, s)) {
          this.lastId = id1 - 1;
          return w;
        }
      }
    }
  }

  /** Doubles the table (ids stay). */
  private grow(): void {
    const old = this.keys;
    const mask = this.mask * 2 + 1;
    const keys = new Int32Array(2 * (mask + 1));
    for (let k = 0; k < old.length; k += 2) {
      if (old[k + 1] === 0) continue;
      let idx = old[k] & mask;
      while (keys[2 * idx + 1] !== 0) idx = (idx + 1) & mask;
      keys[2 * idx] = old[k];
      keys[2 * idx + 1] = old[k + 1];
    }
    this.keys = keys;
    this.mask = mask;
  }
}

/**
 * The one interner of the process. Module-level on purpose: the detectors keep per-word caches indexed by id
 * (claims, opinion features, lexicon heads, abbreviations), valid only while one id means one word everywhere.
 */
export const WORDS = new Interner();

export function lowerSlow(text: string, s: number, e: number, curly: boolean): string {
  const lower = text.slice(s, e).toLowerCase();
  return curly ? lower.replace(/’/g, "'") : lower;
}

function sameLower(w: string, text: string, s: number): boolean {
  for (let k = 0; k < w.length; k++) {
    let c = text.charCodeAt(s + k);
    if (c >= 65 && c <= 90) c += 32;
    else if (c === 0x2019) c = 39;
    if (w.charCodeAt(k) !== c) return false;
  }
  return true;
}
