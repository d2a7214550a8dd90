// One-to-one matching of two annotators' spans of one kind.
// Exact: same start and end. Overlap: spans sharing at least one code unit, paired greedily by the largest
// overlap (ties: earlier spans first), so each tag is matched at most once and the counts are symmetric.

import { Span } from '../spans';

export function exactMatches(a: readonly Span[], b: readonly Span[]): number {
  const counts = new Map<string, number>();
  for (const s of a) counts.set(`${s.start}:${s.end}`, (counts.get(`${s.start}:${s.end}`) ?? 0) + 1);
  let matched = 0;
  for (const s of b) {
    const k = `${s.start}:${s.end}`;
    const n = counts.get(k);
    if (n) {
      matched++;
      counts.set(k, n - 1);
    }
  }
  return matched;
}

/** Pairs of indices [i in a, j in b] of overlapping spans, one-to-one. */
export function overlapMatches<A extends Span, B extends Span>(a: readonly A[], b: readonly B[]): [number, number][] {
  const ai = a.map((_, i) => i).sort((x, y) => a[x].start - a[y].start || a[x].end - a[y].end);
  const bi = b.map((_, i) => i).sort((x, y) => b[x].start - b[y].start || b[x].end - b[y].end);
  // Candidate pairs by a sweep over both lists sorted by start.
  const candidates: { i: number; j: number; overlap: number }[] = [];
  let from = 0;
  for (const i of ai) {
    const s = a[i];
    // a-spans come in start order: a b-span ending before this one starts overlaps no later one either.
    while (from < bi.length && b[bi[from]].end <= s.start) from++;
    for (let k = from; k < bi.length; k++) {
      const t = b[bi[k]];
      if (t.start >= s.end) break;
      const overlap = Math.min(s.end, t.end) - Math.max(s.start, t.start);
      if (overlap > 0) candidates.push({ i, j: bi[k], overlap });
    }
  }
  candidates.sort((x, y) => y.overlap - x.overlap || a[x.i].start - a[y.i].start || b[x.j].start - b[y.j].start || x.i - y.i || x.j - y.j);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const pairs: [number, number][] = [];
  for (const c of candidates) {
    if (usedA.has(c.i) || usedB.has(c.j)) continue;
    usedA.add(c.i);
    usedB.add(c.j);
    pairs.push([c.i, c.j]);
  }
  return pairs;
}
