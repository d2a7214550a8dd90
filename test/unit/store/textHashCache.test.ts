// textHash per document (src/store/textHashCache.ts): one hash per text, the right hash for every text.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { textHash } from '../../../src/core/sidecar/format';
import { TextHashCache } from '../../../src/store/textHashCache';

suite('text hash cache (sidecar writes)', () => {
  test('the same text of one document is hashed once; a changed text or another document is hashed again', () => {
    const calls: string[] = [];
    const cache = new TextHashCache<object>((t) => (calls.push(t), textHash(t)));
    const a = {};
    const b = {};
    const big = 'x'.repeat(100_000);
    assert.equal(cache.of(a, big), textHash(big));
    assert.equal(cache.of(a, 'x'.repeat(100_000)), textHash(big), 'an equal string built anew');
    assert.equal(calls.length, 1);
    assert.equal(cache.of(a, `${big}!`), textHash(`${big}!`));
    assert.equal(cache.of(b, `${big}!`), textHash(`${big}!`));
    assert.equal(calls.length, 3);
  });

  test('property: for any sequence of texts the cached hash equals textHash', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.boolean(), fc.constantFrom('a', 'b', 'é', ''))), (steps) => {
      const cache = new TextHashCache<object>();
      const keys = [{}, {}];
      for (const [k, t] of steps) assert.equal(cache.of(keys[Number(k)], t), textHash(t));
    }));
  });
});
