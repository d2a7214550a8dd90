// Evaluative constructions of the contextual tier (issue 12, round 5): fixed frames of several words by which a
// writer ranks, boosts, likens or concedes ("by far", "is like", "nothing less than", "may well", "Still, …"). Each is a construction
// of English, not a phrase read off an evaluation text; contextual.ts shows them in opinion-leaning sentences only.
import type { Token } from './chunk';

export interface Construction {
  words: readonly string[];
  /** The words joined by spaces: the suggestion's term. */
  term: string;
  note: string;
  /**
   * When it judges (contextual.ts): 'far' before a state, not a place; 'simile' not in an explanation "in that …" or
   * a question "what … is like", nor when it describes; 'measure' (a ranking) by the superlative that follows,
   * else not in a sentence with a figure (a year is none), and "nothing less than" after a copula only; 'always' wherever it stands.
   */
  kind: ConstructionKind;
}

export type ConstructionKind = 'far' | 'simile' | 'measure' | 'always';

const RANK = 'a construction that ranks or grades in the writer\'s voice';
const DEGREE = 'a construction of degree that boosts or plays down';
const DENIAL = 'a construction that denies in order to judge';
const SIMILE = 'a simile: the writer judges a thing by what it is likened to';
const STANCE = 'the writer\'s own stance in the first person plural (an editorial or official "we")';

/**
 * The constructions by their first word, longest first within a word (the first that matches is taken). "at best" and
 * "at worst" are not here: the main lexicon's "best" and "worst" always cover them.
 */
export const CONSTRUCTIONS: ReadonlyMap<string, readonly Construction[]> = byFirstWord([
  ['by far', RANK, 'measure'], ['by some distance', RANK, 'measure'], ['by a distance', RANK, 'measure'],
  ['by a long way', RANK, 'measure'], ['by a wide margin', RANK, 'measure'], ['by a mile', RANK, 'measure'],
  ['nothing less than', DEGREE, 'measure'], ['all too', DEGREE, 'always'], ['only too', DEGREE, 'always'], ['none too', DEGREE, 'always'],
  ['far from', DENIAL, 'far'], ['not merely', DENIAL, 'always'], ['not simply', DENIAL, 'always'],
  ['is like', SIMILE, 'simile'], ['was like', SIMILE, 'simile'], ['are like', SIMILE, 'simile'], ['were like', SIMILE, 'simile'],
  // After a copula, so that the copula pattern does not take "akin" for a descriptive adjective.
  ['is akin to', SIMILE, 'simile'], ['was akin to', SIMILE, 'simile'], ['are akin to', SIMILE, 'simile'], ['were akin to', SIMILE, 'simile'],
  ['akin to', SIMILE, 'simile'],
  ['we believe', STANCE, 'always'], ['we trust', STANCE, 'always'], ['we hope', STANCE, 'always'], ['we fear', STANCE, 'always'],
  ['we doubt', STANCE, 'always'], ['we suspect', STANCE, 'always'], ['we regret', STANCE, 'always'],
  ['we are convinced', STANCE, 'always'], ['we are confident', STANCE, 'always'],
]);

function byFirstWord(list: ReadonlyArray<readonly [string, string, ConstructionKind]>): Map<string, Construction[]> {
  const out = new Map<string, Construction[]>();
  for (const [phrase, note, kind] of list) {
    const words = phrase.split(' ');
    const at = out.get(words[0]) ?? [];
    at.push({ words, term: phrase, note, kind });
    at.sort((a, b) => b.words.length - a.words.length);
    out.set(words[0], at);
  }
  return out;
}

/** The construction starting at token i (its words in a row, separated by spaces only), or undefined. */
export function constructionAt(text: string, tokens: readonly Token[], n: number, i: number): Construction | undefined {
  const candidates = CONSTRUCTIONS.get(tokens[i].lower);
  if (candidates === undefined) return undefined;
  for (const c of candidates) {
    const len = c.words.length;
    if (i + len > n) continue;
    let ok = true;
    for (let k = 1; k < len && ok; k++) ok = tokens[i + k].lower === c.words[k] && spaces(text, tokens[i + k - 1].end, tokens[i + k].start);
    if (ok) return c;
  }
  return undefined;
}

function spaces(text: string, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (text.charCodeAt(k) !== 32) return false;
  return true;
}
