// Whether a construction of the contextual tier judges where it stands: a denial ("is not a formality"), a simile,
// a ranking ("by far the harshest") or a concession; and whether a sentence carries a figure, which makes a ranking
// or a range a measure rather than a judgement.
import type { Sentence } from './analyze';
import type { Token } from './chunk';
import { Construction } from './constructions';
import { adjectiveAt, ADJECTIVES, COPULAS, covered, isWord, PREDICATIVE_VERBS } from './contextTokens';
import { DERIVED_NOUNS } from './lexiconTiers';
import { EVALUATIVE_NOUNS } from './lexicon';
import { onlySpaces, Run } from './run';
import { wordSet } from './wordLists';

/** Determiners before the thing denied ("is not a formality", "is not the privilege of a few"). */
const DENIED_DETERMINERS = wordSet('contextual.DENIED_DETERMINERS', ['a', 'an', 'the']);
/**
 * Nouns that judge when denied of something ("is not a formality", "not a given", "not a coincidence", "not the
 * privilege of a few"): they say what weight or standing a thing has, not what kind of thing it is. Reviewed by hand
 * (issue 12, round 7), beside the evaluative nouns of the lexicons; "nothing" is denied without a determiner.
 */
const DENIED_JUDGEMENTS = wordSet('contextual.DENIED_JUDGEMENTS', [
  'nothing', 'formality', 'given', 'coincidence', 'privilege', 'luxury', 'panacea', 'exaggeration', 'overstatement',
  'sham', 'fluke', 'gimmick', 'afterthought', 'footnote', 'trifle',
  // Round 8 (second review, C6).
  'oversight', 'excuse', 'solution',
]);
/**
 * Things of design or intent ("a plan", "a strategy", "a debate") that, denied with "at all", are refused their name:
 * the writer judges what was offered as unworthy of it (issue 12, round 9; reviewed by hand).
 */
const DESIGNS = wordSet('contextual.DESIGNS', [
  'plan', 'strategy', 'policy', 'reform', 'answer', 'debate', 'consultation', 'choice', 'compromise', 'deal', 'budget',
  'argument', 'inquiry', 'investigation', 'review', 'election', 'negotiation', 'dialogue', 'process', 'programme',
  'program', 'proposal', 'offer', 'apology', 'agreement', 'ceasefire', 'truce', 'consensus', 'democracy', 'justice',
  'vision', 'leadership', 'partnership', 'cooperation', 'progress', 'support',
]);
/** Nouns that judge as what replaces a noun denied ("is not a policy but a slogan"), not when denied alone. */
const REPLACING_JUDGEMENTS = wordSet('contextual.REPLACING_JUDGEMENTS', ['slogan', 'stunt', 'wish', 'fantasy', 'sideshow', 'pretext']);
/**
 * Nouns of the lexicon's evaluative list that name a kind of thing as often as they judge ("not a model", "not a
 * partnership", "not a friend of the mayor"): a denial of them states a fact.
 */
const KINDS_TOO = wordSet('contextual.KINDS_TOO', [
  'model', 'example', 'step', 'steps', 'strides', 'gesture', 'support', 'leadership', 'friendship', 'partnership',
  'cooperation', 'contribution', 'contributions', 'solidarity', 'trust', 'confidence', 'foundation', 'foundations',
  'friend', 'friends', 'ties', 'bond', 'bonds', 'refusal', 'refusals', 'resistance', 'commitment', 'commitments',
  'progress', 'vision', 'resolve', 'significance', 'importance', 'feat', 'feats', 'milestone', 'milestones',
]);
const EVALUATIVE_NOUN_SET = new Set([...EVALUATIVE_NOUNS.filter((w) => !KINDS_TOO.has(w)), ...DERIVED_NOUNS.map(([noun]) => noun)]);
/** Words between a determiner and a noun that pick one out, not judge it ("the only", "the first", "the same"). */
const PICKERS = wordSet('contextual.PICKERS', ['only', 'first', 'last', 'same', 'next', 'other', 'second', 'third', 'whole', 'main', 'very', 'sole']);
/**
 * The last token of a judgement denied from token k on, or 0: "nothing" alone, or a determiner, at most one free
 * word and an evaluative head noun ("a formality", "a mere formality"), or any noun replaced by such a judgement ("a
 * consultation but a formality"); the span runs to the head. A head that a
 * match of the main lexicon covers is left to that match.
 */
export function deniedJudgement(run: Run, tokens: Sentence['tokens'], k: number, matches: Sentence['matches'], mi: number): number {
  const n = tokens.length;
  const first = tokens[k];
  if (!DENIED_DETERMINERS.has(first.lower)) {
    // "is not nothing", "is not unreasonable": a word of the contextual lexicon said of the subject, denied. A bare
    // noun of the lists ("are not violations of the contract") names a kind of thing: it needs a determiner.
    return (first.lower === 'nothing' || run.context.entry(first) !== undefined) && !first.cap && !covered(matches, mi, k) && !statusAfter(tokens, k) ? k : 0;
  }
  for (let h = k + 1; h < n && h <= k + 2; h++) {
    const t = tokens[h];
    if (t.cap || t.digit || PICKERS.has(t.lower) || !isWord(t.lower) || !onlySpaces(run.text, tokens[h - 1].end, t.start) || covered(matches, mi, h)) return 0;
    if (evaluativeNoun(run, t)) return statusAfter(tokens, h) ? 0 : h;
    // "is not a plan at all": a thing of design or intent denied its very name (a judgement of what was offered);
    // "is not a fish at all" denies a kind, a fact.
    if (DESIGNS.has(t.lower) && h + 2 < n && tokens[h + 1].lower === 'at' && tokens[h + 2].lower === 'all'
      && onlySpaces(run.text, t.end, tokens[h + 1].start) && onlySpaces(run.text, tokens[h + 1].end, tokens[h + 2].start)) return h + 2;
    // "is not a consultation but a formality": a name denied to put a judgement in its place; the span runs to the
    // judgement, which is what the suggestion stands for.
    if (h + 2 < n && tokens[h + 1].lower === 'but' && DENIED_DETERMINERS.has(tokens[h + 2].lower)) {
      const judged = deniedJudgement(run, tokens, h + 2, matches, mi);
      if (judged > 0) return judged;
      const r = h + 3 < n ? tokens[h + 3] : undefined;
      if (r !== undefined && !r.cap && REPLACING_JUDGEMENTS.has(r.lower) && onlySpaces(run.text, tokens[h + 2].end, r.start) && !covered(matches, mi, h + 3)) return h + 3;
    }
  }
  return 0;
}

/**
 * Does a word of status follow token h ("is not a success yet", "not a success so far")? Then the denial reports
 * where things stand, not a judgement. "yet" counts at the end of the sentence only ("…, yet it …" turns instead).
 */
function statusAfter(tokens: Sentence['tokens'], h: number): boolean {
  const n = tokens.length;
  if (n - 1 > h && tokens[n - 1].lower === 'yet') return true;
  for (let k = h + 1; k + 1 < n; k++) if (tokens[k].lower === 'so' && tokens[k + 1].lower === 'far') return true;
  return false;
}

/** A noun that judges: of the evaluative or derived nouns, the contextual lexicon or the reviewed denied judgements. */
function evaluativeNoun(run: Run, t: Token): boolean {
  return t.lower !== 'nothing' && (DENIED_JUDGEMENTS.has(t.lower) || EVALUATIVE_NOUN_SET.has(t.lower) || run.context.entry(t) !== undefined);
}

/**
 * Does the construction at token i judge here? "far from" judges a state ("far from perfect", "far from settled", "is
 * far from a success"), not a place ("lies far from the coast"); a simile likens, a comparison "in that …" explains
 * and "what … is like" asks; a ranking or degree with a figure in the sentence ("by far the largest employer, with
 * 4,000 staff", "nothing less than a two-thirds majority") measures.
 */
export function constructionJudges(run: Run, tokens: Sentence['tokens'], i: number, c: Construction, matches: Sentence['matches'], mi: number): boolean {
  const n = tokens.length;
  const after = i + c.words.length;
  switch (c.kind) {
    case 'far': {
      if (after >= n || !onlySpaces(run.text, tokens[after - 1].end, tokens[after].start)) return false;
      const t = tokens[after];
      if (!t.cap && !t.digit && (ADJECTIVES.has(t.lower) || STATE_WORDS.has(t.lower) || (t.lower.length > 4 && t.lower.endsWith('ed')) || run.context.entry(t) !== undefined)) return true;
      // "Far from easing congestion, the lanes …": an action denied to turn to its opposite.
      if (i === 0 && !t.cap && t.lower.length > 5 && t.lower.endsWith('ing') && isWord(t.lower) && commaBefore(run.text, t.end, tokens[n - 1].end)) return true;
      return i > 0 && (COPULAS.has(tokens[i - 1].lower) || PREDICATIVE_VERBS.has(tokens[i - 1].lower)) && deniedJudgement(run, tokens, after, matches, mi) > 0;
    }
    case 'simile': {
      if (after >= n || !onlySpaces(run.text, tokens[after - 1].end, tokens[after].start)) return false;
      for (let k = 0; k < i; k++) if (tokens[k].lower === 'what') return false;
      for (let k = after; k + 1 < n; k++) if (tokens[k].lower === 'in' && (tokens[k + 1].lower === 'that' || tokens[k + 1].lower === 'which')) return false;
      return !describes(run.text, tokens, after);
    }
    case 'measure': {
      // A ranking is judged by its superlative: "by far the largest crop" measures, "by far the harshest" judges
      // (with a figure or not); with no superlative in sight, a figure makes it a measure.
      // "Nothing less than a unanimous vote can change the rules" states a threshold; after a copula it judges.
      if (c.words[0] === 'nothing' && !(i > 0 && (COPULAS.has(tokens[i - 1].lower) || PREDICATIVE_VERBS.has(tokens[i - 1].lower)))) return false;
      const sup = c.words[0] === 'by' ? superlativeAt(run, tokens, after, matches, mi) : undefined;
      return sup !== undefined ? sup : !carriesNumber(tokens);
    }
    default:
      return true;
  }
}

/**
 * Does the simile from token k on describe rather than judge? The same kind of thing ("like the old one", "like its
 * predecessor"), a likeness in a dimension ("like Earth in size") or a shape told in detail ("like a bowl, with seats
 * on all sides"), a likeness under a physical condition ("like water at room temperature", "like air at high pressure").
 */
function describes(text: string, tokens: Sentence['tokens'], k: number): boolean {
  const n = tokens.length;
  let j = k;
  if (j < n && SIMILE_DETERMINERS.has(tokens[j].lower)) j++;
  for (let end = Math.min(n, j + 3); j < end; j++) {
    const w = tokens[j].lower;
    if (SAME_KIND.has(w)) return true;
    if (j + 1 < n && tokens[j + 1].lower === 'in' && j + 2 < n && DIMENSIONS.has(tokens[j + 2].lower)) return true;
    if (j + 1 < n && tokens[j + 1].lower === 'with' && text.slice(tokens[j].end, tokens[j + 1].start).trim() === ',' && j <= k + 1) return true;
    if (j + 1 < n && CONDITION_PREPOSITIONS.has(tokens[j + 1].lower) && conditionAfter(tokens, j + 2)) return true;
    if (!onlySpaces(text, tokens[j].end, j + 1 < n ? tokens[j + 1].start : tokens[j].end)) break;
  }
  return false;
}
/** Prepositions that open a physical condition after the likened thing ("at room temperature", "under pressure"). */
const CONDITION_PREPOSITIONS = wordSet('contextual.CONDITION_PREPOSITIONS', ['at', 'under', 'below', 'above', 'in']);
/** Nouns of a physical condition (the likeness holds under it: measured, not judged). */
const CONDITIONS = wordSet('contextual.CONDITIONS', [
  'temperature', 'temperatures', 'pressure', 'pressures', 'altitude', 'altitudes', 'depth', 'depths', 'speed', 'speeds',
  'point', 'vacuum', 'gravity', 'zero',
]);
/** A condition noun within the three tokens from k ("room temperature", "high pressure", "freezing point"). */
function conditionAfter(tokens: Sentence['tokens'], k: number): boolean {
  for (let m = k; m < tokens.length && m < k + 3; m++) if (CONDITIONS.has(tokens[m].lower)) return true;
  return false;
}
const SIMILE_DETERMINERS = wordSet('contextual.SIMILE_DETERMINERS', ['a', 'an', 'the', 'its', 'their', 'his', 'her']);
/** Nouns that liken a thing to one of its own kind ("like the old one", "like its predecessor"). */
const SAME_KIND = wordSet('contextual.SAME_KIND', ['one', 'ones', 'predecessor', 'predecessors', 'successor', 'successors', 'original', 'counterpart', 'counterparts', 'sibling', 'siblings']);
/** Dimensions in which two things are alike ("like Earth in size"): a measured likeness. */
const DIMENSIONS = wordSet('contextual.DIMENSIONS', [
  'size', 'shape', 'form', 'structure', 'density', 'mass', 'colour', 'color', 'appearance', 'composition', 'design',
  'layout', 'scale', 'length', 'height', 'width', 'weight', 'texture', 'function', 'age', 'diameter', 'volume',
]);

/**
 * After a ranking construction (token k on, past a determiner): true if an evaluative superlative follows ("the
 * harshest", "the most cynical"), false if a measurable one ("the largest", "the leading", "the most common"),
 * undefined if none.
 */
function superlativeAt(run: Run, tokens: Sentence['tokens'], k: number, matches: Sentence['matches'], mi: number): boolean | undefined {
  const n = tokens.length;
  if (k < n && SIMILE_DETERMINERS.has(tokens[k].lower)) k++;
  if (k >= n) return undefined;
  const w = tokens[k].lower;
  if (w === 'most' || w === 'least') {
    const next = k + 1 < n ? tokens[k + 1] : undefined;
    if (next === undefined || next.cap || next.digit) return undefined;
    if (MEASURABLE_AFTER_MOST.has(next.lower)) return false;
    return ADJECTIVES.has(next.lower) || run.context.entry(next) !== undefined || covered(matches, mi, k + 1) ? true : undefined;
  }
  if (MEASURABLE_SUPERLATIVES.has(w)) return false;
  if (w === 'best' || w === 'worst' || (w.length > 5 && w.endsWith('est') && !NOT_SUPERLATIVES.has(w) && isWord(w))) return true;
  return undefined;
}
/** Superlatives of size, amount, place, time or rank that a count or a measure settles. */
const MEASURABLE_SUPERLATIVES = wordSet('contextual.MEASURABLE_SUPERLATIVES', [
  'largest', 'biggest', 'smallest', 'longest', 'shortest', 'tallest', 'highest', 'lowest', 'deepest', 'shallowest',
  'widest', 'narrowest', 'oldest', 'youngest', 'newest', 'fastest', 'slowest', 'heaviest', 'lightest', 'wettest',
  'driest', 'hottest', 'coldest', 'warmest', 'coolest', 'busiest', 'nearest', 'closest', 'farthest', 'furthest',
  'earliest', 'latest', 'richest', 'poorest', 'commonest', 'rarest', 'cheapest', 'costliest', 'leading', 'main',
  'top', 'fewest',
]);
/** Words after "most" that a count settles ("the most common", "the most populous", "the most visited"). */
const MEASURABLE_AFTER_MOST = wordSet('contextual.MEASURABLE_AFTER_MOST', [
  'common', 'populous', 'visited', 'frequent', 'used', 'widely', 'expensive', 'prevalent', 'densely', 'distant',
  'remote', 'northerly', 'southerly', 'easterly', 'westerly', 'recent', 'senior', 'read', 'watched', 'popular',
]);
/** Words ending in "-est" that are not superlatives. */
const NOT_SUPERLATIVES = wordSet('contextual.NOT_SUPERLATIVES', [
  'interest', 'forest', 'honest', 'modest', 'earnest', 'contest', 'protest', 'request', 'harvest', 'manifest',
  'conquest', 'arrest', 'digest', 'invest', 'suggest', 'inquest', 'behest', 'unrest', 'dishonest', 'immodest',
]);

/** Is there a comma in text[from, to) (within the sentence)? */
function commaBefore(text: string, from: number, to: number): boolean {
  const c = text.indexOf(',', from);
  return c >= 0 && c < to;
}

/** Words of state after "far from" that the adjective lists do not hold ("far from over", "far from being …"). */
const STATE_WORDS = wordSet('contextual.STATE_WORDS', ['over', 'done', 'being', 'certain', 'sure', 'clear', 'ideal', 'perfect', 'ready', 'complete']);

/**
 * Does the sentence carry a figure (digits, or a number word: "two-thirds", "twelve", "million")? A year ("In 2024",
 * "the 2025 festival") dates, it does not measure.
 */
export function carriesNumber(tokens: Sentence['tokens']): boolean {
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    // "an hour", "a mile": one unit is a figure too.
    if (k > 0 && UNITS.has(t.lower) && (tokens[k - 1].lower === 'a' || tokens[k - 1].lower === 'an')) return true;
    if (t.digit) {
      if (!YEAR.test(t.lower)) return true;
      continue;
    }
    const w = t.lower;
    const dash = w.indexOf('-');
    if (NUMBER_WORDS.has(dash > 0 ? w.slice(0, dash) : w)) return true;
  }
  return false;
}
/** Units of time, distance, weight and money counted by "a"/"an" ("delayed by an hour"). */
const UNITS = wordSet('contextual.UNITS', [
  'hour', 'minute', 'day', 'week', 'month', 'year', 'decade', 'century', 'mile', 'metre', 'meter', 'kilometre',
  'kilometer', 'kilo', 'kilogram', 'tonne', 'ton', 'pound', 'dollar', 'euro', 'litre', 'liter',
]);
const YEAR = /^(1[5-9]|20)\d\d$/;
/** Number words ("one" is left out: "one of the", "the one thing" count nothing). */
const NUMBER_WORDS = wordSet('contextual.NUMBER_WORDS', [
  'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'twenty', 'thirty', 'forty',
  'fifty', 'sixty', 'seventy', 'eighty', 'ninety', 'hundred', 'hundreds', 'thousand', 'thousands', 'million', 'millions',
  'billion', 'billions', 'dozen', 'dozens', 'half', 'percent',
]);

/** Does the sentence judge elsewhere (an opinion match, or a free descriptive adjective)? */
export function judgesElsewhere(tokens: Sentence['tokens'], matches: Sentence['matches']): boolean {
  for (const m of matches) if (m.entry.family === 'opinion') return true;
  for (let k = 1; k < tokens.length; k++) if (adjectiveAt(tokens, k, matches, 0)) return true;
  return false;
}
