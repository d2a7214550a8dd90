import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyseSentence, quoteSpans } from '../../../src/core/suggest/analyze';
import { buildLexicon } from '../../../src/core/suggest/buildLexicon';
import { OPINION_MODEL, OpinionModel, scoreOpinionSentence } from '../../../src/core/suggest/opinion';
import { DENSE_FEATURES } from '../../../src/core/suggest/opinionFeatures';
import { opinionTop, opinionWhy, whyText } from '../../../src/core/suggest/opinionWhy';

// opinionWhy builds the explanation once per top-three feature triple for models with dense features only (the
// shipped one): it must say exactly what whyText(opinionTop(...)) says, ties and all.
suite('suggest/opinion: the cached "Sentence leans on" text', () => {
  const lex = buildLexicon();
  const words = ['the', 'plan', 'is', 'a', 'disgraceful', 'waste', 'we', 'must', 'act', 'I', 'think', 'never', 'clearly', 'utterly',
    'shameful', 'but', 'not', 'will', 'could', 'you', '2019', '12', 'percent', 'Minister', 'said', 'sadly', 'worked', '"', '?', '!', ','];
  const sentence = fc.array(fc.constantFrom(...words), { minLength: 0, maxLength: 30 }).map((ws) => ws.join(' ') + '.');

  const why = (text: string, model: OpinionModel) => {
    const s = analyseSentence(text, { start: 0, end: text.length }, lex, quoteSpans(text, 0, text.length));
    const o = scoreOpinionSentence(s, [], 0, model, new Float64Array(DENSE_FEATURES.length));
    return [opinionWhy(o, model), whyText(opinionTop(o, model))];
  };

  test('the shipped model: the same text as from opinionTop', () => {
    fc.assert(fc.property(sentence, (text) => {
      const [fast, slow] = why(text, OPINION_MODEL);
      assert.equal(fast, slow, text);
    }), { numRuns: 300 });
  });

  test('dense-only models with tied weights: the same text and order as from opinionTop', () => {
    // Few distinct weights, so that contributions tie often; models are new objects, so each has its own cache.
    const model = fc.array(fc.tuple(fc.constantFrom(...DENSE_FEATURES), fc.constantFrom(0.5, 1, 1, 2, -1)), { minLength: 1, maxLength: 20 })
      .map((fw): OpinionModel => {
        const seen = new Map(fw);
        return { features: [...seen.keys()], weights: [...seen.values()], bias: 0 };
      });
    fc.assert(fc.property(model, fc.array(sentence, { minLength: 1, maxLength: 5 }), (m, texts) => {
      for (const text of texts) {
        const [fast, slow] = why(text, m);
        assert.equal(fast, slow, text);
      }
    }), { numRuns: 200 });
  });
});
