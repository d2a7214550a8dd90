#!/usr/bin/env node
// The suggestion engine's golden output, and a larger snapshot for speed work that must not change a byte.
//
//   npm run suggest:snapshot                             rewrite test/fixtures/suggest-golden/ (the golden files that
//                                                        test/unit/suggest/golden.test.ts checks in npm test): run it
//                                                        when a change is MEANT to alter the output, review the diff
//   npm run suggest:snapshot -- --out /tmp/before        (large snapshot, on the old code)
//   npm run suggest:snapshot -- --compare /tmp/before    (on the new code: exit 1 and the differing cases)
//
// The large snapshot (below) adds the 1 MB benchmark text and NewsSD-ENG, which cannot be committed.
// Cases: suggest and per-paragraph suggestRange on the 1 MB benchmark text, every evaluation text (raw and
// with its markup stripped), NewsSD-ENG train + val joined (when ../shared/data/newssd-eng is present; read,
// never copied) and a seeded stress text (Unicode, CRLF, quotes, abbreviations, made-up words); 40 random
// ranges that cut sentences and words; per-sentence suggest, sentenceFeatures and sentenceOpinionScore; each
// under several option sets. JSON keeps key order and marks undefined-valued keys, so "absent" and "undefined"
// differ too. Each case is stored as JSON in the snapshot folder, with a summary of hashes to compare.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const { values: args } = parseArgs({ options: { out: { type: 'string' }, compare: { type: 'string' } } });
if (args.out && args.compare) {
  console.error('Usage: suggest-snapshot [--out <dir> | --compare <dir>]');
  process.exit(2);
}
if (!args.out && !args.compare) {
  const { GOLDEN_DIR, goldenCases } = require(path.join(root, 'out/test/unit/suggest/golden.js'));
  fs.rmSync(GOLDEN_DIR, { recursive: true, force: true });
  fs.mkdirSync(GOLDEN_DIR, { recursive: true });
  const cases = goldenCases();
  for (const [name, body] of cases) fs.writeFileSync(path.join(GOLDEN_DIR, name), body);
  console.log(`${cases.length} golden files written to ${path.relative(root, GOLDEN_DIR)}`);
  process.exit(0);
}
const S = require(path.join(root, 'out/src/core/suggest/index.js'));
const { generateText } = require(path.join(root, 'out/bench/suggest.bench.js'));
const { loadEvalTexts } = require(path.join(root, 'out/bench/evalMarkup.js'));
const { loadNewsSd, newsSdDir } = require(path.join(root, 'out/bench/newssd.js'));

const serialize = (x) => JSON.stringify(x, (_k, v) => (v === undefined ? '\u0000undefined' : v));
let seed = 7;
const rnd = (n) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed % n);

const texts = [['bench', generateText(1024 * 1024)]];
for (const t of loadEvalTexts()) {
  if (t.half !== 'tune') continue;
  texts.push([`eval-${t.split}-${t.name}-plain`, t.text]);
  texts.push([`eval-${t.split}-${t.name}-raw`, fs.readFileSync(path.join(root, 'test/fixtures/suggest-eval', t.split, t.name), 'utf8')]);
}
const sentences = [];
for (const split of ['train', 'val']) {
  const file = path.join(newsSdDir(root), `${split}.csv`);
  if (fs.existsSync(file)) sentences.push(...loadNewsSd(file).map((r) => r.text));
}
if (sentences.length) texts.push(['newssd-joined', sentences.join('\n\n')]);
const ODD = ['’', '‘', '“', '”', '"', "'", '…', '—', '–', '.', '. ', '! ', '? ', '\r\n', '\n', '\n\n', '\u00a0', '😀', '𝒜', 'é', 'ß', 'İ', '$', '€', '%', ',', ';', '(', ')', '2,345', '3.5', 'No. ', 'Mr. ', 'U.S.', "don't", 'can’t', '\t', '١٢', 'ﬁ'];
const pool = [...sentences, ...texts.filter(([n]) => n.endsWith('-plain')).map(([, t]) => t)];
let stress = '';
for (let i = 0; i < 4000; i++) {
  const s = pool[rnd(pool.length)];
  for (let k = 0; k < s.length; k++) {
    const r = rnd(1000);
    stress += r < 15 ? ODD[rnd(ODD.length)] : r < 18 ? `w${rnd(100000).toString(36)}Z` : r < 20 ? '' : s[k];
  }
  stress += rnd(3) === 0 ? '\n\n' : ' ';
}
texts.push(['stress', stress]);

const OPTIONS = {
  default: {},
  min0: { minScore: 0 },
  min08: { minScore: 0.8 },
  claim: { kinds: ['claim'] },
  'attribution-opinion': { kinds: ['attribution', 'opinion'], minScore: 0.3 },
  terms: { extraTerms: { opinion: ['deal worth', 'budget'], claim: ['clinics'], attribution: ['stated', 'wrote'] }, ignoredTerms: ['said', 'clearly', '12 percent', 'according to', 'should'] },
};
const large = new Set(['bench', 'newssd-joined']);

const cases = new Map();
for (const [name, text] of texts) {
  for (const [on, options] of Object.entries(OPTIONS)) {
    if (large.has(name) && !['default', 'min0', 'terms'].includes(on)) continue;
    cases.set(`${name}.${on}.whole`, serialize(S.suggest(text, options)));
    const ranges = S.paragraphRanges(text);
    cases.set(`${name}.${on}.paragraphs`, [serialize(ranges), ...ranges.map((p) => serialize(S.suggestRange(text, p.start, p.end, options)))].join('\n'));
    if (!large.has(name)) {
      const cut = [];
      for (let k = 0; k < 40; k++) {
        const a = rnd(text.length + 1);
        const b = a + rnd(600);
        cut.push(serialize([a, b, S.suggestRange(text, a, b, options)]));
      }
      cases.set(`${name}.${on}.ranges`, cut.join('\n'));
    }
  }
}
const lines = [...sentences, ...texts.filter(([n]) => n.endsWith('-plain')).flatMap(([, t]) => t.split(/(?<=[.!?])\s+|\n/))];
for (const on of ['default', 'min0', 'terms']) {
  cases.set(`sentences.${on}`, lines.map((s) => serialize([S.suggest(s, OPTIONS[on]), S.sentenceFeatures(s, OPTIONS[on]), S.sentenceOpinionScore(s, OPTIONS[on])])).join('\n'));
}

const hash = (body) => crypto.createHash('sha256').update(body).digest('hex').slice(0, 16);
const summary = [...cases].map(([name, body]) => `${name} ${hash(body)}`).join('\n') + '\n';
if (args.out) {
  fs.mkdirSync(args.out, { recursive: true });
  for (const [name, body] of cases) fs.writeFileSync(path.join(args.out, `${name}.json`), body);
  fs.writeFileSync(path.join(args.out, 'summary.txt'), summary);
  console.log(`${cases.size} cases written to ${args.out}${sentences.length ? '' : ' (NewsSD-ENG not found: its cases left out)'}`);
} else {
  const before = new Map(fs.readFileSync(path.join(args.compare, 'summary.txt'), 'utf8').trim().split('\n').map((l) => l.split(' ')));
  const after = new Map(summary.trim().split('\n').map((l) => l.split(' ')));
  const differ = [...new Set([...before.keys(), ...after.keys()])].filter((k) => before.get(k) !== after.get(k));
  if (differ.length) {
    console.error(`${differ.length} of ${after.size} cases differ from ${args.compare} (its files hold the old output):`);
    for (const k of differ.slice(0, 20)) console.error(`  ${k}`);
    process.exit(1);
  }
  console.log(`identical: ${after.size} cases`);
}
