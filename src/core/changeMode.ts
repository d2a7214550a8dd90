// How one change event of an open document is taken: typing (tags move with the edits) or an outside change
// (a reload, revert or bulk replacement: the tags it touched are placed again by quote), and whether the document
// is the file on disk again, so tags made on text that never reached disk may go.
import { TextChange } from './edits';
import { isBulkReplacement, isLineBlock } from './outside';

export type ChangeMode = 'typing' | 'outside';

export interface ChangeFacts {
  changes: readonly TextChange[];
  /** Length of the text before the event. */
  oldLength: number;
  /** The event is an Undo or a Redo. */
  undo: boolean;
  /** Whether the document has unsaved changes as the event reports it (VS Code may report the state from before). */
  dirtyAfter: boolean;
  /** Whether it had unsaved changes at the previous event. */
  wasDirty: boolean;
  /** The text after the event, read only when needed. */
  text: () => string;
}

export interface ChangeDecision {
  mode: ChangeMode;
  /**
   * The document is the file on disk again (a reload or revert): tags made on unsaved text and not found in it
   * are removed. Never after an Undo or Redo: it only brings back an earlier version of the editor's text, and
   * the next keystroke clears the redo stack, so a tag removed then could not come back.
   */
  dropsUnsaved: boolean;
}

/**
 * `outside` for a reload or revert (the document is clean after a change that replaces whole lines), a
 * replacement of the whole text or of a large block (an Undo or Redo of one too: placing by quote finds the tags'
 * text again); `typing` for everything else.
 */
export function decideChange(f: ChangeFacts): ChangeDecision {
  const mode = modeOf(f);
  return { mode, dropsUnsaved: mode === 'outside' && !f.undo && !f.dirtyAfter };
}

function modeOf({ changes, oldLength, undo, dirtyAfter, wasDirty, text }: ChangeFacts): ChangeMode {
  const only = changes.length === 1 ? changes[0] : undefined;
  if (only && only.start === 0 && only.end === oldLength && oldLength > 0) return 'outside';
  if (isBulkReplacement(changes, oldLength)) return 'outside';
  if (undo || dirtyAfter || !changes.some((c) => c.end > c.start)) return 'typing';
  // Dirty before, clean after, not an undo: a revert.
  if (wasDirty) return 'outside';
  // Clean before and after: a reload, or the first keystroke after a save (VS Code reports the dirty state from
  // before the event then). A reload replaces whole lines; lines only deleted orphan the same tags either way.
  return changes.some((c) => c.end > c.start && c.text.length > 0) && isLineBlock(text(), changes) ? 'outside' : 'typing';
}
