// underAny and atOrUnder (src/store/underPath.ts): which index entries a deleted folder takes with it.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { PathLookup, atOrUnder, underAny } from '../../src/store/underPath';

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

suite('PathLookup (entries at or under deleted paths, found from the paths side)', () => {
  test('finds exactly the keys atOrUnder finds by scanning every key', () => {
    fc.assert(fc.property(fc.uniqueArray(path, { maxLength: 12 }), fc.array(path, { maxLength: 6 }), (keys, paths) => {
      const lookup = new PathLookup(new Map(keys.map((k) => [k, k])));
      const scanned = keys.filter((k) => atOrUnder(k, new Set(paths))).sort();
      assert.deepEqual([...lookup.atOrUnder(paths)].sort(), scanned);
    }));
  });

  test('keys are drawn from under the paths too (siblings with a shared prefix are not matched)', () => {
    fc.assert(fc.property(path, fc.array(segment, { minLength: 1, maxLength: 3 }), (folder, names) => {
      const keys = [folder, ...names.map((n) => `${folder}/${n}`), ...names.map((n) => `${folder}${n}/x`), `${folder}-/y`];
      const lookup = new PathLookup(new Map(keys.map((k) => [k, k])));
      const scanned = keys.filter((k) => atOrUnder(k, new Set([folder])));
      assert.deepEqual([...lookup.atOrUnder([folder])].sort(), [...new Set(scanned)].sort());
    }));
  });

  test('a value reached by several paths is given once', () => {
    const lookup = new PathLookup(new Map([['file:///ws/a/b/c.md.tags.json', 1]]));
    assert.deepEqual([...lookup.atOrUnder(['file:///ws/a', 'file:///ws/a/b', 'file:///ws/a/b/c.md.tags.json'])], [1]);
  });
});
