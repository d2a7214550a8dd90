// The objects suggestRange returns (suggestions and sentence scores), made by constructors, not object literals.
//
// Why: V8 gives each object literal an allocation site and, when most of a site's objects outlive a scavenge,
// allocates that site's objects in the old generation from then on ("pretenuring"), for the life of the process.
// A caller that keeps the results of a whole text (suggest(), the CLI) makes the result literals such sites;
// afterwards the results of every per-paragraph call went to the old generation too, holding their young
// strings alive until a major GC: with the benchmark's whole-text pass before the per-paragraph pass, each
// scavenge of the per-paragraph pass took 20–60 ms instead of ~1 ms, and the pass ~2× the CPU (bench/RESULTS.md,
// "The editor's path, round 4"). Objects made by `new` have no allocation site and are never pretenured.
// They serialise as the literals did (own properties in the same order; an optional one absent, not undefined).
import type { SentenceScore, Span, Suggestion, SuggestionKind } from './types';

class Scored implements SentenceScore {
  constructor(
    public start: number,
    public end: number,
    public claimScore: number,
    public opinionScore: number,
  ) {}
}

class Made implements Suggestion {
  declare term?: string;
  declare parts?: { source?: Span; cue?: Span; content?: Span };
  declare unnamedSource?: boolean;

  constructor(
    public kind: SuggestionKind,
    public start: number,
    public end: number,
    public text: string,
    public rule: string,
    public explanation: string,
    public score: number,
  ) {}
}

export function sentenceScore(start: number, end: number, claimScore: number, opinionScore: number): SentenceScore {
  return new Scored(start, end, claimScore, opinionScore);
}

/** { kind, start, end, text, rule, explanation, score } and, when given, term (then parts and unnamedSource). */
export function suggestion(
  kind: SuggestionKind, start: number, end: number, text: string, rule: string, explanation: string, score: number,
  term?: string, parts?: Suggestion['parts'], unnamedSource?: boolean,
): Suggestion {
  const s = new Made(kind, start, end, text, rule, explanation, score);
  if (term !== undefined) s.term = term;
  if (parts !== undefined) {
    s.parts = parts;
    s.unnamedSource = unnamedSource;
  }
  return s;
}

// Each property a constructor defines, and each added after it (term, parts, unnamedSource), moves the object to a
// "transition" hidden class, which V8 keeps only while some object has it; the optimised code that made such
// objects is thrown away when a full GC finds none (see run.ts). Without the two objects kept here, a benchmark
// that drops its results between passes saw Made, Scored, pushClaim, suggestSentence, suggestRange… deoptimised
// ("reason: weak objects" under --trace-deopt); with them, none. One object of the longest shape keeps every
// shape above alive (a hidden class keeps its parent); its scores are fractions, the representation real ones have.
export const KEPT_SHAPES: readonly object[] = [sentenceScore(0, 0, 0.5, 0.5), suggestion('attribution', 0, 0, '', '', '', 0.5, '', {}, false)];
