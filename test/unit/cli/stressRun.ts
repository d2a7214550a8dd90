// Concurrent `claim-tagger tag` processes on one sidecar, shared by the unit test (short) and
// `npm run bench -- stress` (long): every writer tags its own ranges; afterwards every id it printed must be in
// the sidecar, and no temporary or lock file may be left.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface StressResult {
  writers: number;
  rounds: number;
  reported: number;
  lost: string[];
  tempFilesLeft: string[];
  failures: string[];
  ms: number;
}

export function runCli(cli: string, args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [cli, ...args], { cwd });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A document with `n` distinct words, one per writer×round, so each tag has its own range. */
export function stressDocument(n: number): { text: string; range(i: number): string } {
  const words = Array.from({ length: n }, (_, i) => `w${i.toString(36).padStart(4, '0')}`);
  const text = words.join(' ') + '\n';
  return { text, range: (i) => `${i * 6}:${i * 6 + 5}` };
}

/** Our temporary files and lock files left in `dir`. */
export function leftovers(dir: string): string[] {
  return fs.readdirSync(dir).filter((f) => /\.tmp$|\.lock$|\.lock\.break$/.test(f));
}

export async function stress(cli: string, dir: string, writers: number, rounds: number, extra?: (round: number) => Promise<void>): Promise<StressResult> {
  const { text, range } = stressDocument(writers * rounds);
  const doc = path.join(dir, 'story.txt');
  fs.writeFileSync(doc, text);
  const ids: string[] = [];
  const failures: string[] = [];
  const t0 = Date.now();
  await Promise.all([
    ...Array.from({ length: writers }, async (_, w) => {
      for (let r = 0; r < rounds; r++) {
        const res = await runCli(cli, ['tag', 'story.txt', '--kind', 'claim', '--range', range(w * rounds + r)], dir);
        if (res.code === 0) ids.push(res.stdout.trim());
        else failures.push(`writer ${w} round ${r}: exit ${res.code}: ${res.stderr.trim()}`);
      }
    }),
    ...(extra ? Array.from({ length: rounds }, (_, r) => extra(r)) : []),
  ]);
  const ms = Date.now() - t0;
  const sidecar = JSON.parse(fs.readFileSync(doc + '.tags.json', 'utf8')) as { tags: { id: string }[] };
  const stored = new Set(sidecar.tags.map((t) => t.id));
  return { writers, rounds, reported: ids.length, lost: ids.filter((id) => !stored.has(id)), tempFilesLeft: leftovers(dir), failures, ms };
}
