// The update rule: bounded, explained, order-independent; merging by addition.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { MAX_DOWN, MAX_TERM_LENGTH, MAX_UP, adjustment, decisionTerm, emptyDecisions, mergeDecisions, recordDecision } from '../../../src/core/learn/decisions';

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

  // adjustment() is cached per Decisions object: decisions recorded between two calls must show in the second.
  test('property: adjustment after each recorded decision equals adjustment on decisions built afresh', () => {
    fc.assert(fc.property(fc.array(decision, { maxLength: 40 }), fc.boolean(), (list, termOnly) => {
      const d = emptyDecisions();
      list.forEach((x, i) => {
        recordDecision(d, x.rule, x.term, x.accepted);
        const fresh = fromList(list.slice(0, i + 1));
        for (const rule of ['opinion.booster', '__proto__']) {
          for (const term of [undefined, 'very', 'constructor']) assert.deepEqual(adjustment(d, rule, term, termOnly), adjustment(fresh, rule, term, termOnly));
        }
      });
    }), { numRuns: 100 });
  });

  // decisionTerm skips the regex for terms already normalised and for sentences too long: same answers.
  test('property: decisionTerm equals lower case, white space collapsed, trimmed, at most MAX_TERM_LENGTH', () => {
    const reference = (s: { term?: string; text: string }) => {
      const t = (s.term ?? s.text).toLowerCase().replace(/\s+/g, ' ').trim();
      return t && t.length <= MAX_TERM_LENGTH ? t : undefined;
    };
    const unit = fc.constantFrom('a', 'b', 'Z', 'é', 'İ', 'ß', '1', ' ', '  ', '\t', '\n', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u2028', '-', '’');
    const str = fc.oneof(fc.array(unit, { maxLength: 80 }).map((u) => u.join('')), fc.array(unit, { minLength: 50, maxLength: 140 }).map((u) => u.join('')));
    fc.assert(fc.property(fc.option(str, { nil: undefined }), str, (term, text) => {
      assert.equal(decisionTerm({ term, text }), reference({ term, text }), JSON.stringify([term, text]));
    }), { numRuns: 3000 });
    for (const text of ['a'.repeat(MAX_TERM_LENGTH), `${'a'.repeat(MAX_TERM_LENGTH)} `, ` ${'a '.repeat(30)}`, 'İ'.repeat(MAX_TERM_LENGTH), 'very', 'very  bad', 'Very']) {
      assert.equal(decisionTerm({ text }), reference({ text }), text);
    }
  });

  test('property: merging two files equals recording both lists (by addition), and is commutative', () => {
    fc.assert(fc.property(fc.array(decision, { maxLength: 30 }), fc.array(decision, { maxLength: 30 }), (x, y) => {
      const merged = mergeDecisions(fromList(x), fromList(y));
      assert.deepEqual(JSON.parse(JSON.stringify(merged)), JSON.parse(JSON.stringify(fromList([...x, ...y]))));
      assert.deepEqual(JSON.parse(JSON.stringify(merged)), JSON.parse(JSON.stringify(mergeDecisions(fromList(y), fromList(x)))));
    }));
  });
});
