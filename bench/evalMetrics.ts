// Metric functions of the quality benchmark (bench/quality.bench.ts): span and sentence matching, precision /
// recall / F1, macro-F1 and a bootstrap interval. Pure: they take gold and predicted spans, not the engine.
import { GoldSentence, Span } from './evalMarkup';
import { macroF1 } from './newssd';
import { prng } from './prng';

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0 });

export function addCounts(a: Counts, b: Counts): Counts {
  a.tp += b.tp;
  a.fp += b.fp;
  a.fn += b.fn;
  return a;
}

/** Precision, recall and F1; an empty denominator gives 0 (and NaN-free output). */
export function prf(c: Counts): { p: number; r: number; f1: number } {
  const p = c.tp / (c.tp + c.fp || 1);
  const r = c.tp / (c.tp + c.fn || 1);
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/**
 * Overlap matching, one to one: predictions are taken in order, and each is a true positive when it overlaps a
 * gold span not matched yet (the first such). Several predictions inside one gold phrase count one hit and
 * false alarms for the rest, so splitting a phrase into words does not inflate precision.
 */
export function spanCounts(gold: Span[], predicted: Span[]): Counts {
  const used = new Set<number>();
  let tp = 0;
  for (const p of [...predicted].sort((a, b) => a.start - b.start || a.end - b.end)) {
    const g = gold.findIndex((x, i) => !used.has(i) && overlaps(x, p));
    if (g >= 0) {
      used.add(g);
      tp++;
    }
  }
  return { tp, fp: predicted.length - tp, fn: gold.length - tp };
}

/** A scored sentence of the engine (its own segmentation) with a score calibrated at 0.5. */
export interface ScoredSpan extends Span {
  score: number;
}

/**
 * Sentence labels: a gold sentence is predicted positive when an engine sentence whose middle lies inside it
 * scores >= 0.5. Returns the counts for the positive class and for the negative class (for macro-F1).
 */
export function sentenceCounts(gold: GoldSentence[], scored: ScoredSpan[], key: 'claim' | 'opinion'): { pos: Counts; neg: Counts } {
  const pos = zero();
  const neg = zero();
  for (const g of gold) {
    const predicted = scored.some((s) => (s.start + s.end) / 2 >= g.start && (s.start + s.end) / 2 < g.end && s.score >= 0.5);
    const truth = g[key];
    if (predicted && truth) {
      pos.tp++;
    } else if (predicted) {
      pos.fp++;
      neg.fn++;
    } else if (truth) {
      pos.fn++;
      neg.fp++;
    } else neg.tp++;
  }
  return { pos, neg };
}

/** Mean F1 of the two classes from their counts. */
export function macroF1OfCounts(pos: Counts, neg: Counts): number {
  return (prf(pos).f1 + prf(neg).f1) / 2;
}

/**
 * Percentile bootstrap interval of macro-F1: resample the (truth, prediction) pairs with replacement `rounds`
 * times with a seeded generator (so the figure is the same on every run).
 */
export function bootstrapMacroF1(truth: number[], pred: number[], rounds = 1000, seed = 12, level = 0.95): { lo: number; hi: number } {
  const rnd = prng(seed);
  const n = truth.length;
  const scores: number[] = [];
  const t = new Array<number>(n);
  const p = new Array<number>(n);
  for (let b = 0; b < rounds; b++) {
    for (let i = 0; i < n; i++) {
      const j = Math.floor(rnd() * n);
      t[i] = truth[j];
      p[i] = pred[j];
    }
    scores.push(macroF1(t, p));
  }
  scores.sort((a, b) => a - b);
  const at = (q: number) => scores[Math.min(rounds - 1, Math.max(0, Math.floor(q * rounds)))];
  return { lo: at((1 - level) / 2), hi: at(1 - (1 - level) / 2) };
}

/** Contiguous k-fold assignment: rows 0..n/k-1 in fold 0 and so on (rows of one article stay together). */
export function contiguousFolds(n: number, k = 5): number[] {
  return Array.from({ length: n }, (_, i) => Math.floor((i * k) / n));
}
