// Concurrent writers on one sidecar, long version: W `claim-tagger tag` processes x R rounds each, then a
// kill -9 loop. Checks that no tag a writer reported is missing, that no temporary or lock file is left, and
// that the sidecar parses after every kill; writes its figures into bench/RESULTS.md (section "Concurrent writers").
//
//   npm run bench -- stress [--writers=8] [--rounds=100] [--kills=50]
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseSidecar } from '../src/core/sidecar/format';
import { CLI, cliUnavailable } from '../test/unit/cli/distCli';
import { leftovers, runCli, stress, stressDocument } from '../test/unit/cli/stressRun';

const arg = (name: string, dflt: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? dflt);
const WRITERS = arg('writers', 8);
const ROUNDS = arg('rounds', 100);
const KILLS = arg('kills', 50);
const RESULTS = path.resolve(__dirname, '../../bench/RESULTS.md');

async function killLoop(dir: string, kills: number): Promise<{ killed: number; midway: number; invalid: number; left: string[] }> {
  const { text, range } = stressDocument(kills + 400);
  fs.writeFileSync(path.join(dir, 'story.txt'), text);
  for (let i = 0; i < 200; i++) await runCli(CLI, ['tag', 'story.txt', '--kind', 'claim', '--range', range(i)], dir);
  let midway = 0;
  let invalid = 0;
  for (let i = 0; i < kills; i++) {
    const p = spawn(process.execPath, [CLI, 'tag', 'story.txt', '--kind', 'claim', '--range', range(200 + i)], { cwd: dir, stdio: 'ignore' });
    await new Promise((r) => setTimeout(r, 30 + ((i * 53) % 250)));
    if (p.exitCode === null) midway++;
    p.kill('SIGKILL');
    await new Promise((r) => p.once('close', r));
    if (!parseSidecar(fs.readFileSync(path.join(dir, 'story.txt.tags.json'), 'utf8')).ok) invalid++;
  }
  await runCli(CLI, ['tag', 'story.txt', '--kind', 'opinion', '--range', range(kills + 399)], dir);
  return { killed: kills, midway, invalid, left: leftovers(dir) };
}

async function main(): Promise<void> {
  const why = cliUnavailable();
  if (why) throw new Error(why);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ct-stress-'));
  const kdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ct-kill-'));
  try {
    const r = await stress(CLI, dir, WRITERS, ROUNDS);
    const k = process.platform === 'win32' ? undefined : await killLoop(kdir, KILLS);
    const load = os.loadavg()[0].toFixed(1);
    const rows = [
      '| Writers | Rounds each | Tags reported written | Tags lost | Failed runs | Temp/lock files left | Wall time |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      `| ${r.writers} | ${r.rounds} | ${r.reported} | **${r.lost.length}** | ${r.failures.length} | **${r.tempFilesLeft.length}** | ${(r.ms / 1000).toFixed(1)} s |`,
    ];
    const killRow = k
      ? `kill -9 loop (sidecar of 200 tags): ${k.killed} writers killed (${k.midway} while still running), sidecar invalid after a kill: **${k.invalid}** times, temporary or lock files left after the next write: **${k.left.length}**.`
      : 'kill -9 loop: skipped on Windows.';
    const section = [
      '<!-- stress:begin -->',
      '## Concurrent writers: `npm run bench -- stress`',
      '',
      `${r.writers} \`claim-tagger tag\` processes (the bundled dist/cli.js) each add ${r.rounds} tags, one after another, to the same`,
      'sidecar at the same time; a tag counts as lost when its writer printed its id but the final sidecar lacks it.',
      `Run with \`--writers=${WRITERS} --rounds=${ROUNDS} --kills=${KILLS}\` on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${os.cpus().length} vCPU, load average ${load} at the end.`,
      '',
      ...rows,
      '',
      killRow,
      r.failures.length ? `\nFailures: ${r.failures.slice(0, 5).join('; ')}` : '',
      '<!-- stress:end -->',
    ].join('\n');
    console.log(section);
    const old = fs.readFileSync(RESULTS, 'utf8');
    const re = /<!-- stress:begin -->[\s\S]*?<!-- stress:end -->/;
    fs.writeFileSync(RESULTS, re.test(old) ? old.replace(re, section) : `${old.trimEnd()}\n\n${section}\n`);
    if (r.lost.length || r.tempFilesLeft.length || r.failures.length || (k && (k.invalid || k.left.length))) process.exitCode = 1;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(kdir, { recursive: true, force: true });
  }
}

void main().catch((e: Error) => {
  console.error(e.message);
  process.exitCode = 1;
});
