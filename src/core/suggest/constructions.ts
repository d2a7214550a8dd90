// Evaluative constructions of the contextual tier (issue 12, round 5): fixed frames of several words by which a
// writer ranks, boosts, likens or concedes ("by far", "is like", "nothing less than", "may well", "Still, …"). Each is a construction
// of English, not a phrase read off an evaluation text; contextual.ts shows them in opinion-leaning sentences only.
import type { Token } from './chunk';

export interface Construction {
  words: readonly string[];
  /** The words joined by spaces: the suggestion's term. */
  term: string;
  note: string;
}

const RANK = 'a construction that ranks or grades in the writer\'s voice';
const DEGREE = 'a construction of degree that boosts or plays down';
const DENIAL = 'a construction that denies in order to judge';
const SIMILE = 'a simile: the writer judges a thing by what it is likened to';
const STANCE = 'the writer\'s own stance in the first person plural (an editorial or official "we")';

/** The constructions by their first word, longest first within a word (the first that matches is taken). */
export const CONSTRUCTIONS: ReadonlyMap<string, readonly Construction[]> = byFirstWord([
  ['by far', RANK], ['by some distance', RANK], ['by a distance', RANK], ['by a long way', RANK], ['by a wide margin', RANK],
  ['by a mile', RANK], ['at best', RANK], ['at worst', RANK],
  ['nothing less than', DEGREE], ['all too', DEGREE], ['only too', DEGREE], ['none too', DEGREE],
  ['far from', DENIAL], ['not merely', DENIAL], ['not simply', DENIAL],
  ['is like', SIMILE], ['was like', SIMILE], ['are like', SIMILE], ['were like', SIMILE], ['akin to', SIMILE],
  ['we believe', STANCE], ['we trust', STANCE], ['we hope', STANCE], ['we fear', STANCE], ['we doubt', STANCE],
  ['we suspect', STANCE], ['we regret', STANCE], ['we are convinced', STANCE], ['we are confident', STANCE],
]);

function byFirstWord(list: ReadonlyArray<readonly [string, string]>): Map<string, Construction[]> {
  const out = new Map<string, Construction[]>();
  for (const [phrase, note] of list) {
    const words = phrase.split(' ');
    const at = out.get(words[0]) ?? [];
    at.push({ words, term: phrase, note });
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
