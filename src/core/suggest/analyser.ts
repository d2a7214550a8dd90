// The engine: one Analyser per term settings, suggestRange per paragraph or per text.
import { analyseScannedInto, analyseSentence, quoteSpans, quoteSpansOfMarks, reusableSentence, Sentence } from './analyze';
import { findAttributions } from './attributions';
import { scoreClaim, settleFact } from './claims';
import { pushAttributions, pushClaim, hasNumber } from './cueSuggestions';
import { ContextTier } from './contextual';
import { buildContextLexicon, buildLexicon, termWords } from './buildLexicon';
import type { Lexicon } from './lexicon';
import { sentenceScore } from './made';
import { OPINION_MODEL, scoreOpinionSentence } from './opinion';
import { DENSE_FEATURES, opinionFeatures } from './opinionFeatures';
import { pushOpinionTerms } from './opinionTerms';
import { round, Run } from './run';
import { reusableChunk, ScannedChunk } from './chunk';
import { scanChunk } from './scan';
import { paragraphRangesIn } from './text';
import { ChunkWords, DEFAULT_MIN_SCORE, SUGGESTION_KINDS, Suggestion, SuggestOptions, SuggestResult } from './types';

/**
 * The engine: the lexicon built from the user's term settings, the chunk that scanChunk fills paragraph after
 * paragraph (a megabyte holds ~180k words; overwriting their Token objects rather than allocating them kept the
 * garbage down), the sentence and the array of its opinion features that are overwritten sentence after
 * sentence. Make one per settings and call suggestRange on it; index.ts's suggest() and suggestRange() share one.
 */
export class Analyser {
  readonly lex: Lexicon;
  /** The contextual tier, looked up only in opinion-leaning sentences (see pushContextual). */
  readonly context: ContextTier;
  readonly ignored: Set<string>;
  private readonly chunk = reusableChunk();
  private readonly sentence = reusableSentence();
  /** The dense opinion features of the sentence being analysed (see Run.dense). */
  private readonly dense = new Float64Array(DENSE_FEATURES.length);

  constructor(terms: Pick<SuggestOptions, 'extraTerms' | 'ignoredTerms'> = {}) {
    this.lex = buildLexicon({ extraTerms: terms.extraTerms, ignoredTerms: terms.ignoredTerms });
    this.context = new ContextTier(buildContextLexicon(this.lex, terms.ignoredTerms));
    this.ignored = new Set((terms.ignoredTerms ?? []).map((t) => termWords(t).join(' ')));
  }

  /** See suggestRange(). */
  suggestRange(text: string, start: number, end: number, options: SuggestOptions = {}, words?: ChunkWords): SuggestResult {
    const kinds = options.kinds ?? SUGGESTION_KINDS;
    const run: Run = {
      text, lex: this.lex, context: this.context, ignored: this.ignored, filterIgnored: this.ignored.size > 0,
      wantClaim: kinds.includes('claim'), wantAttribution: kinds.includes('attribution'), wantOpinion: kinds.includes('opinion'),
      minScore: options.minScore ?? DEFAULT_MIN_SCORE, suggestions: [], sentences: [],
      dense: this.dense, sentence: this.sentence, whyOf: undefined, why: undefined,
    };
    start = Math.max(0, start);
    end = Math.min(text.length, end);
    const paragraphs = paragraphRangesIn(text, start, end);
    for (let pi = 0; pi < paragraphs.length; pi++) suggestParagraph(run, this.chunk, paragraphs[pi].start, paragraphs[pi].end, words);
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

function suggestParagraph(run: Run, into: ScannedChunk, start: number, end: number, words: ChunkWords | undefined): void {
  const text = run.text;
  const chunk = scanChunk(text, start, end, into);
  if (words) words.chunk(text, start, end, chunk.tokens, chunk.tokenCount);
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
  settleFact(claim, opinion.score);
  const claimScore = round(claim.score);
  const opinionScore = round(opinion.score);
  run.sentences.push(sentenceScore(s.start, s.end, claimScore, opinionScore));
  // The shown (rounded) score meets the threshold, as for opinion terms: what is shown is what was filtered.
  if (run.wantClaim && claimScore >= run.minScore && claim.cues.length) pushClaim(run, s, claim.cues, claimScore);
  if (run.wantAttribution) pushAttributions(run, attributions);
  if (run.wantOpinion) pushOpinionTerms(run, s, opinion, attributions, hasCue && hasNumber(claim.cues));
}

function isSorted(list: Suggestion[]): boolean {
  for (let i = 1; i < list.length; i++) {
    const a = list[i - 1];
    const b = list[i];
    if (a.start > b.start || (a.start === b.start && a.end < b.end)) return false;
  }
  return true;
}
