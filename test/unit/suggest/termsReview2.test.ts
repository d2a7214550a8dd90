// Opinion constructions after the second review of issue 12 (round 8): the reviewer's sentences (C1-C7), each with a
// control that must still fire where the construction does judge.
import * as assert from 'node:assert/strict';
import { found, oneOpinion } from './helpers';

const opinions = (text: string) => found(text, 'opinion');

/** No suggestion whose text matches `pattern` in any of the sentences, each run on its own. */
function quietOn(sentences: string[], pattern: RegExp): void {
  const loud = sentences.flatMap((s) => opinions(s).filter((o) => pattern.test(o.text)).map((o) => `${o.text} in "${s}"`));
  assert.deepEqual(loud, []);
}

const one = oneOpinion;

suite('suggest/terms: constructions after the second review (issue 12, round 8)', () => {
  test('C3: "at best"/"at worst" with a figure measure a range, they do not grade', () => {
    quietOn([
      'At best, the bus takes forty minutes.',
      'At worst, flights will be delayed by an hour.',
      'The drive takes three hours at best.',
      'At best, the repairs will cost 2 million euros.',
    ], /^at (best|worst)$/i);
  });

  test('control: "at best"/"at worst" without a figure still grade', () => {
    assert.match(one('The plan is at best a gamble.', 'at best').explanation, /ranks or grades/);
    assert.match(one('At worst, the scheme is a waste of money.', 'At worst').explanation, /ranks or grades/);
    // A year is not a figure.
    one('In 2024, the plan was at best a gamble.', 'at best');
  });

  test('C2: a ranking by a measurable superlative is quiet, with or without a figure', () => {
    quietOn([
      'Wheat is by far the largest crop in the province.',
      'Heart disease is by far the leading cause of death.',
      'The lake is by a long way the deepest in Europe.',
      'Diabetes is by some distance the most common condition among the patients.',
      'The firm is by far the largest employer in the town, with 4,000 staff.',
    ], /^by /i);
  });

  test('control: a ranking by an evaluative superlative fires, even with a figure; a year is not a figure', () => {
    assert.match(one('At 40 percent, the rise is by far the harshest in a generation.', 'by far').explanation, /ranks or grades/);
    one('In 2024, the council\'s budget was by far the most cynical in memory.', 'by far');
    one('It is by some distance the funniest memoir of the year.', 'by some distance');
    one('Still, the 2025 festival was a joyless affair.', 'Still');
  });

  test('C1: a simile that describes (same kind, a dimension, a shape, "in which") is quiet', () => {
    quietOn([
      'The new law is like the old one, except for the deadline.',
      'Venus is like Earth in size and density.',
      'The new bridge is like its predecessor, a steel arch.',
      'The stadium is like a bowl, with seats on all sides.',
      'The cell is like a factory in which proteins are made.',
    ], /like/i);
  });

  test('control: a simile that judges is still suggested', () => {
    assert.match(one('Building the bridge is like building a motorway that ends in a farmyard.', 'is like').explanation, /a simile/);
    assert.match(one('The new law is like a gift to landlords.', 'is like').explanation, /a simile/);
    assert.match(one('The reform was like a bad joke, frankly.', 'was like').explanation, /a simile/);
  });

  test('C7: the denial note gives a noun example; the "but" branch spans to the judging head', () => {
    const h = one('A consultation whose result is brushed aside is not a consultation but a formality.', 'not a consultation but a formality');
    assert.match(h.explanation, /judgement by denial \("is not a formality"\)/);
    assert.doesNotMatch(h.explanation, /is not trivial/);
  });

  test('C5: a status ("yet", "so far") and a bare plural from the lists denied are facts', () => {
    quietOn([
      'The cuts are not violations of the contract, the tribunal found.',
      'The merger is not a success or a failure yet.',
      'The trial is not a success so far.',
    ], /^not /i);
  });

  test('control: a judgement denied still fires ("not nothing", "not a formality")', () => {
    one('Ninety seconds is not nothing.', 'not nothing');
    one('The review is not a formality, and we should say so.', 'not a formality');
  });

  test('C4: "Nothing less than" opening a sentence states a threshold; after a copula it judges', () => {
    quietOn(['Nothing less than a unanimous vote can change the club rules.', 'Nothing less than a full rebuild will do.'], /nothing less than/i);
    assert.match(one('The plan is nothing less than a scandal.', 'nothing less than').explanation, /construction of degree/);
  });

  test('C6: more judgements by denial: a reviewed noun, a slogan put in the place of a policy, "Far from" an action', () => {
    one('The failure to publish the report is not an oversight.', 'not an oversight');
    one('The scheme is not a policy but a slogan.', 'not a policy but a slogan');
    one('Frankly, the apology was not an apology but an excuse.', 'not an apology but an excuse');
    one('The new toll is far from a solution.', 'far from');
    one('Far from easing congestion, the new lanes have made it worse.', 'Far from');
    // Controls: a place, and a slogan denied alone, stay quiet.
    quietOn(['Far from the coast, temperatures fall quickly at night.', 'The phrase is not a slogan.'], /^(far from|not a slogan)$/i);
    // The comma must be in the same sentence.
    assert.ok(!opinions('Far from shrinking the town grew. Frankly, that is wonderful.').some((o) => o.text === 'Far from'));
  });
});
