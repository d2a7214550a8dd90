import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { suggest } from '../../../src/core/suggest';
import { ClaimScore, FACT_OPINION_GATE, settleFact } from '../../../src/core/suggest/claims';
import { found } from './helpers';

/** The one sentence of text: its claim score, opinion score and the rules of its claim suggestion (if shown). */
function scored(text: string): { claim: number; opinion: number; rules: string[]; explanation: string } {
  const r = suggest(text, { minScore: 0 });
  assert.equal(r.sentences.length, 1, `one sentence expected in ${JSON.stringify(text)}`);
  const claim = r.suggestions.find((s) => s.kind === 'claim');
  const explanation = claim?.explanation ?? '';
  const rules = [...explanation.matchAll(/statement of fact \(a subject and (its state|what happened)|a statement that something exists/g)].map((m) => m[0]);
  return { claim: r.sentences[0].claimScore, opinion: r.sentences[0].opinionScore, rules, explanation };
}

const FACT = /statement of fact|something exists/;

suite('suggest/claims: statements of fact without numbers', () => {
  const facts: Array<[string, string]> = [
    ['The bridge is closed to traffic until Friday.', 'The bridge is closed'],
    ['The ferry did not sail this morning.', 'The ferry did not sail'],
    ['There are two pharmacies in the village.', 'There are two'],
    ['The old mill was sold to a builder.', 'The old mill was sold'],
    ['The footpath runs along the canal.', 'The footpath runs'],
    ['A cold front crosses the coast tonight.', 'A cold front crosses'],
    ['Below the dam the reservoir is shallow.', 'the reservoir is shallow'],
    ['The school has no lift.', 'The school has no'],
    ['The library had not yet become a museum.', 'The library had not yet become'],
  ];
  for (const [text, quoted] of facts) {
    test(`a statement of fact: ${text}`, () => {
      const claims = found(text, 'claim');
      assert.equal(claims.length, 1, `no claim suggested for ${text}`);
      assert.ok(claims[0].score >= 0.5);
      assert.match(claims[0].explanation, FACT);
      assert.ok(claims[0].explanation.includes(`(“${quoted}”)`), claims[0].explanation);
    });
  }

  const notFacts = [
    'Is the bridge closed until Friday?',
    'Close the bridge until Friday.',
    'If the bridge is closed, take the ferry.',
    'The bridge should be closed until Friday.',
    'We are closed until Friday.',
    'It was a quiet morning.',
    'This is the wrong approach.',
    'The plan is a disgrace.',
    'The results look promising.',
    'Drivers should slow down near schools.',
  ];
  for (const text of notFacts) {
    test(`no fact statement: ${text}`, () => {
      assert.doesNotMatch(scored(text).explanation, FACT);
    });
  }

  test('an opinion-leaning sentence of the same shape is not suggested as a fact', () => {
    for (const text of ['The decision was shameful and reckless.', "The minister's plan is dishonest and cruel."]) {
      const s = scored(text);
      assert.ok(s.opinion >= FACT_OPINION_GATE, `${text}: opinion ${s.opinion}`);
      assert.doesNotMatch(s.explanation, FACT, text);
      assert.ok(s.claim < 0.5, `${text}: claim ${s.claim}`);
    }
  });

  test('another cue stays the top rule and comes first in the explanation', () => {
    const claim = found('The governor signed the bill into law on Friday.', 'claim')[0];
    assert.equal(claim.rule, 'claim.official-act');
    assert.match(claim.explanation, /^Check-worthy statement: an official act/);
    assert.equal(found('Turnout fell to 38% on Sunday.', 'claim')[0].rule, 'claim.percentage');
  });

  test('a fact shape raises the claim score of a sentence that has other cues', () => {
    assert.ok(scored('The harbour was closed on Tuesday.').claim > scored('Closed on Tuesday, as every week.').claim);
  });

  // Generated sentences: subject x verb phrase x complement. Each is a fact; turned into a question, given a modal,
  // a first-person subject or an "if" it is not.
  const subjects = ['The bridge', 'The north road', "The council's office", 'The old library', 'A small ferry', 'Its main gate'];
  const predicates = ['is closed', 'was open', 'is busy', 'was repaired', 'did not open', 'has been empty', 'opened', 'stays'];
  const complements = ['until Friday', 'in the morning', 'near the station', 'after the storm', 'for the winter', 'along the river'];
  const sentence = fc.tuple(fc.constantFrom(...subjects), fc.constantFrom(...predicates), fc.constantFrom(...complements));

  test('property: a definite or indefinite subject, a finite verb and a place or time is a fact statement', () => {
    fc.assert(fc.property(sentence, ([s, p, c]) => {
      if (p === 'stays') return; // a present tense in -s is read only before a place, time or object ("stays until")
      const text = `${s} ${p} ${c}.`;
      const r = scored(text);
      assert.equal(r.rules.length, 1, `${text}: ${r.explanation}`);
      assert.ok(r.claim >= 0.5, `${text}: ${r.claim}`);
    }), { numRuns: 150 });
  });

  test('property: the same sentence as a question, with a modal, in the first person or after "if" is not one', () => {
    fc.assert(fc.property(sentence, fc.constantFrom('question', 'modal', 'first', 'if'), ([s, p, c], how) => {
      const rest = `${p} ${c}`;
      const text = how === 'question' ? `${s} ${rest}?`
        : how === 'modal' ? `${s} should say it ${rest}.`
          : how === 'first' ? `We think ${s.toLowerCase()} ${rest}.`
            : `If ${s.toLowerCase()} ${rest}, the bus waits.`;
      assert.doesNotMatch(scored(text).explanation, FACT, text);
    }), { numRuns: 150 });
  });

  test('settleFact takes back exactly what the fact cue added, and only at or above the gate', () => {
    fc.assert(fc.property(fc.double({ min: -4, max: 4, noNaN: true }), fc.double({ min: 0.5, max: 3, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (logit, fact, opinion) => {
      const make = (): ClaimScore => ({
        score: 1 / (1 + Math.exp(-logit)), logit, fact,
        cues: [{ rule: 'claim.number', weight: 1.4, start: 0, end: 1 }, { rule: 'claim.fact-state', weight: 0.4, start: 0, end: 5 }],
      });
      const c = make();
      settleFact(c, opinion);
      if (opinion < FACT_OPINION_GATE) {
        assert.deepEqual(c, make());
      } else {
        assert.deepEqual(c.cues.map((x) => x.rule), ['claim.number']);
        assert.equal(c.fact, 0);
        assert.ok(Math.abs(c.score - 1 / (1 + Math.exp(-(logit - fact)))) < 1e-12);
      }
    }));
  });
});
