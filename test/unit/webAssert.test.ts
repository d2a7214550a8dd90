// The web bundle's node:assert subset (test/web/assert.ts) judges like Node's strict assert: a suite must pass
// or fail the same in both hosts.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import * as web from '../web/assert';

const passes = (f: () => void) => {
  try {
    f();
    return true;
  } catch {
    return false;
  }
};
const values = fc.anything({ maxDepth: 3, withMap: true, withSet: true, withDate: true, withTypedArray: true });

suite('web assert', () => {
  test('deepEqual agrees with node:assert/strict on equal copies and on unrelated values', function () {
    this.timeout(20_000);
    fc.assert(fc.property(fc.clone(values, 2), values, ([a, copy], b) => {
      for (const [x, y] of [[a, copy], [a, b]]) {
        assert.equal(passes(() => web.deepEqual(x, y)), passes(() => assert.deepEqual(x, y)), `deepEqual(${fc.stringify(x)}, ${fc.stringify(y)})`);
      }
    }), { numRuns: 1000 });
  });

  test('equal is Object.is, like strictEqual', () => {
    fc.assert(fc.property(fc.oneof(fc.double(), fc.string(), fc.constant(null), fc.constant(undefined)), fc.oneof(fc.double(), fc.string()), (a, b) => {
      assert.equal(passes(() => web.equal(a, a)), true);
      assert.equal(passes(() => web.equal(a, b)), passes(() => assert.equal(a, b)));
    }));
    assert.equal(passes(() => web.equal(0, -0)), false);
    assert.equal(passes(() => web.equal(NaN, NaN)), true);
  });

  test('match, ok, rejects and their messages', async () => {
    assert.equal(passes(() => web.match('abc', /b/)), true);
    assert.equal(passes(() => web.doesNotMatch('abc', /b/)), false);
    assert.equal(passes(() => web.ok(0)), false);
    assert.throws(() => web.deepEqual({ a: [1] }, { a: [2] }, 'custom'), { name: 'AssertionError', message: 'custom' });
    assert.throws(() => web.deepEqual({ a: [1] }, { a: [2] }), /actual: +\{"a":\[1\]\}\n +expected: +\{"a":\[2\]\}/);
    await web.rejects(Promise.reject(new Error('x')));
    await web.rejects(() => Promise.reject(new TypeError('bad')), TypeError);
    await assert.rejects(web.rejects(Promise.resolve(1)), /Missing expected rejection/);
    await assert.rejects(web.rejects(Promise.reject(new Error('x')), /y/), /did not match/);
  });
});
