// The editor side of outside changes (src/core/outside.ts does the placing): tells a reload, revert or bulk
// replacement from typing, remembers the placement before each such change so that Undo (and Redo) put the tags
// back exactly, drops tags made on text that never reached disk, and tells the user in one line what moved.
import * as vscode from 'vscode';
import { TextChange } from '../core/edits';
import { Anchor, SourceRef, SpanRef, Tag } from '../core/model';
import { ChangeDecision, decideChange } from '../core/changeMode';
import { diffBlock, reconcileChange } from '../core/outside';
import { refreshQuotes } from '../core/tags';
import { readDiskText } from './diskText';
import { DocumentTags } from './documentTags';

interface Placement {
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
  anchor: Anchor;
  source?: SourceRef;
  cue?: SpanRef;
}

/** The tags' placement on one version of the text (identified by its length and by every placed quote matching). */
interface Snapshot {
  length: number;
  placements: Map<string, Placement>;
  /** Tags present in this version but removed by the change (tags on unsaved text dropped by a revert). */
  removed: Tag[];
}

/** Outside changes remembered per document for Undo/Redo. */
const HISTORY = 8;

export class OutsideChanges {
  private readonly history = new WeakMap<DocumentTags, Array<{ before: Snapshot; after: Snapshot }>>();

  constructor(private readonly tell: (line: string) => void) {}

  /**
   * How a change event is taken (core/changeMode.ts): typing or an outside change, and whether it makes the
   * document the file on disk again (tags on text never saved may go; never on Undo or Redo). `text` reads the
   * document's text, only when needed.
   */
  decide(e: vscode.TextDocumentChangeEvent, changes: readonly TextChange[], oldLength: number, wasDirty: boolean, text: () => string): ChangeDecision {
    const undo = e.reason === vscode.TextDocumentChangeReason.Undo || e.reason === vscode.TextDocumentChangeReason.Redo;
    return decideChange({ changes, oldLength, undo, dirtyAfter: e.document.isDirty, wasDirty, text });
  }

  /** The placement of every tag now, before an outside change of a text of `length` characters. */
  snapshot(doc: DocumentTags, length: number): Snapshot {
    return { length, placements: new Map(doc.tags.map((t) => [t.id, placementOf(t)])), removed: [] };
  }

  /** Remembers an outside change: the placement before it (with the tags it removed) and after it. */
  remember(doc: DocumentTags, before: Snapshot, removed: readonly Tag[]): void {
    before.removed = removed.map((t) => structuredClone(t));
    const after = this.snapshot(doc, doc.textLength);
    const list = this.history.get(doc) ?? [];
    list.unshift({ before, after });
    if (list.length > HISTORY) list.length = HISTORY;
    this.history.set(doc, list);
  }

  /**
   * After an undo or redo: when the text is again a version remembered around an outside change (same length,
   * every placed quote of that version in its place), puts the tags back as they were on it. Returns the tags
   * it changed (empty when no remembered version matches).
   */
  restore(doc: DocumentTags, text: string): Tag[] {
    for (const { before, after } of this.history.get(doc) ?? []) {
      for (const snap of [before, after]) {
        if (snap.length !== text.length || !matches(snap, text)) continue;
        const changed: Tag[] = [];
        for (const tag of doc.tags) {
          const p = snap.placements.get(tag.id);
          if (!p || samePlacement(placementOf(tag), p)) continue;
          Object.assign(tag, structuredClone(p));
          if (!p.source) delete tag.source;
          if (!p.cue) delete tag.cue;
          changed.push(tag);
        }
        const have = new Set(doc.tags.map((t) => t.id));
        for (const t of snap.removed) {
          if (have.has(t.id)) continue;
          const back = structuredClone(t);
          doc.tags.push(back);
          doc.unsaved.add(back.id);
          changed.push(back);
        }
        if (changed.length) this.tell(`Claim Tagger: ${changed.length} ${changed.length === 1 ? 'tag' : 'tags'} back where ${changed.length === 1 ? 'it was' : 'they were'}`);
        return changed;
      }
    }
    return [];
  }

  /**
   * Removes the tags made on text that never reached disk (created while the document had unsaved changes) and
   * not found in the text now on disk; the others are from now on ordinary tags. Returns the removed tags.
   */
  dropUnsaved(doc: DocumentTags): Tag[] {
    if (!doc.unsaved.size) return [];
    const gone = doc.tags.filter((t) => doc.unsaved.has(t.id) && t.anchor.state === 'orphaned');
    if (gone.length) doc.tags = doc.tags.filter((t) => !gone.includes(t));
    doc.unsaved.clear();
    return gone;
  }

  /**
   * For a document closed without saving (its text is not the file's): places the tags on the text on disk, as a
   * revert would, drops tags on text never saved, and returns that text (undefined when nothing differs or the
   * file cannot be read as UTF-8).
   */
  async placeOnDisk(doc: DocumentTags, document: vscode.TextDocument): Promise<string | undefined> {
    // VS Code shows a file with mixed line ends with one kind: compare with what it would show on reopening.
    const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
    const disk = (await readDiskText(document.uri))?.replace(/\r\n|\r|\n/g, eol);
    const change = disk === undefined ? undefined : diffBlock(document.getText(), disk);
    if (!change || disk === undefined) {
      doc.unsaved.clear();
      return undefined;
    }
    reconcileChange(disk, doc.tags, [change], { mode: 'outside' });
    refreshQuotes(disk, doc.tags);
    this.dropUnsaved(doc);
    doc.dirty = true;
    return disk;
  }

  /** One line in the status bar saying what an outside change did, when it did anything worth telling. */
  report(document: vscode.Uri, line: string | undefined): void {
    if (line) this.tell(`Claim Tagger: ${document.path.split('/').pop()} was reloaded or replaced: ${line}`);
  }
}

function placementOf(t: Tag): Placement {
  const p: Placement = { start: t.start, end: t.end, quote: t.quote, prefix: t.prefix, suffix: t.suffix, anchor: structuredClone(t.anchor) };
  if (t.source) p.source = structuredClone(t.source);
  if (t.cue) p.cue = structuredClone(t.cue);
  return p;
}

function samePlacement(a: Placement, b: Placement): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function matches(snap: Snapshot, text: string): boolean {
  for (const p of snap.placements.values()) {
    if (p.anchor.state !== 'orphaned' && text.slice(p.start, p.end) !== p.quote) return false;
  }
  return true;
}
