// The contextual tier of opinion terms (lexicon-context.json, lexicon-expansion.json and a few patterns): shown
// only in opinion-leaning sentences that do not read like a wire report (see opinionTerms.ts).
import { inside, Sentence } from './analyze';
import type { Attribution } from './attributions';
import type { Token } from './chunk';
import { INTERN_SIZE } from './intern';
import { constructionAt } from './constructions';
import { carriesNumber, constructionJudges, deniedJudgement, judgesElsewhere } from './constructionJudges';
import { adjectiveAt, COPULAS, covered, isWord, PREDICATIVE_VERBS } from './contextTokens';
import { DEGREE_WORDS, GENERALISERS, LexEntry, NEUTRAL_LY, NOT_JUDGED } from './lexicon';
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
      if (g > 0 && !admitsNotKnowing(tokens, g)) {
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
      if (next !== undefined && !next.cap && !NOT_JUDGED.has(next.lower) && !(QUANTIFIERS.has(lower) && AMOUNT_NOUNS.has(next.lower)) && isWord(next.lower) && onlySpaces(run.text, tok.end, next.start)
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
/** Verbs after "may well" that weigh a judgement ("may well be right", "could well prove costly"). */
const LIKELY_VERBS = wordSet('contextual.LIKELY_VERBS', ['be', 'prove', 'turn', 'become', 'seem', 'have', 'mean']);
const CONCESSIVE_NOTE = 'a concession opens the sentence ("Still, …") in an opinion-leaning sentence';
/** Words that open a sentence, before a comma, to concede and turn the argument. */
const CONCESSIVES = wordSet('contextual.CONCESSIVES', ['still', 'yet', 'granted', 'nonetheless', 'nevertheless', 'alas']);
const MAY_WELL_NOTE = 'a modal with "well" weighs a likelihood in an opinion-leaning sentence';
const HEDGING_MODALS = wordSet('contextual.HEDGING_MODALS', ['may', 'might', 'could']);
const STANCE_NOTE = 'a verb of duty, merit or daring in an opinion-leaning sentence';
/** Verbs that weigh duty, merit or daring ("owe", "deserve", "dare"). */
const STANCE_VERBS = wordSet('contextual.STANCE_VERBS', ['dare', 'dares', 'dared', 'owe', 'owes', 'owed', 'deserve', 'deserves', 'deserved', 'deserving']);
const LY_NOTE = 'an adverb of manner or stance in an opinion-leaning sentence';
const PREDICATIVE_NOTE = 'a descriptive adjective (WordNet) said of something after a copula, in an opinion-leaning sentence';
const ATTRIBUTIVE_NOTE = 'a descriptive adjective (WordNet) qualifying what follows, in an opinion-leaning sentence';
/** Words between a copula and its adjective that leave it free ("is not", "are usually", "has always been"). */
const PREDICATIVE_ADVERBS = wordSet('contextual.PREDICATIVE_ADVERBS', [
  'not', 'also', 'still', 'always', 'never', 'often', 'usually', 'now', 'both', 'just', 'all', 'even', 'ever', 'already',
  'rarely', 'seldom', 'neither', 'either', 'hardly', 'no',
]);
/** Determiners before an adjective and the word it qualifies ("a sound investment", "their bright hope"). */
const DETERMINERS = wordSet('contextual.DETERMINERS', ['a', 'an', 'the', 'this', 'that', 'its', 'their', 'our', 'his', 'her']);
const HEDGE_NOTE = 'a hedge or booster of frequency in the writer\'s voice, in an opinion-leaning sentence';
/** Frequency words that hedge or boost a generalisation ("usually", "seldom"; "once" only in "once again"). */
const FREQUENCY_HEDGES = wordSet('contextual.FREQUENCY_HEDGES', ['usually', 'often', 'seldom', 'rarely', 'once']);
const DEGREE_NOTE = 'a degree word judges the word it modifies in an opinion-leaning sentence';
/** Degree words that also count ("more time", "less money"). */
const QUANTIFIERS = wordSet('contextual.QUANTIFIERS', ['more', 'less', 'much', 'most', 'least']);
/** Nouns of an amount a quantifier counts rather than judges ("needs more time", "less money", "more staff"). */
const AMOUNT_NOUNS = wordSet('contextual.AMOUNT_NOUNS', [
  'time', 'money', 'cash', 'funds', 'funding', 'room', 'space', 'staff', 'people', 'data', 'information', 'work',
  'help', 'resources', 'water', 'food', 'fuel', 'days', 'hours', 'weeks', 'months', 'years',
]);



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


/**
 * "Nobody knows what …", "No one can say when …": from token g on, a verb of knowing or telling before a question word.
 * The writer admits what is not known; it sweeps over no one.
 */
function admitsNotKnowing(tokens: Sentence['tokens'], g: number): boolean {
  const n = tokens.length;
  let k = g;
  if (k < n && KNOWING_MODALS.has(tokens[k].lower)) k++;
  return k + 1 < n && KNOWING_VERBS.has(tokens[k].lower) && QUESTION_WORDS.has(tokens[k + 1].lower);
}
const KNOWING_MODALS = wordSet('contextual.KNOWING_MODALS', ['can', 'could', 'will', 'would', 'may', 'yet', 'really', 'quite']);
const KNOWING_VERBS = wordSet('contextual.KNOWING_VERBS', ['knows', 'knew', 'know', 'say', 'says', 'said', 'tell', 'tells', 'told', 'predict', 'predicts', 'remembers', 'remember', 'understands', 'understand']);
const QUESTION_WORDS = wordSet('contextual.QUESTION_WORDS', ['what', 'how', 'when', 'where', 'why', 'who', 'whom', 'whose', 'whether', 'which', 'if']);

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
