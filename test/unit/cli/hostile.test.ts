// The hostile-input corpus: every folder test/fixtures/hostile/<case>/ with a case.json is one CLI run in a
// scratch copy of that folder, checked for its exit code, its messages, and that it changed no file it may not.
// The format is described in test/fixtures/hostile/README.md.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CLI, ROOT, cliUnavailable } from './distCli';

interface HostileCase {
  description: string;
  argv: string[];
  exit: number;
  stderr?: string;
  stdout?: string;
  stdin?: string;
  mayChange?: string[];
  setup?: string | string[];
  /** Paths that must not exist after the run (e.g. abandoned temporary files that must be cleaned up). */
  gone?: string[];
  /** Octal modes that paths must have after the run (a replaced file keeps its mode). */
  modes?: Record<string, string>;
}

const CORPUS = path.join(ROOT, 'test', 'fixtures', 'hostile');
/** A run longer than this is a hang (the CLI must refuse FIFOs and the like, never wait on them). */
const HANG_MS = 20_000;

/** Setup steps a case may name: `<step> <args...>`, paths relative to the case folder. */
const SETUP: Record<string, { posixOnly?: boolean; rootOnly?: boolean; run(dir: string, args: string[]): void }> = {
  fifo: { posixOnly: true, run: (dir, [p]) => mkfifo(path.join(dir, p)) },
  chmod: { run: (dir, [mode, p]) => fs.chmodSync(path.join(dir, p), parseInt(mode, 8)) },
  symlink: { posixOnly: true, run: (dir, [target, p]) => fs.symlinkSync(target, path.join(dir, p)) },
  // A character device (the null device's numbers) inside the case folder, so that a regression replaces this
  // node and never the system's /dev/null (needs root).
  'null-device': { posixOnly: true, rootOnly: true, run: (dir, [p]) => mknodNull(path.join(dir, p)) },
  mkdir: { run: (dir, [p]) => fs.mkdirSync(path.join(dir, p), { recursive: true }) },
  // Gives the path to a user id that is not ours (needs root to do so).
  'chown-other': { posixOnly: true, rootOnly: true, run: (dir, [p]) => fs.chownSync(path.join(dir, p), 54321, 54321) },
  // `brackets <path> <count>`: a file of <count> '[' (deep nesting without committing a big file).
  brackets: { run: (dir, [p, n]) => fs.writeFileSync(path.join(dir, p), '['.repeat(Number(n))) },
  // `fill <path> <bytes> <text...>`: <text> repeated up to <bytes> bytes.
  fill: { run: (dir, [p, n, ...words]) => fs.writeFileSync(path.join(dir, p), fill(words.join(' ') + '\n', Number(n))) },
};

function fill(unit: string, bytes: number): string {
  return unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
}

function mknodNull(p: string): void {
  const r = spawnSync('mknod', ['-m', '666', p, 'c', '1', '3']);
  if (r.status !== 0) throw new Error(`mknod ${p} failed: ${r.stderr}`);
}

function mkfifo(p: string): void {
  const r = spawnSync('mkfifo', [p]);
  if (r.status !== 0) throw new Error(`mkfifo ${p} failed: ${r.stderr}`);
}

/** Why the case cannot run here, or undefined. */
function unsupported(steps: string[]): string | undefined {
  for (const s of steps) {
    const step = SETUP[s.split(' ')[0]];
    if (!step) return undefined; // reported as a failure by the test itself
    if (step.posixOnly && process.platform === 'win32') return `setup "${s}" needs a POSIX system`;
    if (step.rootOnly && process.getuid?.() !== 0) return `setup "${s}" needs root`;
  }
  return undefined;
}

type Snapshot = Map<string, string>;

/** Every entry below `dir` (symlinks not followed, FIFOs not opened): its kind, mode and content hash. */
function snapshot(dir: string, rel = '', out: Snapshot = new Map()): Snapshot {
  for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    const abs = path.join(dir, r);
    const st = fs.lstatSync(abs);
    const mode = (st.mode & 0o7777).toString(8);
    if (st.isSymbolicLink()) out.set(r, `link -> ${fs.readlinkSync(abs)}`);
    else if (st.isDirectory()) {
      out.set(r, `dir ${mode}`);
      snapshot(dir, r, out);
    } else if (st.isFile()) out.set(r, `file ${mode} uid ${st.uid} ${crypto.createHash('sha256').update(fs.readFileSync(abs)).digest('hex')}`);
    else out.set(r, `special ${mode}`);
  }
  return out;
}

function globToRegExp(glob: string): RegExp {
  return new RegExp(`^${glob.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')}$`);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const cases = fs.existsSync(CORPUS)
  ? fs.readdirSync(CORPUS, { withFileTypes: true }).filter((e) => e.isDirectory() && fs.existsSync(path.join(CORPUS, e.name, 'case.json'))).map((e) => e.name).sort()
  : [];

suite('cli: hostile inputs (test/fixtures/hostile)', function () {
  this.timeout(HANG_MS + 30_000);
  let skipReason: string | undefined;
  suiteSetup(function () {
    this.timeout(180_000);
    skipReason = cliUnavailable();
    if (skipReason) console.warn(`    hostile corpus skipped: ${skipReason}`);
  });

  test('the corpus holds at least 40 cases', () => {
    assert.ok(cases.length >= 40, `only ${cases.length} cases in ${CORPUS}`);
  });

  for (const name of cases) {
    test(name, function () {
      if (skipReason) this.skip();
      const spec = JSON.parse(fs.readFileSync(path.join(CORPUS, name, 'case.json'), 'utf8')) as HostileCase;
      assert.ok(typeof spec.description === 'string' && Array.isArray(spec.argv) && Number.isInteger(spec.exit), `${name}/case.json needs description, argv and exit`);
      const steps = spec.setup === undefined ? [] : Array.isArray(spec.setup) ? spec.setup : [spec.setup];
      const why = unsupported(steps);
      if (why) {
        console.warn(`      skipped ${name}: ${why}`);
        this.skip();
      }
      const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `hostile-${name}-`)));
      try {
        fs.cpSync(path.join(CORPUS, name), dir, { recursive: true });
        fs.rmSync(path.join(dir, 'case.json'));
        for (const s of steps) {
          const [step, ...args] = s.split(' ');
          assert.ok(SETUP[step], `${name}: unknown setup step "${step}" (known: ${Object.keys(SETUP).join(', ')})`);
          SETUP[step].run(dir, args);
        }
        const sub = (s: string) => s.split('{dir}').join(dir);
        const subRe = (s: string) => new RegExp(s.split('{dir}').join(escapeRegExp(dir)));
        const before = snapshot(dir);
        const r = spawnSync(process.execPath, [CLI, ...spec.argv.map(sub)], {
          cwd: dir, input: spec.stdin ?? '', encoding: 'utf8', timeout: HANG_MS, env: { ...process.env, NO_COLOR: '1' },
        });
        assert.ok(!r.error, `${name}: ${r.error?.message} (a hang or a crash)`);
        const shown = `\n--- stdout:\n${r.stdout.slice(0, 2000)}\n--- stderr:\n${r.stderr.slice(0, 2000)}`;
        assert.equal(r.status, spec.exit, `${name}: exit code${shown}`);
        assert.doesNotMatch(r.stderr, /^\s+at .+:\d+:\d+\)?$/m, `${name}: a stack trace instead of a message${shown}`);
        if (spec.stderr !== undefined) assert.match(r.stderr, subRe(spec.stderr), `${name}: stderr${shown}`);
        if (spec.stdout !== undefined) assert.match(r.stdout, subRe(spec.stdout), `${name}: stdout${shown}`);
        const allowed = (spec.mayChange ?? []).map(globToRegExp);
        const after = snapshot(dir);
        const changed = [...new Set([...before.keys(), ...after.keys()])]
          .filter((k) => before.get(k) !== after.get(k) && !allowed.some((re) => re.test(k)));
        assert.deepEqual(changed, [], `${name}: files changed that must keep their bytes${shown}`);
        for (const p of spec.gone ?? []) assert.ok(!after.has(p), `${name}: ${p} must be gone${shown}`);
        for (const [p, mode] of Object.entries(spec.modes ?? {})) {
          if (process.platform === 'win32') break;
          assert.equal((fs.statSync(path.join(dir, p)).mode & 0o7777).toString(8).padStart(4, '0'), mode.padStart(4, '0'), `${name}: mode of ${p}`);
        }
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
