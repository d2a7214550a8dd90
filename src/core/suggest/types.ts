// The suggestion engine's public types (re-exported by index.ts).
import type { Span } from '../spans';
import type { Token } from './chunk';

export type { Span };
export type SuggestionKind = 'claim' | 'attribution' | 'opinion';
export const SUGGESTION_KINDS: readonly SuggestionKind[] = ['claim', 'attribution', 'opinion'];

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
  parts?: { source?: Span; cue?: Span; content?: Span };
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

/**
 * Receives the words of every chunk suggestRange scans, in text order: the learned layer matches its phrase
 * memory on them instead of scanning the paragraph a second time (issue 13). `tokens[0, count)` are overwritten by
 * the next chunk: read them in the call.
 */
export interface ChunkWords {
  chunk(text: string, start: number, end: number, tokens: readonly Token[], count: number): void;
}
