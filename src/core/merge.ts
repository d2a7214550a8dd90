// Three-way merge of a document's tags by id: for the editor when the sidecar changed on disk while it held
// unsaved tag changes, and for the git merge driver (src/core/team/mergeFiles.ts). Nothing is dropped: a
// conflicting edit keeps both versions. A side changed a tag when a person did (its content or its `modified`
// time differ from the base: a re-pin changes only where the tag is, and its time), or when the tag was placed
// again there (orphaned in the base, placed on that side: its text came back). A person's change wins over a
// placement; a person's change on both sides is a conflict.
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

export interface MergeOptions {
  /**
   * Also compare where a tag is (start, end, quote). Only when all three sides refer to the same text: then a
   * changed span is a person's re-pin, not the text moving under it. Default false.
   */
  spans?: boolean;
  /** The id for their version of a conflicting tag (default: a new random id). */
  conflictId?: (ours: Tag, theirs: Tag) => string;
  /**
   * Their placement was made on the very text ours refers to (their file's textHash is our text's): where no person
   * changed a tag on either side, theirs is taken, since ours may only be a re-placement by quote (a reload before a
   * pull's sidecar arrived). Default false.
   */
  theirPlacement?: boolean;
}

export const CONFLICT_LABEL = 'merge-conflict';

/** What a person changes about a tag: positions and quotes follow the text and are not compared. */
function content(t: Tag, spans: boolean): string {
  const { id, kind, note, status, source, cue, labels, links, author, created } = t;
  const who = source ? (isSpanRef(source) ? source.quote : source.text) : null;
  const derived = (t as { derivedFrom?: string[] }).derivedFrom;
  // A string join is much cheaper than JSON.stringify on 10,000-tag sidecars; \u0001 separates list items.
  const parts: unknown[] = [id, kind, note ?? '', status ?? '', who ?? '\u0002', cue?.quote ?? '\u0002', join(labels), join(links), author ?? '', created, join(derived)];
  if (spans) parts.push(t.start, t.end, t.quote, isSpanRef(source) ? `${source.start}:${source.end}` : '', cue ? `${cue.start}:${cue.end}` : '');
  return parts.join('\u0000');
}

function join(list: readonly string[] | undefined): string {
  return list ? list.join('\u0001') + '\u0001' : '';
}

/** How a side changed a tag since the base: not at all, placed again by its text alone, or by a person. */
type Change = 0 | 1 | 2;
const UNCHANGED: Change = 0;
const PLACED: Change = 1;
const PERSON: Change = 2;

function change(base: Tag | undefined, side: Tag | undefined, key: (t: Tag) => string): Change {
  if (!base || !side) return PERSON; // added, or deleted
  // Only people set `modified` (tag, edit, re-pin, resolve, curate); text moves and re-anchoring never do.
  if (key(side) !== key(base) || side.modified !== base.modified) return PERSON;
  return base.anchor.state === 'orphaned' && side.anchor.state !== 'orphaned' ? PLACED : UNCHANGED;
}

/**
 * Both sides made the same change: same content, and the same person's action (same `modified`) or the tag in the
 * same place (by quote and state). The same action placed on two versions of the text (a merge without a base,
 * git's add/add) differs only in its quote or anchor state: that is no conflict.
 */
function sameChange(a: Tag, b: Tag, key: (t: Tag) => string): boolean {
  return key(a) === key(b) && (a.modified === b.modified || (a.quote === b.quote && a.anchor.state === b.anchor.state));
}

export function mergeTags(base: readonly Tag[], ours: readonly Tag[], theirs: readonly Tag[], options: MergeOptions = {}): MergeResult {
  const spans = options.spans ?? false;
  const key = (t: Tag) => content(t, spans);
  const b = new Map(base.map((t) => [t.id, t]));
  const o = new Map(ours.map((t) => [t.id, t]));
  const th = new Map(theirs.map((t) => [t.id, t]));
  const out: Tag[] = [];
  const fromTheirs = new Set<string>();
  const conflicts: MergeConflict[] = [];
  const ids = new Set([...o.keys(), ...th.keys()]);
  const takeTheirs = (t: Tag) => {
    out.push(t);
    fromTheirs.add(t.id);
  };
  for (const id of ids) {
    const bt = b.get(id);
    const ot = o.get(id);
    const tt = th.get(id);
    const oChange = change(bt, ot, key);
    const tChange = change(bt, tt, key);
    if (ot && tt) {
      if (options.theirPlacement && oChange < PERSON && tChange < PERSON) takeTheirs(tt);
      else if (tChange < oChange || tChange === UNCHANGED) out.push(ot);
      else if (oChange < tChange) takeTheirs(tt);
      else if (tChange === PLACED || sameChange(ot, tt, key)) out.push(ot);
      else {
        const copyId = options.conflictId ? options.conflictId(ot, tt) : newTagId();
        out.push(ot);
        // A deterministic copy id may already be here (the same merge done before): keep that one, once.
        if (!ids.has(copyId)) takeTheirs({ ...tt, id: copyId, labels: [...new Set([...(tt.labels ?? []), CONFLICT_LABEL])] });
        conflicts.push({ id, theirsId: copyId });
      }
    } else if (ot) {
      // Missing on disk: deleted there unless it is new here or a person changed it here since.
      if (oChange === PERSON) out.push(ot);
    } else if (tt) {
      // Missing here: we deleted it unless it is new on disk or a person changed it there since.
      if (tChange === PERSON) takeTheirs(tt);
    }
  }
  return { tags: out, fromTheirs, conflicts };
}
