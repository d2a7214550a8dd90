// Layered re-anchoring: when the text on disk is not the text the tags' offsets refer to (edited outside VS Code,
// git checkout/pull, a hash mismatch at load), find each tag's quote again, cheapest layer first:
//   1. the quote is still at its offset                                        -> anchored
//   2. the exact quote elsewhere: first where the drift of the tags before it says it should be, then in growing
//      windows around that position; occurrences are told apart by how well prefix/suffix agree and by
//      nearness                                                                 -> moved
//   3. an approximate match (approx-string-match) in growing windows around the expected position, or a piece
//      of the quote that survived at its head or tail                          -> fuzzy, with a confidence
//   2'. failing a sure near match, the exact quote anywhere (a moved paragraph), if its context agrees and it
//      beats the near match                                                     -> moved
//   3'. approximate matches anywhere, seeded by exact words of the quote (moved and edited)   -> fuzzy
// The searches "anywhere" go through an index of word starts built on first need (one pass over the text for
// the whole call), so they cost a lookup per tag rather than a scan of the text per tag.
//   4. otherwise                                                                -> orphaned
// Tags are visited in document order and the expected position of each follows the drift (new offset - old
// offset) of the last tag placed with confidence, so insertions and deletions upstream do not send every later
// tag to the expensive layers. Tags that were orphaned already are tried again: their quote may be back.
import { Tag } from '../model';
import { quoteAt } from '../tags';
import { contextScore } from './context';
import { Candidate, Target, WordIndex, exactAnywhere, exactIn, fuzzyIn, partialIn, seededIn, score } from './search';

export type AnchorResultState = 'anchored' | 'moved' | 'fuzzy' | 'orphaned';

export interface AnchorResult {
  id: string;
  /** Re-anchored offsets; null when orphaned. */
  start: number | null;
  end: number | null;
  state: AnchorResultState;
  /** In [0, 1]: 1 when anchored in place, the placement's score otherwise, 0 when orphaned. */
  confidence: number;
}

export interface ReanchorOptions {
  /** Fuzzy (and weak exact) placements below this confidence leave the tag orphaned. Default 0.7. */
  minConfidence?: number;
}

export const DEFAULT_MIN_CONFIDENCE = 0.7;

/** Quotes at least this long are distinctive enough to be trusted without agreeing context. */
const DISTINCTIVE_LENGTH = 24;
/** Context agreement needed to accept an exact occurrence found by searching. */
const GOOD_CONTEXT = 0.5;
/** Context agreement needed to accept an exact occurrence found only by searching the whole text. */
const FAR_CONTEXT = 0.6;
/** A fuzzy placement this sure moves the expected position of the following tags. */
const DRIFT_CONFIDENCE = 0.8;
/** Below this, an approximate match is compared with a surviving head or tail piece of the quote. */
const SURE_FUZZY = 0.8;
/** Half-widths of the windows searched for an exact occurrence before the whole text. */
const EXACT_RADII = [256, 4096];
/** Half-widths (beyond the quote's own length) of the windows searched approximately. */
const FUZZY_RADII = [64, 1024, 4096];

/**
 * Re-anchors every tag against `text`, cheapest layer first (see the file header). Results come in the order of
 * `tags`. Cost: mostly one string comparison per tag; only tags whose text changed reach the approximate layers,
 * which search windows of at most a few tens of kilobytes, never the whole text; far searches use an index of
 * word starts built once per call when first needed.
 */
export function reanchor(text: string, tags: readonly Tag[], options: ReanchorOptions = {}): AnchorResult[] {
  const minConfidence = options.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
  const order = tags.map((_, i) => i).sort((a, b) => tags[a].start - tags[b].start || tags[a].end - tags[b].end);
  const results = new Array<AnchorResult>(tags.length);
  let drift = 0;
  const index = new WordIndex(text);
  for (const i of order) {
    const tag = tags[i];
    const r = anchorOne(text, tag, drift, minConfidence, index);
    results[i] = r;
    if (r.start !== null && (r.state !== 'fuzzy' || r.confidence >= DRIFT_CONFIDENCE)) drift = r.start - tag.start;
  }
  return results;
}

function fuzzyResult(text: string, tag: Tag, c: Candidate): AnchorResult {
  return result(tag, text.slice(c.start, c.end) === tag.quote ? 'moved' : 'fuzzy', c);
}

function result(tag: Tag, state: AnchorResultState, c: Candidate | null): AnchorResult {
  if (!c) return { id: tag.id, start: null, end: null, state: 'orphaned', confidence: 0 };
  return { id: tag.id, start: c.start, end: c.end, state, confidence: round(c.confidence) };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

function anchorOne(text: string, tag: Tag, drift: number, minConfidence: number, index: WordIndex): AnchorResult {
  const q = tag.quote;
  const wasOrphaned = tag.anchor.state === 'orphaned';
  const old = clamp(tag.start, 0, text.length);
  const expected = clamp(tag.start + drift, 0, text.length);
  const t: Target = { quote: q, prefix: tag.prefix, suffix: tag.suffix, expected };
  if (q.length === 0) {
    // Nothing to look for: an empty anchored tag stays where the drift puts it; an empty orphan stays orphaned.
    return wasOrphaned ? result(tag, 'orphaned', null) : result(tag, expected === tag.start ? 'anchored' : 'moved', { start: expected, end: expected, context: 1, confidence: 1 });
  }

  // (1) In place. When the text before it moved, a short quote at its old offset may be a coincidence.
  if (!wasOrphaned && tag.end - tag.start === q.length && text.startsWith(q, old) && old === tag.start) {
    if (drift === 0 || q.length >= DISTINCTIVE_LENGTH || contextScore(text, old, old + q.length, tag.prefix, tag.suffix) >= GOOD_CONTEXT) {
      return { id: tag.id, start: old, end: old + q.length, state: 'anchored', confidence: 1 };
    }
  }
  // (2) Exact, elsewhere: where the drift says, then growing windows, then everywhere.
  if (expected !== old || wasOrphaned) {
    if (text.startsWith(q, expected)) return result(tag, 'moved', score(text, t, expected, expected + q.length, 1));
  }
  let exact: Candidate | null = null;
  for (const r of EXACT_RADII) {
    exact = exactIn(text, t, expected - r, expected + q.length + r);
    if (exact && (exact.context >= GOOD_CONTEXT || (q.length >= DISTINCTIVE_LENGTH && r === EXACT_RADII[0]))) return result(tag, 'moved', exact);
  }

  // (3) Approximate, near the expected position; then a piece of the quote that survived at its head or tail.
  let fuzzy: Candidate | null = null;
  for (const r of FUZZY_RADII) {
    const c = fuzzyIn(text, t, expected - r, expected + q.length + r);
    if (c && (!fuzzy || c.confidence > fuzzy.confidence)) fuzzy = c;
    if (fuzzy && fuzzy.confidence >= minConfidence) break;
  }
  if (!fuzzy || fuzzy.confidence < SURE_FUZZY) {
    // A heavy cut at one end: the approximate match may have stretched over foreign text; a surviving piece
    // with agreeing context can score better.
    const r = FUZZY_RADII[1];
    const c = partialIn(text, t, expected - r, expected + q.length + r);
    if (c && (!fuzzy || c.confidence > fuzzy.confidence)) fuzzy = c;
  }
  if (fuzzy && fuzzy.confidence >= Math.max(SURE_FUZZY, minConfidence)) return fuzzyResult(text, tag, fuzzy);
  // (2, continued) The exact quote far away (a moved paragraph): one indexOf over the whole text. Far from where
  // the neighbours say, a repeated phrase is likely, so it needs agreeing context and must beat the near match.
  const anywhere = exactAnywhere(text, t, index);
  if (anywhere && anywhere.context >= FAR_CONTEXT && (!fuzzy || anywhere.confidence >= fuzzy.confidence)) return result(tag, 'moved', anywhere);
  // (3, continued) Moved far and edited: approximate matches seeded by exact pieces of the quote.
  if (!fuzzy || fuzzy.confidence < minConfidence) {
    const c = seededIn(text, t, index);
    if (c && (!fuzzy || c.confidence > fuzzy.confidence)) fuzzy = c;
  }
  // A nearby exact occurrence with poor context still beats a weaker approximate match.
  if (exact && exact.confidence >= minConfidence && (!fuzzy || exact.confidence >= fuzzy.confidence)) return result(tag, 'moved', exact);
  if (fuzzy && fuzzy.confidence >= minConfidence) return fuzzyResult(text, tag, fuzzy);
  // (4)
  return result(tag, 'orphaned', null);
}

/**
 * Applies results to tags (matched by id; a tag without a result is left alone): start/end and anchor state, and
 * quote/prefix/suffix refreshed from `text` for placed tags. `moved` tags become `anchored`; `fuzzy` ones keep
 * their confidence. Orphaned tags keep their quote, prefix and suffix, and become a point at their old start
 * (clamped to the text) so that edit tracking can carry them along.
 */
export function applyAnchorResults(text: string, tags: Tag[], results: readonly AnchorResult[]): void {
  const byId = new Map<string, AnchorResult>();
  for (const r of results) byId.set(r.id, r);
  for (const tag of tags) {
    const r = byId.get(tag.id);
    if (!r) continue;
    if (r.state === 'orphaned' || r.start === null || r.end === null) {
      const p = clamp(tag.start, 0, text.length);
      tag.start = p;
      tag.end = p;
      tag.anchor = { state: 'orphaned' };
      continue;
    }
    tag.start = r.start;
    tag.end = r.end;
    Object.assign(tag, quoteAt(text, r.start, r.end));
    tag.anchor = r.state === 'fuzzy' ? { state: 'fuzzy', confidence: r.confidence } : { state: 'anchored' };
  }
}
