// Three-way merge of a document's tags by id, for when the sidecar changed on disk while the editor
// held unsaved tag changes. Nothing is dropped: a conflicting edit keeps both versions.
import { Tag, isSpanRef } from './model';
import { newTagId } from './tags';

export interface MergeConflict {
  /** The id kept for our version. */
  id: string;
  /** The id given to their version, kept beside ours. */
  theirsId: string;
}

export interface MergeResult {
  tags: Tag[];
  /** Ids of tags whose positions refer to the other side's text (re-anchor them). */
  fromTheirs: Set<string>;
  conflicts: MergeConflict[];
}

export const CONFLICT_LABEL = 'merge-conflict';

/** What a person changes about a tag: positions and quotes follow the text and are not compared. */
function content(t: Tag): string {
  const { id, kind, note, status, source, cue, labels, links, author, created } = t;
  const who = source ? (isSpanRef(source) ? source.quote : source.text) : null;
  return JSON.stringify([id, kind, note ?? '', status ?? '', who, cue?.quote ?? null, labels ?? [], links ?? [], author ?? '', created]);
}

export function mergeTags(base: readonly Tag[], ours: readonly Tag[], theirs: readonly Tag[]): MergeResult {
  const b = new Map(base.map((t) => [t.id, t]));
  const o = new Map(ours.map((t) => [t.id, t]));
  const th = new Map(theirs.map((t) => [t.id, t]));
  const out: Tag[] = [];
  const fromTheirs = new Set<string>();
  const conflicts: MergeConflict[] = [];
  const ids = new Set([...o.keys(), ...th.keys()]);
  for (const id of ids) {
    const bt = b.get(id);
    const ot = o.get(id);
    const tt = th.get(id);
    const oChanged = !bt || !ot || content(ot) !== content(bt);
    const tChanged = !bt || !tt || content(tt) !== content(bt);
    if (ot && tt) {
      if (!tChanged || content(ot) === content(tt)) out.push(ot);
      else if (!oChanged) {
        out.push(tt);
        fromTheirs.add(id);
      } else {
        const copy: Tag = { ...tt, id: newTagId(), labels: [...new Set([...(tt.labels ?? []), CONFLICT_LABEL])] };
        out.push(ot, copy);
        fromTheirs.add(copy.id);
        conflicts.push({ id, theirsId: copy.id });
      }
    } else if (ot) {
      // Missing on disk: deleted there unless it is new here or we changed it since.
      if (!bt || oChanged) out.push(ot);
    } else if (tt) {
      // Missing here: we deleted it unless it is new on disk or they changed it since.
      if (!bt || tChanged) {
        out.push(tt);
        fromTheirs.add(id);
      }
    }
  }
  return { tags: out, fromTheirs, conflicts };
}
