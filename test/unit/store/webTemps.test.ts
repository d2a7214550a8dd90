// Temporary files the web store left behind (src/store/webTemps.ts): only ours for this file, only old ones.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { ABANDONED_WEB_TEMP_MS, TempFolder, removeAbandonedWebTemps, webTempCreated, webTempName } from '../../../src/store/webTemps';

const NOW = 1_800_000_000_000;

function folder(entries: Record<string, number>): TempFolder & { left: () => string[] } {
  const files = new Map(Object.entries(entries));
  return {
    list: async () => [...files.keys()],
    mtime: async (e) => files.get(e),
    remove: async (e) => void files.delete(e),
    left: () => [...files.keys()].sort(),
  };
}

suite('web temporary files left by a dead worker', () => {
  test('an old temporary file of this sidecar is removed; recent ones, other files\' and look-alikes are kept', async () => {
    const old = NOW - ABANDONED_WEB_TEMP_MS - 1;
    const f = folder({
      'a.md.tags.json': old,
      [webTempName('a.md.tags.json', old, '0abc')]: old,
      [webTempName('a.md.tags.json', NOW - 1000, '1def')]: NOW - 1000,
      [webTempName('b.md.tags.json', old, '2ghi')]: old,
      '.a.md.tags.json.123.lx3.tmp': old, // the desktop's (atomicWrite cleans those)
      '.a.md.tags.json.web.notes.md.tmp': old,
      // A user's file named like ours: no creation time we could have written.
      '.a.md.tags.json.web.foo.tmp': old,
      '.a.md.tags.json.web.0-foo.tmp': old,
    });
    const removed = await removeAbandonedWebTemps('a.md.tags.json', f, NOW);
    assert.deepEqual(removed, [webTempName('a.md.tags.json', old, '0abc')]);
    assert.equal(f.left().length, 7);
  });

  test('a live temporary file is kept on a file system that reports no time, or a clock far ahead', async () => {
    const live = webTempName('a', NOW - 1000, 'x1');
    const unknownTime = folder({ [live]: 0 });
    assert.deepEqual(await removeAbandonedWebTemps('a', unknownTime, NOW), []);
    const clockAhead = folder({ [live]: NOW + 3 * ABANDONED_WEB_TEMP_MS });
    assert.deepEqual(await removeAbandonedWebTemps('a', clockAhead, NOW), []);
    // An old one on a file system without times: its name says it is old.
    const stale = webTempName('a', NOW - 2 * ABANDONED_WEB_TEMP_MS, 'x2');
    assert.deepEqual(await removeAbandonedWebTemps('a', folder({ [stale]: 0 }), NOW), [stale]);
  });

  test('a folder that cannot be listed or a file that cannot be removed is not an error', async () => {
    assert.deepEqual(await removeAbandonedWebTemps('a', { list: () => Promise.reject(new Error('no')), mtime: async () => 0, remove: async () => undefined }, NOW), []);
    const name = webTempName('a', NOW - 2 * ABANDONED_WEB_TEMP_MS, 'x1');
    assert.deepEqual(await removeAbandonedWebTemps('a', { list: async () => [name], mtime: async () => 0, remove: () => Promise.reject(new Error('busy')) }, NOW), []);
  });

  test('property: a name webTempName makes is recognised for its file only', () => {
    const name = fc.stringMatching(/^[A-Za-z0-9 ._-]{1,12}$/);
    const created = fc.integer({ min: Date.UTC(2026, 0, 1), max: NOW });
    fc.assert(fc.property(name, name, created, fc.stringMatching(/^[0-9a-z]{1,14}$/), (a, b, at, unique) => {
      assert.equal(webTempCreated(a, webTempName(a, at, unique), NOW), at);
      if (a !== b) assert.equal(webTempCreated(b, webTempName(a, at, unique), NOW), undefined);
    }));
  });
});
