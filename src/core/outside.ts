// Changes that did not come from typing: a file reloaded after a change on disk (git pull, checkout, another
// editor), a revert, another extension's edit replacing much of the text. VS Code delivers a reload as an ordinary
// content change: the lines between the common prefix and suffix lines replaced as one block. Edit tracking alone
// would orphan every tag inside that block although most of their text is still there, so the tags such a change
// would orphan or cut are placed again by their quotes:
//   - for an outside change, by the layered re-anchoring of src/core/anchor (exact near, approximate, anywhere),
//     exactly as for a file changed while closed, starting from where the tag should be in the new text; tags
//     orphaned already are tried again too;
//   - for any other change (typing, paste), only by the exact quote inside the text the change inserted (the
//     tag's text came back, e.g. pasted over itself): a keystroke never inserts a whole quote by accident, and
//     anything else is left to edit tracking (trimmed or orphaned).
// Tags the change does not touch keep the exact placement edit tracking gives them.
import { reanchor, applyAnchorResults, ReanchorOptions } from './anchor';
import { TextChange, applyChanges } from './edits';
import { Anchor, Tag } from './model';
import { quoteAt } from './tags';
import { commonAfter, commonBefore } from './textCompare';

/** How far (characters of prefix/suffix) context is compared to choose between occurrences in inserted text. */
const CONTEXT_CHARS = 32;
/** A replacement at least this long on both sides (or half of a short text) is treated as coming from outside. */
export const BULK_CHARS = 256;

/**
 * Tags (not orphaned, not empty) that edit tracking would orphan or cut: a change removes all of their text, or
 * removes text across one of their edges. Replacements strictly inside a tag and insertions never touch it.
 * Cost: O(tags · log changes).
 */
export function touchedBy(tags: readonly Tag[], changes: readonly TextChange[]): Tag[] {
  const removals = changes.filter((c) => c.end > c.start).sort((a, b) => a.start - b.start);
  if (!removals.length) return [];
  const out: Tag[] = [];
  for (const tag of tags) {
    const s = tag.start;
    const e = tag.end;
    if (tag.anchor.state === 'orphaned' || e <= s) continue;
    // First removal ending after s; removals are disjoint, so their ends ascend too.
    let lo = 0;
    let hi = removals.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (removals[mid].end > s) hi = mid;
      else lo = mid + 1;
    }
    for (let i = lo; i < removals.length && removals[i].start < e; i++) {
      const c = removals[i];
      const covers = c.start <= s && c.end >= e;
      const acrossEdge = (c.start < s && s < c.end) || (c.start < e && e < c.end) || (c.start === s && c.end < e) || (c.end === e && c.start > s);
      if (covers || acrossEdge) {
        out.push(tag);
        break;
      }
    }
  }
  return out;
}

/**
 * Whether an event looks like a replacement of much of the text (another extension's WorkspaceEdit, a paste over
 * everything): some change both removes and inserts at least BULK_CHARS characters, or half of a shorter text.
 */
export function isBulkReplacement(changes: readonly TextChange[], oldLength: number): boolean {
  const min = Math.max(1, Math.min(BULK_CHARS, Math.floor(oldLength / 2)));
  return changes.some((c) => c.end - c.start >= min && c.text.length >= min);
}

/**
 * Whether every change that removes text is a block of whole lines as VS Code delivers a reload (from a line start
 * or a line end to a line start or a line end), judged on `text`, the text after the event. A keystroke that
 * removes text inside a line (backspace, typing over a selection) is not.
 */
export function isLineBlock(text: string, changes: readonly TextChange[]): boolean {
  const sorted = [...changes].sort((a, b) => a.start - b.start || a.end - b.end);
  const atBoundary = (p: number) => p <= 0 || p >= text.length || text[p - 1] === '\n' || text[p] === '\n' || text[p] === '\r';
  let shift = 0;
  let removes = false;
  for (const c of sorted) {
    const ns = c.start + shift;
    const ne = ns + c.text.length;
    if (c.end > c.start) {
      removes = true;
      if (!atBoundary(ns) || !atBoundary(ne)) return false;
    }
    shift += c.text.length - (c.end - c.start);
  }
  return removes;
}

/** The one change that turns `oldText` into `newText`: the block between their common prefix and suffix. */
export function diffBlock(oldText: string, newText: string): TextChange | undefined {
  if (oldText === newText) return undefined;
  const max = Math.min(oldText.length, newText.length);
  let p = 0;
  while (p < max && oldText.charCodeAt(p) === newText.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && oldText.charCodeAt(oldText.length - 1 - s) === newText.charCodeAt(newText.length - 1 - s)) s++;
  return { start: p, end: oldText.length - s, text: newText.slice(p, newText.length - s) };
}

/** Where a position of the old text lands in the new one: exact outside the changes, same offset into a changed block (clamped). */
export function mapIntoNew(pos: number, changes: readonly TextChange[]): number {
  const sorted = [...changes].sort((a, b) => a.start - b.start || a.end - b.end);
  let shift = 0;
  for (const c of sorted) {
    if (pos < c.start) break;
    // A character at an insertion point follows what was inserted before it.
    if (c.end === c.start) {
      shift += c.text.length;
      continue;
    }
    if (pos < c.end) return c.start + shift + Math.min(pos - c.start, c.text.length);
    shift += c.text.length - (c.end - c.start);
  }
  return pos + shift;
}

/** The inserted text of each change, as ranges of the new text, ascending. */
function insertedRanges(changes: readonly TextChange[]): Array<[number, number]> {
  const sorted = [...changes].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Array<[number, number]> = [];
  let shift = 0;
  for (const c of sorted) {
    if (c.text.length) out.push([c.start + shift, c.start + shift + c.text.length]);
    shift += c.text.length - (c.end - c.start);
  }
  return out;
}

/**
 * The best exact occurrence of `quote` in `text` that reaches into one of the inserted ranges: most agreeing
 * context first, then nearest to `expected`. Undefined when there is none.
 */
export function findInInserted(text: string, quote: string, prefix: string, suffix: string, inserted: ReadonlyArray<[number, number]>, expected: number): number | undefined {
  if (!quote) return undefined;
  let best: number | undefined;
  let bestContext = -1;
  let bestDistance = Infinity;
  const seen = new Set<number>();
  for (const [lo, hi] of inserted) {
    const winLo = Math.max(0, lo - quote.length + 1);
    const winHi = Math.min(text.length, hi + quote.length - 1);
    for (let at = text.indexOf(quote, winLo); at !== -1 && at + quote.length <= winHi; at = text.indexOf(quote, at + 1)) {
      if (seen.has(at) || at + quote.length <= lo || at >= hi) continue;
      seen.add(at);
      const context = commonBefore(text, at, prefix.slice(-CONTEXT_CHARS)) + commonAfter(text, at + quote.length, suffix.slice(0, CONTEXT_CHARS));
      const distance = Math.abs(at - expected);
      if (context > bestContext || (context === bestContext && distance < bestDistance)) {
        best = at;
        bestContext = context;
        bestDistance = distance;
      }
    }
  }
  return best;
}

export type OutsideOutcome = 'moved' | 'fuzzy' | 'orphaned' | 'recovered';

export interface ReconcileResult {
  /** Every tag whose start, end, quote or anchor state changed (edit tracking included). */
  changed: Tag[];
  /** Tags placed again by quote, by what happened to them (tags that kept their text and place are not listed). */
  outcomes: Map<Tag, OutsideOutcome>;
}

export interface ReconcileOptions extends ReanchorOptions {
  /**
   * `outside`: tags the change would orphan or cut, and tags orphaned before, go through the layered re-anchoring
   * when their quote is not in the inserted text. `typing`: only the inserted text is looked at; anything else is
   * left to edit tracking (trimmed or orphaned).
   */
  mode: 'typing' | 'outside';
}

/**
 * Applies one change event (pre-event coordinates, as for {@link applyChanges}) to `tags` in place, `text` being
 * the text after it (or a function reading it, called only when a tag needs placing), placing by quote the tags the event would otherwise orphan or cut (see the file header).
 * Quotes, prefixes and suffixes of tags placed again are read from `text`; other tags' quotes are left to the
 * caller, as with applyChanges.
 */
export function reconcileChange(text: string | (() => string), tags: Tag[], changes: readonly TextChange[], options: ReconcileOptions): ReconcileResult {
  const outside = options.mode === 'outside';
  const touched = new Set(touchedBy(tags, changes));
  const retried = new Set(outside ? tags.filter((t) => t.anchor.state === 'orphaned') : []);
  // Only the tags that may be placed again are remembered: typing costs no copy of every tag.
  const before = new Map<Tag, { start: number; end: number; quote: string; anchor: Anchor }>();
  for (const t of [...touched, ...retried]) before.set(t, { start: t.start, end: t.end, quote: t.quote, anchor: { ...t.anchor } });
  const changed = new Set(applyChanges(tags, changes));
  const outcomes = new Map<Tag, OutsideOutcome>();
  if (!touched.size && !retried.size) return { changed: [...changed], outcomes };
  // The text is read only when a tag needs placing: typing elsewhere never reads it.
  if (typeof text === 'function') text = text();

  const inserted = outside ? [] : insertedRanges(changes);
  const pending: Tag[] = [];
  const placed: Tag[] = [];
  for (const tag of [...touched, ...retried]) {
    const old = before.get(tag)!;
    const expected = mapIntoNew(old.start, changes);
    if (outside) {
      // Back to its old extent where it should be now, and its old state: the re-anchoring starts from there.
      Object.assign(tag, { start: expected, end: old.anchor.state === 'orphaned' ? expected : expected + old.quote.length, quote: old.quote, anchor: old.anchor });
      pending.push(tag);
      continue;
    }
    const at = inserted.length ? findInInserted(text, old.quote, tag.prefix, tag.suffix, inserted, expected) : undefined;
    if (at === undefined) continue;
    Object.assign(tag, { start: at, end: at + old.quote.length, ...quoteAt(text, at, at + old.quote.length) });
    tag.anchor = old.anchor;
    changed.add(tag);
    placed.push(tag);
  }
  if (pending.length) {
    applyAnchorResults(text, pending, reanchor(text, pending, options));
    for (const tag of pending) {
      // A fuzzy tag whose text is found unchanged stays as sure as it was.
      const old = before.get(tag)!;
      if (old.anchor.state === 'fuzzy' && tag.anchor.state === 'anchored' && tag.quote === old.quote) tag.anchor = old.anchor;
      changed.add(tag);
    }
  }
  // Tags left to edit tracking (typing that cut or removed them) are no news.
  for (const tag of [...placed, ...pending]) {
    const outcome = outcomeOf(before.get(tag)!, tag);
    if (outcome) outcomes.set(tag, outcome);
  }
  return { changed: [...changed], outcomes };
}

/** What happened to a tag the change would have orphaned or cut (or an orphan tried again). */
function outcomeOf(old: { start: number; end: number; quote: string; anchor: Anchor }, tag: Tag): OutsideOutcome | undefined {
  const was = old.anchor.state;
  const now = tag.anchor.state;
  if (now === 'orphaned') return was === 'orphaned' ? undefined : 'orphaned';
  if (was === 'orphaned') return 'recovered';
  if (now === 'fuzzy' && (was !== 'fuzzy' || tag.quote !== old.quote)) return 'fuzzy';
  return 'moved';
}

/** One line saying what an outside change did to the tags, or undefined when nothing worth telling happened. */
export function describeOutcomes(outcomes: ReadonlyMap<Tag, OutsideOutcome>, removed = 0): string | undefined {
  const n = { moved: 0, fuzzy: 0, orphaned: 0, recovered: 0 };
  for (const o of outcomes.values()) n[o]++;
  const parts: string[] = [];
  if (n.moved) parts.push(`${n.moved} ${plural(n.moved, 'tag')} found again`);
  if (n.recovered) parts.push(`${n.recovered} orphaned ${plural(n.recovered, 'tag')} found again`);
  if (n.fuzzy) parts.push(`${n.fuzzy} placed approximately`);
  if (n.orphaned) parts.push(`${n.orphaned} not found (orphaned, kept)`);
  if (removed) parts.push(`${removed} ${plural(removed, 'tag')} on text never saved removed`);
  return parts.length ? parts.join(', ') : undefined;
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}
