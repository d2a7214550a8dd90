// Speed of the learning layer (issue 13):
//   npm run bench -- learning-speed      (or: npx tsc -p tsconfig.test.json && node out/bench/learning-speed.bench.js)
// 1. Building the phrase memory of 100,000 tags (generated, seeded: opinion phrases of 1-3 words, attributions of
//    3-8 words, claims of 10-25 words, over 2,000 documents), median of 5 builds. Target: well under a second.
//    Tags come document by document, one document string each, as the editor and the CLI pass them (read sidecar
//    by sidecar); the same tags in generation order (each tag's document drawn at random, a string of its own),
//    the order of the earlier rounds' figures, are timed too.
// 2. Suggestions per paragraph over ~1 MB (the generator of suggest.bench.ts), as the editor runs them: the
//    engine alone vs the engine + the learning layer with that memory and 200 learned rules and terms. The two
//    passes are interleaved, 7 runs each after a warm-up, medians and bests of wall and CPU time compared.
//    Target: at most 30 % slower.
// 3. Updating one document's tags in place in that memory (what a tag change in the editor costs).
//
// Deterministic counts (timings on a shared machine swing 2-5x): `--count <part> --runs N [--kb K]` runs only one
// part N times, with no timing, for instruction counts under callgrind; one run's count is the difference of two
// process counts (N = a and N = b, divided by b - a), so start-up, generation and warm-up cancel out:
//   valgrind --tool=callgrind --callgrind-out-file=/tmp/x node --single-threaded --expose-gc \
//     out/bench/learning-speed.bench.js --count learning --runs 3 --kb 128
// `--tags N` makes the memory of N tags instead of 100,000 (quicker under callgrind; the per-word look-up does not
// depend on the memory's size). Parts: build (the 100,000-tag memory, tags document by document), engine (suggestRange per paragraph),
// learning (the layer with 100,000 unrelated tags and 200 learned rules and terms; learning-memory, learning-decisions:
// with only one of the two), worst (every tag of the text's words), idle (the same set-up and collections, no pass:
// subtract it from the others, since a full collection with the 100,000-tag memory alive costs more than a pass),
// learning-claims (the learning part plus claim evidence derived from 64 KB of the same generated text, every other
// sentence tagged as a claim: every word of the text has counts, a worst case for the claim raise).
import * as os from 'node:os';
import { PhraseMemory, SourceTag } from '../src/core/learn/phraseMemory';
import { LearningContext, suggestLearnedRange } from '../src/core/learn/layer';
import { emptyLearned } from '../src/core/learn/learnedFile';
import { recordDecision } from '../src/core/learn/decisions';
import { ClaimEvidence, documentClaims } from '../src/core/learn/claimEvidence';
import { sentenceRanges } from '../src/core/suggest/text';
import { paragraphRanges, suggestRange } from '../src/core/suggest';
import { prng } from './prng';
import { generateText } from './suggest.bench';

const VOCAB = ('council budget bridge plan minister officials percent million euros clinic port strike workers housing rent ' +
  'transit school meals reform pension court delay data centre harbour river stadium deal hospital merger police camera ' +
  'tariff talks central bank vaccine breach marathon speech memoir startup lane election count drought harvest doping ban ' +
  'reckless shameful disastrous landmark historic fruitful outrageous misguided clearly frankly deeply utterly bold brave ' +
  'said argued warned insisted denied told reporters according to statement announced approved rejected raised cut').split(' ');

/** `overlap`: the share of words taken from VOCAB (the words of the generated text); the rest are made-up words. */
function phrase(rnd: () => number, n: number, overlap: number): string {
  const w: string[] = [];
  for (let i = 0; i < n; i++) w.push(rnd() < overlap ? VOCAB[Math.floor(rnd() * VOCAB.length)] : `w${Math.floor(rnd() * 20000).toString(36)}`);
  return w.join(' ');
}

/** The tags of generateTags grouped by document (stable), sharing one document string per document. */
export function byDocument(tags: readonly SourceTag[]): SourceTag[] {
  const groups = new Map<string, SourceTag[]>();
  for (const t of tags) {
    const g = groups.get(t.document);
    if (g) g.push({ ...t, document: g[0].document, name: g[0].document });
    else groups.set(t.document, [t]);
  }
  return [...groups.values()].flat();
}

export function generateTags(count: number, seed = 1313, overlap = 1): SourceTag[] {
  const rnd = prng(seed);
  const tags: SourceTag[] = [];
  for (let i = 0; i < count; i++) {
    const r = rnd();
    const [kind, n] = r < 0.6 ? ['opinion', 1 + Math.floor(rnd() * 3)] : r < 0.7 ? ['attribution', 3 + Math.floor(rnd() * 6)] : ['claim', 10 + Math.floor(rnd() * 16)];
    const quote = phrase(rnd, n, overlap);
    const doc = `doc-${Math.floor(rnd() * 2000)}.md`;
    tags.push({ document: doc, name: doc, kind, quote, start: 0, end: quote.length, status: kind === 'claim' && rnd() < 0.2 ? 'false' : undefined });
  }
  return tags;
}

/** Claim evidence derived from `text` as one document, every other sentence tagged as a claim. */
export function claimsOf(text: string): ClaimEvidence {
  const tags: { start: number; end: number }[] = [];
  let i = 0;
  for (const p of paragraphRanges(text)) for (const s of sentenceRanges(text, p.start, p.end)) if (i++ % 2 === 0) tags.push(s);
  const e = new ClaimEvidence();
  e.set('evidence.md', 'evidence.md', documentClaims(text, tags));
  return e;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Wall ms of the last time()/cpuTime() call's companion: both are taken around the same run. */
let lastCpu = 0;

function time(f: () => unknown): number {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  f();
  const c = process.cpuUsage(c0);
  lastCpu = (c.user + c.system) / 1000;
  return performance.now() - t0;
}

export function main(): void {
  let shuffled: SourceTag[] | undefined = generateTags(100_000);
  const tags = byDocument(shuffled);
  const builds: number[] = [];
  const buildsCpu: number[] = [];
  const shuffledCpu: number[] = [];
  const floors: number[] = [];
  let memory: PhraseMemory | undefined;
  for (let i = 0; i < 5; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    time(() => new PhraseMemory(shuffled!));
    shuffledCpu.push(lastCpu);
    (globalThis as { gc?: () => void }).gc?.();
    // The floor: splitting every quote into lower-cased words with a bare regex, which any phrase index must do.
    floors.push(time(() => {
      let n = 0;
      for (const t of tags) n += t.quote.toLowerCase().split(/\W+/).length;
      return n;
    }));
    (globalThis as { gc?: () => void }).gc?.();
    builds.push(time(() => (memory = new PhraseMemory(tags))));
    buildsCpu.push(lastCpu);
  }
  console.log(`Load average ${os.loadavg().map((x) => x.toFixed(1)).join(', ')}.`);
  console.log(`Phrase memory of ${tags.length.toLocaleString('en')} tags: ${memory!.size.toLocaleString('en')} distinct phrases; build wall median ${median(builds).toFixed(0)} ms (best ${Math.min(...builds).toFixed(0)}), CPU median ${median(buildsCpu).toFixed(0)} ms (best ${Math.min(...buildsCpu).toFixed(0)}); floor (bare word split of the same quotes) median ${median(floors).toFixed(0)} ms; target well under 1,000 ms.`);
  console.log(`The same tags in generation order (documents at random, a string per tag): build CPU median ${median(shuffledCpu).toFixed(0)} ms (best ${Math.min(...shuffledCpu).toFixed(0)}).`);
  shuffled = undefined; // not alive in the heap during the passes below
  // A tag change in the editor: one document's tags replaced in place (its ~50 tags), instead of a rebuild.
  const doc = tags[0].document;
  const mine = tags.filter((t) => t.document === doc);
  const updates: number[] = [];
  for (let i = 0; i < 20; i++) updates.push(time(() => memory!.update(doc, i % 2 ? mine : mine.slice(1))));
  console.log(`Update of one document's ${mine.length} tags in that memory: median ${median(updates).toFixed(2)} ms (best ${Math.min(...updates).toFixed(2)}).`);

  const learned = emptyLearned();
  const rnd = prng(7);
  for (let i = 0; i < 200; i++) recordDecision(learned.decisions, ['opinion.evaluative', 'opinion.booster', 'claim.number', 'learned.phrase'][i % 4], VOCAB[Math.floor(rnd() * VOCAB.length)], rnd() < 0.6);
  const text = generateText(1024 * 1024);
  const paragraphs = paragraphRanges(text);
  // The cost of looking: 100,000 tags none of which occurs in the text (words made up). Worst case: every tag made
  // of the text's own 150 words, so every paragraph holds dozens of remembered phrases (suggestions double).
  const unrelated = new PhraseMemory(generateTags(100_000, 1313, 0));
  // Deriving claim evidence: one 64 KB document's contribution (what the editor and the CLI do per document with claim tags).
  const evText = generateText(64 * 1024);
  const derive: number[] = [];
  let claims: ClaimEvidence | undefined;
  for (let i = 0; i < 5; i++) {
    time(() => (claims = claimsOf(evText)));
    derive.push(lastCpu);
  }
  console.log(`Claim evidence derived from a 64 KB document (every other sentence tagged): CPU median ${median(derive).toFixed(1)} ms (best ${Math.min(...derive).toFixed(1)}).`);
  const passes: [string, () => number][] = [
    ['engine alone', () => paragraphs.reduce((n, p) => n + suggestRange(text, p.start, p.end, {}).suggestions.length, 0)],
    ['engine + learning: 100,000 tags not in the text, 200 learned rules/terms', () => paragraphs.reduce((n, p) => n + suggestLearnedRange(text, p.start, p.end, {}, { memory: unrelated, learned, document: 'bench.md' }).suggestions.length, 0)],
    ['engine + learning + claim evidence of 64 KB of the same text (every word counted)', () => paragraphs.reduce((n, p) => n + suggestLearnedRange(text, p.start, p.end, {}, { memory: unrelated, learned, document: 'bench.md', claims }).suggestions.length, 0)],
    ['engine + learning, tags all of text words (worst case)', () => paragraphs.reduce((n, p) => n + suggestLearnedRange(text, p.start, p.end, {}, { memory, learned, document: 'bench.md' }).suggestions.length, 0)],
  ];
  const counts = passes.map(([, f]) => f()); // warm-up
  const times: number[][] = passes.map(() => []);
  const cpus: number[][] = passes.map(() => []);
  for (let r = 0; r < 7; r++) {
    for (const [i, [, f]] of passes.entries()) {
      (globalThis as { gc?: () => void }).gc?.();
      times[i].push(time(f));
      cpus[i].push(lastCpu);
    }
  }
  const med = times.map(median);
  const best = times.map((t) => Math.min(...t));
  const cpuMed = cpus.map(median);
  const cpuBest = cpus.map((t) => Math.min(...t));
  const vs = (x: number[], i: number) => (i ? `${x[i] >= x[0] ? '+' : ''}${((x[i] / x[0] - 1) * 100).toFixed(0)} %` : '');
  console.log('');
  console.log(`| ~1 MB, ${paragraphs.length.toLocaleString('en')} paragraphs, suggestRange per paragraph | suggestions | wall median ms (7 runs, interleaved) | vs engine | wall best ms | vs engine | CPU median ms | vs engine | CPU best ms | vs engine |`);
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const [i, [name]] of passes.entries()) console.log(`| ${name} | ${counts[i]} | ${med[i].toFixed(0)} | ${vs(med, i)} | ${best[i].toFixed(0)} | ${vs(best, i)} | ${cpuMed[i].toFixed(0)} | ${vs(cpuMed, i)} | ${cpuBest[i].toFixed(0)} | ${vs(cpuBest, i)} |`);
  console.log(`Load average ${os.loadavg().map((x) => x.toFixed(1)).join(', ')}.`);
  console.log('');
  console.log('Target: at most +30 % per paragraph.');
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** `--count`: one part, `runs` times after one warm-up run, untimed (see the file comment). */
export function count(part: string, runs: number, kb: number, tagCount = 100_000): void {
  if (part === 'build') {
    const tags = byDocument(generateTags(tagCount));
    let size = 0;
    for (let i = 0; i < runs; i++) size = new PhraseMemory(tags).size;
    console.log(`build x${runs}: ${size} phrases`);
    return;
  }
  const learned = emptyLearned();
  const rnd = prng(7);
  for (let i = 0; i < 200; i++) recordDecision(learned.decisions, ['opinion.evaluative', 'opinion.booster', 'claim.number', 'learned.phrase'][i % 4], VOCAB[Math.floor(rnd() * VOCAB.length)], rnd() < 0.6);
  const text = generateText(kb * 1024);
  const paragraphs = paragraphRanges(text);
  // The engine part keeps the same memory alive, and every pass starts with a full collection (as the timed passes
  // do): the garbage collector then finds the same heap in both, and when it runs does not depend on the pass before.
  const memory = new PhraseMemory(part === 'worst' ? byDocument(generateTags(tagCount)) : generateTags(tagCount, 1313, 0));
  // learning-memory and learning-decisions: the layer with one of the two only (what each costs).
  const claims = part === 'learning-claims' ? claimsOf(generateText(64 * 1024)) : undefined;
  const ctx: LearningContext = part === 'learning-claims' ? { memory, learned, document: 'bench.md', claims } : part === 'learning-memory' ? { memory, document: 'bench.md' } : part === 'learning-decisions' ? { learned, document: 'bench.md' } : { memory, learned, document: 'bench.md' };
  const pass = part === 'idle' ? () => 0 : part === 'engine'
    ? () => paragraphs.reduce((n, p) => n + suggestRange(text, p.start, p.end, {}).suggestions.length, 0)
    : () => paragraphs.reduce((n, p) => n + suggestLearnedRange(text, p.start, p.end, {}, ctx).suggestions.length, 0);
  let n = 0;
  for (let i = 0; i < runs; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    n = pass();
  }
  console.log(`${part} x${runs}: ${paragraphs.length} paragraphs, ${n} suggestions per pass`);
}

if (require.main === module) {
  const part = arg('--count');
  if (part) count(part, Number(arg('--runs') ?? 1), Number(arg('--kb') ?? 1024), Number(arg('--tags') ?? 100_000));
  else main();
}
