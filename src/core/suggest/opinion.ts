// Opinion language: term suggestions from the word lists, and a sentence opinion score from a small linear
// (logistic) model over explainable features. The weights live in opinion-model.json and are produced by
// scripts/train-opinion-model.mjs (see that script for the data and the procedure).
import { inside, Sentence } from './analyze';
import { Cue } from './claims';
import modelJson from './opinion-model.json';

export interface OpinionModel {
  features: string[];
  weights: number[];
  bias: number;
}

export const OPINION_CATEGORIES = [
  'opinion.evaluative', 'opinion.booster', 'opinion.hedge', 'opinion.editorial', 'opinion.modal', 'opinion.loaded',
  'opinion.metaphor', 'opinion.first-person', 'opinion.weasel', 'opinion.custom',
] as const;

/** Human names of the features, for explanations. */
export const FEATURE_NAMES: Record<string, string> = {
  'opinion.evaluative': 'evaluative words',
  'opinion.booster': 'boosters/intensifiers',
  'opinion.hedge': 'hedges',
  'opinion.editorial': 'editorialising words',
  'opinion.modal': 'normative modals',
  'opinion.loaded': 'loaded labels',
  'opinion.metaphor': 'evaluative metaphors',
  'opinion.first-person': 'first-person opinion',
  'opinion.weasel': 'weasel words',
  'opinion.custom': 'your extra opinion terms',
  'quoted-opinion': 'opinion words inside quotations',
  'pronoun.first': 'first-person pronouns',
  'pronoun.second': 'second-person pronouns',
  question: 'a question',
  exclamation: 'an exclamation',
  number: 'numbers',
  date: 'dates',
  'named-actor': 'named actors',
  attribution: 'a reporting verb',
  quote: 'a quotation',
  negation: 'negation',
  contrast: 'contrast words',
  'ly-adverbs': '-ly adverbs',
  'past-tense': 'past-tense verbs',
  'present-copula': 'present-tense "is/are"',
  generic: 'generic statements',
  possibility: 'modal verbs of possibility',
  'evaluative-suffix': 'evaluative-looking adjectives',
  'initial-connective': 'a sentence-initial connective',
  'scare-quote': 'scare quotes',
  length: 'sentence length',
  comparison: 'comparisons',
  change: 'reported changes',
  'official-act': 'official acts',
};

const FIRST = new Set(['i', 'me', 'my', 'mine', 'we', 'us', 'our', 'ours', "i'm", "i've", "we're", "we've", "let's"]);
const SECOND = new Set(['you', 'your', 'yours', "you're", "you've"]);
const NEGATION = new Set(['not', 'no', 'never', 'nothing', 'nobody', 'none', 'neither', 'nor', "n't", "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't", "can't", "cannot", "won't", "wouldn't", "shouldn't", "couldn't"]);
const CONTRAST = new Set(['but', 'however', 'yet', 'although', 'though', 'whereas', 'instead', 'rather', 'nevertheless', 'nonetheless', 'still']);
const COPULA = new Set(['is', 'are', "it's", "that's", "there's"]);
const POSSIBILITY = new Set(['may', 'might', 'could', 'would', 'can', "can't", 'cannot', "couldn't", "wouldn't"]);
const CONNECTIVES = new Set(['but', 'and', 'yet', 'so', 'still', 'indeed', 'instead', 'after', 'of', 'even', 'now']);
/** Adjective/abstract-noun endings that lean evaluative: -ous, -ive, -ful, -less, -ible/-able, -ism, -ity. */
const EVALUATIVE_SUFFIX = /(?:ous|ive|ful|less|ible|able|ism|ity)$/;
const GENERIC = new Set(['everyone', 'everybody', 'nobody', 'anyone', 'always', 'never', 'all', 'every', 'whatever', 'whoever', 'ever']);

export type Features = Record<string, number>;

/**
 * Features of one sentence. Counts are squashed with log1p so that one long sentence cannot dominate.
 * claimCues and attributions come from the claim and attribution detectors.
 */
export function opinionFeatures(s: Sentence, claimCues: Cue[], attributions: number): Features {
  const f: Features = {};
  const t = s.tokens;
  for (const m of s.matches) {
    const cat = m.entry.category;
    if (!cat.startsWith('opinion.')) continue;
    const key = inside(s.quotes, m.start) ? 'quoted-opinion' : cat;
    f[key] = (f[key] ?? 0) + 1;
  }
  let first = 0, second = 0, neg = 0, contrast = 0, ly = 0, past = 0, copula = 0, generic = 0, possibility = 0, suffix = 0;
  for (const tok of t) {
    const w = tok.lower;
    if (inside(s.quotes, tok.start)) continue;
    if (POSSIBILITY.has(w)) possibility++;
    if (w.length > 6 && !tok.cap && EVALUATIVE_SUFFIX.test(w)) suffix++;
    if (FIRST.has(w)) first++;
    else if (SECOND.has(w)) second++;
    if (NEGATION.has(w) || w.endsWith("n't")) neg++;
    if (CONTRAST.has(w)) contrast++;
    if (w.length > 4 && w.endsWith('ly')) ly++;
    if (w.length > 4 && w.endsWith('ed')) past++;
    if (COPULA.has(w)) copula++;
    if (GENERIC.has(w)) generic++;
  }
  const put = (k: string, v: number) => { if (v) f[k] = v; };
  put('pronoun.first', first);
  put('pronoun.second', second);
  put('negation', neg);
  put('contrast', contrast);
  put('ly-adverbs', ly);
  put('past-tense', past);
  put('present-copula', copula);
  put('generic', generic);
  put('possibility', possibility);
  put('evaluative-suffix', suffix);
  if (t.length && CONNECTIVES.has(t[0].lower) && t[0].cap) f['initial-connective'] = 1;
  for (const q of s.quotes) {
    let n = 0;
    for (const tok of t) if (tok.start >= q.start && tok.end <= q.end) n++;
    if (n > 0 && n <= 3) f['scare-quote'] = 1;
  }
  for (const c of claimCues) {
    const k = c.rule === 'claim.percentage' || c.rule === 'claim.money' || c.rule === 'claim.number' ? 'number'
      : c.rule === 'claim.date' ? 'date' : c.rule === 'claim.named-actor' ? 'named-actor'
        : c.rule === 'claim.comparison' || c.rule === 'claim.superlative' ? 'comparison'
          : c.rule === 'claim.change' ? 'change' : c.rule === 'claim.official-act' ? 'official-act' : undefined;
    if (k) f[k] = (f[k] ?? 0) + 1;
  }
  for (const k of Object.keys(f)) f[k] = Math.log1p(f[k]);
  if (attributions) f.attribution = 1;
  if (s.quotes.length) f.quote = 1;
  if (s.question) f.question = 1;
  if (s.exclamation) f.exclamation = 1;
  f.length = Math.log1p(t.length) / 4;
  return f;
}

export const OPINION_MODEL: OpinionModel = modelJson as OpinionModel;

export interface OpinionScore {
  score: number;
  /** Features that pushed the score up the most, with their contribution to the logit. */
  top: Array<{ feature: string; contribution: number }>;
}

const weightMaps = new WeakMap<OpinionModel, Map<string, number>>();

export function scoreOpinion(f: Features, model: OpinionModel = OPINION_MODEL): OpinionScore {
  let weights = weightMaps.get(model);
  if (!weights) {
    weights = new Map(model.features.map((name, i) => [name, model.weights[i]]));
    weightMaps.set(model, weights);
  }
  let logit = model.bias;
  const contributions: Array<{ feature: string; contribution: number }> = [];
  for (const feature in f) {
    const w = weights.get(feature);
    if (w === undefined || !f[feature]) continue;
    const c = f[feature] * w;
    logit += c;
    if (c > 0.05) contributions.push({ feature, contribution: c });
  }
  contributions.sort((a, b) => b.contribution - a.contribution);
  return { score: 1 / (1 + Math.exp(-logit)), top: contributions.slice(0, 3) };
}

const CATEGORY_WHY: Record<string, string> = {
  'opinion.evaluative': 'an evaluative word judges rather than describes',
  'opinion.booster': 'a booster/intensifier amplifies beyond what the facts state',
  'opinion.hedge': 'a hedge signals the writer\'s own uncertainty or stance',
  'opinion.editorial': 'an editorialising word tells the reader what to conclude',
  'opinion.modal': 'a normative modal says what ought to happen',
  'opinion.loaded': 'a loaded label or euphemism carries a judgement',
  'opinion.metaphor': 'an evaluative metaphor frames the facts',
  'opinion.first-person': 'first-person opinion is the writer\'s view',
  'opinion.weasel': 'a weasel word makes a vague or unsupported judgement',
  'opinion.custom': 'it is in your extra opinion terms',
};

export function opinionExplanation(category: string, term: string, quoted: boolean, sentenceScore: number): string {
  const why = CATEGORY_WHY[category] ?? 'opinion language';
  const q = quoted ? ' (inside a quotation: the source\'s words)' : '';
  return `“${term}”: ${why}${q}; sentence opinion score ${sentenceScore.toFixed(2)}.`;
}
