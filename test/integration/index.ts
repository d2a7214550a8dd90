// extensionTestsPath module for both runners (test-electron and code-server): runs every suite in this folder.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30_000, reporter: 'spec', grep: process.env.CLAIM_TAGGER_TEST_GREP || undefined });
  for (const f of fs.readdirSync(__dirname).filter((n) => n.endsWith('.test.js')).sort()) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    let passed = 0;
    let pending = 0;
    const runner = mocha.run((failures) => {
      // One machine-readable line for scripts/test-all.mjs, which sums unit and integration results (the web run,
      // test/web/index.ts, prints the same line with mode=web).
      console.log(`##INTEGRATION mode=node passed=${passed} failed=${failures} pending=${pending}`);
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed.`));
      else resolve();
    });
    runner.on('pass', () => passed++);
    runner.on('pending', () => pending++);
  });
}
