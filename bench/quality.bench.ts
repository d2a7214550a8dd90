// Quality of the suggestions (issue 12; first version issue 6).
//   npm run bench:quality [-- --json]     (or: npx tsc -p tsconfig.test.json && node out/bench/quality.bench.js)
//   npm run bench:quality -- --half tune  (while tuning: loads and scores the tune half only; held-out columns stay 0)
// 1. On our own labelled texts (test/fixtures/suggest-eval, format and split in its README): per register and per
//    kind, on the tune and the held-out half separately, precision / recall / F1 of opinion terms, claim
//    sentences, opinion sentences (macro-F1), attribution cues, sources and contents (spans match by overlap).
// 2. Opinion suggestions per 100 sentences on the wire-news and plain-prose registers (the engine should stay quiet
//    there), and how many of them are false alarms (no gold opinion term overlaps them).
// 3. Sentence opinion macro-F1 on NewsSD-ENG (../shared/data/newssd-eng or NEWSSD_DIR; never copied here):
//    contiguous 5-fold CV on train, refitting the model per fold (bench/evalOpinionModel.ts), and the shipped
//    model on val with a bootstrap 95 % interval.
// Targets of issue 12 are printed beside the held-out figures they apply to.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { sentenceOpinionScore, suggest } from '../src/core/suggest';
import { EvalText, Half, loadEvalTexts, Span } from './evalMarkup';
import { addCounts, bootstrapMacroF1, Counts, macroF1OfCounts, prf, sentenceCounts, spanCounts, zero } from './evalMetrics';
import { crossValidateShipped, trainingData } from './evalOpinionModel';
import { loadNewsSd, macroF1, newsSdDir } from './newssd';

// Re-exported for test/unit/suggest/fixtures.test.ts and scripts/suggest-snapshot.mjs.
export { EvalText, GoldSentence, Span, loadEvalTexts, parseMarkup } from './evalMarkup';
export { Counts, prf, spanCounts } from './evalMetrics';

const ROOT = path.resolve(__dirname, '..', '..');

export const KINDS = ['opinion terms', 'claim sentences', 'opinion sentences', 'attribution cues', 'attribution sources', 'attribution contents'] as const;
export type Kind = (typeof KINDS)[number];

/** Per-text counts of every kind, plus the raw numbers the wire-news false-alarm rate needs. */
export interface TextScore {
  counts: Partial<Record<Kind, Counts>>;
  /** Negative-class counts of opinion sentences, for macro-F1. */
  opinionNeg: Counts;
  sentences: number;
  opinionSuggestions: number;
}

export function scoreText(t: EvalText): TextScore {
  const r = suggest(t.text);
  const attributions = r.suggestions.filter((s) => s.kind === 'attribution');
  const part = (k: 'cue' | 'source' | 'content') => attributions.map((s) => s.parts?.[k]).filter((x): x is Span => !!x);
  const opinions = r.suggestions.filter((s) => s.kind === 'opinion');
  const claim = sentenceCounts(t.sentences, r.sentences.map((s) => ({ start: s.start, end: s.end, score: s.claimScore })), 'claim');
  const op = sentenceCounts(t.sentences, r.sentences.map((s) => ({ start: s.start, end: s.end, score: s.opinionScore })), 'opinion');
  const counts: TextScore['counts'] = {
    'opinion terms': spanCounts(t.opinionTerms, opinions),
    'claim sentences': claim.pos,
    'opinion sentences': op.pos,
    'attribution cues': spanCounts(t.cues, part('cue')),
  };
  if (t.hasAttributionParts) {
    counts['attribution sources'] = spanCounts(t.sources, part('source'));
    counts['attribution contents'] = spanCounts(t.contents, part('content'));
  }
  return { counts, opinionNeg: op.neg, sentences: t.sentences.length, opinionSuggestions: opinions.length };
}

interface Cell {
  texts: number;
  sentences: number;
  counts: Record<Kind, Counts>;
  opinionNeg: Counts;
  opinionSuggestions: number;
}

function aggregate(scores: TextScore[]): Cell {
  const counts = Object.fromEntries(KINDS.map((k) => [k, zero()])) as Record<Kind, Counts>;
  const cell: Cell = { texts: scores.length, sentences: 0, counts, opinionNeg: zero(), opinionSuggestions: 0 };
  for (const s of scores) {
    for (const k of KINDS) if (s.counts[k]) addCounts(counts[k], s.counts[k]!);
    addCounts(cell.opinionNeg, s.opinionNeg);
    cell.sentences += s.sentences;
    cell.opinionSuggestions += s.opinionSuggestions;
  }
  return cell;
}

interface Figure {
  gold: number;
  predicted: number;
  p: number;
  r: number;
  f1: number;
}

function figure(cell: Cell, k: Kind): Figure {
  const c = cell.counts[k];
  const f = prf(c);
  // Opinion sentences: F1 is the macro-F1 over SUBJ/OBJ (the NewsSD measure); P and R are those of SUBJ.
  return { gold: c.tp + c.fn, predicted: c.tp + c.fp, ...f, f1: k === 'opinion sentences' ? macroF1OfCounts(c, cell.opinionNeg) : f.f1 };
}

/** Issue 12's targets, checked on the held-out half of all registers. */
const TARGETS: Partial<Record<Kind, { text: string; met: (f: Figure) => boolean }>> = {
  'opinion terms': { text: 'R >= 0.70 at P >= 0.70', met: (f) => f.r >= 0.7 && f.p >= 0.7 },
  'claim sentences': { text: 'F1 >= 0.75', met: (f) => f.f1 >= 0.75 },
  'attribution cues': { text: 'F1 >= 0.65', met: (f) => f.f1 >= 0.65 },
};

interface NewsSdResult {
  cv?: { macroF1: number; folds: number[]; lambda: number; extraWeight: number; rows: number };
  val?: { macroF1: number; lo: number; hi: number; rows: number };
  skipped?: string;
}

function newsSd(): NewsSdResult {
  const dir = newsSdDir(ROOT);
  const train = path.join(dir, 'train.csv');
  const val = path.join(dir, 'val.csv');
  if (!fs.existsSync(train) || !fs.existsSync(val)) return { skipped: `${dir} has no train.csv / val.csv` };
  const data = trainingData(ROOT, dir);
  const cv = crossValidateShipped(ROOT, data);
  const va = loadNewsSd(val);
  const truth = va.map((r) => r.y);
  const pred = va.map((r) => (sentenceOpinionScore(r.text) >= 0.5 ? 1 : 0));
  return { cv: { ...cv, rows: data.main.length }, val: { macroF1: macroF1(truth, pred), ...bootstrapMacroF1(truth, pred), rows: va.length } };
}

const n3 = (v: number) => v.toFixed(3);
/** The opinion-term row over every register but plain prose (the corpus of rounds 1-5). */
const ALL_BUT_PLAIN = 'all but plain';
const mark = (ok: boolean) => (ok ? 'met' : 'NOT met');

function main(): void {
  const json = process.argv.includes('--json');
  const h = process.argv.indexOf('--half');
  const only = h >= 0 ? process.argv[h + 1] : undefined;
  if (only !== undefined && only !== 'tune' && only !== 'heldout') throw new Error(`--half takes tune or heldout, not ${only}`);
  // With --half tune the held-out texts are not even run through the engine.
  const texts = loadEvalTexts().filter((t) => only === undefined || t.half === only);
  const scored = texts.map((t) => ({ t, s: scoreText(t) }));
  const registers = [...new Set(texts.map((t) => t.register))].sort((a, b) => (a === 'earlier' ? 1 : b === 'earlier' ? -1 : a.localeCompare(b)));
  const cell = (reg: string, half: Half) => aggregate(scored.filter((x) => (reg === 'all' || x.t.register === reg) && x.t.half === half).map((x) => x.s));
  const rows: { kind: Kind; register: string; tune: Figure; heldout: Figure; target?: string; met?: boolean }[] = [];
  const cells: Record<string, Record<Half, Cell>> = {};
  for (const reg of [...registers, 'all']) cells[reg] = { tune: cell(reg, 'tune'), heldout: cell(reg, 'heldout') };
  // The registers before round 6's plain prose, so that the opinion-term figures compare with earlier runs.
  const withoutPlain = (half: Half) => aggregate(scored.filter((x) => x.t.register !== 'plain' && x.t.half === half).map((x) => x.s));
  if (registers.includes('plain')) cells[ALL_BUT_PLAIN] = { tune: withoutPlain('tune'), heldout: withoutPlain('heldout') };
  for (const k of KINDS) {
    for (const reg of [...registers, 'all', ...(k === 'opinion terms' && cells[ALL_BUT_PLAIN] ? [ALL_BUT_PLAIN] : [])]) {
      if (reg === 'earlier' && (k === 'attribution sources' || k === 'attribution contents')) continue;
      const heldout = figure(cells[reg].heldout, k);
      // Targets apply to the held-out half: not judged when it was left out (--half tune).
      const t = reg === 'all' && only !== 'tune' ? TARGETS[k] : undefined;
      rows.push({ kind: k, register: reg, tune: figure(cells[reg].tune, k), heldout, target: t?.text, met: t?.met(heldout) });
    }
  }
  const quiet = (reg: string, h: Half) => {
    const c = cells[reg]?.[h];
    return c ? { sentences: c.sentences, opinionSuggestions: c.opinionSuggestions, falseAlarms: c.counts['opinion terms'].fp, per100: (100 * c.opinionSuggestions) / (c.sentences || 1) } : undefined;
  };
  const wireNews = { tune: quiet('wire', 'tune'), heldout: quiet('wire', 'heldout'), target: 'at most 5 per 100 sentences' };
  const plainProse = { tune: quiet('plain', 'tune'), heldout: quiet('plain', 'heldout'), target: 'at most 5 false alarms per 100 sentences' };
  const sd = only === undefined ? newsSd() : { skipped: `--half ${only}` };
  const corpus = Object.fromEntries(registers.map((r) => [r, { tune: cells[r].tune.texts, heldout: cells[r].heldout.texts, sentences: cells[r].tune.sentences + cells[r].heldout.sentences }]));

  if (json) {
    console.log(JSON.stringify({ corpus, rows, wireNews, plainProse, newsSd: sd }, null, 1));
    return;
  }
  console.log('Texts (tune / held-out) and sentences per register: ' + registers.map((r) => `${r} ${corpus[r].tune}/${corpus[r].heldout}, ${corpus[r].sentences}`).join('; ') + '.');
  console.log('Opinion sentences: P and R of SUBJ, F1 column = macro-F1 over SUBJ/OBJ. Spans match by overlap, one to one.\n');
  console.log('| kind | register | tune gold/pred | tune P | tune R | tune F1 | held-out gold/pred | held-out P | held-out R | held-out F1 | target (held-out, all) |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const r of rows) {
    const f = (x: Figure) => `${x.gold}/${x.predicted} | ${n3(x.p)} | ${n3(x.r)} | ${n3(x.f1)}`;
    console.log(`| ${r.kind} | ${r.register} | ${f(r.tune)} | ${f(r.heldout)} | ${r.target ? `${r.target}: ${mark(!!r.met)}` : ''} |`);
  }
  console.log('\n| wire news: opinion suggestions | sentences | suggestions | of them false alarms | per 100 sentences | target |');
  console.log('| --- | ---: | ---: | ---: | ---: | --- |');
  for (const h of ['tune', 'heldout'] as const) {
    const w = wireNews[h];
    if (w && (w.sentences > 0 || only === undefined)) console.log(`| ${h} | ${w.sentences} | ${w.opinionSuggestions} | ${w.falseAlarms} | ${w.per100.toFixed(1)} | ${h === 'heldout' ? `<= 5: ${mark(w.per100 <= 5)}` : '<= 5'} |`);
  }
  if (cells.plain) {
    console.log('\n| plain prose: opinion suggestions | sentences | suggestions | of them false alarms | per 100 sentences | false alarms per 100 | target (false alarms) |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | --- |');
    for (const h of ['tune', 'heldout'] as const) {
      const w = plainProse[h];
      if (!w || (w.sentences === 0 && only !== undefined)) continue;
      const fa100 = (100 * w.falseAlarms) / (w.sentences || 1);
      console.log(`| ${h} | ${w.sentences} | ${w.opinionSuggestions} | ${w.falseAlarms} | ${w.per100.toFixed(1)} | ${fa100.toFixed(1)} | ${h === 'heldout' ? `<= 5: ${mark(fa100 <= 5)}` : '<= 5'} |`);
    }
  }
  console.log('\n| sentence opinion, NewsSD-ENG | sentences | macro-F1 | detail | target |');
  console.log('| --- | ---: | ---: | --- | --- |');
  if (sd.skipped) console.log(`| skipped | | | ${sd.skipped} | |`);
  if (sd.cv) console.log(`| train, contiguous 5-fold CV (shipped trainer refitted per fold, lambda ${sd.cv.lambda}, tune weight ${sd.cv.extraWeight}) | ${sd.cv.rows} | ${n3(sd.cv.macroF1)} | folds ${sd.cv.folds.map(n3).join(', ')} | >= 0.70: ${mark(sd.cv.macroF1 >= 0.7)} |`);
  if (sd.val) console.log(`| val, shipped model | ${sd.val.rows} | ${n3(sd.val.macroF1)} | bootstrap 95 % [${n3(sd.val.lo)}, ${n3(sd.val.hi)}] | >= 0.62: ${mark(sd.val.macroF1 >= 0.62)} |`);
}

if (require.main === module) main();
