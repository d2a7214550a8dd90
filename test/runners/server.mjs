#!/usr/bin/env node
// Offline integration runner: the mocha suites of test/integration run inside a real VS Code extension host,
// served by code-server (VS Code's server build, from npm) and driven by headless Debian Chromium.
//
//   node test/runners/server.mjs [--web] [--grep RE] [--screenshots] [--keep] [--timeout SECONDS]
//                                [--extension DIR] [--tests FILE]
//
// Two hosts, one harness: by default the extension ("main") and out/test/integration run in the Node extension
// host; with --web, a user setting (remote.extensionKind: web) moves the extension ("browser") into the workbench's
// web-worker host, and the tests run there too, from a browser bundle of the portable suites (test/web/index.ts,
// built per run by test/web/build.mjs so --grep reaches it). --extension runs another extension folder (e.g. a
// throwaway web-only one) with the same harness.
//
// Exit code: the suite's (0 all passed, 1 failures), 2 harness error, 3 timeout.
// Every process it starts is killed by process group; every file it writes stays in test/.runs/ (removed
// unless --keep) or the code-server cache in .cache/ (see scripts/install-code-server.sh).
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { buildWebTests } from '../web/build.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CACHE = process.env.CLAIM_TAGGER_CACHE || path.join(ROOT, '.cache');
const CS_HOME = path.join(CACHE, 'code-server-4.100.3');
const CS_ENTRY = path.join(CS_HOME, 'node_modules/code-server/out/node/entry.js');
const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
const EXIT_HARNESS = 2;
const EXIT_TIMEOUT = 3;

const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i < 0 ? dflt : argv[i + 1];
};
const keep = argv.includes('--keep');
const screenshots = argv.includes('--screenshots') || process.env.CLAIM_TAGGER_SCREENSHOTS === '1';
const timeoutMs = 1000 * Number(opt('timeout', 900));
const grep = opt('grep');
const web = argv.includes('--web');
const extensionDir = path.resolve(opt('extension', ROOT));
const manifest = JSON.parse(fs.readFileSync(path.join(extensionDir, 'package.json'), 'utf8'));
const extensionId = `${manifest.publisher}.${manifest.name}`;
const t0 = Date.now();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const note = (...a) => console.error(`[server-runner +${((Date.now() - t0) / 1e3).toFixed(1)}s]`, ...a);

if (!fs.existsSync(CHROMIUM)) {
  console.error(`Chromium not found at ${CHROMIUM}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_BIN.`);
  process.exit(EXIT_HARNESS);
}
if (!fs.existsSync(path.join(CS_HOME, '.installed'))) {
  note('installing code-server into the cache (once)');
  execFileSync('sh', [path.join(ROOT, 'scripts/install-code-server.sh')], { stdio: 'inherit' });
}
if (web && !manifest.browser) {
  console.error(`${path.join(extensionDir, 'package.json')} has no "browser" entry: there is no web build to test.`);
  process.exit(EXIT_HARNESS);
}
const entry = web ? manifest.browser : manifest.main;
const needed = [path.join(extensionDir, entry), ...(web ? [] : [path.join(ROOT, 'out/test/integration/index.js')])];
for (const f of needed.filter((n) => !fs.existsSync(n) && !fs.existsSync(`${n}.js`))) {
  console.error(`${path.relative(ROOT, f)} is missing: run npm run build && npm run compile:tests first (npm test does both).`);
  process.exit(EXIT_HARNESS);
}

fs.mkdirSync(path.join(ROOT, 'test/.runs'), { recursive: true });
const runDir = fs.mkdtempSync(path.join(ROOT, 'test/.runs/run-'));
const dir = (n) => {
  const p = path.join(runDir, n);
  fs.mkdirSync(p, { recursive: true });
  return p;
};
// The suites write sidecars: give them a fresh copy of the fixture workspace every run.
const workspace = dir('workspace');
fs.cpSync(path.join(ROOT, 'test/fixtures/workspace'), workspace, { recursive: true });
const shotDir = dir('shots');
const env = {
  ...process.env,
  XDG_CONFIG_HOME: dir('xdg/config'),
  XDG_DATA_HOME: dir('xdg/data'),
  XDG_CACHE_HOME: dir('xdg/cache'),
  TMPDIR: dir('tmp'),
};
fs.writeFileSync(path.join(dir('user-data/User'), 'settings.json'), JSON.stringify({
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'workbench.tips.enabled': false,
  'window.commandCenter': false,
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  // VS Code's web workbench (code-server's too) saves after a 1 s delay by default, the desktop never: tests that
  // keep a document dirty (revert, close without saving) would race that save on a loaded machine.
  'files.autoSave': 'off',
  // The web run: the extension under test goes to the web-worker host even though it also has a "main".
  ...(web ? { 'remote.extensionKind': { [extensionId]: ['web'] } } : {}),
}));

const kids = [];
function start(name, cmd, args, options) {
  // Own process group, so kill(-pid) also reaches the helpers it spawns.
  const child = spawn(cmd, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], ...options });
  kids.push(child);
  note(`started ${name} (pid ${child.pid})`);
  return child;
}
const alive = (c) => c.exitCode === null && c.signalCode === null;
async function cleanup() {
  for (const c of kids.splice(0).reverse()) {
    if (alive(c)) try { process.kill(-c.pid, 'SIGTERM'); } catch { /* gone */ }
    for (let i = 0; i < 30 && alive(c); i++) await sleep(100);
    if (alive(c)) try { process.kill(-c.pid, 'SIGKILL'); } catch { /* gone */ }
  }
  if (!keep) fs.rmSync(runDir, { recursive: true, force: true });
}
for (const s of ['SIGINT', 'SIGTERM']) process.on(s, () => cleanup().then(() => process.exit(130)));

async function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function main() {
  const port = await freePort();
  const cs = start('code-server', process.execPath, [CS_ENTRY, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--ignore-last-opened',
    '--config', path.join(runDir, 'config.yaml'), '--user-data-dir', dir('user-data'), '--extensions-dir', dir('extensions')], {
    cwd: runDir,
    env: {
      ...env,
      EXTENSIONS_GALLERY: '{}', // no marketplace look-ups
      CLAIM_TAGGER_SHOT_DIR: shotDir,
      CLAIM_TAGGER_TEST_GREP: grep ?? '',
    },
  });
  const csLog = fs.createWriteStream(path.join(runDir, 'code-server.log'));
  cs.stdout.pipe(csLog);
  cs.stderr.pipe(csLog);
  const base = `http://127.0.0.1:${port}`;
  const started = Date.now(); // not t0: a first run spends minutes installing code-server before this
  for (let ok = false; !ok; ok || (await sleep(150))) {
    if (!alive(cs) || Date.now() - started > 90e3) throw new Error(`code-server did not start; see ${path.join(runDir, 'code-server.log')} (run with --keep)`);
    ok = await fetch(`${base}/healthz`).then((r) => r.ok, () => false);
  }
  note(`code-server ready at ${base}`);

  const chrome = start('chromium', CHROMIUM, ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
    `--user-data-dir=${dir('chromium-profile')}`, '--remote-debugging-port=0', 'about:blank'], { env: { ...env, HOME: dir('chromium-home') } });
  const ws = await new Promise((resolve, reject) => {
    let buf = '';
    const timer = setTimeout(() => reject(new Error('no DevTools endpoint from chromium')), 30e3);
    chrome.stderr.on('data', (c) => {
      buf += c;
      const m = buf.match(/DevTools listening on (ws:\S+)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
  });
  const browser = await chromium.connectOverCDP(ws);
  const page = await browser.contexts()[0].newPage();
  await page.setViewportSize({ width: 1400, height: 860 });

  // The web workbench calls these in extension-test mode (as VS Code's own browser integration tests do):
  // the log hook carries the extension host's console (mocha's reporter), the exit hook its result.
  const NOISE = /^(Resolv(ing|ed) connection token|Creating a socket|Updating additional builtin|\[Service Worker\]|ChatSessionStore|Ignoring fetching additional|Creation of workbench contribution|%c)/;
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const a = [].concat(args);
    if (!process.env.SHOW_ALL_LOGS && NOISE.test(String(a[0]))) return;
    (type === 'error' || type === 'warn' ? console.error : console.log)(...a);
  });
  let exit;
  const exited = new Promise((r) => { exit = r; });
  await page.exposeFunction('codeAutomationExit', (code) => exit(code));
  // Screenshot handshake: a test writes <shotDir>/<name>.request and waits for <name>.done. The request stays in
  // place (renaming it raced with workspace.fs, which reads a file back right after writing it).
  const handled = new Set();
  const shooter = setInterval(async () => {
    for (const f of fs.readdirSync(shotDir).filter((n) => n.endsWith('.request') && !handled.has(n))) {
      handled.add(f);
      const name = f.slice(0, -'.request'.length);
      if (screenshots) {
        const target = path.join(ROOT, 'media/screenshots', `${name}.png`);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        await sleep(400);
        await page.screenshot({ path: target }).then(() => note(`screenshot -> ${path.relative(ROOT, target)}`), (e) => note('screenshot failed', e.message));
      }
      fs.writeFileSync(path.join(shotDir, `${name}.done`), '');
    }
  }, 100);

  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', remote(extensionDir)],
    ['extensionTestsPath', remote(await testsPath())],
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ]);
  await page.goto(`${base}/?folder=${encodeURIComponent(remote(workspace))}&payload=${encodeURIComponent(payload)}`);
  const code = await Promise.race([exited, sleep(timeoutMs).then(() => 'timeout')]);
  clearInterval(shooter);
  await browser.close().catch(() => {});
  if (code === 'timeout') {
    note(`timed out after ${timeoutMs / 1000} s`);
    return EXIT_TIMEOUT;
  }
  note(`extension host exit code: ${code}`);
  return Number.isInteger(code) ? code : EXIT_HARNESS;
}

/** The tests module: the Node suites as compiled by tsc, or (--web) this run's browser bundle of the web suites. */
async function testsPath() {
  const custom = opt('tests');
  if (custom) return path.resolve(custom);
  if (!web) return path.join(ROOT, 'out/test/integration/index.js');
  const outfile = path.join(runDir, 'web-tests/index.js');
  await buildWebTests({ outfile, env: { CLAIM_TAGGER_TEST_GREP: grep ?? '', CLAIM_TAGGER_SHOT_DIR: shotDir } });
  note(`web test bundle built (${(fs.statSync(outfile).size / 1024).toFixed(0)} KB)`);
  return outfile;
}

let rc = EXIT_HARNESS;
try {
  rc = await main();
} catch (e) {
  note('harness error:', e?.stack || e);
}
if (rc !== 0 && keep) note(`logs kept in ${runDir}`);
await cleanup();
process.exit(rc);
