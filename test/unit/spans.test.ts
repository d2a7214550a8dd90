import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { findNear, mapSpan, shiftSpans } from '../../src/core/spans';

const apply = (text: string, changes: { start: number; end: number; text: string }[]) =>
  [...changes].sort((a, b) => b.start - a.start).reduce((t, c) => t.slice(0, c.start) + c.text + t.slice(c.end), text);

suite('shiftSpans', () => {
  test('spans before a change stay, after it shift, across it are dropped', () => {
    const spans = [{ start: 0, end: 3 }, { start: 10, end: 14 }, { start: 20, end: 25 }];
    const out = shiftSpans(spans, [{ start: 12, end: 13, text: 'xx' }, { start: 5, end: 5, text: 'abc' }]);
    assert.deepEqual(out, [{ start: 0, end: 3 }, { start: 24, end: 29 }]);
  });

  test('an insertion exactly at a span start shifts it', () => {
    assert.deepEqual(shiftSpans([{ start: 4, end: 6 }], [{ start: 4, end: 4, text: 'ab' }]), [{ start: 6, end: 8 }]);
  });

  test('surviving spans still cover the same text (property)', () => {
    const text = 'alpha beta gamma delta epsilon zeta eta theta';
    const words = [...text.matchAll(/\w+/g)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, word: m[0] }));
    fc.assert(fc.property(fc.array(fc.record({ at: fc.nat({ max: text.length }), len: fc.nat({ max: 4 }), ins: fc.string({ maxLength: 4 }) }), { maxLength: 4 }), (raw) => {
      // make non-overlapping changes
      const changes: { start: number; end: number; text: string }[] = [];
      for (const r of raw.sort((a, b) => a.at - b.at)) {
        const start = Math.max(r.at, changes.length ? changes[changes.length - 1].end + 1 : 0);
        if (start > text.length) break;
        changes.push({ start, end: Math.min(text.length, start + r.len), text: r.ins });
      }
      const after = apply(text, changes);
      for (const s of shiftSpans(words, changes)) assert.equal(after.slice(s.start, s.end), s.word);
    }));
  });
});

suite('mapSpan and findNear', () => {
  test('a span keeps covering its text through edits elsewhere (property)', () => {
    const text = 'Mayor Elena Brandt told reporters that the bridge will open.';
    const src = { start: 6, end: 18 };
    fc.assert(fc.property(fc.array(fc.record({ at: fc.nat({ max: text.length }), len: fc.nat({ max: 3 }), ins: fc.string({ maxLength: 3 }) }), { maxLength: 3 }), (raw) => {
      const changes: { start: number; end: number; text: string }[] = [];
      for (const r of raw.sort((a, b) => a.at - b.at)) {
        const start = Math.max(r.at, changes.length ? changes[changes.length - 1].end + 1 : 0);
        const end = Math.min(text.length, start + r.len);
        if (start > text.length || (start < src.end && end > src.start) || (start > src.start && start < src.end)) continue; // leave the span's own text alone
        changes.push({ start, end, text: r.ins });
      }
      const after = apply(text, changes);
      const m = mapSpan(src, changes);
      assert.equal(after.slice(m.start, m.end), 'Elena Brandt');
    }));
  });

  test('findNear picks the occurrence closest to the hint', () => {
    const text = 'said ... said ... said';
    assert.equal(findNear(text, 'said', 12), 9);
    assert.equal(findNear(text, 'told', 5), undefined);
  });
});
