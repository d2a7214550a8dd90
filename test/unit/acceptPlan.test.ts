import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { Tag } from '../../src/core/model';
import { Suggestion, SuggestionKind } from '../../src/core/suggest';
import { createTag } from '../../src/core/tags';
import { planAccept, shownSuggestions, taggedIndex } from '../../src/suggestions/shown';

const TEXT = 'x'.repeat(200);
const KINDS: SuggestionKind[] = ['claim', 'attribution', 'opinion'];
const span = fc.tuple(fc.nat(190), fc.integer({ min: 1, max: 10 })).map(([start, len]) => ({ start, end: start + len }));
const suggestion = fc.tuple(span, fc.constantFrom(...KINDS), fc.constantFrom('r1', 'r2')).map(([s, kind, rule]): Suggestion => ({
  ...s, kind, rule, text: TEXT.slice(s.start, s.end), explanation: '', score: 0.7,
}));

suite('Accept All plan (src/suggestions/shown.ts)', () => {
  test('one item per distinct range of the kind, sorted, none left out', () => {
    fc.assert(fc.property(fc.array(suggestion, { maxLength: 60 }), fc.constantFrom(...KINDS), (all, kind) => {
      const items = planAccept(TEXT, all, kind);
      const expected = new Set(all.filter((s) => s.kind === kind).map((s) => `${s.start}:${s.end}`));
      assert.equal(items.length, expected.size);
      assert.deepEqual(new Set(items.map((i) => `${i.start}:${i.end}`)), expected);
      assert.ok(items.every((i, n) => i.kind === kind && (n === 0 || items[n - 1].start <= i.start)));
    }));
  });

  test("an attribution brings its source and cue with their quotes; empty parts are left out", () => {
    const text = 'Mayor Brandt said the bridge is safe.';
    const s: Suggestion = {
      kind: 'attribution', start: 0, end: text.length - 1, text: text.slice(0, -1), rule: 'attribution.reporting-verb', explanation: '', score: 0.9,
      parts: { source: { start: 0, end: 12 }, cue: { start: 13, end: 17 }, content: { start: 18, end: 36 } },
    };
    const [item] = planAccept(text, [s, { ...s, parts: { source: { start: 3, end: 3 } } }], 'attribution');
    assert.deepEqual(item.source, { start: 0, end: 12, quote: 'Mayor Brandt' });
    assert.deepEqual(item.cue, { start: 13, end: 17, quote: 'said' });
    assert.deepEqual(planAccept(text, [{ ...s, parts: { source: { start: 3, end: 3 } } }], 'attribution')[0].source, undefined);
  });

  test('taggedIndex agrees with a brute-force overlap check', () => {
    fc.assert(fc.property(fc.array(suggestion, { maxLength: 40 }), fc.array(fc.tuple(span, fc.constantFrom(...KINDS)), { maxLength: 40 }), (all, spans) => {
      const tags: Tag[] = spans.map(([s, kind]) => createTag(TEXT, { kind, ...s }));
      const isTagged = taggedIndex(tags);
      for (const s of all) assert.equal(isTagged(s), tags.some((t) => t.kind === s.kind && t.start < s.end && s.start < t.end));
    }));
  });

  test('after accepting, none of the accepted suggestions is shown, and others of other kinds stay', () => {
    fc.assert(fc.property(fc.array(suggestion, { maxLength: 60 }), fc.constantFrom(...KINDS), (all, kind) => {
      const tags = planAccept(TEXT, all, kind).map((i) => createTag(TEXT, i));
      const left = shownSuggestions(all, tags, []);
      assert.ok(!left.some((s) => s.kind === kind));
      assert.equal(left.length, all.filter((s) => s.kind !== kind).length);
    }));
  });
});
