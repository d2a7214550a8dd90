// The sentence opinion score: a small linear (logistic) model over the features of opinionFeatures.ts. The
// weights live in opinion-model.json and are produced by `npm run train:opinion` (scripts/train-opinion-model.mjs
// for the data, train.ts for the procedure).
import type { Sentence } from './analyze';
import type { Cue } from './claims';
import modelJson from './opinion-model.json';
import { BIGRAM, DENSE_FEATURES, denseFeatures, Features, WORD } from './opinionFeatures';

export interface OpinionModel {
  features: string[];
  weights: number[];
  bias: number;
}

export const OPINION_MODEL: OpinionModel = modelJson as OpinionModel;

export interface OpinionScore {
  score: number;
  /** Features that pushed the score up the most, with their contribution to the logit. */
  top: Array<{ feature: string; contribution: number }>;
}

export interface CompiledModel {
  byName: Map<string, number>;
  dense: Float64Array;
  /** 1 where the model names the dense feature (byName.has(DENSE_FEATURES[k]), for opinionTop). */
  denseNamed: Uint8Array;
  words: Map<string, number>;
  bigrams: Map<string, Map<string, number>>;
  /** opinionWhy's text by the sentence's top three dense features (opinionWhy.ts; few distinct triples occur). */
  whyByTop: Map<number, string>;
}

const compiled = new WeakMap<OpinionModel, CompiledModel>();

/** The model's weights by feature kind, worked out once per model. */
export function compile(model: OpinionModel): CompiledModel {
  let c = compiled.get(model);
  if (c) return c;
  c = { byName: new Map(), dense: new Float64Array(DENSE_FEATURES.length), denseNamed: new Uint8Array(DENSE_FEATURES.length), words: new Map(), bigrams: new Map(), whyByTop: new Map() };
  for (let i = 0; i < model.features.length; i++) {
    const name = model.features[i];
    const w = model.weights[i];
    c.byName.set(name, w);
    if (name.startsWith(WORD)) c.words.set(name.slice(WORD.length), w);
    else if (name.startsWith(BIGRAM)) {
      const [a, b] = name.slice(BIGRAM.length).split(' ');
      let m = c.bigrams.get(a);
      if (!m) c.bigrams.set(a, (m = new Map()));
      m.set(b, w);
    } else {
      const k = (DENSE_FEATURES as readonly string[]).indexOf(name);
      if (k >= 0) {
        c.dense[k] = w;
        c.denseNamed[k] = 1;
      }
    }
  }
  compiled.set(model, c);
  return c;
}

export function scoreOpinion(f: Features, model: OpinionModel = OPINION_MODEL): OpinionScore {
  const weights = compile(model).byName;
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

/** The opinion score of a sentence of the text, with its dense features (for the explanation, worked out on demand). */
export interface SentenceOpinion {
  score: number;
  sentence: Sentence;
  dense: Float64Array;
}

/**
 * Same score as scoreOpinion(opinionFeatures(...)), without building the feature record. The dense features go
 * into `dense` when given (suggestRange passes one array for all its sentences and explains a sentence before
 * scoring the next: a typed array per sentence was a tenth of the pass).
 */
export function scoreOpinionSentence(
  s: Sentence, claimCues: Cue[], attributions: number, model: OpinionModel = OPINION_MODEL,
  dense: Float64Array = new Float64Array(DENSE_FEATURES.length),
): SentenceOpinion {
  const c = compile(model);
  denseFeatures(s, claimCues, attributions, dense);
  let logit = model.bias;
  for (let k = 0; k < dense.length; k++) logit += dense[k] * c.dense[k];
  const t = s.tokens;
  // Word and pair features are 0/1: a word or pair counts once however often it occurs. (The shipped model has none.)
  if (c.words.size || c.bigrams.size) {
    const seen = new Set<string>();
    for (let i = 0; i < t.length; i++) {
      if (t[i].digit) continue;
      const w = c.words.get(t[i].lower);
      if (w !== undefined && !seen.has(WORD + t[i].lower)) {
        seen.add(WORD + t[i].lower);
        logit += w;
      }
      const next = i + 1 < t.length && !t[i + 1].digit ? t[i + 1].lower : undefined;
      const b = next === undefined ? undefined : c.bigrams.get(t[i].lower)?.get(next);
      if (b !== undefined && !seen.has(BIGRAM + t[i].lower + ' ' + next)) {
        seen.add(BIGRAM + t[i].lower + ' ' + next);
        logit += b;
      }
    }
  }
  return { score: 1 / (1 + Math.exp(-logit)), sentence: s, dense };
}
