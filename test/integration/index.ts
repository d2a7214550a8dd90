// extensionTestsPath module for both runners (test-electron and code-server): runs every suite in this folder.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { runMocha } from './mochaRun';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30_000, reporter: 'spec', grep: process.env.CLAIM_TAGGER_TEST_GREP || undefined });
  for (const f of fs.readdirSync(__dirname).filter((n) => n.endsWith('.test.js')).sort()) mocha.addFile(path.join(__dirname, f));
  return runMocha(mocha, 'node');
}
