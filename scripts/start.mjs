#!/usr/bin/env node
// npm start: builds the extension, packs it as a .vsix, installs it into a local code-server (VS Code in the
// browser, from npm, cached in .cache/) and serves a sample workspace with the sample article open.
//
//   npm start                    # http://127.0.0.1:8080 (or the next free port)
//   PORT=9000 npm start          # another port
//   npm start -- --fresh         # start over with a clean copy of the sample workspace
//   npm start -- --web           # run the web build (dist/web/extension.js) in VS Code's web-worker extension
//                                # host, as on github.dev / vscode.dev (the desktop build otherwise)
//
// Ctrl+C stops code-server. Nothing is written outside .cache/ (your tags in the sample live there too).
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const CACHE = process.env.CLAIM_TAGGER_CACHE || path.join(ROOT, '.cache');
const CS_ENTRY = path.join(CACHE, 'code-server-4.100.3/node_modules/code-server/out/node/entry.js');
const HOME = path.join(CACHE, 'start');
const fresh = process.argv.includes('--fresh');
const web = process.argv.includes('--web');
const log = (...a) => console.log('[claim-tagger]', ...a);

const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { cwd: ROOT, stdio: 'inherit', ...opts });

log('building and packaging the extension');
run(process.execPath, ['scripts/build.mjs', '--production']);
fs.mkdirSync(HOME, { recursive: true });
const vsix = path.join(HOME, 'claim-tagger.vsix');
run(process.execPath, [path.join(ROOT, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--no-rewrite-relative-links', '--out', vsix], { stdio: ['ignore', 'ignore', 'inherit'] });
if (!fs.existsSync(path.join(CACHE, 'code-server-4.100.3/.installed'))) {
  log('installing code-server into .cache (once, about 90 s)');
  run('sh', [path.join(ROOT, 'scripts/install-code-server.sh')]);
}

const dir = (n) => {
  const p = path.join(HOME, n);
  fs.mkdirSync(p, { recursive: true });
  return p;
};
const workspace = path.join(HOME, 'workspace');
if (fresh) fs.rmSync(workspace, { recursive: true, force: true });
if (!fs.existsSync(workspace)) fs.cpSync(path.join(ROOT, 'sample'), workspace, { recursive: true });
const env = { ...process.env, XDG_CONFIG_HOME: dir('xdg/config'), XDG_DATA_HOME: dir('xdg/data'), XDG_CACHE_HOME: dir('xdg/cache'), TMPDIR: dir('tmp'), EXTENSIONS_GALLERY: '{}' };
const userSettings = path.join(dir('user-data/User'), 'settings.json');
if (!fs.existsSync(userSettings)) {
  fs.writeFileSync(userSettings, JSON.stringify({
    'workbench.startupEditor': 'none',
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'git.openRepositoryInParentFolders': 'never',
    '[plaintext]': { 'editor.wordWrap': 'on' },
    '[markdown]': { 'editor.wordWrap': 'on' },
  }, null, 2));
}
setHost(userSettings, web);
const csArgs = ['--user-data-dir', dir('user-data'), '--extensions-dir', dir('extensions')];
log('installing the .vsix into code-server');
run(process.execPath, [CS_ENTRY, ...csArgs, '--install-extension', vsix, '--force'], { env, stdio: ['ignore', 'ignore', 'inherit'] });

const port = await freePort(Number(process.env.PORT || 8080));
const cs = spawn(process.execPath, [CS_ENTRY, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry',
  '--disable-update-check', '--disable-workspace-trust', '--config', path.join(HOME, 'config.yaml'), ...csArgs, workspace], {
  cwd: HOME, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true,
});
const csLog = fs.createWriteStream(path.join(HOME, 'code-server.log'));
cs.stdout.pipe(csLog);
cs.stderr.pipe(csLog);

/** Stops code-server's whole process group: SIGTERM, then SIGKILL if it is still there after 3 s. */
async function stop(reason) {
  log(reason);
  cs.removeAllListeners('exit');
  const alive = () => cs.exitCode === null && cs.signalCode === null;
  for (const [signal, wait] of [['SIGTERM', 3000], ['SIGKILL', 1000]]) {
    if (!alive()) break;
    try {
      process.kill(-cs.pid, signal);
    } catch {
      break; // already gone
    }
    for (let t = 0; t < wait && alive(); t += 100) await new Promise((r) => setTimeout(r, 100));
  }
  process.exit(0);
}
process.on('SIGINT', () => void stop('stopping code-server'));
process.on('SIGTERM', () => void stop('stopping code-server'));
cs.on('exit', (code) => {
  log(`code-server exited (${code}); see ${path.relative(ROOT, path.join(HOME, 'code-server.log'))}`);
  process.exit(code ?? 1);
});

const base = `http://127.0.0.1:${port}`;
for (let i = 0; i < 400; i++) {
  if (await fetch(`${base}/healthz`).then((r) => r.ok, () => false)) break;
  await new Promise((r) => setTimeout(r, 150));
}
const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
const article = path.join(workspace, 'riverside-bridge.md');
const url = `${base}/?folder=${encodeURIComponent(remote(workspace))}&payload=${encodeURIComponent(JSON.stringify([['openFile', remote(article)]]))}`;
log(`Claim Tagger${web ? ' (web build, in the web-worker extension host)' : ''} is running in VS Code (code-server). Open:`);
console.log(`\n  ${url}\n`);
log('Select a sentence and press Ctrl+K Shift+C to tag a claim. Ctrl+C here stops the server.');

/**
 * Which extension host runs Claim Tagger: code-server runs an extension with both entries in its Node host unless
 * the user setting `remote.extensionKind` asks for the web worker. Set or removed on every start.
 */
function setHost(file, inWebWorker) {
  let settings;
  try {
    settings = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    log(`${path.relative(ROOT, file)} is not plain JSON: leaving it alone (add "remote.extensionKind" by hand for --web)`);
    return;
  }
  const { name, publisher } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const kinds = { ...settings['remote.extensionKind'] };
  if (inWebWorker) kinds[`${publisher}.${name}`] = ['web'];
  else delete kinds[`${publisher}.${name}`];
  if (Object.keys(kinds).length) settings['remote.extensionKind'] = kinds;
  else delete settings['remote.extensionKind'];
  fs.writeFileSync(file, JSON.stringify(settings, null, 2));
}

async function freePort(preferred) {
  const tryPort = (p) => new Promise((resolve) => {
    const s = net.createServer().once('error', () => resolve(undefined)).listen(p, '127.0.0.1', () => {
      const got = s.address().port;
      s.close(() => resolve(got));
    });
  });
  for (let p = preferred; p < preferred + 20; p++) {
    const got = await tryPort(p);
    if (got) return got;
  }
  return tryPort(0);
}
