// The keyed debounce (src/util/debounce.ts): the last call per key wins, keys are independent, flush runs now,
// cancel and dispose leave nothing to run.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { KeyedDebounce } from '../../src/util/debounce';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

suite('keyed debounce', () => {
  test('property: per key, only the last scheduled call runs, once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.nat(1000)), { maxLength: 20 }), async (calls) => {
        const d = new KeyedDebounce<string>();
        const ran: [string, number][] = [];
        for (const [key, value] of calls) d.schedule(key, 5, () => ran.push([key, value]));
        await wait(20);
        const last = new Map(calls);
        assert.deepEqual(new Map(ran), last);
        assert.equal(ran.length, last.size);
        assert.deepEqual(d.pendingKeys(), []);
      }),
      { numRuns: 25 },
    );
  });

  test('flush runs the pending call now; cancel drops it; both say whether there was one', async () => {
    const d = new KeyedDebounce<string>();
    const ran: string[] = [];
    d.schedule('a', 1000, () => ran.push('a'));
    d.schedule('b', 1000, () => ran.push('b'));
    assert.ok(d.isPending('a'));
    assert.equal(d.flush('a'), true);
    assert.deepEqual(ran, ['a']);
    assert.equal(d.flush('a'), false);
    assert.equal(d.cancel('b'), true);
    assert.equal(d.cancel('b'), false);
    await wait(10);
    assert.deepEqual(ran, ['a']);
  });

  test('dispose clears every timer: nothing runs afterwards', async () => {
    const d = new KeyedDebounce<number>();
    let runs = 0;
    for (let i = 0; i < 5; i++) d.schedule(i, 5, () => runs++);
    d.dispose();
    await wait(20);
    assert.equal(runs, 0);
    assert.deepEqual(d.pendingKeys(), []);
  });

  test('a call scheduled from inside a running one is kept', async () => {
    const d = new KeyedDebounce<string>();
    const ran: number[] = [];
    d.schedule('k', 1, () => {
      ran.push(1);
      d.schedule('k', 1, () => ran.push(2));
    });
    await wait(20);
    assert.deepEqual(ran, [1, 2]);
  });
});
