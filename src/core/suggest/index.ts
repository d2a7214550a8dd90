// Offline suggestion detectors for claims, attributions and opinion language (issue 6).
// Pure functions over plain strings; every offset is a UTF-16 offset into the text passed in.
import { analyseScannedInto, analyseSentence, inside, quoteSpans, quoteSpansOfMarks, reusableSentence, ReusableSentence, Sentence } from './analyze';
import { Cue, scoreClaim } from './claims';
import { Attribution, explainAttribution, findAttributions } from './attributions';
import { buildContextLexicon, buildLexicon, DEGREE_WORDS, GENERALISERS, LexEntry, Lexicon, NEUTRAL_LY, NOT_JUDGED, termWords } from './lexicon';
import { DENSE_FEATURES, OPINION_MODEL, opinionFeatures, opinionTermExplanation, opinionWhyText, scoreOpinion, scoreOpinionSentence, SentenceOpinion } from './opinion';
import { INTERN_SIZE, paragraphRanges as paragraphs, paragraphRangesIn, reusableChunk, scanChunk, ScannedChunk } from './text';

export type SuggestionKind = 'claim' | 'attribution' | 'opinion';
export const SUGGESTION_KINDS: readonly SuggestionKind[] = ['claim', 'attribution', 'opinion'];

export interface SpanOffsets {
  start: number;
  end: number;
}

export interface Suggestion {
  kind: SuggestionKind;
  start: number;
  end: number;
  text: string;
  /** e.g. 'claim.number', 'attribution.reporting-verb', 'opinion.booster'. */
  rule: string;
  /** Short human sentence: what matched and why it counts. */
  explanation: string;
  /** In [0, 1]. */
  score: number;
  /** The lower-cased matched term, for "Dismiss all '<term>'" / "Never suggest '<term>'". */
  term?: string;
  /** Attributions: who said it, the reporting cue, what was said. */
  parts?: { source?: SpanOffsets; cue?: SpanOffsets; content?: SpanOffsets };
  /** Attributions to "officials", "critics", "experts", passive hearsay... */
  unnamedSource?: boolean;
}

export interface SentenceScore {
  start: number;
  end: number;
  /** Calibrated so that 0.5 is the decision threshold. */
  claimScore: number;
  opinionScore: number;
}

export interface SuggestOptions {
  kinds?: SuggestionKind[];
  /** Suggestions scoring below this are dropped (default DEFAULT_MIN_SCORE). */
  minScore?: number;
  /** From the setting claimTagger.suggestions.extraTerms. */
  extraTerms?: Partial<Record<SuggestionKind, string[]>>;
  /** From the setting claimTagger.suggestions.ignoredTerms: never suggested, and not counted in scores. */
  ignoredTerms?: string[];
}

export interface SuggestResult {
  suggestions: Suggestion[];
  sentences: SentenceScore[];
}

export const DEFAULT_MIN_SCORE = 0.5;

/** Chunk boundaries to run suggestRange on separately (paragraphs, long ones cut at MAX_CHUNK). */
export function paragraphRanges(text: string): SpanOffsets[] {
  return paragraphs(text);
}

/**
 * The engine: the lexicon built from the user's term settings, the chunk that scanChunk fills paragraph after
 * paragraph (a megabyte holds ~180k words; overwriting their Token objects rather than allocating them kept the
 * garbage down), the sentence and the array of its opinion features that are overwritten sentence after sentence. Make one per settings and call suggestRange on it; suggest() and suggestRange() below share one.
 */
export class Analyser {
  readonly lex: Lexicon;
  /** The contextual tier, looked up only in opinion-leaning sentences (see pushContextual). */
  readonly context: Map<string, LexEntry>;
  readonly ignored: Set<string>;
  private readonly chunk = reusableChunk();
  private readonly sentence = reusableSentence();
  /** The dense opinion features of the sentence being analysed (see Run.dense). */
  private readonly dense = new Float64Array(DENSE_FEATURES.length);

  constructor(terms: Pick<SuggestOptions, 'extraTerms' | 'ignoredTerms'> = {}) {
    this.lex = buildLexicon({ extraTerms: terms.extraTerms, ignoredTerms: terms.ignoredTerms });
    this.context = buildContextLexicon(this.lex, terms.ignoredTerms);
    this.ignored = new Set((terms.ignoredTerms ?? []).map((t) => termWords(t).join(' ')));
  }

  /** See suggestRange(). */
  suggestRange(text: string, start: number, end: number, options: SuggestOptions = {}): SuggestResult {
    const kinds = options.kinds ?? SUGGESTION_KINDS;
    const run: Run = {
      text, lex: this.lex, context: this.context, ignored: this.ignored, filterIgnored: this.ignored.size > 0,
      wantClaim: kinds.includes('claim'), wantAttribution: kinds.includes('attribution'), wantOpinion: kinds.includes('opinion'),
      minScore: options.minScore ?? DEFAULT_MIN_SCORE, suggestions: [], sentences: [],
      dense: this.dense, sentence: this.sentence,
    };
    start = Math.max(0, start);
    end = Math.min(text.length, end);
    const paragraphs = paragraphRangesIn(text, start, end);
    for (let pi = 0; pi < paragraphs.length; pi++) suggestParagraph(run, this.chunk, paragraphs[pi].start, paragraphs[pi].end);
    const suggestions = run.suggestions;
    if (!isSorted(suggestions)) suggestions.sort((a, b) => a.start - b.start || b.end - a.end);
    return { suggestions, sentences: run.sentences };
  }

  /** Opinion-model features of a text taken as one sentence (see sentenceFeatures). */
  sentenceFeatures(sentence: string): Record<string, number> {
    const s = analyseSentence(sentence, { start: 0, end: sentence.length }, this.lex, quoteSpans(sentence, 0, sentence.length));
    const attributions = findAttributions(sentence, s);
    const claim = scoreClaim(sentence, s, attributions.some((a) => a.cue));
    return opinionFeatures(s, claim.cues, attributions.length);
  }
}

// The analyser of the last term settings seen (building the lexicon takes milliseconds; the editor calls
// suggestRange per paragraph with the same settings).
let shared: { key: string; analyser: Analyser } | undefined;

function analyserFor(options: SuggestOptions): Analyser {
  const hasExtra = options.extraTerms !== undefined && Object.values(options.extraTerms).some((l) => l && l.length);
  const hasIgnored = options.ignoredTerms !== undefined && options.ignoredTerms.length > 0;
  const key = hasExtra || hasIgnored ? JSON.stringify([options.extraTerms ?? {}, options.ignoredTerms ?? []]) : '';
  if (!shared || shared.key !== key) shared = { key, analyser: new Analyser(options) };
  return shared.analyser;
}

export function suggest(text: string, options: SuggestOptions = {}): SuggestResult {
  return suggestRange(text, 0, text.length, options);
}

/**
 * Suggestions for text[start, end) alone, with offsets relative to the whole text, so that the results of
 * separate ranges can be concatenated. Pass ranges from paragraphRanges(text) (or unions of consecutive
 * ones): suggest(text) is exactly the concatenation of suggestRange over paragraphRanges(text). A range that
 * cuts a sentence is analysed as cut.
 */
export function suggestRange(text: string, start: number, end: number, options: SuggestOptions = {}): SuggestResult {
  return analyserFor(options).suggestRange(text, start, end, options);
}

/**
 * One suggestRange call: its text, settings and results. The work per paragraph and per sentence is done by
 * separate functions, so that V8 optimises them after a few paragraphs even when a whole text is one call.
 */
interface Run {
  text: string;
  lex: Lexicon;
  context: Map<string, LexEntry>;
  ignored: Set<string>;
  filterIgnored: boolean;
  wantClaim: boolean;
  wantAttribution: boolean;
  wantOpinion: boolean;
  minScore: number;
  suggestions: Suggestion[];
  sentences: SentenceScore[];
  /** The dense opinion features of the sentence being analysed (overwritten sentence after sentence). */
  dense: Float64Array;
  /** The sentence being analysed (overwritten sentence after sentence). */
  sentence: ReusableSentence;
  /** opinionWhyText of the sentence opinion whyOf (the contextual tier's explanations share it). */
  whyOf?: SentenceOpinion;
  why?: string;
}

function suggestParagraph(run: Run, into: ScannedChunk, start: number, end: number): void {
  const text = run.text;
  const chunk = scanChunk(text, start, end, into);
  const quotes = quoteSpansOfMarks(text, chunk.quoteMarks, chunk.quoteMarkCount);
  for (let k = 0; k < chunk.sentenceCount; k++) {
    suggestSentence(run, analyseScannedInto(run.sentence, text, chunk.sentences[k], chunk.tokens, run.lex, quotes));
  }
}

function suggestSentence(run: Run, s: Sentence): void {
  const text = run.text;
  const attributions = findAttributions(text, s);
  let hasCue = false;
  for (let ai = 0; ai < attributions.length; ai++) if (attributions[ai].cue) hasCue = true;
  const claim = scoreClaim(text, s, hasCue);
  const opinion = scoreOpinionSentence(s, claim.cues, attributions.length, OPINION_MODEL, run.dense);
  const claimScore = round(claim.score);
  const opinionScore = round(opinion.score);
  run.sentences.push({ start: s.start, end: s.end, claimScore, opinionScore });
  if (run.wantClaim && claim.score >= run.minScore && claim.cues.length) pushClaim(run, s, claim.cues, claimScore);
  if (run.wantAttribution) pushAttributions(run, attributions);
  if (run.wantOpinion) pushOpinionTerms(run, s, opinion, attributions, hasCue && hasNumber(claim.cues));
}

function pushClaim(run: Run, s: Sentence, cues: Cue[], claimScore: number): void {
  const text = run.text;
  const ignored = run.ignored;
  const usable = run.filterIgnored ? cues.filter((c) => !c.term || !ignored.has(c.term)) : cues;
  if (!usable.length) return;
  let top = usable[0];
  for (let ci = 0; ci < usable.length; ci++) if (usable[ci].weight > top.weight) top = usable[ci];
  const suggestion: Suggestion = {
    kind: 'claim', start: s.start, end: s.end, text: text.slice(s.start, s.end), rule: top.rule,
    explanation: claimExplanation(text, usable), score: claimScore,
  };
  if (top.term) suggestion.term = top.term;
  run.suggestions.push(suggestion);
}

function pushAttributions(run: Run, attributions: Attribution[]): void {
  const text = run.text;
  for (const a of attributions) {
    if (a.score < run.minScore || (run.filterIgnored && run.ignored.has(a.term))) continue;
    const parts: NonNullable<Suggestion['parts']> = {};
    if (a.source) parts.source = a.source;
    if (a.cue) parts.cue = a.cue;
    // (content may be a quotation span shared with other attributions: copied.)
    if (a.content) parts.content = { start: a.content.start, end: a.content.end };
    run.suggestions.push({
      kind: 'attribution', start: a.start, end: a.end, text: text.slice(a.start, a.end), rule: a.rule,
      explanation: explainAttribution(a, text), score: round(a.score), term: a.term, parts, unnamedSource: a.unnamedSource,
    });
  }
}

/** Does a claim cue state a number, amount, percentage or date? (With a reporting cue: a wire-like sentence.) */
function hasNumber(cues: Cue[]): boolean {
  for (let k = 0; k < cues.length; k++) {
    const r = cues[k].rule;
    if (r === 'claim.number' || r === 'claim.percentage' || r === 'claim.money' || r === 'claim.date') return true;
  }
  return false;
}

/** Sentence opinion score from which the contextual tier ('opinion.contextual') is shown. */
export const CONTEXT_MIN_SENTENCE_SCORE = 0.4;

function pushOpinionTerms(run: Run, s: Sentence, opinion: SentenceOpinion, attributions: Attribution[], wireLike: boolean): void {
  // The contextual tier needs an opinion-leaning sentence that does not read like a wire report.
  run.whyOf = undefined;
  if (!wireLike && opinion.score >= CONTEXT_MIN_SENTENCE_SCORE && run.context.size > 0) pushContextual(run, s, opinion, attributions);
  const text = run.text;
  // What the sentence contributes to each term's explanation, worked out once per sentence.
  let why: string | undefined;
  const matches = s.matches;
  for (let mi = 0; mi < matches.length; mi++) {
    const m = matches[mi];
    if (m.entry.family !== 'opinion') continue;
    // Opinion words next to each other are one phrase ("deeply flawed", "utterly shameful decision", "shameful
    // cowardice"): one suggestion, so that an evaluative noun phrase counts once.
    let last = m;
    let top = m;
    let parts = 1;
    for (let k = mi + 1; k < matches.length; k++) {
      const next = matches[k];
      if (next.entry.family !== 'opinion') continue;
      if (next.first !== last.last + 1 || !onlySpaces(text, last.end, next.start) || !(intensifies(last.entry) || joinsPhrase(last.entry, next.entry))) break;
      last = next;
      if (next.entry.weight > top.entry.weight) top = next;
      parts++;
      mi = k;
    }
    const quoted = s.quotes.length > 0 && inside(s.quotes, m.start);
    // Reported speech ("He said health systems would have to…") is the source's voice too, like a quotation.
    const reported = !quoted && inReportedSpeech(attributions, m.start);
    const weight = Math.min(1, top.entry.weight + (parts > 1 ? 0.1 : 0));
    const score = round(Math.max(0, Math.min(1, 0.7 * weight + 0.3 * opinion.score - (quoted || reported ? 0.2 : 0))));
    if (score < run.minScore) continue;
    why ??= opinionWhyText(opinion);
    const term = text.slice(m.start, last.end);
    const entry = top.entry;
    const head = parts > 1 ? `evaluative phrase; “${text.slice(top.start, top.end)}”: ` : '';
    const what = entry.note ? `“${term}”: ${head}${entry.note}${quoted ? ' (inside a quotation: the source\'s words)' : ''}` : parts > 1
      ? `“${term}”: evaluative phrase; ${opinionTermExplanation(entry.category, text.slice(top.start, top.end), quoted)}`
      : opinionTermExplanation(entry.category, term, quoted);
    run.suggestions.push({
      kind: 'opinion', start: m.start, end: last.end, text: term, rule: entry.category,
      explanation: `${what}${reported ? REPORTED : ''}; sentence opinion score ${opinion.score.toFixed(2)}.${why}`,
      score, term: entry.term,
    });
  }
}

/**
 * Words of the contextual tier in an opinion-leaning sentence: not covered by a match of the main lexicon, not
 * capitalised inside a name, outside quotations and attributed content. One suggestion per word.
 */
function pushContextual(run: Run, s: Sentence, opinion: SentenceOpinion, attributions: Attribution[]): void {
  const tokens = s.tokens;
  const matches = s.matches;
  const n = tokens.length;
  // Matches come in token order; only the opinion family's cover a word (a claim cue such as "most" does not).
  let mi = 0;
  for (let i = 0; i < n; i++) {
    while (mi < matches.length && (matches[mi].last < i || matches[mi].entry.family !== 'opinion')) mi++;
    if (mi < matches.length && matches[mi].first <= i) continue;
    const tok = tokens[i];
    const lower = tok.lower;
    if (i === 0) {
      const g = generaliser(tokens);
      if (g > 0) {
        pushContext(run, s, attributions, opinion, tok.start, tokens[g - 1].end, GENERALISER_NOTE, 0.6, tokens[g - 1].lower === lower ? lower : `${lower} ${tokens[g - 1].lower}`);
        i = g - 1;
        continue;
      }
    }
    if (lower === 'not' && i > 0 && COPULAS.has(tokens[i - 1].lower)) {
      // "is not trivial", "is not nothing": a judgement by denial (the word denied must be free, as below).
      const next = i + 1 < n ? tokens[i + 1] : undefined;
      if (next !== undefined && !next.cap && !NOT_JUDGED.has(next.lower) && isWord(next.lower) && onlySpaces(run.text, tok.end, next.start)
        && !(mi < matches.length && matches[mi].first === i + 1)) {
        pushContext(run, s, attributions, opinion, tok.start, next.end, DENIAL_NOTE, 0.6, `not ${next.lower}`);
        i++;
      }
      continue;
    }
    if (DEGREE_WORDS.has(lower)) {
      // The degree word and the word it modifies, when that word is free (not a match, a name, a number or a function word).
      const next = i + 1 < n ? tokens[i + 1] : undefined;
      if (next !== undefined && !next.cap && !NOT_JUDGED.has(next.lower) && isWord(next.lower) && onlySpaces(run.text, tok.end, next.start)
        && !(mi < matches.length && matches[mi].first === i + 1)) {
        pushContext(run, s, attributions, opinion, tok.start, next.end, DEGREE_NOTE, 0.6, `${lower} ${next.lower}`);
        i++;
      }
      continue;
    }
    const entry = contextEntry(run.context, tok);
    if (entry === undefined) {
      // An adverb of manner or stance ("plainly", "properly", "generously") judges how something is done.
      if (lower.length > 5 && lower.endsWith('ly') && !tok.cap && !NEUTRAL_LY.has(lower) && isWord(lower)) {
        pushContext(run, s, attributions, opinion, tok.start, tok.end, LY_NOTE, 0.6, lower);
      }
      continue;
    }
    if (tok.cap && i > 0 && (tokens[i - 1].cap || (i + 1 < n && tokens[i + 1].cap))) continue;
    pushContext(run, s, attributions, opinion, tok.start, tok.end, entry.note!, entry.weight, entry.term);
  }
}

/** Per contextual lexicon, its entries by intern slot of the word: undefined not looked up yet, null none. */
const contextBySlot = new WeakMap<Map<string, LexEntry>, Array<LexEntry | null | undefined>>();

function contextEntry(context: Map<string, LexEntry>, tok: Sentence['tokens'][number]): LexEntry | undefined {
  const id = tok.id;
  if (id < 0) return context.get(tok.lower);
  let slots = contextBySlot.get(context);
  if (slots === undefined) contextBySlot.set(context, (slots = new Array<LexEntry | null | undefined>(INTERN_SIZE).fill(undefined)));
  let e = slots[id];
  if (e === undefined) slots[id] = e = context.get(tok.lower) ?? null;
  return e ?? undefined;
}

const GENERALISER_NOTE = 'a sweeping generalisation opens the sentence in an opinion-leaning sentence';
const DENIAL_NOTE = 'a judgement by denial ("is not trivial") in an opinion-leaning sentence';
const COPULAS = new Set(['is', 'are', 'was', 'were', 'be', 'been', "isn't", "wasn't"]);
const LY_NOTE = 'an adverb of manner or stance in an opinion-leaning sentence';
const DEGREE_NOTE = 'a degree word judges the word it modifies in an opinion-leaning sentence';

/** Tokens taken by a generaliser at the start of the sentence (0: none). */
function generaliser(tokens: Sentence['tokens']): number {
  for (const g of GENERALISERS) {
    if (g.length > tokens.length) continue;
    let ok = true;
    for (let k = 0; k < g.length && ok; k++) ok = tokens[k].lower === g[k];
    if (ok) return g.length;
  }
  return 0;
}

/** Letters (and inner hyphens) only: not a number or a code. */
function isWord(w: string): boolean {
  for (let k = 0; k < w.length; k++) {
    const c = w.charCodeAt(k);
    if (!((c >= 97 && c <= 122) || (c === 45 && k > 0))) return false;
  }
  return true;
}

/** A suggestion of the contextual tier for text[start, end), unless it is quoted, attributed or ignored. */
function pushContext(run: Run, s: Sentence, attributions: Attribution[], opinion: SentenceOpinion, start: number, end: number, note: string, weight: number, term: string): void {
  if ((s.quotes.length > 0 && inside(s.quotes, start)) || inContent(attributions, start)) return;
  if (run.filterIgnored && run.ignored.has(term)) return;
  const score = round(Math.min(1, 0.7 * weight + 0.3 * opinion.score));
  if (score < run.minScore) return;
  const text = run.text.slice(start, end);
  // What the sentence contributes to the explanation, once per sentence.
  if (run.whyOf !== opinion) {
    run.whyOf = opinion;
    run.why = opinionWhyText(opinion);
  }
  run.suggestions.push({
    kind: 'opinion', start, end, text, rule: 'opinion.contextual',
    explanation: `“${text}”: ${note}; sentence opinion score ${opinion.score.toFixed(2)}.${run.why}`, score, term,
  });
}

const REPORTED = ' (in reported speech: the source\'s words)';

/** Is offset inside what an attribution reports after its cue ("…told a briefing that <content>")? */
function inReportedSpeech(attributions: Attribution[], offset: number): boolean {
  // Only content after its cue: "X said that …" reports; in "…, critics argued." the clause may be the writer's own.
  for (const a of attributions) if (a.cue && a.content && a.content.start >= a.cue.end && offset >= a.content.start && offset < a.content.end) return true;
  return false;
}

/** Is offset inside what an attribution reports, before or after its cue? */
function inContent(attributions: Attribution[], offset: number): boolean {
  for (const a of attributions) if (a.content && offset >= a.content.start && offset < a.content.end) return true;
  return false;
}

/** Does the entry modify the word after it ("deeply", "woefully", "very")? Then the two are one phrase. */
function intensifies(e: LexEntry): boolean {
  return e.category === 'opinion.booster' || ((e.category === 'opinion.sentiment' || e.category === 'opinion.evaluative') && e.words.length === 1 && e.term.endsWith('ly'));
}

/** Only spaces (no line break or punctuation) in text[a, b)? */
function onlySpaces(text: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (text.charCodeAt(i) !== 32) return false;
  return true;
}

function isSorted(list: Suggestion[]): boolean {
  for (let i = 1; i < list.length; i++) {
    const a = list[i - 1];
    const b = list[i];
    if (a.start > b.start || (a.start === b.start && a.end < b.end)) return false;
  }
  return true;
}

/** "Check-worthy statement: a number (“12 percent”), a named actor (“Mirela Kos”)." — from the first four cues. */
function claimExplanation(text: string, cues: Cue[]): string {
  let what = '';
  const n = Math.min(cues.length, 4);
  for (let i = 0; i < n; i++) {
    const c = cues[i];
    let dup = false;
    for (let k = 0; k < i && !dup; k++) dup = cues[k].rule === c.rule && sameText(text, cues[k], c);
    if (dup) continue;
    const item = (CLAIM_NAMES[c.rule] ?? c.rule) + ' (“' + text.slice(c.start, c.end) + '”)';
    what = what ? what + ', ' + item : item;
  }
  return 'Check-worthy statement: ' + what + '.';
}

function sameText(text: string, a: SpanOffsets, b: SpanOffsets): boolean {
  const n = a.end - a.start;
  if (n !== b.end - b.start) return false;
  for (let k = 0; k < n; k++) if (text.charCodeAt(a.start + k) !== text.charCodeAt(b.start + k)) return false;
  return true;
}

const CLAIM_NAMES: Record<string, string> = {
  'claim.number': 'a number',
  'claim.percentage': 'a percentage',
  'claim.money': 'an amount of money',
  'claim.date': 'a date or time',
  'claim.named-actor': 'a named actor, organisation or office',
  'claim.superlative': 'a superlative or first',
  'claim.comparison': 'a comparison',
  'claim.change': 'a reported change',
  'claim.causal': 'a causal link',
  'claim.official-act': 'an official act',
  'claim.event': 'a past action or event',
  'claim.custom': 'one of your extra claim terms',
};

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * Opinion-model features of a text taken as one sentence (no segmentation). For the training script and the
 * quality benchmark, which score sentence-per-row data sets; not part of the editor API.
 */
export function sentenceFeatures(sentence: string, options: SuggestOptions = {}): Record<string, number> {
  return analyserFor(options).sentenceFeatures(sentence);
}

/** Opinion score of a text taken as one sentence (see sentenceFeatures). */
export function sentenceOpinionScore(sentence: string, options: SuggestOptions = {}): number {
  return scoreOpinion(sentenceFeatures(sentence, options)).score;
}

/** An evaluative word before an evaluative word ("shameful cowardice", "steadfast support"): one phrase. */
function joinsPhrase(a: LexEntry, b: LexEntry): boolean {
  return a.words.length === 1 && EVALUATIVE_CATEGORIES.has(a.category) && EVALUATIVE_CATEGORIES.has(b.category);
}
const EVALUATIVE_CATEGORIES = new Set(['opinion.evaluative', 'opinion.sentiment', 'opinion.phrase']);
