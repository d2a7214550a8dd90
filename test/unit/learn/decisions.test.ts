// The update rule: bounded, explained, order-independent; merging by addition.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { MAX_DOWN, MAX_UP, adjustment, emptyDecisions, mergeDecisions, recordDecision } from '../../../src/core/learn/decisions';

const decision = fc.record({ rule: fc.constantFrom('opinion.booster', 'claim.number', 'learned.phrase', '__proto__'), term: fc.option(fc.constantFrom('very', 'deeply', 'constructor'), { nil: undefined }), accepted: fc.boolean() });

function fromList(list: { rule: string; term?: string; accepted: boolean }[]) {
  const d = emptyDecisions();
  for (const x of list) recordDecision(d, x.rule, x.term, x.accepted);
  return d;
}

suite('learn: decisions', () => {
  test('nothing learned: no change and no explanation', () => {
    assert.deepEqual(adjustment(emptyDecisions(), 'opinion.booster', 'very'), { delta: 0 });
  });

  test('one dismissal cannot silence a rule: other terms of the rule move by 0.1 at most', () => {
    const d = recordDecision(emptyDecisions(), 'opinion.booster', 'very', false);
    assert.ok(adjustment(d, 'opinion.booster', 'deeply').delta >= -0.1);
    assert.ok(adjustment(d, 'opinion.booster', 'very').delta >= -0.15);
  });

  test('a rule dismissed 14 of 16 times sinks a typical suggestion (0.65) below the 0.5 threshold, and says why', () => {
    const d = emptyDecisions();
    for (let i = 0; i < 14; i++) recordDecision(d, 'opinion.booster', undefined, false);
    for (let i = 0; i < 2; i++) recordDecision(d, 'opinion.booster', undefined, true);
    const a = adjustment(d, 'opinion.booster', 'very');
    assert.ok(0.65 + a.delta < 0.5, String(a.delta));
    assert.match(a.why ?? '', /dismissed 14 of 16 times in this workspace/);
  });

  test('accepted rules rise, by at most MAX_UP', () => {
    const d = emptyDecisions();
    for (let i = 0; i < 100; i++) recordDecision(d, 'claim.number', '12', true);
    const a = adjustment(d, 'claim.number', '12');
    assert.ok(a.delta > 0 && a.delta <= MAX_UP);
    assert.match(a.why ?? '', /accepted 100 of 100 times/);
  });

  test('property: bounded, and independent of the order of decisions', () => {
    fc.assert(fc.property(fc.array(decision, { maxLength: 60 }), fc.integer(), (list, seed) => {
      const shuffled = [...list].sort((a, b) => ((JSON.stringify(a).length * 31 + seed) % 7) - ((JSON.stringify(b).length * 31 + seed) % 7));
      const a = fromList(list);
      const b = fromList(shuffled);
      for (const rule of ['opinion.booster', 'claim.number', 'learned.phrase', '__proto__']) {
        for (const term of [undefined, 'very', 'deeply', 'constructor']) {
          const x = adjustment(a, rule, term);
          assert.deepEqual(x, adjustment(b, rule, term));
          assert.ok(x.delta >= -MAX_DOWN && x.delta <= MAX_UP);
        }
      }
    }));
  });

  test('property: merging two files equals recording both lists (by addition), and is commutative', () => {
    fc.assert(fc.property(fc.array(decision, { maxLength: 30 }), fc.array(decision, { maxLength: 30 }), (x, y) => {
      const merged = mergeDecisions(fromList(x), fromList(y));
      assert.deepEqual(JSON.parse(JSON.stringify(merged)), JSON.parse(JSON.stringify(fromList([...x, ...y]))));
      assert.deepEqual(JSON.parse(JSON.stringify(merged)), JSON.parse(JSON.stringify(mergeDecisions(fromList(y), fromList(x)))));
    }));
  });
});
