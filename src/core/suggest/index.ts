// Offline suggestion detectors for claims, attributions and opinion language (issue 6).
// Pure functions over plain strings; every offset is a UTF-16 offset into the text passed in.
import { analyseSentence, inside, quoteSpans } from './analyze';
import { findAttributions } from './attributions';
import { scoreClaim } from './claims';
import { buildLexicon, Lexicon, termWords } from './lexicon';
import { FEATURE_NAMES, opinionExplanation, opinionFeatures, scoreOpinion } from './opinion';
import { paragraphRanges as paragraphs, sentenceRanges } from './text';

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

// The lexicon is rebuilt only when the user's term settings change (one-entry cache, no global state visible).
let cachedKey = '';
let cachedLexicon: Lexicon | undefined;
function lexiconFor(options: SuggestOptions): Lexicon {
  const key = JSON.stringify([options.extraTerms ?? {}, options.ignoredTerms ?? []]);
  if (!cachedLexicon || key !== cachedKey) {
    cachedLexicon = buildLexicon({ extraTerms: options.extraTerms, ignoredTerms: options.ignoredTerms });
    cachedKey = key;
  }
  return cachedLexicon;
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
  const lex = lexiconFor(options);
  const kinds = new Set(options.kinds ?? SUGGESTION_KINDS);
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
  const ignored = new Set((options.ignoredTerms ?? []).map((t) => termWords(t).join(' ')));
  const suggestions: Suggestion[] = [];
  const sentences: SentenceScore[] = [];
  start = Math.max(0, start);
  end = Math.min(text.length, end);
  const chunks = start === 0 && end === text.length
    ? paragraphs(text)
    : paragraphs(text.slice(start, end)).map((p) => ({ start: p.start + start, end: p.end + start }));
  for (const p of chunks) {
    const quotes = quoteSpans(text, p.start, p.end);
    for (const span of sentenceRanges(text, p.start, p.end)) {
      const s = analyseSentence(text, span, lex, quotes);
      if (!s.tokens.length) continue;
      const attributions = findAttributions(text, s);
      const claim = scoreClaim(text, s, attributions.some((a) => a.cue));
      const opinion = scoreOpinion(opinionFeatures(s, claim.cues, attributions.length));
      sentences.push({ start: s.start, end: s.end, claimScore: round(claim.score), opinionScore: round(opinion.score) });

      if (kinds.has('claim') && claim.score >= minScore && claim.cues.length) {
        const usable = claim.cues.filter((c) => !c.term || !ignored.has(c.term));
        if (usable.length) {
          const top = usable.reduce((a, b) => (b.weight > a.weight ? b : a));
          const what = [...new Set(usable.slice(0, 4).map((c) => `${CLAIM_NAMES[c.rule] ?? c.rule} (“${c.text}”)`))].join(', ');
          suggestions.push({
            kind: 'claim', start: s.start, end: s.end, text: text.slice(s.start, s.end), rule: top.rule,
            explanation: `Check-worthy statement: ${what}.`, score: round(claim.score), ...(top.term ? { term: top.term } : {}),
          });
        }
      }
      if (kinds.has('attribution')) {
        for (const a of attributions) {
          if (a.score < minScore || ignored.has(a.term)) continue;
          const parts: Suggestion['parts'] = {};
          if (a.source) parts.source = { start: a.source.start, end: a.source.end };
          if (a.cue) parts.cue = { start: a.cue.start, end: a.cue.end };
          if (a.content) parts.content = { start: a.content.start, end: a.content.end };
          suggestions.push({
            kind: 'attribution', start: a.start, end: a.end, text: text.slice(a.start, a.end), rule: a.rule,
            explanation: a.explanation, score: round(a.score), term: a.term, parts, unnamedSource: a.unnamedSource,
          });
        }
      }
      if (kinds.has('opinion')) {
        let why: string | undefined;
        for (const m of s.matches) {
          const cat = m.entry.category;
          if (!cat.startsWith('opinion.')) continue;
          const quoted = inside(s.quotes, m.start);
          const score = round(Math.max(0, Math.min(1, 0.6 * m.entry.weight + 0.4 * opinion.score - (quoted ? 0.2 : 0))));
          if (score < minScore) continue;
          why ??= opinion.top.length ? ` Sentence leans on ${opinion.top.map((c) => FEATURE_NAMES[c.feature] ?? c.feature).join(', ')}.` : '';
          const explanation = opinionExplanation(cat, text.slice(m.start, m.end), quoted, opinion.score) + why;
          suggestions.push({ kind: 'opinion', start: m.start, end: m.end, text: text.slice(m.start, m.end), rule: cat, explanation, score, term: m.entry.term });
        }
      }
    }
  }
  suggestions.sort((a, b) => a.start - b.start || b.end - a.end);
  return { suggestions, sentences };
}

const CLAIM_NAMES: Record<string, string> = {
  'claim.number': 'a number',
  'claim.percentage': 'a percentage',
  'claim.money': 'an amount of money',
  'claim.date': 'a date or time',
  'claim.named-actor': 'a named actor',
  'claim.superlative': 'a superlative or first',
  'claim.comparison': 'a comparison',
  'claim.change': 'a reported change',
  'claim.causal': 'a causal link',
  'claim.official-act': 'an official act',
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
  const lex = lexiconFor(options);
  const s = analyseSentence(sentence, { start: 0, end: sentence.length }, lex, quoteSpans(sentence, 0, sentence.length));
  const attributions = findAttributions(sentence, s);
  const claim = scoreClaim(sentence, s, attributions.some((a) => a.cue));
  return opinionFeatures(s, claim.cues, attributions.length);
}

/** Opinion score of a text taken as one sentence (see sentenceFeatures). */
export function sentenceOpinionScore(sentence: string, options: SuggestOptions = {}): number {
  return scoreOpinion(sentenceFeatures(sentence, options)).score;
}
