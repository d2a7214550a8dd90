// What the scan (scan.ts) produces for a chunk of text: tokens, sentences and quote marks, as UTF-16 offsets
// into the caller's text (no substrings but the interned lower-case words).

import type { Span } from '../spans';

export type { Span };

export class Token {
  constructor(
    public start: number,
    public end: number,
    /** Lower-cased, curly apostrophes made straight. */
    public lower: string,
    /** Starts with an upper-case letter. */
    public cap: boolean,
    /** Contains a digit. */
    public digit: boolean,
    /** Id of lower among the interned words (0 <= id < INTERN_SIZE, dense: numbered in the order interned), or -1: per-word look-ups can be cached by it. */
    public id: number = -1,
  ) {}
}

/** A sentence of a scanned chunk: its trimmed span and its tokens chunk.tokens[first, last). */
export interface SentenceSpan extends Span {
  first: number;
  last: number;
}

export interface ScannedChunk {
  tokens: Token[];
  sentences: SentenceSpan[];
  /** How many of tokens / sentences belong to the chunk: their lengths, except in a reused chunk (below). */
  tokenCount: number;
  sentenceCount: number;
  /** Offsets of the quote marks " “ ” (for quoteSpansOfMarks), quoteMarks[0, quoteMarkCount). */
  quoteMarks: number[];
  quoteMarkCount: number;
}

/**
 * A chunk whose Token and SentenceSpan objects are overwritten by the next scanChunk(…, chunk) call: a
 * megabyte holds ~180k words, and allocating an object per word was a large part of the garbage. Entries past
 * tokenCount / sentenceCount are left-overs of earlier chunks.
 */
export function reusableChunk(): ScannedChunk {
  // Arrays that have held objects (elements kind "packed objects") from the start: a chunk then has the same
  // hidden classes before and after its first scan, and the optimised scan is not thrown away for a new one.
  // (pop() empties the array; its elements kind stays.)
  const tokens = [new Token(0, 0, '', false, false)];
  tokens.pop();
  const sentences = [{ start: 0, end: 0, first: 0, last: 0 }];
  sentences.pop();
  return { tokens, sentences, tokenCount: 0, sentenceCount: 0, quoteMarks: [], quoteMarkCount: 0 };
}
