import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { removeAbandonedTemps, updateFileAtomic, writeFileAtomic } from '../../../src/util/atomicWrite';
import { tempDirPerTest } from './helpers';

const posix = process.platform !== 'win32';

suite('atomic write', () => {
  let dir: string;
  let file: string;
  tempDirPerTest((d) => {
    dir = d;
    file = path.join(d, 'a.md.tags.json');
  });

  test('writes chunks in order, creates folders, leaves no temporary file', async () => {
    const nested = path.join(dir, 'x', 'y', 'r.md');
    await writeFileAtomic(nested, ['# a\n', '', 'b\n', 'c'.repeat(100_000)]);
    assert.equal(fs.readFileSync(nested, 'utf8'), `# a\nb\n${'c'.repeat(100_000)}`);
    assert.deepEqual(fs.readdirSync(path.dirname(nested)), ['r.md']);
  });

  test('a replaced file keeps its mode (0600 stays private, 0640 stays group-readable)', function () {
    if (!posix) this.skip();
    return (async () => {
      for (const mode of [0o600, 0o640, 0o604]) {
        fs.writeFileSync(file, 'old');
        fs.chmodSync(file, mode);
        await writeFileAtomic(file, 'new');
        assert.equal(fs.statSync(file).mode & 0o777, mode);
        assert.equal(fs.readFileSync(file, 'utf8'), 'new');
      }
    })();
  });

  test('a replaced file keeps its owner where the process may set it', function () {
    if (!posix || process.getuid?.() !== 0) this.skip();
    return (async () => {
      fs.writeFileSync(file, 'old');
      fs.chownSync(file, 54321, 54322);
      fs.chmodSync(file, 0o600);
      await writeFileAtomic(file, 'new');
      const st = fs.statSync(file);
      assert.deepEqual([st.uid, st.gid, st.mode & 0o777], [54321, 54322, 0o600]);
    })();
  });

  test('a symlinked file is written through its link; FIFOs and folders are refused', async function () {
    if (!posix) this.skip();
    const real = path.join(dir, 'real.json');
    fs.writeFileSync(real, 'old');
    fs.symlinkSync(real, file);
    await writeFileAtomic(file, 'new');
    assert.ok(fs.lstatSync(file).isSymbolicLink());
    assert.equal(fs.readFileSync(real, 'utf8'), 'new');
    const fifo = path.join(dir, 'pipe');
    assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
    await assert.rejects(writeFileAtomic(fifo, 'x'), /named pipe \(FIFO\), not a regular file/);
    assert.ok(fs.statSync(fifo).isFIFO());
    await assert.rejects(writeFileAtomic(dir, 'x'), /a folder, not a regular file/);
  });

  test('temporary files of our naming left by dead writers go on the next write; others stay', async () => {
    fs.writeFileSync(file, 'old');
    const dead = path.join(dir, '.a.md.tags.json.4194999.lx1abc0.tmp');
    const live = path.join(dir, `.a.md.tags.json.${process.pid}.lx1abc0.tmp`);
    const foreign = path.join(dir, '.a.md.tags.json.notours.tmp');
    const otherFile = path.join(dir, '.b.md.tags.json.4194999.lx1abc0.tmp');
    for (const f of [dead, live, foreign, otherFile]) fs.writeFileSync(f, 'partial');
    await writeFileAtomic(file, 'new');
    assert.deepEqual([dead, live, foreign, otherFile].map((f) => fs.existsSync(f)), [false, true, true, true]);
    const old = new Date(Date.now() - 2 * 3600_000);
    fs.utimesSync(live, old, old);
    assert.deepEqual(await removeAbandonedTemps(file), [live]);
  });

  test('a change made by another writer between read and rename is produced again, not overwritten', async () => {
    fs.writeFileSync(file, 'v1');
    const seen: (string | undefined)[] = [];
    await updateFileAtomic(file, (current) => {
      seen.push(current);
      // Another writer (one that takes no lock) replaces the file while we write ours.
      if (seen.length === 1) fs.writeFileSync(file, 'v2');
      return `${current}+ours`;
    });
    assert.deepEqual(seen, ['v1', 'v2']);
    assert.equal(fs.readFileSync(file, 'utf8'), 'v2+ours');
  });
});
