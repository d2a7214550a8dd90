#!/usr/bin/env node
// Fold scoring of opinion terms on the tune half (issue 12), to reproduce the fold figures of bench/RESULTS.md.
// The tune half's texts (test/fixtures/suggest-eval/dev/ then tune/, each in name order) are numbered in that
// order: fold A is the even indices (the fold whose misses may be read), fold B the odd ones (scored only).
// Never reads heldout/. Bundles the engine from src/ with esbuild (no tsc needed) into a temporary file.
// Prints P / R / F1 of opinion terms per fold and on the whole tune half, and the wire-news opinion
// suggestions per 100 sentences (false alarms: wire texts have no gold opinion terms).
// The plain-prose register (issue 12, round 6: tune/plain-*) stays out of the folds, so that fold A and B hold the
// same texts as in earlier rounds and their figures compare; its opinion suggestions per 100 sentences and how many
// of them are false alarms (no gold term overlaps) are printed on their own line.
// Usage: node scripts/eval-folds.mjs [--show] [--hits] [--plain] [--json]
//   --show  misses and false alarms of fold A only, with context (fold B is never shown); --hits adds its hits.
//           A miss shows its sentence's opinion score (the contextual tier runs from 0.35).
//   --plain the tune plain texts' opinion suggestions, with context (the held-out plain texts are never loaded).
import { withTuneTexts } from './evalTuneTexts.mjs';

const args = process.argv.slice(2);
await withTuneTexts(async ({ suggest, spanCounts, prf, addCounts, zero }, texts) => {
  const acc = { A: zero(), B: zero(), tune: zero() };
  let wireSentences = 0;
  let wireSuggestions = 0;
  const plain = { sentences: 0, suggestions: 0, falseAlarms: 0 };
  const overlaps = (a, b) => a.start < b.end && b.start < a.end;
  for (const t of texts.filter((x) => x.register === 'plain')) {
    const ops = suggest(t.text).suggestions.filter((s) => s.kind === 'opinion');
    plain.sentences += t.sentences.length;
    plain.suggestions += ops.length;
    const fas = ops.filter((s) => !t.opinionTerms.some((g) => overlaps(g, s)));
    plain.falseAlarms += fas.length;
    if (args.includes('--plain')) {
      console.log(`\n## ${t.name}`);
      for (const s of ops) {
        const ctx = `${t.text.slice(Math.max(0, s.start - 50), s.start)}[${t.text.slice(s.start, s.end)}]${t.text.slice(s.end, s.end + 40)}`.replace(/\s+/g, ' ');
        console.log(`  ${fas.includes(s) ? 'FA ' : 'HIT'}  (${s.rule}) ${ctx}`);
      }
    }
  }
  texts.filter((x) => x.register !== 'plain').forEach((t, i) => {
    const fold = i % 2 === 0 ? 'A' : 'B';
    const result = suggest(t.text);
    const ops = result.suggestions.filter((s) => s.kind === 'opinion');
    const c = spanCounts(t.opinionTerms, ops);
    addCounts(acc[fold], c);
    addCounts(acc.tune, c);
    if (t.register === 'wire') {
      wireSentences += t.sentences.length;
      wireSuggestions += ops.length;
    }
    if (args.includes('--show') && fold === 'A') {
      const used = new Set();
      const falseAlarms = [];
      const hits = [];
      for (const s of ops) {
        const g = t.opinionTerms.findIndex((x, k) => !used.has(k) && overlaps(x, s));
        if (g >= 0) {
          used.add(g);
          hits.push(s);
        } else falseAlarms.push(s);
      }
      const ctx = (sp) => `${t.text.slice(Math.max(0, sp.start - 50), sp.start)}[${t.text.slice(sp.start, sp.end)}]${t.text.slice(sp.end, sp.end + 40)}`.replace(/\s+/g, ' ');
      console.log(`\n## ${t.name}`);
      // The sentence opinion score of a miss: under the contextual tier's gate (0.4), no pattern of it can apply.
      const score = (sp) => result.sentences.find((x) => x.start <= sp.start && sp.start < x.end)?.opinionScore.toFixed(2) ?? '-';
      t.opinionTerms.forEach((g, k) => { if (!used.has(k)) console.log(`  MISS (${score(g)}) ${ctx(g)}`); });
      for (const s of falseAlarms) console.log(`  FA   (${s.rule}) ${ctx(s)}`);
      if (args.includes('--hits')) for (const s of hits) console.log(`  HIT  (${s.rule}) ${ctx(s)}`);
    }
  });
  const wirePer100 = (100 * wireSuggestions) / wireSentences;
  const plainPer100 = (100 * plain.suggestions) / (plain.sentences || 1);
  if (args.includes('--json')) {
    const row = (c) => ({ ...c, ...prf(c) });
    console.log(JSON.stringify({ A: row(acc.A), B: row(acc.B), tune: row(acc.tune), wire: { suggestions: wireSuggestions, sentences: wireSentences, per100: wirePer100 }, plain: { ...plain, per100: plainPer100 } }));
  } else {
    const fmt = (c) => {
      const x = prf(c);
      return `${x.p.toFixed(3)} / ${x.r.toFixed(3)} (F1 ${x.f1.toFixed(3)}; tp ${c.tp} fp ${c.fp} fn ${c.fn})`;
    };
    console.log(`fold A ${fmt(acc.A)}\nfold B ${fmt(acc.B)}\ntune   ${fmt(acc.tune)}`);
    console.log(`wire tune ${wireSuggestions}/${wireSentences} = ${wirePer100.toFixed(1)} per 100`);
    console.log(`plain tune ${plain.suggestions}/${plain.sentences} = ${plainPer100.toFixed(1)} per 100 (false alarms ${plain.falseAlarms} = ${((100 * plain.falseAlarms) / (plain.sentences || 1)).toFixed(1)} per 100)`);
  }
});
