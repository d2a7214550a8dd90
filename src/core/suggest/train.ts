// The trainer of the sentence opinion model: the one place that says how opinion-model.json is fitted, called by
// scripts/train-opinion-model.mjs (to ship the model) and by bench/evalOpinionModel.ts (to cross-validate it), so
// the benchmark's CV is the CV of exactly the shipped procedure.
//
// Model: logistic regression over the dense, named sentence features of opinionFeatures.ts. Objective: class-balanced mean
// log-loss + lambda/2 |w|^2 (bias not penalised) over features standardised on the training rows (so one lambda
// treats every feature alike), solved by Newton's method with step halving: exact, and deterministic (no sampling,
// no seed). The weights are then mapped back to raw feature units, so the runtime scores raw features unchanged.
// Rows come in two sets: the main rows (NewsSD-ENG train, the only ones ever validated on) and extra rows (our
// tune-half sentences), each set class-balanced on its own and the extra set scaled by extraWeight.
import type { Features } from './opinionFeatures';

export interface Example {
  features: Features;
  /** 1 opinion (SUBJ), 0 factual (OBJ). */
  y: number;
}

export interface TrainSettings {
  /** L2 strength on standardised features. */
  lambda: number;
  /** Weight of the extra set relative to the main set's, per class-balanced row (0 leaves it out). */
  extraWeight: number;
}

export interface LinearModel {
  features: string[];
  weights: number[];
  bias: number;
}

export interface Standardiser {
  mean: Float64Array;
  scale: Float64Array;
}

/** Word and word-pair features are not trained (they learnt the topics of the training articles: see the script). */
const isSparse = (name: string) => name.startsWith('word:') || name.startsWith('bigram:');

/** The dense feature names present in some records, sorted. */
export function featureNames(records: Features[]): string[] {
  const names = new Set<string>();
  for (const r of records) for (const k in r) if (!isSparse(k)) names.add(k);
  return [...names].sort();
}

/** Rows of a dense matrix (one Float64Array per record) over the given names; a missing feature is 0. */
export function toMatrix(records: Features[], names: string[]): Float64Array[] {
  return records.map((r) => Float64Array.from(names, (n) => r[n] ?? 0));
}

/** Mean and standard deviation (population) of each column; a constant column gets scale 1. */
export function standardiser(X: Float64Array[], d: number): Standardiser {
  const mean = new Float64Array(d);
  const scale = new Float64Array(d);
  const n = X.length || 1;
  for (const x of X) for (let j = 0; j < d; j++) mean[j] += x[j] / n;
  for (const x of X) for (let j = 0; j < d; j++) scale[j] += (x[j] - mean[j]) ** 2 / n;
  for (let j = 0; j < d; j++) scale[j] = scale[j] > 1e-12 ? Math.sqrt(scale[j]) : 1;
  return { mean, scale };
}

export function standardise(X: Float64Array[], s: Standardiser): Float64Array[] {
  return X.map((x) => x.map((v, j) => (v - s.mean[j]) / s.scale[j]));
}

/** Weights on standardised features -> the same linear function on raw features. */
export function toRawUnits(w: Float64Array, bias: number, s: Standardiser): { weights: Float64Array; bias: number } {
  const weights = w.map((v, j) => v / s.scale[j]);
  let b = bias;
  for (let j = 0; j < w.length; j++) b -= weights[j] * s.mean[j];
  return { weights, bias: b };
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** log(1 + e^z), without overflow. */
const softplus = (z: number) => (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)));

/** Solves A x = b for a symmetric positive definite A (Cholesky); A is overwritten. */
function choleskySolve(A: Float64Array[], b: Float64Array): Float64Array {
  const n = b.length;
  for (let j = 0; j < n; j++) {
    let d = A[j][j];
    for (let k = 0; k < j; k++) d -= A[j][k] * A[j][k];
    const l = Math.sqrt(Math.max(d, 1e-12));
    A[j][j] = l;
    for (let i = j + 1; i < n; i++) {
      let v = A[i][j];
      for (let k = 0; k < j; k++) v -= A[i][k] * A[j][k];
      A[i][j] = v / l;
    }
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let v = b[i];
    for (let k = 0; k < i; k++) v -= A[i][k] * y[k];
    y[i] = v / A[i][i];
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let v = y[i];
    for (let k = i + 1; k < n; k++) v -= A[k][i] * x[k];
    x[i] = v / A[i][i];
  }
  return x;
}

/**
 * Minimises sum_i sw_i * logloss(y_i, w.x_i + b) / sum_i sw_i + lambda/2 |w|^2 by Newton's method with step
 * halving. X rows are the (already standardised) features.
 */
export function fitLogistic(X: Float64Array[], y: number[], sw: number[], lambda: number, maxIterations = 50): { w: Float64Array; bias: number } {
  const d = X.length ? X[0].length : 0;
  const n = X.length;
  let total = 0;
  for (const v of sw) total += v;
  const p = d + 1; // the bias is the last coordinate
  let theta = new Float64Array(p);
  const z = new Float64Array(n);
  const logits = (t: Float64Array) => {
    for (let i = 0; i < n; i++) {
      let v = t[d];
      const x = X[i];
      for (let j = 0; j < d; j++) v += t[j] * x[j];
      z[i] = v;
    }
  };
  const objective = (t: Float64Array) => {
    logits(t);
    let loss = 0;
    for (let i = 0; i < n; i++) loss += sw[i] * (softplus(z[i]) - y[i] * z[i]);
    let reg = 0;
    for (let j = 0; j < d; j++) reg += t[j] * t[j];
    return loss / total + (lambda / 2) * reg;
  };
  let f = objective(theta);
  for (let it = 0; it < maxIterations; it++) {
    logits(theta);
    const g = new Float64Array(p);
    const H = Array.from({ length: p }, () => new Float64Array(p));
    for (let j = 0; j < d; j++) {
      g[j] = lambda * theta[j];
      H[j][j] = lambda;
    }
    H[d][d] = 1e-9;
    for (let i = 0; i < n; i++) {
      const q = sigmoid(z[i]);
      const r = (sw[i] * (q - y[i])) / total;
      const h = (sw[i] * q * (1 - q)) / total;
      const x = X[i];
      for (let j = 0; j < d; j++) {
        const hx = h * x[j];
        g[j] += r * x[j];
        const row = H[j];
        for (let k = 0; k <= j; k++) row[k] += hx * x[k];
        row[d] += hx;
      }
      g[d] += r;
      H[d][d] += h;
    }
    // Cholesky reads the lower triangle: mirror the bias column into the bias row.
    for (let j = 0; j < d; j++) H[d][j] = H[j][d];
    const step = choleskySolve(H, g);
    let t = 1;
    let next = theta.map((v, j) => v - step[j]);
    let fn = objective(next);
    while (fn > f && t > 1e-6) {
      t /= 2;
      next = theta.map((v, j) => v - t * step[j]);
      fn = objective(next);
    }
    if (fn > f) break;
    let moved = 0;
    for (let j = 0; j < p; j++) moved = Math.max(moved, Math.abs(next[j] - theta[j]));
    theta = next;
    const done = f - fn < 1e-12 || moved < 1e-9;
    f = fn;
    if (done) break;
  }
  return { w: theta.slice(0, d), bias: theta[d] };
}

/** Per-row weights that make each class of a set count equally (sum = number of rows). */
export function balancedWeights(y: number[]): number[] {
  const pos = y.filter((v) => v === 1).length;
  const neg = y.length - pos;
  return y.map((v) => (v === 1 ? y.length / (2 * pos) : y.length / (2 * neg)));
}

/** Fits the model on main + extra rows (see the top of this file). Weights are in raw feature units. */
export function trainModel(main: Example[], extra: Example[], settings: TrainSettings): LinearModel {
  const rows = settings.extraWeight > 0 ? [...main, ...extra] : main;
  const names = featureNames(rows.map((r) => r.features));
  const raw = toMatrix(rows.map((r) => r.features), names);
  const s = standardiser(raw, names.length);
  const y = rows.map((r) => r.y);
  const sw = [...balancedWeights(main.map((r) => r.y))];
  if (settings.extraWeight > 0 && extra.length) for (const v of balancedWeights(extra.map((r) => r.y))) sw.push(v * settings.extraWeight);
  const fit = fitLogistic(standardise(raw, s), y, sw, settings.lambda);
  const back = toRawUnits(fit.w, fit.bias, s);
  return { features: names, weights: [...back.weights], bias: back.bias };
}

/** Rounds a model's numbers for the JSON (4 decimals), the form in which it ships. */
export function rounded(m: LinearModel): LinearModel {
  const r = (v: number) => Number(v.toFixed(4)) + 0; // + 0 turns -0 into 0
  return { features: m.features, weights: m.weights.map(r), bias: r(m.bias) };
}

export function predict(m: LinearModel, f: Features): number {
  let z = m.bias;
  for (let j = 0; j < m.features.length; j++) {
    const v = f[m.features[j]];
    if (v) z += v * m.weights[j];
  }
  return sigmoid(z);
}

/** Mean of the F1 of class 1 and class 0. */
export function macroF1(truth: number[], pred: number[]): number {
  let sum = 0;
  for (const cls of [0, 1]) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < truth.length; i++) {
      if (pred[i] === cls && truth[i] === cls) tp++;
      else if (pred[i] === cls) fp++;
      else if (truth[i] === cls) fn++;
    }
    const p = tp + fp ? tp / (tp + fp) : 0;
    const r = tp + fn ? tp / (tp + fn) : 0;
    sum += p + r ? (2 * p * r) / (p + r) : 0;
  }
  return sum / 2;
}

/**
 * Contiguous k-fold assignment (rows of one article are adjacent in NewsSD, and shuffled folds let topic words leak),
 * rotated by `offset` rows.
 */
export function contiguousFolds(n: number, k = 5, offset = 0): number[] {
  return Array.from({ length: n }, (_, i) => Math.floor((((i + offset) % n) * k) / n));
}

export interface CvResult {
  /** Macro-F1 of the pooled predictions of all folds. */
  macroF1: number;
  /** Macro-F1 of each fold. */
  folds: number[];
}

/**
 * k-fold CV on the main rows: each fold's model is trained by trainModel on the other main folds plus ALL extra
 * rows (never validated on), and predicts its fold at the 0.5 threshold.
 */
export function crossValidate(main: Example[], extra: Example[], settings: TrainSettings, k = 5, offset = 0): CvResult {
  const fold = contiguousFolds(main.length, k, offset);
  const pred = new Array<number>(main.length);
  const folds: number[] = [];
  for (let f = 0; f < k; f++) {
    const m = trainModel(main.filter((_, i) => fold[i] !== f), extra, settings);
    const te: number[] = [];
    for (let i = 0; i < main.length; i++) if (fold[i] === f) te.push(i);
    for (const i of te) pred[i] = predict(m, main[i].features) >= 0.5 ? 1 : 0;
    folds.push(macroF1(te.map((i) => main[i].y), te.map((i) => pred[i])));
  }
  return { macroF1: macroF1(main.map((r) => r.y), pred), folds };
}

/** The grid searched by selectSettings. */
export const LAMBDAS = [0.003, 0.01, 0.03, 0.1, 0.3, 1];
export const EXTRA_WEIGHTS = [0, 0.05, 0.1, 0.2, 0.4];
/** Rotations of the contiguous folds averaged for the choice (a third of a fold apart), to steady it. */
export const ROTATIONS = 3;

export interface Trial {
  settings: TrainSettings;
  /** Mean over the rotations of the CV macro-F1. */
  mean: number;
  /** One CV per rotation; the first is the plain contiguous 5-fold CV. */
  runs: CvResult[];
}

/** Every setting of the grid with its CV; the best (highest mean, ties to the stronger lambda, then less extra) first. */
export function selectSettings(main: Example[], extra: Example[], lambdas = LAMBDAS, extraWeights = EXTRA_WEIGHTS, k = 5): Trial[] {
  const trials: Trial[] = [];
  for (const extraWeight of extraWeights) {
    for (const lambda of lambdas) {
      const settings = { lambda, extraWeight };
      const runs: CvResult[] = [];
      for (let r = 0; r < ROTATIONS; r++) runs.push(crossValidate(main, extra, settings, k, Math.round((r * main.length) / (k * ROTATIONS))));
      trials.push({ settings, mean: runs.reduce((a, b) => a + b.macroF1, 0) / runs.length, runs });
    }
  }
  const order = [...trials].sort((a, b) => b.mean - a.mean || b.settings.lambda - a.settings.lambda || a.settings.extraWeight - b.settings.extraWeight);
  return order;
}
