import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  balancedWeights, contiguousFolds, crossValidate, Example, featureNames, fitLogistic, macroF1, predict, rounded, selectSettings,
  standardise, standardiser, toMatrix, toRawUnits, trainModel,
} from '../../../src/core/suggest/train';

/** A small deterministic generator, so the toy data is the same on every run. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** Toy rows: y = 1 when 2a - b > 0.5, with an unrelated feature c; a third of the rows positive or so. */
function toy(n: number, seed: number): Example[] {
  const r = lcg(seed);
  return Array.from({ length: n }, () => {
    const a = r() * 3, b = r() * 4, c = r() * 10 - 5;
    return { features: { a, b, c }, y: 2 * a - b > 0.5 ? 1 : 0 };
  });
}

suite('suggest/train: the opinion model trainer', () => {
  test('learns a linearly separable toy problem, with raw-unit weights of the right signs', () => {
    const rows = toy(200, 1);
    const m = trainModel(rows, [], { lambda: 0.001, extraWeight: 0 });
    assert.deepEqual(m.features, ['a', 'b', 'c']);
    const pred = rows.map((r) => (predict(m, r.features) >= 0.5 ? 1 : 0));
    assert.ok(macroF1(rows.map((r) => r.y), pred) > 0.97, String(macroF1(rows.map((r) => r.y), pred)));
    const [wa, wb, wc] = m.weights;
    assert.ok(wa > 0 && wb < 0, `${wa} ${wb}`);
    assert.ok(Math.abs(wa / wb + 2) < 0.3, `a and b weigh about 2 : -1, got ${wa / wb}`);
    assert.ok(Math.abs(wc) < Math.abs(wb) / 5, `the unrelated feature stays small: ${wc}`);
  });

  test('stronger regularisation shrinks the weights (on standardised features)', () => {
    const rows = toy(120, 2);
    const norm = (lambda: number) => Math.hypot(...trainModel(rows, [], { lambda, extraWeight: 0 }).weights);
    assert.ok(norm(1) < norm(0.1) && norm(0.1) < norm(0.01));
  });

  test('deterministic: the same data gives the same model to the last bit, and the same JSON', () => {
    const rows = toy(150, 3);
    const extra = toy(40, 4);
    const s = { lambda: 0.03, extraWeight: 0.2 };
    const a = trainModel(rows, extra, s);
    const b = trainModel(rows.map((r) => ({ y: r.y, features: { ...r.features } })), extra, s);
    assert.deepEqual(a, b);
    assert.equal(JSON.stringify(rounded(a)), JSON.stringify(rounded(b)));
    assert.deepEqual(selectSettings(rows, extra, [0.01, 0.1], [0, 0.2]), selectSettings(rows, extra, [0.01, 0.1], [0, 0.2]));
  });

  test('standardisation: columns get mean 0 and deviation 1, constant columns are left at scale 1', () => {
    const X = toMatrix([{ a: 1, k: 3 }, { a: 3, k: 3 }, { a: 5, k: 3 }, { k: 3 }], ['a', 'k']);
    const s = standardiser(X, 2);
    assert.deepEqual([...s.mean], [2.25, 3]);
    assert.equal(s.scale[1], 1);
    const Z = standardise(X, s);
    const col = Z.map((z) => z[0]);
    assert.ok(Math.abs(col.reduce((x, y) => x + y, 0)) < 1e-12);
    assert.ok(Math.abs(col.reduce((x, y) => x + y * y, 0) / col.length - 1) < 1e-12);
    assert.deepEqual(Z.map((z) => z[1]), [0, 0, 0, 0]);
  });

  test('standardisation round-trips: raw-unit weights score raw features as the fit scores standardised ones', () => {
    fc.assert(fc.property(
      fc.array(fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 3, maxLength: 3 }), { minLength: 2, maxLength: 20 }),
      fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 3, maxLength: 3 }),
      fc.double({ min: -3, max: 3, noNaN: true }),
      (rows, w, bias) => {
        const X = rows.map((r) => Float64Array.from(r));
        const s = standardiser(X, 3);
        const Z = standardise(X, s);
        const raw = toRawUnits(Float64Array.from(w), bias, s);
        for (let i = 0; i < X.length; i++) {
          let zs = bias, zr = raw.bias;
          for (let j = 0; j < 3; j++) {
            zs += w[j] * Z[i][j];
            zr += raw.weights[j] * X[i][j];
          }
          if (Math.abs(zs - zr) > 1e-9 * (1 + Math.abs(zs))) return false;
        }
        return true;
      },
    ));
  });

  test('the fit is the optimum of its objective: the gradient vanishes', () => {
    const rows = toy(80, 5);
    const X = standardise(toMatrix(rows.map((r) => r.features), ['a', 'b', 'c']), standardiser(toMatrix(rows.map((r) => r.features), ['a', 'b', 'c']), 3));
    const y = rows.map((r) => r.y);
    const sw = balancedWeights(y);
    const lambda = 0.05;
    const { w, bias } = fitLogistic(X, y, sw, lambda);
    const total = sw.reduce((a, b) => a + b, 0);
    const g = [...w].map((v) => lambda * v);
    let gb = 0;
    X.forEach((x, i) => {
      let z = bias;
      for (let j = 0; j < 3; j++) z += w[j] * x[j];
      const r = (sw[i] * (1 / (1 + Math.exp(-z)) - y[i])) / total;
      for (let j = 0; j < 3; j++) g[j] += r * x[j];
      gb += r;
    });
    for (const v of [...g, gb]) assert.ok(Math.abs(v) < 1e-8, String(v));
  });

  test('balanced weights make each class count equally', () => {
    const sw = balancedWeights([1, 0, 0, 0]);
    assert.deepEqual(sw, [2, 2 / 3, 2 / 3, 2 / 3]);
    const rows = [...Array(30).fill({ features: { loaded: 1 }, y: 1 }), ...Array(10).fill({ features: { number: 1 }, y: 0 })] as Example[];
    const m = trainModel(rows, [], { lambda: 0.01, extraWeight: 0 });
    assert.ok(predict(m, { loaded: 1 }) > 0.5 && predict(m, { number: 1 }) < 0.5);
    // Halfway between the classes, no lean towards the majority class.
    assert.ok(Math.abs(predict(m, { loaded: 0.5, number: 0.5 }) - 0.5) < 1e-6);
  });

  test('word and pair features are left out; extra rows count by their weight', () => {
    assert.deepEqual(featureNames([{ 'word:plan': 1, 'bigram:the plan': 1, length: 0.5 }, { question: 1 }]), ['length', 'question']);
    const main = toy(100, 6);
    // Extra rows that contradict the main rows pull the model towards them as their weight grows.
    const extra = toy(100, 7).map((r) => ({ ...r, y: 1 - r.y }));
    const acc = (w: number) => {
      const m = trainModel(main, extra, { lambda: 0.01, extraWeight: w });
      return macroF1(main.map((r) => r.y), main.map((r) => (predict(m, r.features) >= 0.5 ? 1 : 0)));
    };
    assert.deepEqual(trainModel(main, extra, { lambda: 0.01, extraWeight: 0 }), trainModel(main, [], { lambda: 0.01, extraWeight: 0 }));
    assert.ok(acc(0) > acc(0.5) && acc(0.5) > acc(3), `${acc(0)} ${acc(0.5)} ${acc(3)}`);
  });

  test('contiguous folds keep neighbours together, rotate, and CV validates only main rows', () => {
    assert.deepEqual(contiguousFolds(10, 5), [0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
    assert.deepEqual(contiguousFolds(10, 5, 1), [0, 1, 1, 2, 2, 3, 3, 4, 4, 0]);
    const main = toy(100, 8);
    const cv = crossValidate(main, toy(50, 9), { lambda: 0.01, extraWeight: 0.1 });
    assert.equal(cv.folds.length, 5);
    assert.ok(cv.macroF1 > 0.9, String(cv.macroF1));
    // A CV of a model that cannot learn (labels independent of the features) stays near chance.
    const r = lcg(10);
    const noise = main.map((x) => ({ ...x, y: r() < 0.5 ? 1 : 0 }));
    assert.ok(crossValidate(noise, [], { lambda: 0.01, extraWeight: 0 }).macroF1 < 0.7);
  });

  test('macroF1 by hand', () => {
    // class 1: tp 1, fp 1, fn 1 -> F1 0.5; class 0: tp 1, fp 1, fn 1 -> 0.5
    assert.equal(macroF1([1, 1, 0, 0], [1, 0, 1, 0]), 0.5);
    assert.equal(macroF1([1, 0], [1, 0]), 1);
  });
});
