import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { relocate, relocateParts } from '../../src/core/relocate';
import { createTag } from '../../src/core/tags';

/** Every offset where `quote` occurs in `text`. */
const occurrences = (text: string, quote: string) => {
  const at: number[] = [];
  for (let i = text.indexOf(quote); i !== -1; i = text.indexOf(quote, i + 1)) at.push(i);
  return at;
};

// A small alphabet, so quotes recur and the nearest of several occurrences must be chosen.
const text = fc.array(fc.constantFrom('a', 'b', ' ', 'é'), { minLength: 1, maxLength: 300 }).map((xs) => xs.join(''));
/** A span cut from the text, then stale offsets for it anywhere in (or past) the text. */
const staleSpan = text.chain((t) => fc.record({
  text: fc.constant(t),
  from: fc.nat({ max: t.length - 1 }),
  len: fc.integer({ min: 1, max: 4 }),
  start: fc.nat({ max: t.length + 10 }),
  near: fc.nat({ max: t.length + 10 }),
}));

suite('relocate', () => {
  test('the result reads the span\'s quote when it still occurs, and no occurrence is nearer (property)', () => {
    fc.assert(fc.property(staleSpan, ({ text: t, from, len, start, near }) => {
      const quote = t.slice(from, from + len);
      const span = { start, end: start + quote.length, quote };
      const out = relocate(t, span, near);
      assert.equal(t.slice(out.start, out.end), quote);
      assert.equal(out.quote, quote);
      if (t.slice(start, start + quote.length) === quote) {
        assert.equal(out, span, 'a span still in place is kept as it is');
        return;
      }
      const best = Math.min(...occurrences(t, quote).map((i) => Math.abs(i - near)));
      assert.equal(Math.abs(out.start - near), best);
    }));
  });

  test('between two equally near occurrences the earlier one wins', () => {
    assert.deepEqual(relocate('xab..ab', { start: 0, end: 2, quote: 'ab' }, 3), { start: 1, end: 3, quote: 'ab' });
  });

  test('a span whose text is gone is kept, quote and offsets, as it was (property)', () => {
    fc.assert(fc.property(text, fc.nat({ max: 400 }), fc.nat({ max: 400 }), (t, start, near) => {
      const span = { start, end: start + 3, quote: 'zzz' };
      assert.equal(relocate(t, span, near), span);
    }));
  });

  test('an occurrence beyond the search radius is not taken', () => {
    const far = `${'x'.repeat(5000)}Brandt`;
    const span = { start: 0, end: 6, quote: 'Brandt' };
    assert.equal(relocate(far, span, 0), span);
    assert.deepEqual(relocate(far, span, 4990), { start: 5000, end: 5006, quote: 'Brandt' });
  });
});

suite('relocateParts', () => {
  test('moves each attribution\'s source and cue to their text nearest the tag; text sources stay', () => {
    const before = 'Brandt said the bridge opens. Later, Brandt said it again.';
    const after = `Intro. ${before}`;
    const claim = createTag(after, { kind: 'attribution', start: 45, end: 65 });
    claim.source = { start: 30, end: 36, quote: 'Brandt' }; // stale: was the second Brandt
    claim.cue = { start: 37, end: 41, quote: 'said' };
    const other = createTag(after, { kind: 'claim', start: 7, end: 36 });
    other.source = { text: 'a press release' };
    relocateParts(after, [claim, other]);
    assert.deepEqual(claim.source, { start: 44, end: 50, quote: 'Brandt' });
    assert.deepEqual(claim.cue, { start: 51, end: 55, quote: 'said' });
    assert.deepEqual(other.source, { text: 'a press release' });
  });
});
