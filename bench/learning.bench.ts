// Learning curve of the suggestions (issue 13):  npm run bench -- learning
// Replays the tagging of the tune texts of test/fixtures/suggest-eval (dev/ and tune/, 28 texts) in a fixed order,
// as an editor would: every shown suggestion that overlaps a gold span of its kind is accepted (a tag on the
// suggestion's span; other suggestions on that tag then disappear, as in the editor), every other one is
// dismissed, and then every gold opinion term and claim sentence still untagged is tagged by hand. Decisions go
// into the same counts as learned.json, tags into the phrase memory. After 0, 5, 10, 20 and 28 texts, suggestions
// are scored on the 28 held-out texts (never trained on) and on the next tune text of the replay:
// precision and recall of opinion terms and claim sentences (spans match by overlap, as in bench:quality).
// The order is by text number, then register (column, editorial, readout, state-media, wire), the dev/ texts last:
// fixed before any run, so the first texts mix all registers.
//
// `--cv` (node out/bench/learning.bench.js --cv): cross-validation within the tune half only, for choosing
// mechanisms without looking at the held-out half (whose files it never opens): the replay order's even-index
// texts are replayed and its odd-index ones scored, then the reverse; counts of both folds added, after 0, 5, 10
// and 14 replayed texts, per variant of the derived claim evidence (and per fold). `--calibrate` adds a candidate scored beside the layer as it is: per-rule calibration from
// hand tags (see calibrated()).
import { suggestLearnedRange, LearningContext } from '../src/core/learn/layer';
import { recordDecision, decisionTerm } from '../src/core/learn/decisions';
import { emptyLearned } from '../src/core/learn/learnedFile';
import { ClaimEvidence, ClaimRaise, DocumentClaims, MAX_CLAIM_UP, EvidenceOptions, addSentence, documentClaims } from '../src/core/learn/claimEvidence';
import { PhraseMemory, SourceTag } from '../src/core/learn/phraseMemory';
import { Suggestion } from '../src/core/suggest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EVAL_DIR, EvalText, Span, loadEvalTexts, parseMarkup, registerOf } from './evalMarkup';
import { Counts, addCounts, prf, spanCounts, zero } from './evalMetrics';

type Kind = 'opinion' | 'claim';
const KINDS: Kind[] = ['opinion', 'claim'];
const CHECKPOINTS = [0, 5, 10, 20, 28];

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

function gold(t: EvalText, kind: Kind | 'attribution'): Span[] {
  if (kind === 'opinion') return t.opinionTerms;
  if (kind === 'claim') return t.sentences.filter((s) => s.claim);
  return t.cues;
}

export function replayOrder(texts: EvalText[]): EvalText[] {
  const num = (t: EvalText) => Number(/-(\d+)-/.exec(t.name)?.[1] ?? 99);
  return texts.filter((t) => t.half === 'tune').sort((a, b) => Number(a.split === 'dev') - Number(b.split === 'dev') || num(a) - num(b) || (a.name < b.name ? -1 : 1));
}

interface State {
  tags: SourceTag[];
  /** Claim evidence derived from the replayed texts' claim tags, one contribution per text (as the editor derives it). */
  claims: ClaimEvidence;
  learned: ReturnType<typeof emptyLearned>;
  /** Candidate (--calibrate): rule -> gold spans tagged by hand where the rule scored under the threshold, and how many such sub-threshold suggestions went untagged. */
  calib: Map<string, { tagged: number; untagged: number }>;
}

/**
 * How claim evidence is derived (--cv variants): 'documents' reads each tagged text, its untagged sentences the
 * background (the layer as it is); 'quotes' reads only the claim tags' quotes against a fixed base rate of claims
 * (no document text); 'off' none; 'gates' a control that learns nothing: every sentence the layer's gates let
 * through (claim score in [0.4, 0.5), neutral, no engine opinion term) raised by the bound, from the first text.
 */
type EvidenceMode = 'off' | 'documents' | 'quotes' | 'gates';
let evidence: { mode: EvidenceMode; options: EvidenceOptions } = { mode: 'documents', options: {} };
/** The fixed base rate of the 'quotes' variant: a share of claim sentences fixed before any run. */
const FIXED_BASE = 0.35;

/** The 'gates' control: every sentence that reaches the evidence raised by the bound, whatever its words. */
class GatesOnly extends ClaimEvidence {
  override readonly sentences = { tagged: 1, untagged: 0 };
  override raise(): ClaimRaise {
    return { delta: MAX_CLAIM_UP, word: '-', counts: { tagged: 0, untagged: 0, articles: 0, seenIn: 0 } };
  }
  override why(): string {
    return 'control';
  }
}

const newState = (): State => ({ tags: [], claims: evidence.mode === 'gates' ? new GatesOnly() : new ClaimEvidence(evidence.mode === 'quotes' ? { ...evidence.options, fixedBase: FIXED_BASE } : evidence.options), learned: emptyLearned(), calib: new Map() });

/** What a tagged text contributes to the claim evidence under the current mode. */
function contribution(t: EvalText, claimTags: Span[]): DocumentClaims | undefined {
  if (evidence.mode === 'off' || evidence.mode === 'gates' || !claimTags.length) return undefined;
  if (evidence.mode === 'documents') return documentClaims(t.text, claimTags);
  const out: DocumentClaims = { sentences: { tagged: 0, untagged: 0 }, words: new Map() };
  for (const s of claimTags) addSentence(out, t.text, s, true);
  return out;
}

/** Lowest score the calibration candidate considers (the layer's floor when a rule can rise). */
const CALIB_FLOOR = 0.35;

/**
 * Candidate (--calibrate), bench-side only: a rule whose sub-threshold suggestions (scored CALIB_FLOOR to 0.5)
 * were tagged by hand at least 3 times and at least twice as often as left untagged has its threshold lowered to
 * CALIB_FLOOR for this workspace.
 */
function calibrated(state: State, rule: string): boolean {
  const c = state.calib.get(rule);
  return !!c && c.tagged >= 3 && c.tagged >= 2 * c.untagged;
}

/** What the scoring passes use (--cv ablations): phrase memory, decisions, or both. */
let parts: 'both' | 'memory' | 'decisions' = 'both';

function context(state: State, document: string, learn: boolean): LearningContext {
  if (!learn) return {};
  return { memory: parts === 'decisions' ? undefined : new PhraseMemory(state.tags), learned: parts === 'memory' ? undefined : state.learned, document, claims: parts === 'decisions' || evidence.mode === 'off' ? undefined : state.claims };
}

function suggestions(t: EvalText, ctx: LearningContext, state?: State): Suggestion[] {
  if (!state) return suggestLearnedRange(t.text, 0, t.text.length, {}, ctx).suggestions;
  return suggestLearnedRange(t.text, 0, t.text.length, { minScore: CALIB_FLOOR }, ctx).suggestions.filter((s) => s.score >= 0.5 || calibrated(state, s.rule));
}

/** One text tagged as an editor would (see the file comment); updates `state`. */
export function tagText(t: EvalText, state: State): { accepted: number; dismissed: number; byHand: number } {
  const shown = suggestions(t, context(state, t.name, true));
  const tagged: Record<string, Span[]> = { opinion: [], claim: [], attribution: [] };
  let accepted = 0;
  let dismissed = 0;
  let byHand = 0;
  const tag = (kind: string, s: Span) => {
    tagged[kind].push(s);
    state.tags.push({ document: t.name, name: t.name, kind, quote: t.text.slice(s.start, s.end), start: s.start, end: s.end });
  };
  for (const s of shown) {
    if (tagged[s.kind].some((x) => overlaps(x, s))) continue; // gone from view once its span is tagged
    const probe = s.kind === 'attribution' ? s.parts?.cue : s;
    const right = !!probe && gold(t, s.kind).some((g) => overlaps(g, probe));
    recordDecision(state.learned.decisions, s.rule, decisionTerm(s), right);
    if (right) {
      accepted++;
      tag(s.kind, s);
    } else dismissed++;
  }
  for (const kind of KINDS) {
    for (const g of gold(t, kind)) {
      if (tagged[kind].some((x) => overlaps(x, g))) continue;
      byHand++;
      tag(kind, g);
    }
  }
  // Claim evidence: the text's contribution, replacing any earlier one (a text tagged again counts once).
  state.claims.set(t.name, t.name, contribution(t, tagged.claim));
  // What the calibration candidate counts: the suggestions under the threshold, tagged by hand or not. (The
  // editor would count them as the document's tags are saved.)
  for (const s of suggestLearnedRange(t.text, 0, t.text.length, { minScore: CALIB_FLOOR }, context(state, t.name, true)).suggestions) {
    if (s.score >= 0.5 || s.kind === 'attribution') continue;
    const c = state.calib.get(s.rule) ?? { tagged: 0, untagged: 0 };
    if (tagged[s.kind].some((x) => overlaps(x, s))) c.tagged++;
    else c.untagged++;
    state.calib.set(s.rule, c);
  }
  return { accepted, dismissed, byHand };
}

/** Set by --cv --show-raises only: the full run scores the held-out texts, whose output is never looked at. */
let showRaises = false;

function score(texts: EvalText[], state: State, learn: boolean, calibrate = false): Record<Kind, Counts> {
  const out: Record<Kind, Counts> = { opinion: zero(), claim: zero() };
  for (const t of texts) {
    const s = suggestions(t, context(state, t.name, learn), calibrate ? state : undefined);
    for (const kind of KINDS) out[kind] = addCounts(out[kind], spanCounts(gold(t, kind), s.filter((x) => x.kind === kind)));
    // --cv --show-raises: the claim-evidence suggestions on the scored tune texts, right or wrong (never held-out).
    if (showRaises) for (const x of s) if (x.rule === 'learned.claim-evidence') console.log(gold(t, 'claim').some((g) => overlaps(g, x)) ? 'TP' : 'FP', t.name, x.score, x.explanation.slice(0, 160), '|', x.text.slice(0, 140).replace(/\n/g, ' '));
  }
  return out;
}

const pct = (n: number) => (n * 100).toFixed(1);

/** The tune half only (dev/ and tune/): the cross-validation never opens a held-out file. */
function loadTuneTexts(): EvalText[] {
  const out: EvalText[] = [];
  for (const split of ['dev', 'tune']) {
    const dir = path.join(EVAL_DIR, split);
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.txt')).sort()) out.push(parseMarkup(fs.readFileSync(path.join(dir, f), 'utf8'), f, split, registerOf(f), 'tune'));
  }
  return out;
}

const CV_CHECKPOINTS = [0, 5, 10, 14];

/** --cv: see the file comment. */
function crossValidate(calibrate: boolean): void {
  const order = replayOrder(loadTuneTexts());
  const folds = [0, 1].map((r) => ({ train: order.filter((_, i) => i % 2 === r), test: order.filter((_, i) => i % 2 !== r) }));
  const documents = { mode: 'documents', options: {} } as const;
  const variants: [string, boolean, typeof parts, typeof evidence][] = [
    ['no claim evidence (round 7 layer)', false, 'both', { mode: 'off', options: {} }],
    ['+ claim evidence, quotes only, fixed base rate', false, 'both', { mode: 'quotes', options: {} }],
    ['+ claim evidence, quotes only, fixed base, word in >= 2 articles', false, 'both', { mode: 'quotes', options: { minArticles: 2 } }],
    ['+ claim evidence, documents read, word in >= 2 articles', false, 'both', { mode: 'documents', options: { minArticles: 2 } }],
    ['layer as it is (claim evidence, documents read)', false, 'both', documents],
    ['control: the gates alone, every gated sentence raised, no words learned', false, 'both', { mode: 'gates', options: {} }],
  ];
  if (process.argv.includes('--ablate')) variants.push(['phrase memory only', false, 'memory', documents], ['decisions only', false, 'decisions', documents]);
  if (calibrate) variants.push(['+ calibration from hand tags (candidate)', true, 'both', documents]);
  console.log(`Cross-validation in the tune half: ${order.length} texts, replay order split even/odd, both folds summed (held-out never read).`);
  console.log('');
  console.log('| variant | after texts | opinion terms P | R | claims P | R |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  const perFold: string[] = [];
  for (const [name, cal, what, ev] of variants) {
    evidence = ev;
    const sums = CV_CHECKPOINTS.map(() => ({ opinion: zero(), claim: zero() }) as Record<Kind, Counts>);
    for (const [f, fold] of folds.entries()) {
      const state = newState();
      let done = 0;
      for (const [i, k] of CV_CHECKPOINTS.entries()) {
        // The replay shows what the whole layer shows; the ablations differ in what is scored only.
        parts = 'both';
        while (done < k) tagText(fold.train[done++], state);
        parts = what;
        const c = score(fold.test, state, true, cal);
        for (const kind of KINDS) addCounts(sums[i][kind], c[kind]);
        if (k === CV_CHECKPOINTS[CV_CHECKPOINTS.length - 1]) {
          const o = prf(c.opinion);
          const cl = prf(c.claim);
          perFold.push(`| ${name} | ${'AB'[f]} | ${k} | ${pct(o.p)} | ${pct(o.r)} | ${pct(cl.p)} | ${pct(cl.r)} |`);
        }
      }
    }
    for (const [i, k] of CV_CHECKPOINTS.entries()) {
      const o = prf(sums[i].opinion);
      const c = prf(sums[i].claim);
      console.log(`| ${name} | ${k} | ${pct(o.p)} | ${pct(o.r)} | ${pct(c.p)} | ${pct(c.r)} |`);
    }
  }
  evidence = documents;
  console.log('');
  console.log('Per fold (A: even-index texts replayed, odd-index scored; B: the reverse):');
  console.log('');
  console.log('| variant | fold | after texts | opinion terms P | R | claims P | R |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: |');
  for (const row of perFold) console.log(row);
}

function main(): void {
  if (process.argv.includes('--cv')) {
    showRaises = process.argv.includes('--show-raises');
    crossValidate(process.argv.includes('--calibrate'));
    return;
  }
  const all = loadEvalTexts();
  const order = replayOrder(all);
  const heldout = all.filter((t) => t.half === 'heldout');
  const state = newState();
  const rows: { after: number; held: Record<Kind, Counts>; next?: Record<Kind, Counts> }[] = [];
  let done = 0;
  for (const k of CHECKPOINTS) {
    while (done < k) tagText(order[done++], state);
    rows.push({ after: k, held: score(heldout, state, true), next: order[k] ? score([order[k]], state, true) : undefined });
  }
  console.log(`Replay order (${order.length} tune texts): ${order.map((t) => t.name.replace(/\.txt$/, '')).join(', ')}.`);
  console.log(`Held-out: ${heldout.length} texts. After the replay: ${state.tags.length} tags remembered; decisions on ${Object.keys(state.learned.decisions.rules).length} rules.`);
  console.log('');
  console.log('| after texts | held-out opinion terms P | R | held-out claims P | R | next tune text: opinion P / R | claims P / R |');
  console.log('| ---: | ---: | ---: | ---: | ---: | --- | --- |');
  for (const r of rows) {
    const h = KINDS.map((k) => prf(r.held[k]));
    const n = r.next ? KINDS.map((k) => prf(r.next![k])) : undefined;
    console.log(`| ${r.after} | ${pct(h[0].p)} | ${pct(h[0].r)} | ${pct(h[1].p)} | ${pct(h[1].r)} | ${n ? `${pct(n[0].p)} / ${pct(n[0].r)}` : '—'} | ${n ? `${pct(n[1].p)} / ${pct(n[1].r)}` : '—'} |`);
  }
  const first = rows[0];
  const at20 = rows.find((r) => r.after === 20)!;
  console.log('');
  for (const k of KINDS) {
    const a = prf(first.held[k]);
    const b = prf(at20.held[k]);
    const dr = (b.r - a.r) * 100;
    const dp = (b.p - a.p) * 100;
    console.log(`Held-out ${k === 'opinion' ? 'opinion terms' : 'claims'} after 20 texts: recall ${dr >= 0 ? '+' : ''}${dr.toFixed(1)} points (target >= +15: ${dr >= 15 ? 'met' : 'NOT met'}), precision ${dp >= 0 ? '+' : ''}${dp.toFixed(1)} points (target: does not fall: ${dp >= -0.05 ? 'met' : 'NOT met'}).`);
  }
}

if (require.main === module) main();
