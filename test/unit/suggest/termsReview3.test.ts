// Noticed false alarms and a miss of the contextual tier (issue 12, round 9), each with controls that must still fire.
import * as assert from 'node:assert/strict';
import { found, oneOpinion } from './helpers';

const opinions = (text: string) => found(text, 'opinion');

/** No opinion suggestion whose text matches `pattern` in any of the sentences, each run on its own. */
function quietOn(sentences: string[], pattern: RegExp): void {
  const loud = sentences.flatMap((s) => opinions(s).filter((o) => pattern.test(o.text)).map((o) => `${o.text} in "${s}"`));
  assert.deepEqual(loud, []);
}

suite('suggest/terms: noticed false alarms and misses (issue 12, round 9)', () => {
  test('a likeness under a physical condition describes: "like water at room temperature"', () => {
    quietOn([
      'The substance is like water at room temperature.',
      'The gas is like air at high pressure.',
      'The mixture was like honey below freezing point.',
    ], /^(is|was) like$/i);
  });

  test('control: similes that judge still fire', () => {
    oneOpinion('The new bypass is like building a motorway that ends in a farmyard.', 'is like');
    oneOpinion('The tax cut is like a gift to landlords.', 'is like');
  });

  test('"is not a <thing of design> at all" denies a plan its name; "not a fish at all" states a fact', () => {
    const s = oneOpinion('The new scheme is not a plan at all.', 'not a plan at all');
    assert.match(s.explanation, /denial/);
    oneOpinion('What the council published is not a strategy at all.', 'not a strategy at all');
    quietOn(['A whale is not a fish at all.', 'Pluto is not a planet at all, the union decided.'], /^not a/i);
  });

  test('"Nobody knows what/how …" admits not knowing: not a sweeping generalisation', () => {
    quietOn([
      'Nobody knows what the surface of the planet is like.',
      'Nobody knows how many people live in the valley.',
      'No one can say when the bridge will reopen.',
      'Nobody knew whether the ferry would sail.',
    ], /^(nobody|no one)$/i);
  });

  test('control: a sweeping generalisation still fires', () => {
    oneOpinion('Nobody seriously believes this plan will work.', 'Nobody');
    oneOpinion('Few politicians have the courage to say so.', 'Few');
  });

  test('"more time" quantifies: a degree word before a noun of amount does not judge it', () => {
    quietOn([
      'The council simply needs more time to decide.',
      'Sadly, the council needs more time to decide.',
      'The council needs far more time.',
    ], /more time/i);
  });

  test('control: a degree word before what it judges still fires', () => {
    oneOpinion('Sadly, the form is so complicated that few finish it.', 'so complicated');
    oneOpinion('Sadly, the new trains are more crowded than ever.', 'more crowded');
  });
});

suite('suggest/terms: a subject and its verb are two judgements (issue 12, round 9)', () => {
  test('"sceptics scoffed": the plural noun and the verb it governs are not joined into one phrase', () => {
    const text = 'For years sceptics scoffed at the plan.';
    oneOpinion(text, 'sceptics');
    oneOpinion(text, 'scoffed');
  });

  test('control: an evaluative modifier and its evaluative head stay one phrase', () => {
    oneOpinion('It was an act of shameful cowardice.', 'shameful cowardice');
    oneOpinion('The scheme was deeply flawed.', 'deeply flawed');
  });
});
