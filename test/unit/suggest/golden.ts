// The golden output of the suggestion engine: every suggestion, sentence score and opinion feature on fixed texts,
// under several option sets. golden.test.ts compares the engine with the files in test/fixtures/suggest-golden/;
// `npm run suggest:snapshot` (scripts/suggest-snapshot.mjs) rewrites them when a change is MEANT to alter the
// output (review the diff before committing it). Texts: the tune half of our evaluation texts (raw markup and
// plain), a 16 KB slice of the benchmark's generated text, and a seeded stress text (Unicode, CRLF, quotes,
// abbreviations, made-up words). The held-out half is left out, so that nobody reads its output here.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { paragraphRanges, sentenceFeatures, sentenceOpinionScore, suggest, suggestRange, SuggestOptions } from '../../../src/core/suggest';
import { generateText } from '../../../bench/suggest.bench';
import { EVAL_DIR, loadEvalTexts } from '../../../bench/evalMarkup';

export const GOLDEN_DIR = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'suggest-golden');

/** JSON that keeps key order and marks undefined-valued keys (so "absent" and "undefined" differ), one item per line. */
function serialize(x: unknown): string {
  const line = (v: unknown) => JSON.stringify(v, (_k, w: unknown) => (w === undefined ? '\u0000undefined' : w));
  return Array.isArray(x) ? x.map(line).join('\n') + '\n' : line(x) + '\n';
}

const OPTIONS: Record<string, SuggestOptions> = {
  default: {},
  min0: { minScore: 0 },
  claim: { kinds: ['claim'] },
  terms: {
    extraTerms: { opinion: ['deal worth', 'budget'], claim: ['clinics'], attribution: ['stated', 'wrote'] },
    ignoredTerms: ['said', 'clearly', '12 percent', 'according to', 'should'],
  },
};

function texts(): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const t of loadEvalTexts()) {
    if (t.half !== 'tune') continue;
    const name = `${t.split}-${t.name.replace(/\.txt$/, '').replace(/[^\w-]+/g, '_')}`;
    out.push([`${name}-plain`, t.text]);
    out.push([`${name}-raw`, fs.readFileSync(path.join(EVAL_DIR, t.split, t.name), 'utf8')]);
  }
  out.push(['bench16k', generateText(16 * 1024)]);
  let seed = 7;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed % n);
  const ODD = ['’', '‘', '“', '”', '"', "'", '…', '—', '–', '.', '. ', '! ', '? ', '\r\n', '\n', '\n\n', '\u00a0', '😀', '𝒜', 'é', 'ß', 'İ', '$', '€', '%', ',', ';', '(', ')', '2,345', '3.5', 'No. ', 'Mr. ', 'U.S.', "don't", 'can’t', '\t', '١٢', 'ﬁ', '1. '];
  const pool = out.filter(([n]) => n.endsWith('-plain')).map(([, t]) => t);
  let stress = '';
  for (let i = 0; i < 60; i++) {
    const s = pool[rnd(pool.length)];
    const from = rnd(Math.max(1, s.length - 400));
    for (let k = from; k < Math.min(s.length, from + 400); k++) {
      const r = rnd(1000);
      stress += r < 15 ? ODD[rnd(ODD.length)] : r < 18 ? `w${rnd(100000).toString(36)}Z` : r < 20 ? '' : s[k];
    }
    stress += rnd(3) === 0 ? '\n\n' : ' ';
  }
  out.push(['stress', stress]);
  return out;
}

/** Every golden case: [file name, expected content]. */
export function goldenCases(): Array<[string, string]> {
  const cases: Array<[string, string]> = [];
  const all = texts();
  let seed = 11;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed % n);
  for (const [name, text] of all) {
    // Every option set and cut ranges on the two synthetic texts; the evaluation texts (many) with fewer.
    const synthetic = name === 'bench16k' || name === 'stress';
    for (const [on, options] of Object.entries(OPTIONS)) {
      if (!synthetic && (on === 'claim' || on === 'terms' || (name.endsWith('-raw') && on !== 'default'))) continue;
      const whole = suggest(text, options);
      cases.push([`${name}.${on}.suggestions.jsonl`, serialize(whole.suggestions)]);
      if (name.endsWith('-raw')) continue;
      cases.push([`${name}.${on}.sentences.jsonl`, serialize(whole.sentences)]);
      if (!synthetic) continue;
      // Ranges that cut sentences and words (per paragraph, the output is suggest's: a property test checks that).
      const ranges: unknown[] = [paragraphRanges(text)];
      for (let k = 0; k < 8; k++) {
        const a = rnd(text.length + 1);
        const b = a + rnd(600);
        ranges.push([a, b, suggestRange(text, a, b, options)]);
      }
      cases.push([`${name}.${on}.ranges.jsonl`, serialize(ranges)]);
    }
  }
  const lines = all.filter(([n]) => n.endsWith('-plain')).flatMap(([, t]) => t.split(/(?<=[.!?])\s+|\n/)).filter(Boolean);
  cases.push(['sentences.features.jsonl', serialize(lines.map((s) => [s, sentenceFeatures(s), sentenceOpinionScore(s)]))]);
  return cases;
}
