// Three-way merge of a sidecar's dismissed suggestions when it changed on disk under unsaved changes: a dismissal
// made on either side is kept, one removed on either side since the version both started from is dropped, so a
// concurrent write never loses a dismissal. Pure (no vscode), unit-tested.
import type { Dismissal } from '../core/model';

/** Identity of a dismissal: rule, term and (for one occurrence) its offsets. */
export function dismissalKey(d: Dismissal): string {
  return d.start === undefined ? `${d.rule}\u0000${d.term}` : `${d.rule}\u0000${d.term}\u0000${d.start}\u0000${d.end}`;
}

/** (ours ∪ theirs) minus what either side removed since `base`; ours first, then theirs' new ones, no duplicates. */
export function mergeDismissed(base: readonly Dismissal[], ours: readonly Dismissal[], theirs: readonly Dismissal[]): Dismissal[] {
  const inBase = new Set(base.map(dismissalKey));
  const inOurs = new Set(ours.map(dismissalKey));
  const inTheirs = new Set(theirs.map(dismissalKey));
  const out: Dismissal[] = [];
  const seen = new Set<string>();
  for (const d of [...ours, ...theirs]) {
    const k = dismissalKey(d);
    if (seen.has(k)) continue;
    seen.add(k);
    if (inBase.has(k) && !(inOurs.has(k) && inTheirs.has(k))) continue; // removed on one side
    out.push({ ...d });
  }
  return out;
}
