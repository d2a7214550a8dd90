import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { paragraphRanges, suggest, suggestRange } from '../../../src/core/suggest';
import { quoteSpans, quoteSpansOfMarks } from '../../../src/core/suggest/analyze';
import { MAX_CHUNK, reusableChunk, scanChunk, sentenceRanges } from '../../../src/core/suggest/text';

suite('suggest/text: paragraphs and sentences', () => {
  test('paragraphs are split at blank lines and trimmed', () => {
    const text = '  First para.\nstill first.\n\n\n  Second.  \n \nThird.';
    assert.deepEqual(paragraphRanges(text).map((p) => text.slice(p.start, p.end)), ['First para.\nstill first.', 'Second.', 'Third.']);
  });

  test('CRLF blank lines separate paragraphs too', () => {
    const text = 'One.\r\n\r\nTwo.';
    assert.deepEqual(paragraphRanges(text).map((p) => text.slice(p.start, p.end)), ['One.', 'Two.']);
  });

  test('a paragraph longer than MAX_CHUNK is cut after a sentence, never inside a word', () => {
    const text = 'The council met again today. '.repeat(400);
    const ranges = paragraphRanges(text);
    assert.ok(ranges.length > 1);
    for (const r of ranges) {
      assert.ok(r.end - r.start <= MAX_CHUNK);
      assert.ok(text.slice(r.start, r.end).endsWith('today.'));
    }
  });

  test('titles and numbered abbreviations do not end sentences; "no." at the end does', () => {
    const text = 'Mr. Smith met Dr. Jones on Jan. 5 at No. 10. He said no. Then he left.';
    assert.deepEqual(sentenceRanges(text, 0, text.length).map((s) => text.slice(s.start, s.end)),
      ['Mr. Smith met Dr. Jones on Jan. 5 at No. 10.', 'He said no.', 'Then he left.']);
  });

  test('sentence scan: closing quotes stay, "?!" ends, a lower-case or number-led word continues, line breaks end', () => {
    // The same sentences as Intl.Segmenter (Unicode sentence-break rules) gives, with our repairs.
    const text = 'He said “no.” Then he left. Costs rose. 3 million people paid… Really?! yes, he did. (See below.) Line one\nLine two. The U.S. economy grew 2.1 percent. “Go,” she said. 1. First item.';
    assert.deepEqual(sentenceRanges(text, 0, text.length).map((s) => text.slice(s.start, s.end)), [
      'He said “no.”', 'Then he left.', 'Costs rose. 3 million people paid… Really?!', 'yes, he did.', '(See below.)', 'Line one',
      'Line two.', 'The U.S. economy grew 2.1 percent.', '“Go,” she said.', '1. First item.',
    ]);
  });

  test('property: paragraph ranges are ordered, disjoint, non-empty and inside the text', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '\n', '.', 'é', '😀', 'B', '\r') , maxLength: 9000 }), (text) => {
      let last = 0;
      for (const r of paragraphRanges(text)) {
        assert.ok(r.start >= last && r.end > r.start && r.end <= text.length);
        assert.ok(r.end - r.start <= MAX_CHUNK);
        last = r.end;
      }
    }), { numRuns: 60 });
  });

  test('property: suggest(text) equals suggestRange over paragraphRanges(text), concatenated', () => {
    const words = ['The', 'council', 'said', 'prices', 'rose', '12%', 'in', '2019.', 'This', 'is', 'clearly', 'outrageous.', '"We', 'lost,"', 'she', 'said.', '\n\n', 'Critics', 'argue', 'that'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...words), { maxLength: 80 }), (ws) => {
      const text = ws.join(' ');
      const whole = suggest(text);
      const parts = paragraphRanges(text).map((p) => suggestRange(text, p.start, p.end));
      assert.deepEqual(parts.flatMap((p) => p.suggestions), whole.suggestions);
      assert.deepEqual(parts.flatMap((p) => p.sentences), whole.sentences);
      for (const s of whole.suggestions) {
        assert.equal(s.text, text.slice(s.start, s.end));
        assert.ok(s.score >= 0 && s.score <= 1);
      }
    }), { numRuns: 80 });
  });

  test('offsets are UTF-16 offsets into the original text (astral characters before a match)', () => {
    const text = '😀😀 The mayor spoke. The plan was clearly a disgrace.';
    const { suggestions } = suggest(text);
    const clearly = suggestions.find((s) => s.term === 'clearly');
    assert.ok(clearly);
    assert.equal(text.slice(clearly.start, clearly.end), 'clearly');
  });

  test('quoteSpans pairs “…” and "…", skips a stray ” and curly single quotes, and drops an unclosed quote', () => {
    const text = 'A “first” and "second", don’t ” stray, “nested "inner" still” then “open';
    const span = (q: string) => ({ start: text.indexOf(q), end: text.indexOf(q) + q.length });
    assert.deepEqual(quoteSpans(text, 0, text.length), [span('“first”'), span('"second"'), span('“nested "inner" still”')]);
    // Offsets stay those of the whole text when only a part is searched.
    const from = text.indexOf('"second"');
    assert.deepEqual(quoteSpans(text, from, text.length), [span('"second"'), span('“nested "inner" still”')]);
  });

  test('property: quotations from the marks scanChunk notes = quoteSpans; a reused chunk = a fresh one', () => {
    const reused = reusableChunk();
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', 'B', ' ', '"', '“', '”', '‘', '’', "'", '.', '\n', '1'), maxLength: 300 }), (text) => {
      const fresh = scanChunk(text, 0, text.length);
      const chunk = scanChunk(text, 0, text.length, reused);
      assert.deepEqual(quoteSpansOfMarks(text, chunk.quoteMarks, chunk.quoteMarkCount), quoteSpans(text, 0, text.length));
      assert.deepEqual(chunk.tokens.slice(0, chunk.tokenCount), fresh.tokens);
      assert.deepEqual(chunk.sentences.slice(0, chunk.sentenceCount), fresh.sentences);
    }));
  });
});
