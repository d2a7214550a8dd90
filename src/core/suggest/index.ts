// Offline suggestion detectors for claims, attributions and opinion language (issue 6): the public entry.
// Pure functions over plain strings; every offset is a UTF-16 offset into the text passed in.
import { Analyser } from './analyser';
import { scoreOpinion } from './opinion';
import { paragraphRanges as paragraphs } from './text';
import type { ChunkWords, Span, SuggestOptions, SuggestResult } from './types';

export { Analyser } from './analyser';
export { CONTEXT_MIN_SENTENCE_SCORE } from './opinionTerms';
export { DEFAULT_MIN_SCORE, SUGGESTION_KINDS } from './types';
export type { ChunkWords, SentenceScore, Span, Suggestion, SuggestionKind, SuggestOptions, SuggestResult } from './types';
export type { Token } from './chunk';

/** Chunk boundaries to run suggestRange on separately (paragraphs, long ones cut at MAX_CHUNK). */
export function paragraphRanges(text: string): Span[] {
  return paragraphs(text);
}

// The analyser of the last term settings seen (building the lexicon takes milliseconds; the editor calls
// suggestRange per paragraph with the same settings). Module-level on purpose: the function API below takes the
// settings with every call; a caller that owns its settings can hold its own Analyser instead.
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
 * cuts a sentence is analysed as cut. `words`, when given, receives the words of each chunk scanned.
 */
export function suggestRange(text: string, start: number, end: number, options: SuggestOptions = {}, words?: ChunkWords): SuggestResult {
  return analyserFor(options).suggestRange(text, start, end, options, words);
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
