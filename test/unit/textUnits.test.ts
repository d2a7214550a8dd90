import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { suggest } from '../../src/core/suggest';
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

  test('sentenceAt cuts like the suggestions: titles and list markers do not end a sentence', () => {
    const text = 'Mr. Smith said the plan was sound. 1. The first item is costs.\n2. The second is time.';
    const at = (word: string) => {
      const r = sentenceAt(text, text.indexOf(word));
      return text.slice(r.start, r.end);
    };
    assert.equal(at('Smith'), 'Mr. Smith said the plan was sound.');
    assert.equal(at('Mr.'), 'Mr. Smith said the plan was sound.');
    assert.equal(at('first'), '1. The first item is costs.');
    assert.equal(at('second'), '2. The second is time.');
  });

  test('sentenceAt in white space only is empty', () => {
    const r = sentenceAt('   \n\n  ', 3);
    assert.equal(r.start, r.end);
  });

  test('property: sentenceAt and the suggestion engine cut every text into the same sentences', () => {
    const pieces = ['Mr.', 'Dr.', 'No.', '1.', '2)', 'The', 'mayor', 'said', 'it', 'works', 'fine', 'U.S.', '5', '“Yes.”', '"No!"', '?', '.', ',', '…', '—', ' ', ' ', ' ', '\n', '\n\n', '\r\n', 'e.g.', 'costs.', 'x'.repeat(50)];
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 200 }), fc.boolean(), (parts, spaced) => {
      const text = parts.join(spaced ? ' ' : '');
      for (const s of suggest(text).sentences) {
        for (const offset of [s.start, (s.start + s.end) >> 1, s.end - 1]) {
          assert.deepEqual(sentenceAt(text, offset), { start: s.start, end: s.end }, JSON.stringify({ text, offset }));
        }
      }
    }), { numRuns: 300 });
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
