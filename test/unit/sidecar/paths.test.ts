import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { claimTagsFolders, documentPathFor, isSidecarPath, sidecarPathFor } from '../../../src/core/sidecar/paths';

suite('sidecar paths', () => {
  test('beside: article.md -> article.md.tags.json', () => {
    assert.equal(sidecarPathFor('/ws/news/article.md', 'beside', '/ws'), '/ws/news/article.md.tags.json');
    assert.equal(documentPathFor('/ws/news/article.md.tags.json'), '/ws/news/article.md');
  });

  test('workspaceFolder: mirrored under .claim-tags at the folder root', () => {
    assert.equal(sidecarPathFor('/ws/news/article.md', 'workspaceFolder', '/ws'), '/ws/.claim-tags/news/article.md.tags.json');
    assert.equal(sidecarPathFor('/ws/news/article.md', 'workspaceFolder', '/ws/'), '/ws/.claim-tags/news/article.md.tags.json');
    assert.equal(documentPathFor('/ws/.claim-tags/news/article.md.tags.json', '/ws'), '/ws/news/article.md');
  });

  test('a document outside the folder falls back to beside', () => {
    assert.equal(sidecarPathFor('/elsewhere/a.txt', 'workspaceFolder', '/ws'), '/elsewhere/a.txt.tags.json');
    assert.equal(sidecarPathFor('/wsx/a.txt', 'workspaceFolder', '/ws'), '/wsx/a.txt.tags.json');
  });

  test('only *.tags.json files with a document name are sidecars', () => {
    assert.ok(isSidecarPath('/a/b.txt.tags.json'));
    assert.ok(!isSidecarPath('/a/.tags.json'));
    assert.ok(!isSidecarPath('/a/b.txt'));
  });

  test('documentPathFor inverts sidecarPathFor (property)', () => {
    const seg = fc.stringMatching(/^[a-zA-Z0-9 _-]{1,8}$/);
    fc.assert(fc.property(fc.array(seg, { minLength: 1, maxLength: 4 }), fc.constantFrom('beside', 'workspaceFolder' as const), (segs, loc) => {
      const doc = `/root/${segs.join('/')}.md`;
      assert.equal(documentPathFor(sidecarPathFor(doc, loc, '/root'), '/root'), doc);
    }));
  });

  test('.claim-tags is looked for from the document up to the boundary, never above', () => {
    assert.deepEqual(claimTagsFolders('/home/me/repo/news/a.md', '/home/me/repo'), ['/home/me/repo/news', '/home/me/repo']);
    assert.deepEqual(claimTagsFolders('/home/me/repo/a.md', '/home/me/repo/'), ['/home/me/repo']);
    assert.deepEqual(claimTagsFolders('/a.md', '/'), ['/']);
    assert.deepEqual(claimTagsFolders('/x/a.md', '/'), ['/x', '/']);
    // Outside the boundary (or none): the document's own folder only.
    assert.deepEqual(claimTagsFolders('/tmp/shared/a.md', '/home/me/repo'), ['/tmp/shared']);
    assert.deepEqual(claimTagsFolders('/home/me/repository/a.md', '/home/me/repo'), ['/home/me/repository']);
    assert.deepEqual(claimTagsFolders('/tmp/a.md'), ['/tmp']);
    assert.deepEqual(claimTagsFolders('C:/ws/news/a.md', 'C:/ws'), ['C:/ws/news', 'C:/ws']);
  });

  test('every folder searched lies inside the boundary, nearest first (property)', () => {
    const seg = fc.stringMatching(/^[a-z.]{1,5}$/).filter((s) => s !== '.' && s !== '..');
    fc.assert(fc.property(fc.array(seg, { minLength: 1, maxLength: 6 }), fc.array(seg, { maxLength: 6 }), (rootSegs, below) => {
      const root = `/${rootSegs.join('/')}`;
      const doc = `${root}/${[...below, 'doc.md'].join('/')}`;
      const folders = claimTagsFolders(doc, root);
      assert.equal(folders.length, below.length + 1);
      assert.equal(folders[folders.length - 1], root);
      for (const f of folders) assert.ok(f === root || f.startsWith(root + '/'), f);
      for (let i = 1; i < folders.length; i++) assert.ok(folders[i - 1].startsWith(folders[i] + '/'));
    }));
  });
});
