import * as assert from 'node:assert/strict';
import { exactMatches, overlapMatches } from '../../../src/core/team/matching';
import { Coincidences, cohenKappa, prf } from '../../../src/core/team/stats';

const close = (actual: number | null, expected: number, digits = 3) =>
  assert.ok(actual !== null && Math.abs(actual - expected) < 0.5 * 10 ** -digits, `${actual} ≈ ${expected}`);

suite('team: agreement statistics', () => {
  test("Cohen's kappa: the 2×2 worked example of Wikipedia's 'Cohen's kappa' article (κ = 0.4)", () => {
    // 50 proposals; both yes 20, A yes/B no 5, A no/B yes 10, both no 15: p_o = 0.7, p_e = 0.5.
    close(cohenKappa([[20, 5], [10, 15]]), 0.4, 9);
  });

  test("Cohen's kappa: hand-computed 3 labels; perfect; no variation is undefined", () => {
    // p_o = 7/10; rows 4,3,3; cols 3,4,3: p_e = (12+12+9)/100 = 0.33; κ = 0.37/0.67.
    close(cohenKappa([[3, 1, 0], [0, 2, 1], [0, 1, 2]]), 0.37 / 0.67, 9);
    close(cohenKappa([[5, 0], [0, 7]]), 1, 9);
    assert.equal(cohenKappa([[9, 0], [0, 0]]), null);
    assert.equal(cohenKappa([[0, 0], [0, 0]]), null);
  });

  test("Krippendorff's alpha, nominal: the worked example with missing values of Krippendorff (2011) (α = 0.743)", () => {
    // K. Krippendorff, "Computing Krippendorff's Alpha-Reliability", Annenberg School for Communication, 2011,
    // section C (nominal data, 4 observers, 12 units, missing values): α_nominal = 0.743.
    const observers = [
      [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
      [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
      [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
      [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
    ];
    const c = new Coincidences();
    for (let u = 0; u < 12; u++) c.addUnit(observers.map((o) => o[u]).filter((v) => v !== null).map(String));
    close(c.alpha(), 0.743);
  });

  test("Krippendorff's alpha: hand-computed two coders; repeated units counted at once", () => {
    // Units (a,a) (a,b) (b,b) (b,b): o_aa 2, o_ab = o_ba 1, o_bb 4; n_a 3, n_b 5, n 8; α = 1 − 7·2 / (2·3·5).
    const c = new Coincidences();
    for (const u of [['a', 'a'], ['a', 'b'], ['b', 'b'], ['b', 'b']]) c.addUnit(u);
    close(c.alpha(), 1 - 14 / 30, 9);
    const d = new Coincidences();
    d.addUnits(['a', 'a'], 1);
    d.addUnits(['a', 'b'], 1);
    d.addUnits(['b', 'b'], 2);
    assert.equal(d.alpha(), c.alpha());
    const same = new Coincidences();
    same.addUnit(['x', 'x']);
    assert.equal(same.alpha(), null, 'one value only: no variation');
  });

  test('precision, recall, F1 with the first annotator as reference', () => {
    assert.deepEqual(prf(1, 2, 1), { matched: 1, precision: 1, recall: 0.5, f1: 2 / 3 });
    assert.deepEqual(prf(0, 0, 1), { matched: 0, precision: 0, recall: null, f1: 0 });
    assert.deepEqual(prf(0, 0, 0), { matched: 0, precision: null, recall: null, f1: null });
  });

  test('span matching: exact counts duplicates once each; overlap pairs one-to-one by largest overlap', () => {
    assert.equal(exactMatches([{ start: 0, end: 5 }, { start: 0, end: 5 }], [{ start: 0, end: 5 }, { start: 1, end: 5 }]), 1);
    // b[0] overlaps a[0] by 2 and a[1] by 4: it goes to a[1]; a[0] then takes b[1].
    const a = [{ start: 0, end: 10 }, { start: 12, end: 20 }];
    const b = [{ start: 8, end: 16 }, { start: 0, end: 3 }, { start: 30, end: 31 }];
    assert.deepEqual(overlapMatches(a, b).sort(), [[0, 1], [1, 0]]);
    assert.deepEqual(overlapMatches([{ start: 0, end: 2 }], [{ start: 2, end: 4 }]), [], 'touching is not overlapping');
    // A long span on b's side before shorter, already finished ones: its overlaps are still found, and it goes
    // to the a-span it overlaps most (greedy by overlap, not the largest number of pairs).
    const long = [{ start: 0, end: 100 }, { start: 55, end: 56 }, { start: 5, end: 6 }];
    assert.deepEqual(overlapMatches([{ start: 5, end: 6 }, { start: 50, end: 60 }], long).sort(), [[0, 2], [1, 0]]);
    assert.deepEqual(overlapMatches([{ start: 5, end: 6 }, { start: 50, end: 60 }], long.slice(0, 2)), [[1, 0]]);
  });
});
