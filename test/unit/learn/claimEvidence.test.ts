// Claim evidence derived from the workspace's claim tags: one contribution per document (a document read again
// counts once), totals independent of the order documents are read in, a bounded raise, and the layer's use of
// it (only neutral sentences just under the threshold without an engine opinion term, explained in the hover).
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { ClaimEvidence, DocumentClaims, MAX_CLAIM_UP, MIN_SENTENCES, documentClaims } from '../../../src/core/learn/claimEvidence';
import { emptyDecisions, recordDecision } from '../../../src/core/learn/decisions';
import { CLAIM_MAX_OPINION, LEARNED_CLAIM_RULE, suggestLearnedRange } from '../../../src/core/learn/layer';
import { emptyLearned } from '../../../src/core/learn/learnedFile';
import { suggestRange } from '../../../src/core/suggest';

const CLAIMS = ['The assembly ratified the charter.', 'Both chambers ratified the treaty.', 'Ministers ratified the budget.', 'The council ratified the plan.'];
const OTHERS = ['The weather stayed mild.', 'Crowds gathered near the river.', 'A band played old songs.', 'Children ran across the square.', 'Tea was served at noon.'];

/** A document of claim sentences (tagged) and other sentences (not), one paragraph. */
function article(claims: readonly string[], others: readonly string[]): { text: string; tags: { start: number; end: number }[] } {
  let text = '';
  const tags: { start: number; end: number }[] = [];
  const add = (s: string, tagged: boolean) => {
    if (text) text += ' ';
    if (tagged) tags.push({ start: text.length, end: text.length + s.length });
    text += s;
  };
  for (let i = 0; i < Math.max(claims.length, others.length); i++) {
    if (i < claims.length) add(claims[i], true);
    if (i < others.length) add(others[i], false);
  }
  return { text: text + '\n', tags };
}

/** A workspace of `n` articles, each with every claim and other sentence above. */
function workspace(n: number): ClaimEvidence {
  const e = new ClaimEvidence();
  for (let i = 0; i < n; i++) {
    const a = article(CLAIMS, OTHERS);
    e.set(`doc${i}`, `article-${i}.md`, documentClaims(a.text, a.tags));
  }
  return e;
}

/** Totals of an evidence object, comparable. */
function totals(e: ClaimEvidence, words: readonly string[]): unknown {
  return { sentences: { ...e.sentences }, documents: e.documents, words: words.map((w) => [w, e.counts(w) && { ...e.counts(w) }]) };
}

const WORDS = ['ratified', 'charter', 'weather', 'river', 'treaty', 'served', 'the'];
// The engine: claim 0.49, opinion 0.14, no opinion term. (Not 'The senate ratified the accord.': a definite subject
// and a past event make it a statement of fact, a claim at 0.85.)
const NEUTRAL = 'This week they ratified the accord.';

suite('learn: claim evidence derived from claim tags', () => {
  test('a document: sentences mostly covered by a claim tag count as claims, content words only', () => {
    const a = article(CLAIMS.slice(0, 2), OTHERS.slice(0, 1));
    const d = documentClaims(a.text, a.tags);
    assert.deepEqual(d.sentences, { tagged: 2, untagged: 1 });
    assert.deepEqual(d.words.get('ratified'), { tagged: 2, untagged: 0 });
    assert.deepEqual(d.words.get('weather'), { tagged: 0, untagged: 1 });
    assert.equal(d.words.has('the'), false, 'function words are left out');
    // A tag over less than half a sentence does not make it a claim.
    const half = documentClaims(a.text, [{ start: a.tags[0].start, end: a.tags[0].start + 5 }]);
    assert.deepEqual(half.sentences, { tagged: 0, untagged: 3 });
  });

  test('a document read again (re-tagged, opened twice) counts once; set to nothing, it is gone', () => {
    const a = article(CLAIMS, OTHERS);
    const once = new ClaimEvidence();
    once.set('d', 'd.md', documentClaims(a.text, a.tags));
    const twice = new ClaimEvidence();
    twice.set('d', 'd.md', documentClaims(a.text, a.tags));
    twice.set('d', 'd.md', documentClaims(a.text, a.tags));
    assert.deepEqual(totals(twice, WORDS), totals(once, WORDS));
    // Tagged again with one claim fewer: the new contribution replaces the old one.
    const fewer = documentClaims(a.text, a.tags.slice(1));
    twice.set('d', 'd.md', fewer);
    assert.deepEqual(twice.sentences, fewer.sentences);
    twice.set('d', 'd.md', undefined);
    assert.deepEqual(totals(twice, WORDS), totals(new ClaimEvidence(), WORDS));
  });

  test('property: the totals are the sum of each document\'s last contribution, in any order of reading', () => {
    const doc = fc.record({ claims: fc.subarray(CLAIMS), others: fc.subarray(OTHERS) });
    // A history of reads: document i read with some contents, several times, in any order.
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), doc), { maxLength: 12 }), (reads) => {
      const live = new ClaimEvidence();
      const last = new Map<number, DocumentClaims>();
      for (const [i, c] of reads) {
        const a = article(c.claims, c.others);
        const d = documentClaims(a.text, a.tags);
        live.set(`d${i}`, `${i}.md`, d);
        last.set(i, d);
      }
      // Built afresh from the last contributions, in reverse order.
      const fresh = new ClaimEvidence();
      for (const [i, d] of [...last].reverse()) fresh.set(`d${i}`, `${i}.md`, d);
      assert.deepEqual(totals(live, WORDS), totals(fresh, WORDS));
    }), { numRuns: 100 });
  });

  test('nothing is raised before enough sentences of each sort were read', () => {
    const per = CLAIMS.length; // tagged sentences per article (and OTHERS.length untagged)
    const few = workspace(Math.ceil(MIN_SENTENCES / per) - 1);
    assert.equal(few.raise(NEUTRAL, 0, NEUTRAL.length, 0.44), undefined);
    const enough = workspace(Math.ceil(MIN_SENTENCES / per));
    assert.ok(enough.raise(NEUTRAL, 0, NEUTRAL.length, 0.44));
  });

  test('property: a raise is positive and at most MAX_CLAIM_UP; a sentence without a leaning word is not raised', () => {
    const e = workspace(10);
    fc.assert(fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.subarray(['ratified', 'charter', 'weather', 'river', 'songs', 'senate', 'accord']), (score, words) => {
      const s = `${words.join(' ')}.`;
      const r = e.raise(s, 0, s.length, score);
      if (!words.some((w) => ['ratified', 'charter'].includes(w))) assert.equal(r, undefined, s);
      if (r) assert.ok(r.delta > 0 && r.delta <= MAX_CLAIM_UP, `${s}: ${r.delta}`);
    }), { numRuns: 200 });
    // Words of the untagged sentences lower it: no raise.
    assert.equal(e.raise('The weather by the river.', 0, 25, 0.45), undefined);
  });

  test('the explanation names the word, its share and another article, the same in any order of reading', () => {
    const e = workspace(6);
    const r = e.raise(NEUTRAL, 0, NEUTRAL.length, 0.44)!;
    assert.equal(r.word, 'ratified');
    assert.equal(e.why(r, 'doc0'), "sentences with 'ratified' were tagged as claims 24 of 24 times, in 6 of 6 articles here (e.g. article-1.md)");
    assert.match(e.why(r, 'elsewhere'), /\(e\.g\. article-0\.md\)$/);
    // Read in the reverse order: the same words.
    const reversed = new ClaimEvidence();
    for (let i = 5; i >= 0; i--) {
      const a = article(CLAIMS, OTHERS);
      reversed.set(`doc${i}`, `article-${i}.md`, documentClaims(a.text, a.tags));
    }
    assert.equal(reversed.why(reversed.raise(NEUTRAL, 0, NEUTRAL.length, 0.44)!, 'elsewhere'), e.why(r, 'elsewhere'));
  });

  test('the layer suggests a neutral sentence just under the threshold, bounded, and says why', () => {
    const text = `${NEUTRAL}\n`;
    const engine = suggestRange(text, 0, text.length, {});
    const s0 = engine.sentences[0];
    // The sentence is what the test needs: under the threshold, within the bound, neutral, no opinion term.
    assert.ok(s0.claimScore < 0.5 && s0.claimScore >= 0.5 - MAX_CLAIM_UP && s0.opinionScore < CLAIM_MAX_OPINION, JSON.stringify(s0));
    assert.deepEqual(engine.suggestions, []);
    const claims = workspace(6);
    const out = suggestLearnedRange(text, 0, text.length, {}, { claims, learned: emptyLearned(), document: 'here' }).suggestions;
    assert.equal(out.length, 1);
    const [s] = out;
    assert.deepEqual([s.kind, s.rule, s.start, s.end, s.term], ['claim', LEARNED_CLAIM_RULE, 0, NEUTRAL.length, 'ratified']);
    assert.ok(s.score >= 0.5 && s.score <= s0.claimScore + MAX_CLAIM_UP + 0.001, String(s.score));
    assert.equal(s.explanation, `Claim score ${s0.claimScore.toFixed(2)} raised to ${s.score.toFixed(2)}: sentences with 'ratified' were tagged as claims 24 of 24 times, in 6 of 6 articles here (e.g. article-0.md).`);
    // Not with claims off, nor without evidence.
    assert.deepEqual(suggestLearnedRange(text, 0, text.length, { kinds: ['opinion'] }, { claims }).suggestions, []);
    assert.deepEqual(suggestLearnedRange(text, 0, text.length, {}, { claims: new ClaimEvidence() }).suggestions, []);
  });

  test('the layer leaves alone sentences with an engine opinion term, far under the threshold, or already claims', () => {
    const claims = workspace(6);
    const cases: [string, object][] = [
      ['This week they ratified the flawed accord.', {}], // claim 0.49, opinion 0.28, the engine suggests "flawed"
      // Claims only (no opinion terms asked for): claim 0.49, opinion 0.55, the sentence model's gate alone.
      ['This week they ratified the terrible, shameful accord.', { kinds: ['claim'] }],
      ['They ratified the pact.', {}], // claim 0.15: far under
      ['Ten nations ratified the pact.', {}], // a claim already (0.91)
    ];
    for (const [text, options] of cases) {
      const engine = suggestRange(text, 0, text.length, options);
      const out = suggestLearnedRange(text, 0, text.length, options, { claims }).suggestions;
      assert.deepEqual(out.filter((s) => s.rule === LEARNED_CLAIM_RULE), [], text);
      assert.deepEqual(out, engine.suggestions, text);
    }
    // The same words without the judging term are raised (the gates, not the words, keep the cases above out).
    assert.equal(suggestLearnedRange(NEUTRAL, 0, NEUTRAL.length, { kinds: ['claim'] }, { claims }).suggestions[0]?.rule, LEARNED_CLAIM_RULE);
  });

  test('dismissed often, a claim-evidence suggestion sinks like any rule', () => {
    const text = `${NEUTRAL}\n`;
    const learned = emptyLearned();
    learned.decisions = emptyDecisions();
    for (let i = 0; i < 10; i++) recordDecision(learned.decisions, LEARNED_CLAIM_RULE, 'ratified', false);
    assert.deepEqual(suggestLearnedRange(text, 0, text.length, {}, { claims: workspace(6), learned }).suggestions, []);
  });
});
