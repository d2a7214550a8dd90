// Register formulae of diplomatic and state-media praise (issue 12, round 9): the fixed noun phrases by which
// communiqués, meeting readouts and state commentary praise talks, ties and efforts ("fruitful talks", "an in-depth
// exchange of views", "a cordial and friendly atmosphere", "win-win cooperation", "unswerving support"). The writer of
// a readout is the government that publishes it, so its ritual praise is the writer's evaluation (annotation
// guideline, test/fixtures/suggest-eval/README.md).
// Provenance: written by the team from its own knowledge of the register, before reading fold A's misses of this
// round; not read off any evaluation text.
import type { Token } from './chunk';
import { INTERN_SIZE } from './text';
import { wordSet, wordsOf } from './wordLists';

/** Words of ritual praise that qualify the nouns of diplomacy ("fruitful", "in-depth", "unswerving"). */
export const FORMULA_MODIFIERS = wordSet('formulae.FORMULA_MODIFIERS', wordsOf(`
  fruitful productive constructive candid frank cordial friendly in-depth substantive pragmatic sincere warm
  comprehensive all-round all-weather time-honoured time-honored traditional profound long-standing longstanding
  enduring everlasting unbreakable unswerving unwavering steadfast ironclad iron-clad firm unremitting tireless
  unstinting historic landmark epoch-making far-reaching strategic win-win mutually-beneficial brotherly fraternal
  good-neighbourly good-neighborly high-level high-quality bright broad vigorous solid healthy steady sound
`));

/** The nouns of diplomacy those words praise: meetings, ties, efforts and outcomes. */
export const FORMULA_HEADS = wordSet('formulae.FORMULA_HEADS', wordsOf(`
  talks discussion discussions exchange exchanges dialogue consultation consultations meeting meetings visit visits
  cooperation partnership partnerships relations relationship ties friendship friendships bond bonds
  commitment commitments support efforts effort contribution contributions consensus prospects prospect future
  momentum impetus vitality chapter era heights milestone significance character development atmosphere spirit
  results outcomes achievements progress trust respect benefit understanding solidarity
`));

/** Words of scope that may stand between the praise and its noun ("fruitful bilateral talks", "firm mutual trust"). */
const BETWEEN = wordSet('formulae.BETWEEN', wordsOf(`
  bilateral multilateral trilateral regional international economic political strategic diplomatic practical
  two-way mutual people-to-people
`));

/**
 * Fixed formulae, whole ("mutually beneficial", "exchange of views", "new impetus"), each matched word by word. "new
 * level", "new high" and "new stage" were on the list as first written and came off on a unit-test control, not on
 * fold figures: "shares closed at a new high", "the new stage of the theatre" are plain facts.
 */
export const FORMULA_PHRASES: readonly (readonly string[])[] = `
  mutually beneficial|mutual benefit|mutual trust|mutual respect|win-win|exchange of views|exchanges of views
  new impetus|new momentum|new vitality|new prospects|new chapter|new heights|new era
  bright future|bright prospects|broad prospects|shared future|common prosperity|great significance
  far-reaching significance|important consensus|highly appreciates|highly appreciated|spoke highly|speaks highly
  attaches great importance|attach great importance|attached great importance|stands ready|joint efforts
  good neighbourliness|good neighborliness|cordial and friendly|frank and in-depth|candid and in-depth
  friendly and candid|friendly and frank|people-to-people friendship|fully demonstrates|fully demonstrated
  vividly demonstrates|once again proves|once again demonstrates
`.split('|').map((p) => p.trim().split(/\s+/)).filter((w) => w.length > 0 && w[0] !== '');

const PHRASES_BY_FIRST = new Map<string, (readonly string[])[]>();
for (const p of FORMULA_PHRASES) {
  const at = PHRASES_BY_FIRST.get(p[0]) ?? [];
  at.push(p);
  at.sort((a, b) => b.length - a.length);
  PHRASES_BY_FIRST.set(p[0], at);
}

/**
 * Whether a formula may start at this word (the first word of a fixed formula, or a word of praise), by interned word
 * id (Token.id): this runs for every word of every sentence and almost every word starts none, so one array read
 * replaces two Set look-ups. 0: not looked up yet, 1: no, 2: yes.
 */
const startsById = new Uint8Array(INTERN_SIZE);

function mayStartFormula(tok: Token): boolean {
  const id = tok.id;
  if (id < 0) return PHRASES_BY_FIRST.has(tok.lower) || FORMULA_MODIFIERS.has(tok.lower);
  let k = startsById[id];
  if (k === 0) startsById[id] = k = PHRASES_BY_FIRST.has(tok.lower) || FORMULA_MODIFIERS.has(tok.lower) ? 2 : 1;
  return k === 2;
}

/**
 * The last token of the formula starting at token i, or -1: a fixed formula ("exchange of views"), or one or more
 * praise words (joined by "and" or a comma: "cordial and friendly", "frank, in-depth") before a noun of diplomacy
 * ("talks", "atmosphere"), at most one word of scope between ("fruitful bilateral talks"); "exchange of views" whole.
 */
export function formulaAt(text: string, tokens: readonly Token[], n: number, i: number): number {
  if (!mayStartFormula(tokens[i])) return -1;
  const w = tokens[i].lower;
  let best = -1;
  const phrases = PHRASES_BY_FIRST.get(w);
  if (phrases !== undefined) {
    for (const p of phrases) {
      if (i + p.length > n) continue;
      let ok = true;
      for (let k = 1; k < p.length && ok; k++) ok = tokens[i + k].lower === p[k] && gap(text, tokens[i + k - 1].end, tokens[i + k].start, false);
      if (ok) {
        best = i + p.length - 1;
        break;
      }
    }
  }
  if (!FORMULA_MODIFIERS.has(w)) return best;
  let j = i + 1;
  // Further praise words: "cordial and friendly", "frank, in-depth and constructive".
  while (j + 1 < n && (tokens[j].lower === 'and' || text.charCodeAt(tokens[j - 1].end) === 44) && FORMULA_MODIFIERS.has(tokens[tokens[j].lower === 'and' ? j + 1 : j].lower)) {
    j += tokens[j].lower === 'and' ? 2 : 1;
  }
  for (let k = j; k < n && k <= j + 1; k++) {
    if (!gap(text, tokens[k - 1].end, tokens[k].start, true) || tokens[k].digit) break;
    if (FORMULA_HEADS.has(tokens[k].lower)) {
      let end = k;
      // "an in-depth exchange of views": the formula runs to its fixed tail.
      if (k + 2 < n && tokens[k + 1].lower === 'of' && tokens[k + 2].lower === 'views') end = k + 2;
      return Math.max(best, end);
    }
    if (!BETWEEN.has(tokens[k].lower)) break;
  }
  return best;
}

/** Only spaces between two tokens (a comma too, when allowed, as between "frank, in-depth"). */
function gap(text: string, a: number, b: number, comma: boolean): boolean {
  for (let k = a; k < b; k++) {
    const c = text.charCodeAt(k);
    if (c !== 32 && !(comma && c === 44)) return false;
  }
  return true;
}
