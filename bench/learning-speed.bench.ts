// Speed of the learning layer (issue 13):
//   npm run bench -- learning-speed      (or: npx tsc -p tsconfig.test.json && node out/bench/learning-speed.bench.js)
// 1. Building the phrase memory of 100,000 tags (generated, seeded: opinion phrases of 1-3 words, attributions of
//    3-8 words, claims of 10-25 words, over 2,000 documents), median of 5 builds. Target: well under a second.
// 2. Suggestions per paragraph over ~1 MB (the generator of suggest.bench.ts), as the editor runs them: the
//    engine alone vs the engine + the learning layer with that memory and 200 learned rules and terms. The two
//    passes are interleaved, 5 runs each after a warm-up, medians compared. Target: at most 30 % slower.
import { PhraseMemory, SourceTag } from '../src/core/learn/phraseMemory';
import { suggestLearnedRange } from '../src/core/learn/layer';
import { emptyLearned } from '../src/core/learn/learnedFile';
import { recordDecision } from '../src/core/learn/decisions';
import { paragraphRanges, suggestRange } from '../src/core/suggest';
import { prng } from './prng';
import { generateText } from './suggest.bench';

const VOCAB = ('council budget bridge plan minister officials percent million euros clinic port strike workers housing rent ' +
  'transit school meals reform pension court delay data centre harbour river stadium deal hospital merger police camera ' +
  'tariff talks central bank vaccine breach marathon speech memoir startup lane election count drought harvest doping ban ' +
  'reckless shameful disastrous landmark historic fruitful outrageous misguided clearly frankly deeply utterly bold brave ' +
  'said argued warned insisted denied told reporters according to statement announced approved rejected raised cut').split(' ');

function phrase(rnd: () => number, n: number): string {
  const w: string[] = [];
  for (let i = 0; i < n; i++) w.push(VOCAB[Math.floor(rnd() * VOCAB.length)]);
  return w.join(' ');
}

export function generateTags(count: number, seed = 1313): SourceTag[] {
  const rnd = prng(seed);
  const tags: SourceTag[] = [];
  for (let i = 0; i < count; i++) {
    const r = rnd();
    const [kind, n] = r < 0.6 ? ['opinion', 1 + Math.floor(rnd() * 3)] : r < 0.7 ? ['attribution', 3 + Math.floor(rnd() * 6)] : ['claim', 10 + Math.floor(rnd() * 16)];
    const quote = phrase(rnd, n);
    const doc = `doc-${Math.floor(rnd() * 2000)}.md`;
    tags.push({ document: doc, name: doc, kind, quote, start: 0, end: quote.length, status: kind === 'claim' && rnd() < 0.2 ? 'false' : undefined });
  }
  return tags;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function main(): void {
  const tags = generateTags(100_000);
  const builds: number[] = [];
  let memory: PhraseMemory | undefined;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    memory = new PhraseMemory(tags);
    builds.push(performance.now() - t0);
  }
  console.log(`Phrase memory of ${tags.length.toLocaleString('en')} tags: ${memory!.size.toLocaleString('en')} distinct phrases; build median ${median(builds).toFixed(0)} ms (min ${Math.min(...builds).toFixed(0)}, max ${Math.max(...builds).toFixed(0)}); target well under 1,000 ms.`);

  const learned = emptyLearned();
  const rnd = prng(7);
  for (let i = 0; i < 200; i++) recordDecision(learned.decisions, ['opinion.evaluative', 'opinion.booster', 'claim.number', 'learned.phrase'][i % 4], VOCAB[Math.floor(rnd() * VOCAB.length)], rnd() < 0.6);
  const text = generateText(1024 * 1024);
  const paragraphs = paragraphRanges(text);
  const ctx = { memory, learned, document: 'bench.md' };
  const engine = () => {
    let n = 0;
    for (const p of paragraphs) n += suggestRange(text, p.start, p.end, {}).suggestions.length;
    return n;
  };
  const layered = () => {
    let n = 0;
    for (const p of paragraphs) n += suggestLearnedRange(text, p.start, p.end, {}, ctx).suggestions.length;
    return n;
  };
  // Warm-up on the whole text once each.
  const counts = [engine(), layered()];
  const times: [number[], number[]] = [[], []];
  for (let r = 0; r < 5; r++) {
    for (const [i, f] of [engine, layered].entries()) {
      (globalThis as { gc?: () => void }).gc?.();
      const t0 = performance.now();
      f();
      times[i].push(performance.now() - t0);
    }
  }
  const [e, l] = times.map(median);
  console.log('');
  console.log(`| ~1 MB, ${paragraphs.length.toLocaleString('en')} paragraphs, per paragraph | suggestions | median ms (5 runs) | per paragraph µs |`);
  console.log('| --- | ---: | ---: | ---: |');
  console.log(`| engine alone | ${counts[0]} | ${e.toFixed(0)} | ${((e * 1000) / paragraphs.length).toFixed(1)} |`);
  console.log(`| engine + learning (100,000 tags, 200 learned rules/terms) | ${counts[1]} | ${l.toFixed(0)} | ${((l * 1000) / paragraphs.length).toFixed(1)} |`);
  console.log('');
  console.log(`Learning adds ${(((l / e) - 1) * 100).toFixed(1)} % (target at most 30 %).`);
}

if (require.main === module) main();
