// The opinion vocabulary's tiers (issue 12): the contextual sentiment tier and its gates, and the word lists'
// hygiene (no duplicates, every contextual word reviewed out of the sentence model's features).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONTEXT_MIN_SENTENCE_SCORE, suggest } from '../../../src/core/suggest';
import { buildLexicon } from '../../../src/core/suggest/buildLexicon';
import { CONSTRUCTIONS } from '../../../src/core/suggest/constructions';
import { OPINION_CATEGORIES } from '../../../src/core/suggest/opinionFeatures';
import contextJson from '../../../src/core/suggest/lexicon-context.json';
import sentimentJson from '../../../src/core/suggest/lexicon-sentiment.json';
import expansionJson from '../../../src/core/suggest/lexicon-expansion.json';
import adjectivesJson from '../../../src/core/suggest/lexicon-adjectives.json';
import { found } from './helpers';

const contextual = (text: string) => found(text, 'opinion').filter((s) => s.rule === 'opinion.contextual');
const entries = (j: unknown) => (j as { entries: Array<[string, number, string]> }).entries;

suite('suggest/terms: the contextual tier', () => {
  test('a contextual word is suggested in an opinion-leaning sentence, with its part of speech, valence and context', () => {
    const text = "Frankly, the council's deceit is shameful, and its cruelty to tenants is a disgrace.";
    const hits = contextual(text);
    assert.deepEqual(hits.map((h) => h.text), ['deceit', 'cruelty']);
    const sentence = suggest(text).sentences[0];
    assert.ok(sentence.opinionScore >= CONTEXT_MIN_SENTENCE_SCORE);
    for (const h of hits) assert.match(h.explanation, /sentiment-laden noun \(VADER -\d\.\d\) in an opinion-leaning sentence/);
  });

  test('not in a factual sentence, nor in a quotation, nor in what a source is reported to say', () => {
    // Factual: the sentence model rates it below the gate.
    assert.deepEqual(contextual('The council reported deceit by two contractors, the ministry said on Tuesday, citing 12 cases.'), []);
    // Quoted: the source's word (the writer's own "cruelty" in the same sentence is still found).
    const quoted = 'We should be clear: this is cruelty, and the mayor said "cruelty" was the wrong word.';
    // ("be clear" is the writer's own judgement too.)
    const hits = contextual(quoted).filter((h) => h.text.includes('cruelty'));
    assert.equal(hits.length, 1);
    assert.equal(hits[0].start, quoted.indexOf('cruelty'));
    // Reported speech in an opinion-leaning sentence: "deceit" is the critics' word.
    const reported = 'Frankly, this is shameful: critics argued that the deceit was a disgrace.';
    assert.ok(suggest(reported).sentences[0].opinionScore >= CONTEXT_MIN_SENTENCE_SCORE);
    assert.deepEqual(contextual(reported), []);
  });

  test('a wire-style paragraph stays quiet', () => {
    const wire = [
      'The central bank raised its main interest rate by 0.25 percentage points to 4.5 percent on Thursday, citing inflation.',
      'Governor Lena Marsh told reporters that the decision had been unanimous and that further increases were possible.',
      'Three people were injured in the attack, police said, and two suspects were arrested on Friday.',
      'The ministry said the agreement with the union would cost 120 million euros over three years.',
    ].join(' ');
    assert.deepEqual(found(wire, 'opinion').map((s) => s.text), []);
  });

  test('contextual words are not features of the sentence model (they cannot raise the score that gates them)', () => {
    assert.ok(!(OPINION_CATEGORIES as readonly string[]).includes('opinion.contextual'));
  });

  test('the ignoredTerms setting silences a contextual word', () => {
    const text = "Frankly, the council's deceit is shameful, and its cruelty to tenants is a disgrace.";
    assert.deepEqual(found(text, 'opinion', { ignoredTerms: ['cruelty'] }).filter((s) => s.rule === 'opinion.contextual').map((s) => s.text), ['deceit']);
  });
});

suite('suggest/terms: patterns of the contextual tier', () => {
  test('a degree word with the free word it modifies, in an opinion-leaning sentence', () => {
    const text = 'Frankly, the plan is so hard to defend that the council should drop it, and the result is shameful.';
    const hit = contextual(text).find((h) => h.text === 'so hard');
    assert.ok(hit, JSON.stringify(contextual(text)));
    assert.equal(hit.term, 'so hard');
    assert.match(hit.explanation, /degree word judges the word it modifies/);
    // Not before a function word, a modal or a number ("so could", "more than"), nor in a factual sentence.
    assert.deepEqual(contextual('It is a disgrace, frankly, and so could the rest of them be.'), []);
    assert.deepEqual(contextual('The bank said inflation was far higher than expected, citing 3.2 percent growth.'), []);
  });

  test('a sweeping generalisation opens the sentence, only at its start', () => {
    const hits = contextual('Few ministers in our history have shown such shameful cowardice, and that is a disgrace.');
    assert.deepEqual(hits.map((h) => [h.text, h.term]), [['Few', 'few']]);
    assert.deepEqual(contextual('No other project has done such damage, and that is a disgrace.').map((h) => h.text), ['No other']);
    assert.deepEqual(contextual('Frankly, it is a disgrace that few ministers came.').map((h) => h.text), []);
    assert.deepEqual(contextual('Few details were released on Tuesday.'), []);
  });

  test('a judgement by denial after a copula', () => {
    const text = 'Frankly, the case for the merger is not trivial, but the process was a disgrace.';
    assert.deepEqual(contextual(text).map((h) => h.text), ['not trivial']);
    assert.deepEqual(contextual('Frankly, the process was a disgrace and the board did not listen.').map((h) => h.text), []);
  });

  test('a judgement denied of the subject, with its determiner, also past "also"; a kind of thing or a quantity denied is not one', () => {
    const hits = contextual('Frankly, a consultation that is ignored is also not a formality, and that is a disgrace.');
    assert.deepEqual(hits.map((h) => [h.text, h.term]), [['not a formality', 'not a formality']]);
    assert.match(hits[0].explanation, /judgement by denial/);
    // A name denied to put a judgement in its place (round 7: "not X but Y").
    assert.deepEqual(contextual('Frankly, a consultation that is ignored is not a consultation but a formality, and that is a disgrace.').map((h) => h.text), ['not a consultation but a formality']);
    // Round 7: a kind of thing or a quantity denied states a fact ("not a consultation", "not ten minutes").
    assert.deepEqual(contextual('Frankly, a consultation that is ignored is not a consultation, and that is a disgrace.').map((h) => h.text), []);
    assert.deepEqual(contextual('Frankly, ninety seconds is also not ten minutes, and that is a disgrace.').map((h) => h.text), []);
    // Not a name, nor a function word after the determiner, nor in a factual sentence.
    assert.deepEqual(contextual('Frankly, the culprit is not the Council, and that is a disgrace.').map((h) => h.text), []);
    assert.deepEqual(contextual('The fee is not a tax under the 2019 act, the ministry said on Tuesday.'), []);
  });

  test('evaluative constructions: ranking, degree and denial frames, whole', () => {
    const hits = contextual('It is the most candid memoir I have read, and by some distance the funniest; the rest are a disgrace.');
    assert.ok(hits.some((h) => h.text === 'by some distance' && h.term === 'by some distance' && /ranks or grades/.test(h.explanation)), JSON.stringify(hits));
    assert.ok(contextual('Frankly, the deal is far from settled, and the process was a disgrace.').some((h) => h.text === 'far from'));
    assert.ok(contextual('Frankly, what the board did was nothing less than a disgrace.').some((h) => h.text === 'nothing less than'));
    const simile = contextual('Frankly, the new lane is like building a motorway that ends in a farmyard: a disgrace.');
    assert.ok(simile.some((h) => h.text === 'is like' && /simile/.test(h.explanation)), JSON.stringify(simile));
    // Only the whole frame ("by far", not "by farm"), and not in a factual sentence.
    assert.deepEqual(contextual('Frankly, the road by the farm is a disgrace.').filter((h) => h.text.startsWith('by')), []);
    assert.deepEqual(contextual('The village lies far from the coast, officials said on Tuesday.'), []);
  });

  test('the writer\'s stance in the first person plural ("we trust", "we believe")', () => {
    const hits = contextual('Our forebears had less, and, we trust, no less shameful a record of courage.');
    assert.ok(hits.some((h) => h.text === 'we trust' && /first person plural/.test(h.explanation)), JSON.stringify(hits));
    // Not in a quotation, nor in a factual sentence.
    assert.deepEqual(contextual('"We believe the deal is shameful," the union said on Tuesday.').filter((h) => h.term === 'we believe'), []);
    assert.deepEqual(contextual('We believe 12 people were hurt, the police said on Tuesday.').filter((h) => h.term === 'we believe'), []);
  });

  test('a concession opening the sentence before a comma, and a modal with "well"', () => {
    const still = contextual('Still, it is rare and shameful to see a minister so plainly humbled.');
    assert.ok(still.some((h) => h.text === 'Still' && h.term === 'still' && /concession/.test(h.explanation)), JSON.stringify(still));
    assert.deepEqual(contextual('It is still rare and shameful to see a minister humbled.').filter((h) => h.term === 'still'), []);
    const well = contextual('Frankly, a merger may well be right, but this one was a disgrace.');
    assert.ok(well.some((h) => h.text === 'may well' && /weighs a likelihood/.test(h.explanation)), JSON.stringify(well));
    assert.deepEqual(contextual('The minister may well travel on Tuesday, officials said, citing 3 meetings.'), []);
  });

  test('an adverb of manner or stance (-ly) in an opinion-leaning sentence; not a neutral one', () => {
    const text = 'Frankly, the board behaved shabbily and the result is a disgrace.';
    const hits = contextual(text);
    assert.deepEqual(hits.map((h) => h.text), ['shabbily']);
    assert.match(hits[0].explanation, /adverb of manner or stance/);
    assert.deepEqual(contextual('Frankly, the board met weekly and publicly, and the result is a disgrace.'), []);
    assert.deepEqual(contextual('The board behaved shabbily, the union said on Tuesday, citing 12 complaints.'), []);
  });

  test('an evaluative word before an evaluative word is one phrase', () => {
    const text = 'Few ministers in our history have shown such shameful cowardice, and that is a disgrace.';
    const terms = found(text, 'opinion').map((s) => s.text);
    assert.ok(terms.includes('shameful cowardice'), JSON.stringify(terms));
    assert.ok(!terms.includes('cowardice'));
  });
});

suite('suggest/terms: descriptive adjectives and derived nouns (WordNet)', () => {
  const opinionLeaning = (text: string) => assert.ok(suggest(text).sentences.every((x) => x.opinionScore >= CONTEXT_MIN_SENTENCE_SCORE), text);

  test('a descriptive adjective after a copula, with the adverbs between and a second adjective after "and"', () => {
    const text = 'Frankly, the plan is a disgrace, even if the idea behind it is sound.';
    opinionLeaning(text);
    const hit = contextual(text).find((h) => h.text === 'sound');
    assert.ok(hit, JSON.stringify(contextual(text)));
    assert.match(hit.explanation, /descriptive adjective \(WordNet\) said of something after a copula/);
    const two = 'Frankly, it is a disgrace that anyone doubts us: our programme has always been transparent and peaceful.';
    opinionLeaning(two);
    assert.ok(contextual(two).some((h) => h.text === 'always been transparent and peaceful' || h.text === 'transparent and peaceful'), JSON.stringify(contextual(two)));
  });

  test('a descriptive adjective between a determiner and a free word; not a relational one', () => {
    const text = 'Frankly, it is a disgrace: a sound investment would have cost the city far less.';
    opinionLeaning(text);
    assert.ok(contextual(text).some((h) => h.text === 'sound'), JSON.stringify(contextual(text)));
    const relational = 'Frankly, it is a disgrace that the regional government hid the figures.';
    opinionLeaning(relational);
    assert.ok(!contextual(relational).some((h) => h.text.includes('regional')), JSON.stringify(contextual(relational)));
  });

  test('a descriptive adjective before a free word without a determiner; not a quantifier or a numeral', () => {
    const text = 'Frankly, it is a disgrace that such sound reforms and hasty decisions were ignored.';
    opinionLeaning(text);
    const hits = contextual(text).map((h) => h.text);
    assert.ok(hits.includes('sound') && hits.includes('hasty'), JSON.stringify(hits));
    assert.match(contextual(text).find((h) => h.text === 'sound')!.explanation, /descriptive adjective \(WordNet\) qualifying what follows/);
    const closed = 'Frankly, it is a disgrace that several teachers and twenty nurses were ignored by another board.';
    opinionLeaning(closed);
    assert.deepEqual(contextual(closed).filter((h) => /several|twenty|another/.test(h.text)), []);
    const words = new Set((adjectivesJson as { words: string[] }).words);
    for (const w of ['all', 'another', 'several', 'twenty', 'fourth', 'twofold', 'said']) assert.ok(!words.has(w), w);
  });

  test('neutral reports of states, colours and particles are not judged, even in short sentences the gate lets in', () => {
    // Short "X is Y." sentences score just over the tier's gate; these say facts, not judgements.
    const facts = ['The power is out.', 'Prices are up again.', 'The season is over.', 'The mayor is away.', 'The suspect is still alive.',
      'Parking is illegal on this street.', 'The visitors were elderly.', 'The pitch is wet.', 'The black car is parked outside.',
      'The blue whale is the largest animal.', 'Our annual report is out.'];
    for (const text of facts) assert.deepEqual(contextual(text).map((h) => h.text), [], text);
  });

  test('an adjective after a copula that qualifies the next word is attributive, without the words before it', () => {
    const text = 'Frankly, it is a disgrace: there are no sound answers and no honest ministers.';
    opinionLeaning(text);
    const hits = contextual(text);
    const sound = hits.find((h) => h.text.includes('sound'));
    assert.equal(sound?.text, 'sound', JSON.stringify(hits));
    assert.match(sound.explanation, /qualifying what follows/);
  });

  test('a verb of duty or daring ("owe", "dare") in an opinion-leaning sentence, not in a factual one', () => {
    const text = 'Frankly, it is a disgrace: we owe the nurses an apology, and few of us dare to give it.';
    opinionLeaning(text);
    const hits = contextual(text);
    assert.deepEqual(hits.filter((h) => h.text === 'owe' || h.text === 'dare').map((h) => h.text), ['owe', 'dare']);
    assert.match(hits.find((h) => h.text === 'owe')!.explanation, /verb of duty, merit or daring/);
    assert.deepEqual(contextual('The company owed 4 million crowns to its suppliers, the court said on Tuesday.'), []);
  });

  test('not in a factual sentence, nor in what a source is reported to say', () => {
    assert.deepEqual(contextual('The river was shallow near the bridge, officials said on Tuesday, citing 12 readings.'), []);
    const reported = 'Frankly, this is shameful: critics argued that the idea was sound.';
    opinionLeaning(reported);
    assert.ok(!contextual(reported).some((h) => h.text.includes('sound')), JSON.stringify(contextual(reported)));
  });

  test('a hedge or booster of frequency; "once" only in "once again"', () => {
    const text = 'Frankly, it is a disgrace: once again the board has usually ignored the tenants.';
    opinionLeaning(text);
    const hits = contextual(text).map((h) => h.text);
    assert.ok(hits.includes('once again') && hits.includes('usually'), JSON.stringify(hits));
    const once = 'Frankly, it is a disgrace that the board met once and ignored the tenants.';
    opinionLeaning(once);
    assert.ok(!contextual(once).some((h) => h.text.startsWith('once')), JSON.stringify(contextual(once)));
    assert.deepEqual(contextual('The board usually meets on Tuesdays, the ministry said, citing 12 meetings in 2024.'), []);
  });

  test('an evaluative noun derived from an evaluative adjective', () => {
    const text = 'Frankly, the recklessness of the board is a disgrace.';
    opinionLeaning(text);
    const hit = contextual(text).find((h) => h.text === 'recklessness');
    assert.ok(hit, JSON.stringify(contextual(text)));
    assert.match(hit.explanation, /evaluative noun \(of “reckless”, WordNet\)/);
  });

  test('the frozen lists: no duplicates, no word of the sentiment tiers, no relational adjective, reviewed nouns', () => {
    const doc = adjectivesJson as unknown as { words: string[]; derivedNouns: Array<[string, string]> };
    const tiers = new Set([...entries(sentimentJson), ...entries(contextJson)].map((e) => e[0]));
    assert.equal(new Set(doc.words).size, doc.words.length);
    assert.deepEqual(doc.words.filter((w) => tiers.has(w)), []);
    for (const w of ['sound', 'transparent', 'peaceful']) assert.ok(doc.words.includes(w), w);
    for (const w of ['regional', 'economic', 'clinical', 'new', 'done']) assert.ok(!doc.words.includes(w), w);
    const nouns = doc.derivedNouns.map((e) => e[0]);
    assert.equal(new Set(nouns).size, nouns.length);
    assert.deepEqual(nouns.filter((w) => tiers.has(w)), []);
    for (const w of ['ambition', 'idea', 'benefit', 'danger']) assert.ok(!nouns.includes(w), w);
  });
});

suite('suggest/terms: word lists', () => {
  test('the frozen tiers have no duplicate words and do not overlap', () => {
    const broad = entries(sentimentJson).map((e) => e[0]);
    const context = entries(contextJson).map((e) => e[0]);
    assert.equal(new Set(broad).size, broad.length, 'duplicates in lexicon-sentiment.json');
    assert.equal(new Set(context).size, context.length, 'duplicates in lexicon-context.json');
    const inBroad = new Set(broad);
    assert.deepEqual(context.filter((w) => inBroad.has(w)), []);
    for (const [w, v, pos] of entries(contextJson)) {
      assert.match(w, /^[a-z]+(?:-[a-z]+)*$/);
      assert.ok(['adjective', 'adverb', 'noun', 'verb'].includes(pos), `${w}: ${pos}`);
      assert.ok(Math.abs(v) >= ((pos === 'noun' || pos === 'verb') ? 1.5 : 1.0), `${w}: ${v}`);
    }
  });

  test('the word-vector expansion: every entry has its seed and cosine, was reviewed, and no word is also rejected', () => {
    const doc = expansionJson as unknown as { entries: Array<[string, string, number]>; heldBack: Array<[string, string, number]>; rejected: Record<string, string[]>; reviewed: number };
    const words = doc.entries.map((e) => e[0]);
    const heldBack = doc.heldBack.map((e) => e[0]);
    assert.equal(new Set([...words, ...heldBack]).size, words.length + heldBack.length);
    const rejected = new Set(Object.values(doc.rejected).flat());
    assert.deepEqual([...words, ...heldBack].filter((w) => rejected.has(w)), []);
    // Every reviewed proposal is shipped, held back (accepted, not shipped) or rejected with a reason.
    assert.equal(words.length + heldBack.length + rejected.size, doc.reviewed);
    for (const [, , cos] of doc.heldBack) assert.ok(cos >= 0.62 && cos < 0.695, String(cos));
    for (const [w, seed, cos] of doc.entries) {
      assert.match(w, /^[a-z]+$/);
      assert.match(seed, /^[a-z]+$/);
      assert.ok(cos >= 0.695 && cos <= 1, `${w}: ${cos}`);
    }
    const text = 'Frankly, the whole plan is reprehensible, and that is a disgrace.';
    const hit = contextual(text).find((h) => h.text === 'reprehensible');
    assert.ok(hit, JSON.stringify(found(text, 'opinion')));
    assert.match(hit.explanation, /reviewed word-vector neighbour of “[a-z]+”, cosine 0\.\d\d/);
  });

  test('the constructions: none twice, none an opinion phrase of the main lexicon (it would always win), longest first', () => {
    const lex = buildLexicon();
    const seen = new Set<string>();
    for (const [first, list] of CONSTRUCTIONS) {
      for (let k = 0; k < list.length; k++) {
        const c = list[k];
        assert.equal(c.words[0], first);
        assert.equal(c.term, c.words.join(' '));
        assert.ok(!seen.has(c.term), `twice: ${c.term}`);
        seen.add(c.term);
        if (k > 0) assert.ok(list[k - 1].words.length >= c.words.length, `order under ${first}`);
        const inLexicon = (lex.get(first) ?? []).some((e) => e.family === 'opinion' && e.term === c.term);
        assert.ok(!inLexicon, `already in the main lexicon: ${c.term}`);
      }
    }
  });

  test('the built lexicon has one entry per term and family, longest first', () => {
    for (const [head, list] of buildLexicon()) {
      const seen = new Set<string>();
      for (let k = 0; k < list.length; k++) {
        const key = `${list[k].family}:${list[k].term}`;
        assert.ok(!seen.has(key), `duplicate ${key} under ${head}`);
        seen.add(key);
        if (k > 0) assert.ok(list[k - 1].words.length >= list[k].words.length, `order under ${head}`);
      }
    }
  });

  test('the source lists of lexicon.ts repeat no word within a tier block', () => {
    // Duplicates inside one block of our own lists are harmless at run time (add() keeps one) but are a sign of
    // careless editing; the words are read from the source so that a new duplicate fails here.
    const src = fs.readFileSync(path.resolve(__dirname, '../../../../src/core/suggest/lexicon.ts'), 'utf8');
    const blocks = [...src.matchAll(/\['(opinion\.[a-z-]+)', [\d.]+, `([^`]*)`\]/g)];
    assert.ok(blocks.length >= 10);
    const dups: string[] = [];
    for (const [, category, spec] of blocks) {
      const words = spec.split('|')[0].split(/\s+/).filter(Boolean);
      const seen = new Set<string>();
      for (const w of words) if (seen.has(w)) dups.push(`${category}: ${w}`); else seen.add(w);
    }
    assert.deepEqual(dups, []);
  });
});
