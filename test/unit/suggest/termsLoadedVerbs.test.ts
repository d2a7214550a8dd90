// Loaded reporting verbs (issue 12, round 9): the writer frames a speaker's manner or motive ("boasted", "lashed
// out"); suggested as opinion next to the attribution cue, never the neutral verbs, never in a quotation or in what
// is reported.
import * as assert from 'node:assert/strict';
import { found, oneOpinion, shownOpinions } from './helpers';

const rule = 'opinion.loaded-verb';
const loaded = (text: string) => found(text, 'opinion').filter((o) => o.rule === rule).map((o) => o.text);

suite('suggest/terms: loaded reporting verbs (issue 12, round 9)', () => {
  test('a loaded verb in the writer\'s voice is suggested, and stays an attribution cue where it is one', () => {
    const text = 'The minister boasted that the new road had been finished early.';
    const s = oneOpinion(text, 'boasted');
    assert.equal(s.rule, rule);
    assert.match(s.explanation, /loaded reporting verb/);
    assert.ok(found(text, 'attribution').length > 0, 'the cue is still found');
    oneOpinion('The mayor lashed out at the council over the budget.', 'lashed out');
    oneOpinion('Opposition leaders railed against the tax on Monday.', 'railed against');
    oneOpinion('The company touted its new phone as the fastest on the market.', 'touted');
  });

  test('neutral reporting verbs and acts the guideline leaves unmarked stay quiet', () => {
    for (const text of [
      'The minister said that the new road had been finished early.',
      'The minister told reporters that the road was finished.',
      'The two sides reaffirmed that the talks would continue.',
      'The minister welcomed the agreement and praised the negotiators.',
      'The president hailed the agreement.',
      'The spokesman admitted that the figures were wrong.',
      'Rail services were cut after the storm.',
      'A blast was heard near the port.',
    ]) assert.deepEqual(loaded(text), [], `${text}: ${shownOpinions(text).join('; ')}`);
  });

  test('never inside a quotation or inside reported content: the source\'s words', () => {
    for (const text of [
      'She said: "He boasted about it for weeks."',
      'The report said the minister had boasted about the road.',
    ]) assert.deepEqual(loaded(text), [], `${text}: ${shownOpinions(text).join('; ')}`);
  });
});
