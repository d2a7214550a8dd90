// Register formulae of diplomatic and state-media praise (issue 12, round 9): shown whatever the sentence's opinion
// score, in reported speech too, never inside a quotation; plain uses of the same words stay quiet.
import * as assert from 'node:assert/strict';
import { formulaAt, FORMULA_HEADS, FORMULA_MODIFIERS } from '../../../src/core/suggest/formulae';
import { scanChunk } from '../../../src/core/suggest/scan';
import { found, oneOpinion, shownOpinions } from './helpers';

const opinions = (text: string) => found(text, 'opinion');

suite('suggest/terms: register formulae of diplomatic praise (issue 12, round 9)', () => {
  test('a readout\'s ritual praise is suggested, as the whole formula', () => {
    const s = oneOpinion('The two sides held an in-depth exchange of views on regional security.', 'in-depth exchange of views');
    assert.equal(s.rule, 'opinion.formula');
    assert.match(s.explanation, /diplomatic or official praise/);
    oneOpinion('The talks took place in a cordial and friendly atmosphere.', 'cordial and friendly atmosphere');
    oneOpinion('Both leaders noted the strategic character of the relationship.', 'strategic character');
    oneOpinion('The agreement opens new prospects for trade between the two countries.', 'new prospects');
  });

  test('in what an attribution reports, a formula is still the publisher\'s praise (and the explanation says where it is)', () => {
    const text = 'The two sides reaffirmed their firm commitment to the 2019 agreement, the ministry said.';
    const s = oneOpinion(text, 'firm commitment');
    assert.match(s.explanation, /firm commitment/);
  });

  test('never inside a quotation: the speaker\'s own words', () => {
    const text = 'The minister said: "We held fruitful talks on trade."';
    assert.deepEqual(opinions(text).filter((o) => /talks/.test(o.text)), [], shownOpinions(text).join('; '));
  });

  test('controls: the same words in plain use stay quiet', () => {
    for (const text of [
      'The firm reported results for the third quarter on Tuesday.',
      'The visit lasted two days.',
      'Shares closed at a new high on Friday.',
      'The new stage of the theatre seats 300 people.',
      'The strategic reserve holds 40 days of fuel.',
    ]) {
      assert.deepEqual(opinions(text).filter((o) => o.rule === 'opinion.formula'), [], `${text}: ${shownOpinions(text).join('; ')}`);
    }
  });

  test('formulaAt: a praise word joined to others by "and" or a comma, then a noun of diplomacy, at most one word between', () => {
    const at = (text: string, i: number) => {
      const chunk = scanChunk(text, 0, text.length);
      const last = formulaAt(text, chunk.tokens, chunk.tokenCount, i);
      return last < 0 ? '' : text.slice(chunk.tokens[i].start, chunk.tokens[last].end);
    };
    assert.equal(at('frank, in-depth and constructive talks', 0), 'frank, in-depth and constructive talks');
    assert.equal(at('fruitful bilateral talks', 0), 'fruitful bilateral talks');
    assert.equal(at('fruitful talks', 0), 'fruitful talks');
    assert.equal(at('fruitful and long talks', 0), '');
    assert.equal(at('fruitful Paris talks', 0), '');
    assert.equal(at('mutually beneficial', 0), 'mutually beneficial');
    for (const w of FORMULA_MODIFIERS) assert.ok(!FORMULA_HEADS.has(w), w);
  });
});
