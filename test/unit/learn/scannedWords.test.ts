// Phrase memory matched on the words of the engine's scan (issue 13) against the standalone path that finds the
// words itself: the same words (offsets, hashes) and the same matches, on any text and any range.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { WordBuffer, findWords } from '../../../src/core/learn/normalize';
import { PhraseMemory, SourceTag } from '../../../src/core/learn/phraseMemory';
import { ScannedWords } from '../../../src/core/learn/scannedWords';
import { paragraphRanges, suggestRange } from '../../../src/core/suggest';
import { MAX_CHUNK } from '../../../src/core/suggest/text';

function tag(quote: string, kind = 'opinion'): SourceTag {
  return { document: 'a.md', name: 'a.md', kind, quote, start: 0, end: quote.length };
}

/** The engine's words of text[start, end), as suggestRange hands them over (counting `memory`'s possible first words). */
function scanned(text: string, start: number, end: number, memory?: PhraseMemory): ScannedWords {
  const words = new ScannedWords();
  suggestRange(text, start, end, {}, words.reset(memory?.firstWords));
  return words;
}

/** What the standalone scan finds, as [start, end, hash or null]. */
function standalone(text: string, start: number, end: number): [number, number, number | null][] {
  const buf = new WordBuffer();
  const n = findWords(text, start, end, buf);
  return Array.from({ length: n }, (_, i) => [buf.starts[i], buf.ends[i], buf.hashed[i] ? buf.hashes[i] : null]);
}

function viewOf(w: ScannedWords): [number, number, number | null][] {
  return Array.from({ length: w.count }, (_, i) => [w.starts[i], w.ends[i], w.hashed[i] ? w.hashes[i] : null]);
}

const VOCAB = ['plan', 'Plans', 'reckless', 'U.S', 'U.S.', '3,500', '3.5', 'e.g.', 'boxes', 'Council’s', "council's", 'well-known', 'é', 'İx', '𝒜b', 'x\u0301', 'aan', 'ac0', 'AC2', 'Mr.', 'costly', 'idea'];
const GAPS = [' ', ' ', ' ', '  ', ', ', '. ', '.', ',', '\n', '\n\n', ' - ', '-', "'", '’', '"', ' (', '!', '\ud800', '😀'];
const textArb = fc.array(fc.tuple(fc.constantFrom(...VOCAB), fc.constantFrom(...GAPS)), { maxLength: 60 }).map((parts) => parts.map(([w, g]) => w + g).join(''));
const rangeOf = (text: string, a: number, b: number): [number, number] => {
  const start = a % (text.length + 1);
  return [start, start + (b % (text.length - start + 1))];
};

suite('learn: phrase memory on the engine’s scan', () => {
  test('property: the engine’s words of a range are the standalone scan’s, with the same hashes', function () {
    this.timeout(60_000);
    fc.assert(fc.property(textArb, fc.nat(), fc.nat(), (text, a, b) => {
      const [start, end] = rangeOf(text, a, b);
      const words = scanned(text, start, end);
      if (!words.whole) return;
      assert.deepEqual(viewOf(words), standalone(text, start, end), JSON.stringify(text.slice(start, end)));
    }), { numRuns: 1000 });
  });

  test('property: matching through the engine’s scan finds what the standalone path finds', function () {
    this.timeout(60_000);
    const phraseArb = fc.array(fc.constantFrom(...VOCAB), { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));
    fc.assert(fc.property(fc.array(fc.tuple(phraseArb, fc.constantFrom('opinion', 'claim')), { minLength: 1, maxLength: 6 }), textArb, fc.nat(), fc.nat(), (phrases, text, a, b) => {
      const m = new PhraseMemory(phrases.map(([q, kind]) => tag(q, kind)));
      const [start, end] = rangeOf(text, a, b);
      const id = (r: { start: number; end: number; inserted: boolean; entry: { kind: string; key: string } }) => `${r.start}:${r.end}:${r.inserted}:${r.entry.kind}:${r.entry.key}`;
      const expected = m.match(text, start, end).map(id);
      assert.deepEqual(m.match(text, start, end, scanned(text, start, end)).map(id), expected, JSON.stringify(text.slice(start, end)));
      // With the pre-check: the scan counts the words that may start a phrase, and none means no match.
      const precounted = scanned(text, start, end, m);
      assert.deepEqual(m.match(text, start, end, precounted).map(id), expected, JSON.stringify(text.slice(start, end)));
      if (precounted.whole) {
        let n = 0;
        for (let i = 0; i < precounted.count; i++) if (!precounted.hashed[i] || m.firstWords.has(precounted.hashes[i])) n++;
        assert.equal(precounted.candidates, n);
      }
    }), { numRuns: 1000 });
  });

  test('the pre-check: a paragraph with no possible first word is not matched at all; a count made for another memory is not trusted', () => {
    const m = new PhraseMemory([tag('reckless plan')]);
    const none = scanned('A costly idea.', 0, 14, m);
    assert.equal(none.candidates, 0);
    assert.equal(m.match('A costly idea.', 0, 14, none).length, 0);
    const text = 'A reckless plan.';
    const other = new PhraseMemory([tag('costly idea')]);
    const counted = scanned(text, 0, text.length, other);
    assert.equal(counted.candidates, 0);
    assert.deepEqual(m.match(text, 0, text.length, counted).map((r) => text.slice(r.start, r.end)), ['reckless plan']);
  });

  test('a paragraph the engine cuts inside a word (no space to cut at): the words are found afresh', () => {
    // One word of MAX_CHUNK + 100 letters: the engine's chunks end inside it, so its last 100 letters would look
    // like a word of their own, followed by "plan".
    const long = 'a'.repeat(MAX_CHUNK + 100) + ' plan, and a reckless plan';
    const words = scanned(long, 0, long.length);
    assert.equal(words.whole, false, 'the engine cut the long word');
    const m = new PhraseMemory([tag('a'.repeat(100) + ' plan'), tag('reckless plan')]);
    const found = m.match(long, 0, long.length, words);
    assert.deepEqual(found.map((r) => long.slice(r.start, r.end)), ['reckless plan']);
    assert.deepEqual(found, m.match(long, 0, long.length));
  });

  test('a long paragraph the engine cuts at spaces keeps its words whole, and a phrase across the cut is found', () => {
    const long = Array.from({ length: 1200 }, (_, i) => (i === 798 ? 'reckless' : i === 799 ? 'plan' : 'word')).join(' ');
    const words = scanned(long, 0, long.length);
    assert.equal(words.whole, true);
    assert.deepEqual(viewOf(words), standalone(long, 0, long.length));
    const m = new PhraseMemory([tag('reckless plan')]);
    const first = paragraphRanges(long)[0];
    assert.ok(first.end > long.indexOf('reckless') && first.end < long.indexOf('plan'), 'the engine cuts between the phrase\'s words');
    assert.deepEqual(m.match(long, 0, long.length, words).map((r) => long.slice(r.start, r.end)), ['reckless plan']);
  });
});
