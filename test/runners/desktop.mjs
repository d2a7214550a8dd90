#!/usr/bin/env node
// Desktop integration runner: the same mocha suites as the code-server runner, in VS Code desktop via
// @vscode/test-electron (which downloads VS Code on first use, so it needs internet; offline, use
// `npm run test:server`). Needs a display: on Linux without one, run it under xvfb-run.
//
//   npm run test:desktop [-- --vscode-version 1.100.3] [-- --grep RE]
import { runTests } from '@vscode/test-electron';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const argv = process.argv.slice(2);
const opt = (name) => {
  const i = argv.indexOf(`--${name}`);
  return i < 0 ? undefined : argv[i + 1];
};

for (const f of ['dist/extension.js', 'out/test/integration/index.js']) {
  if (!fs.existsSync(path.join(ROOT, f))) {
    console.error(`${f} is missing: run npm run build && npm run compile:tests first.`);
    process.exit(2);
  }
}
// A fresh copy of the fixture workspace, as the server runner does: the suites write sidecars.
const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claim-tagger-desktop-'));
const workspace = path.join(runDir, 'workspace');
fs.cpSync(path.join(ROOT, 'test/fixtures/workspace'), workspace, { recursive: true });
let code = 1;
try {
  code = await runTests({
    version: opt('vscode-version') ?? '1.100.3',
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: path.join(ROOT, 'out/test/integration/index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    extensionTestsEnv: { CLAIM_TAGGER_TEST_GREP: opt('grep') ?? '' },
  });
} catch (e) {
  console.error(`Desktop integration tests could not run: ${e?.message ?? e}`);
  console.error('They need to download VS Code; without internet use `npm run test:server` (code-server, offline).');
  code = 2;
} finally {
  fs.rmSync(runDir, { recursive: true, force: true });
}
process.exit(code);
