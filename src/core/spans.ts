// Keeping plain spans (suggestions, dismissals) in step with edits: spans after a change shift, spans a
// change reaches into are dropped (suggestions are recomputed), spans before it stay. Changes are non-overlapping,
// in pre-event coordinates (VS Code's contentChanges).
import { TextChange } from './edits';

export interface Span {
  start: number;
  end: number;
}

/** The spans no change reached into, shifted by the changes before them. An insertion at a span's edge leaves it intact. */
export function shiftSpans<T extends Span>(spans: readonly T[], changes: readonly TextChange[]): T[] {
  if (!changes.length) return [...spans];
  const sorted = [...changes].sort((a, b) => a.start - b.start);
  const out: T[] = [];
  for (const s of spans) {
    let delta = 0;
    let touched = false;
    for (const c of sorted) {
      if (c.end <= s.start) delta += c.text.length - (c.end - c.start);
      else if (c.start >= s.end) break;
      else {
        touched = true;
        break;
      }
    }
    if (!touched) out.push(delta ? { ...s, start: s.start + delta, end: s.end + delta } : s);
  }
  return out;
}

/**
 * Maps a span that must not be dropped (an attribution's source or cue) through the changes: positions
 * after a change shift, positions inside a replaced range move to its edge. Returns the same object when
 * nothing moved.
 */
export function mapSpan<T extends Span>(span: T, changes: readonly TextChange[]): T {
  const map = (pos: number, isEnd: boolean) => {
    let delta = 0;
    for (const c of changes) {
      if (c.end < pos || (c.end === pos && (c.start < c.end || !isEnd))) delta += c.text.length - (c.end - c.start);
      else if (c.start < pos) delta += c.start - pos + (isEnd ? 0 : c.text.length); // inside a replaced range
    }
    return pos + delta;
  };
  const start = map(span.start, false);
  const end = Math.max(start, map(span.end, true));
  return start === span.start && end === span.end ? span : { ...span, start, end };
}

/** Where `quote` now is, nearest to `near` within `radius`; undefined when it is gone. */
export function findNear(text: string, quote: string, near: number, radius = 2000): number | undefined {
  if (!quote) return undefined;
  const lo = Math.max(0, near - radius);
  const hi = Math.min(text.length, near + radius + quote.length);
  let best: number | undefined;
  for (let i = text.indexOf(quote, lo); i !== -1 && i + quote.length <= hi; i = text.indexOf(quote, i + 1)) {
    if (best === undefined || Math.abs(i - near) < Math.abs(best - near)) best = i;
  }
  return best;
}
