// underAny and atOrUnder (src/store/underPath.ts): which index entries a deleted folder takes with it.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { atOrUnder, underAny } from '../../src/store/underPath';

const segment = fc.stringMatching(/^[a-z0-9.%-]{1,6}$/);
const path = fc.array(segment, { minLength: 1, maxLength: 5 }).map((s) => `file:///ws/${s.join('/')}`);

suite('underAny (folders deleted in one piece)', () => {
  test('a path is under a folder exactly when the folder plus a slash starts it', () => {
    fc.assert(fc.property(path, fc.array(path, { maxLength: 4 }), (p, folders) => {
      assert.equal(underAny(p, new Set(folders)), folders.some((f) => p.startsWith(`${f}/`)));
    }));
  });

  test('every path is under each of its ancestors, and under none of its own name or its siblings', () => {
    fc.assert(fc.property(path, segment, (folder, name) => {
      const inside = `${folder}/${name}`;
      assert.ok(underAny(`${inside}/a.md.tags.json`, new Set([folder])));
      assert.ok(underAny(`${inside}/a.md.tags.json`, new Set([inside])));
      assert.ok(!underAny(inside, new Set([inside])));
      assert.ok(!underAny(`${folder}-x/${name}`, new Set([folder])));
    }));
  });

  test('nothing is under an empty set', () => {
    assert.equal(underAny('file:///ws/a/b.md.tags.json', new Set()), false);
  });

  test('atOrUnder: a path itself (a deleted file) or anything under it', () => {
    fc.assert(fc.property(path, fc.array(path, { maxLength: 4 }), (p, paths) => {
      assert.equal(atOrUnder(p, new Set(paths)), paths.some((f) => p === f || p.startsWith(`${f}/`)));
    }));
  });
});
