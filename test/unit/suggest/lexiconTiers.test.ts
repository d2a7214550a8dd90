// The shipped compact tiers (issue 17) are the JSON tiers: same entries, same order, same numbers.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import contextJson from '../../../src/core/suggest/lexicon-context.json';
import expansionJson from '../../../src/core/suggest/lexicon-expansion.json';
import sentimentJson from '../../../src/core/suggest/lexicon-sentiment.json';
import adjectivesJson from '../../../src/core/suggest/lexicon-adjectives.json';
import { CONTEXT_ENTRIES, DERIVED_NOUNS, DESCRIPTIVE_ADJECTIVES, EXPANSION_ENTRIES, SENTIMENT_ENTRIES } from '../../../src/core/suggest/lexiconTiers';

const entriesOf = (json: unknown): unknown[] => (json as { entries: unknown[] }).entries;

suite('suggest: compact lexicon tiers', () => {
  test('the broad sentiment tier decodes to lexicon-sentiment.json’s entries, in order', () => {
    assert.ok(SENTIMENT_ENTRIES.length > 500);
    assert.deepEqual(SENTIMENT_ENTRIES, entriesOf(sentimentJson));
  });

  test('the contextual tier decodes to lexicon-context.json’s entries, in order', () => {
    assert.ok(CONTEXT_ENTRIES.length > 1500);
    assert.deepEqual(CONTEXT_ENTRIES, entriesOf(contextJson));
  });

  test('the expansion tier decodes to lexicon-expansion.json’s entries, in order', () => {
    assert.ok(EXPANSION_ENTRIES.length > 100);
    assert.deepEqual(EXPANSION_ENTRIES, entriesOf(expansionJson));
  });

  test('the descriptive adjectives and derived nouns decode to lexicon-adjectives.json’s lists, in order', () => {
    const doc = adjectivesJson as unknown as { words: string[]; derivedNouns: Array<[string, string]> };
    assert.ok(DESCRIPTIVE_ADJECTIVES.length > 1000);
    assert.deepEqual(DESCRIPTIVE_ADJECTIVES, doc.words);
    assert.ok(DERIVED_NOUNS.length > 100);
    assert.deepEqual(DERIVED_NOUNS, doc.derivedNouns);
  });

  test('the committed word lists are what scripts/build-lexicon.mjs writes from the installed (locked) VADER and WordNet', function () {
    this.timeout(60_000);
    const root = path.resolve(__dirname, '../../../..');
    const r = spawnSync(process.execPath, [path.join(root, 'scripts/build-lexicon.mjs'), '--check'], { cwd: root, encoding: 'utf8' });
    assert.equal(r.status, 0, `${r.stdout}${r.stderr}`);
    assert.match(r.stdout, /lexicon-adjectives\.json is up to date/);
  });
});
