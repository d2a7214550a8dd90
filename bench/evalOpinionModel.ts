// Cross-validation of the sentence opinion model on NewsSD-ENG train, for bench/quality.bench.ts.
// scripts/train-opinion-model.mjs does not export its trainer, so this refits the same model here: the same
// features (sentenceFeatures of src/core/suggest, the dense ones, as the shipped model uses), the same objective
// (class-balanced mean log-loss + lambda/2 |w|^2, bias not penalised), the shipped lambda and the 0.5 threshold;
// solved exactly by Newton's method instead of the script's Adagrad epochs. When the script exports its trainer,
// this file should call it instead.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { sentenceFeatures } from '../src/core/suggest';
import { contiguousFolds } from './evalMetrics';
import { macroF1 } from './newssd';

export interface LinearModel {
  names: string[];
  weights: number[];
  bias: number;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const isSparse = (n: string) => n.startsWith('word:') || n.startsWith('bigram:');

/** Solves A x = b by Gaussian elimination with partial pivoting (A is small and symmetric positive definite). */
function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[piv][c])) piv = r;
    [M[c], M[piv]] = [M[piv], M[c]];
    const d = M[c][c] || 1e-12;
    for (let r = c + 1; r < n; r++) {
      const f = M[r][c] / d;
      if (f) for (let k = c; k <= n; k++) M[r][k] -= f * M[c][k];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = M[r][n];
    for (let k = r + 1; k < n; k++) s -= M[r][k] * x[k];
    x[r] = s / (M[r][r] || 1e-12);
  }
  return x;
}

/** Class-balanced, L2-regularised logistic regression over feature records, fitted by Newton's method. */
export function fitOpinionModel(records: Record<string, number>[], y: number[], lambda: number, iterations = 30): LinearModel {
  const names = [...new Set(records.flatMap((r) => Object.keys(r)))].filter((n) => !isSparse(n)).sort();
  const d = names.length;
  const X = records.map((r) => [...names.map((n) => r[n] ?? 0), 1]);
  const positives = y.filter(Boolean).length;
  const sw = y.map((v) => y.length / (2 * (v ? positives : y.length - positives)));
  const total = sw.reduce((a, b) => a + b, 0);
  const w = new Array<number>(d + 1).fill(0);
  for (let it = 0; it < iterations; it++) {
    const g = w.map((v, j) => (j < d ? lambda * v : 0));
    const H = Array.from({ length: d + 1 }, (_, j) => Array.from({ length: d + 1 }, (_, k) => (j === k ? (j < d ? lambda : 1e-9) : 0)));
    for (let i = 0; i < X.length; i++) {
      const x = X[i];
      let z = 0;
      for (let j = 0; j <= d; j++) z += w[j] * x[j];
      const p = sigmoid(z);
      const r = (sw[i] * (p - y[i])) / total;
      const h = (sw[i] * p * (1 - p)) / total;
      for (let j = 0; j <= d; j++) {
        if (!x[j]) continue;
        g[j] += r * x[j];
        for (let k = 0; k <= d; k++) if (x[k]) H[j][k] += h * x[j] * x[k];
      }
    }
    const step = solve(H, g);
    let moved = 0;
    for (let j = 0; j <= d; j++) {
      w[j] -= step[j];
      moved = Math.max(moved, Math.abs(step[j]));
    }
    if (moved < 1e-7) break;
  }
  return { names, weights: w.slice(0, d), bias: w[d] };
}

export function predictOpinion(m: LinearModel, f: Record<string, number>): number {
  let z = m.bias;
  m.names.forEach((n, j) => {
    if (f[n]) z += f[n] * m.weights[j];
  });
  return sigmoid(z);
}

/** The L2 strength the shipped model was trained with (chosen by the training script's own CV). */
export function shippedLambda(root: string): number {
  const model = JSON.parse(fs.readFileSync(path.join(root, 'src', 'core', 'suggest', 'opinion-model.json'), 'utf8'));
  return Number(model.crossValidation?.lambda ?? 0.0001);
}

/** Contiguous k-fold CV macro-F1 (predictions of all folds pooled), refitting the model on each training part. */
export function crossValidateOpinion(sentences: string[], y: number[], lambda: number, k = 5): { macroF1: number; folds: number[] } {
  const records = sentences.map((s) => sentenceFeatures(s));
  const fold = contiguousFolds(y.length, k);
  const pred = new Array<number>(y.length);
  const perFold: number[] = [];
  for (let f = 0; f < k; f++) {
    const tr = y.map((_, i) => i).filter((i) => fold[i] !== f);
    const m = fitOpinionModel(tr.map((i) => records[i]), tr.map((i) => y[i]), lambda);
    const te = y.map((_, i) => i).filter((i) => fold[i] === f);
    for (const i of te) pred[i] = predictOpinion(m, records[i]) >= 0.5 ? 1 : 0;
    perFold.push(macroF1(te.map((i) => y[i]), te.map((i) => pred[i])));
  }
  return { macroF1: macroF1(y, pred), folds: perFold };
}
