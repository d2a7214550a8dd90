import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LockTimeoutError, lockFileFor, withFileLock } from '../../../src/util/fileLock';
import { tempDirPerTest } from './helpers';

/** A pid that is not running: above Linux's pid_max and Windows' usual range, and checked. */
function deadPid(): number {
  for (let pid = 4_194_000; ; pid++) {
    try {
      process.kill(pid, 0);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ESRCH') return pid;
    }
  }
}

suite('file lock (cross-process, O_EXCL)', () => {
  let file: string;
  tempDirPerTest((d) => {
    file = path.join(d, 'a.md.tags.json');
  });

  test('holders never overlap, and the lock file is gone afterwards', async () => {
    let inside = 0;
    let most = 0;
    const order: number[] = [];
    await Promise.all(Array.from({ length: 12 }, (_, i) => withFileLock(file, async () => {
      inside++;
      most = Math.max(most, inside);
      await new Promise((r) => setTimeout(r, Math.random() * 5));
      order.push(i);
      inside--;
    })));
    assert.equal(most, 1);
    assert.equal(order.length, 12);
    assert.ok(!fs.existsSync(lockFileFor(file)));
  });

  test('the lock file holds pid, host and time; released even when fn throws', async () => {
    await assert.rejects(withFileLock(file, async () => {
      const owner = JSON.parse(fs.readFileSync(lockFileFor(file), 'utf8'));
      assert.equal(owner.pid, process.pid);
      assert.equal(owner.host, os.hostname());
      assert.ok(Math.abs(owner.time - Date.now()) < 10_000);
      throw new Error('boom');
    }), /boom/);
    assert.ok(!fs.existsSync(lockFileFor(file)));
  });

  test('a lock left by a dead process on this host is taken over at once', async () => {
    fs.writeFileSync(lockFileFor(file), JSON.stringify({ pid: deadPid(), host: os.hostname(), time: Date.now(), token: 'x' }));
    const t0 = Date.now();
    assert.equal(await withFileLock(file, async () => 'ran', { timeoutMs: 5_000 }), 'ran');
    assert.ok(Date.now() - t0 < 4_000);
  });

  test('a lock of another host is taken over only once older than the bound', async () => {
    fs.writeFileSync(lockFileFor(file), JSON.stringify({ pid: 1, host: 'elsewhere.invalid', time: Date.now() - 120_000, token: 'x' }));
    assert.equal(await withFileLock(file, async () => 'ran', { timeoutMs: 5_000, staleMs: 60_000 }), 'ran');
    fs.writeFileSync(lockFileFor(file), JSON.stringify({ pid: 1, host: 'elsewhere.invalid', time: Date.now(), token: 'x' }));
    await assert.rejects(withFileLock(file, async () => 'ran', { timeoutMs: 300, staleMs: 60_000 }), LockTimeoutError);
  });

  test('a live holder makes others wait, then give up with a message naming it', async () => {
    fs.writeFileSync(lockFileFor(file), JSON.stringify({ pid: process.pid, host: os.hostname(), time: Date.now(), token: 'other' }));
    const err = await withFileLock(file, async () => 'ran', { timeoutMs: 300 }).then(() => undefined, (e: Error) => e);
    assert.ok(err instanceof LockTimeoutError);
    assert.match(err.message, new RegExp(`a\\.md\\.tags\\.json is being written by process ${process.pid} on .*gave up after \\d+ s.*delete .*\\.a\\.md\\.tags\\.json\\.lock`));
    // Not ours: left in place.
    assert.equal(JSON.parse(fs.readFileSync(lockFileFor(file), 'utf8')).token, 'other');
  });

  test('an empty lock file (writer killed before filling it) is stale after a short while', async () => {
    fs.writeFileSync(lockFileFor(file), '');
    const old = new Date(Date.now() - 10_000);
    fs.utimesSync(lockFileFor(file), old, old);
    assert.equal(await withFileLock(file, async () => 'ran', { timeoutMs: 3_000 }), 'ran');
  });
});
