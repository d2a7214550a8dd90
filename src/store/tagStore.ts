// The registry of open documents' tags: loads them once, changes them on the user's behalf, and wires the
// workspace events to the parts that do the work: edit tracking (editTracking.ts), the hand-over of untitled
// documents' tags (untitledHandOver.ts), sidecar sync (sidecarSync.ts), outside changes (outsideChanges.ts) and
// renames (rename.ts).
import * as vscode from 'vscode';
import { Dismissal, Tag } from '../core/model';
import { baseName } from '../core/sidecar/paths';
import { NewTagInit, createTag, quoteAt } from '../core/tags';
import { ConflictChoice, resolveConflict } from '../core/team/conflicts';
import { ConflictEntry } from '../core/team/types';
import { parseBlindCopyPath } from '../core/team/annotators';
import { ClaimTaggerConfig } from '../config';
import { Disposable } from '../util/dispose';
import { DocumentTags } from './documentTags';
import { trackEdit } from './editTracking';
import { OutsideChanges } from './outsideChanges';
import { reanchorSome } from './placement';
import { followRenames } from './rename';
import { SidecarFiles } from './sidecarIO';
import { SidecarSync } from './sidecarSync';
import { StoreMessages, TagChangeEvent, TagChangeReason } from './storeEvents';
import { TagStoreError, assertValid } from './storeErrors';
import { UntitledHandOver } from './untitledHandOver';
import { markUnsaved, unmarkSaved } from './unsavedMarks';

export type { TagChangeEvent, TagChangeReason } from './storeEvents';
export { TagStoreError } from './storeErrors';

/** How long the one-line report of an outside change stays in the status bar. */
const STATUS_MESSAGE_MS = 10_000;

export type TagPatch = Partial<Pick<Tag, 'kind' | 'note' | 'status' | 'source' | 'cue' | 'labels' | 'links'>>;

export class TagStore extends Disposable {
  private readonly docs = new Map<string, DocumentTags>();
  private readonly loading = new Map<string, Promise<DocumentTags>>();
  private readonly changeEmitter = this._register(new vscode.EventEmitter<TagChangeEvent>());
  readonly onDidChange = this.changeEmitter.event;
  private readonly messages: StoreMessages;
  /** Reloads, reverts and bulk replacements: mode, Undo snapshots, the one-line report. */
  private readonly outside: OutsideChanges;
  private readonly untitled: UntitledHandOver;
  private readonly sync: SidecarSync;

  constructor(
    private readonly config: () => ClaimTaggerConfig,
    /** How sidecars are read and written on this platform. */
    readonly files: SidecarFiles,
    messages?: StoreMessages,
    tell?: (line: string) => void,
  ) {
    super();
    this.messages = messages ?? (() => undefined);
    let shown: vscode.Disposable | undefined;
    this.outside = new OutsideChanges(tell ?? ((line) => {
      shown?.dispose();
      shown = vscode.window.setStatusBarMessage(line, STATUS_MESSAGE_MS);
    }));
    const fire = (doc: DocumentTags, reason: TagChangeReason) => this.changeEmitter.fire({ uri: doc.uri, reason });
    this.sync = this._register(new SidecarSync({ config, current: (key) => this.docs.get(key), all: () => this.all(), fire, messages: this.messages, files }));
    this.untitled = this._register(new UntitledHandOver((uri) => this.docs.get(uri.toString()), (doc) => {
      this.sync.scheduleSave(doc);
      fire(doc, 'load');
    }, this.messages));
    const editHost = { outside: this.outside, untitled: this.untitled, fire, scheduleSave: (doc: DocumentTags) => this.sync.scheduleSave(doc) };
    this._register(vscode.workspace.onDidChangeTextDocument((e) => {
      const doc = this.docs.get(e.document.uri.toString());
      if (doc) trackEdit(doc, e, editHost);
    }));
    this._register(vscode.workspace.onDidSaveTextDocument((d) => this.onSave(d)));
    this._register(vscode.workspace.onDidCloseTextDocument((d) => this.onClose(d)));
    const renameHost = { all: () => this.all(), writeBeforeDrop: (doc: DocumentTags) => this.sync.writeBeforeDrop(doc), drop: (uri: vscode.Uri) => this.drop(uri.toString()), messages: this.messages, files };
    this._register(vscode.workspace.onWillRenameFiles((e) => e.waitUntil(followRenames(e.files, this.config().sidecarLocation, renameHost))));
    this._register(vscode.workspace.onDidDeleteFiles((e) => e.files.forEach((f) => this.forget(f))));
  }

  /**
   * Whether a document can carry tags at all: untitled documents, and documents of any scheme whose file system
   * provider is writable (file:, vscode-remote:, github.dev's vscode-vfs:, vscode-test-web:, …), so sidecars can
   * be written beside them. Read-only views (git:, diff and output documents) are left alone.
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
    const { doc, text, found } = await this.sync.load(document);
    // A document closed while its sidecar was read is not cached.
    if (document.isClosed) return doc;
    if (!found && !document.isUntitled) this.untitled.adopt(doc, text, false);
    this.docs.set(document.uri.toString(), doc);
    if (doc.dirty) this.sync.scheduleSave(doc);
    this.changeEmitter.fire({ uri: document.uri, reason: 'load' });
    return doc;
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
    markUnsaved(doc, document, tags);
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
    reanchorSome(doc, document.getText(), back);
    this.userChanged(doc);
  }

  /** Adds tags made elsewhere (an import) as they are: the caller placed them on the current text already (core/importTags). */
  async importTags(document: vscode.TextDocument, tags: Tag[]): Promise<void> {
    const doc = await this.writableDoc(document);
    doc.tags.push(...tags);
    markUnsaved(doc, document, tags);
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

  private userChanged(doc: DocumentTags): void {
    doc.changes++;
    doc.dirty = true;
    this.changeEmitter.fire({ uri: doc.uri, reason: 'user' });
    this.sync.scheduleSave(doc);
  }

  // ---- document lifecycle -------------------------------------------------------------------------

  private onSave(document: vscode.TextDocument): void {
    const known = this.docs.get(document.uri.toString());
    if (known && !document.isUntitled) this.untitled.adopt(known, document.getText(), true);
    const doc = this.docs.get(document.uri.toString());
    if (!doc) return;
    unmarkSaved(doc);
    if (doc.moved || doc.dirty) this.sync.scheduleSave(doc, 0);
  }

  private onClose(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const doc = this.docs.get(key);
    if (!doc) return;
    if (document.isUntitled) {
      this.untitled.keep(doc, doc.tags, doc.textLength);
      this.untitled.handOver();
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
    if (doc.dirty || doc.moved) await this.sync.save(doc, document, disk ?? document.getText());
  }

  private forget(uri: vscode.Uri): void {
    // A deleted document keeps its sidecar on disk (shown as detached); only memory is released.
    for (const [key, doc] of this.docs) {
      if (key === uri.toString() || (doc.uri.scheme === uri.scheme && doc.uri.path.startsWith(uri.path + '/'))) this.drop(key);
    }
  }

  /** Forgets a document's entry and any save still pending for it. */
  private drop(key: string): void {
    this.sync.cancel(key);
    this.docs.delete(key);
  }

  // ---- sidecar on disk ------------------------------------------------------------------------------

  /** Called by the file watcher when a sidecar changed, appeared or vanished on disk. */
  async onSidecarChangedOnDisk(sidecarUri: vscode.Uri): Promise<void> {
    const doc = this.all().find((d) => d.sidecarUri?.toString() === sidecarUri.toString());
    if (!doc) return;
    await this.sync.settled();
    const raw = await this.files.read(sidecarUri);
    if (raw === doc.lastDiskContent) return; // our own write, or nothing new
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === doc.uri.toString());
    if (!document) {
      this.drop(doc.uri.toString());
      return;
    }
    this.sync.diskChanged(doc, document, raw);
  }

  /** Re-reads the sidecar from disk, dropping unsaved tag changes (used after fixing a broken sidecar). */
  async reload(document: vscode.TextDocument): Promise<DocumentTags> {
    this.drop(document.uri.toString());
    return this.open(document);
  }

  /**
   * Writes what is pending, positions moved by typing included, then forgets every entry (after the sidecar
   * location or blind mode changed): each entry is read again from its new file.
   */
  async resetAll(): Promise<void> {
    // Untitled documents have no sidecar yet: their tags live only here and stay.
    const withSidecar = this.all().filter((doc) => doc.sidecarUri);
    for (const doc of withSidecar) await this.sync.writeBeforeDrop(doc);
    await this.flush();
    for (const doc of withSidecar) if (this.docs.get(doc.uri.toString()) === doc) this.drop(doc.uri.toString());
  }

  /** Holds scheduled saves until disposed (tests: a change on disk that lands while tags are unsaved). */
  holdSaves(): vscode.Disposable {
    return this.sync.holdSaves();
  }

  /** Writes every pending sidecar now (for tests, deactivation and renames). */
  flush(uri?: vscode.Uri): Promise<void> {
    return this.sync.flush(uri);
  }
}
