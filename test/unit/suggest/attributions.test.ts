import * as assert from 'node:assert/strict';
import { found, slice } from './helpers';

function one(text: string) {
  const a = found(text, 'attribution').filter((s) => s.parts?.cue);
  assert.equal(a.length, 1, `one attribution expected in ${JSON.stringify(text)}, got ${JSON.stringify(a.map((x) => x.text))}`);
  const p = a[0].parts!;
  return { s: a[0], source: slice(text, p.source), cue: slice(text, p.cue), content: slice(text, p.content) };
}

suite('suggest/attributions', () => {
  test('a cue followed by "about" names the topic, not what was said: no content (issue 12, round 9)', () => {
    const r = one('I used to think the drivers who complain about speed bumps were simply cranky.');
    assert.equal(r.cue, 'complain');
    assert.equal(r.content, undefined);
    // The writer's own judgement after it is no longer hidden as reported speech.
    assert.ok(found('I used to think the drivers who complain about speed bumps were simply cranky.', 'opinion').some((o) => /cranky/.test(o.text)));
    // Control: with "that", what was said is the content.
    assert.equal(one('Residents complained that the noise was unbearable.').content, 'the noise was unbearable');
  });

  test('subject + reporting verb + that-clause', () => {
    const r = one('Mayor Elena Fischer said that the line would open in 2027.');
    assert.deepEqual([r.source, r.cue, r.content], ['Mayor Elena Fischer', 'said', 'the line would open in 2027']);
    assert.equal(r.s.unnamedSource, false);
    assert.equal(r.s.rule, 'attribution.reporting-verb');
    assert.equal(r.s.term, 'said');
  });

  test('quotation before an inverted cue: content is the quote, source follows the cue', () => {
    const r = one('“We found corrosion in the cables,” said Tomas Varga.');
    assert.equal(r.cue, 'said');
    assert.equal(r.content, '“We found corrosion in the cables,”');
    assert.equal(r.source, 'Tomas Varga');
  });

  test('told + audience + that', () => {
    const r = one('Union secretary Marta Olsen told reporters that wages had fallen.');
    assert.equal(r.cue, 'told');
    assert.equal(r.content, 'wages had fallen');
    assert.equal(r.source, 'Union secretary Marta Olsen');
  });

  test('according to X, content', () => {
    const r = one('According to the port authority, 60 ships were delayed.');
    assert.deepEqual([r.cue, r.source, r.content], ['According to', 'the port authority', '60 ships were delayed']);
    assert.equal(r.s.rule, 'attribution.according-to');
  });

  test('content, according to X', () => {
    const r = one('Sixty ships were delayed, according to the port authority.');
    assert.deepEqual([r.content, r.source], ['Sixty ships were delayed', 'the port authority']);
  });

  test('unnamed sources are flagged', () => {
    for (const text of ['Officials said the plan was on track.', 'Critics argue that the scheme is unfair.', 'Experts warned that the dam could fail.', 'A senior official told reporters that talks had stalled.']) {
      assert.equal(one(text).s.unnamedSource, true, text);
      assert.match(one(text).s.explanation, /unnamed/);
    }
    assert.equal(one('Jane Doe said the plan was on track.').s.unnamedSource, false);
  });

  test('passive hearsay is an attribution to no one', () => {
    const a = found('It is said that the budget was diverted.', 'attribution');
    assert.equal(a.length, 1);
    assert.equal(a[0].rule, 'attribution.passive');
    assert.equal(a[0].unnamedSource, true);
  });

  const negatives = [
    'That said, neither side has ruled out talks.',
    'Having said that, the numbers look better.',
    'The said property was sold in 1998.',
    'Its stated aim was to reduce waste.',
    'The reported cases were all in the north.',
    'All told, the damage was modest.',
    'It is easier said than done.',
    'The company said nothing about the Dublin office.',
    'Insurance claims rose sharply after the storm.',
    'She added sugar to the sauce.',
    'The point of the exercise was unclear.',
  ];
  for (const text of negatives) {
    test(`no attribution: ${text}`, () => {
      assert.deepEqual(found(text, 'attribution').filter((s) => s.parts?.cue).map((s) => s.text), []);
    });
  }

  test('a reporting verb inside a quotation is the source’s words, not a second attribution', () => {
    const text = '"We found out before our managers told us," one engineer said.';
    const cues = found(text, 'attribution').map((s) => slice(text, s.parts?.cue));
    assert.deepEqual(cues, ['said']);
  });

  test('a long quotation with no cue is suggested as an unattributed quote', () => {
    const a = found('"We are asking to be paid what we were paid before."', 'attribution');
    assert.equal(a.length, 1);
    assert.equal(a[0].rule, 'attribution.quote');
    assert.equal(a[0].parts?.cue, undefined);
  });

  test('"in a statement" next to a reporting verb is not counted twice', () => {
    const text = 'Veral said in a statement that it could not recruit midwives.';
    assert.equal(found(text, 'attribution').length, 1);
  });

  test('ignoredTerms drops a cue; extraTerms.attribution adds one', () => {
    assert.equal(found('Officials said the plan was on track.', 'attribution', { ignoredTerms: ['said'] }).length, 0);
    const text = 'The minister quipped that the budget was fine.';
    assert.equal(found(text, 'attribution').length, 0);
    const a = found(text, 'attribution', { extraTerms: { attribution: ['quipped'] } });
    assert.equal(a.length, 1);
    assert.equal(slice(text, a[0].parts?.cue), 'quipped');
  });
});
