// Keeps each document's tags in step with its sidecar on disk: reads it on load, merges changes made on disk
// (by tag id, three ways), and writes debounced, one write at a time per document, under the cross-process lock,
// never over a broken, newer or read-only file.
import * as vscode from 'vscode';
import { mergeTags } from '../core/merge';
import { SIDECAR_FORMAT, SIDECAR_VERSION } from '../core/model';
import { relocateParts } from '../core/relocate';
import { parseSidecar, serializeSidecar, textHash } from '../core/sidecar/format';
import { baseName } from '../core/sidecar/paths';
import { refreshQuotes } from '../core/tags';
import { ClaimTaggerConfig } from '../config';
import { tagFileFor } from './blindMode';
import { liveConflicts, mergedConflicts } from './conflicts';
import { DocumentTags, cloneTags } from './documentTags';
import { reanchorAll, reanchorSome } from './placement';
import { readSidecar, unwritable, withSidecarLock, writeSidecarAtomic } from './sidecarIO';
import { StoreMessages, TagChangeReason } from './storeEvents';
import { KeyedDebounce } from '../util/debounce';

const SAVE_DELAY_MS = 300;

/** What sidecar sync needs from the store. */
export interface SyncHost {
  config(): ClaimTaggerConfig;
  /** The store's entry for a document (by URI string), if it still holds one. */
  current(key: string): DocumentTags | undefined;
  fire(doc: DocumentTags, reason: TagChangeReason): void;
  readonly messages: StoreMessages;
}

export class SidecarSync implements vscode.Disposable {
  private readonly saves = new KeyedDebounce<string>();
  private readonly pendingSaves = new Set<Promise<void>>();
  /** The write in progress per document, so two writes of one sidecar never overlap. */
  private readonly writing = new WeakMap<DocumentTags, Promise<void>>();

  constructor(private readonly host: SyncHost) {}

  /**
   * A new entry for `document` with its sidecar read and its tags placed on the current text. `found` tells
   * whether a sidecar exists; `text` is the text they were placed on. A document closed meanwhile gets an empty entry.
   */
  async load(document: vscode.TextDocument): Promise<{ doc: DocumentTags; text: string; found: boolean }> {
    const sidecarUri = document.isUntitled ? undefined : tagFileFor(document.uri, this.host.config());
    const doc = new DocumentTags(document.uri, sidecarUri);
    let raw: string | undefined;
    try {
      raw = sidecarUri ? await readSidecar(sidecarUri) : undefined;
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
    doc.conflicts = result.sidecar.conflicts ?? [];
    doc.base = cloneTags(doc.tags);
    reanchorAll(doc, text);
    for (const w of result.warnings) this.host.messages('warning', `Claim Tagger: ${w}`, doc);
  }

  /** Takes in a sidecar changed on disk (`raw`: its new content, undefined when deleted) for an open document. */
  diskChanged(doc: DocumentTags, document: vscode.TextDocument, raw: string | undefined): void {
    if (raw === undefined) {
      doc.lastDiskContent = undefined;
      if (doc.tags.length) {
        doc.dirty = true;
        this.host.messages('warning', `Claim Tagger: the sidecar of ${baseName(doc.uri.path)} was deleted on disk. Its ${doc.tags.length} tag(s) are kept and will be written again with the next change; delete the tags in the editor to drop them.`, doc);
      }
      return;
    }
    if (doc.dirty) {
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
   * Three-way merge of our unsaved tags with a sidecar changed on disk, by tag id against the version last
   * read. Both versions of a tag edited on both sides are kept. Returns false when the disk version is unusable.
   */
  private mergeFromDisk(doc: DocumentTags, document: vscode.TextDocument, raw: string, text = document.getText()): boolean {
    const ours = doc.tags;
    const oursConflicts = doc.conflicts;
    const base = doc.base;
    this.applyDiskContent(doc, raw, text, document);
    if (doc.state !== 'ok') {
      doc.tags = ours;
      doc.conflicts = oursConflicts;
      return false;
    }
    const theirs = doc.tags;
    const merged = mergeTags(base, ours, theirs);
    doc.tags = merged.tags;
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
      if (this.host.current(key) !== doc) return; // reloaded, renamed or deleted meanwhile
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
      if (document) void this.save(doc, document);
    });
  }

  /** Forgets a save still pending for a document (its entry is being dropped). */
  cancel(key: string): void {
    this.saves.cancel(key);
  }

  /** Writes every pending sidecar now, or only that of `uri`; then waits for every write in progress. */
  async flush(uri?: vscode.Uri): Promise<void> {
    for (const key of this.saves.pendingKeys()) {
      if (uri && key !== uri.toString()) continue;
      this.saves.cancel(key);
      const doc = this.host.current(key);
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
      if (doc && document) await this.save(doc, document);
    }
    await this.settled();
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

  /** Writes under the sidecar's cross-process lock (file: URIs), so a CLI run or another window loses nothing. */
  private async write(doc: DocumentTags, document: vscode.TextDocument, text = document.getText()): Promise<void> {
    if (!doc.sidecarUri || !doc.writable || (document.isClosed && !doc.dirty)) return;
    await withSidecarLock(doc.sidecarUri, () => this.writeUnlocked(doc, document, text));
  }

  private async writeUnlocked(doc: DocumentTags, document: vscode.TextDocument, text: string): Promise<void> {
    if (!doc.sidecarUri || !doc.writable || (document.isClosed && !doc.dirty)) return;
    refreshQuotes(text, doc.tags);
    relocateParts(text, doc.tags);
    // What is written, and the change count it reflects: changes made during the awaits below stay dirty.
    const written = cloneTags(doc.tags);
    const seq = doc.changes;
    doc.conflicts = liveConflicts(doc.conflicts, written);
    const content = serializeSidecar({
      format: SIDECAR_FORMAT,
      version: SIDECAR_VERSION,
      document: baseName(document.uri.path),
      textHash: textHash(text),
      tags: written,
      dismissed: doc.dismissed,
      conflicts: doc.conflicts,
    });
    if (content === doc.lastDiskContent) {
      if (doc.changes === seq) doc.dirty = doc.moved = false;
      return;
    }
    // Never clobber a change made on disk since we last read it: merge it first, then write the result.
    const onDisk = await readSidecar(doc.sidecarUri);
    if (onDisk !== doc.lastDiskContent && onDisk !== undefined) {
      if (this.mergeFromDisk(doc, document, onDisk, text)) this.host.fire(doc, 'external');
      if (doc.writable) return this.writeUnlocked(doc, document, text);
      return;
    }
    const refusal = await unwritable(doc.sidecarUri);
    if (refusal) {
      doc.state = 'readOnly';
      this.host.messages('warning', `Claim Tagger: ${baseName(doc.sidecarUri.path)} ${refusal}: your tags are kept in memory and the file is left as it is.`, doc);
      return;
    }
    const previous = doc.lastDiskContent;
    try {
      doc.lastDiskContent = content;
      await writeSidecarAtomic(doc.sidecarUri, content);
      doc.base = written;
      if (doc.changes === seq) doc.dirty = doc.moved = false;
      else this.scheduleSave(doc);
    } catch (err) {
      doc.lastDiskContent = previous;
      this.host.messages('error', `Claim Tagger: could not write ${baseName(doc.sidecarUri.path)}: ${(err as Error).message}. Your tags are kept in memory.`, doc);
    }
  }

  dispose(): void {
    this.saves.dispose();
  }
}
