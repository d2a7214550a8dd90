// The editor's path alone: suggestRange per paragraph on 1 MB, with no peer library in the process (their live
// heap slows our major GCs; see bench/RESULTS.md), on the synthetic benchmark text and on the evaluation texts
// (tune half + dev) repeated to 1 MB, the two passes and the word-regex floor interleaved; CPU ms medians.
//   npx tsc -p tsconfig.test.json && node --expose-gc out/bench/suggestPath.js [--runs N]
// For instruction counts (valgrind), one pass N times after one warm-up:
//   valgrind --tool=callgrind node --single-threaded --expose-gc out/bench/suggestPath.js --only bench|eval|floor --runs N [--kb 1024]
import { paragraphRanges, suggestRange } from '../src/core/suggest';
import { WORD_RE } from '../src/core/suggest/text';
import { loadEvalTexts } from './evalMarkup';
import { generateText } from './suggest.bench';

/** The evaluation texts of the tuning half (dev/ and tune/; never the held-out half), markup stripped, repeated to ~bytes. */
export function evalText(bytes: number): string {
  const one = loadEvalTexts().filter((t) => t.half === 'tune').map((t) => t.text).join('\n\n');
  const copies: string[] = [];
  for (let size = 0; size < bytes; size += one.length + 2) copies.push(one);
  return copies.join('\n\n');
}

export function perParagraph(text: string): number {
  let found = 0;
  for (const p of paragraphRanges(text)) found += suggestRange(text, p.start, p.end).suggestions.length;
  return found;
}

function floor(text: string): number {
  const re = new RegExp(WORD_RE.source, 'gu');
  let n = 0;
  while (re.exec(text) !== null) n++;
  return n;
}

function main(): void {
  const arg = (name: string): string | undefined => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const runs = Number(arg('--runs') ?? 7);
  const only = arg('--only');
  if (only !== undefined) {
    // One pass only (for valgrind): build and warm up only its text.
    const bytes = Number(arg('--kb') ?? 1024) * 1024;
    const text = only === 'eval' ? evalText(bytes) : generateText(bytes);
    const fn = only === 'floor' ? floor : perParagraph;
    fn(text.slice(0, text.length / 10));
    for (let r = 0; r < runs; r++) fn(text);
    return;
  }
  const bench = generateText(1024 * 1024);
  const evals = evalText(1024 * 1024);
  const chosen: Array<[string, () => number]> = [
    ['floor (bench text)', () => floor(bench)],
    ['per paragraph, bench text', () => perParagraph(bench)],
    ['per paragraph, eval texts', () => perParagraph(evals)],
  ];
  // Warm-up on a tenth of each text.
  floor(bench.slice(0, bench.length / 10));
  perParagraph(bench.slice(0, bench.length / 10));
  perParagraph(evals.slice(0, evals.length / 10));
  const cpu = chosen.map(() => [] as number[]);
  const out = chosen.map(() => 0);
  for (let r = 0; r < runs; r++) {
    chosen.forEach(([, fn], i) => {
      (globalThis as { gc?: () => void }).gc?.();
      const c0 = process.cpuUsage();
      out[i] = fn();
      const c = process.cpuUsage(c0);
      cpu[i].push((c.user + c.system) / 1000);
    });
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
  console.log(`bench text ${bench.length} units, eval texts ${evals.length} units; ${runs} interleaved runs; CPU ms`);
  chosen.forEach(([name], i) => console.log(`${name.padEnd(28)} median ${median(cpu[i]).toFixed(0).padStart(4)}  min ${Math.min(...cpu[i]).toFixed(0).padStart(4)}  [${cpu[i].map((x) => x.toFixed(0)).join(', ')}]  -> ${out[i]}`));
}

if (require.main === module) main();
