// The git merge driver's core: three sidecar texts in, one merged sidecar text out (or a reason not to merge).
// Tags merge by id (../merge.ts). A tag edited on both branches keeps both versions: ours under its id, theirs as
// a second tag labelled `merge-conflict` whose id is derived from its content (the same merge done twice, as in a
// rebase, gives the same file), and the pair is listed in `conflicts`. Unreadable, foreign or newer-version input
// is refused, so git reports a conflict and keeps every side in the index.
import { sha256Hex } from '../hash';
import { mergeTags } from '../merge';
import { Dismissal, SIDECAR_VERSION, Tag } from '../model';
import { parseSidecar } from '../sidecar/format';
import { serializeTeamSidecar } from './serialize';
import { ConflictEntry, TeamSidecar } from './types';

export type MergeSide = 'base' | 'ours' | 'theirs';

export type MergeFilesResult =
  | { ok: true; text: string; tags: number; conflicts: ConflictEntry[]; textChanged: boolean }
  | { ok: false; side: MergeSide; message: string; line?: number; column?: number };

/** `base` may be empty (the file was added on both branches). */
export function mergeSidecarTexts(base: string, ours: string, theirs: string): MergeFilesResult {
  const sides: Partial<Record<MergeSide, TeamSidecar>> = {};
  for (const [side, raw] of [['base', base], ['ours', ours], ['theirs', theirs]] as const) {
    if (side === 'base' && !raw.trim()) continue;
    const read = parseSidecar(raw);
    if (!read.ok) return { ok: false, side, message: read.error.message, line: read.error.line, column: read.error.column };
    if (read.readOnly || read.sidecar.version > SIDECAR_VERSION) {
      return { ok: false, side, message: `The sidecar has format version ${read.sidecar.version}; this version of Claim Tagger merges up to ${SIDECAR_VERSION}.` };
    }
    sides[side] = read.sidecar as TeamSidecar;
  }
  const b = sides.base;
  const o = sides.ours!;
  const t = sides.theirs!;
  // Same text on every side: a changed span is a re-pin and counts as an edit.
  const sameText = o.textHash === t.textHash && (!b || b.textHash === o.textHash);
  const merged = mergeTags(b?.tags ?? [], o.tags, t.tags, { spans: sameText, conflictId: conflictCopyId });
  const ids = new Set(merged.tags.map((x) => x.id));
  const conflicts: ConflictEntry[] = [...(o.conflicts ?? []), ...(t.conflicts ?? []), ...merged.conflicts.map((c) => ({ id: c.id, otherId: c.theirsId }))]
    .filter((c) => ids.has(c.id) && ids.has(c.otherId));
  const result: TeamSidecar = {
    format: o.format,
    version: SIDECAR_VERSION,
    document: o.document,
    // Offsets from the two sides refer to different texts: a hash no text has makes every reader re-anchor by
    // quote (exact at the old place first), instead of trusting one side's offsets.
    textHash: o.textHash === t.textHash ? o.textHash : 'sha256:' + sha256Hex(`claim-tagger merge\0${o.textHash}\0${t.textHash}`),
    tags: merged.tags,
    conflicts,
  };
  const dismissed = mergeDismissals(b?.dismissed ?? [], o.dismissed ?? [], t.dismissed ?? []);
  if (dismissed.length) result.dismissed = dismissed;
  return { ok: true, text: serializeTeamSidecar(result), tags: merged.tags.length, conflicts, textChanged: o.textHash !== t.textHash };
}

/** A UUID-shaped id from the tag's id and their version's content: stable across repeated merges. */
export function conflictCopyId(_ours: Tag, theirs: Tag): string {
  const h = sha256Hex(`claim-tagger conflict\0${JSON.stringify(theirs)}`);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function mergeDismissals(base: Dismissal[], ours: Dismissal[], theirs: Dismissal[]): Dismissal[] {
  const key = (d: Dismissal) => JSON.stringify([d.rule, d.term, d.start ?? null, d.end ?? null]);
  const b = new Set(base.map(key));
  const o = new Map(ours.map((d) => [key(d), d]));
  const t = new Map(theirs.map((d) => [key(d), d]));
  const out = new Map<string, Dismissal>();
  // Kept unless one side took back a dismissal the base had.
  for (const [k, d] of [...o, ...t]) if (!(b.has(k) && (!o.has(k) || !t.has(k)))) out.set(k, d);
  return [...out.values()];
}
