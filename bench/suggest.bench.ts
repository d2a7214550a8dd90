// Throughput of the suggestion detectors on ~1 MB of generated news-like text, side by side in one run with
// retext-intensify, write-good and a bare word-regex pass (the floor).
//   npm run bench -- suggest        (or: npx tsc -p tsconfig.test.json && node --expose-gc out/bench/suggest.bench.js [--mb N] [--runs 5] [--inner 3])
// Also measures the two segmentation choices noted in src/core/suggest/scan.ts (Intl.Segmenter sentences in one
// call vs per paragraph; Intl.Segmenter words vs a word regex vs our one-pass word + sentence scan). After one
// warm-up on 1/10, --runs N rounds (default 5); each round runs our passes and the floor --inner K times (default
// 3) and each peer once, interleaved. Medians over all runs of a pass, the ratio of each round's runs (paired), and
// the load average at start and end are reported.
//   --count: instruction counts under callgrind instead (bench/suggestCount.ts): a ratio the machine's load cannot move.
import * as os from 'node:os';
import { paragraphRanges, suggest, suggestRange } from '../src/core/suggest';
import { scanChunk, WORD_RE } from '../src/core/suggest/text';

const SUBJECTS = ['The council', 'Officials', 'Critics', 'The minister', 'Dock workers', 'Mayor Elena Fischer', 'Analysts', 'The company', 'Residents', 'The regional authority', 'Teachers', 'Investors'];
const VERBS = ['said', 'argued', 'approved', 'announced', 'warned', 'rejected', 'cut', 'raised', 'questioned', 'told reporters', 'insisted', 'denied'];
const OBJECTS = ['a budget of 4.2 million euros', 'the plan to close three clinics', 'that prices had risen 12 percent since 2019', 'the largest contract in its history', 'a disgraceful waste of public money', 'the proposal on Tuesday', 'more than 1,800 jobs', 'that the scheme was clearly misguided', 'the new bridge tolls', 'a deal worth having'];
const TAILS = ['', ' after a long debate', ', according to the port authority', ' because growth had slowed', ', which critics called a ploy', ' in a statement', ' despite strong objections', ''];
const OPINION = ['This is, frankly, an outrageous decision.', 'The city should have acted years ago.', 'Perhaps the real problem lies elsewhere.', 'It is time to stop tinkering.', 'Nobody asked the families who will pay for it.'];
const QUOTES = ['“We are not asking for the moon,” she said.', '"Nobody asked us," said Mirela Kos.', '“It is over,” the minister told the panel.'];

/** Deterministic generator (LCG), so that every run measures the same text. */
export function generateText(bytes: number): string {
  let seed = 42;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    const sentences: string[] = [];
    const n = 3 + rnd(5);
    for (let i = 0; i < n; i++) {
      const r = rnd(10);
      const s = r < 6 ? `${SUBJECTS[rnd(SUBJECTS.length)]} ${VERBS[rnd(VERBS.length)]} ${OBJECTS[rnd(OBJECTS.length)]}${TAILS[rnd(TAILS.length)]}.`
        : r < 8 ? OPINION[rnd(OPINION.length)] : QUOTES[rnd(QUOTES.length)];
      sentences.push(s);
    }
    const p = sentences.join(' ');
    parts.push(p);
    size += p.length + 2;
  }
  return parts.join('\n\n');
}

function time(fn: () => unknown): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

export function wordRegexPass(text: string): number {
  const re = new RegExp(WORD_RE.source, 'gu');
  let n = 0;
  while (re.exec(text) !== null) n++;
  return n;
}

export type Processor = { process(text: string): Promise<{ messages: unknown[] }> };

export async function retextProcessor(): Promise<Processor> {
  // ESM-only packages, loaded at run time (require(esm) on Node >= 20.19): retext() brings a parser and a
  // stringifier; retext-english swaps in the English parser, as retext-intensify's readme does.
  const { retext } = (await import('retext')) as unknown as { retext: () => { use(p: unknown): unknown } };
  const english = ((await import('retext-english')) as unknown as { default: unknown }).default;
  const intensify = ((await import('retext-intensify')) as unknown as { default: unknown }).default;
  const base = retext().use(english) as { use(p: unknown): unknown };
  return base.use(intensify) as Processor;
}

async function main(): Promise<void> {
  const mbArg = process.argv.indexOf('--mb');
  const mb = mbArg > 0 ? Number(process.argv[mbArg + 1]) : 1;
  const text = generateText(Math.round(mb * 1024 * 1024));
  const warm = text.slice(0, Math.floor(text.length / 10));
  const sizeMb = text.length / (1024 * 1024);
  // write-good is CommonJS without types.
  const writeGood = ((await import('write-good' as string)) as { default: (t: string) => unknown[] }).default;
  const retext = await retextProcessor();

  // Warm-up on a tenth of the text.
  wordRegexPass(warm);
  suggest(warm);
  writeGood(warm);
  await retext.process(warm.slice(0, 20000));

  // --runs N or --runs=N (npm run bench drops the separate value: scripts/bench.mjs forwards only the dashed
  // arguments, so a missing or non-numeric value falls back to the default).
  const runsEq = process.argv.find((a) => a.startsWith('--runs='));
  const runsArg = process.argv.indexOf('--runs');
  const runsValue = Number(runsEq !== undefined ? runsEq.slice('--runs='.length) : runsArg > 0 ? process.argv[runsArg + 1] : NaN);
  // Default 5: `npm run bench -- suggest --runs 5` reaches this script as a bare `--runs` (see above).
  const runs = Number.isFinite(runsValue) ? Math.max(1, Math.floor(runsValue)) : 5;
  // --inner K: how many times each of our passes and the floor run per round (default 3): they are cheap, and the
  // machine's phases (our pass took 96–222 ms in one process with no JIT or GC event to explain it) need more
  // than 5 samples. Each round: our passes, write-good, our passes, retext-intensify, our passes.
  const innerArg = process.argv.indexOf('--inner');
  const innerValue = Number(innerArg > 0 ? process.argv[innerArg + 1] : NaN);
  const inner = Number.isFinite(innerValue) ? Math.max(1, Math.floor(innerValue)) : 3;
  const passes: Array<{ name: string; peer: boolean; run: () => Promise<string> }> = [
    { name: 'bare word-regex pass (floor)', peer: false, run: async () => `${wordRegexPass(text)} words` },
    { name: 'claim-tagger suggest (whole text)', peer: false, run: async () => `${suggest(text).suggestions.length} suggestions` },
    {
      name: 'claim-tagger suggestRange per paragraph', peer: false, run: async () => {
        let found = 0;
        for (const p of paragraphRanges(text)) found += suggestRange(text, p.start, p.end).suggestions.length;
        return `${found} suggestions`;
      },
    },
    { name: 'write-good', peer: true, run: async () => `${writeGood(text).length} suggestions` },
    { name: 'retext-intensify (retext-english parse + plugin)', peer: true, run: async () => `${(await retext.process(text)).messages.length} messages` },
  ];
  const FLOOR = 0;
  const OURS = 2;
  const RETEXT = 4;
  const cheap = passes.flatMap((p, i) => (p.peer ? [] : [i]));
  const peers = passes.flatMap((p, i) => (p.peer ? [i] : []));
  const order: number[] = [];
  for (let k = 0; k < Math.max(inner, peers.length); k++) {
    if (k < inner) order.push(...cheap);
    if (k < peers.length) order.push(peers[k]);
  }
  const times = passes.map(() => [] as number[]);
  const cpu = passes.map(() => [] as number[]);
  /** Per pass, per round: the indices of that round's runs in times/cpu. */
  const roundOf = passes.map(() => [] as number[]);
  const outputs = passes.map(() => '');
  const loadStart = os.loadavg();
  for (let r = 0; r < runs; r++) {
    for (const i of order) {
      // Each pass starts from a collected heap (run with --expose-gc, as npm run bench does), so that no pass
      // pays for the garbage of the one before it.
      (globalThis as { gc?: () => void }).gc?.();
      const c0 = process.cpuUsage();
      times[i].push(await timeAsync(async () => (outputs[i] = await passes[i].run())));
      const c = process.cpuUsage(c0);
      cpu[i].push((c.user + c.system) / 1000);
      roundOf[i].push(r);
    }
  }
  const loadEnd = os.loadavg();
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
  const wall = times.map(median);
  const cpuMedian = cpu.map(median);
  const [floor, ours, chunked, , intensify] = wall;
  const load = (l: number[]) => l.map((x) => x.toFixed(1)).join(', ');

  console.log(`Text: ${text.length.toLocaleString('en')} UTF-16 units (${sizeMb.toFixed(2)} MB), generated; Node ${process.version}; ${runs} rounds: each round runs our passes and the floor ${inner} times and each peer once, interleaved (${order.map((i) => (passes[i].peer ? passes[i].name.split(' ')[0] : '·')).join(' ')}); medians over all runs of a pass.`);
  console.log(`Load average (1, 5, 15 min) at start ${load(loadStart)}, at end ${load(loadEnd)}.`);
  console.log('Wall-clock ms, and process CPU ms (user + system, all threads: less sensitive to other load on a shared machine).\n');
  console.log('| pass | runs | wall ms (median) | all runs | CPU ms (median) | all runs (CPU) | MB/s (wall) | vs ours | output |');
  console.log('| --- | ---: | ---: | --- | ---: | --- | ---: | ---: | --- |');
  passes.forEach((p, i) => {
    console.log(`| ${p.name} | ${times[i].length} | ${wall[i].toFixed(0)} | ${times[i].map((t) => t.toFixed(0)).join(', ')} | ${cpuMedian[i].toFixed(0)} | ${cpu[i].map((t) => t.toFixed(0)).join(', ')} | ${(sizeMb / (wall[i] / 1000)).toFixed(1)} | ${(wall[i] / ours).toFixed(2)}× | ${outputs[i]} |`);
  });
  const ratio = (a: number, b: number) => (a / b).toFixed(1);
  console.log(`\nWhole text (suggest, not the editor's path), wall (CPU): retext-intensify / ours = ${ratio(intensify, ours)}× (${ratio(cpuMedian[4], cpuMedian[1])}×); ours / word-regex floor = ${ratio(ours, floor)}× (${ratio(cpuMedian[1], cpuMedian[0])}×).`);
  // Issue 12's targets are on the editor's path: suggestRange per paragraph, in CPU time (wall shown beside it).
  const speedup = { wall: intensify / chunked, cpu: cpuMedian[4] / cpuMedian[2] };
  const overFloor = { wall: chunked / floor, cpu: cpuMedian[2] / cpuMedian[0] };
  const verdict = (ok: boolean) => (ok ? 'target met' : 'target NOT met');
  console.log('\nPer paragraph (suggestRange, the editor\'s path), issue 12 targets:');
  console.log(`  retext-intensify / ours: CPU ${speedup.cpu.toFixed(1)}×, wall ${speedup.wall.toFixed(1)}× (target ≥ 20× CPU): ${verdict(speedup.cpu >= 20)}${speedup.wall >= 20 ? '' : ' (wall below 20×)'}`);
  console.log(`  ours / word-regex floor: CPU ${overFloor.cpu.toFixed(1)}×, wall ${overFloor.wall.toFixed(1)}× (target ≤ 5×): ${verdict(overFloor.cpu <= 5)}${overFloor.wall <= 5 ? '' : ' (wall above 5×)'}`);

  // Paired ratios: each round's retext-intensify run against the median of that round's runs of ours, and ours
  // against the floor of the same round, so that a slow phase of the machine moves both sides of a ratio.
  const inRound = (i: number, r: number, xs: number[][]) => median(xs[i].filter((_, k) => roundOf[i][k] === r));
  const rows: Array<{ retext: [number, number]; floor: [number, number] }> = [];
  console.log(`\nPaired per round (ours and floor: median of the round's ${inner} runs):\n`);
  console.log('| round | ours CPU (wall) ms | floor CPU (wall) ms | retext-intensify CPU (wall) ms | retext / ours, CPU (wall) | ours / floor, CPU (wall) |');
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: |');
  for (let r = 0; r < runs; r++) {
    const [oc, ow, fc, fw, rc, rw] = [inRound(OURS, r, cpu), inRound(OURS, r, times), inRound(FLOOR, r, cpu), inRound(FLOOR, r, times), inRound(RETEXT, r, cpu), inRound(RETEXT, r, times)];
    rows.push({ retext: [rc / oc, rw / ow], floor: [oc / fc, ow / fw] });
    console.log(`| ${r + 1} | ${oc.toFixed(0)} (${ow.toFixed(0)}) | ${fc.toFixed(0)} (${fw.toFixed(0)}) | ${rc.toFixed(0)} (${rw.toFixed(0)}) | ${ratio(rc, oc)}× (${ratio(rw, ow)}×) | ${ratio(oc, fc)}× (${ratio(ow, fw)}×) |`);
  }
  const spread = (xs: number[]) => `median ${median(xs).toFixed(1)}×, range ${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)}×`;
  console.log(`\nPaired retext-intensify / ours: CPU ${spread(rows.map((x) => x.retext[0]))}; wall ${spread(rows.map((x) => x.retext[1]))}.`);
  console.log(`Paired ours / floor: CPU ${spread(rows.map((x) => x.floor[0]))}; wall ${spread(rows.map((x) => x.floor[1]))}.`);

  // Segmentation choices, on 50 KB: Intl.Segmenter is superlinear on one long string (its word iterator took
  // minutes on 200 KB in one call), so the word iterator is also measured per paragraph.
  const sample = text.slice(0, 50 * 1024);
  const sampleMb = sample.length / (1024 * 1024);
  const sentences = new Intl.Segmenter('en', { granularity: 'sentence' });
  const words = new Intl.Segmenter('en', { granularity: 'word' });
  const seg: Array<[string, number]> = [];
  seg.push(['Intl.Segmenter sentences, one call', time(() => [...sentences.segment(sample)].length)]);
  seg.push(['Intl.Segmenter sentences, per paragraph', time(() => {
    for (const p of paragraphRanges(sample)) for (const _ of sentences.segment(sample.slice(p.start, p.end))) void _;
  })]);
  seg.push(['Intl.Segmenter words (isWordLike), per paragraph', time(() => {
    let n = 0;
    for (const p of paragraphRanges(sample)) {
      for (const w of words.segment(sample.slice(p.start, p.end))) if (w.isWordLike) n++;
    }
    return n;
  })]);
  seg.push(['word regex (WORD_RE)', time(() => wordRegexPass(sample))]);
  seg.push(['scanChunk: words + sentences, per paragraph (ours)', time(() => {
    let n = 0;
    for (const p of paragraphRanges(sample)) n += scanChunk(sample, p.start, p.end).sentences.length;
    return n;
  })]);
  console.log('\n| segmentation on 50 KB | ms | MB/s |');
  console.log('| --- | ---: | ---: |');
  for (const [name, ms] of seg) console.log(`| ${name} | ${ms.toFixed(1)} | ${(sampleMb / (ms / 1000)).toFixed(1)} |`);
}

if (require.main === module) {
  // --count: instruction counts under callgrind instead of timings (bench/suggestCount.ts); loaded only then, since
  // that module imports this one.
  const run = process.argv.includes('--count') ? import('./suggestCount').then((m) => m.countMain()) : main();
  run.catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
