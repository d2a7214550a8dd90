// The layer around the engine: nothing learned = the engine exactly; phrase suggestions explained; merged with
// the engine's own suggestion on the same words; adjusted scores say why; ignored terms stay ignored.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { MAX_UP, adjustment, canRaise, decisionTerm, emptyDecisions, maxRaise, recordDecision } from '../../../src/core/learn/decisions';
import { LEARNED_PHRASE_RULE, SINGLE_WORD_MIN_OPINION, phraseScore, suggestLearnedRange } from '../../../src/core/learn/layer';
import { emptyLearned } from '../../../src/core/learn/learnedFile';
import { PhraseMemory, SourceTag } from '../../../src/core/learn/phraseMemory';
import { suggestRange } from '../../../src/core/suggest';
import { loadEvalTexts } from '../../../bench/evalMarkup';

const TEXT = 'The council approved 310 million euros for the bridge in 2023. This is clearly a shameful failure, critics argued. A zorbic plinth it is.\n';
const tag = (quote: string, document: string, kind = 'opinion', extra: Partial<SourceTag> = {}): SourceTag => ({ document, name: document, kind, quote, start: 0, end: quote.length, ...extra });
const run = (text: string, ctx: Parameters<typeof suggestLearnedRange>[4], options = {}) => suggestLearnedRange(text, 0, text.length, options, ctx).suggestions;

suite('learn: the layer around the engine', () => {
  test('property: with nothing learned the layer returns exactly what the engine returns', () => {
    const words = ['The', 'council', 'approved', '310', 'million', 'euros', 'shameful', 'clearly', 'said', '“We', 'won,”', 'critics', 'argued', '.', '\n\n'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...words), { maxLength: 60 }), fc.double({ min: 0, max: 1, noNaN: true }), (ws, minScore) => {
      const text = ws.join(' ');
      assert.deepEqual(run(text, { learned: emptyLearned(), memory: new PhraseMemory([]) }, { minScore }), suggestRange(text, 0, text.length, { minScore }).suggestions);
    }), { numRuns: 60 });
  });

  test('a threshold is met by the score shown (rounded), in the engine and on both paths of the layer', () => {
    // Scores are shown rounded to 3 decimals; a threshold between a raw score and its rounding must not let it through.
    // A decision about a rule no suggestion has sends the layer down its full path instead of returning the engine's result.
    const decided = emptyLearned();
    recordDecision(decided.decisions, 'claim.no-such-rule', undefined, false);
    let checked = 0;
    for (const t of loadEvalTexts().filter((e) => e.split === 'dev')) {
      const shown = [...new Set(suggestRange(t.text, 0, t.text.length, { minScore: 0 }).suggestions.map((s) => s.score))];
      for (const x of shown) {
        for (const minScore of [x - 0.0004, x + 0.0004]) {
          const engine = suggestRange(t.text, 0, t.text.length, { minScore }).suggestions;
          assert.deepEqual(engine.filter((s) => s.score < minScore).map((s) => [s.rule, s.score]), [], `${t.name}, minScore ${minScore}`);
          assert.equal(engine.some((s) => s.score === x), minScore < x, `${t.name}: a suggestion shown at ${x}, minScore ${minScore}`);
          assert.deepEqual(run(t.text, { learned: decided }, { minScore }), engine);
          checked++;
        }
      }
    }
    assert.ok(checked > 50, `${checked} thresholds`);
  });

  test('a remembered phrase is suggested with its explanation, an example and the phrase as its term', () => {
    const memory = new PhraseMemory([tag('zorbic plinth', 'a.md'), tag('zorbic plinths', 'b.md'), tag('zorbic plinth', 'b.md')]);
    const [s] = run(TEXT, { memory, document: 'c.md' }).filter((x) => x.rule === LEARNED_PHRASE_RULE);
    assert.equal(s.text, 'zorbic plinth');
    assert.equal(s.term, 'zorbic plinth');
    assert.equal(s.explanation, 'Tagged as opinion 3 times in 2 other articles (e.g. a.md).');
    assert.equal(s.example?.document, 'a.md');
    assert.ok(Math.abs(s.score - phraseScore({ entry: memory.get('opinion', 'zorbic plinth')!, inserted: false })) < 1e-9);
  });

  test('claims carry their verdict; the same words found by the engine give one suggestion with both reasons', () => {
    const claim = 'The council approved 310 million euros for the bridge in 2023.';
    const memory = new PhraseMemory([tag(claim, 'a.md', 'claim', { status: 'false' }), tag('shameful', 'a.md'), tag('shameful', 'b.md')]);
    const out = run(TEXT, { memory, document: 'c.md' });
    const claims = out.filter((x) => x.kind === 'claim' && x.start === 0);
    assert.equal(claims.length, 1);
    assert.match(claims[0].explanation, /Also tagged as claim once in 1 other article \(e\.g\. a\.md\)\. Checked before: false, in a\.md\./);
    assert.equal(out.filter((x) => x.kind === 'opinion' && x.text === 'shameful').length, 1);
  });

  test('a single word tagged in one document only is not suggested; in two it is, in an opinion-leaning sentence only', () => {
    const text = 'This is clearly a shameful, zorbic failure, and we should all be ashamed. The council met on Monday about the zorbic plinth.\n';
    const [opinionated, plain] = suggestRange(text, 0, text.length).sentences;
    // The premise: the engine's sentence model finds the first sentence opinion-leaning and the second not.
    assert.ok(opinionated.opinionScore >= SINGLE_WORD_MIN_OPINION && plain.opinionScore < SINGLE_WORD_MIN_OPINION, `${opinionated.opinionScore} ${plain.opinionScore}`);
    const one = new PhraseMemory([tag('zorbic', 'a.md'), tag('zorbic', 'a.md')]);
    assert.equal(run(text, { memory: one }).filter((x) => x.rule === LEARNED_PHRASE_RULE).length, 0);
    const two = new PhraseMemory([tag('zorbic', 'a.md'), tag('zorbic', 'b.md')]);
    assert.deepEqual(run(text, { memory: two }).filter((x) => x.rule === LEARNED_PHRASE_RULE).map((x) => x.start), [text.indexOf('zorbic')]);
    // A phrase of several words is specific enough alone: suggested in the plain sentence too.
    const phrase = new PhraseMemory([tag('zorbic plinth', 'a.md')]);
    assert.deepEqual(run(text, { memory: phrase }).filter((x) => x.rule === LEARNED_PHRASE_RULE).map((x) => x.text), ['zorbic plinth']);
  });

  test('never suggests a span its own document already tagged; ignored terms stay ignored', () => {
    const at = TEXT.indexOf('zorbic plinth');
    const memory = new PhraseMemory([tag('zorbic plinth', 'c.md', 'opinion', { start: at, end: at + 13 })]);
    assert.equal(run(TEXT, { memory, document: 'c.md' }).filter((x) => x.rule === LEARNED_PHRASE_RULE).length, 0);
    const elsewhere = new PhraseMemory([tag('zorbic plinth', 'a.md')]);
    assert.equal(run(TEXT, { memory: elsewhere, document: 'c.md' }, { ignoredTerms: ['Zorbic  Plinths'] }).filter((x) => x.rule === LEARNED_PHRASE_RULE).length, 0);
  });

  test('decisions move engine scores and say why; a term accepted often lifts its suggestions from under the threshold', () => {
    // Whatever words the engine suggests around 'shameful' (a term, or a phrase of the contextual tier).
    const base = run(TEXT, {}).find((x) => x.kind === 'opinion' && /shameful/.test(x.text))!;
    assert.ok(base, 'the engine suggests the opinion term');
    const term = decisionTerm(base)!;
    const same = (x: { text: string }) => x.text === base.text;
    const learned = emptyLearned();
    for (let i = 0; i < 14; i++) recordDecision(learned.decisions, base.rule, term, false);
    recordDecision(learned.decisions, base.rule, term, true);
    const lowered = run(TEXT, { learned }, { minScore: 0 }).find(same)!;
    assert.ok(lowered.score < base.score);
    assert.match(lowered.explanation, new RegExp(`Learned: '${term}' dismissed 14 of 15 times; rule \\S+ dismissed 14 of 15 times in this workspace \\(score \\d\\.\\d\\d → \\d\\.\\d\\d\\)\\.`));
    const high = Math.min(1, base.score + 0.05);
    const up = { ...emptyLearned(), decisions: emptyDecisions() };
    for (let i = 0; i < 30; i++) recordDecision(up.decisions, base.rule, term, true);
    const lifted = run(TEXT, { learned: up }, { minScore: high }).find(same);
    assert.ok(lifted && lifted.score >= high, 'shown above a threshold it was under');
    assert.equal(run(TEXT, {}, { minScore: high }).find(same), undefined);
  });

  // adjustment() and the explanations' suffixes are cached per Decisions object and per adjustment: answers given
  // from the caches (warmed on other texts) equal answers from a fresh copy of the same decisions, and every
  // adjusted score is the engine's score moved by the adjustment the explanation names.
  test('property: decisions warmed on other texts give what a fresh copy of them gives', () => {
    const words = ['The', 'council', 'approved', '310', 'million', 'euros', 'shameful', 'clearly', 'very', 'said', 'Officials', 'argued', 'in', '2023', '.', '\n\n'];
    const rules = ['opinion.evaluative', 'opinion.booster', 'claim.number', 'attribution.reporting-verb', 'opinion.contextual', LEARNED_PHRASE_RULE];
    const terms = [undefined, 'shameful', 'clearly', 'very', 'said', 'argued'];
    const decision = fc.record({ rule: fc.constantFrom(...rules), term: fc.constantFrom(...terms), accepted: fc.boolean() });
    const textArb = fc.array(fc.constantFrom(...words), { maxLength: 40 }).map((w) => w.join(' '));
    fc.assert(fc.property(fc.array(decision, { maxLength: 40 }), fc.array(textArb, { maxLength: 3 }), textArb, (list, warm, text) => {
      const learned = emptyLearned();
      for (const d of list) recordDecision(learned.decisions, d.rule, d.term, d.accepted);
      for (const t of warm) run(t, { learned }, { minScore: 0.3 });
      const fresh = emptyLearned();
      for (const d of list) recordDecision(fresh.decisions, d.rule, d.term, d.accepted);
      assert.deepEqual(run(text, { learned }, { minScore: 0.3 }), run(text, { learned: fresh }, { minScore: 0.3 }), text);
    }), { numRuns: 150 });
  });

  // The layer asks the engine down by the most any term raises (maxRaise, not MAX_UP), drops a suggestion under
  // the threshold without working out its adjustment unless its rule has a raising term, and writes moved scores
  // into the engine's suggestions: the same as moving every suggestion of the engine's asked down by MAX_UP and
  // keeping those that end at the threshold or over it, with the same explanations.
  test('property: the shortcut under the threshold keeps what adjusting every suggestion keeps', () => {
    const words = ['The', 'council', 'approved', '310', 'million', 'euros', 'shameful', 'clearly', 'very', 'said', 'Officials', 'argued', 'in', '2023', '.', '\n\n'];
    const rules = ['opinion.evaluative', 'opinion.booster', 'claim.number', 'claim.named-actor', 'attribution.reporting-verb', 'opinion.contextual'];
    const terms = [undefined, 'shameful', 'clearly', 'very', 'said', 'argued'];
    const decision = fc.record({ rule: fc.constantFrom(...rules), term: fc.constantFrom(...terms), accepted: fc.boolean() });
    const textArb = fc.array(fc.constantFrom(...words), { maxLength: 40 }).map((w) => w.join(' '));
    fc.assert(fc.property(fc.array(decision, { maxLength: 40 }), textArb, fc.constantFrom(0.4, 0.5, 0.6), (list, text, minScore) => {
      const learned = emptyLearned();
      for (const d of list) recordDecision(learned.decisions, d.rule, d.term, d.accepted);
      const floor = canRaise(learned.decisions) ? Math.max(0, minScore - MAX_UP) : minScore;
      const expected = suggestRange(text, 0, text.length, { minScore: floor }).suggestions
        .map((s) => ({ s, adj: adjustment(learned.decisions, s.rule, decisionTerm(s)) }))
        .map(({ s, adj }) => ({ s, adj, score: Math.round(Math.min(1, Math.max(0, s.score + adj.delta)) * 1000) / 1000 }))
        .filter((x) => x.score >= minScore)
        .map(({ s, adj, score }) => [s.start, s.end, s.rule, adj.why ? score : s.score, adj.why ? `${s.explanation} Learned: ${adj.why} (score ${s.score.toFixed(2)} → ${score.toFixed(2)}).` : s.explanation]);
      assert.deepEqual(run(text, { learned }, { minScore }).map((s) => [s.start, s.end, s.rule, s.score, s.explanation]), expected, text);
    }), { numRuns: 200 });
  });

  test('the engine is asked down by the most a term raises: bounded by MAX_UP, none without a raising term', () => {
    const d = emptyDecisions();
    assert.equal(maxRaise(d), 0);
    recordDecision(d, 'opinion.evaluative', 'shameful', false);
    assert.equal(maxRaise(d), 0, 'a dismissed term raises nothing');
    recordDecision(d, 'opinion.evaluative', 'shameful', true);
    recordDecision(d, 'opinion.evaluative', 'shameful', true);
    const one = maxRaise(d);
    assert.equal(one, adjustment(d, 'opinion.evaluative', 'shameful').delta);
    assert.ok(one > 0 && one < MAX_UP, `${one}`);
    for (let i = 0; i < 200; i++) recordDecision(d, 'claim.number', 'million', true);
    assert.equal(maxRaise(d), MAX_UP, 'cached answers are dropped when a decision is recorded');
    // A rule dismissed often holds its terms' raise down: the largest over the terms is taken.
    for (let i = 0; i < 200; i++) recordDecision(d, 'claim.number', undefined, false);
    assert.equal(maxRaise(d), Math.max(adjustment(d, 'claim.number', 'million').delta, adjustment(d, 'opinion.evaluative', 'shameful').delta));
  });
});
