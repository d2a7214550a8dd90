// Untitled documents have no sidecar: when one is saved as a file (which empties or closes the untitled
// document, and opens the file, in either order), its tags are handed over to that file.
import * as vscode from 'vscode';
import { Tag } from '../core/model';
import { DocumentTags, cloneTags } from './documentTags';

/** How long an untitled document's tags wait for the file it is saved as. */
const KEEP_MS = 30_000;

interface UntitledSnapshot {
  tags: Tag[];
  textLength: number;
  /** The untitled document's path (an untitled document with an associated file path keeps it when saved). */
  path: string;
  /** When the untitled document's tags were first loaded. */
  since: number;
}

export class UntitledHandOver {
  /** Tags of untitled documents just saved or closed: adopted by the file they were saved as. */
  private snapshots: UntitledSnapshot[] = [];

  /**
   * `opened`: the store's entry for a document, if loaded. `adopted`: called for a file that took tags over
   * after it was loaded (to save them and tell listeners).
   */
  constructor(
    private readonly opened: (uri: vscode.Uri) => DocumentTags | undefined,
    private readonly adopted: (doc: DocumentTags) => void,
  ) {}

  /** Keeps an untitled document's tags for a moment, for the file it is being saved as. */
  keep(from: DocumentTags, tags: readonly Tag[], textLength: number): void {
    if (!tags.some((t) => t.anchor.state !== 'orphaned')) return;
    const snap: UntitledSnapshot = { tags: cloneTags(tags), textLength, path: from.uri.path, since: from.loadedAt };
    this.snapshots.push(snap);
    setTimeout(() => (this.snapshots = this.snapshots.filter((u) => u !== snap)), KEEP_MS);
  }

  /** Saving an untitled document opens the file, possibly before the untitled one empties or closes: hand over now. */
  handOver(): void {
    // The file with the untitled document's own path first, then the most recently opened.
    const heirs = vscode.workspace.textDocuments
      .filter((d) => !d.isUntitled && this.opened(d.uri))
      .map((d) => ({ d, tags: this.opened(d.uri)! }))
      .sort((a, b) => Number(this.snapshots.some((u) => u.path === b.d.uri.path)) - Number(this.snapshots.some((u) => u.path === a.d.uri.path)) || b.tags.loadedAt - a.tags.loadedAt);
    for (const { d, tags } of heirs) this.adopt(tags, d.getText(), true);
  }

  /**
   * Gives a file with no sidecar and no tags the tags of the untitled document it was saved from.
   * `notify`: the file was loaded already (else loading it saves and announces the tags).
   */
  adopt(doc: DocumentTags, text: string, notify: boolean): boolean {
    if (doc.lastDiskContent !== undefined || doc.tags.length || !doc.sidecarUri) return false;
    // Only a file opened after the untitled document (or at its own path) can be what it was saved as.
    const snap = this.snapshots.find((u) => (u.path === doc.uri.path || doc.loadedAt >= u.since) && sameText(u, text));
    if (!snap) return false;
    this.snapshots = this.snapshots.filter((u) => u !== snap);
    doc.tags = snap.tags;
    doc.dirty = true;
    if (notify) this.adopted(doc);
    return true;
  }
}

/** Whether `text` is the text these tags were made on: same length, every live tag's quote in place. */
function sameText(snap: UntitledSnapshot, text: string): boolean {
  return text.length === snap.textLength && snap.tags.every((t) => t.anchor.state === 'orphaned' || text.slice(t.start, t.end) === t.quote);
}
