import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { documentPathFor, isSidecarPath, sidecarPathFor } from '../../../src/core/sidecar/paths';

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
});
