// One suggestRange call's state, shared by the passes that push suggestions, and their small helpers.
import type { ContextTier } from './contextual';
import type { Lexicon } from './lexicon';
import type { SentenceOpinion } from './opinion';
import type { ReusableSentence } from './analyze';
import type { SentenceScore, Suggestion } from './types';

/**
 * One suggestRange call: its text, settings and results. The work per paragraph and per sentence is done by
 * separate functions, so that V8 optimises them after a few paragraphs even when a whole text is one call.
 * Every field is set when the Run is made (whyOf and why too, to undefined), never added later: an object that
 * gains a property changes to a "transition" hidden class, which V8 keeps only while some object has it, and the
 * optimised code of every function that stored it is thrown away when a full GC drops it (see cueSuggestions.ts).
 */
export interface Run {
  text: string;
  lex: Lexicon;
  context: ContextTier;
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
  /** opinionWhy of the sentence opinion whyOf (the contextual tier's explanations share it). */
  whyOf?: SentenceOpinion;
  why?: string;
}

/** Only spaces (no line break or punctuation) in text[a, b)? */
export function onlySpaces(text: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (text.charCodeAt(i) !== 32) return false;
  return true;
}

export function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
