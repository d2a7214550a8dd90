import * as assert from 'node:assert/strict';
import '../../../src/core/suggest';
import { ownEntries, reportingVerbEntries } from '../../../src/core/suggest/buildLexicon';
import contextJson from '../../../src/core/suggest/lexicon-context.json';
import expansionJson from '../../../src/core/suggest/lexicon-expansion.json';
import sentimentJson from '../../../src/core/suggest/lexicon-sentiment.json';
import { EVALUATIVE_NOUNS, GENERALISERS, PHRASE_MODIFIERS } from '../../../src/core/suggest/lexicon';
import { WORD_LISTS, wordSet } from '../../../src/core/suggest/wordLists';

/** Entries that occur more than once, each named once. */
function repeats(list: readonly string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const w of list) (seen.has(w) ? twice : seen).add(w);
  return [...twice];
}

// Issue 16: a word twice in a list is dead data (a Set or the lexicon keeps one) and usually a sign that the
// second place was meant to say something else. Every shipped list is checked, so a new list is covered too.
suite('suggest: word lists hold no entry twice', () => {
  test('the check itself: a list with a repeat is reported', () => {
    assert.deepEqual(repeats(['a', 'b', 'a', 'c', 'b']), ['a', 'b']);
    const before = new Map(WORD_LISTS);
    try {
      wordSet('test.REPEATS', ['x', 'y', 'x']);
      assert.deepEqual(repeats(WORD_LISTS.get('test.REPEATS')!), ['x']);
    } finally {
      WORD_LISTS.clear();
      for (const [k, v] of before) WORD_LISTS.set(k, v);
    }
  });

  test('every in-code word set (registered through wordSet)', () => {
    // The modules of the engine are loaded by the import of index above: their lists are all registered.
    for (const name of ['claims.MONTHS', 'attributions.PRONOUNS', 'cueWords.WEAK_CUES', 'lexicon.NEUTRAL_LY', 'opinionFeatures.NEGATION', 'sentenceEnds.TITLE_ABBREVIATIONS']) {
      assert.ok(WORD_LISTS.has(name), `${name} is registered`);
    }
    assert.ok(WORD_LISTS.size >= 40, `${WORD_LISTS.size} lists registered`);
    const bad = [...WORD_LISTS].filter(([, words]) => repeats(words).length).map(([name, words]) => `${name}: ${repeats(words).join(', ')}`);
    assert.deepEqual(bad, []);
  });

  test('our own lexicon lists: no term twice in a family (the lexicon would keep the first and drop the rest)', () => {
    // The modifier x noun phrases are generated (their two lists are checked below), not listed.
    const entries = [...ownEntries(), ...reportingVerbEntries()].filter(([, category]) => category !== 'opinion.phrase');
    assert.ok(entries.length > 1500);
    const terms = entries.map(([words, category]) => `${category.slice(0, category.indexOf('.'))}: ${words.join(' ')}`);
    assert.deepEqual(repeats(terms), []);
  });

  test('the generated tiers (JSON) and the phrase patterns', () => {
    const lists: Array<[string, string[]]> = [
      ['lexicon-sentiment.json', (sentimentJson as unknown as { entries: Array<[string, number, string]> }).entries.map((e) => e[0])],
      ['lexicon-context.json', (contextJson as unknown as { entries: Array<[string, number, string]> }).entries.map((e) => e[0])],
      ['lexicon-expansion.json', (expansionJson as unknown as { entries: Array<[string, string, number]> }).entries.map((e) => e[0])],
      ['GENERALISERS', GENERALISERS.map((g) => g.join(' '))],
      ['PHRASE_MODIFIERS', PHRASE_MODIFIERS],
      ['EVALUATIVE_NOUNS', EVALUATIVE_NOUNS],
    ];
    for (const [name, words] of lists) {
      assert.ok(words.length > 5, name);
      assert.deepEqual(repeats(words), [], name);
    }
  });
});
