// Quality of the suggestion detectors (issue 6).
//   npm run bench -- quality        (or: npx tsc -p tsconfig.test.json && node out/bench/quality.bench.js)
// 1. Precision / recall / F1 per kind on our own labelled texts (test/fixtures/suggest-eval), dev and heldout
//    splits reported separately (only dev was used for tuning the rules).
// 2. Macro-F1 of sentence-level opinion (SUBJ/OBJ) on the NewsSD-ENG validation split, read from
//    ../shared/data/newssd-eng when present (override with NEWSSD_DIR); skipped when absent. The opinion model
//    was trained on the train split only (scripts/train-opinion-model.mjs). The data is never copied here.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { sentenceOpinionScore, suggest, SuggestResult } from '../src/core/suggest';
import { loadNewsSd, macroF1, newsSdDir } from './newssd';

const ROOT = path.resolve(__dirname, '..', '..');
const EVAL_DIR = path.join(ROOT, 'test', 'fixtures', 'suggest-eval');

export interface Span {
  start: number;
  end: number;
}

export interface GoldSentence extends Span {
  claim: boolean;
  opinion: boolean;
}

export interface EvalText {
  name: string;
  split: string;
  text: string;
  sentences: GoldSentence[];
  cues: Span[];
  opinionTerms: Span[];
}

/** Strips the inline markup of test/fixtures/suggest-eval (see its README) and returns gold spans. */
export function parseMarkup(marked: string, name = '', split = ''): EvalText {
  let text = '';
  const sentences: GoldSentence[] = [];
  const cues: Span[] = [];
  const opinionTerms: Span[] = [];
  let cueStart = -1;
  let termStart = -1;
  const closeSentence = () => {
    const last = sentences[sentences.length - 1];
    if (!last || last.end >= 0) return;
    let e = text.length;
    while (e > last.start && /\s/.test(text[e - 1])) e--;
    last.end = e;
  };
  for (let i = 0; i < marked.length;) {
    const label = /^\[(C|O|CO|-)\] /.exec(marked.slice(i, i + 5));
    if (label) {
      closeSentence();
      sentences.push({ start: text.length, end: -1, claim: label[1].includes('C'), opinion: label[1].includes('O') });
      i += label[0].length;
    } else if (marked.startsWith('{{', i)) {
      cueStart = text.length;
      i += 2;
    } else if (marked.startsWith('}}', i)) {
      if (cueStart < 0) throw new Error(`${name}: "}}" without "{{" at ${i}`);
      cues.push({ start: cueStart, end: text.length });
      cueStart = -1;
      i += 2;
    } else if (marked.startsWith('<<', i)) {
      termStart = text.length;
      i += 2;
    } else if (marked.startsWith('>>', i)) {
      if (termStart < 0) throw new Error(`${name}: ">>" without "<<" at ${i}`);
      opinionTerms.push({ start: termStart, end: text.length });
      termStart = -1;
      i += 2;
    } else {
      text += marked[i];
      i++;
    }
  }
  closeSentence();
  if (cueStart >= 0 || termStart >= 0) throw new Error(`${name}: unclosed markup`);
  return { name, split, text, sentences, cues, opinionTerms };
}

export function loadEvalTexts(dir = EVAL_DIR): EvalText[] {
  const out: EvalText[] = [];
  for (const split of ['dev', 'heldout']) {
    const d = path.join(dir, split);
    if (!fs.existsSync(d)) continue;
    for (const f of fs.readdirSync(d).filter((x) => x.endsWith('.txt')).sort()) {
      out.push(parseMarkup(fs.readFileSync(path.join(d, f), 'utf8'), f, split));
    }
  }
  return out;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export function prf(c: Counts): { p: number; r: number; f1: number } {
  const p = c.tp / (c.tp + c.fp || 1);
  const r = c.tp / (c.tp + c.fn || 1);
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** Span matching: a prediction is a true positive when it overlaps a gold span not matched yet. */
export function spanCounts(gold: Span[], predicted: Span[]): Counts {
  const used = new Set<number>();
  let tp = 0;
  for (const p of predicted) {
    const g = gold.findIndex((x, i) => !used.has(i) && overlaps(x, p));
    if (g >= 0) {
      used.add(g);
      tp++;
    }
  }
  return { tp, fp: predicted.length - tp, fn: gold.length - tp };
}

/** Sentence labels: a gold sentence is predicted positive when a scored sentence whose middle lies in it scores >= 0.5. */
export function sentenceCounts(gold: GoldSentence[], result: SuggestResult, key: 'claim' | 'opinion'): { pos: Counts; neg: Counts } {
  const pos: Counts = { tp: 0, fp: 0, fn: 0 };
  const neg: Counts = { tp: 0, fp: 0, fn: 0 };
  for (const g of gold) {
    const inside = result.sentences.filter((s) => (s.start + s.end) / 2 >= g.start && (s.start + s.end) / 2 < g.end);
    const predicted = inside.some((s) => (key === 'claim' ? s.claimScore : s.opinionScore) >= 0.5);
    const truth = g[key];
    if (predicted && truth) pos.tp++;
    else if (predicted && !truth) {
      pos.fp++;
      neg.fn++;
    } else if (!predicted && truth) {
      pos.fn++;
      neg.fp++;
    } else neg.tp++;
  }
  return { pos, neg };
}

function add(a: Counts, b: Counts): void {
  a.tp += b.tp;
  a.fp += b.fp;
  a.fn += b.fn;
}

export function evaluate(texts: EvalText[]): Record<string, Counts> {
  const total: Record<string, Counts> = {};
  const bump = (k: string, c: Counts) => add((total[k] ??= { tp: 0, fp: 0, fn: 0 }), c);
  for (const t of texts) {
    const r = suggest(t.text);
    const claims = sentenceCounts(t.sentences, r, 'claim');
    bump('claim sentences', claims.pos);
    const op = sentenceCounts(t.sentences, r, 'opinion');
    bump('opinion sentences (SUBJ)', op.pos);
    bump('opinion sentences (OBJ)', op.neg);
    bump('attribution cues', spanCounts(t.cues, r.suggestions.filter((s) => s.kind === 'attribution' && s.parts?.cue).map((s) => s.parts!.cue!)));
    bump('opinion terms', spanCounts(t.opinionTerms, r.suggestions.filter((s) => s.kind === 'opinion')));
  }
  return total;
}

function newsSd(): string[] {
  const dir = newsSdDir(ROOT);
  const lines: string[] = [];
  for (const split of ['train', 'val']) {
    const file = path.join(dir, `${split}.csv`);
    if (!fs.existsSync(file)) {
      lines.push(`| NewsSD-ENG ${split} | skipped: ${file} not found | | | |`);
      continue;
    }
    const rows = loadNewsSd(file);
    const truth = rows.map((r) => r.y);
    const pred = rows.map((r) => (sentenceOpinionScore(r.text) >= 0.5 ? 1 : 0));
    const acc = truth.filter((t, i) => t === pred[i]).length / truth.length;
    const note = split === 'train' ? 'trained on (not a fair estimate)' : 'not tuned on';
    lines.push(`| NewsSD-ENG ${split} (${rows.length} sentences, ${truth.filter(Boolean).length} SUBJ) | ${note} | ${macroF1(truth, pred).toFixed(3)} | ${acc.toFixed(3)} |`);
  }
  return lines;
}

function main(): void {
  const texts = loadEvalTexts();
  console.log('| split | measure | gold | predicted | precision | recall | F1 |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: |');
  for (const split of ['dev', 'heldout', 'all']) {
    const subset = texts.filter((t) => split === 'all' || t.split === split);
    if (!subset.length) continue;
    const totals = evaluate(subset);
    for (const [k, c] of Object.entries(totals)) {
      const { p, r, f1 } = prf(c);
      console.log(`| ${split} (${subset.length} texts) | ${k} | ${c.tp + c.fn} | ${c.tp + c.fp} | ${p.toFixed(3)} | ${r.toFixed(3)} | ${f1.toFixed(3)} |`);
    }
    const subj = prf(totals['opinion sentences (SUBJ)']).f1;
    const obj = prf(totals['opinion sentences (OBJ)']).f1;
    console.log(`| ${split} (${subset.length} texts) | opinion sentences macro-F1 | | | | | ${((subj + obj) / 2).toFixed(3)} |`);
  }
  console.log('\n| sentence-level opinion | tuning | macro-F1 | accuracy |');
  console.log('| --- | --- | ---: | ---: |');
  for (const l of newsSd()) console.log(l);
}

if (require.main === module) main();
