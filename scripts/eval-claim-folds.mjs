#!/usr/bin/env node
// Fold scoring of claim sentences on the tune half (issue 12, claims without numbers).
// Same split as scripts/eval-folds.mjs: the tune half's texts other than plain prose (dev/ then tune/, each in name
// order) are numbered in that order, fold A the even indices (the fold whose misses may be read), fold B the odd ones
// (scored only). The tune plain texts (tune/plain-*) are a row of their own, and their misses may be read too.
// Never reads heldout/. Bundles the engine from src/ with esbuild (no tsc needed) into a temporary file.
// Prints claim-sentence P / R / F1 per fold, for tune plain, and per register (over the whole tune half).
// Usage: node scripts/eval-claim-folds.mjs [--show] [--json]
//   --show  misses and false alarms of fold A and tune plain only (fold B is never shown), each with its claim
//           score, opinion score and claim cues.
import { withTuneTexts } from './evalTuneTexts.mjs';

const args = process.argv.slice(2);
await withTuneTexts(async ({ suggest, sentenceCounts, prf, addCounts, zero }, texts) => {
  const acc = { A: zero(), B: zero(), plain: zero(), tune: zero() };
  const registers = {};
  const show = args.includes('--show');
  const score = (t, fold) => {
    const result = suggest(t.text);
    const scored = result.sentences.map((s) => ({ start: s.start, end: s.end, score: s.claimScore }));
    const c = sentenceCounts(t.sentences, scored, 'claim').pos;
    addCounts(acc[fold], c);
    addCounts(acc.tune, c);
    addCounts(registers[t.register] ??= zero(), c);
    if (!show || fold === 'B') return;
    console.log(`\n## ${t.name} (${fold})`);
    for (const g of t.sentences) {
      const inside = result.sentences.filter((s) => (s.start + s.end) / 2 >= g.start && (s.start + s.end) / 2 < g.end);
      const predicted = inside.some((s) => s.claimScore >= 0.5);
      if (predicted === g.claim) continue;
      const best = inside.reduce((a, s) => (!a || s.claimScore > a.claimScore ? s : a), undefined);
      const claims = result.suggestions.filter((s) => s.kind === 'claim' && s.start < g.end && g.start < s.end);
      const why = claims.map((s) => s.rule).join(',');
      const line = t.text.slice(g.start, g.end).replace(/\s+/g, ' ');
      console.log(`  ${g.claim ? 'MISS' : 'FA  '} c${best ? best.claimScore.toFixed(2) : '-'} o${best ? best.opinionScore.toFixed(2) : '-'} ${why ? `[${why}] ` : ''}${line}`);
    }
  };
  texts.filter((x) => x.register === 'plain').forEach((t) => score(t, 'plain'));
  texts.filter((x) => x.register !== 'plain').forEach((t, i) => score(t, i % 2 === 0 ? 'A' : 'B'));
  if (args.includes('--json')) {
    const row = (c) => ({ ...c, ...prf(c) });
    console.log(JSON.stringify({ A: row(acc.A), B: row(acc.B), plain: row(acc.plain), tune: row(acc.tune), registers: Object.fromEntries(Object.entries(registers).map(([k, v]) => [k, row(v)])) }));
  } else {
    const fmt = (c) => {
      const x = prf(c);
      return `${x.p.toFixed(3)} / ${x.r.toFixed(3)} (F1 ${x.f1.toFixed(3)}; tp ${c.tp} fp ${c.fp} fn ${c.fn})`;
    };
    console.log(`claim sentences P / R (F1)\nfold A      ${fmt(acc.A)}\nfold B      ${fmt(acc.B)}\ntune plain  ${fmt(acc.plain)}\ntune (all)  ${fmt(acc.tune)}`);
    for (const r of Object.keys(registers).sort()) console.log(`  ${r.padEnd(11)} ${fmt(registers[r])}`);
  }
});
