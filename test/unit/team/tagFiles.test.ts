import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { authorFileName, blindCopyPath } from '../../../src/core/team/annotators';
import { sharedPathOfTagFile, tagFileGlob } from '../../../src/core/team/tagFiles';

// VS Code's reading of a "**/*<literal>" glob: a file whose name ends in the literal after at least one character.
function globMatches(glob: string, path: string): boolean {
  const m = /^\*\*\/\*([^*?[\]{}]+)$/.exec(glob);
  assert.ok(m, `a glob of the form **/*<literal>: ${glob}`);
  const name = path.slice(path.lastIndexOf('/') + 1);
  return name.length > m[1].length && name.endsWith(m[1]);
}

const segment = fc.stringMatching(/^[A-Za-z0-9 ._-]{1,12}$/).filter((s) => s !== '.' && s !== '..' && !s.startsWith('.tags'));
const docPath = fc.tuple(fc.array(segment, { maxLength: 3 }), segment).map(([dirs, name]) => ['', 'ws', ...dirs, name].join('/'));
const author = fc.oneof(fc.constantFrom('ana', 'ben', 'Ana María', 'o.brien', 'tags.x', 'x.tags', 'tags', 'TAGS', 'a.Tags'), fc.string({ minLength: 1, maxLength: 10 }));

suite('team: which files hold tags (shared or blind)', () => {
  test('blind: the author\'s copy of any document stands for its shared sidecar, and the glob finds it', () => {
    fc.assert(fc.property(docPath, author, (doc, who) => {
      const shared = doc + '.tags.json';
      const copy = blindCopyPath(shared, who);
      assert.equal(sharedPathOfTagFile(copy, { blindAuthor: who }), shared);
      assert.ok(globMatches(tagFileGlob({ blindAuthor: who }), copy), `${copy} !~ ${tagFileGlob({ blindAuthor: who })}`);
    }));
  });

  test('blind: shared sidecars and other authors\' copies are not this author\'s tags', () => {
    fc.assert(fc.property(docPath, author, author, (doc, who, other) => {
      fc.pre(authorFileName(who) !== authorFileName(other));
      const shared = doc + '.tags.json';
      const theirs = blindCopyPath(shared, other);
      // Only a name that really ends in this author's suffix (e.g. author "b" and author "a.tags.b") is read as theirs.
      const mine = (p: string) => p.endsWith(`.tags.${authorFileName(who)}.json`);
      for (const p of [shared, theirs]) {
        if (mine(p)) continue;
        assert.equal(sharedPathOfTagFile(p, { blindAuthor: who }), undefined, p);
        assert.ok(!globMatches(tagFileGlob({ blindAuthor: who }), p), p);
      }
    }));
  });

  test('shared: sidecars stand for themselves, blind copies are left out, and the glob agrees', () => {
    fc.assert(fc.property(docPath, author, (doc, who) => {
      const shared = doc + '.tags.json';
      const copy = blindCopyPath(shared, who);
      // Even an author named "tags" or "….tags": the copy's name is never a shared sidecar's.
      assert.ok(!copy.endsWith('.tags.json'), copy);
      assert.equal(sharedPathOfTagFile(shared, {}), shared);
      assert.equal(sharedPathOfTagFile(copy, {}), undefined);
      assert.ok(globMatches(tagFileGlob({}), shared));
      assert.ok(!globMatches(tagFileGlob({}), copy));
    }));
  });

  test('examples: under .claim-tags too; a bare suffix is no file of a document', () => {
    assert.equal(sharedPathOfTagFile('/ws/.claim-tags/a/article.md.tags.ana.json', { blindAuthor: 'ana' }), '/ws/.claim-tags/a/article.md.tags.json');
    assert.equal(sharedPathOfTagFile('/ws/article.md.tags.ana.json', { blindAuthor: 'Ana' }), undefined);
    assert.equal(sharedPathOfTagFile('/ws/.tags.ana.json', { blindAuthor: 'ana' }), undefined);
    assert.equal(sharedPathOfTagFile('/ws/article.md.tags.json', { blindAuthor: 'ana' }), undefined);
    assert.equal(tagFileGlob({ blindAuthor: 'Ana María' }), '**/*.tags.Ana-María.json');
    assert.equal(tagFileGlob({}), '**/*.tags.json');
  });
});
