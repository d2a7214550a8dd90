import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyseSentence, matchLexicon, quoteSpans } from '../../../src/core/suggest/analyze';
import { buildLexicon } from '../../../src/core/suggest/buildLexicon';
import type { LexEntry } from '../../../src/core/suggest/lexicon';
import { sentenceScore, suggestion } from '../../../src/core/suggest/made';
import type { Suggestion } from '../../../src/core/suggest/types';

// suggestRange's results are made by constructors (made.ts) for speed; callers (the editor, the CLI's JSON, the
// snapshot) must see exactly what the object literals gave: the same own keys in the same order, optional keys
// absent (not undefined), the same JSON.
suite('suggest/made: results made by constructors look like the literals', () => {
  const span = fc.record({ start: fc.nat(), end: fc.nat() });
  const parts = fc.record({ source: span, cue: span, content: span }, { requiredKeys: [] });
  const kind = fc.constantFrom<Suggestion['kind']>('claim', 'attribution', 'opinion');

  test('sentence scores', () => {
    fc.assert(fc.property(fc.nat(), fc.nat(), fc.double({ noNaN: true }), fc.double({ noNaN: true }), (start, end, c, o) => {
      const made = sentenceScore(start, end, c, o);
      const literal = { start, end, claimScore: c, opinionScore: o };
      assert.deepEqual(Object.keys(made), Object.keys(literal));
      assert.equal(JSON.stringify(made), JSON.stringify(literal));
    }));
  });

  test('suggestions with and without term, parts and unnamedSource', () => {
    fc.assert(fc.property(kind, fc.nat(), fc.nat(), fc.string(), fc.string(), fc.string(), fc.double({ min: 0, max: 1, noNaN: true }),
      fc.option(fc.string(), { nil: undefined }), fc.option(fc.tuple(parts, fc.boolean()), { nil: undefined }),
      (k, start, end, text, rule, explanation, score, term, withParts) => {
        const made = withParts
          ? suggestion(k, start, end, text, rule, explanation, score, term ?? '', withParts[0], withParts[1])
          : suggestion(k, start, end, text, rule, explanation, score, term);
        const literal: Suggestion = { kind: k, start, end, text, rule, explanation, score };
        if (withParts) Object.assign(literal, { term: term ?? '', parts: withParts[0], unnamedSource: withParts[1] });
        else if (term !== undefined) literal.term = term;
        assert.deepEqual(Object.keys(made), Object.keys(literal));
        assert.equal(JSON.stringify(made), JSON.stringify(literal));
        assert.equal('term' in made, 'term' in literal);
      }));
  });
});

// matchLexicon looks a head word's phrases up by the next word only when that word's id is among the phrases'
// second words (analyze.ts, Headed.seconds): it must find exactly what trying every entry of the head finds.
suite('suggest/analyze: matchLexicon with the second-word filter', () => {
  const lex = buildLexicon({ extraTerms: { opinion: ['deal worth', 'café crème', 'the fact'] } });
  const words = ['the', 'fact', 'that', 'a', 'deal', 'worth', 'having', 'in', 'wake', 'of', 'great', 'success', 'resounding', 'triumph',
    'according', 'to', 'said', 'United', 'States', 'café', 'crème', 'regime’s', 'utterly', 'shameful', 'Minister', 'more', 'than', 'first', 'place'];
  const sentence = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 25 }).map((ws) => ws.join(' ') + '.');

  /** Every entry of every head tried in list order (longest first), as before the filter. */
  const naive = (text: string) => {
    const s = analyseSentence(text, { start: 0, end: text.length }, lex, quoteSpans(text, 0, text.length));
    const t = s.tokens;
    const found: string[] = [];
    const covered = { opinion: 0, claim: 0, attribution: 0 };
    for (let i = 0; i < t.length; i++) {
      const inName = t[i].cap && i > 0 && (t[i - 1].cap || (i + 1 < t.length && t[i + 1].cap));
      const w = t[i].lower;
      // "regime's": the one-word opinion entries of "regime".
      const own = w.length >= 4 && w.endsWith("'s") ? (lex.get(w.slice(0, -2)) ?? []).filter((e) => e.words.length === 1 && e.family === 'opinion') : [];
      const list: LexEntry[] = lex.get(w) ?? own;
      const phrases = list.filter((e) => e.words.length > 1 && i + 1 < t.length && e.words[1] === t[i + 1].lower);
      for (const e of [...phrases, ...list.filter((x) => x.words.length === 1)]) {
        const len = e.words.length;
        if (i + len > t.length || (inName && len === 1)) continue;
        if (!e.words.every((x, k) => k === 0 || t[i + k].lower === x)) continue; // (the first word: its look-up)
        if (covered[e.family] > i) continue;
        covered[e.family] = i + len;
        found.push(`${e.term}@${i}`);
      }
    }
    return { s, found };
  };

  test('the same matches as trying every entry', () => {
    fc.assert(fc.property(sentence, (text) => {
      const { s, found } = naive(text);
      assert.deepEqual(matchLexicon(s.tokens, lex).map((m) => `${m.entry.term}@${m.first}`), found, text);
    }), { numRuns: 500 });
  });
});
