// Explanations of opinion suggestions: why a term counts, and what raised the sentence's opinion score.
import { BIGRAM, DENSE_FEATURES, WORD } from './opinionFeatures';
import { compile, OPINION_MODEL, OpinionModel, OpinionScore, SentenceOpinion } from './opinion';

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
  'opinion.sentiment': 'sentiment-laden words',
  'opinion.phrase': 'evaluative phrases',
  'opinion.framing': 'framing phrases',
  'quoted-opinion': 'opinion words inside quotations',
  'pronoun.first': 'first-person pronouns (I, me, my)',
  'pronoun.we': 'the pronoun “we”',
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
  superlative: 'superlatives',
  future: 'predictions (will)',
  'sentiment.positive': 'positive sentiment words',
  'sentiment.negative': 'negative sentiment words',
  'term-evidence': 'weight of opinion terms',
  'opinion.any': 'opinion terms in the writer’s voice',
  'name-share': 'share of capitalised words (names)',
};

/** " Sentence leans on evaluative words, the word “outrageous”." — or '' when nothing stands out. */
export function opinionWhy(o: SentenceOpinion, model: OpinionModel = OPINION_MODEL): string {
  const c = compile(model);
  if (c.words.size || c.bigrams.size) return whyText(opinionTop(o, model));
  // Dense features only (the shipped model): the top three contributions, ranked as opinionTop's stable sort
  // ranks them (on a tie the lower index first), and the text of that triple built once per model. Objects, a
  // sort and a join per sentence were ~4 % of a per-paragraph pass on the evaluation texts (--cpu-prof).
  let k0 = -1;
  let k1 = -1;
  let k2 = -1;
  let v0 = 0;
  let v1 = 0;
  let v2 = 0;
  const dense = o.dense;
  for (let k = 0; k < dense.length; k++) {
    const v = dense[k] * c.dense[k];
    if (!(v > 0.05) || !c.denseNamed[k]) continue;
    if (k0 < 0 || v > v0) {
      k2 = k1; v2 = v1; k1 = k0; v1 = v0; k0 = k; v0 = v;
    } else if (k1 < 0 || v > v1) {
      k2 = k1; v2 = v1; k1 = k; v1 = v;
    } else if (k2 < 0 || v > v2) {
      k2 = k; v2 = v;
    }
  }
  const key = ((k0 + 1) * 128 + (k1 + 1)) * 128 + (k2 + 1); // (fewer than 127 dense features)
  let why = c.whyByTop.get(key);
  if (why === undefined) {
    const top: OpinionTop = [];
    if (k0 >= 0) top.push({ feature: DENSE_FEATURES[k0], contribution: v0 });
    if (k1 >= 0) top.push({ feature: DENSE_FEATURES[k1], contribution: v1 });
    if (k2 >= 0) top.push({ feature: DENSE_FEATURES[k2], contribution: v2 });
    c.whyByTop.set(key, (why = whyText(top)));
  }
  return why;
}

export type OpinionTop = OpinionScore['top'];

/** " Sentence leans on …." for the top features of a sentence, or ''. */
export function whyText(top: OpinionTop): string {
  return top.length ? ` Sentence leans on ${top.map((c) => featureName(c.feature)).join(', ')}.` : '';
}

/** The three features that raised the sentence's score the most (as scoreOpinion's top, computed directly). */
export function opinionTop(o: SentenceOpinion, model: OpinionModel = OPINION_MODEL): OpinionScore['top'] {
  const c = compile(model);
  const contributions: OpinionScore['top'] = [];
  for (let k = 0; k < o.dense.length; k++) {
    const v = o.dense[k] * c.dense[k];
    if (v > 0.05 && c.denseNamed[k]) contributions.push({ feature: DENSE_FEATURES[k], contribution: v });
  }
  const t = o.sentence.tokens;
  // (The shipped model has no word or pair features: no look-up per word then.)
  for (let i = 0; i < (c.words.size || c.bigrams.size ? t.length : 0); i++) {
    if (t[i].digit) continue;
    const w = c.words.get(t[i].lower);
    if (w !== undefined && w > 0.05) {
      const name = WORD + t[i].lower;
      if (!contributions.some((x) => x.feature === name)) contributions.push({ feature: name, contribution: w });
    }
    const b = i + 1 < t.length && !t[i + 1].digit ? c.bigrams.get(t[i].lower)?.get(t[i + 1].lower) : undefined;
    if (b !== undefined && b > 0.05) {
      const pair = BIGRAM + t[i].lower + ' ' + t[i + 1].lower;
      if (!contributions.some((x) => x.feature === pair)) contributions.push({ feature: pair, contribution: b });
    }
  }
  contributions.sort((a, b) => b.contribution - a.contribution);
  return contributions.slice(0, 3);
}

/** Human name of a feature, for explanations. */
export function featureName(feature: string): string {
  if (feature.startsWith(WORD)) return `the word “${feature.slice(WORD.length)}”`;
  if (feature.startsWith(BIGRAM)) return `the words “${feature.slice(BIGRAM.length)}”`;
  return FEATURE_NAMES[feature] ?? feature;
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
  'opinion.sentiment': 'a sentiment-laden word judges rather than describes',
  'opinion.phrase': 'an evaluative or intensifying word before an evaluative noun praises or blames',
  'opinion.framing': 'a framing phrase tells the reader how to see the facts',
};

const QUOTED = ' (inside a quotation: the source\'s words)';
const CATEGORY_WHY_QUOTED: Record<string, string> = Object.fromEntries(Object.entries(CATEGORY_WHY).map(([k, v]) => [k, v + QUOTED]));

/** "“term”: why this category counts". */
export function opinionTermExplanation(category: string, term: string, quoted: boolean): string {
  const why = (quoted ? CATEGORY_WHY_QUOTED[category] : CATEGORY_WHY[category]) ?? (quoted ? 'opinion language' + QUOTED : 'opinion language');
  return '“' + term + '”: ' + why;
}
