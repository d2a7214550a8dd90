// The training data of the sentence opinion model and its cross-validation, shared by
// scripts/train-opinion-model.mjs (which loads the compiled out/bench/evalOpinionModel.js) and bench/quality.bench.ts.
// The fitting itself is src/core/suggest/train.ts: the benchmark's CV is the CV of exactly how the model ships.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { sentenceFeatures } from '../src/core/suggest';
import { crossValidate, CvResult, Example, LinearModel, predict, trainModel, TrainSettings } from '../src/core/suggest/train';
import { loadEvalTexts } from './evalMarkup';
import { loadNewsSd, newsSdDir } from './newssd';

export interface TrainingData {
  /** NewsSD-ENG train, in file order (contiguous folds keep an article's rows together). */
  main: Example[];
  /** Sentences of the TUNE half of test/fixtures/suggest-eval with their gold opinion label (never held-out). */
  extra: Example[];
}

/** Labelled sentences -> examples with the engine's features. */
export function examples(rows: Array<{ text: string; y: number }>): Example[] {
  return rows.map((r) => ({ features: sentenceFeatures(r.text), y: r.y }));
}

/** Sentences of the tune half of our evaluation texts, with their gold opinion label. */
export function tuneSentences(): Array<{ text: string; y: number }> {
  const out: Array<{ text: string; y: number }> = [];
  for (const t of loadEvalTexts()) {
    if (t.half !== 'tune') continue;
    for (const g of t.sentences) out.push({ text: t.text.slice(g.start, g.end), y: g.opinion ? 1 : 0 });
  }
  return out;
}

/** The training data: NewsSD train.csv from `dir` (default newsSdDir(root)) and the tune-half sentences. */
export function trainingData(root: string, dir = newsSdDir(root)): TrainingData {
  return { main: examples(loadNewsSd(path.join(dir, 'train.csv'))), extra: examples(tuneSentences()) };
}

/** The settings the shipped model was trained with (chosen by the training script's CV). */
export function shippedSettings(root: string): TrainSettings {
  const model = JSON.parse(fs.readFileSync(path.join(root, 'src', 'core', 'suggest', 'opinion-model.json'), 'utf8'));
  const s = model.trainedOn ?? {};
  return { lambda: Number(s.lambda ?? model.crossValidation?.lambda), extraWeight: Number(s.tuneWeight ?? 0) };
}

/** Contiguous 5-fold CV on NewsSD train of the shipped procedure and settings. */
export function crossValidateShipped(root: string, data = trainingData(root)): CvResult & TrainSettings {
  const settings = shippedSettings(root);
  return { ...crossValidate(data.main, data.extra, settings), ...settings };
}

/** The trainer on plain records (no extra rows), for small checks. */
export function fitOpinionModel(records: Record<string, number>[], y: number[], lambda: number): LinearModel {
  return trainModel(records.map((features, i) => ({ features, y: y[i] })), [], { lambda, extraWeight: 0 });
}

export const predictOpinion = predict;
