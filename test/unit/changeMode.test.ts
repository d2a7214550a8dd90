import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { ChangeFacts, decideChange } from '../../src/core/changeMode';
import { TextChange } from '../../src/core/edits';

const RUNS = Number(process.env.FC_RUNS) || 200;

const TEXT = 'Alpha beta gamma.\nThe budget grew by 12 percent.\nDelta epsilon zeta.\n';

function facts(changes: TextChange[], over: Partial<ChangeFacts> = {}): ChangeFacts {
  return { changes, oldLength: TEXT.length, undo: false, dirtyAfter: false, wasDirty: true, text: () => TEXT, ...over };
}

/** Sorted, disjoint changes within a text of `length` characters: keystrokes, blocks, the whole text replaced. */
const changesArb = (length: number) =>
  fc.oneof(fc.string({ maxLength: 120 }).map((text): TextChange[] => [{ start: 0, end: length, text }]), piecesArb(length));
const piecesArb = (length: number) =>
  fc.array(fc.tuple(fc.nat(length), fc.nat(length), fc.string({ maxLength: 120 })), { minLength: 1, maxLength: 5 }).map((raw) => {
    const out: TextChange[] = [];
    let from = 0;
    for (const [a, b, text] of raw.map(([a, b, t]) => [Math.min(a, b), Math.max(a, b), t] as const).sort((x, y) => x[0] - y[0])) {
      if (a < from) continue;
      out.push({ start: a, end: b, text });
      from = b + 1;
    }
    return out;
  });

suite('change mode: typing or outside, and when tags on unsaved text go', () => {
  test('a revert that replaces the whole text (clean after) drops the tags made on unsaved text', () => {
    assert.deepEqual(decideChange(facts([{ start: 0, end: TEXT.length, text: 'Other.\n' }])), { mode: 'outside', dropsUnsaved: true });
  });

  test('an Undo that replaces the whole text and brings back the saved version places by quote and drops nothing', () => {
    const whole = [{ start: 0, end: TEXT.length, text: 'Saved text.\n' }];
    assert.deepEqual(decideChange(facts(whole, { undo: true })), { mode: 'outside', dropsUnsaved: false });
    assert.deepEqual(decideChange(facts(whole, { undo: true, wasDirty: false })), { mode: 'outside', dropsUnsaved: false });
  });

  test('an Undo of a large block drops nothing either', () => {
    const block = [{ start: 5, end: TEXT.length - 5, text: 'x'.repeat(TEXT.length) }];
    assert.deepEqual(decideChange(facts(block, { undo: true })), { mode: 'outside', dropsUnsaved: false });
  });

  test('a small Undo or Redo is typing', () => {
    assert.deepEqual(decideChange(facts([{ start: 3, end: 5, text: 'xy' }], { undo: true })), { mode: 'typing', dropsUnsaved: false });
  });

  test('a reload of whole lines on a clean document is outside; a keystroke inside a line is typing', () => {
    const line = TEXT.indexOf('The');
    const lineEnd = TEXT.indexOf('\n', line);
    const after = (c: TextChange) => () => TEXT.slice(0, c.start) + c.text + TEXT.slice(c.end);
    const reload = { start: line, end: lineEnd, text: 'A new line.' };
    const keystroke = { start: line + 2, end: line + 4, text: 'zz' };
    assert.equal(decideChange(facts([reload], { wasDirty: false, text: after(reload) })).mode, 'outside');
    assert.equal(decideChange(facts([keystroke], { wasDirty: false, text: after(keystroke) })).mode, 'typing');
  });

  test('property: an Undo or Redo never drops tags; while the document stays dirty nothing drops them', () => {
    fc.assert(
      fc.property(changesArb(TEXT.length), fc.boolean(), fc.boolean(), fc.boolean(), (changes, undo, dirtyAfter, wasDirty) => {
        const d = decideChange(facts(changes, { undo, dirtyAfter, wasDirty }));
        if (undo || dirtyAfter) assert.equal(d.dropsUnsaved, false);
        if (d.dropsUnsaved) assert.equal(d.mode, 'outside');
      }),
      { numRuns: RUNS },
    );
  });
});
