// exactExists (src/store/exactName.ts): on a simulated case-insensitive, normalization-blind file system, a path
// counts as present only under the name its folder lists.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { NameOps, exactExists, exactUnder, matchedBy } from '../../src/store/exactName';

/** A file system holding `files` (paths) whose stat ignores case and Unicode normalization, as APFS and NTFS do. */
function insensitive(files: readonly string[]): NameOps<string> & { listed: string[] } {
  const fold = (p: string) => p.normalize('NFC').toLowerCase();
  const folded = new Set(files.map(fold));
  const folderOf = (p: string) => p.slice(0, p.lastIndexOf('/'));
  const listed: string[] = [];
  return {
    listed,
    exists: async (p) => folded.has(fold(p)) || files.some((f) => fold(f).startsWith(`${fold(p)}/`)),
    // The names right under the folder, files and subfolders alike, as stored.
    siblings: async (p) => {
      const folder = fold(folderOf(p));
      listed.push(folder);
      const depth = folderOf(p).split('/').length;
      const names = files.map((f) => f.split('/')).filter((s) => s.length > depth && fold(s.slice(0, depth).join('/')) === folder).map((s) => s[depth]);
      return [...new Set(names)];
    },
    folderOf: (p) => fold(folderOf(p)),
    nameOf: (p) => p.slice(p.lastIndexOf('/') + 1),
  };
}

suite('exactExists (a name confirmed in its folder on case-insensitive systems)', () => {
  test('a case-only rename: the old name is gone although its stat succeeds', async () => {
    const fs = insensitive(['/ws/report.md', '/ws/report.md.tags.json']);
    const check = exactExists(fs);
    assert.equal(await fs.exists('/ws/Report.md.tags.json'), true, 'the simulated stat is case-blind');
    assert.equal(await check('/ws/Report.md.tags.json'), false);
    assert.equal(await check('/ws/Report.md'), false);
    assert.equal(await check('/ws/report.md'), true);
    assert.deepEqual(fs.listed, ['/ws'], 'the folder is listed once for the batch');
  });

  test('a normalization-only rename (NFD on disk, NFC asked): gone under the old form', async () => {
    const nfd = '/ws/cafe\u0301.md';
    const check = exactExists(insensitive([nfd]));
    assert.equal(await check('/ws/caf\u00e9.md'), false);
    assert.equal(await check(nfd), true);
  });

  test('present exactly when the very name is on disk (any case mix)', async () => {
    const name = fc.stringMatching(/^[a-cA-C]{1,3}$/);
    await fc.assert(fc.asyncProperty(fc.uniqueArray(name, { maxLength: 5, selector: (n) => n.toLowerCase() }), name, async (names, asked) => {
      const files = names.map((n) => `/ws/d/${n}`);
      assert.equal(await exactExists(insensitive(files))(`/ws/d/${asked}`), files.includes(`/ws/d/${asked}`));
    }));
  });

  test('a folder that cannot be listed trusts the stat (nothing dropped on a doubt)', async () => {
    const check = exactExists<string>({ exists: async () => true, siblings: async () => Promise.reject(new Error('EACCES')), folderOf: () => '/ws', nameOf: () => 'a' });
    assert.equal(await check('/ws/a'), true);
  });

  test('a folder renamed by case only (git mv Drafts drafts): a file under the old name is gone, its folder confirmed once', async () => {
    const fs = insensitive(['/ws/drafts/a.md', '/ws/drafts/a.md.tags.json', '/ws/other/b.md']);
    assert.equal(await exactExists(fs)('/ws/Drafts/a.md.tags.json'), true, 'the last segment alone is fooled');
    fs.listed.length = 0;
    const check = exactUnder(fs);
    assert.equal(await check('/ws/Drafts/a.md.tags.json', '/ws/Drafts'), false);
    assert.equal(await check('/ws/Drafts/a.md', '/ws/Drafts'), false);
    assert.deepEqual(fs.listed, ['/ws'], 'the deleted folder is confirmed once for the batch, nothing under it listed');
    assert.equal(await check('/ws/drafts/a.md', '/ws/drafts'), true, 'under its exact name, present');
    assert.equal(await check('/ws/other/b.md'), true, 'a path matched by itself');
  });

  test('under a deleted folder: present exactly when the folder and the file are there under these very names', async () => {
    const name = fc.stringMatching(/^[a-bA-B]{1,2}$/);
    await fc.assert(fc.asyncProperty(name, name, name, name, async (folder, file, askedFolder, askedFile) => {
      const files = [`/ws/${folder}/${file}`];
      const asked = `/ws/${askedFolder}/${askedFile}`;
      assert.equal(await exactUnder(insensitive(files))(asked, `/ws/${askedFolder}`), files.includes(asked));
    }));
  });

  test('matchedBy: the path itself or its nearest deleted folder', () => {
    const gone = new Set(['file:///ws/a', 'file:///ws/a/b', 'file:///ws/c.md']);
    assert.equal(matchedBy('file:///ws/a/b/x.md', gone), 'file:///ws/a/b');
    assert.equal(matchedBy('file:///ws/a/y.md', gone), 'file:///ws/a');
    assert.equal(matchedBy('file:///ws/c.md', gone), 'file:///ws/c.md');
    assert.equal(matchedBy('file:///ws/ab/z.md', gone), undefined, 'a sibling sharing a prefix is not under it');
  });
});
