// The tags of one document as the editor holds them, with what is needed to save them safely:
// the last version read from or written to disk (for merges and for recognising our own writes).
import * as vscode from 'vscode';
import { Dismissal, Tag } from '../core/model';
import { SidecarError } from '../core/sidecar/format';
import { ConflictEntry } from '../core/team/types';

/**
 * - `ok`: tags are read and written normally;
 * - `broken`: the sidecar could not be read (invalid JSON, schema, foreign file): it is never written,
 *   and tagging this document is disabled until the file is fixed;
 * - `readOnly`: written by a newer version: shown, never written.
 */
export type DocumentTagState = 'ok' | 'broken' | 'readOnly';

export class DocumentTags {
  tags: Tag[] = [];
  dismissed: Dismissal[] = [];
  /** Merge conflicts listed in the sidecar (pairs of versions of one tag), kept until resolved. */
  conflicts: ConflictEntry[] = [];
  state: DocumentTagState = 'ok';
  error: SidecarError | undefined;
  warnings: string[] = [];
  /** Tags as last read from or written to the sidecar: the base of a three-way merge. */
  base: Tag[] = [];
  /** Dismissals as last read from or written to the sidecar: the base of their three-way merge. */
  baseDismissed: Dismissal[] = [];
  /** Exact content of the sidecar as we last read or wrote it; a watcher event with this content is our own. */
  lastDiskContent: string | undefined;
  /** User changes (add, remove, edit) not yet written. */
  dirty = false;
  /** Counts changes (user and edits), so a write can tell whether anything changed while it ran. */
  changes = 0;
  /** When this entry was created (an untitled document's tags go only to a file opened after it). */
  readonly loadedAt = Date.now();
  /** Positions moved by edits since the last write; written when the document is saved. */
  moved = false;
  /**
   * Positions moved by typing in this editor since the last write (a subset of `moved`, which re-placing by quote at
   * a load or a reload also sets): when the sidecar changes on disk, only these are kept over the file's.
   */
  typed = false;
  /** Length of the document text the tag offsets refer to (to recognise whole-document replacements). */
  textLength = 0;
  /** Whether the document had unsaved changes at the last change event (a revert goes from dirty to clean). */
  documentDirty = false;
  /** Ids of tags made while the document had unsaved changes: their text may never reach disk. */
  readonly unsaved = new Set<string>();
  /** Earlier quotes of tags changed by edits, most recent first, to restore extents on undo. */
  private readonly quoteHistory = new Map<string, string[]>();

  constructor(
    public uri: vscode.Uri,
    public sidecarUri: vscode.Uri | undefined,
  ) {}

  get writable(): boolean {
    return this.state === 'ok';
  }

  find(id: string): Tag | undefined {
    return this.tags.find((t) => t.id === id);
  }

  /** Tags whose range contains `offset` (boundaries included), innermost first. */
  at(offset: number): Tag[] {
    return this.tags
      .filter((t) => t.anchor.state !== 'orphaned' && t.start <= offset && offset <= t.end)
      .sort((a, b) => a.end - a.start - (b.end - b.start));
  }

  rememberQuote(tag: Tag, quote: string): void {
    const h = this.quoteHistory.get(tag.id) ?? [];
    if (h[0] !== quote) h.unshift(quote);
    if (h.length > 16) h.length = 16;
    this.quoteHistory.set(tag.id, h);
  }

  history(tag: Tag): readonly string[] {
    return this.quoteHistory.get(tag.id) ?? [];
  }
}

/** Deep copies, kept apart from the live tags (a merge base, what was written, an untitled document's snapshot). */
export function cloneTags(tags: readonly Tag[]): Tag[] {
  return tags.map((t) => structuredClone(t));
}
