// Token tests shared by the contextual tier's patterns (contextual.ts) and the tests of whether a construction judges
// (constructionJudges.ts): copulas, descriptive adjectives, opinion matches covering a token, plain words.
import type { Sentence } from './analyze';
import { DESCRIPTIVE_ADJECTIVES } from './lexiconTiers';
import { NOT_JUDGED } from './lexicon';
import { wordSet } from './wordLists';

/** Copulas (and their negated contractions). */
export const COPULAS = wordSet('contextual.COPULAS', ['is', 'are', 'was', 'were', 'be', 'been', "isn't", "wasn't"]);
/** Verbs that, like a copula, say what something is ("remains fragile", "seems odd", "proved right"). */
export const PREDICATIVE_VERBS = wordSet('contextual.PREDICATIVE_VERBS', [
  'being', 'remain', 'remains', 'remained', 'seem', 'seems', 'seemed', 'look', 'looks', 'looked', 'sounds', 'feels', 'felt',
  'proved', 'proves', 'become', 'becomes', 'became',
]);

export const ADJECTIVES = new Set(DESCRIPTIVE_ADJECTIVES);

/** Is token k covered by a match of the opinion family (matches from mi on, in token order)? */
export function covered(matches: Sentence['matches'], mi: number, k: number): boolean {
  for (let m = mi; m < matches.length && matches[m].first <= k; m++) if (matches[m].entry.family === 'opinion' && matches[m].last >= k) return true;
  return false;
}

/** Is token j a free descriptive adjective (not a name, a number or part of an opinion match)? */
export function adjectiveAt(tokens: Sentence['tokens'], j: number, matches: Sentence['matches'], mi: number): boolean {
  if (j >= tokens.length) return false;
  const t = tokens[j];
  return !t.cap && !t.digit && ADJECTIVES.has(t.lower) && !NOT_JUDGED.has(t.lower) && !covered(matches, mi, j);
}

/** Letters (and inner hyphens) only: not a number or a code. */
export function isWord(w: string): boolean {
  for (let k = 0; k < w.length; k++) {
    const c = w.charCodeAt(k);
    if (!((c >= 97 && c <= 122) || (c === 45 && k > 0))) return false;
  }
  return true;
}
