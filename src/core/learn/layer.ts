// The learning layer around the suggestion engine (issue 13): the engine's suggestions go in, come out with
// scores moved by the workspace's decisions, and phrase-memory suggestions join them. The editor (per
// paragraph) and the CLI (per file) call the same function.
import {
  DEFAULT_MIN_SCORE, SUGGESTION_KINDS, SentenceScore, Suggestion, SuggestOptions, SuggestResult, suggestRange,
} from '../suggest';
import { ClaimEvidence, ClaimRaise, MAX_CLAIM_UP } from './claimEvidence';
import { Adjustment, Decisions, adjustment, decidedAbout, decisionTerm, maxRaise, raisingRules } from './decisions';
import { Learned } from './learnedFile';
import { phraseKey } from './normalize';
import { PhraseEntry, PhraseMatch, PhraseMemory, PhraseSource } from './phraseMemory';
import { ScannedWords } from './scannedWords';

export const LEARNED_PHRASE_RULE = 'learned.phrase';
/** A sentence raised over the threshold by claim evidence derived from the workspace's tags (claimEvidence.ts). */
export const LEARNED_CLAIM_RULE = 'learned.claim-evidence';

/** The words of the paragraph being suggested for, filled by the engine's scan (reused: calls do not nest). */
const scanned = new ScannedWords();

/** What the layer knows about the workspace; every part optional (learning off: nothing). */
export interface LearningContext {
  memory?: PhraseMemory;
  learned?: Learned;
  /** The document suggested for, as SourceTag.document names it: its own tags are not suggested again. */
  document?: string;
  /** Claim evidence derived from the workspace's claim tags and their documents. */
  claims?: ClaimEvidence;
}

/** A suggestion, with (for phrase memory) one place the phrase was tagged, for a link. */
export interface LearnedSuggestion extends Suggestion {
  example?: PhraseSource;
}

export interface LearnedResult extends Omit<SuggestResult, 'suggestions'> {
  suggestions: LearnedSuggestion[];
}

/** suggestRange of the engine with the learning layer applied (see the file comment). */
export function suggestLearnedRange(text: string, start: number, end: number, options: SuggestOptions, ctx: LearningContext): LearnedResult {
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
  const decisions = ctx.learned?.decisions;
  // A term the editors accept may lift suggestions from just under the threshold: ask the engine for those too,
  // down by the most any term raises a score (a shown score is rounded: half a step more may still reach it).
  const raise = maxRaise(decisions);
  const floor = raise > 0 ? Math.max(0, minScore - raise - ROUNDING) : minScore;
  const memory = ctx.memory;
  // Phrase memory matches on the words the engine scans anyway (no second scan of the paragraph).
  const words = memory && memory.size ? scanned.reset(memory.firstWords) : undefined;
  const engine = suggestRange(text, start, end, floor === minScore ? options : atFloor(options, floor), words);
  const found = memory && words ? memory.match(text, start, end, words) : undefined;
  const kinds = options.kinds ?? SUGGESTION_KINDS;
  const raises = ctx.claims && ctx.claims.sentences.tagged && kinds.includes('claim') ? claimRaises(engine, text, minScore, ctx.claims) : undefined;
  // Nothing learned touches this paragraph: the engine's own result (no copy).
  if (floor === minScore && !found?.length && !raises && !anyDecided(decisions)) return engine;
  // The engine's suggestions are made for this call and owned by nobody else: a moved score and its reason are
  // written into them (no copies).
  const out: LearnedSuggestion[] = [];
  const rising = decisions && floor !== minScore ? raisingRules(decisions) : undefined;
  for (const s of engine.suggestions) {
    // Under the threshold, only a rule with a raising term can lift it (asked for those only).
    if (s.score < minScore && !rising?.has(s.rule)) continue;
    if (!decidedAbout(decisions, s.rule)) {
      out.push(s);
      continue;
    }
    const adj = adjustment(decisions, s.rule, decisionTerm(s));
    const score = clamp01(s.score + adj.delta);
    if (score < minScore) continue;
    if (adj.why) {
      s.explanation = withWhy(s.explanation, adj, s.score, score);
      s.score = score;
    }
    out.push(s);
  }
  let added = false;
  if (found?.length) {
    const ignored = new Set((options.ignoredTerms ?? []).map(phraseKey));
    for (const m of found) {
      m.end = withTrailing(text, m.end, m.entry.quote); // matches are made for this call too
      if (!kinds.includes(m.entry.kind) || ignored.has(m.entry.key) || taggedHere(m, ctx.document)) continue;
      if (m.entry.kind === 'opinion' && !m.entry.key.includes(' ') && sentenceOpinion(engine.sentences, m.start) < SINGLE_WORD_MIN_OPINION) continue;
      const memoryWhy = phraseExplanation(m, ctx.document);
      const same = out.findIndex((s) => s.kind === m.entry.kind && s.start === m.start && s.end === m.end);
      const base = phraseScore(m);
      if (same >= 0) {
        // The engine found it too: one suggestion, with both reasons, at the better score.
        const s = out[same];
        s.score = Math.max(s.score, base);
        s.explanation = `${s.explanation} Also ${memoryWhy}`;
        continue;
      }
      const adj = adjustment(decisions, LEARNED_PHRASE_RULE, m.entry.key, true);
      const score = clamp01(base + adj.delta);
      if (score < minScore) continue;
      const explanation = `${capitalise(memoryWhy)}${adj.why ? ` Learned: ${adj.why} (score ${base.toFixed(2)} → ${score.toFixed(2)}).` : ''}`;
      const s: LearnedSuggestion = { kind: m.entry.kind, start: m.start, end: m.end, text: text.slice(m.start, m.end), rule: LEARNED_PHRASE_RULE, explanation, score, term: m.entry.key };
      const example = exampleOf(m.entry, ctx.document);
      if (example) s.example = example;
      out.push(s);
      added = true;
    }
  }
  if (raises && addRaisedClaims(out, raises, text, minScore, decisions, ctx)) added = true;
  if (added) out.sort((a, b) => a.start - b.start || b.end - a.end);
  return { suggestions: out, sentences: engine.sentences };
}

/**
 * Claim evidence raises only sentences the engine's sentence model does not find opinion-leaning: words of
 * reported fact ("said", "minister", "three") recur in opinion pieces' arguments too, where a sentence just under
 * the claim threshold is usually the writer's own view (cross-validated: RESULTS.md, "Learning, round 6").
 */
export const CLAIM_MAX_OPINION = 0.5;

interface Raised {
  sentence: SentenceScore;
  raise: ClaimRaise;
}

/** Sentences just under the threshold that claim evidence raises over it, or undefined when none. */
function claimRaises(engine: SuggestResult, text: string, minScore: number, claims: ClaimEvidence): Raised[] | undefined {
  let out: Raised[] | undefined;
  for (const s of engine.sentences) {
    // The pre-check: most paragraphs have no neutral sentence in the band and pay nothing more.
    if (s.claimScore >= minScore || s.claimScore < minScore - MAX_CLAIM_UP || s.opinionScore >= CLAIM_MAX_OPINION) continue;
    if (judges(engine.suggestions, s, minScore)) continue;
    const raise = claims.raise(text, s.start, s.end, s.claimScore);
    if (raise && s.claimScore + raise.delta >= minScore - ROUNDING / 2) (out ??= []).push({ sentence: s, raise });
  }
  return out;
}

/**
 * Whether the engine suggests opinion language inside the sentence: "a small masterpiece", "deserves credit" make
 * a sentence the writer's judgement even when the sentence model leans neutral (cross-validated: the wrong raises
 * without this gate were such sentences).
 */
function judges(suggestions: readonly Suggestion[], s: SentenceScore, minScore: number): boolean {
  for (const x of suggestions) if (x.kind === 'opinion' && x.score >= minScore && x.start < s.end && s.start < x.end) return true;
  return false;
}

function addRaisedClaims(out: LearnedSuggestion[], raises: readonly Raised[], text: string, minScore: number, decisions: Decisions | undefined, ctx: LearningContext): boolean {
  let added = false;
  for (const { sentence: s, raise } of raises) {
    if (out.some((x) => x.kind === 'claim' && x.start < s.end && s.start < x.end)) continue;
    const raised = clamp01(s.claimScore + raise.delta);
    const adj = adjustment(decisions, LEARNED_CLAIM_RULE, raise.word);
    const score = clamp01(raised + adj.delta);
    if (score < minScore) continue;
    let explanation = `Claim score ${s.claimScore.toFixed(2)} raised to ${raised.toFixed(2)}: ${ctx.claims!.why(raise, ctx.document)}.`;
    if (adj.why) explanation += ` Learned: ${adj.why} (score ${raised.toFixed(2)} → ${score.toFixed(2)}).`;
    out.push({ kind: 'claim', start: s.start, end: s.end, text: text.slice(s.start, s.end), rule: LEARNED_CLAIM_RULE, explanation, score, term: raise.word });
    added = true;
  }
  return added;
}

/**
 * The options with minScore at the floor, as one object literal naming every field: a spread made an object of a
 * map of its own, which died with it at the next full collection and took the optimised code of this function and
 * the engine's suggestRange with it ("weak objects" under --trace-deopt): recompiled pass after pass, that was a
 * large part of the layer's cost in instructions. A literal's map is kept by its allocation site.
 */
function atFloor(o: SuggestOptions, floor: number): SuggestOptions {
  return { kinds: o.kinds, minScore: floor, extraTerms: o.extraTerms, ignoredTerms: o.ignoredTerms };
}

// Fails to compile when SuggestOptions gains a field atFloor does not pass on.
const PASSED_ON: Record<keyof SuggestOptions, true> = { kinds: true, minScore: true, extraTerms: true, ignoredTerms: true };
void PASSED_ON;

/** Half a step of the 3 decimals scores are rounded to, with room for the floating-point sums around it. */
const ROUNDING = 0.001;

/**
 * A remembered single opinion word ("could", "fair") is suggested only in a sentence the engine's sentence model
 * finds opinion-leaning (its score calibrated at 0.5): the word says little alone, its sentence says whether it
 * is the writer's stance here. Cross-validated in the tune half (bench/learning.bench.ts --cv, RESULTS.md
 * "Learning, round 5"): opinion precision 83.3 -> 85.1 at the same recall. Phrases of several words are
 * specific enough by themselves.
 */
export const SINGLE_WORD_MIN_OPINION = 0.5;

/** The opinion score of the engine's sentence holding offset `at` (0 when none does). */
function sentenceOpinion(sentences: readonly SentenceScore[], at: number): number {
  for (const s of sentences) if (s.start <= at && at < s.end) return s.opinionScore;
  return 0;
}

/**
 * Score of a remembered phrase: 0.6 for a phrase of several words tagged once, rising with more tags, less when a
 * word was inserted. A single word ("fair", "could") is opinion in one sentence and not in the next: it needs
 * tags in two documents before it is suggested (0.5 + 0.1 per doubling), and an opinion-leaning sentence
 * (SINGLE_WORD_MIN_OPINION).
 */
export function phraseScore(m: Pick<PhraseMatch, 'entry' | 'inserted'>): number {
  const n = m.entry.sources.length;
  const single = !m.entry.key.includes(' ');
  if (single && !twoDocuments(m.entry)) return 0.4;
  return clamp01(Math.min(0.9, (single ? 0.5 : 0.6) + 0.1 * Math.log2(n)) - (m.inserted ? 0.05 : 0));
}

/** Whether any rule was decided about (else no engine suggestion moves). */
function anyDecided(d: Decisions | undefined): boolean {
  if (!d) return false;
  for (const rule in d.rules) if (rule) return true;
  for (const rule in d.terms) if (rule) return true;
  return false;
}

function twoDocuments(e: PhraseEntry): boolean {
  return statsOf(e).perDocument.size > 1;
}

/** "tagged as opinion 3 times in 2 other articles (e.g. bridge-report.md)", and for claims their verdicts. */
export function phraseExplanation(m: Pick<PhraseMatch, 'entry' | 'inserted'>, document: string | undefined): string {
  const e = m.entry;
  const st = statsOf(e);
  const here = document === undefined ? 0 : st.perDocument.get(document) ?? 0;
  const others = e.sources.length - here;
  const docs = st.perDocument.size - (here ? 1 : 0);
  const parts: string[] = [];
  if (others) parts.push(`${times(others)} in ${docs} other ${docs === 1 ? 'article' : 'articles'} (e.g. ${exampleOf(e, document)!.name})`);
  if (here) parts.push(`${times(here)} elsewhere in this article`);
  let text = `tagged as ${e.kind} ${parts.join(' and ')}${m.inserted ? ', here with a word inserted' : ''}.`;
  if (st.verdicts.size) {
    const seen = [...st.verdicts].map(([status, list]) => {
      const names = [...new Set(list.map((s) => (s.document === document ? 'this article' : s.name)))];
      return `${status}, in ${names.slice(0, 3).join(', ')}${names.length > 3 ? '…' : ''}`;
    });
    text += ` Checked before: ${seen.join('; ')}.`;
  }
  return text;
}

interface EntryStats {
  /** The sources worked out from (phrase memory updates replace the array or add to it). */
  sources: readonly PhraseSource[];
  count: number;
  perDocument: Map<string, number>;
  /** Claims: verdict -> where it was given (unreviewed left out). */
  verdicts: Map<string, PhraseSource[]>;
}

// Worked out once per entry: a phrase tagged thousands of times is matched thousands of times.
const stats = new WeakMap<PhraseEntry, EntryStats>();

function statsOf(e: PhraseEntry): EntryStats {
  let st = stats.get(e);
  if (!st || st.sources !== e.sources || st.count !== e.sources.length) {
    st = { sources: e.sources, count: e.sources.length, perDocument: new Map(), verdicts: new Map() };
    for (const s of e.sources) {
      st.perDocument.set(s.document, (st.perDocument.get(s.document) ?? 0) + 1);
      if (e.kind === 'claim' && s.status && s.status !== 'unreviewed') {
        const list = st.verdicts.get(s.status);
        if (list) list.push(s);
        else st.verdicts.set(s.status, [s]);
      }
    }
    stats.set(e, st);
  }
  return st;
}

function times(n: number): string {
  return n === 1 ? 'once' : `${n} times`;
}

function exampleOf(e: PhraseEntry, document: string | undefined): PhraseSource | undefined {
  const first = e.sources[0];
  return first.document !== document ? first : e.sources.find((s) => s.document !== document) ?? first;
}

/** A tag's closing punctuation ("…consultants." as a claim) is taken along when the text has it there too. */
function withTrailing(text: string, end: number, quote: string): number {
  const tail = /[^\p{L}\p{N}\s]+$/u.exec(quote.trimEnd())?.[0];
  return tail && text.startsWith(tail, end) ? end + tail.length : end;
}

/** Is the match on a span this very document already tagged as the phrase's kind? */
function taggedHere(m: PhraseMatch, document: string | undefined): boolean {
  if (document === undefined || !statsOf(m.entry).perDocument.has(document)) return false;
  return m.entry.sources.some((s) => s.document === document && s.start < m.end && m.start < s.end);
}

// " Learned: <why> (score <before> → <after>)." per adjustment (adjustment() shares them) and score before: the
// same few rules and scores come back paragraph after paragraph (toFixed and the template cost more than a look-up).
const whySuffixes = new WeakMap<Adjustment, Map<number, string>>();

function withWhy(explanation: string, adj: Adjustment, before: number, after: number): string {
  let byScore = whySuffixes.get(adj);
  if (!byScore) whySuffixes.set(adj, (byScore = new Map()));
  let suffix = byScore.get(before);
  // `after` follows from `before` and adj.delta (an adjustment never changes).
  if (suffix === undefined) {
    suffix = ` Learned: ${adj.why} (score ${before.toFixed(2)} → ${after.toFixed(2)}).`;
    byScore.set(before, suffix);
  }
  return explanation + suffix;
}

function clamp01(n: number): number {
  return Math.round(Math.min(1, Math.max(0, n)) * 1000) / 1000;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
