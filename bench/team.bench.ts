// Team features at scale: agreement over 1,000 documents × 2 annotators × 100 tags (target < 5 s), and the git
// merge driver on a 10,000-tag sidecar (target < 1 s): the core in-process, and the whole `node dist/cli.js
// merge-driver` process as git runs it (when dist/ is built). Inputs are generated with a fixed seed.
//
//   npm run bench -- team
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SIDECAR_FORMAT, SIDECAR_VERSION, Tag } from '../src/core/model';
import { serializeSidecar, textHash } from '../src/core/sidecar/format';
import { createTag } from '../src/core/tags';
import { AnnotatedDocument, computeAgreement } from '../src/core/team/agreement';
import { mergeSidecarTexts } from '../src/core/team/mergeFiles';
import { prng } from './prng';

const DOCS = 1000;
const TAGS_PER_ANNOTATOR = 100;
const MERGE_TAGS = 10_000;
const ROUNDS = 5;
const KINDS = ['claim', 'attribution', 'opinion'];
const WORDS = ['council', 'budget', 'said', 'record', 'percent', 'bridge', 'critics', 'clearly', 'officials', 'rose', 'on', 'the', 'Monday'];

function article(rand: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(rand() * WORDS.length)] + (i % 15 === 14 ? '.' : ''));
  return out.join(' ');
}

/** Annotator b agrees with a on about 70 % of tags (some shifted spans), and tags others of its own. */
function annotations(rand: () => number, text: string, now: Date): [Tag[], Tag[]] {
  const a: Tag[] = [];
  const b: Tag[] = [];
  const span = () => {
    const start = Math.floor(rand() * (text.length - 120));
    return { start, end: start + 10 + Math.floor(rand() * 100) };
  };
  for (let i = 0; i < TAGS_PER_ANNOTATOR; i++) {
    const kind = KINDS[i % 3];
    const s = span();
    a.push(createTag(text, { kind, ...s, author: 'ana', now }));
    const r = rand();
    const t = r < 0.5 ? s : r < 0.7 ? { start: s.start + 3, end: s.end + 5 } : span();
    b.push(createTag(text, { kind: r < 0.9 ? kind : KINDS[(i + 1) % 3], start: t.start, end: Math.min(t.end, text.length), author: 'ben', now }));
  }
  return [a, b];
}

/** Wall time and this process's CPU time (user + system) in ms: the machine is shared, CPU time shows the cost. */
const cpu: number[] = [];
function time(fn: () => void): number {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  fn();
  const c = process.cpuUsage(c0);
  cpu.push((c.user + c.system) / 1000);
  return Number(process.hrtime.bigint() - t0) / 1e6;
}
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];

function agreementBench(): { ms: number; cpu: number; tokens: number; f1: number | null; kappa: number | null } {
  const rand = prng(12);
  const now = new Date(0);
  const docs: AnnotatedDocument[] = [];
  for (let d = 0; d < DOCS; d++) {
    const text = article(rand, 1200);
    const [a, b] = annotations(rand, text, now);
    docs.push({ name: `doc${d}.md`, text, annotators: new Map([['ana', a], ['ben', b]]) });
  }
  let last = computeAgreement(docs);
  const times: number[] = [];
  cpu.length = 0;
  for (let i = 0; i < ROUNDS; i++) times.push(time(() => (last = computeAgreement(docs))));
  const p = last.pairs[0];
  return { ms: median(times), cpu: median(cpu), tokens: p.tokens, f1: p.overall.overlap.f1, kappa: p.overall.tokenKappa };
}

function mergeInputs(): { base: string; ours: string; theirs: string } {
  const rand = prng(34);
  const text = article(rand, 200_000);
  const now = new Date(0);
  const base: Tag[] = [];
  for (let i = 0; i < MERGE_TAGS; i++) {
    const start = Math.floor(rand() * (text.length - 200));
    base.push(createTag(text, { kind: KINDS[i % 3], start, end: start + 20 + Math.floor(rand() * 150), author: 'ana', now }));
  }
  const side = (name: string, seed: number) => {
    const r = prng(seed);
    const tags = base.filter(() => r() > 0.02).map((t) => (r() < 0.1 ? { ...t, note: `${name} checked`, modified: new Date(1000).toISOString() } : t));
    for (let i = 0; i < 200; i++) {
      const start = Math.floor(r() * (text.length - 200));
      tags.push(createTag(text, { kind: 'claim', start, end: start + 30, author: name, now }));
    }
    return tags;
  };
  const file = (tags: Tag[]) => serializeSidecar({ format: SIDECAR_FORMAT, version: SIDECAR_VERSION, document: 'bench.md', textHash: textHash(text), tags });
  return { base: file(base), ours: file(side('ana', 1)), theirs: file(side('ben', 2)) };
}

function main(): void {
  const agree = agreementBench();
  const inputs = mergeInputs();
  let conflicts = 0;
  let tags = 0;
  const core: number[] = [];
  cpu.length = 0;
  for (let i = 0; i < ROUNDS; i++) {
    core.push(time(() => {
      const r = mergeSidecarTexts(inputs.base, inputs.ours, inputs.theirs);
      if (!r.ok) throw new Error('merge failed');
      conflicts = r.conflicts.length;
      tags = r.tags;
    }));
  }
  const cli = path.resolve(__dirname, '../../dist/cli.js');
  const proc: number[] = [];
  const procCpu: number[] = [];
  if (fs.existsSync(cli)) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claim-tagger-bench-merge-'));
    try {
      for (let i = 0; i < ROUNDS; i++) {
        for (const [n, c] of Object.entries(inputs)) fs.writeFileSync(path.join(dir, n), c);
        const t0 = process.hrtime.bigint();
        // bash's `time` reports the child's CPU time (user+system) on stderr's last line.
        const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
        const cmd = `TIMEFORMAT='%U %S'; time ${q(process.execPath)} ${q(cli)} merge-driver ${['base', 'ours', 'theirs'].map((n) => q(path.join(dir, n))).join(' ')} bench.md.tags.json`;
        const r = spawnSync('bash', ['-c', cmd], { encoding: 'utf8' });
        proc.push(Number(process.hrtime.bigint() - t0) / 1e6);
        if (r.status !== 0) throw new Error(`merge-driver exit ${r.status}: ${r.stderr}`);
        const [user, sys] = r.stderr.trim().split('\n').pop()!.split(' ').map(Number);
        procCpu.push((user + sys) * 1000);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  const f = (v: number | null) => (v === null ? '—' : v.toFixed(3));
  const mergeCpu = median(cpu);
  console.log(`| what | input | wall, median of ${ROUNDS} | CPU, median | target |`);
  console.log('| --- | --- | ---: | ---: | ---: |');
  console.log(`| agreement (computeAgreement) | ${DOCS} docs × 2 annotators × ${TAGS_PER_ANNOTATOR} tags, ${agree.tokens.toLocaleString('en')} tokens (overlap F1 ${f(agree.f1)}, token κ ${f(agree.kappa)}) | ${(agree.ms / 1000).toFixed(2)} s | ${(agree.cpu / 1000).toFixed(2)} s | < 5 s |`);
  console.log(`| merge driver core (parse 3 + merge + write) | ${MERGE_TAGS.toLocaleString('en')} tags per side, ${tags.toLocaleString('en')} merged, ${conflicts} conflicts, ${(inputs.ours.length / 1e6).toFixed(1)} MB each | ${median(core).toFixed(0)} ms | ${mergeCpu.toFixed(0)} ms | < 1 s |`);
  console.log(proc.length ? `| \`node dist/cli.js merge-driver\`, whole process | same files | ${median(proc).toFixed(0)} ms | ${median(procCpu).toFixed(0)} ms | < 1 s |` : '| `node dist/cli.js merge-driver` | dist/ not built: skipped | — | — | < 1 s |');
  console.log(`\nload average at the end: ${os.loadavg().map((l) => l.toFixed(1)).join(', ')} on ${os.cpus().length} cores`);
}

main();
