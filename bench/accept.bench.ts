// Accept All on a 1 MB article: 1,000 suggestions of one kind become tags. Times the editor's path as far as it
// runs outside VS Code, per step: which suggestions are shown, the plan (one tag per distinct range, with an
// attribution's source and cue), creating the tags in one batch (as TagStore.addTags does), the one re-render of
// what is still shown, and the one sidecar write's serialisation. Target: < 1,000 ms in all.
//
//   npm run bench -- accept      (or: npx tsc -p tsconfig.test.json && node out/bench/accept.bench.js [--runs N])
import { SIDECAR_FORMAT, SIDECAR_VERSION, Tag } from '../src/core/model';
import { serializeSidecar, textHash } from '../src/core/sidecar/format';
import { Suggestion, SuggestionKind, suggest } from '../src/core/suggest';
import { createTag } from '../src/core/tags';
import { planAccept, shownSuggestions } from '../src/suggestions/shown';
import { generateText } from './suggest.bench';

const ACCEPT = 1_000;
const TARGET_MS = 1_000;

function ms(t0: bigint): number {
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

function acceptOnce(text: string, all: Suggestion[], kind: SuggestionKind): Record<string, number> {
  const t: Record<string, number> = {};
  let t0 = process.hrtime.bigint();
  const shown = shownSuggestions(all, [], []);
  t.shown = ms(t0);
  t0 = process.hrtime.bigint();
  const items = planAccept(text, shown, kind).slice(0, ACCEPT);
  t.plan = ms(t0);
  if (items.length < ACCEPT) throw new Error(`only ${items.length} ${kind} suggestions`);
  t0 = process.hrtime.bigint();
  const tags: Tag[] = items.map((it) => createTag(text, { kind: it.kind, start: it.start, end: it.end, author: 'bench' }));
  items.forEach((it, i) => {
    if (it.source) tags[i].source = it.source;
    if (it.cue) tags[i].cue = it.cue;
  });
  t.create = ms(t0);
  t0 = process.hrtime.bigint();
  const left = shownSuggestions(all, tags, []);
  t.rerender = ms(t0);
  if (left.length >= shown.length) throw new Error('accepted suggestions still shown');
  t0 = process.hrtime.bigint();
  serializeSidecar({ format: SIDECAR_FORMAT, version: SIDECAR_VERSION, document: 'article.md', textHash: textHash(text), tags });
  t.save = ms(t0);
  t.total = t.shown + t.plan + t.create + t.rerender + t.save;
  return t;
}

function main(): void {
  const runsAt = process.argv.indexOf('--runs');
  const runs = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 5;
  const text = generateText(1_000_000);
  const all = suggest(text).suggestions;
  console.log(`Text: ${(text.length / 1e6).toFixed(2)} M UTF-16 units, ${all.length.toLocaleString('en')} suggestions; accepting ${ACCEPT.toLocaleString('en')} of a kind; median of ${runs} runs; Node ${process.version}.\n`);
  console.log('| kind | shown ms | plan ms | create ms | re-render ms | save ms | total ms | target |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  let failed = false;
  for (const kind of ['opinion', 'attribution', 'claim'] as SuggestionKind[]) {
    acceptOnce(text, all, kind); // warm-up
    const results = Array.from({ length: runs }, () => acceptOnce(text, all, kind));
    const median = (k: string) => results.map((r) => r[k]).sort((a, b) => a - b)[Math.floor(runs / 2)];
    const total = median('total');
    failed ||= total >= TARGET_MS;
    const cells = ['shown', 'plan', 'create', 'rerender', 'save', 'total'].map((k) => median(k).toFixed(1));
    console.log(`| ${kind} | ${cells.join(' | ')} | ${total < TARGET_MS ? `< ${TARGET_MS} ms ✓` : `✗ over ${TARGET_MS} ms`} |`);
  }
  if (failed) process.exit(1);
}

if (require.main === module) main();
