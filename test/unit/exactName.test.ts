// exactExists (src/store/exactName.ts): on a simulated case-insensitive, normalization-blind file system, a path
// counts as present only under the name its folder lists.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { NameOps, exactExists } from '../../src/store/exactName';

/** A file system holding `files` (paths) whose stat ignores case and Unicode normalization, as APFS and NTFS do. */
function insensitive(files: readonly string[]): NameOps<string> & { listed: string[] } {
  const fold = (p: string) => p.normalize('NFC').toLowerCase();
  const folded = new Set(files.map(fold));
  const folderOf = (p: string) => p.slice(0, p.lastIndexOf('/'));
  const listed: string[] = [];
  return {
    listed,
    exists: async (p) => folded.has(fold(p)) || files.some((f) => fold(f).startsWith(`${fold(p)}/`)),
    siblings: async (p) => {
      listed.push(fold(folderOf(p)));
      return files.filter((f) => fold(folderOf(f)) === fold(folderOf(p))).map((f) => f.slice(f.lastIndexOf('/') + 1));
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
});
