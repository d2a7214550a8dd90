// The 3-way merge of dismissed suggestions (src/store/dismissedMerge.ts): a dismissal made on one side while the
// other side wrote the sidecar is never dropped; one removed on either side stays removed.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Dismissal } from '../../../src/core/model';
import { dismissalKey, mergeDismissed } from '../../../src/store/dismissedMerge';

const d = (term: string, start?: number): Dismissal => (start === undefined ? { rule: 'opinion.booster', term } : { rule: 'opinion.booster', term, start, end: start + term.length });
const keys = (ds: readonly Dismissal[]) => ds.map(dismissalKey).sort();

suite('dismissed suggestions: 3-way merge', () => {
  test('a new dismissal on our side survives a concurrent change on disk that does not have it', () => {
    const base = [d('clearly')];
    const ours = [d('clearly'), d('obviously', 10)];
    const theirs = [d('clearly'), d('surely')];
    assert.deepEqual(keys(mergeDismissed(base, ours, theirs)), keys([d('clearly'), d('obviously', 10), d('surely')]));
  });

  test('a dismissal removed on either side stays removed; occurrence and term-wide dismissals are distinct', () => {
    const base = [d('clearly'), d('clearly', 4), d('surely')];
    assert.deepEqual(keys(mergeDismissed(base, [d('clearly', 4), d('surely')], base)), keys([d('clearly', 4), d('surely')]));
    assert.deepEqual(keys(mergeDismissed(base, base, [d('clearly'), d('surely')])), keys([d('clearly'), d('surely')]));
  });

  test('property: every element is kept iff (ours or theirs has it) and neither side removed it since base', () => {
    const item = fc.record({ term: fc.constantFrom('a', 'b', 'c', 'd'), start: fc.option(fc.nat(3), { nil: undefined }) }).map((x) => d(x.term, x.start));
    const set = fc.array(item, { maxLength: 6 });
    fc.assert(fc.property(set, set, set, (base, ours, theirs) => {
      const merged = mergeDismissed(base, ours, theirs);
      const got = new Set(merged.map(dismissalKey));
      assert.equal(got.size, merged.length, 'no duplicates');
      const [b, o, t] = [base, ours, theirs].map((s) => new Set(s.map(dismissalKey)));
      for (const k of new Set([...b, ...o, ...t])) {
        const expected = (o.has(k) || t.has(k)) && !(b.has(k) && (!o.has(k) || !t.has(k)));
        assert.equal(got.has(k), expected, k);
      }
    }), { numRuns: 500 });
  });
});
