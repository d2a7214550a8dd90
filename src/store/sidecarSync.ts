// Keeps each document's tags in step with its sidecar on disk: reads it on load, merges changes made on disk
// (by tag id, three ways), and writes debounced, one write at a time per document, through SidecarFiles.update
// (under the cross-process lock on the desktop, an optimistic re-check on the web), never over a broken, newer
// or read-only file.
import * as vscode from 'vscode';
import { mergeTags } from '../core/merge';
import { Dismissal, SIDECAR_FORMAT, SIDECAR_VERSION, Tag } from '../core/model';
import { relocateParts } from '../core/relocate';
import { parseSidecar, serializeSidecar } from '../core/sidecar/format';
import { baseName } from '../core/sidecar/paths';
import { refreshQuotes } from '../core/tags';
import { ClaimTaggerConfig } from '../config';
import { tagFileFor } from './blindMode';
import { liveConflicts, mergedConflicts } from './conflicts';
import { mergeDismissed } from './dismissedMerge';
import { DocumentTags, cloneTags } from './documentTags';
import { hasTagState, logUnwrittenAtExit, sidecarFolderGone, tellFolderGone, tellUnwrittenAtClose } from './goneFolder';
import { reanchorAll, reanchorSome } from './placement';
import { SidecarFiles } from './sidecarIO';
import { StoreMessages, TagChangeReason } from './storeEvents';
import { TextHashCache } from './textHashCache';
import { KeyedDebounce } from '../util/debounce';

const SAVE_DELAY_MS = 300;

/** Sidecar content made from a document's tags, and the change count it reflects. */
interface Snapshot {
  content: string;
  tags: Tag[];
  dismissed: Dismissal[];
  seq: number;
}

/** What sidecar sync needs from the store. */
export interface SyncHost {
  config(): ClaimTaggerConfig;
  /** The store's entry for a document (by URI string), if it still holds one. */
  current(key: string): DocumentTags | undefined;
  /** Every entry the store holds (without it, a flush of all logs nothing kept in memory). */
  all?(): DocumentTags[];
  fire(doc: DocumentTags, reason: TagChangeReason): void;
  readonly messages: StoreMessages;
  readonly files: SidecarFiles;
}

export class SidecarSync implements vscode.Disposable {
  private readonly saves = new KeyedDebounce<string>();
  private readonly pendingSaves = new Set<Promise<void>>();
  /** The write in progress per document, so two writes of one sidecar never overlap. */
  private readonly writing = new WeakMap<DocumentTags, Promise<void>>();
  /** textHash per document: hashed once per text, not once per snapshot. */
  private readonly hashes = new TextHashCache<DocumentTags>();
  /** Documents told their folder is gone (goneFolder.ts), so the message comes once. */
  private readonly toldGone = new WeakSet<DocumentTags>();
  /** The content last logged per document kept in memory at a flush of all (so repeated flushes log it once). */
  private readonly loggedAtExit = new WeakMap<DocumentTags, string>();
  /** While above 0, scheduled saves wait (tests make a concurrent change land while tags are unsaved). */
  private held = 0;
  private disposed = false;

  constructor(private readonly host: SyncHost) {}

  /** Holds scheduled saves until the returned disposable is disposed; flush() still writes. */
  holdSaves(): vscode.Disposable {
    this.held++;
    let released = false;
    return { dispose: () => void (released || (released = true, this.held--)) };
  }

  /**
   * A new entry for `document` with its sidecar read and its tags placed on the current text. `found` tells
   * whether a sidecar exists; `text` is the text they were placed on. A document closed meanwhile gets an empty entry.
   */
  async load(document: vscode.TextDocument): Promise<{ doc: DocumentTags; text: string; found: boolean }> {
    const sidecarUri = document.isUntitled ? undefined : tagFileFor(document.uri, this.host.config());
    const doc = new DocumentTags(document.uri, sidecarUri);
    let raw: string | undefined;
    try {
      raw = sidecarUri ? await this.host.files.read(sidecarUri) : undefined;
    } catch (err) {
      doc.state = 'broken';
      doc.error = { kind: 'json', message: `The sidecar cannot be read: ${(err as Error).message}.` };
      this.host.messages('error', `Claim Tagger: ${baseName(sidecarUri!.path)}: ${doc.error.message} Tagging ${baseName(document.uri.path)} is disabled until it can be read.`, doc);
    }
    // The text is read after the sidecar, so edits made meanwhile are not missed.
    const text = document.getText();
    doc.textLength = text.length;
    doc.documentDirty = document.isDirty;
    if (!document.isClosed && raw !== undefined) this.applyDiskContent(doc, raw, text, document);
    return { doc, text, found: raw !== undefined };
  }

  /** Reads sidecar content into `doc` (no merge); reports errors and warnings. */
  private applyDiskContent(doc: DocumentTags, raw: string, text: string, document: vscode.TextDocument): void {
    doc.lastDiskContent = raw;
    const result = parseSidecar(raw, baseName(document.uri.path));
    if (!result.ok) {
      doc.state = 'broken';
      doc.error = result.error;
      this.host.messages('error', `Claim Tagger: ${baseName(doc.sidecarUri!.path)}: ${result.error.message} Tagging ${baseName(document.uri.path)} is disabled until the sidecar is fixed; the file was left untouched.`, doc);
      return;
    }
    doc.state = result.readOnly ? 'readOnly' : 'ok';
    doc.error = undefined;
    doc.warnings = result.warnings;
    doc.tags = result.sidecar.tags;
    doc.dismissed = result.sidecar.dismissed ?? [];
    doc.baseDismissed = doc.dismissed.map((d) => ({ ...d }));
    doc.conflicts = result.sidecar.conflicts ?? [];
    doc.base = cloneTags(doc.tags);
    reanchorAll(doc, text);
    for (const w of result.warnings) this.host.messages('warning', `Claim Tagger: ${w}`, doc);
  }

  /** Takes in a sidecar changed on disk (`raw`: its new content, undefined when deleted) for an open document. */
  diskChanged(doc: DocumentTags, document: vscode.TextDocument, raw: string | undefined): void {
    if (raw === undefined) {
      doc.lastDiskContent = undefined;
      if (doc.state === 'broken') {
        this.brokenDeleted(doc);
        this.host.fire(doc, 'external');
        return;
      }
      if (doc.tags.length) {
        doc.dirty = true;
        // Deleted with the document's folder (goneFolder.ts): not written again until the document is saved.
        void sidecarFolderGone(doc).then((gone) => {
          if (this.disposed || this.host.current(doc.uri.toString()) !== doc) return; // closed or reloaded meanwhile
          if (!gone) this.host.messages('warning', `Claim Tagger: the sidecar of ${baseName(doc.uri.path)} was deleted on disk. Its ${doc.tags.length} tag(s) are kept and will be written again with the next change; delete the tags in the editor to drop them.`, doc);
          else if (!this.toldGone.has(doc)) {
            tellFolderGone(this.host.messages, doc);
            this.toldGone.add(doc);
          }
        });
      }
      return;
    }
    // Positions moved by typing are unsaved changes too: replacing them with the file's would place the old quotes
    // again, and a tag that grew by typing would lose its new words. Positions only re-placed by quote (a load, a
    // reload from disk) are not: the file's own placement, made on its text, is better than our fuzzy one.
    if (doc.dirty || doc.typed) {
      if (this.mergeFromDisk(doc, document, raw)) this.scheduleSave(doc);
    } else {
      const ours = doc.tags;
      this.applyDiskContent(doc, raw, document.getText(), document);
      if (doc.state === 'broken') doc.tags = ours; // keep showing them; nothing is written while the file is broken
      doc.dirty = false;
    }
    this.host.fire(doc, 'external');
  }

  /**
   * The broken sidecar was deleted (as its message asks: fix or remove it): tagging works again, and the tags kept
   * on screen meanwhile (the last good version) are written to a new sidecar now, or when the document is saved if
   * its folder went with it.
   */
  private brokenDeleted(doc: DocumentTags): void {
    doc.state = 'ok';
    doc.error = undefined;
    doc.warnings = [];
    doc.base = [];
    doc.baseDismissed = [];
    if (!hasTagState(doc)) return;
    doc.dirty = true;
    doc.changes++;
    this.scheduleSave(doc);
    const kept = doc.tags.length ? ` The ${doc.tags.length} tag(s) shown in the editor are written to a new sidecar.` : '';
    void sidecarFolderGone(doc).then((gone) => {
      if (this.disposed || this.host.current(doc.uri.toString()) !== doc) return; // closed or reloaded meanwhile
      if (!gone) this.host.messages('info', `Claim Tagger: the broken sidecar of ${baseName(doc.uri.path)} was deleted on disk: tagging works again.${kept}`, doc);
      else if (!this.toldGone.has(doc)) {
        tellFolderGone(this.host.messages, doc);
        this.toldGone.add(doc);
      }
    });
  }

  /**
   * Three-way merge of our unsaved tags with a sidecar changed on disk, by tag id against the version last
   * read. Both versions of a tag edited on both sides are kept. Returns false when the disk version is unusable.
   */
  private mergeFromDisk(doc: DocumentTags, document: vscode.TextDocument, raw: string, text = document.getText()): boolean {
    const ours = doc.tags;
    const oursConflicts = doc.conflicts;
    const oursDismissed = doc.dismissed;
    const base = doc.base;
    const baseDismissed = doc.baseDismissed;
    this.applyDiskContent(doc, raw, text, document);
    if (doc.state !== 'ok') {
      doc.tags = ours;
      doc.conflicts = oursConflicts;
      doc.dismissed = oursDismissed;
      doc.baseDismissed = baseDismissed;
      return false;
    }
    const theirs = doc.tags;
    const merged = mergeTags(base, ours, theirs, { theirPlacement: !doc.typed && writtenFor(raw) === this.hashes.of(doc, text) });
    doc.tags = merged.tags;
    // Dismissals too: replacing ours with the file's list would drop one made since the last write.
    doc.dismissed = mergeDismissed(baseDismissed, oursDismissed, doc.dismissed);
    doc.conflicts = mergedConflicts(oursConflicts, doc.conflicts, merged.conflicts);
    doc.base = cloneTags(theirs);
    doc.dirty = true;
    reanchorSome(doc, text, merged.tags.filter((t) => merged.fromTheirs.has(t.id)));
    if (merged.conflicts.length) {
      this.host.messages('warning', `Claim Tagger: the sidecar of ${baseName(doc.uri.path)} changed on disk while you were tagging. ${merged.conflicts.length} tag(s) were edited on both sides: both versions are kept (the other one is labelled "merge-conflict") and listed under Merge conflicts in the Tags view.`, doc);
    }
    return true;
  }

  // ---- writing ------------------------------------------------------------------------------------

  scheduleSave(doc: DocumentTags, delay = SAVE_DELAY_MS): void {
    if (!doc.sidecarUri || !doc.writable) return;
    const key = doc.uri.toString();
    this.saves.schedule(key, delay, () => {
      if (this.held) return this.scheduleSave(doc, Math.max(delay, SAVE_DELAY_MS)); // no zero-delay spin while held
      if (this.host.current(key) !== doc) return; // reloaded, renamed or deleted meanwhile
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
      if (document) void this.save(doc, document);
    });
  }

  /** Forgets a save still pending for a document (its entry is being dropped). */
  cancel(key: string): void {
    this.saves.cancel(key);
  }

  /**
   * Writes every pending sidecar now, or only that of `uri`; then waits for every write in progress. A flush of
   * all (deactivation: VS Code quitting or reloading; a change of tag file settings) also logs the tags that
   * could not be written since their folder is gone: nothing else keeps them once the entries go.
   */
  async flush(uri?: vscode.Uri): Promise<void> {
    for (const key of this.saves.pendingKeys()) {
      if (uri && key !== uri.toString()) continue;
      this.saves.cancel(key);
      const doc = this.host.current(key);
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
      if (doc && document) await this.save(doc, document);
    }
    await this.settled();
    if (!uri) await this.logKeptInMemory();
  }

  /**
   * Writes a document's sidecar now when anything of it is unsaved, positions moved by typing included, and waits
   * for the write: its entry is about to be dropped and read again from disk (a rename, a new sidecar location),
   * and the old quotes placed again would cut a tag that grew by typing back to its old words.
   */
  async writeBeforeDrop(doc: DocumentTags): Promise<void> {
    const key = doc.uri.toString();
    this.saves.cancel(key);
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    if (document && (doc.dirty || doc.moved)) await this.save(doc, document);
    else await this.writing.get(doc);
  }

  /** Logs the sidecar of every document whose unsaved tag state stays in memory because its folder is gone. */
  private async logKeptInMemory(): Promise<void> {
    for (const doc of this.host.all?.() ?? []) {
      if (!doc.sidecarUri || !doc.writable || !(doc.dirty || doc.moved || this.toldGone.has(doc)) || !hasTagState(doc)) continue;
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === doc.uri.toString());
      if (!document || !(await sidecarFolderGone(doc))) continue;
      const { content } = this.snapshot(doc, document, document.getText());
      if (content === doc.lastDiskContent || this.loggedAtExit.get(doc) === content) continue;
      this.loggedAtExit.set(doc, content);
      logUnwrittenAtExit(doc, content);
    }
  }

  /** Waits for every write in progress. */
  async settled(): Promise<void> {
    await Promise.all(this.pendingSaves);
  }

  /**
   * Writes a document's sidecar; writes of one document run one after another. `text`: what the tags refer to
   * when it is not the document's text (a document closed without saving).
   */
  save(doc: DocumentTags, document: vscode.TextDocument, text?: string): Promise<void> {
    const previous = this.writing.get(doc) ?? Promise.resolve();
    const p = previous.then(() => this.write(doc, document, text)).catch((err) => {
      this.host.messages('error', `Claim Tagger: could not save the tags of ${baseName(doc.uri.path)}: ${(err as Error).message}. They are kept in memory.`, doc);
    }).finally(() => {
      this.pendingSaves.delete(p);
      if (this.writing.get(doc) === p) this.writing.delete(doc);
    });
    this.writing.set(doc, p);
    this.pendingSaves.add(p);
    return p;
  }

  /**
   * Writes the document's tags; a change made on disk since we last read it is merged in first (SidecarFiles.update
   * runs the merge again if the file changes once more before the write), so no other writer's tags are lost.
   */
  private async write(doc: DocumentTags, document: vscode.TextDocument, givenText?: string): Promise<void> {
    const uri = doc.sidecarUri;
    // A closed document is written only for its tag changes, or for positions moved by typing that the close placed
    // on the text given (closeReconciled): a write queued before the close would use the closed editor's text,
    // which may never have been saved.
    if (!uri || !doc.writable || (document.isClosed && !doc.dirty && !(doc.moved && givenText !== undefined))) return;
    // Read the text each time: the lock or a retry may take a while, and the tags follow edits made meanwhile.
    const textNow = () => givenText ?? document.getText();
    const first = this.snapshot(doc, document, textNow());
    if (first.content === doc.lastDiskContent) {
      if (doc.changes === first.seq) doc.dirty = doc.moved = doc.typed = false;
      return;
    }
    if (await sidecarFolderGone(doc)) {
      // Closed: nothing keeps the tags any longer, so this is said every time, with the sidecar in the log.
      if (document.isClosed) {
        if (hasTagState(doc)) tellUnwrittenAtClose(this.host.messages, doc, first.content);
        return;
      }
      // Kept dirty: written when the document is saved (its folder back), never into a folder made for it.
      if (!this.toldGone.has(doc)) tellFolderGone(this.host.messages, doc);
      this.toldGone.add(doc);
      return;
    }
    this.toldGone.delete(doc);
    const refusal = await this.host.files.unwritable(uri);
    if (refusal) {
      doc.state = 'readOnly';
      this.host.messages('warning', `Claim Tagger: ${baseName(uri.path)} ${refusal}: your tags are kept in memory and the file is left as it is.`, doc);
      return;
    }
    let written: Snapshot | undefined;
    /** What lastDiskContent was before it named the content being written (set first, so the watcher knows our write). */
    let priorDiskContent: string | undefined;
    try {
      await this.host.files.update(uri, (onDisk) => {
        const text = textNow();
        // A previous attempt's rename did not happen: compare with what was really read, not with its content.
        if (written && doc.lastDiskContent === written.content) doc.lastDiskContent = priorDiskContent;
        written = undefined;
        if (onDisk !== undefined && onDisk !== doc.lastDiskContent) {
          if (this.mergeFromDisk(doc, document, onDisk, text)) this.host.fire(doc, 'external');
          if (!doc.writable) return undefined;
        }
        const now = this.snapshot(doc, document, text);
        if (now.content === doc.lastDiskContent) {
          if (doc.changes === now.seq) doc.dirty = doc.moved = doc.typed = false;
          return undefined;
        }
        written = now;
        priorDiskContent = doc.lastDiskContent;
        doc.lastDiskContent = now.content;
        return now.content;
      });
    } catch (err) {
      if (written && doc.lastDiskContent === written.content) doc.lastDiskContent = priorDiskContent;
      this.host.messages('error', `Claim Tagger: could not write ${baseName(uri.path)}: ${(err as Error).message}. Your tags are kept in memory.`, doc);
      return;
    }
    if (!written) return;
    doc.base = written.tags;
    doc.baseDismissed = written.dismissed;
    if (doc.changes === written.seq) doc.dirty = doc.moved = doc.typed = false;
    else this.scheduleSave(doc);
  }

  /** The sidecar content of the document's tags now, and the change count it reflects (later changes stay dirty). */
  private snapshot(doc: DocumentTags, document: vscode.TextDocument, text: string): Snapshot {
    refreshQuotes(text, doc.tags);
    relocateParts(text, doc.tags);
    const tags = cloneTags(doc.tags);
    const dismissed = doc.dismissed.map((d) => ({ ...d }));
    const seq = doc.changes;
    doc.conflicts = liveConflicts(doc.conflicts, tags);
    const content = serializeSidecar({
      format: SIDECAR_FORMAT,
      version: SIDECAR_VERSION,
      document: baseName(document.uri.path),
      textHash: this.hashes.of(doc, text),
      tags,
      dismissed,
      conflicts: doc.conflicts,
    });
    return { content, tags, dismissed, seq };
  }

  dispose(): void {
    this.disposed = true;
    this.saves.dispose();
  }
}

/** The textHash a sidecar's content names (the text it was written for), or undefined. */
function writtenFor(raw: string): string | undefined {
  try {
    const hash = (JSON.parse(raw) as { textHash?: unknown }).textHash;
    return typeof hash === 'string' ? hash : undefined;
  } catch {
    return undefined;
  }
}
