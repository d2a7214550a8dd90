// Instruction counts of the throughput bench (issue 12): our per-paragraph pass (the editor's path), retext-intensify
// and the word-regex floor, each counted by valgrind's callgrind in a process of its own, on two text sizes.
// Timings on the shared 2-core machine swing 2x between passes of one process; instruction counts do not depend on
// the other sessions' load, so they give a ratio that the noise cannot move (they do not count cache misses, which
// time does).
//   npx tsc -p tsconfig.test.json && node out/bench/suggest.bench.js --count [--kb 64,128] [--runs 10] [--peer-runs 6] [--text bench|eval] [--out DIR]
// runs, one after another, for each size and pass:
//   valgrind --tool=callgrind --dump-before=uv_getrusage --callgrind-out-file=<dir>/<pass>-<kb>.out \
//     node --single-threaded --expose-gc out/bench/suggestCount.js --pass floor|paragraph|retext --kb K --runs N
// The child warms up on a tenth of the text, then runs the pass N times, each after a full collection, between two
// process.cpuUsage() calls: callgrind dumps its counters whenever uv_getrusage is entered, so dump 2i holds pass i
// alone (no start-up, text generation, warm-up or forced collection; the pass's own scavenges are in). This is the
// per-pass form of bench/learning-speed.bench.ts's "difference of two process counts". `--single-threaded`: V8
// compiles and collects on the main thread, so all of a pass's work is counted (callgrind counts every thread, but
// helper threads would run at times of their own). The early passes include V8's optimising compiler, so the
// steady figure is the median of the second half of the passes.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { paragraphRanges, suggestRange } from '../src/core/suggest';
import { evalText } from './suggestPath';
import { generateText, retextProcessor, wordRegexPass } from './suggest.bench';

const PASSES = ['floor', 'paragraph', 'retext'] as const;
type Pass = (typeof PASSES)[number];
const LABEL: Record<Pass, string> = {
  floor: 'bare word-regex pass (floor)',
  paragraph: 'claim-tagger suggestRange per paragraph',
  retext: 'retext-intensify (retext-english parse + plugin)',
};

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** The child: one pass kind, `runs` times after a warm-up, each between two markers (process.cpuUsage). */
async function child(pass: Pass, kb: number, runs: number, kind: string): Promise<void> {
  const text = kind === 'eval' ? evalText(kb * 1024) : generateText(kb * 1024);
  const warm = text.slice(0, Math.floor(text.length / 10));
  let run: (t: string) => Promise<number>;
  if (pass === 'retext') {
    const processor = await retextProcessor();
    run = async (t) => (await processor.process(t)).messages.length;
  } else if (pass === 'floor') {
    run = async (t) => wordRegexPass(t);
  } else {
    run = async (t) => {
      let found = 0;
      for (const p of paragraphRanges(t)) found += suggestRange(t, p.start, p.end).suggestions.length;
      return found;
    };
  }
  await run(warm);
  let out = 0;
  for (let r = 0; r < runs; r++) {
    gc();
    process.cpuUsage(); // marker: the dump here closes the warm-up or the collection
    out = await run(text);
    process.cpuUsage(); // marker: the dump here holds the pass
  }
  console.log(`${pass} ${kb} KB (${text.length} UTF-16 units, ${paragraphRanges(text).length} paragraphs) x${runs}: ${out} per pass`);
}

/** perPass[i]: pass i alone; withGc[i]: pass i plus the full collection (gc()) before it, for i ≥ 1. */
interface Counted { pass: Pass; kb: number; units: number; perPass: number[]; steady: number; withGc: number; output: string }

/** Instructions of each dump of one callgrind run (`<file>.1`, `<file>.2`, …), in order. */
function readDumps(file: string): number[] {
  const dir = path.dirname(file);
  const base = path.basename(file);
  const parts = fs.readdirSync(dir).map((f) => /^(.*)\.(\d+)$/.exec(f)).filter((m): m is RegExpExecArray => m !== null && m[1] === base)
    .map((m) => Number(m[2])).sort((a, b) => a - b);
  return parts.map((n) => {
    const totals = /^totals:\s*(\d+)/m.exec(fs.readFileSync(`${file}.${n}`, 'utf8'));
    if (!totals) throw new Error(`${file}.${n}: no "totals:" line`);
    return Number(totals[1]);
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

function countOne(pass: Pass, kb: number, runs: number, kind: string, dir: string): Counted {
  const file = path.join(dir, `${pass}-${kb}-${kind}-x${runs}.out`);
  // With --out DIR, a pass already counted there (its dumps and the child's output, from an earlier or interrupted
  // run) is read again instead of being counted anew: callgrind's counts of one build repeat.
  let output = fs.existsSync(`${file}.txt`) ? fs.readFileSync(`${file}.txt`, 'utf8').trim() : '';
  if (output === '') {
    const script = path.join(__dirname, 'suggestCount.js');
    const t0 = Date.now();
    for (const f of fs.readdirSync(dir)) if (f.startsWith(`${path.basename(file)}.`)) fs.rmSync(path.join(dir, f));
    const res = spawnSync('valgrind', ['--tool=callgrind', '--dump-before=uv_getrusage', `--callgrind-out-file=${file}`,
      process.execPath, '--single-threaded', '--expose-gc', script, '--pass', pass, '--kb', String(kb), '--runs', String(runs), '--text', kind],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (res.error) throw new Error(`valgrind could not be started (${res.error.message}); install valgrind to count instructions`);
    if (res.status !== 0) throw new Error(`valgrind ${pass} ${kb} KB exited with ${res.status}:\n${res.stderr.slice(-2000)}`);
    output = res.stdout.trim();
    fs.writeFileSync(`${file}.txt`, `${output}\n`);
    process.stderr.write(`  counted ${pass} ${kb} KB in ${((Date.now() - t0) / 1000).toFixed(0)} s: ${output}\n`);
  }
  const dumps = readDumps(file);
  if (dumps.length !== 2 * runs) throw new Error(`${file}: ${dumps.length} dumps, expected ${2 * runs} (one per marker)`);
  const perPass = dumps.filter((_, i) => i % 2 === 1);
  // Dump 2i (0-based) is the collection before pass i; dump 0 also holds start-up, so pass 0 has no such figure.
  const withGc = perPass.map((n, i) => n + dumps[2 * i]).slice(1);
  const units = Number(/\((\d+) UTF-16 units/.exec(output)?.[1] ?? NaN);
  return { pass, kb, units, perPass, steady: median(perPass.slice(Math.floor(runs / 2))), withGc: median(withGc.slice(Math.floor(runs / 2) - 1)), output };
}

const M = (n: number) => `${(n / 1e6).toFixed(1)} M`;

/** The driver: every pass at every size under callgrind, one process at a time; prints Markdown tables. */
export function countMain(): void {
  const sizes = (arg('--kb') ?? '64,128').split(',').map(Number).filter((n) => n > 0);
  const count = (name: string, fallback: number) => {
    const v = Number(arg(name));
    return Number.isFinite(v) && v >= 2 ? Math.floor(v) : fallback;
  };
  // Ours and the floor are cheap under callgrind (seconds a pass); retext-intensify takes ~30 s a pass at 128 KB.
  const runs = count('--runs', 10);
  const peerRuns = count('--peer-runs', 6);
  const kind = arg('--text') === 'eval' ? 'eval' : 'bench';
  // --out DIR keeps callgrind's files (for callgrind_annotate) and reuses the passes already counted there.
  const out = arg('--out');
  if (out !== undefined) fs.mkdirSync(out, { recursive: true });
  const dir = out ?? fs.mkdtempSync(path.join(os.tmpdir(), 'claim-tagger-count-'));
  const load0 = os.loadavg();
  const counted: Counted[] = [];
  try {
    for (const kb of sizes) for (const pass of PASSES) counted.push(countOne(pass, kb, pass === 'retext' ? peerRuns : runs, kind, dir));
  } finally {
    if (out === undefined) fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(`Instruction counts (callgrind, valgrind's "Ir"), ${kind === 'eval' ? 'evaluation texts (tune half) repeated' : 'generated bench text'}; Node ${process.version}; each pass N times in its own process after a warm-up on a tenth (N = ${runs} for ours and the floor, ${peerRuns} for retext-intensify); steady = median of the second half of the passes. Load average ${load0.map((x) => x.toFixed(1)).join(', ')} → ${os.loadavg().map((x) => x.toFixed(1)).join(', ')} (does not change counts).\n`);
  console.log('| pass | size | instructions per pass, passes 1…N | steady per pass | steady per KB | steady with the full collection before it | output |');
  console.log('| --- | ---: | --- | ---: | ---: | ---: | --- |');
  for (const c of counted) {
    console.log(`| ${LABEL[c.pass]} | ${c.kb} KB | ${c.perPass.map((x) => (x / 1e6).toFixed(1)).join(', ')} | ${M(c.steady)} | ${(c.steady / (c.units / 1024) / 1e3).toFixed(1)} k | ${M(c.withGc)} | ${c.output.replace(/^.*: /, '')} |`);
  }
  console.log('\n| size | retext-intensify / ours (target ≥ 20×) | ours / floor (target ≤ 5×) | first pass: retext / ours | with the full collections: retext / ours, ours / floor |');
  console.log('| ---: | ---: | ---: | ---: | ---: |');
  for (const kb of sizes) {
    const get = (p: Pass) => counted.find((c) => c.kb === kb && c.pass === p)!;
    const [floor, ours, retext] = [get('floor'), get('paragraph'), get('retext')];
    console.log(`| ${kb} KB | **${(retext.steady / ours.steady).toFixed(1)}×** | ${(ours.steady / floor.steady).toFixed(1)}× | ${(retext.perPass[0] / ours.perPass[0]).toFixed(1)}× | ${(retext.withGc / ours.withGc).toFixed(1)}×, ${(ours.withGc / floor.withGc).toFixed(1)}× |`);
  }
}

if (require.main === module) {
  const pass = arg('--pass') as Pass | undefined;
  if (pass === undefined || !PASSES.includes(pass)) {
    console.error(`usage: node --single-threaded --expose-gc out/bench/suggestCount.js --pass ${PASSES.join('|')} [--kb K] [--runs N] [--text bench|eval] (under callgrind), or node out/bench/suggest.bench.js --count`);
    process.exit(2);
  }
  child(pass, Number(arg('--kb') ?? 128), Number(arg('--runs') ?? 8), arg('--text') ?? 'bench').catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
