// The contextual tier of opinion terms (lexicon-context.json, lexicon-expansion.json and a few patterns): shown
// only in opinion-leaning sentences that do not read like a wire report (see opinionTerms.ts).
import { inside, Sentence } from './analyze';
import type { Attribution } from './attributions';
import type { Token } from './chunk';
import { INTERN_SIZE } from './intern';
import { Construction, constructionAt } from './constructions';
import { DERIVED_NOUNS, DESCRIPTIVE_ADJECTIVES } from './lexiconTiers';
import { DEGREE_WORDS, EVALUATIVE_NOUNS, GENERALISERS, LexEntry, NEUTRAL_LY, NOT_JUDGED } from './lexicon';
import { suggestion } from './made';
import type { SentenceOpinion } from './opinion';
import { opinionWhy } from './opinionWhy';
import { onlySpaces, round, Run } from './run';
import { wordSet } from './wordLists';

/**
 * Words of the contextual tier in an opinion-leaning sentence: not covered by a match of the main lexicon, not
 * capitalised inside a name, outside quotations and attributed content. One suggestion per word.
 */
export function pushContextual(run: Run, s: Sentence, opinion: SentenceOpinion, attributions: Attribution[]): void {
  const tokens = s.tokens;
  const matches = s.matches;
  const n = tokens.length;
  // Matches come in token order; only the opinion family's cover a word (a claim cue such as "most" does not).
  let mi = 0;
  for (let i = 0; i < n; i++) {
    while (mi < matches.length && (matches[mi].last < i || matches[mi].entry.family !== 'opinion')) mi++;
    if (mi < matches.length && matches[mi].first <= i) continue;
    const tok = tokens[i];
    const lower = tok.lower;
    const c = constructionAt(run.text, tokens, n, i);
    if (i === 0 && c === undefined) {
      // "Nothing less than …" opens a construction, not a generalisation: it is weighed below.
      const g = generaliser(tokens);
      if (g > 0) {
        pushContext(run, s, attributions, opinion, tok.start, tokens[g - 1].end, GENERALISER_NOTE, 0.6, tokens[g - 1].lower === lower ? lower : `${lower} ${tokens[g - 1].lower}`);
        i = g - 1;
        continue;
      }
    }
    if (c !== undefined && constructionJudges(run, tokens, i, c, matches, mi) && !covered(matches, mi, i + c.words.length - 1)) {
      // "by some distance the funniest", "nothing less than a scandal", "far from settled".
      const last = tokens[i + c.words.length - 1];
      pushContext(run, s, attributions, opinion, tok.start, last.end, c.note, 0.6, c.term);
      i += c.words.length - 1;
      continue;
    }
    if (i === 0 && CONCESSIVES.has(lower) && n > 2 && run.text.charCodeAt(tok.end) === 44 /* , */ && !carriesNumber(tokens) && judgesElsewhere(tokens, matches)) {
      // "Still, it is rare…", "Yet, …": the writer concedes a point and turns the argument; before a plain fact ("Still,
      // it is the largest dam", "Still, 4,000 jobs went") it only links two facts.
      pushContext(run, s, attributions, opinion, tok.start, tok.end, CONCESSIVE_NOTE, 0.6, lower);
      continue;
    }
    if (lower === 'well' && i > 0 && HEDGING_MODALS.has(tokens[i - 1].lower) && onlySpaces(run.text, tokens[i - 1].end, tok.start)
      && i + 1 < n && LIKELY_VERBS.has(tokens[i + 1].lower) && !carriesNumber(tokens)) {
      // "may well be right", "could well prove": the writer weighs how likely a judgement is, hedging and boosting at
      // once; "may well spread from the west" forecasts an event, and a figure makes it an estimate.
      pushContext(run, s, attributions, opinion, tokens[i - 1].start, tok.end, MAY_WELL_NOTE, 0.6, `${tokens[i - 1].lower} well`);
      continue;
    }
    if (lower === 'not' && i + 1 < n && (i > 0 && COPULAS.has(tokens[i - 1].lower) || (i > 1 && DENIAL_ADVERBS.has(tokens[i - 1].lower) && COPULAS.has(tokens[i - 2].lower)))
      && onlySpaces(run.text, tok.end, tokens[i + 1].start)) {
      // "is not nothing", "is not a formality", "is not the privilege of a few": a judgement by denial, when what is
      // denied is itself a judgement. "is not a member", "is not the only planet", "is not open" state plain facts.
      // (An adjective denied, "is not trivial", is the copula pattern's: it comes first.)
      const head = deniedJudgement(run, tokens, i + 1, matches, mi);
      if (head > 0) {
        pushContext(run, s, attributions, opinion, tok.start, tokens[head].end, DENIAL_NOTE, 0.6, run.text.slice(tok.start, tokens[head].end).toLowerCase());
        i = head;
      }
      continue;
    }
    if (DEGREE_WORDS.has(lower)) {
      // The degree word and the word it modifies, when that word is free (not a match, a name, a number or a function word).
      const next = i + 1 < n ? tokens[i + 1] : undefined;
      if (next !== undefined && !next.cap && !NOT_JUDGED.has(next.lower) && isWord(next.lower) && onlySpaces(run.text, tok.end, next.start)
        && !(mi < matches.length && matches[mi].first === i + 1)) {
        pushContext(run, s, attributions, opinion, tok.start, next.end, DEGREE_NOTE, 0.6, `${lower} ${next.lower}`);
        i++;
      }
      continue;
    }
    if (COPULAS.has(lower) || PREDICATIVE_VERBS.has(lower)) {
      // "the idea is sound", "memoirs are usually dull", "has always been transparent and peaceful".
      const j = predicative(run.text, tokens, i + 1, matches, mi);
      if (j > 0) {
        const start = tokens[i + 1].start;
        // "is so hard" and "is not trivial" are the degree and denial patterns' phrases, explained as such.
        const first = tokens[i + 1].lower;
        const note = j !== i + 2 ? PREDICATIVE_NOTE : DEGREE_WORDS.has(first) ? DEGREE_NOTE : first === 'not' && COPULAS.has(lower) ? DENIAL_NOTE : PREDICATIVE_NOTE;
        pushContext(run, s, attributions, opinion, start, tokens[j].end, note, 0.6, run.text.slice(start, tokens[j].end).toLowerCase());
        i = j;
        continue;
      }
    }
    if (DETERMINERS.has(lower) && i + 2 < n && adjectiveAt(tokens, i + 1, matches, mi)) {
      // "a sound investment", "a bright hope": a descriptive adjective before a free word.
      const next = tokens[i + 2];
      if (!next.cap && !next.digit && !NOT_JUDGED.has(next.lower) && !CIRCUMSTANCE_WORDS.has(next.lower) && !covered(matches, mi, i + 2)) {
        const adj = tokens[i + 1];
        pushContext(run, s, attributions, opinion, adj.start, adj.end, ATTRIBUTIVE_NOTE, 0.6, adj.lower);
        i++;
        continue;
      }
    }
    if (i + 1 < n && adjectiveAt(tokens, i, matches, mi)) {
      // "unwavering resolve", "bold reforms", "the minister's reckless plan": a descriptive adjective before a free
      // word, without a determiner (after one, the pattern above already took it).
      const next = tokens[i + 1];
      if (!next.cap && !next.digit && !NOT_JUDGED.has(next.lower) && !CIRCUMSTANCE_WORDS.has(next.lower) && isWord(next.lower) && onlySpaces(run.text, tok.end, next.start) && !covered(matches, mi, i + 1)) {
        pushContext(run, s, attributions, opinion, tok.start, tok.end, ATTRIBUTIVE_NOTE, 0.6, lower);
        continue;
      }
    }
    if (!tok.cap && STANCE_VERBS.has(lower)) {
      // "few dare to say it", "we owe them an apology", "they deserve better": the writer weighs duty or merit.
      pushContext(run, s, attributions, opinion, tok.start, tok.end, STANCE_NOTE, 0.6, lower);
      continue;
    }
    if (!tok.cap && FREQUENCY_HEDGES.has(lower)) {
      // "memoirs are usually dull", "too often", "once again": how often, in the writer's voice, hedges or boosts.
      const again = lower === 'once' && i + 1 < n && tokens[i + 1].lower === 'again' && onlySpaces(run.text, tok.end, tokens[i + 1].start);
      if (lower !== 'once' || again) {
        const end = again ? tokens[i + 1].end : tok.end;
        pushContext(run, s, attributions, opinion, tok.start, end, HEDGE_NOTE, 0.6, again ? 'once again' : lower);
        if (again) i++;
        continue;
      }
    }
    const entry = run.context.entry(tok);
    if (entry === undefined) {
      // An adverb of manner or stance ("plainly", "properly", "generously") judges how something is done.
      if (lower.length > 5 && lower.endsWith('ly') && !tok.cap && !NEUTRAL_LY.has(lower) && isWord(lower)) {
        pushContext(run, s, attributions, opinion, tok.start, tok.end, LY_NOTE, 0.6, lower);
      }
      continue;
    }
    if (tok.cap && i > 0 && (tokens[i - 1].cap || (i + 1 < n && tokens[i + 1].cap))) continue;
    pushContext(run, s, attributions, opinion, tok.start, tok.end, entry.note!, entry.weight, entry.term);
  }
}

/** The contextual lexicon of an Analyser, with its look-ups cached by interned word id. */
export class ContextTier {
  /** Entries by word id: undefined not looked up yet, null none (allocated on the first look-up). */
  private byId: Array<LexEntry | null | undefined> | undefined;

  constructor(readonly words: Map<string, LexEntry>) {}

  entry(tok: Token): LexEntry | undefined {
    const id = tok.id;
    if (id < 0) return this.words.get(tok.lower);
    const byId = (this.byId ??= new Array<LexEntry | null | undefined>(INTERN_SIZE).fill(undefined));
    let e = byId[id];
    if (e === undefined) byId[id] = e = this.words.get(tok.lower) ?? null;
    return e ?? undefined;
  }
}

const GENERALISER_NOTE = 'a sweeping generalisation opens the sentence in an opinion-leaning sentence';
const DENIAL_NOTE = 'a judgement by denial ("is not a formality") in an opinion-leaning sentence';
/** Adverbs between a copula and its "not" ("is also not"). */
const DENIAL_ADVERBS = wordSet('contextual.DENIAL_ADVERBS', ['also', 'still', 'simply', 'just', 'surely', 'certainly']);
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
/** Verbs after "may well" that weigh a judgement ("may well be right", "could well prove costly"). */
const LIKELY_VERBS = wordSet('contextual.LIKELY_VERBS', ['be', 'prove', 'turn', 'become', 'seem', 'have', 'mean']);
const CONCESSIVE_NOTE = 'a concession opens the sentence ("Still, …") in an opinion-leaning sentence';
/** Words that open a sentence, before a comma, to concede and turn the argument. */
const CONCESSIVES = wordSet('contextual.CONCESSIVES', ['still', 'yet', 'granted', 'nonetheless', 'nevertheless', 'alas']);
const MAY_WELL_NOTE = 'a modal with "well" weighs a likelihood in an opinion-leaning sentence';
const HEDGING_MODALS = wordSet('contextual.HEDGING_MODALS', ['may', 'might', 'could']);
const COPULAS = wordSet('contextual.COPULAS', ['is', 'are', 'was', 'were', 'be', 'been', "isn't", "wasn't"]);
const STANCE_NOTE = 'a verb of duty, merit or daring in an opinion-leaning sentence';
/** Verbs that weigh duty, merit or daring ("owe", "deserve", "dare"). */
const STANCE_VERBS = wordSet('contextual.STANCE_VERBS', ['dare', 'dares', 'dared', 'owe', 'owes', 'owed', 'deserve', 'deserves', 'deserved', 'deserving']);
const LY_NOTE = 'an adverb of manner or stance in an opinion-leaning sentence';
const PREDICATIVE_NOTE = 'a descriptive adjective (WordNet) said of something after a copula, in an opinion-leaning sentence';
const ATTRIBUTIVE_NOTE = 'a descriptive adjective (WordNet) qualifying what follows, in an opinion-leaning sentence';
/** Verbs that, like a copula, say what something is ("remains fragile", "seems odd", "proved right"). */
const PREDICATIVE_VERBS = wordSet('contextual.PREDICATIVE_VERBS', [
  'being', 'remain', 'remains', 'remained', 'seem', 'seems', 'seemed', 'look', 'looks', 'looked', 'sounds', 'feels', 'felt',
  'proved', 'proves', 'become', 'becomes', 'became',
]);
/** Words between a copula and its adjective that leave it free ("is not", "are usually", "has always been"). */
const PREDICATIVE_ADVERBS = wordSet('contextual.PREDICATIVE_ADVERBS', [
  'not', 'also', 'still', 'always', 'never', 'often', 'usually', 'now', 'both', 'just', 'all', 'even', 'ever', 'already',
  'rarely', 'seldom', 'neither', 'either', 'hardly', 'no',
]);
/** Determiners before an adjective and the word it qualifies ("a sound investment", "their bright hope"). */
const DETERMINERS = wordSet('contextual.DETERMINERS', ['a', 'an', 'the', 'this', 'that', 'its', 'their', 'our', 'his', 'her']);
const ADJECTIVES = new Set(DESCRIPTIVE_ADJECTIVES);
const HEDGE_NOTE = 'a hedge or booster of frequency in the writer\'s voice, in an opinion-leaning sentence';
/** Frequency words that hedge or boost a generalisation ("usually", "seldom"; "once" only in "once again"). */
const FREQUENCY_HEDGES = wordSet('contextual.FREQUENCY_HEDGES', ['usually', 'often', 'seldom', 'rarely', 'once']);
const DEGREE_NOTE = 'a degree word judges the word it modifies in an opinion-leaning sentence';

/**
 * The last token of a judgement denied from token k on, or 0: "nothing" alone, or a determiner, at most one free
 * word and an evaluative head noun ("a formality", "a mere formality"), or any noun replaced by such a judgement ("a
 * consultation but a formality"); the span runs to the head. A head that a
 * match of the main lexicon covers is left to that match.
 */
function deniedJudgement(run: Run, tokens: Sentence['tokens'], k: number, matches: Sentence['matches'], mi: number): number {
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
function constructionJudges(run: Run, tokens: Sentence['tokens'], i: number, c: Construction, matches: Sentence['matches'], mi: number): boolean {
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
 * on all sides").
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
    if (!onlySpaces(text, tokens[j].end, j + 1 < n ? tokens[j + 1].start : tokens[j].end)) break;
  }
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
function judgesElsewhere(tokens: Sentence['tokens'], matches: Sentence['matches']): boolean {
  for (const m of matches) if (m.entry.family === 'opinion') return true;
  for (let k = 1; k < tokens.length; k++) if (adjectiveAt(tokens, k, matches, 0)) return true;
  return false;
}

/** Is token k covered by a match of the opinion family (matches from mi on, in token order)? */
function covered(matches: Sentence['matches'], mi: number, k: number): boolean {
  for (let m = mi; m < matches.length && matches[m].first <= k; m++) if (matches[m].entry.family === 'opinion' && matches[m].last >= k) return true;
  return false;
}

/**
 * The last token of a descriptive adjective said of something from token j on ("sound", "usually dull", "transparent
 * and peaceful"), after at most two free adverbs, or 0. An adverb the main lexicon suggests leaves the phrase to it;
 * an adjective that qualifies the word after it ("there are no clear answers") is attributive, left to that pattern.
 */
function predicative(text: string, tokens: Sentence['tokens'], j: number, matches: Sentence['matches'], mi: number): number {
  const n = tokens.length;
  for (let skipped = 0; j < n && skipped < 2; skipped++, j++) {
    const w = tokens[j].lower;
    if (!(PREDICATIVE_ADVERBS.has(w) || DEGREE_WORDS.has(w) || (w.endsWith('ly') && !NEUTRAL_LY.has(w)))) break;
    if (covered(matches, mi, j)) return 0;
  }
  if (!adjectiveAt(tokens, j, matches, mi)) return 0;
  if (j + 2 < n && tokens[j + 1].lower === 'and' && adjectiveAt(tokens, j + 2, matches, mi)) return plainTail(tokens, j + 3) ? 0 : j + 2;
  if (plainTail(tokens, j + 1)) return 0;
  const next = j + 1 < n ? tokens[j + 1] : undefined;
  // The same test as the attributive pattern's, so that what this leaves to it, it takes.
  const qualifiesNext = next !== undefined && !next.cap && !next.digit && !NOT_JUDGED.has(next.lower) && isWord(next.lower)
    && onlySpaces(text, tokens[j].end, next.start) && !covered(matches, mi, j + 1);
  return qualifiesNext ? 0 : j;
}

/**
 * Does a plain circumstance of place, time or cause follow at token k ("is quiet during exams", "is busy in the
 * mornings", "is stable after surgery", "are available at the library")? A state placed in space or time is reported,
 * not judged: the writer says where or when it holds.
 */
function plainTail(tokens: Sentence['tokens'], k: number): boolean {
  return k < tokens.length && CIRCUMSTANCE_WORDS.has(tokens[k].lower);
}

/** Prepositions and conjunctions of place, time and cause that open a plain circumstance. */
const CIRCUMSTANCE_WORDS = wordSet('contextual.CIRCUMSTANCE_WORDS', [
  'at', 'in', 'on', 'near', 'during', 'after', 'before', 'until', 'since', 'around', 'along', 'across', 'below', 'above',
  'beneath', 'outside', 'inside', 'throughout', 'between', 'behind', 'beside', 'because', 'when', 'while',
]);

/** Is token j a free descriptive adjective (not a name, a number or part of an opinion match)? */
function adjectiveAt(tokens: Sentence['tokens'], j: number, matches: Sentence['matches'], mi: number): boolean {
  if (j >= tokens.length) return false;
  const t = tokens[j];
  return !t.cap && !t.digit && ADJECTIVES.has(t.lower) && !NOT_JUDGED.has(t.lower) && !covered(matches, mi, j);
}

/** Tokens taken by a generaliser at the start of the sentence (0: none). */
function generaliser(tokens: Sentence['tokens']): number {
  for (const g of GENERALISERS) {
    if (g.length > tokens.length) continue;
    let ok = true;
    for (let k = 0; k < g.length && ok; k++) ok = tokens[k].lower === g[k];
    if (ok) return g.length;
  }
  return 0;
}

/** Letters (and inner hyphens) only: not a number or a code. */
function isWord(w: string): boolean {
  for (let k = 0; k < w.length; k++) {
    const c = w.charCodeAt(k);
    if (!((c >= 97 && c <= 122) || (c === 45 && k > 0))) return false;
  }
  return true;
}

/** A suggestion of the contextual tier for text[start, end), unless it is quoted, attributed or ignored. */
function pushContext(run: Run, s: Sentence, attributions: Attribution[], opinion: SentenceOpinion, start: number, end: number, note: string, weight: number, term: string): void {
  if ((s.quotes.length > 0 && inside(s.quotes, start)) || inContent(attributions, start)) return;
  if (run.filterIgnored && run.ignored.has(term)) return;
  const score = round(Math.min(1, 0.7 * weight + 0.3 * opinion.score));
  if (score < run.minScore) return;
  const text = run.text.slice(start, end);
  // What the sentence contributes to the explanation, once per sentence.
  if (run.whyOf !== opinion) {
    run.whyOf = opinion;
    run.why = opinionWhy(opinion);
  }
  const explanation = `“${text}”: ${note}; sentence opinion score ${opinion.score.toFixed(2)}.${run.why}`;
  run.suggestions.push(suggestion('opinion', start, end, text, 'opinion.contextual', explanation, score, term));
}

/** Is offset inside what an attribution reports, before or after its cue? */
function inContent(attributions: Attribution[], offset: number): boolean {
  for (const a of attributions) if (a.content && offset >= a.content.start && offset < a.content.end) return true;
  return false;
}
