// Untitled documents have no sidecar: when one is saved as a file (which empties or closes the untitled
// document, and opens the file, in either order), its tags are handed over to that file. Save participants
// (final newline, trimmed whitespace, format on save) may change the text on the way, so the tags are placed on
// the saved text by their quotes, as any load does. A snapshot no file adopts in time goes to the log, never
// silently away.
import * as vscode from 'vscode';
import { applyAnchorResults, reanchor } from '../core/anchor';
import { sha256Hex } from '../core/hash';
import { SIDECAR_FORMAT, SIDECAR_VERSION, Tag } from '../core/model';
import { serializeSidecar } from '../core/sidecar/format';
import { baseName } from '../core/sidecar/paths';
import { log } from '../util/log';
import { DocumentTags, cloneTags } from './documentTags';
import { StoreMessages } from './storeEvents';

/** How long an untitled document's tags wait for the file it is saved as. */
const KEEP_MS = 30_000;
/**
 * A file at another path than the untitled document's (Save As) takes its tags only when opened this close to the
 * moment the untitled document was emptied or closed.
 */
const NEAR_MS = 5_000;

interface UntitledSnapshot {
  tags: Tag[];
  /** The untitled document's path (an untitled document with an associated file path keeps it when saved). */
  path: string;
  /** When the untitled document's tags were first loaded. */
  since: number;
  /** When the untitled document was emptied (saved) or closed. */
  keptAt: number;
  timer?: ReturnType<typeof setTimeout>;
}

export class UntitledHandOver {
  /** Tags of untitled documents just saved or closed: adopted by the file they were saved as. */
  private snapshots: UntitledSnapshot[] = [];
  /** Files that took a snapshot: they take no other by time alone (two untitled documents with one text). */
  private readonly heirs = new WeakSet<DocumentTags>();

  /**
   * `opened`: the store's entry for a document, if loaded. `adopted`: called for a file that took tags over
   * after it was loaded (to save them and tell listeners). `messages`: tells the user about tags no file took.
   */
  constructor(
    private readonly opened: (uri: vscode.Uri) => DocumentTags | undefined,
    private readonly adopted: (doc: DocumentTags) => void,
    private readonly messages?: StoreMessages,
  ) {}

  /**
   * Keeps an untitled document's tags for a moment, for the file it is being saved as. The text length is no
   * longer needed (the tags are placed on the saved text by their quotes); the parameter stays for the callers.
   */
  keep(from: DocumentTags, tags: readonly Tag[], _textLength: number): void {
    if (!tags.some((t) => t.anchor.state !== 'orphaned')) return;
    // The same document emptied on saving, then closed: one snapshot, the latest.
    this.discard(this.snapshots.filter((u) => u.path === from.uri.path && u.since === from.loadedAt));
    const snap: UntitledSnapshot = { tags: cloneTags(tags), path: from.uri.path, since: from.loadedAt, keptAt: Date.now() };
    snap.timer = setTimeout(() => this.expire(snap), KEEP_MS);
    this.snapshots.push(snap);
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
   * Gives a file the tags of the untitled document it was saved from, placed on its text by their quotes, beside
   * any tags it has (their ids are new). The snapshot at the file's own path first, else the most recent one whose
   * every live tag is found in the text. `notify`: the file was loaded already (else loading it saves and
   * announces the tags).
   */
  adopt(doc: DocumentTags, text: string, notify: boolean): boolean {
    if (!doc.sidecarUri || !doc.writable || !this.snapshots.length) return false;
    const own = this.snapshots.filter((u) => u.path === doc.uri.path);
    const placed = own.length ? this.placeOwn(own, text) : this.placeByTime(doc, text);
    if (!placed) return false;
    this.discard([placed.snap]);
    this.heirs.add(doc);
    const known = new Set(doc.tags.map((t) => t.id));
    doc.tags = [...doc.tags, ...placed.tags.filter((t) => !known.has(t.id))];
    doc.dirty = true;
    if (notify) this.adopted(doc);
    return true;
  }

  /** The untitled document's own file: the latest snapshot, when any of its tags is found in the text. */
  private placeOwn(own: UntitledSnapshot[], text: string): { snap: UntitledSnapshot; tags: Tag[] } | undefined {
    const snap = own.reduce((a, b) => (b.keptAt >= a.keptAt ? b : a));
    const tags = placeOn(text, snap.tags);
    // None found: not the text it was saved with (closed without saving, another file since written there).
    return tags.some((t) => t.anchor.state !== 'orphaned') ? { snap, tags } : undefined;
  }

  /**
   * Another path (Save As): a file opened after the untitled document and about when it was saved (emptied or
   * closed), holding every one of its live tags exactly (by quote, at most moved by a save participant). An
   * article opened later that only quotes the same passage is no heir: tags are never given to a file on
   * likeness alone.
   */
  private placeByTime(doc: DocumentTags, text: string): { snap: UntitledSnapshot; tags: Tag[] } | undefined {
    if (this.heirs.has(doc)) return undefined;
    // Its own untitled document is still open: this file waits for that one's tags, not another's.
    if (vscode.workspace.textDocuments.some((d) => d.isUntitled && d.uri.path === doc.uri.path)) return undefined;
    const candidates = this.snapshots
      .filter((u) => doc.loadedAt >= u.since && Math.abs(doc.loadedAt - u.keptAt) <= NEAR_MS)
      .sort((a, b) => b.keptAt - a.keptAt);
    for (const snap of candidates) {
      const tags = placeOn(text, snap.tags);
      const lost = tags.some((t, i) => (t.anchor.state === 'orphaned' || t.anchor.state === 'fuzzy') && snap.tags[i].anchor.state !== 'orphaned');
      if (!lost) return { snap, tags };
    }
    return undefined;
  }

  private discard(snaps: readonly UntitledSnapshot[]): void {
    for (const s of snaps) clearTimeout(s.timer);
    this.snapshots = this.snapshots.filter((u) => !snaps.includes(u));
  }

  /**
   * The extension stops (VS Code quits or reloads) while tags wait for their file: no timer outlives it, and the
   * tags still waiting go to the log as expired ones do (no message: the window is closing).
   */
  dispose(): void {
    for (const snap of [...this.snapshots]) {
      clearTimeout(snap.timer);
      this.expire(snap, false);
    }
  }

  /** No file took these tags: they go to the log as the sidecar they make, and the user is told once (`tell`). */
  private expire(snap: UntitledSnapshot, tell = true): void {
    this.snapshots = this.snapshots.filter((u) => u !== snap);
    const name = baseName(snap.path);
    const live = snap.tags.filter((t) => t.anchor.state !== 'orphaned').length;
    // The untitled text is gone: a hash no text has makes a reader place the tags by their quotes.
    const content = serializeSidecar({ format: SIDECAR_FORMAT, version: SIDECAR_VERSION, document: name, textHash: 'sha256:' + sha256Hex(`claim-tagger untitled\0${snap.path}`), tags: snap.tags });
    const line = `Claim Tagger: the ${live} tag(s) of the untitled document ${name} were not given to a file: it was closed without saving, or saved with a text in which they were not found. The sidecar they make is in the Claim Tagger log (Show Log); to restore them, save it beside the saved file as <file name>.tags.json.`;
    log.error(`${line}\nTags of the untitled document ${name}, as a sidecar:\n${content}`);
    if (tell) this.messages?.('warning', line, undefined, 'showLog');
  }
}

/** Copies of the tags, placed on `text` by their quotes (exact at the old place first). */
function placeOn(text: string, tags: readonly Tag[]): Tag[] {
  const copies = cloneTags(tags);
  const live = copies.filter((t) => t.anchor.state !== 'orphaned');
  applyAnchorResults(text, live, reanchor(text, live));
  return copies;
}
