// moveNoReplace (src/node/moveFile.ts): a sidecar moves, or stays where it was; it is never under both names and
// never replaces what is at the target. Failing system calls are injected where a real disk cannot be made to fail
// (as root, unlink in a read-only folder succeeds).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { MoveOps, moveNoReplace } from '../../../src/node/moveFile';

const errno = (code: string) => Object.assign(new Error(`${code}: injected`), { code });
const exists = (p: string) => fs.lstat(p).then(() => true, () => false);

suite('moveNoReplace: moving a sidecar on disk', () => {
  let dir: string;
  setup(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ct-move-'));
  });
  teardown(() => fs.rm(dir, { recursive: true, force: true }));

  test('moves a file into a folder that does not exist yet', async () => {
    const from = path.join(dir, 'a.md.tags.json');
    const to = path.join(dir, 'sub', 'b.md.tags.json');
    await fs.writeFile(from, 'ours');
    assert.equal(await moveNoReplace(from, to), true);
    assert.equal(await fs.readFile(to, 'utf8'), 'ours');
    assert.equal(await exists(from), false);
  });

  test('a missing source or anything at the target moves nothing', async () => {
    const from = path.join(dir, 'a.json');
    const to = path.join(dir, 'b.json');
    assert.equal(await moveNoReplace(from, to), false, 'no source');
    await fs.writeFile(from, 'ours');
    await fs.writeFile(to, 'theirs');
    assert.equal(await moveNoReplace(from, to), false, 'a file at the target');
    assert.deepEqual([await fs.readFile(from, 'utf8'), await fs.readFile(to, 'utf8')], ['ours', 'theirs']);
  });

  test('when unlink of the old name fails, the new name is taken back and the error reported', async () => {
    const from = path.join(dir, 'a.json');
    const to = path.join(dir, 'b.json');
    await fs.writeFile(from, 'ours');
    const ops: MoveOps = { ...fs, unlink: async (p) => (p === from ? Promise.reject(errno('EACCES')) : fs.unlink(p)) };
    await assert.rejects(moveNoReplace(from, to, ops), /EACCES/);
    assert.equal(await fs.readFile(from, 'utf8'), 'ours');
    assert.equal(await exists(to), false, 'not left under both names');
  });

  test('a file system without hard links falls back to rename, and still never replaces', async () => {
    const from = path.join(dir, 'a.json');
    const to = path.join(dir, 'b.json');
    await fs.writeFile(from, 'ours');
    const noLinks: MoveOps = { ...fs, link: async () => Promise.reject(errno('EPERM')) };
    assert.equal(await moveNoReplace(from, to, noLinks), true);
    assert.equal(await fs.readFile(to, 'utf8'), 'ours');
    assert.equal(await exists(from), false);

    // A file appears at the target between the first look and the rename: rename would replace it.
    await fs.writeFile(from, 'second');
    await fs.rm(to);
    const racing: MoveOps = { ...noLinks, link: async () => (await fs.writeFile(to, 'theirs'), Promise.reject(errno('EXDEV'))) };
    assert.equal(await moveNoReplace(from, to, racing), false);
    assert.deepEqual([await fs.readFile(from, 'utf8'), await fs.readFile(to, 'utf8')], ['second', 'theirs']);
  });

  test('another link error is reported and moves nothing', async () => {
    const from = path.join(dir, 'a.json');
    const to = path.join(dir, 'b.json');
    await fs.writeFile(from, 'ours');
    await assert.rejects(moveNoReplace(from, to, { ...fs, link: async () => Promise.reject(errno('EIO')) }), /EIO/);
    assert.equal(await fs.readFile(from, 'utf8'), 'ours');
    assert.equal(await exists(to), false);
  });

  test('a symbolic link moves as a link, still pointing at the same file', async function () {
    if (process.platform === 'win32') this.skip();
    await fs.writeFile(path.join(dir, 'real.json'), 'ours');
    const from = path.join(dir, 'a.json');
    const to = path.join(dir, 'b.json');
    await fs.symlink('real.json', from);
    assert.equal(await moveNoReplace(from, to), true);
    assert.equal(await fs.readlink(to), 'real.json');
    assert.equal(await exists(from), false);

    // Into another folder: a relative target is re-based, so the link still reaches the same file.
    const deeper = path.join(dir, 'sub', 'deeper', 'c.json');
    assert.equal(await moveNoReplace(to, deeper), true);
    assert.equal(await fs.readlink(deeper), path.join('..', '..', 'real.json'));
    assert.equal(await fs.readFile(deeper, 'utf8'), 'ours');
    const absolute = path.join(dir, 'abs.json');
    await fs.symlink(path.join(dir, 'real.json'), absolute);
    assert.equal(await moveNoReplace(absolute, path.join(dir, 'sub', 'abs.json')), true);
    assert.equal(await fs.readlink(path.join(dir, 'sub', 'abs.json')), path.join(dir, 'real.json'));
  });

  test('symlink() refused: a relative link moves by rename only where its target reads the same; elsewhere it stays, with the reason', async function () {
    if (process.platform === 'win32') this.skip();
    await fs.writeFile(path.join(dir, 'real.json'), 'ours');
    const noSymlinks: MoveOps = { ...fs, symlink: async () => Promise.reject(errno('EPERM')) };
    const from = path.join(dir, 'a.json');
    await fs.symlink('real.json', from);
    // Same folder: the link's text still reaches real.json.
    const renamed = path.join(dir, 'b.json');
    assert.equal(await moveNoReplace(from, renamed, noSymlinks), true);
    assert.equal(await fs.readFile(renamed, 'utf8'), 'ours');

    // Another folder: renamed as it is, 'real.json' would reach sub/real.json (missing, or another file).
    const deeper = path.join(dir, 'sub', 'c.json');
    await assert.rejects(moveNoReplace(renamed, deeper, noSymlinks), /symbolic link to real\.json.*left where it is/);
    assert.equal(await fs.readlink(renamed), 'real.json', 'left under its old name, unchanged');
    assert.equal(await exists(deeper), false);
    assert.equal(await exists(path.join(dir, 'sub')), false, 'no empty folder left where nothing moved');

    // An absolute target reads the same from anywhere: renamed.
    const absolute = path.join(dir, 'abs.json');
    await fs.symlink(path.join(dir, 'real.json'), absolute);
    assert.equal(await moveNoReplace(absolute, path.join(dir, 'sub', 'abs.json'), noSymlinks), true);
    assert.equal(await fs.readFile(path.join(dir, 'sub', 'abs.json'), 'utf8'), 'ours');
  });

  test('nothing moved: the folders made for the target are removed again, folders that were there stay', async () => {
    const from = path.join(dir, 'a.json');
    await fs.writeFile(from, 'ours');
    await fs.mkdir(path.join(dir, 'kept'));
    // A file appears at the target between the first look and link(): EEXIST, nothing moved.
    const raced: MoveOps = { ...fs, link: async () => Promise.reject(errno('EEXIST')) };
    assert.equal(await moveNoReplace(from, path.join(dir, 'kept', 'x', 'y', 'b.json'), raced), false);
    assert.deepEqual(await fs.readdir(path.join(dir, 'kept')), [], 'x/y made for the move and removed');
    // A failing move (here link() with an unexpected error) too, the error still reported.
    const failing: MoveOps = { ...fs, link: async () => Promise.reject(errno('EIO')) };
    await assert.rejects(moveNoReplace(from, path.join(dir, 'new', 'b.json'), failing), /EIO/);
    assert.equal(await exists(path.join(dir, 'new')), false);
    assert.equal(await fs.readFile(from, 'utf8'), 'ours');
  });
});
