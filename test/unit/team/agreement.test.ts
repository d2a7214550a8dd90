import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { Tag } from '../../../src/core/model';
import { AnnotatedDocument, computeAgreement, tokenize } from '../../../src/core/team/agreement';
import { ARTICLE, tagOf } from './fixtures';

const close = (actual: number | null, expected: number) => assert.ok(actual !== null && Math.abs(actual - expected) < 1e-9, `${actual} ≈ ${expected}`);

function doc(annotators: Record<string, Tag[]>): AnnotatedDocument {
  return { name: 'article.md', text: ARTICLE, annotators: new Map(Object.entries(annotators)) };
}

// ana: claim (7 tokens), opinion "reckless", claim "Turnout was 41 percent." (4 tokens); both claims verified where matched.
// ben: claim "The council approved the budget" (5 tokens), opinion "reckless", attribution "The mayor said" (3 tokens).
const ana = [
  tagOf('The council approved the budget on Monday.', 'claim', 'ana', { status: 'verified' }),
  tagOf('reckless', 'opinion', 'ana'),
  tagOf('Turnout was 41 percent.', 'claim', 'ana'),
];
const ben = [
  tagOf('The council approved the budget', 'claim', 'ben', { status: 'verified' }),
  tagOf('reckless', 'opinion', 'ben'),
  tagOf('The mayor said', 'attribution', 'ben'),
];

suite('team: agreement between annotators', () => {
  test('the article has 22 word tokens', () => {
    assert.equal(tokenize(ARTICLE).length / 2, 22);
  });

  test('hand-computed pair: spans exact and overlap per kind, only-one-side counts', () => {
    const r = computeAgreement([doc({ ana, ben })]);
    assert.deepEqual(r.annotators, ['ana', 'ben']);
    assert.deepEqual(r.kinds, ['claim', 'attribution', 'opinion']);
    const [p] = r.pairs;
    const by = new Map(p.kinds.map((k) => [k.kind, k]));
    const claim = by.get('claim')!;
    assert.deepEqual([claim.a, claim.b, claim.exact.matched, claim.overlap.matched, claim.onlyA, claim.onlyB], [2, 1, 0, 1, 1, 0]);
    assert.deepEqual([claim.exact.precision, claim.exact.recall, claim.exact.f1], [0, 0, 0]);
    assert.deepEqual([claim.overlap.precision, claim.overlap.recall], [1, 0.5]);
    close(claim.overlap.f1, 2 / 3);
    const opinion = by.get('opinion')!;
    assert.deepEqual([opinion.exact.f1, opinion.overlap.f1, opinion.onlyA, opinion.onlyB], [1, 1, 0, 0]);
    const attribution = by.get('attribution')!;
    assert.deepEqual([attribution.exact.precision, attribution.exact.recall, attribution.exact.f1, attribution.onlyB], [0, null, 0, 1]);
    assert.deepEqual([p.overall.a, p.overall.b, p.overall.exact.matched, p.overall.overlap.matched], [3, 3, 1, 2]);
    close(p.overall.exact.f1, 1 / 3);
  });

  test('hand-computed token kappa (kind per token, none included), per-kind kappa, alpha', () => {
    const r = computeAgreement([doc({ ana, ben })]);
    const [p] = r.pairs;
    assert.equal(p.tokens, 22);
    // Agreeing tokens 13 of 22; rows claim 11, none 10, opinion 1; columns claim 5, none 13, opinion 1, attribution 3.
    // p_e = (55 + 130 + 1) / 484; κ = (286 − 186) / (484 − 186) = 100/298.
    close(p.overall.tokenKappa, 100 / 298);
    // Claim vs not: both 5, ana only 6, neither 11: p_o = 16/22, p_e = 0.5: κ = 110/242.
    close(p.kinds.find((k) => k.kind === 'claim')!.tokenKappa, 110 / 242);
    // Two coders, 22 units, 9 disagreeing: Σo_c≠k = 18; n_c = 16, 23, 2, 3 (n 44); Σn_c·n_k = 44² − 798.
    close(r.alpha.overall, 1 - (43 * 18) / (44 * 44 - 798));
    assert.equal(r.alpha.units, 22);
  });

  test('claim status on matched claims: kappa undefined without variation, then hand-computed', () => {
    assert.deepEqual(computeAgreement([doc({ ana, ben })]).pairs[0].status, { pairs: 1, agree: 1, kappa: null });
    // Four matched claims, statuses (v,v) (f,f) (v,f) (f,f): p_o 3/4; rows v2 f2, cols v1 f3: p_e = (2+6)/16; κ = 0.25/0.5.
    const sentences = ['The council approved the budget on Monday.', 'Critics called it reckless.', 'The mayor said taxes will not rise.', 'Turnout was 41 percent.'];
    const st = [['verified', 'verified'], ['false', 'false'], ['verified', 'false'], ['false', 'false']] as const;
    const a = sentences.map((s, i) => tagOf(s, 'claim', 'a', { status: st[i][0] }));
    const b = sentences.map((s, i) => tagOf(s, 'claim', 'b', { status: st[i][1] }));
    const s = computeAgreement([doc({ a, b })]).pairs[0].status;
    assert.deepEqual([s.pairs, s.agree], [4, 3]);
    close(s.kappa, 0.5);
  });

  test('pairs only on documents both annotated; --authors picks and orders; orphaned tags left out', () => {
    const cora = [tagOf('reckless', 'opinion', 'cora')];
    const orphan = { ...tagOf('Critics', 'opinion', 'ben'), anchor: { state: 'orphaned' as const } };
    const r = computeAgreement([doc({ ana, ben: [...ben, orphan] }), { ...doc({ cora, ana: [] }), name: 'two.md' }]);
    assert.deepEqual(r.pairs.map((p) => [p.a, p.b, p.documents]), [['ana', 'ben', 1], ['ana', 'cora', 1], ['ben', 'cora', 0]]);
    assert.equal(r.pairs[0].overall.b, 3, 'the orphaned tag does not count');
    const picked = computeAgreement([doc({ ana, ben, cora })], { authors: ['ben', 'ana'] });
    assert.deepEqual(picked.pairs.map((p) => [p.a, p.b]), [['ben', 'ana']]);
  });

  test('without the text: span figures only', () => {
    const r = computeAgreement([{ ...doc({ ana, ben }), text: undefined }]);
    assert.equal(r.pairs[0].overall.tokenKappa, null);
    assert.equal(r.pairs[0].overall.overlap.matched, 2);
    assert.equal(r.alpha.overall, null);
  });

  test('properties: an annotator agrees fully with a copy of their tags; swapping the pair swaps precision and recall', () => {
    const spans = fc.array(fc.record({ start: fc.nat(120), len: fc.integer({ min: 1, max: 15 }), kind: fc.constantFrom('claim', 'opinion') }), { minLength: 1, maxLength: 10 });
    fc.assert(fc.property(spans, spans, (xs, ys) => {
      const mk = (who: string) => ({ start, len, kind }: { start: number; len: number; kind: string }) => {
        const end = Math.min(start + len, ARTICLE.length);
        return { ...tagOf(ARTICLE.slice(0, 1), kind, who), start, end, quote: ARTICLE.slice(start, end) };
      };
      const a = xs.map(mk('a'));
      const b = ys.map(mk('b'));
      const self = computeAgreement([doc({ a, b: a.map((t) => ({ ...t, author: 'b' })) })]).pairs[0];
      assert.equal(self.overall.exact.f1, 1);
      assert.equal(self.overall.overlap.f1, 1);
      assert.ok(self.overall.tokenKappa === null || Math.abs(self.overall.tokenKappa - 1) < 1e-9);
      const ab = computeAgreement([doc({ a, b })], { authors: ['a', 'b'] }).pairs[0];
      const ba = computeAgreement([doc({ a, b })], { authors: ['b', 'a'] }).pairs[0];
      assert.equal(ab.overall.overlap.precision, ba.overall.overlap.recall);
      assert.equal(ab.overall.exact.f1, ba.overall.exact.f1);
      assert.equal(ab.overall.tokenKappa, ba.overall.tokenKappa === null ? null : ab.overall.tokenKappa);
      if (ab.overall.tokenKappa !== null) assert.ok(Math.abs(ab.overall.tokenKappa - ba.overall.tokenKappa!) < 1e-9);
      assert.ok(ab.overall.overlap.matched >= ab.overall.exact.matched);
    }));
  });
});
