import * as assert from 'node:assert/strict';
import { loadEvalTexts, parseMarkup, prf, spanCounts } from '../../../bench/quality.bench';
import { macroF1, parseCsv } from '../../../bench/newssd';

suite('suggest/quality benchmark helpers', () => {
  test('parseMarkup strips markup and keeps UTF-16 offsets of gold spans', () => {
    const e = parseMarkup('[C] Prices rose, she {{said}}. [O] It is <<shameful>>.\n\n[-] Why?');
    assert.equal(e.text, 'Prices rose, she said. It is shameful.\n\nWhy?');
    assert.deepEqual(e.sentences.map((s) => [e.text.slice(s.start, s.end), s.claim, s.opinion]),
      [['Prices rose, she said.', true, false], ['It is shameful.', false, true], ['Why?', false, false]]);
    assert.deepEqual(e.cues.map((c) => e.text.slice(c.start, c.end)), ['said']);
    assert.deepEqual(e.opinionTerms.map((c) => e.text.slice(c.start, c.end)), ['shameful']);
    assert.throws(() => parseMarkup('[C] unclosed {{said.'));
  });

  test('every evaluation text parses, in both splits, with labels on every sentence', () => {
    const texts = loadEvalTexts();
    assert.ok(texts.filter((t) => t.split === 'dev').length >= 3);
    assert.ok(texts.filter((t) => t.split === 'heldout').length >= 3);
    for (const t of texts) {
      assert.ok(t.sentences.length >= 5, t.name);
      assert.ok(!/[{}<>[\]]{2}/.test(t.text), `${t.name} has leftover markup`);
      for (const s of t.sentences) assert.ok(s.end > s.start, t.name);
    }
  });

  test('span counting and F1', () => {
    const c = spanCounts([{ start: 0, end: 4 }, { start: 10, end: 14 }], [{ start: 1, end: 2 }, { start: 1, end: 3 }, { start: 20, end: 22 }]);
    assert.deepEqual(c, { tp: 1, fp: 2, fn: 1 });
    assert.equal(prf({ tp: 1, fp: 1, fn: 0 }).f1, 2 / 3);
    assert.equal(macroF1([1, 0, 1, 0], [1, 0, 0, 0]), (2 / 3 + 0.8) / 2);
  });

  test('parseCsv handles quoted commas, doubled quotes and newlines', () => {
    assert.deepEqual(parseCsv('a,b\n"x, ""y""\n",SUBJ\r\nz,OBJ\n'), [['a', 'b'], ['x, "y"\n', 'SUBJ'], ['z', 'OBJ']]);
  });
});
