import * as assert from 'node:assert/strict';
import { loadEvalTexts, parseMarkup, registerOf } from '../../../bench/evalMarkup';
import { bootstrapMacroF1, contiguousFolds, macroF1OfCounts, prf, sentenceCounts, spanCounts } from '../../../bench/evalMetrics';
import { fitOpinionModel, predictOpinion } from '../../../bench/evalOpinionModel';

const slices = (text: string, spans: { start: number; end: number }[]) => spans.map((s) => text.slice(s.start, s.end));

suite('suggest/evaluation markup and metrics (issue 12)', () => {
  test('parseMarkup returns the clean text and every kind of gold span', () => {
    const e = parseMarkup('[C] ((The ministry)) {{said in a statement}} that [[the <<so-called>> report was wrong]].\n\n[O] A <<resounding triumph>>. [-] Why?', 'x.txt', 'tune', 'wire');
    assert.equal(e.text, 'The ministry said in a statement that the so-called report was wrong.\n\nA resounding triumph. Why?');
    assert.deepEqual(slices(e.text, e.sources), ['The ministry']);
    assert.deepEqual(slices(e.text, e.cues), ['said in a statement']);
    assert.deepEqual(slices(e.text, e.contents), ['the so-called report was wrong']);
    assert.deepEqual(slices(e.text, e.opinionTerms), ['so-called', 'resounding triumph']);
    assert.deepEqual(e.sentences.map((s) => [e.text.slice(s.start, s.end), s.claim, s.opinion]), [
      ['The ministry said in a statement that the so-called report was wrong.', true, false],
      ['A resounding triumph.', false, true],
      ['Why?', false, false],
    ]);
    assert.equal(e.half, 'tune');
    assert.equal(e.register, 'wire');
    assert.ok(e.hasAttributionParts);
  });

  test('offsets are UTF-16 offsets into the clean text', () => {
    const e = parseMarkup('[CO] «Ça» 😀 <<très>> {{dit}}.');
    assert.equal(e.text, '«Ça» 😀 très dit.');
    assert.deepEqual(e.opinionTerms, [{ start: 8, end: 12 }]);
    assert.deepEqual(e.cues, [{ start: 13, end: 16 }]);
  });

  test('the half follows the folder: dev counts as tune, heldout as heldout', () => {
    assert.equal(parseMarkup('[C] x.', 'a', 'dev').half, 'tune');
    assert.equal(parseMarkup('[C] x.', 'a', 'heldout').half, 'heldout');
    assert.equal(parseMarkup('[C] x.', 'a', 'heldout', 'earlier').hasAttributionParts, false);
  });

  test('the register comes from the file name prefix', () => {
    assert.equal(registerOf('state-media-04-border-talks.txt'), 'state-media');
    assert.equal(registerOf('wire-10-doping-ban.txt'), 'wire');
    assert.equal(registerOf('clinic-closure.txt'), 'earlier');
    assert.equal(registerOf('wire-report.txt'), 'earlier');
  });

  test('malformed markup fails with file, line and column', () => {
    assert.throws(() => parseMarkup('[C] fine.\n[O] a <<bad.', 'f.txt'), /^Error: f\.txt:2:7: "<<" never closed/);
    assert.throws(() => parseMarkup('[C] x}} y.', 'g.txt'), /g\.txt:1:6: "}}" without "{{"/);
    assert.throws(() => parseMarkup('[C] ((a ((b)) c)).', 'h.txt'), /h\.txt:1:9: "\(\(" inside another/);
    assert.throws(() => parseMarkup('[C] a [[ ]] b.', 'i.txt'), /empty/);
    assert.throws(() => parseMarkup('no label here', 'j.txt'), /no sentence label/);
  });

  test('every evaluation text parses, and the corpus has the size and split issue 12 asks for', () => {
    const texts = loadEvalTexts();
    const fresh = texts.filter((t) => t.register !== 'earlier');
    assert.ok(fresh.length >= 40, `${fresh.length} texts`);
    assert.ok(fresh.reduce((n, t) => n + t.sentences.length, 0) >= 1000);
    for (const reg of ['state-media', 'editorial', 'column', 'wire', 'readout']) {
      const tune = fresh.filter((t) => t.register === reg && t.half === 'tune').length;
      const held = fresh.filter((t) => t.register === reg && t.half === 'heldout').length;
      assert.ok(tune >= 4 && Math.abs(tune - held) <= 1, `${reg}: ${tune} tune, ${held} held out`);
    }
    for (const t of texts) {
      assert.ok(!t.name.includes('/'), `${t.name}: no sub-folders`);
      assert.ok(!/\{\{|\}\}|<<|>>|\(\(|\)\)|\[\[|\]\]/.test(t.text), `${t.name} has leftover markup`);
      for (const s of [...t.cues, ...t.sources, ...t.contents, ...t.opinionTerms]) assert.ok(t.text.slice(s.start, s.end).trim(), t.name);
    }
  });

  test('spanCounts: overlap, one to one, several predictions inside one gold phrase count once', () => {
    const gold = [{ start: 0, end: 10 }, { start: 20, end: 30 }];
    // 2-4 and 6-8 both fall in gold 0-10 (one hit, one false alarm); 28-35 overlaps 20-30; 40-45 overlaps nothing.
    const c = spanCounts(gold, [{ start: 6, end: 8 }, { start: 2, end: 4 }, { start: 28, end: 35 }, { start: 40, end: 45 }]);
    assert.deepEqual(c, { tp: 2, fp: 2, fn: 0 });
    // Touching is not overlapping.
    assert.deepEqual(spanCounts([{ start: 0, end: 5 }], [{ start: 5, end: 9 }]), { tp: 0, fp: 1, fn: 1 });
    assert.deepEqual(spanCounts([], []), { tp: 0, fp: 0, fn: 0 });
  });

  test('prf by hand: P = 2/4, R = 2/3, F1 = 4/7; empty denominators give 0', () => {
    const r = prf({ tp: 2, fp: 2, fn: 1 });
    assert.equal(r.p, 0.5);
    assert.equal(r.r, 2 / 3);
    assert.ok(Math.abs(r.f1 - 4 / 7) < 1e-12);
    assert.deepEqual(prf({ tp: 0, fp: 0, fn: 0 }), { p: 0, r: 0, f1: 0 });
  });

  test('sentenceCounts: an engine sentence counts for the gold sentence holding its middle', () => {
    const gold = [{ start: 0, end: 10, claim: true, opinion: false }, { start: 11, end: 20, claim: false, opinion: true }, { start: 21, end: 30, claim: true, opinion: true }];
    // Middles: 5 (in 0-10, 0.9), 15.5 (in 11-20, 0.7), 25 (in 21-30, 0.2).
    const scored = [{ start: 0, end: 10, score: 0.9 }, { start: 11, end: 20, score: 0.7 }, { start: 21, end: 29, score: 0.2 }];
    const claim = sentenceCounts(gold, scored, 'claim');
    assert.deepEqual(claim.pos, { tp: 1, fp: 1, fn: 1 });
    assert.deepEqual(claim.neg, { tp: 0, fp: 1, fn: 1 });
    const op = sentenceCounts(gold, scored, 'opinion');
    assert.deepEqual(op.pos, { tp: 1, fp: 1, fn: 1 });
    // SUBJ F1 = 1/2, OBJ F1 = 0 -> macro 0.25.
    assert.equal(macroF1OfCounts(op.pos, op.neg), 0.25);
  });

  test('contiguous folds keep neighbouring rows together', () => {
    assert.deepEqual(contiguousFolds(10, 5), [0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
    assert.deepEqual(contiguousFolds(7, 3), [0, 0, 0, 1, 1, 2, 2]);
  });

  test('bootstrap interval: degenerate data gives a point, mixed data an interval around the estimate', () => {
    // Perfect predictions of 40 rows: every resample (both classes present, all but surely) scores 1.
    const perfect = Array.from({ length: 40 }, (_, i) => i % 2);
    assert.deepEqual(bootstrapMacroF1(perfect, perfect, 200), { lo: 1, hi: 1 });
    const truth = Array.from({ length: 200 }, (_, i) => i % 2);
    const pred = truth.map((t, i) => (i % 5 === 0 ? 1 - t : t)); // 80 % right
    const { lo, hi } = bootstrapMacroF1(truth, pred, 500);
    assert.ok(lo < 0.8 && 0.8 < hi && hi - lo < 0.25, `${lo} ${hi}`);
    assert.deepEqual(bootstrapMacroF1(truth, pred, 500), { lo, hi }, 'seeded: same figures on every run');
  });

  test('fitOpinionModel learns a separable feature and balances the classes', () => {
    const records = [...Array(30).fill({ loaded: 1 }), ...Array(10).fill({ number: 1 })] as Record<string, number>[];
    const y = [...Array(30).fill(1), ...Array(10).fill(0)];
    const m = fitOpinionModel(records, y, 0.01);
    assert.ok(predictOpinion(m, { loaded: 1 }) > 0.5);
    assert.ok(predictOpinion(m, { number: 1 }) < 0.5);
    assert.ok(predictOpinion(m, {}) > 0.3 && predictOpinion(m, {}) < 0.7, 'no prior towards the majority class');
  });
});
