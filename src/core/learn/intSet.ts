// A set of 32-bit integers in one typed array (open addressing, linear probing): the paragraph scan asks it
// about every word of every paragraph, and a probe here reads one or two array slots where a Set<number> walks
// heap-allocated hash chains. Nothing is ever removed (callers tolerate stale members).

export class IntSet {
  /** 0 marks an empty slot; the value 0 itself is kept in `hasZero`. */
  private table = new Int32Array(1024);
  private mask = 1023;
  private count = 0;
  private hasZero = false;

  get size(): number {
    return this.count + (this.hasZero ? 1 : 0);
  }

  add(x: number): void {
    x |= 0;
    if (x === 0) {
      this.hasZero = true;
      return;
    }
    let i = slotOf(x) & this.mask;
    for (let y = this.table[i]; y !== 0; y = this.table[i]) {
      if (y === x) return;
      i = (i + 1) & this.mask;
    }
    this.table[i] = x;
    // At most half full: probes stay short.
    if (++this.count * 2 > this.table.length) this.rehash();
  }

  has(x: number): boolean {
    if (x === 0) return this.hasZero;
    const t = this.table;
    const mask = this.mask;
    let i = slotOf(x) & mask;
    for (let y = t[i]; y !== 0; y = t[i]) {
      if (y === x) return true;
      i = (i + 1) & mask;
    }
    return false;
  }

  private rehash(): void {
    const old = this.table;
    this.table = new Int32Array(old.length * 2);
    this.mask = this.table.length - 1;
    this.count = 0;
    for (const x of old) if (x !== 0) this.add(x);
  }
}

/** Spreads a string hash's bits (its low bits alone cluster for words sharing a last letter). */
function slotOf(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x45d9f3b);
  return x ^ (x >>> 16);
}
