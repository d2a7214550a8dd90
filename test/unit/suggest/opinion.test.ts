import * as assert from 'node:assert/strict';
import { sentenceFeatures, suggest } from '../../../src/core/suggest';
import { Cue } from '../../../src/core/suggest/claims';
import { buildLexicon } from '../../../src/core/suggest/buildLexicon';
import { LexEntry } from '../../../src/core/suggest/lexicon';
import { analyseSentence, quoteSpans } from '../../../src/core/suggest/analyze';
import { OPINION_MODEL, OpinionModel, scoreOpinion, scoreOpinionSentence } from '../../../src/core/suggest/opinion';
import { DENSE_FEATURES, opinionFeatures, valenceOf } from '../../../src/core/suggest/opinionFeatures';
import { FEATURE_NAMES, opinionTop } from '../../../src/core/suggest/opinionWhy';
import { found } from './helpers';

const rulesOf = (text: string) => found(text, 'opinion').map((s) => [s.text, s.rule]);

suite('suggest/opinion', () => {
  test('each family of opinion language is found, with its rule and term', () => {
    const cases: Array<[string, string, string]> = [
      ['The decision was a disgraceful waste of money.', 'disgraceful', 'opinion.evaluative'],
      ['Clearly, the region has failed these families.', 'Clearly', 'opinion.editorial'],
      ['The council must commit to a timetable.', 'must', 'opinion.modal'],
      ['This is nothing but a cynical ploy by the regime.', 'regime', 'opinion.loaded'],
      ['The housing market is a ticking time bomb.', 'ticking time bomb', 'opinion.metaphor'],
      ['I think we should stop pretending this works.', 'I think', 'opinion.first-person'],
      ['The queue was extremely long.', 'extremely', 'opinion.booster'],
      ['It was an astute decision.', 'astute', 'opinion.evaluative'],
      ['The talks ended in a resounding triumph.', 'resounding triumph', 'opinion.phrase'],
      ['Their commitment cannot be ignored.', 'cannot be ignored', 'opinion.framing'],
      ['The response was woeful.', 'woeful', 'opinion.sentiment'],
    ];
    for (const [text, term, rule] of cases) {
      const hit = found(text, 'opinion').find((s) => s.text === term);
      assert.ok(hit, `${term} in ${text}: got ${JSON.stringify(rulesOf(text))}`);
      assert.equal(hit.rule, rule);
      assert.equal(hit.term, term.toLowerCase());
      assert.match(hit.explanation, new RegExp(term));
    }
  });

  test('an intensifier and the word it intensifies are one suggestion; other neighbours stay apart', () => {
    assert.deepEqual(rulesOf('It was an utterly absurd spectacle.'), [['utterly absurd', 'opinion.evaluative']]);
    assert.deepEqual(rulesOf('The regime’s propaganda seeks to portray the accord as a betrayal.').map((r) => r[0]), ['regime’s', 'propaganda', 'seeks to portray', 'betrayal']);
  });

  test('the sentiment tier explains itself with the VADER valence', () => {
    const hit = found('The response was woeful.', 'opinion').find((s) => s.text === 'woeful')!;
    assert.match(hit.explanation, /sentiment-laden adjective \(VADER -1\.9\)/);
  });

  test('loaded labels in all their forms: plurals and possessives', () => {
    for (const [text, term] of [['The junta’s decree stands.', 'junta’s'], ['Regimes fall.', 'Regimes'], ['They are lackeys of the powerful.', 'lackeys']]) {
      assert.ok(found(text, 'opinion', { minScore: 0 }).some((s) => s.text === term), `${term} in ${text}`);
    }
  });

  test('capitalised words inside a proper name are never opinion or attribution cues', () => {
    for (const text of ['The Great Lakes region is cold.', 'The United States Department of State issued a note.', 'He praised Good Friday.']) {
      assert.deepEqual(found(text, 'opinion', { minScore: 0 }).filter((s) => /^[A-Z]/.test(s.text) && s.start > 0), [], text);
      assert.deepEqual(found(text, 'attribution', { minScore: 0 }), [], text);
    }
  });

  test('neutral reporting yields no opinion suggestions', () => {
    for (const text of ['The bridge opened in 1974 and carries 48,000 vehicles a day.', 'The council will vote on the plan on Thursday.', 'Officials said the lane would stay open.']) {
      assert.deepEqual(rulesOf(text), [], text);
    }
  });

  test('noisy entries of the hedges/weasels lists are filtered out', () => {
    const lex = buildLexicon();
    for (const w of ['say', 'will', 'that', 'about', 'many', 'could', 'experts']) {
      const opinion = (lex.get(w) ?? []).filter((e) => e.words.length === 1 && e.category.startsWith('opinion.'));
      assert.deepEqual(opinion, [], w);
    }
    // …while genuine hedges from the list remain.
    assert.ok((lex.get('presumably') ?? []).some((e) => e.category === 'opinion.hedge'));
  });

  test('opinion words inside a quotation score lower than in the writer’s voice', () => {
    const own = found('The plan is a disgraceful waste.', 'opinion', { minScore: 0 }).find((s) => s.term === 'disgraceful')!;
    const quoted = found('“The plan is a disgraceful waste,” she said.', 'opinion', { minScore: 0 }).find((s) => s.term === 'disgraceful')!;
    assert.ok(quoted.score < own.score);
    assert.match(quoted.explanation, /quotation/);
  });

  test('sentence opinion score: an editorial sentence scores above a factual one, and 0.5 separates them', () => {
    const { sentences } = suggest('The bridge carries 48,000 vehicles a day, officials said. Frankly, this shameful neglect must end, and we should all be outraged!');
    assert.equal(sentences.length, 2);
    assert.ok(sentences[0].opinionScore < 0.5, String(sentences[0].opinionScore));
    assert.ok(sentences[1].opinionScore >= 0.5, String(sentences[1].opinionScore));
  });

  test('the shipped model is well-formed and its explanation names the top features', () => {
    assert.equal(OPINION_MODEL.features.length, OPINION_MODEL.weights.length);
    assert.ok(OPINION_MODEL.weights.every(Number.isFinite));
    const r = scoreOpinion({ 'opinion.loaded': 1, 'opinion.evaluative': 1 });
    assert.ok(r.score > scoreOpinion({}).score);
    assert.deepEqual(r.top.map((t) => t.feature).sort(), ['opinion.evaluative', 'opinion.loaded']);
  });

  test('ignoredTerms and extraTerms.opinion', () => {
    assert.equal(found('The plan is a disgraceful waste.', 'opinion', { ignoredTerms: ['Disgraceful'] }).some((s) => s.term === 'disgraceful'), false);
    const hit = found('Frankly the plan is a boondoggle.', 'opinion', { extraTerms: { opinion: ['boondoggle'] } }).find((s) => s.term === 'boondoggle');
    assert.equal(hit?.rule, 'opinion.custom');
  });

  test('kinds and minScore filter the output', () => {
    const text = 'Officials said prices rose 12% in 2023. It was a disgraceful outcome.';
    const all = suggest(text).suggestions;
    assert.ok(new Set(all.map((s) => s.kind)).size >= 2);
    assert.deepEqual([...new Set(suggest(text, { kinds: ['opinion'] }).suggestions.map((s) => s.kind))], ['opinion']);
    assert.equal(suggest(text, { minScore: 1.01 }).suggestions.length, 0);
    assert.ok(suggest(text, { minScore: 0 }).suggestions.length >= all.length);
  });
});

suite('suggest/opinion: fast scorer', () => {
  test('scoreOpinionSentence agrees with scoreOpinion(opinionFeatures(...)), word and pair features included', () => {
    const model: OpinionModel = {
      features: ['opinion.evaluative', 'length', 'question', 'word:plan', 'word:the', 'bigram:the plan', 'bigram:we must', 'word:2019'],
      weights: [1.2, 0.4, -0.3, 0.7, -0.2, 0.5, 0.9, 5],
      bias: -0.8,
    };
    const lex = buildLexicon();
    for (const text of ['The plan is a disgraceful waste of the plan money.', 'We must act: the plan, the plan!', 'Was it 2019?', '']) {
      const s = analyseSentence(text, { start: 0, end: text.length }, lex, quoteSpans(text, 0, text.length));
      const slow = scoreOpinion(opinionFeatures(s, [], 0), model);
      const fast = scoreOpinionSentence(s, [], 0, model);
      assert.ok(Math.abs(slow.score - fast.score) < 1e-12, `${text}: ${slow.score} vs ${fast.score}`);
      assert.deepEqual(opinionTop(fast, model), slow.top, text);
    }
  });
});

suite('suggest/opinion: sentence features of the model (issue 12)', () => {
  const lex = buildLexicon({ extraTerms: { opinion: ['zorble'] } });
  /** Features of a text taken as one sentence, with the given claim cues and number of attributions. */
  const features = (text: string, cues: Cue[] = [], attributions = 0) => opinionFeatures(analyseSentence(text, { start: 0, end: text.length }, lex, quoteSpans(text, 0, text.length)), cues, attributions);
  const cue = (rule: string): Cue => ({ rule, weight: 1, start: 0, end: 1 });

  test('"we" is its own feature, apart from "I"', () => {
    const f = features('We know our town, and I know it too.');
    assert.equal(f['pronoun.we'], Math.log1p(2));
    assert.equal(f['pronoun.first'], Math.log1p(1));
    assert.equal(features('The town is old.')['pronoun.we'], undefined);
  });

  test('predictions: "will" and "won’t"', () => {
    assert.equal(features('The bridge will open, but it won’t last.').future, Math.log1p(2));
    assert.equal(features('The bridge opened.').future, undefined);
  });

  test('superlatives are counted apart from comparisons', () => {
    const f = features('x', [cue('claim.superlative'), cue('claim.comparison'), cue('claim.comparison')]);
    assert.equal(f.superlative, Math.log1p(1));
    assert.equal(f.comparison, Math.log1p(2));
    assert.ok(sentenceFeatures('It is the longest bridge in the region.').superlative > 0, 'the engine passes its superlative cue');
  });

  test('positive and negative sentiment words, by the sign of their VADER valence', () => {
    const sentiment = (sign: number) => {
      for (const list of buildLexicon().values()) {
        for (const e of list) if (e.category === 'opinion.sentiment' && e.words.length === 1 && Math.sign(valenceOf(e)) === sign) return e.term;
      }
      throw new Error('no sentiment-tier word of that sign');
    };
    const good = sentiment(1);
    const bad = sentiment(-1);
    const f = features(`It was ${good}, then ${bad}, and ${bad} again.`);
    // Counts of occurrences, squashed with log1p like the other counts.
    assert.equal(f['sentiment.positive'], Math.log1p(1), good);
    assert.equal(f['sentiment.negative'], Math.log1p(2), bad);
    assert.equal(f['opinion.sentiment'], Math.log1p(3));
    assert.equal(features(`“It was ${good},” she said.`)['sentiment.positive'], undefined, 'quoted words are the source’s');
  });

  test('valenceOf reads the VADER valence of the sentiment tier only', () => {
    const entry = (category: string, note?: string) => ({ words: ['w'], term: 'w', category, family: 'opinion', weight: 0.6, note }) as LexEntry;
    assert.equal(valenceOf(entry('opinion.sentiment', 'sentiment-laden adjective (VADER -1.9)')), -1.9);
    assert.equal(valenceOf(entry('opinion.sentiment', 'sentiment-laden adverb (VADER +2.1)')), 2.1);
    assert.equal(valenceOf(entry('opinion.evaluative', 'VADER +2.1')), 0);
    assert.equal(valenceOf(entry('opinion.sentiment')), 0);
  });

  test('term evidence sums the weights of opinion terms in the writer’s voice; opinion.any says there is one', () => {
    const weight = lex.get('zorble')!.find((e) => e.family === 'opinion')!.weight;
    const f = features('The zorble plan is a zorble idea.');
    assert.ok(Math.abs(f['term-evidence'] - Math.log1p(2 * weight)) < 1e-12);
    assert.equal(f['opinion.any'], 1);
    const quoted = features('“A zorble plan,” she said.');
    assert.equal(quoted['quoted-opinion'], Math.log1p(1));
    assert.equal(quoted['term-evidence'], undefined);
    assert.equal(quoted['opinion.any'], undefined);
    assert.equal(features('The plan is new.')['opinion.any'], undefined);
  });

  test('name share: the share of capitalised words after the first', () => {
    // Yesterday Anna Smith met Bob in Paris: 7 words, 4 capitalised after the first.
    assert.equal(features('Yesterday Anna Smith met Bob in Paris.')['name-share'], 4 / 7);
    assert.equal(features('the talks went on.')['name-share'], undefined);
  });

  test('every dense feature has a readable name', () => {
    for (const k of DENSE_FEATURES) assert.ok(FEATURE_NAMES[k], k);
    for (const k of OPINION_MODEL.features) assert.ok(FEATURE_NAMES[k] || /^(word|bigram):/.test(k), k);
  });
});
