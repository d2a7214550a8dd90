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
