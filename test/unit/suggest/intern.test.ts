import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { INTERN_SIZE, scanChunk } from '../../../src/core/suggest/text';

// The scan interns lower-cased words and numbers them densely (Token.id); the detectors cache per-word look-ups
// by that id, so one id must always mean one word. The table grows while words are added: enough distinct words
// here to make it double several times.
suite('suggest/text: interned words', () => {
  const letter = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'.split(''));
  const part = fc.array(letter, { minLength: 1, maxLength: 9 }).map((cs) => cs.join(''));
  const word = fc.array(part, { minLength: 1, maxLength: 2 }).chain((ps) => fc.constantFrom("'", '’', '-').map((j) => ps.join(j)));

  test('property: a token\'s lower form is its text lower-cased (’ made \'), and ids map one-to-one to lower forms', () => {
    const byId = new Map<number, string>();
    const idOf = new Map<string, number>();
    fc.assert(
      fc.property(fc.array(word, { minLength: 200, maxLength: 400 }), (words) => {
        const text = words.join(' ');
        for (const t of scanChunk(text, 0, text.length).tokens) {
          assert.equal(t.lower, text.slice(t.start, t.end).toLowerCase().replace(/’/g, "'"));
          if (t.id < 0) continue;
          assert.ok(t.id < INTERN_SIZE);
          assert.equal(byId.get(t.id) ?? t.lower, t.lower, `id ${t.id} names two words`);
          assert.equal(idOf.get(t.lower) ?? t.id, t.id, `"${t.lower}" has two ids`);
          byId.set(t.id, t.lower);
          idOf.set(t.lower, t.id);
        }
      }),
      { numRuns: 30 },
    );
    assert.ok(byId.size > 5000, `only ${byId.size} distinct words interned`);
  });
});
