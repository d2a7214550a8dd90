import * as assert from 'node:assert/strict';
import { paragraphAt, sentenceAt, wordAt } from '../../src/core/textUnits';

const TEXT = 'First paragraph. It has two sentences.\n\nSecond one says "hello" to Dr. Smith. And ends here.\nSame paragraph.';

suite('text units', () => {
  test('paragraphAt stops at blank lines', () => {
    const p = paragraphAt(TEXT, TEXT.indexOf('two'));
    assert.equal(TEXT.slice(p.start, p.end), 'First paragraph. It has two sentences.');
    const q = paragraphAt(TEXT, TEXT.indexOf('Same'));
    assert.ok(TEXT.slice(q.start, q.end).startsWith('Second one'));
  });

  test('sentenceAt finds the sentence around the cursor, trimmed', () => {
    const s = sentenceAt(TEXT, TEXT.indexOf('has'));
    assert.equal(TEXT.slice(s.start, s.end), 'It has two sentences.');
    const t = sentenceAt(TEXT, TEXT.indexOf('ends'));
    assert.equal(TEXT.slice(t.start, t.end), 'And ends here.');
  });

  test('sentenceAt at the very end of the text', () => {
    const s = sentenceAt(TEXT, TEXT.length);
    assert.equal(TEXT.slice(s.start, s.end), 'Same paragraph.');
  });

  test('wordAt takes letters, apostrophes and hyphens, not punctuation', () => {
    const text = "It's a well-known, 'quiet' fact — naïve.";
    const w = (s: string) => {
      const r = wordAt(text, text.indexOf(s) + 1);
      return text.slice(r.start, r.end);
    };
    assert.equal(w("It's"), "It's");
    assert.equal(w('well'), 'well-known');
    assert.equal(w('quiet'), 'quiet');
    assert.equal(w('naïve'), 'naïve');
    const between = wordAt(text, text.indexOf('—'));
    assert.equal(between.start, between.end);
  });
});
