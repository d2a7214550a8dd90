// Live edit tracking: moves, grows, shrinks and orphans tags as the document changes, without reading the text.
//
// The rules, for a tag covering [start, end) and one change replacing [a, b) of the old text:
// - a change that ends at or before the tag's start (including an insertion exactly at its start) shifts the tag;
// - a change that starts at or after its end (including an insertion exactly at its end) leaves it alone;
// - any other change keeps the tag over what is left of its own text: the tag runs from its first surviving
//   character to its last surviving character, so new text strictly between them (typing inside, a replacement
//   inside) belongs to it, and new text replacing a piece at either edge does not;
// - a change that removes all of the tag's own text (a <= start and end <= b) orphans it: start = end = a, the quote
//   is kept and the tag is never dropped.
// An orphaned (or empty) tag is a point: it shifts with changes before or at it, and a change that swallows it
// moves it to the change's start.
//
// One event may carry many changes (multi-cursor typing, replace-all), all in the coordinates of the text before
// the event. The result is by construction the same as applying them one at a time from the last to the first, the
// order in which their coordinates stay valid, but it is computed in one pass: each tag only looks at the changes
// that touch it and takes the sum of the length differences of the changes before it from a prefix sum.
import { Tag } from './model';
import { commonAfter, commonBefore } from './textCompare';

/** One replacement, offsets into the text as it was before this change (VS Code contentChanges: rangeOffset, rangeLength, text). */
export interface TextChange {
  start: number;
  end: number;
  text: string;
}

interface Prepared {
  start: number;
  end: number;
  /** Length of the new text. */
  len: number;
  /** len - (end - start). */
  delta: number;
}

/** Sorts changes by (start, end) and checks that they do not overlap. An insertion may touch a replaced range. */
function prepare(changes: readonly TextChange[]): Prepared[] {
  const out: Prepared[] = changes.map((c) => {
    if (!(Number.isInteger(c.start) && Number.isInteger(c.end) && c.start >= 0 && c.start <= c.end)) {
      throw new RangeError(`invalid change range [${c.start}, ${c.end})`);
    }
    return { start: c.start, end: c.end, len: c.text.length, delta: c.text.length - (c.end - c.start) };
  });
  out.sort((x, y) => x.start - y.start || x.end - y.end);
  for (let i = 1; i < out.length; i++) {
    if (out[i].start < out[i - 1].end) {
      throw new RangeError(`overlapping changes [${out[i - 1].start}, ${out[i - 1].end}) and [${out[i].start}, ${out[i].end})`);
    }
  }
  return out;
}

/** cum[i] = sum of the deltas of changes 0..i-1. */
function prefixDeltas(ch: readonly Prepared[]): number[] {
  const cum = new Array<number>(ch.length + 1);
  cum[0] = 0;
  for (let i = 0; i < ch.length; i++) cum[i + 1] = cum[i] + ch[i].delta;
  return cum;
}

/** First index i with ch[i].end >= pos (ends ascend because the changes are sorted and disjoint). */
function firstEndingAtOrAfter(ch: readonly Prepared[], pos: number): number {
  let lo = 0;
  let hi = ch.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ch[mid].end >= pos) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** First index i with ch[i].start > pos. */
function firstStartingAfter(ch: readonly Prepared[], pos: number): number {
  let lo = 0;
  let hi = ch.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ch[mid].start > pos) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Applies one document-change event (possibly many changes: multi-cursor, replace-all; VS Code gives them
 * non-overlapping and sorted descending, all in pre-event coordinates; any order of non-overlapping changes is
 * accepted) to the tags, in place, in one pass. Returns the tags whose start/end/anchor changed.
 *
 * Rules: typing strictly inside a tag extends it; inserting exactly at its start or end does not (the tag shifts or
 * stays); a replacement overlapping one boundary trims the tag to what is left of its own text (so replacing the
 * first word of a tag leaves the new word outside it); a replacement strictly inside grows/shrinks it; removing
 * all of a tag's text (including replacing exactly its text) makes it `orphaned` (start = end at the change's
 * start, quote kept, never dropped). Orphaned tags keep their quote and move with the text.
 *
 * Cost: O(changes · log changes + tags · log changes + the number of (tag, change) pairs that touch); the text is
 * never read. Throws a RangeError for a change with a negative or reversed range, or overlapping changes.
 */
export function applyChanges(tags: Tag[], changes: readonly TextChange[]): Tag[] {
  if (changes.length === 0) return [];
  const ch = prepare(changes);
  const cum = prefixDeltas(ch);
  const changed: Tag[] = [];
  const n = ch.length;
  const first = ch[0];
  const lastEnd = ch[n - 1].end;
  const total = cum[n];
  for (let t = 0; t < tags.length; t++) {
    const tag = tags[t];
    const orphaned = tag.anchor.state === 'orphaned';
    const s0 = tag.start;
    const e0 = orphaned ? s0 : Math.max(s0, tag.end);
    // Changes [lo, hi) touch the closed range [s0, e0]; those before lo end before s0 and only shift the tag;
    // those from hi on start after e0 and cannot reach it. Tags before the first change or after the last one,
    // the common case when typing, skip the searches.
    let lo: number;
    let hi: number;
    if (e0 < first.start && tag.end === e0) {
      continue;
    } else if (s0 > lastEnd) {
      lo = hi = n;
    } else {
      lo = firstEndingAtOrAfter(ch, s0);
      hi = lo < n && ch[lo].start <= e0 ? firstStartingAfter(ch, e0) : lo;
    }
    let s = s0;
    let e = e0;
    let nowOrphaned = orphaned;
    // From the last change to the first: positions below the current change are still in pre-event coordinates.
    for (let i = hi - 1; i >= lo; i--) {
      const c = ch[i];
      if (s === e) {
        // A point (orphaned or empty tag).
        if (c.end <= s) s = e = s + c.delta;
        else if (c.start < s) s = e = c.start;
      } else if (c.end <= s) {
        s += c.delta;
        e += c.delta;
      } else if (c.start < e) {
        if (c.start <= s && c.end >= e) {
          s = e = c.start;
          nowOrphaned = true;
        } else {
          const ns = c.start <= s ? c.start + c.len : s;
          e = c.end >= e ? c.start : e + c.delta;
          s = ns;
        }
      }
    }
    const shift = lo === n ? total : cum[lo];
    s += shift;
    e += shift;
    if (s !== tag.start || e !== tag.end || nowOrphaned !== orphaned) {
      tag.start = s;
      tag.end = e;
      if (nowOrphaned && !orphaned) tag.anchor = { state: 'orphaned' };
      changed.push(tag);
    }
  }
  return changed;
}

/** How many characters of context on each side must agree, at most, to break ties between occurrences. */
const CONTEXT_CHARS = 32;

/** Occurrences of `quote` in text[lo, hi), as start offsets into `text`. */
function occurrences(text: string, quote: string, lo: number, hi: number): number[] {
  const out: number[] = [];
  if (quote.length === 0 || hi - lo < quote.length) return out;
  const window = text.slice(lo, hi);
  for (let i = window.indexOf(quote); i !== -1; i = window.indexOf(quote, i + 1)) out.push(lo + i);
  return out;
}

/**
 * After an undo/redo event, once {@link applyChanges} has moved the tags: for tags touched by the changes, tries to
 * restore each to an earlier extent recorded in `history` (previous quotes of that tag, most recent first) by
 * looking for that quote in a small window of `text` (the text after the event) around the change; orphaned tags
 * whose quote reappears are re-anchored. An anchored tag is only widened (the earlier quote must contain its
 * current extent and reach into the changed text); an orphaned one takes the occurrence that reaches into the
 * changed text with the best-matching prefix/suffix, then the nearest. Returns the tags it changed.
 *
 * Cheap: for each touched tag it searches only the changed text plus the length of the quote on either side.
 * Also usable after any event that may bring a tag's text back (a paste of the same text, a reload).
 */
export function healAfterUndo(
  text: string,
  tags: Tag[],
  changes: readonly TextChange[],
  history: (tag: Tag) => readonly string[],
): Tag[] {
  if (changes.length === 0) return [];
  const ch = prepare(changes);
  const cum = prefixDeltas(ch);
  // The changed ranges in post-event coordinates, ascending and disjoint.
  const nStart = ch.map((c, i) => c.start + cum[i]);
  const nEnd = ch.map((c, i) => c.start + cum[i] + c.len);
  const healed: Tag[] = [];
  for (const tag of tags) {
    const orphaned = tag.anchor.state === 'orphaned';
    const s = tag.start;
    const e = orphaned ? s : Math.max(s, tag.end);
    // Changed ranges touching [s, e] (closed): the first ending at or after s, while they start at or before e.
    let lo = 0;
    let hi = ch.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (nEnd[mid] >= s) hi = mid;
      else lo = mid + 1;
    }
    if (lo >= ch.length || nStart[lo] > e) continue;
    let last = lo;
    while (last + 1 < ch.length && nStart[last + 1] <= e) last++;
    const regionLo = nStart[lo];
    const regionHi = nEnd[last];
    const current = orphaned ? '' : text.slice(s, e);
    const quotes = orphaned ? [tag.quote, ...history(tag)] : history(tag);
    const seen = new Set<string>();
    for (const quote of quotes) {
      if (!quote || seen.has(quote) || quote === current || quote.length < e - s) continue;
      seen.add(quote);
      const winLo = Math.max(0, Math.min(regionLo, s) - quote.length);
      const winHi = Math.min(text.length, Math.max(regionHi, e) + quote.length);
      let best = -1;
      let bestContext = -1;
      let bestDistance = Infinity;
      for (const o of occurrences(text, quote, winLo, winHi)) {
        const oe = o + quote.length;
        if (oe < regionLo || o > regionHi) continue; // must reach into the changed text
        if (!orphaned && !(o <= s && oe >= e)) continue; // an anchored tag only grows back
        const context = commonBefore(text, o, tag.prefix.slice(-CONTEXT_CHARS)) + commonAfter(text, oe, tag.suffix.slice(0, CONTEXT_CHARS));
        const distance = Math.abs(o - s);
        if (context > bestContext || (context === bestContext && distance < bestDistance)) {
          best = o;
          bestContext = context;
          bestDistance = distance;
        }
      }
      if (best >= 0) {
        tag.start = best;
        tag.end = best + quote.length;
        tag.quote = quote;
        if (orphaned) tag.anchor = { state: 'anchored' };
        healed.push(tag);
        break;
      }
    }
  }
  return healed;
}
