// Opinion constructions after the review of issue 12 (round 7): each suggestion's span and explanation are honest,
// and plain facts said with a denial, a distance, a comparison, a ranking or a concession stay quiet.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { found, oneOpinion, shownOpinions } from './helpers';

const opinions = (text: string) => found(text, 'opinion');
const shown = shownOpinions;

/** Every sentence, run on its own, gets no opinion suggestion. */
function quiet(sentences: string[]): void {
  const loud = sentences.flatMap((s) => shown(s).map((o) => `${o} in "${s}"`));
  assert.deepEqual(loud, []);
}

const one = oneOpinion;

suite('suggest/terms: constructions after the review (issue 12, round 7)', () => {
  test('T1: a plain noun denied of the subject is a fact, not a judgement by denial', () => {
    quiet([
      // The reviewer's sentences.
      'The minister is not a member of parliament.',
      'The patient is not a smoker.',
      'The whale is not a fish.',
      'Mars is not the only planet with polar ice caps.',
      'The club is not the first to move its ground.',
      'The test is not the last of the season.',
      'The singer is not a sellout.',
      'The grant is not a loan.',
      'The probe is not a lander.',
      'The deal is not a merger.',
      'The river is not a border.',
      'The coach is not a replacement.',
      'The drug is not a cure.',
      'The merger is not a done deal.',
      // Ours.
      'The ferry is not a car ferry.',
      'The school is not the largest in the county.',
      'The bridge is not a toll road.',
      'The station is not the terminus of the line.',
      'The vaccine is not a live vaccine.',
      'The tablet is not the same model as last year.',
      'The court is not the first to rule on the question.',
      'The exhibition is not open on Mondays.',
      'The second phase is not finished yet.',
    ]);
  });

  test('T1: a denial suggestion spans "not", the determiner and its judging head noun; a kind of thing denied is quiet', () => {
    const judging = ['formality', 'coincidence', 'fiasco', 'travesty', 'disaster', 'farce', 'given'];
    const kinds = ['member', 'smoker', 'fish', 'loan', 'border', 'lander', 'planet', 'ferry', 'station', 'model', 'partnership'];
    fc.assert(
      fc.property(fc.constantFrom(...judging, ...kinds), fc.constantFrom('a', 'the'), fc.constantFrom('', 'only ', 'first ', 'same '), (noun, det, picker) => {
        const text = `Frankly, this is not ${det} ${picker}${noun}.`;
        const denials = opinions(text).filter((s) => /judgement by denial/.test(s.explanation));
        for (const d of denials) {
          assert.ok(judging.includes(noun) && picker === '', `${d.text} in "${text}"`);
          assert.equal(d.text, `not ${det} ${noun}`, text);
        }
      }),
      { numRuns: 200 },
    );
  });

  test('control: a judgement denied is still suggested, over the whole phrase', () => {
    const h = one('The review is not a formality, and we should say so.', 'not a formality');
    assert.match(h.explanation, /judgement by denial/);
    one('Technology is not the privilege of a few.', 'not the privilege');
    one('Ninety seconds is not nothing.', 'not nothing');
    // Round 8 (C7): the span runs to the judgement that replaces the noun denied.
    one('A consultation whose result is brushed aside is not a consultation but a formality.', 'not a consultation but a formality');
    // The span never stops inside the noun phrase ("not a political" for "not a political stunt").
    assert.ok(!shown('The vote is not a political stunt.').some((s) => s.startsWith('not a political ')));
  });

  test('T2: "far from" a place and "is like" in an explanation or a question are quiet', () => {
    quiet([
      'The village lies far from the coast.',
      'Far from the coast, temperatures fall quickly at night.',
      'The island lies far from the mainland.',
      'The farm is far from the nearest town.',
      'Snow is like rain in that it forms in clouds.',
      'The virus is like influenza in that it spreads in winter.',
      'A comet is like an asteroid in that it orbits the sun.',
      'Residents described what the flood was like.',
    ]);
    assert.ok(!shown('Nobody knows what the surface of the moon is like.').some((s) => s.startsWith('is like')));
  });

  test('control: "far from" before a state and a simile that judges are still suggested', () => {
    assert.match(one('The result is far from perfect.', 'far from').explanation, /denies in order to judge/);
    assert.match(one('Building the bridge is like building a motorway that ends in a farmyard.', 'is like').explanation, /a simile/);
  });

  test('T3: a ranking with a figure, a forecast with "may well" and "Still," before a plain fact are quiet', () => {
    quiet([
      'The firm is by far the largest employer in the town, with 4,000 staff.',
      'It is by some distance the wettest town in the country, with 2,000 mm of rain a year.',
      'The river is by a wide margin the longest in the province, at 900 kilometres.',
      'Rain may well spread from the west later.',
      'Showers may well reach the coast by evening.',
      'Still, it is the largest dam in the region.',
      'Still, the road reopened at noon.',
      'Still, the station handled two million passengers.',
    ]);
  });

  test('control: a ranking, "may well" and a concession that judge are still suggested', () => {
    one('It is by some distance the funniest memoir of the year.', 'by some distance');
    assert.match(one('A merger may well be right, but it must be done properly.', 'may well').explanation, /weighs a likelihood/);
    assert.match(one('Still, it is rare to hear a senior official say so.', 'Still').explanation, /concession/);
  });

  test('T4: "at best"/"at worst" are one construction; "is akin to" a simile; "Nothing less than" a threshold is quiet', () => {
    assert.match(one('The plan is at best a gamble.', 'at best').explanation, /ranks or grades/);
    assert.match(one('At worst, the scheme is a waste of money.', 'At worst').explanation, /ranks or grades/);
    assert.ok(!shown('The plan is at best a gamble.').some((s) => s.startsWith('best ')));
    const akin = one('The tax is akin to a levy on work.', 'is akin to');
    assert.match(akin.explanation, /a simile/);
    assert.doesNotMatch(akin.explanation, /descriptive adjective/);
    quiet(['Nothing less than a two-thirds majority is needed to change the law.', 'Nothing less than a three-fifths vote can override a veto.']);
    // Control: "best" alone is still the main lexicon's evaluative word; "nothing less than" before a judgement fires.
    assert.match(one('It was the best result of the year.', 'best').explanation, /evaluative word/);
    assert.match(one('The plan is nothing less than a scandal.', 'nothing less than').explanation, /construction of degree/);
  });
});
