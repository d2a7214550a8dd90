import * as assert from 'node:assert/strict';
import { suggest } from '../../../src/core/suggest';
import { isAmPm, isClockTime, isDigitAfterShortPrefix, isShortNumber } from '../../../src/core/suggest/claims';
import { found } from './helpers';

function claimScore(text: string): number {
  const { sentences } = suggest(text);
  assert.equal(sentences.length, 1, `one sentence expected in ${JSON.stringify(text)}`);
  return sentences[0].claimScore;
}

suite('suggest/claims', () => {
  const positives: Array<[string, string]> = [
    ['Unemployment rose to 7.4% in March, the highest level since 2009.', 'claim.percentage'],
    ['The council approved a $4.2 million budget for the new library.', 'claim.money'],
    ['Prices have doubled since the plant closed.', 'claim.comparison'],
    ['It was the deadliest storm to hit the island in a century.', 'claim.superlative'],
    ['The governor signed the bill into law on Friday.', 'claim.official-act'],
    ['Officials at the Ministry of Transport said 1,200 trains were cancelled.', 'claim.number'],
  ];
  for (const [text, rule] of positives) {
    test(`flags: ${text}`, () => {
      const claims = found(text, 'claim');
      assert.equal(claims.length, 1);
      assert.ok(claims[0].score >= 0.5);
      assert.equal(claims[0].start, 0);
      assert.match(claims[0].explanation, /Check-worthy/);
      assert.ok(claims[0].rule === rule || claims[0].explanation.includes(rule.replace('claim.', '')) || /number|percentage|money|official|comparison|superlative/.test(claims[0].rule), `rule ${claims[0].rule}`);
    });
  }

  test('the top rule names the strongest cue', () => {
    assert.equal(found('Turnout fell to 38% on Sunday.', 'claim')[0]?.rule, 'claim.percentage');
    assert.equal(found('The company paid €3 million in fines.', 'claim')[0]?.rule, 'claim.money');
  });

  const negatives = [
    'See Chapter 3 and page 12 for details.',
    'What does this mean for the rest of us?',
    'I think we should all take a deep breath.',
    'At first, nobody noticed.',
    'It was a quiet morning.',
    'Why did 40 people leave?',
  ];
  for (const text of negatives) {
    test(`does not flag: ${text}`, () => {
      assert.equal(found(text, 'claim').length, 0);
      assert.ok(claimScore(text) < 0.5);
    });
  }

  test('numbers used as labels or list markers are not claim cues', () => {
    assert.ok(claimScore('Read Section 4 of the report.') < claimScore('Read 4 reports on the budget.'));
    assert.ok(claimScore('1. Open the window.') < 0.5);
  });

  test('a question scores lower than the same statement', () => {
    assert.ok(claimScore('Did prices rise 12 percent in 2023?') < claimScore('Prices rose 12 percent in 2023.'));
  });

  test('extraTerms.claim adds a cue and ignoredTerms removes one', () => {
    const text = 'The agency issued a recall notice.';
    const before = claimScore(text);
    const withTerm = suggest(text, { extraTerms: { claim: ['recall notice'] } }).sentences[0].claimScore;
    assert.ok(withTerm > before);
    const ignored = suggest('The governor signed the bill.', { ignoredTerms: ['signed'] }).sentences[0].claimScore;
    assert.ok(ignored < suggest('The governor signed the bill.').sentences[0].claimScore);
  });

  test('sentence scores are in [0, 1] and cover every sentence', () => {
    const text = 'Sales fell 9%. Nobody knows why. The board resigned on Monday.';
    const { sentences } = suggest(text);
    assert.equal(sentences.length, 3);
    for (const s of sentences) assert.ok(s.claimScore >= 0 && s.claimScore <= 1 && s.opinionScore >= 0 && s.opinionScore <= 1);
    assert.ok(sentences[0].claimScore >= 0.5 && sentences[1].claimScore < 0.5);
  });

  test('the char-code number tests agree with the regexes they replace', () => {
    const pairs: Array<[(w: string) => boolean, RegExp]> = [
      [isShortNumber, /^\d{1,2}$/], [isDigitAfterShortPrefix, /^[a-z]{0,2}\d/], [isClockTime, /^\d{1,2}[:.]\d\d$/], [isAmPm, /^[ap]\.?m$/],
    ];
    const alphabet = ['0', '1', '9', 'a', 'p', 'm', 'z', 'A', '.', ':', ',', '-', '/', '١', 'é'];
    let seed = 11;
    const rnd = (n: number): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed % n);
    const words = ['', '9:30', '10.45', '1', '12', '123', 'am', 'a.m', 'pm', 'p.m', 'g7', 'covid19', 'ab1', 'abc1', '9:3', '123:45'];
    for (let i = 0; i < 20000; i++) {
      let w = '';
      for (let n = rnd(7); n > 0; n--) w += alphabet[rnd(alphabet.length)];
      words.push(w);
    }
    for (const w of words) for (const [fn, re] of pairs) assert.equal(fn(w), re.test(w), `${fn.name}(${JSON.stringify(w)})`);
  });
});
