// Holds the tags of open documents, keeps them in step with edits, and reads/writes their sidecars.
// Core does the thinking (edit mapping, re-anchoring, merge, format); this class does the VS Code plumbing.
import { constants as fsConstants } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as vscode from 'vscode';
import { applyAnchorResults, reanchor } from '../core/anchor';
import { TextChange, healAfterUndo } from '../core/edits';
import { ReconcileResult, describeOutcomes, reconcileChange } from '../core/outside';
import { mergeTags } from '../core/merge';
import { Dismissal, SIDECAR_VERSION, SIDECAR_FORMAT, SpanRef, Tag, isSpanRef } from '../core/model';
import { findNear, mapSpan, shiftSpans } from '../core/spans';
import { parseSidecar, serializeSidecar, textHash, validateTag } from '../core/sidecar/format';
import { baseName } from '../core/sidecar/paths';
import { NewTagInit, createTag, quoteAt, refreshQuotes } from '../core/tags';
import { ClaimTaggerConfig } from '../config';
import { Disposable } from '../util/dispose';
import { DocumentTags } from './documentTags';
import { OutsideChanges } from './outsideChanges';
import { liveConflicts, mergedConflicts } from './conflicts';
import { ConflictChoice, resolveConflict } from '../core/team/conflicts';
import { ConflictEntry } from '../core/team/types';
import { parseBlindCopyPath } from '../core/team/annotators';
import { moveSidecarsOnRename } from './rename';
import { readSidecar, withSidecarLock, writeSidecarAtomic } from './sidecarIO';
import { tagFileFor } from './blindMode';

export type TagChangeReason = 'load' | 'edit' | 'user' | 'external';

export interface TagChangeEvent {
  uri: vscode.Uri;
  reason: TagChangeReason;
}

/** Thrown when a document cannot be tagged; `message` is shown to the user as is. */
export class TagStoreError extends Error {
  constructor(
    message: string,
    readonly document?: DocumentTags,
  ) {
    super(message);
  }
}

const SAVE_DELAY_MS = 300;
/** How long the one-line report of an outside change stays in the status bar. */
const STATUS_MESSAGE_MS = 10_000;

export type TagPatch = Partial<Pick<Tag, 'kind' | 'note' | 'status' | 'source' | 'cue' | 'labels' | 'links'>>;

export class TagStore extends Disposable {
  private readonly docs = new Map<string, DocumentTags>();
  private readonly loading = new Map<string, Promise<DocumentTags>>();
  private readonly saveTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly pendingSaves = new Set<Promise<void>>();
  /** The write in progress per document, so two writes of one sidecar never overlap. */
  private readonly writing = new WeakMap<DocumentTags, Promise<void>>();
  /** Tags of untitled documents just saved or closed: adopted by the file they were saved as. */
  private untitledSnapshots: UntitledSnapshot[] = [];
  private readonly changeEmitter = this._register(new vscode.EventEmitter<TagChangeEvent>());
  readonly onDidChange = this.changeEmitter.event;
  private readonly messages: (kind: 'info' | 'warning' | 'error', message: string, document?: DocumentTags) => void;
  /** Reloads, reverts and bulk replacements: mode, Undo snapshots, the one-line report. */
  private readonly outside: OutsideChanges;

  constructor(
    private readonly config: () => ClaimTaggerConfig,
    messages?: (kind: 'info' | 'warning' | 'error', message: string, document?: DocumentTags) => void,
    tell?: (line: string) => void,
  ) {
    super();
    this.messages = messages ?? (() => undefined);
    let shown: vscode.Disposable | undefined;
    this.outside = new OutsideChanges(tell ?? ((line) => {
      shown?.dispose();
      shown = vscode.window.setStatusBarMessage(line, STATUS_MESSAGE_MS);
    }));
    this._register(vscode.workspace.onDidChangeTextDocument((e) => this.onEdit(e)));
    this._register(vscode.workspace.onDidSaveTextDocument((d) => this.onSave(d)));
    this._register(vscode.workspace.onDidCloseTextDocument((d) => this.onClose(d)));
    this._register(vscode.workspace.onWillRenameFiles((e) => e.waitUntil(this.onWillRename(e.files))));
    this._register(vscode.workspace.onDidDeleteFiles((e) => e.files.forEach((f) => this.forget(f))));
  }

  /**
   * Whether a document can carry tags at all: text documents on a writable file system, or untitled ones.
   * Read-only views (git:, diff and output documents) are left alone.
   */
  static isTaggable(document: vscode.TextDocument): boolean {
    const { scheme, path } = document.uri;
    if (path.endsWith('.tags.json') || parseBlindCopyPath(path)) return false;
    if (scheme === 'untitled' || scheme === 'file') return true;
    return vscode.workspace.fs.isWritableFileSystem(scheme) === true;
  }

  get(uri: vscode.Uri): DocumentTags | undefined {
    return this.docs.get(uri.toString());
  }

  all(): DocumentTags[] {
    return [...this.docs.values()];
  }

  /** Loads the document's tags from its sidecar (once) and re-anchors them against its current text. */
  open(document: vscode.TextDocument): Promise<DocumentTags> {
    const key = document.uri.toString();
    const known = this.docs.get(key);
    if (known) return Promise.resolve(known);
    let p = this.loading.get(key);
    if (!p) {
      p = this.load(document).finally(() => this.loading.delete(key));
      this.loading.set(key, p);
    }
    return p;
  }

  private async load(document: vscode.TextDocument): Promise<DocumentTags> {
    const sidecarUri = document.isUntitled ? undefined : tagFileFor(document.uri, this.config());
    const doc = new DocumentTags(document.uri, sidecarUri);
    let raw: string | undefined;
    try {
      raw = sidecarUri ? await readSidecar(sidecarUri) : undefined;
    } catch (err) {
      doc.state = 'broken';
      doc.error = { kind: 'json', message: `The sidecar cannot be read: ${(err as Error).message}.` };
      this.messages('error', `Claim Tagger: ${baseName(sidecarUri!.path)}: ${doc.error.message} Tagging ${baseName(document.uri.path)} is disabled until it can be read.`, doc);
    }
    // The text is read after the sidecar, so edits made meanwhile are not missed; a document closed
    // meanwhile is not cached.
    const text = document.getText();
    doc.textLength = text.length;
    doc.documentDirty = document.isDirty;
    if (document.isClosed) return doc;
    if (raw !== undefined) {
      this.applyDiskContent(doc, raw, text, document);
    } else {
      if (!document.isUntitled) this.adoptUntitled(doc, text, false);
    }
    this.docs.set(document.uri.toString(), doc);
    if (doc.dirty) this.scheduleSave(doc);
    this.changeEmitter.fire({ uri: document.uri, reason: 'load' });
    return doc;
  }

  /** Reads sidecar content into `doc` (no merge); reports errors and warnings. */
  private applyDiskContent(doc: DocumentTags, raw: string, text: string, document: vscode.TextDocument): void {
    doc.lastDiskContent = raw;
    const result = parseSidecar(raw, baseName(document.uri.path));
    if (!result.ok) {
      doc.state = 'broken';
      doc.error = result.error;
      this.messages('error', `Claim Tagger: ${baseName(doc.sidecarUri!.path)}: ${result.error.message} Tagging ${baseName(document.uri.path)} is disabled until the sidecar is fixed; the file was left untouched.`, doc);
      return;
    }
    doc.state = result.readOnly ? 'readOnly' : 'ok';
    doc.error = undefined;
    doc.warnings = result.warnings;
    doc.tags = result.sidecar.tags;
    doc.dismissed = result.sidecar.dismissed ?? [];
    doc.conflicts = result.sidecar.conflicts ?? [];
    doc.base = clone(doc.tags);
    this.reanchorAll(doc, text);
    for (const w of result.warnings) this.messages('warning', `Claim Tagger: ${w}`, doc);
  }

  private reanchorAll(doc: DocumentTags, text: string): void {
    if (!doc.tags.length) return;
    const before = doc.tags.map((t) => `${t.start}:${t.end}:${t.anchor.state}`);
    applyAnchorResults(text, doc.tags, reanchor(text, doc.tags));
    for (const tag of doc.tags) {
      if (isSpanRef(tag.source)) tag.source = relocate(text, tag.source, tag.start);
      if (tag.cue) tag.cue = relocate(text, tag.cue, tag.start);
    }
    if (doc.tags.some((t, i) => `${t.start}:${t.end}:${t.anchor.state}` !== before[i])) doc.moved = true;
  }

  /** Creates tags over the given ranges; refuses documents that cannot be tagged, with a clear message. */
  async addTags(document: vscode.TextDocument, inits: Omit<NewTagInit, 'author'>[]): Promise<Tag[]> {
    const doc = await this.writableDoc(document);
    const text = document.getText();
    if (text.includes('\u0000')) throw new TagStoreError(`${baseName(document.uri.path)} looks like a binary file: Claim Tagger tags text documents only.`);
    const author = this.config().author;
    const tags = inits.map((init) => createTag(text, { ...init, author }));
    assertValid(tags);
    for (const tag of tags) doc.tags.push(tag);
    this.markUnsaved(doc, document, tags);
    this.userChanged(doc);
    return tags;
  }

  async updateTag(document: vscode.TextDocument, id: string, patch: TagPatch): Promise<Tag> {
    const doc = await this.writableDoc(document);
    const tag = doc.find(id);
    if (!tag) throw new TagStoreError(`No tag with id ${id} in ${baseName(document.uri.path)}.`);
    assertValid([{ ...tag, ...patch }]);
    Object.assign(tag, patch);
    for (const key of Object.keys(patch) as (keyof TagPatch)[]) if (patch[key] === undefined) delete tag[key];
    tag.modified = new Date().toISOString();
    this.userChanged(doc);
    return tag;
  }

  /** Moves a tag (typically orphaned) onto a new range and anchors it there. */
  async repin(document: vscode.TextDocument, id: string, start: number, end: number): Promise<Tag> {
    const doc = await this.writableDoc(document);
    const tag = doc.find(id);
    if (!tag) throw new TagStoreError(`No tag with id ${id} in ${baseName(document.uri.path)}.`);
    // Not marked as made on unsaved text: the tag existed before; a revert orphans it again, never drops it.
    Object.assign(tag, { start, end, ...quoteAt(document.getText(), start, end), anchor: { state: 'anchored' }, modified: new Date().toISOString() });
    this.userChanged(doc);
    return tag;
  }

  async removeTags(document: vscode.TextDocument, ids: readonly string[]): Promise<Tag[]> {
    const doc = await this.writableDoc(document);
    const gone = new Set(ids);
    const removed = doc.tags.filter((t) => gone.has(t.id));
    doc.tags = doc.tags.filter((t) => !gone.has(t.id));
    if (removed.length) this.userChanged(doc);
    return removed;
  }

  /** Puts removed tags back (Undo of a removal). */
  async restoreTags(document: vscode.TextDocument, tags: readonly Tag[]): Promise<void> {
    const doc = await this.writableDoc(document);
    const have = new Set(doc.tags.map((t) => t.id));
    const back = tags.filter((t) => !have.has(t.id));
    doc.tags.push(...back);
    this.reanchorSome(doc, document.getText(), back);
    this.userChanged(doc);
  }

  /** Adds tags made elsewhere (an import), placing them on the current text by their quotes. */
  async importTags(document: vscode.TextDocument, tags: Tag[]): Promise<void> {
    const doc = await this.writableDoc(document);
    doc.tags.push(...tags);
    this.markUnsaved(doc, document, tags);
    this.userChanged(doc);
  }

  /** Records a dismissed suggestion (one occurrence, or a term everywhere in this document). */
  async dismiss(document: vscode.TextDocument, dismissal: Dismissal): Promise<void> {
    const doc = await this.writableDoc(document);
    doc.dismissed.push(dismissal);
    this.userChanged(doc);
  }

  /** Settles a merge conflict listed in the sidecar: keep this version, the other, or both (core/team/conflicts.ts). */
  async resolveConflict(document: vscode.TextDocument, entry: ConflictEntry, choice: ConflictChoice): Promise<void> {
    const doc = await this.writableDoc(document);
    let r;
    try {
      r = resolveConflict(doc.tags, doc.conflicts, entry, choice);
    } catch (e) {
      throw new TagStoreError((e as Error).message, doc);
    }
    doc.tags = r.tags;
    doc.conflicts = r.conflicts;
    this.userChanged(doc);
  }

  private reanchorSome(doc: DocumentTags, text: string, tags: Tag[]): void {
    if (tags.length) applyAnchorResults(text, tags, reanchor(text, tags));
    doc.moved = true;
  }

  private async writableDoc(document: vscode.TextDocument): Promise<DocumentTags> {
    if (!TagStore.isTaggable(document)) throw new TagStoreError(`${baseName(document.uri.path)} cannot be tagged.`);
    const doc = await this.open(document);
    if (doc.state === 'broken') {
      throw new TagStoreError(`The sidecar of ${baseName(document.uri.path)} cannot be read (${doc.error?.message}) Fix or remove it to tag this document.`, doc);
    }
    if (doc.state === 'readOnly') {
      throw new TagStoreError(`The sidecar of ${baseName(document.uri.path)} was written by a newer version of Claim Tagger; it is read-only here.`, doc);
    }
    return doc;
  }

  /** Tags placed while the document has unsaved changes may sit on text that never reaches disk (see dropUnsaved). */
  private markUnsaved(doc: DocumentTags, document: vscode.TextDocument, tags: readonly Tag[]): void {
    if (!document.isDirty || document.isUntitled) return;
    // An imported annotation that could not be placed sits on no text at all: it is kept as any orphan is.
    for (const t of tags) if (t.anchor.state !== 'orphaned') doc.unsaved.add(t.id);
  }

  private userChanged(doc: DocumentTags): void {
    doc.changes++;
    doc.dirty = true;
    this.changeEmitter.fire({ uri: doc.uri, reason: 'user' });
    this.scheduleSave(doc);
  }

  // ---- edits -------------------------------------------------------------------------------------

  private onEdit(e: vscode.TextDocumentChangeEvent): void {
    const doc = this.docs.get(e.document.uri.toString());
    if (!doc) return;
    // Dirty-state changes come as events without content changes, so this is the state just before this change.
    const wasDirty = doc.documentDirty;
    doc.documentDirty = e.document.isDirty;
    let changes: TextChange[] = e.contentChanges.map((c) => ({ start: c.rangeOffset, end: c.rangeOffset + c.rangeLength, text: c.text }));
    const oldLength = doc.textLength;
    if (!changes.length) {
      // An end-of-line switch may come without content changes (only dirty-state events come so otherwise):
      // every offset after the first line break moved, so the tags are placed again by quote.
      const last = e.document.lineAt(e.document.lineCount - 1).range.end;
      if (e.document.offsetAt(last) === oldLength) return;
      changes = [{ start: 0, end: oldLength, text: e.document.getText() }];
    }
    doc.textLength += changes.reduce((n, c) => n + c.text.length - (c.end - c.start), 0);
    if (doc.dismissed.some((d) => d.start !== undefined)) {
      // Dismissed occurrences move with the text; one whose text was edited may be suggested again.
      const everywhere = doc.dismissed.filter((d) => d.start === undefined || d.end === undefined);
      const occurrences = doc.dismissed.filter((d): d is Dismissal & { start: number; end: number } => d.start !== undefined && d.end !== undefined);
      doc.dismissed = [...everywhere, ...shiftSpans(occurrences, changes)];
    }
    if (!doc.tags.length) return;
    const only = changes.length === 1 ? changes[0] : undefined;
    const emptiedUntitled = e.document.isUntitled && only?.start === 0 && only.end === oldLength && oldLength > 0 && only.text === '';
    if (emptiedUntitled) {
      // Saving an untitled document empties it: keep its tags for the file it becomes.
      this.snapshotUntitled(doc, doc.tags, oldLength);
      this.handOverUntitled();
    }
    let text: string | undefined;
    const textNow = () => (text ??= e.document.getText());
    const mode = this.outside.modeOf(e, changes, oldLength, wasDirty, textNow);
    const before = mode === 'outside' ? this.outside.snapshot(doc, oldLength) : undefined;
    let result: ReconcileResult;
    try {
      // Typing moves tags by edit tracking; a reload, revert or bulk replacement places what it touched by quote.
      result = reconcileChange(textNow, doc.tags, changes, { mode });
    } catch {
      // Overlapping changes (never sent by VS Code itself): place every tag by its quote instead.
      this.reanchorAll(doc, textNow());
      this.changeEmitter.fire({ uri: doc.uri, reason: 'edit' });
      return;
    }
    const affected = result.changed;
    const doc2 = e.document;
    for (const tag of doc.tags) {
      // An attribution's source and cue spans move with the text too; those of a tag placed again are looked
      // for near it.
      if (isSpanRef(tag.source)) tag.source = result.outcomes.has(tag) ? relocate(textNow(), tag.source, tag.start) : mapSpan(tag.source, changes);
      if (tag.cue) tag.cue = result.outcomes.has(tag) ? relocate(textNow(), tag.cue, tag.start) : mapSpan(tag.cue, changes);
    }
    let reshaped = false;
    for (const tag of affected) {
      // Shifted tags keep their text; only tags whose extent changed need their quote read again.
      if (tag.anchor.state === 'orphaned') {
        reshaped = true;
        continue;
      }
      if (tag.quote.length === tag.end - tag.start) continue;
      reshaped = true;
      doc.rememberQuote(tag, tag.quote);
      tag.quote = doc2.getText(new vscode.Range(doc2.positionAt(tag.start), doc2.positionAt(tag.end)));
    }
    let restored: Tag[] = [];
    if (e.reason === vscode.TextDocumentChangeReason.Undo || e.reason === vscode.TextDocumentChangeReason.Redo) {
      const healed = healAfterUndo(textNow(), doc.tags, changes, (t) => [t.quote, ...doc.history(t)]);
      // Undo of an outside change: the placement from before it, exactly.
      restored = this.outside.restore(doc, textNow());
      if (healed.length || restored.length) {
        affected.push(...healed, ...restored);
        reshaped = true;
      }
    }
    if (mode === 'outside' && before && !restored.length) {
      // After a reload or revert the document is the file on disk: tags made on text that never reached it go.
      const removed = doc2.isDirty ? [] : this.outside.dropUnsaved(doc);
      this.outside.remember(doc, before, removed);
      if (!emptiedUntitled) this.outside.report(doc.uri, describeOutcomes(result.outcomes, removed.length));
      doc.moved = true;
      doc.changes++;
      if (removed.length) doc.dirty = true;
      // The text is the one on disk again: write the placement now, so the sidecar matches the file.
      if (!doc2.isDirty) this.scheduleSave(doc);
      this.changeEmitter.fire({ uri: doc.uri, reason: 'external' });
      return;
    }
    if (affected.length) {
      doc.moved = true;
      doc.changes++;
      // Tags that only shifted are moved on screen by VS Code itself; tell listeners only when one grew,
      // shrank, was orphaned or healed.
      if (reshaped) this.changeEmitter.fire({ uri: doc.uri, reason: 'edit' });
    }
  }

  /** Keeps an untitled document's tags for a moment, for the file it is being saved as. */
  private snapshotUntitled(from: DocumentTags, tags: readonly Tag[], textLength: number): void {
    if (!tags.some((t) => t.anchor.state !== 'orphaned')) return;
    const snap: UntitledSnapshot = { tags: clone(tags), textLength, path: from.uri.path, since: from.loadedAt };
    this.untitledSnapshots.push(snap);
    setTimeout(() => (this.untitledSnapshots = this.untitledSnapshots.filter((u) => u !== snap)), 30_000);
  }

  /** Saving an untitled document opens the file, possibly before the untitled one empties or closes: hand over now. */
  private handOverUntitled(): void {
    // The file with the untitled document's own path first, then the most recently opened.
    const heirs = vscode.workspace.textDocuments
      .filter((d) => !d.isUntitled && this.docs.has(d.uri.toString()))
      .map((d) => ({ d, tags: this.docs.get(d.uri.toString())! }))
      .sort((a, b) => Number(this.untitledSnapshots.some((u) => u.path === b.d.uri.path)) - Number(this.untitledSnapshots.some((u) => u.path === a.d.uri.path)) || b.tags.loadedAt - a.tags.loadedAt);
    for (const { d, tags } of heirs) this.adoptUntitled(tags, d.getText(), true);
  }

  /** Gives a file with no sidecar and no tags the tags of the untitled document it was saved from. */
  private adoptUntitled(doc: DocumentTags, text: string, notify: boolean): boolean {
    if (doc.lastDiskContent !== undefined || doc.tags.length || !doc.sidecarUri) return false;
    // Only a file opened after the untitled document (or at its own path) can be what it was saved as.
    const snap = this.untitledSnapshots.find((u) => (u.path === doc.uri.path || doc.loadedAt >= u.since) && sameText(u, text));
    if (!snap) return false;
    this.untitledSnapshots = this.untitledSnapshots.filter((u) => u !== snap);
    doc.tags = snap.tags;
    doc.dirty = true;
    if (notify) {
      this.scheduleSave(doc);
      this.changeEmitter.fire({ uri: doc.uri, reason: 'load' });
    }
    return true;
  }

  private onSave(document: vscode.TextDocument): void {
    const known = this.docs.get(document.uri.toString());
    if (known && !document.isUntitled) this.adoptUntitled(known, document.getText(), true);
    const doc = this.docs.get(document.uri.toString());
    if (!doc) return;
    // The text of tags made on unsaved text is on disk now; an orphaned one's text never was.
    for (const id of [...doc.unsaved]) if (doc.find(id)?.anchor.state !== 'orphaned') doc.unsaved.delete(id);
    if (doc.moved || doc.dirty) this.scheduleSave(doc, 0);
  }

  private onClose(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const doc = this.docs.get(key);
    if (!doc) return;
    if (document.isUntitled) {
      this.snapshotUntitled(doc, doc.tags, doc.textLength);
      this.handOverUntitled();
    } else if (doc.dirty || doc.moved || doc.unsaved.size) {
      void this.closeReconciled(doc, document);
    }
    this.drop(key);
  }

  /**
   * Writes the tags of a document being closed. Closed without saving (its text differs from the file), the
   * tags are first placed on the text on disk, as after a revert, and tags on text never saved are dropped.
   */
  private async closeReconciled(doc: DocumentTags, document: vscode.TextDocument): Promise<void> {
    const disk = await this.outside.placeOnDisk(doc, document);
    if (doc.dirty || doc.moved) await this.save(doc, document, disk ?? document.getText());
  }

  private forget(uri: vscode.Uri): void {
    // A deleted document keeps its sidecar on disk (shown as detached); only memory is released.
    for (const [key, doc] of this.docs) {
      if (key === uri.toString() || (doc.uri.scheme === uri.scheme && doc.uri.path.startsWith(uri.path + '/'))) this.drop(key);
    }
  }

  /** Forgets a document's entry and any save still pending for it. */
  private drop(key: string): void {
    clearTimeout(this.saveTimers.get(key));
    this.saveTimers.delete(key);
    this.docs.delete(key);
  }

  private async onWillRename(files: readonly { oldUri: vscode.Uri; newUri: vscode.Uri }[]): Promise<void> {
    const location = this.config().sidecarLocation;
    for (const { oldUri, newUri } of files) {
      if (oldUri.path.endsWith('.tags.json')) continue;
      // Write what is pending for the document (or every document below a folder) before moving anything.
      const below = (d: DocumentTags) => d.uri.toString() === oldUri.toString() || (d.uri.scheme === oldUri.scheme && d.uri.path.startsWith(oldUri.path + '/'));
      for (const d of this.all().filter(below)) await this.flush(d.uri);
      try {
        const outcome = await moveSidecarsOnRename(oldUri, newUri, location);
        if (outcome.kind === 'taken') {
          this.messages('warning', `Claim Tagger: ${baseName(newUri.path)} already has a sidecar; the tags of ${baseName(oldUri.path)} stay in ${baseName(outcome.kept.path)}.`);
        }
      } catch (err) {
        this.messages('error', `Claim Tagger: could not move the sidecar of ${baseName(oldUri.path)}: ${(err as Error).message}`);
      }
      for (const d of this.all().filter(below)) this.drop(d.uri.toString());
    }
  }

  // ---- sidecar on disk ------------------------------------------------------------------------------

  /** Called by the file watcher when a sidecar changed, appeared or vanished on disk. */
  async onSidecarChangedOnDisk(sidecarUri: vscode.Uri): Promise<void> {
    const doc = this.all().find((d) => d.sidecarUri?.toString() === sidecarUri.toString());
    if (!doc) return;
    await Promise.all(this.pendingSaves);
    const raw = await readSidecar(sidecarUri);
    if (raw === doc.lastDiskContent) return; // our own write, or nothing new
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === doc.uri.toString());
    if (!document) {
      this.drop(doc.uri.toString());
      return;
    }
    if (raw === undefined) {
      doc.lastDiskContent = undefined;
      if (doc.tags.length) {
        doc.dirty = true;
        this.messages('warning', `Claim Tagger: the sidecar of ${baseName(doc.uri.path)} was deleted on disk. Its ${doc.tags.length} tag(s) are kept and will be written again with the next change; delete the tags in the editor to drop them.`, doc);
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
    this.changeEmitter.fire({ uri: doc.uri, reason: 'external' });
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
    doc.base = clone(theirs);
    doc.dirty = true;
    this.reanchorSome(doc, text, merged.tags.filter((t) => merged.fromTheirs.has(t.id)));
    if (merged.conflicts.length) {
      this.messages('warning', `Claim Tagger: the sidecar of ${baseName(doc.uri.path)} changed on disk while you were tagging. ${merged.conflicts.length} tag(s) were edited on both sides: both versions are kept (the other one is labelled "merge-conflict") and listed under Merge conflicts in the Tags view.`, doc);
    }
    return true;
  }

  /** Re-reads the sidecar from disk, dropping unsaved tag changes (used after fixing a broken sidecar). */
  async reload(document: vscode.TextDocument): Promise<DocumentTags> {
    this.drop(document.uri.toString());
    return this.open(document);
  }

  /** Writes what is pending, then forgets every entry (after the sidecar location or blind mode changed). */
  async resetAll(): Promise<void> {
    await this.flush();
    // Untitled documents have no sidecar yet: their tags live only here and stay.
    for (const [key, doc] of [...this.docs]) if (doc.sidecarUri) this.drop(key);
  }

  // ---- writing ------------------------------------------------------------------------------------

  private scheduleSave(doc: DocumentTags, delay = SAVE_DELAY_MS): void {
    if (!doc.sidecarUri || !doc.writable) return;
    const key = doc.uri.toString();
    clearTimeout(this.saveTimers.get(key));
    this.saveTimers.set(key, setTimeout(() => {
      this.saveTimers.delete(key);
      if (this.docs.get(key) !== doc) return; // reloaded, renamed or deleted meanwhile
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
      if (document) void this.save(doc, document);
    }, delay));
  }

  /** Writes every pending sidecar now (for tests, deactivation and renames). */
  async flush(uri?: vscode.Uri): Promise<void> {
    for (const [key, timer] of [...this.saveTimers]) {
      if (uri && key !== uri.toString()) continue;
      clearTimeout(timer);
      this.saveTimers.delete(key);
      const doc = this.docs.get(key);
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
      if (doc && document) await this.save(doc, document);
    }
    await Promise.all(this.pendingSaves);
  }

  /** Writes a document's sidecar; writes of one document run one after another. */
  private save(doc: DocumentTags, document: vscode.TextDocument, text?: string): Promise<void> {
    const previous = this.writing.get(doc) ?? Promise.resolve();
    const p = previous.then(() => this.write(doc, document, text)).catch((err) => {
      this.messages('error', `Claim Tagger: could not save the tags of ${baseName(doc.uri.path)}: ${(err as Error).message}. They are kept in memory.`, doc);
    }).finally(() => {
      this.pendingSaves.delete(p);
      if (this.writing.get(doc) === p) this.writing.delete(doc);
    });
    this.writing.set(doc, p);
    this.pendingSaves.add(p);
    return p;
  }

  /** `text`: what the tags refer to when it is not the document's text (a document closed without saving). */
  /** Writes under the sidecar's cross-process lock (file: URIs), so a CLI run or another window loses nothing. */
  private async write(doc: DocumentTags, document: vscode.TextDocument, text = document.getText()): Promise<void> {
    if (!doc.sidecarUri || !doc.writable || (document.isClosed && !doc.dirty)) return;
    await withSidecarLock(doc.sidecarUri, () => this.writeUnlocked(doc, document, text));
  }

  private async writeUnlocked(doc: DocumentTags, document: vscode.TextDocument, text: string): Promise<void> {
    if (!doc.sidecarUri || !doc.writable || (document.isClosed && !doc.dirty)) return;
    refreshQuotes(text, doc.tags);
    for (const tag of doc.tags) {
      if (isSpanRef(tag.source)) tag.source = relocate(text, tag.source, tag.start);
      if (tag.cue) tag.cue = relocate(text, tag.cue, tag.start);
    }
    // What is written, and the change count it reflects: changes made during the awaits below stay dirty.
    const written = clone(doc.tags);
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
      if (this.mergeFromDisk(doc, document, onDisk, text)) this.changeEmitter.fire({ uri: doc.uri, reason: 'external' });
      if (doc.writable) return this.writeUnlocked(doc, document, text);
      return;
    }
    const refusal = await unwritable(doc.sidecarUri);
    if (refusal) {
      doc.state = 'readOnly';
      this.messages('warning', `Claim Tagger: ${baseName(doc.sidecarUri.path)} ${refusal}: your tags are kept in memory and the file is left as it is.`, doc);
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
      this.messages('error', `Claim Tagger: could not write ${baseName(doc.sidecarUri.path)}: ${(err as Error).message}. Your tags are kept in memory.`, doc);
    }
  }

  override dispose(): void {
    for (const t of this.saveTimers.values()) clearTimeout(t);
    super.dispose();
  }
}

interface UntitledSnapshot {
  tags: Tag[];
  textLength: number;
  /** The untitled document's path (an untitled document with an associated file path keeps it when saved). */
  path: string;
  /** When the untitled document's tags were first loaded. */
  since: number;
}

/** Whether `text` is the text these tags were made on: same length, every live tag's quote in place. */
function sameText(doc: UntitledSnapshot, text: string): boolean {
  return text.length === doc.textLength && doc.tags.every((t) => t.anchor.state === 'orphaned' || text.slice(t.start, t.end) === t.quote);
}

/** A source or cue span whose text changed is looked for near its tag; its quote is kept either way. */
function relocate(text: string, span: SpanRef, near: number): SpanRef {
  if (text.slice(span.start, span.end) === span.quote) return span;
  const at = findNear(text, span.quote, near);
  return at === undefined ? span : { start: at, end: at + span.quote.length, quote: span.quote };
}

/** Why a sidecar on disk must not be replaced (read-only file), or undefined when it may be written. */
async function unwritable(uri: vscode.Uri): Promise<string | undefined> {
  if (uri.scheme !== 'file') return undefined;
  try {
    await fs.access(uri.fsPath, fsConstants.W_OK);
    return undefined;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : 'is read-only';
  }
}

function clone(tags: readonly Tag[]): Tag[] {
  return tags.map((t) => structuredClone(t));
}

/** A tag the schema rejects (e.g. a kind named "constructor") would pause tagging of the document on the next load. */
function assertValid(tags: readonly Tag[]): void {
  for (const tag of tags) {
    const check = validateTag(tag);
    if (!check.ok) throw new TagStoreError(`Claim Tagger cannot save this tag: the ${check.message}.`);
  }
}
