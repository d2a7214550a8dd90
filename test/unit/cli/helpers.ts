// Runs CLI commands in memory: captured stdout/stderr, real files in a temporary folder.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { main } from '../../../src/cli/main';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(args: string[], stdin = ''): Promise<CliRun> {
  const out = new PassThrough();
  const err = new PassThrough();
  const chunks = { out: [] as Buffer[], err: [] as Buffer[] };
  out.on('data', (c: Buffer) => chunks.out.push(c));
  err.on('data', (c: Buffer) => chunks.err.push(c));
  const input = new PassThrough();
  input.end(stdin);
  const code = await main(args, { stdin: input, stdout: out, stderr: err, readFile: (p) => fs.promises.readFile(p, 'utf8') });
  return { code, stdout: Buffer.concat(chunks.out).toString(), stderr: Buffer.concat(chunks.err).toString() };
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'claim-tagger-test-'));
}

/** Inside a suite: a fresh temporary folder for every test, handed to `onCreate`, removed after the test. */
export function tempDirPerTest(onCreate: (dir: string) => void): void {
  let dir = '';
  setup(() => {
    dir = tempDir();
    onCreate(dir);
  });
  teardown(() => fs.rmSync(dir, { recursive: true, force: true }));
}
