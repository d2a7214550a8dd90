// Output of the CLI when the reader goes away or the disk is full, and the chunked writer.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { writeOutput } from '../../../src/cli/output';
import { CLI, cliUnavailable } from './distCli';
import { tempDir } from './helpers';

function article(lines: number): string {
  return Array.from({ length: lines }, (_, i) => `Officials said prices rose ${i} percent, a disgraceful outcome.`).join('\n');
}

suite('cli: output', function () {
  this.timeout(120_000);
  let dir: string;
  setup(() => (dir = tempDir()));
  teardown(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('writeOutput writes a string or a sequence of chunks in order, waiting for each', async () => {
    const got: string[] = [];
    const slow = new Writable({ highWaterMark: 4, write: (c: Buffer, _e, cb) => setTimeout(() => (got.push(c.toString()), cb()), 1) });
    await writeOutput(slow, 'one');
    function* parts() {
      yield 'a';
      yield '';
      yield 'b'.repeat(10);
    }
    await writeOutput(slow, parts());
    assert.deepEqual(got, ['one', 'a', 'bbbbbbbbbb']);
    const broken = new PassThrough();
    broken.destroy();
    await assert.rejects(writeOutput(broken, 'x'), (e: NodeJS.ErrnoException) => e.code === 'ERR_STREAM_DESTROYED');
  });

  function runClosedEarly(args: string[]): Promise<{ code: number | null; stderr: string }> {
    return new Promise((resolve) => {
      const p = spawn(process.execPath, [CLI, ...args], { cwd: dir });
      let stderr = '';
      p.stderr.on('data', (d) => (stderr += d));
      // `| head -c1`: read one chunk, then close the pipe while the CLI is still writing.
      p.stdout.once('data', () => p.stdout.destroy());
      p.on('close', (code) => resolve({ code, stderr }));
    });
  }

  test('stdout closed by the reader (report | head -c1): exit 0, no message, no stack trace', async function () {
    if (cliUnavailable()) this.skip();
    fs.writeFileSync(path.join(dir, 'a.txt'), article(20_000));
    for (const args of [['suggest', 'a.txt'], ['report', 'a.txt', '--format', 'html']]) {
      const r = await runClosedEarly(args);
      assert.equal(r.stderr, '', args.join(' '));
      assert.equal(r.code, 0, args.join(' '));
    }
  });

  test('any other write error (a full disk) exits 2 with a message', async function () {
    if (cliUnavailable() || !fs.existsSync('/dev/full')) this.skip();
    fs.writeFileSync(path.join(dir, 'a.txt'), article(2_000));
    const full = fs.openSync('/dev/full', 'w');
    try {
      const code = await new Promise<number | null>((resolve) => {
        const p = spawn(process.execPath, [CLI, 'report', 'a.txt', '--format', 'md'], { cwd: dir, stdio: ['ignore', full, 'pipe'] });
        let stderr = '';
        p.stderr!.on('data', (d) => (stderr += d));
        p.on('close', (c) => {
          assert.match(stderr, /cannot write the report: ENOSPC/);
          assert.doesNotMatch(stderr, /^\s+at /m);
          resolve(c);
        });
      });
      assert.equal(code, 2);
    } finally {
      fs.closeSync(full);
    }
  });
});
