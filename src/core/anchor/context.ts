// Scoring a candidate placement of a quote: how well the text around it agrees with the recorded prefix/suffix,
// and how far it is from where the tag was expected.

/** Levenshtein distance, for short strings (prefix/suffix: at most 32 characters each). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  // Common ends cost nothing: trim them so that the table only covers where the strings differ.
  let lo = 0;
  while (lo < a.length && lo < b.length && a.charCodeAt(lo) === b.charCodeAt(lo)) lo++;
  let ea = a.length;
  let eb = b.length;
  while (ea > lo && eb > lo && a.charCodeAt(ea - 1) === b.charCodeAt(eb - 1)) {
    ea--;
    eb--;
  }
  a = a.slice(lo, ea);
  b = b.slice(lo, eb);
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

/** Similarity in [0, 1]: 1 - distance / longer length. Two empty strings are identical. */
export function similarity(a: string, b: string): number {
  const n = Math.max(a.length, b.length);
  return n === 0 ? 1 : 1 - editDistance(a, b) / n;
}

/** How well text before `start` agrees with the recorded prefix, in [0, 1]. */
export function prefixScore(text: string, start: number, prefix: string): number {
  return similarity(prefix, text.slice(Math.max(0, start - prefix.length), start));
}

/** How well text after `end` agrees with the recorded suffix, in [0, 1]. */
export function suffixScore(text: string, end: number, suffix: string): number {
  return similarity(suffix, text.slice(end, end + suffix.length));
}

/** Mean of the prefix and suffix scores. */
export function contextScore(text: string, start: number, end: number, prefix: string, suffix: string): number {
  return (prefixScore(text, start, prefix) + suffixScore(text, end, suffix)) / 2;
}

/** Distance (in UTF-16 code units) at which the position score reaches 0. */
export const POSITION_SCALE = 16384;

export const WEIGHTS = { quote: 0.6, prefix: 0.15, suffix: 0.15, position: 0.1 } as const;

/**
 * Confidence in [0, 1] of a placement [start, end) of a tag: quote similarity (1 for an exact match, 1 - errors /
 * quote length for an approximate one), agreement of the surrounding text with the recorded prefix and suffix,
 * and nearness to the expected position.
 */
export function confidence(
  text: string,
  start: number,
  end: number,
  quoteSimilarity: number,
  prefix: string,
  suffix: string,
  expected: number,
): number {
  const position = Math.max(0, 1 - Math.abs(start - expected) / POSITION_SCALE);
  const score =
    WEIGHTS.quote * quoteSimilarity +
    WEIGHTS.prefix * prefixScore(text, start, prefix) +
    WEIGHTS.suffix * suffixScore(text, end, suffix) +
    WEIGHTS.position * position;
  return Math.min(1, Math.max(0, score));
}
