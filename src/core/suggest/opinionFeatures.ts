// The sentence opinion model's features: dense, explainable sentence features (counts of opinion terms by
// category, word classes, spelling, claim cues...) and, for training and explanations only, words and word pairs.
import { inside, Sentence, Token } from './analyze';
import type { Cue } from './claims';
import { INTERN_SIZE } from './intern';
import type { LexEntry } from './lexicon';
import { wordSet } from './wordLists';

export const OPINION_CATEGORIES = [
  'opinion.evaluative', 'opinion.booster', 'opinion.hedge', 'opinion.editorial', 'opinion.modal', 'opinion.loaded',
  'opinion.metaphor', 'opinion.first-person', 'opinion.weasel', 'opinion.custom', 'opinion.sentiment', 'opinion.phrase',
  'opinion.framing',
] as const;

const FIRST = wordSet('opinionFeatures.FIRST', ['i', 'me', 'my', 'mine', 'myself', "i'm", "i've", "i'd", "i'll"]);
const WE = wordSet('opinionFeatures.WE', ['we', 'us', 'our', 'ours', 'ourselves', "we're", "we've", "we'd", "we'll", "let's"]);
const FUTURE = wordSet('opinionFeatures.FUTURE', ['will', "won't", "'ll", "it'll", "they'll", "we'll", "i'll", "that'll"]);
const SECOND = wordSet('opinionFeatures.SECOND', ['you', 'your', 'yours', "you're", "you've"]);
const NEGATION = wordSet('opinionFeatures.NEGATION', ['not', 'no', 'never', 'nothing', 'nobody', 'none', 'neither', 'nor', "n't", "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't", "can't", "cannot", "won't", "wouldn't", "shouldn't", "couldn't"]);
const CONTRAST = wordSet('opinionFeatures.CONTRAST', ['but', 'however', 'yet', 'although', 'though', 'whereas', 'instead', 'rather', 'nevertheless', 'nonetheless', 'still']);
const COPULA = wordSet('opinionFeatures.COPULA', ['is', 'are', "it's", "that's", "there's"]);
const POSSIBILITY = wordSet('opinionFeatures.POSSIBILITY', ['may', 'might', 'could', 'would', 'can', "can't", 'cannot', "couldn't", "wouldn't"]);
const CONNECTIVES = wordSet('opinionFeatures.CONNECTIVES', ['but', 'and', 'yet', 'so', 'still', 'indeed', 'instead', 'after', 'of', 'even', 'now']);
/** Adjective/abstract-noun endings that lean evaluative: -ous, -ive, -ful, -less, -ible/-able, -ism, -ity. */
const EVALUATIVE_SUFFIX = /(?:ous|ive|ful|less|ible|able|ism|ity)$/;
const GENERIC = wordSet('opinionFeatures.GENERIC', ['everyone', 'everybody', 'nobody', 'anyone', 'always', 'never', 'all', 'every', 'whatever', 'whoever', 'ever']);

export type Features = Record<string, number>;

// One look-up per word for all the small word classes above.
const POSSIBILITY_BIT = 1, FIRST_BIT = 2, SECOND_BIT = 4, NEGATION_BIT = 8, CONTRAST_BIT = 16, COPULA_BIT = 32, GENERIC_BIT = 64;
const WE_BIT = 0x10000, FUTURE_BIT = 0x20000;
/** CONNECTIVES (tested on a sentence's first word only; not a class counted per word). */
const CONNECTIVE_BIT = 0x40000;
const CLASS_BITS = 0xff | WE_BIT | FUTURE_BIT;
const WORD_CLASSES = new Map<string, number>();
const KNOWN = 0x100;
/** wordBits by interned id (0: not looked up yet); module-level like the interner whose ids index it. */
const classBySlot = new Uint32Array(INTERN_SIZE);
/** Spelling features, cached with the classes: "n't", "-ly" / "-ed" (longer than 4), an evaluative suffix (longer than 6, not -ly/-ed). */
const NT_SUFFIX = 0x200, LY_SUFFIX = 0x400, ED_SUFFIX = 0x800, EVALUATIVE = 0x1000;

/** The classes and spelling features of a word, | KNOWN (never 0). */
function wordBits(w: string): number {
  let k = (WORD_CLASSES.get(w) ?? 0) | KNOWN;
  const n = w.length;
  if (n > 3 && w.charCodeAt(n - 1) === 116 && w.endsWith("n't")) k |= NT_SUFFIX;
  if (n > 4) {
    const last = w.charCodeAt(n - 1);
    const before = w.charCodeAt(n - 2);
    if (last === 121 && before === 108) k |= LY_SUFFIX;
    else if (last === 100 && before === 101) k |= ED_SUFFIX;
    else if (n > 6 && EVALUATIVE_SUFFIX.test(w)) k |= EVALUATIVE;
  }
  return k;
}
for (const [set, bit] of [[POSSIBILITY, POSSIBILITY_BIT], [FIRST, FIRST_BIT], [SECOND, SECOND_BIT], [NEGATION, NEGATION_BIT], [CONTRAST, CONTRAST_BIT], [COPULA, COPULA_BIT], [GENERIC, GENERIC_BIT], [WE, WE_BIT], [FUTURE, FUTURE_BIT], [CONNECTIVES, CONNECTIVE_BIT]] as const) {
  for (const w of set) WORD_CLASSES.set(w, (WORD_CLASSES.get(w) ?? 0) | bit);
}

/**
 * The sentence-level (dense) features, in a fixed order: first the counts (squashed with log1p, so that one long
 * sentence cannot dominate), then features that are 0/1, shares or already scaled. Besides these, every word of
 * the sentence ("word:…", digits left out) and every pair of neighbouring words ("bigram:… …") is a feature of
 * opinionFeatures; the trainer leaves them out (they learnt topics), and the scorer still honours them.
 */
const COUNT_FEATURES = [
  'opinion.evaluative', 'opinion.booster', 'opinion.hedge', 'opinion.editorial', 'opinion.modal', 'opinion.loaded',
  'opinion.metaphor', 'opinion.first-person', 'opinion.weasel', 'opinion.custom', 'opinion.sentiment', 'opinion.phrase',
  'opinion.framing', 'quoted-opinion', 'pronoun.first', 'pronoun.we', 'pronoun.second', 'negation', 'contrast', 'ly-adverbs',
  'past-tense', 'present-copula', 'generic', 'possibility', 'future', 'evaluative-suffix',
  'number', 'date', 'named-actor', 'comparison', 'superlative', 'change', 'official-act',
  'sentiment.positive', 'sentiment.negative', 'term-evidence',
] as const;
const SCALAR_FEATURES = [
  'initial-connective', 'scare-quote', 'attribution', 'quote', 'question', 'exclamation', 'length', 'opinion.any',
  'name-share',
] as const;
export const DENSE_FEATURES = [...COUNT_FEATURES, ...SCALAR_FEATURES] as const;
const D = Object.fromEntries(DENSE_FEATURES.map((k, i) => [k, i])) as Record<(typeof DENSE_FEATURES)[number], number>;
const CATEGORY_INDEX = new Map<string, number>(OPINION_CATEGORIES.map((c) => [c, D[c]]));
/** Features [0, COUNTED) are counts (squashed with log1p). */
const COUNTED = COUNT_FEATURES.length;

function claimFeature(rule: string): number {
  switch (rule) {
    case 'claim.percentage': case 'claim.money': case 'claim.number': return D.number;
    case 'claim.date': return D.date;
    case 'claim.named-actor': return D['named-actor'];
    case 'claim.comparison': return D.comparison;
    case 'claim.superlative': return D.superlative;
    case 'claim.change': return D.change;
    case 'claim.official-act': case 'claim.event': return D['official-act'];
    default: return -1;
  }
}

/** Signed VADER valence of a sentiment-tier entry (from its note, read once per entry), 0 for other entries. */
const valences = new WeakMap<LexEntry, number>();
export function valenceOf(entry: LexEntry): number {
  let v = valences.get(entry);
  if (v === undefined) {
    const m = entry.category === 'opinion.sentiment' && entry.note ? /VADER ([+-]?\d+(?:\.\d+)?)/.exec(entry.note) : null;
    v = m ? Number(m[1]) : 0;
    valences.set(entry, v);
  }
  return v;
}

/** Dense features of one sentence into f (zeroed first). claimCues and attributions come from the other detectors. */
export function denseFeatures(s: Sentence, claimCues: Cue[], attributions: number, f: Float64Array): void {
  f.fill(0);
  const t = s.tokens;
  const quotes = s.quotes;
  const hasQuotes = quotes.length > 0;
  let own = 0;
  let evidence = 0;
  for (const m of s.matches) {
    const entry = m.entry;
    if (entry.family !== 'opinion') continue;
    if (hasQuotes && inside(quotes, m.start)) {
      f[D['quoted-opinion']]++;
      continue;
    }
    const k = CATEGORY_INDEX.get(entry.category);
    if (k !== undefined) f[k]++;
    own++;
    evidence += entry.weight;
    if (k === D['opinion.sentiment']) {
      const v = valenceOf(entry);
      if (v > 0) f[D['sentiment.positive']]++;
      else if (v < 0) f[D['sentiment.negative']]++;
    }
  }
  let names = 0;
  for (let ti = 0; ti < t.length; ti++) {
    const tok = t[ti];
    if (hasQuotes && inside(quotes, tok.start)) continue;
    if (!tok.digit && tok.cap && ti > 0) names++;
    const k = classesOf(tok);
    const cls = k & CLASS_BITS;
    if (cls !== 0) {
      if (cls & POSSIBILITY_BIT) f[D.possibility]++;
      if (cls & FIRST_BIT) f[D['pronoun.first']]++;
      else if (cls & WE_BIT) f[D['pronoun.we']]++;
      else if (cls & SECOND_BIT) f[D['pronoun.second']]++;
      if (cls & CONTRAST_BIT) f[D.contrast]++;
      if (cls & COPULA_BIT) f[D['present-copula']]++;
      if (cls & GENERIC_BIT) f[D.generic]++;
      if (cls & FUTURE_BIT) f[D.future]++;
    }
    if (k & (NEGATION_BIT | NT_SUFFIX)) f[D.negation]++;
    if (k & LY_SUFFIX) f[D['ly-adverbs']]++;
    else if (k & ED_SUFFIX) f[D['past-tense']]++;
    else if (k & EVALUATIVE && !tok.cap) f[D['evaluative-suffix']]++;
  }
  if (t.length && t[0].cap && classesOf(t[0]) & CONNECTIVE_BIT) f[D['initial-connective']] = 1;
  for (const q of quotes) {
    let n = 0;
    for (const tok of t) if (tok.start >= q.start && tok.end <= q.end) n++;
    if (n > 0 && n <= 3) f[D['scare-quote']] = 1;
  }
  for (const c of claimCues) {
    const k = claimFeature(c.rule);
    if (k >= 0) f[k]++;
  }
  f[D['term-evidence']] = evidence;
  for (let k = 0; k < COUNTED; k++) if (f[k]) f[k] = log1p(f[k]);
  if (attributions) f[D.attribution] = 1;
  if (hasQuotes) f[D.quote] = 1;
  if (s.question) f[D.question] = 1;
  if (s.exclamation) f[D.exclamation] = 1;
  const n = t.length;
  f[D.length] = log1p(n) / 4;
  if (own) f[D['opinion.any']] = 1;
  if (names) f[D['name-share']] = names / n;
}

/** wordBits of a token's word, cached by its id. */
function classesOf(tok: Token): number {
  const id = tok.id;
  if (id < 0) return wordBits(tok.lower);
  let k = classBySlot[id];
  if (k === 0) classBySlot[id] = k = wordBits(tok.lower);
  return k;
}

// Math.log1p of the small counts above, from a table (the same values; log1p was a tenth of denseFeatures).
const LOG1P = new Float64Array(256);
for (let n = 0; n < LOG1P.length; n++) LOG1P[n] = Math.log1p(n);

function log1p(x: number): number {
  return x >= 0 && x < LOG1P.length && x === Math.floor(x) ? LOG1P[x] : Math.log1p(x);
}

export const WORD = 'word:';
export const BIGRAM = 'bigram:';

/** All features of one sentence by name, words and word pairs included (for training and for explanations). */
export function opinionFeatures(s: Sentence, claimCues: Cue[], attributions: number): Features {
  const dense = new Float64Array(DENSE_FEATURES.length);
  denseFeatures(s, claimCues, attributions, dense);
  const f: Features = {};
  for (let k = 0; k < dense.length; k++) if (dense[k]) f[DENSE_FEATURES[k]] = dense[k];
  const t = s.tokens;
  for (let i = 0; i < t.length; i++) {
    if (t[i].digit) continue;
    f[WORD + t[i].lower] = 1;
    if (i + 1 < t.length && !t[i + 1].digit) f[BIGRAM + t[i].lower + ' ' + t[i + 1].lower] = 1;
  }
  return f;
}
