// Which suggestions are still shown (not dismissed, not already tagged), and what accepting many of them adds.
// Free of `vscode`, so bench/accept.bench.ts times the same code the editor runs.
import { Dismissal, SpanRef, Tag } from '../core/model';
import { Suggestion, SuggestionKind } from '../core/suggest';

/** Suggestions left after dismissals and existing tags are taken out. */
export function shownSuggestions(all: readonly Suggestion[], tags: readonly Tag[], dismissed: readonly Dismissal[]): Suggestion[] {
  const isDismissed = dismissalIndex(dismissed);
  const isTagged = taggedIndex(tags);
  return all.filter((s) => !isDismissed(s) && !isTagged(s));
}

/** One accepted suggestion: the new tag's range, and for attributions the source and cue found with it. */
export interface AcceptItem {
  kind: SuggestionKind;
  start: number;
  end: number;
  source?: SpanRef;
  cue?: SpanRef;
  /** The shown suggestions this tag accepts (several rules on the same words): each counts as a decision. */
  accepts: Suggestion[];
}

/**
 * The tags accepting every shown suggestion of `kind` adds: one per distinct range (overlapping rules on the
 * same words give one tag), in document order.
 */
export function planAccept(text: string, shown: readonly Suggestion[], kind: SuggestionKind): AcceptItem[] {
  const seen = new Map<string, AcceptItem>();
  const out: AcceptItem[] = [];
  const span = (p: { start: number; end: number }): SpanRef => ({ start: p.start, end: p.end, quote: text.slice(p.start, p.end) });
  for (const s of shown) {
    if (s.kind !== kind) continue;
    const key = `${s.start}:${s.end}`;
    const same = seen.get(key);
    if (same) {
      same.accepts.push(s);
      continue;
    }
    const item: AcceptItem = { kind, start: s.start, end: s.end, accepts: [s] };
    seen.set(key, item);
    if (kind === 'attribution' && s.parts) {
      if (s.parts.source && s.parts.source.end > s.parts.source.start) item.source = span(s.parts.source);
      if (s.parts.cue && s.parts.cue.end > s.parts.cue.start) item.cue = span(s.parts.cue);
    }
    out.push(item);
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Whether a suggestion was dismissed (here, or its term everywhere in the document); O(1) per suggestion. */
export function dismissalIndex(dismissed: readonly Dismissal[]): (s: Suggestion) => boolean {
  if (!dismissed.length) return () => false;
  const keys = new Set(dismissed.map((d) => (d.start === undefined ? `${d.rule}\u0000${d.term}` : `${d.rule}\u0000${d.term}\u0000${d.start}\u0000${d.end}`)));
  return (s) => {
    const term = (s.term ?? s.text).toLowerCase();
    return keys.has(`${s.rule}\u0000${term}`) || keys.has(`${s.rule}\u0000${term}\u0000${s.start}\u0000${s.end}`);
  };
}

/** Whether the editor already tagged a suggestion (a tag of its kind overlaps it); O(log tags) per suggestion. */
export function taggedIndex(tags: readonly Tag[]): (s: Suggestion) => boolean {
  const byKind = new Map<string, { start: number; end: number }[]>();
  for (const t of tags) {
    if (t.anchor.state === 'orphaned') continue;
    const list = byKind.get(t.kind) ?? [];
    list.push({ start: t.start, end: t.end });
    byKind.set(t.kind, list);
  }
  // Per kind: spans sorted by start, with the running maximum end, so one binary search answers "any overlap?".
  const index = new Map<string, { starts: number[]; maxEnd: number[] }>();
  for (const [kind, list] of byKind) {
    list.sort((a, b) => a.start - b.start);
    let max = -1;
    index.set(kind, { starts: list.map((x) => x.start), maxEnd: list.map((x) => (max = Math.max(max, x.end))) });
  }
  return (s) => {
    const ix = index.get(s.kind);
    if (!ix) return false;
    // The last span starting before s.end; an overlap exists if any span up to it ends after s.start.
    let lo = 0;
    let hi = ix.starts.length - 1;
    let last = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (ix.starts[mid] < s.end) {
        last = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return last >= 0 && ix.maxEnd[last] > s.start;
  };
}
