// Feeds the review model: every sidecar in the workspace (both locations), read on first use and kept
// current from the file watcher and the store. Only sidecars are read, never the documents' text.
// While annotating blind, the files read are the current author's blind copies instead (the store's rule,
// src/store/blindMode.ts), so the view, the workspace report and the learned phrases see no one else's tags.
import * as vscode from 'vscode';
import { ClaimTaggerConfig, onDidChangeConfig } from '../config';
import { ReviewModel } from '../core/review/model';
import { parseSidecar } from '../core/sidecar/format';
import { liveConflicts } from '../core/team/conflicts';
import { ConflictEntry } from '../core/team/types';
import { documentOfTagFile, tagFilesGlob, tagFilesMoved } from './blindMode';
import { TagStore } from './tagStore';
import { TagFileWatcher } from './tagFileWatcher';
import { PathLookup, atOrUnder } from './underPath';
import { NameOps, exactExists, exactUnder, matchedBy } from './exactName';
import { Disposable } from '../util/dispose';
import { log, logFailures } from '../util/log';
import { KeyedDebounce } from '../util/debounce';
import { yieldToEventLoop } from '../util/yieldNow';

const READ_CONCURRENCY = 16;

export class WorkspaceIndex extends Disposable {
  private loaded: Promise<void> | undefined;
  private readonly changeEmitter = this._register(new vscode.EventEmitter<void>());
  /** Fires (debounced) when the model changed. */
  readonly onDidChange = this.changeEmitter.event;
  private readonly notify = new KeyedDebounce<''>();
  /** Re-checks on disk of open detached documents, one per document after a pause (not one per keystroke). */
  private readonly backChecks = new KeyedDebounce<string>();
  /** Merge conflicts each sidecar lists (the review model has no place for them), by document key. */
  private readonly conflictsByDoc = new Map<string, readonly ConflictEntry[]>();
  /** The settings the files read were chosen by (annotate blind, author). */
  private mode: ClaimTaggerConfig;
  /** Bumped on every reload, so reads begun for an earlier one are dropped. */
  private generation = 0;
  /** Set on dispose: reads and checks still in flight then change nothing. */
  private stopped = false;

  constructor(
    readonly model: ReviewModel,
    private readonly store: TagStore,
    private readonly config: () => ClaimTaggerConfig,
    files: TagFileWatcher,
  ) {
    super();
    this._register({ dispose: () => (this.stopped = true) });
    this.mode = config();
    this.watch(files);
    // Deferred: the extension's own listener refreshes the config getter on the same event.
    this._register(onDidChangeConfig(() => setTimeout(() => this.configChanged(), 0)));
    this._register(store.onDidChange((e) => {
      if (this.loaded) this.fromStore(e.uri);
    }));
    // Deleted or created in VS Code (Explorer, Undo): the same checks as for paths the file watcher reports.
    this._register(vscode.workspace.onDidDeleteFiles(logFailures('Tags view: files deleted', (e: vscode.FileDeleteEvent) => this.pathsGone(keysOf(e.files)))));
    this._register(vscode.workspace.onDidCreateFiles(logFailures('Tags view: files created', (e: vscode.FileCreateEvent) => this.pathsCreated(keysOf(e.files)))));
    this._register(vscode.workspace.onDidChangeWorkspaceFolders(() => this.reload()));
    // An untitled document's tags live only while it is open: saved (its file takes them) or closed, its entry goes.
    this._register(vscode.workspace.onDidCloseTextDocument((d) => {
      if (d.uri.scheme !== 'untitled' || !this.model.document(d.uri.toString())) return;
      this.model.remove(d.uri.toString());
      this.changed();
    }));
    this._register(this.notify);
    this._register(this.backChecks);
  }

  /** The author whose blind copies are listed, or undefined when the shared sidecars are. */
  get blindAuthor(): string | undefined {
    return this.mode.team.annotateBlind ? this.mode.author : undefined;
  }

  /** Reads every sidecar once (the first time the view asks). */
  ensureLoaded(): Promise<void> {
    this.loaded ??= this.loadAll();
    return this.loaded;
  }

  /** The conflicts still standing in a document (both versions present in its tags). */
  conflicts(docKey: string): ConflictEntry[] {
    const entries = this.conflictsByDoc.get(docKey);
    return entries?.length ? liveConflicts(entries, this.model.document(docKey)?.tags ?? []) : [];
  }

  /** Documents listing any conflict. */
  documentsWithConflicts(): string[] {
    return [...this.conflictsByDoc.keys()].filter((k) => this.conflicts(k).length);
  }

  reload(): Promise<void> {
    this.generation++;
    this.conflictsByDoc.clear();
    for (const d of this.model.documents()) this.model.remove(d.key);
    this.loaded = this.loadAll();
    return this.loaded.then(() => this.changed());
  }

  private watch(files: TagFileWatcher): void {
    // The shared watcher sees shared sidecars and blind copies alike: readSidecar keeps only the files of the
    // current mode. (Replacing a watcher when the mode changed lost events: a new watcher takes a moment to start.)
    const reread = logFailures('Tags view: re-reading a changed sidecar', async (uri: vscode.Uri) => {
      if (this.loaded) await this.readSidecar(uri).then(() => this.changed());
    });
    this._register(files.onDidChange(reread));
    this._register(files.onDidCreate(reread));
    // A deleted sidecar comes in the batch of deleted paths (the folder watcher sees every path), checked on disk
    // there like a deleted folder: events of a file deleted and written again at once may come in any order.
    this._register(files.onDidDeletePaths(logFailures('Tags view: paths deleted', (gone: ReadonlySet<string>) => this.pathsGone(gone))));
    this._register(files.onDidCreatePaths(logFailures('Tags view: paths created', (created: ReadonlySet<string>) => this.pathsCreated(created))));
  }

  /**
   * Files or folders deleted (in one piece, outside VS Code, the watcher reports the folder alone; on Linux each
   * file too, in the same batch): entries whose sidecar was there go, documents that were there are marked
   * detached (their sidecars elsewhere). Deletions are reported a moment late, so a path put back meanwhile (git
   * switch, a rebase) is checked on disk first, under its exact name: what exists again is re-read, never dropped.
   * Entries are found from the deleted paths' side (PathLookup), each handled once per batch.
   */
  private async pathsGone(gone: ReadonlySet<string>): Promise<void> {
    if (!this.loaded || this.stopped) return;
    const docs = this.model.documents();
    const bySidecar = new PathLookup(groupBy(docs.filter((d) => d.sidecar), (d) => d.sidecar));
    const byKey = new PathLookup(groupBy(docs, (d) => d.key));
    const sidecarGone = new Set([...bySidecar.atOrUnder(gone)].flat().map((d) => d.key));
    const hit = new Set([...sidecarGone, ...[...byKey.atOrUnder(gone)].flat().map((d) => d.key)]);
    if (!hit.size) return; // most deletions in a workspace touch no tag: nothing re-read, the view not refreshed
    // Each path under the exact name of the deleted path it was matched by (a folder renamed by case only).
    const exact = exactUnder(nameOps);
    const onDisk = (key: string) => {
      const via = matchedBy(key, gone);
      return exact(vscode.Uri.parse(key), via === undefined || via === key ? undefined : vscode.Uri.parse(via));
    };
    let changed = false;
    const back: vscode.Uri[] = [];
    for (const key of hit) {
      const d = this.model.document(key);
      if (!d || this.stopped) continue;
      if (sidecarGone.has(key) && !this.store.get(vscode.Uri.parse(d.key))) {
        const sidecar = vscode.Uri.parse(d.sidecar);
        if (await onDisk(d.sidecar)) {
          back.push(sidecar);
          await this.readSidecar(sidecar);
        } else this.model.remove(d.key);
        changed = true;
      } else if (!d.detached && atOrUnder(d.key, gone) && !(await onDisk(d.key))) {
        const now = this.model.document(d.key);
        if (now) this.model.upsert({ ...now, detached: true });
        changed = true;
      }
    }
    if (back.length) log.info(`Tags view: ${back.length} sidecar(s) reported deleted are on disk again (${back[0].fsPath}${back.length > 1 ? ', …' : ''}): read again, not dropped`);
    if (changed) this.changed();
  }

  /** Files or folders created: a detached document back on disk (a folder put back, an undone move) is no longer detached. */
  private async pathsCreated(created: ReadonlySet<string>): Promise<void> {
    if (!this.loaded || this.stopped) return;
    const detached = new PathLookup(groupBy(this.model.documents().filter((d) => d.detached), (d) => d.key));
    const onDisk = exactExists(nameOps);
    let changed = false;
    for (const d of [...detached.atOrUnder(created)].flat()) {
      if (this.stopped) return;
      if (await onDisk(vscode.Uri.parse(d.key))) changed = this.attached(d.key) || changed;
    }
    if (changed) this.changed();
  }

  /** Marks a document no longer detached; whether it was. */
  private attached(key: string): boolean {
    const now = this.model.document(key);
    if (!now?.detached) return false;
    this.model.upsert({ ...now, detached: false });
    return true;
  }

  /** Blind mode or its author switched: other files hold the tags now, so watch and read those. */
  private configChanged(): void {
    const before = this.mode;
    this.mode = this.config();
    if (!tagFilesMoved(before, this.mode)) return;
    if (this.loaded) this.reload().catch((e: unknown) => log.error('Tags view: reading the sidecars again', e));
    else this.changed(); // the view's description says whose tags it lists
  }

  /**
   * Reads every sidecar quickly (JSON and the shape of each tag) so the first level shows at once, then checks
   * them against the schema in the background and marks the ones that fail.
   */
  private async loadAll(): Promise<void> {
    const generation = this.generation;
    const files = await vscode.workspace.findFiles(tagFilesGlob(this.mode), '**/node_modules/**');
    const raws = new Map<string, string>();
    for (let i = 0; i < files.length && generation === this.generation; i += READ_CONCURRENCY) {
      await Promise.all(files.slice(i, i + READ_CONCURRENCY).map((f) => this.readSidecar(f, false, raws)));
    }
    if (generation !== this.generation) return;
    for (const doc of this.store.all()) this.fromStore(doc.uri, false);
    this.validateLater(raws).catch((e: unknown) => log.error('Tags view: checking the sidecars against the schema', e));
  }

  private async validateLater(raws: Map<string, string>): Promise<void> {
    let changed = false;
    let slice = Date.now();
    for (const [sidecar, raw] of raws) {
      const read = parseSidecar(raw);
      if (!read.ok) {
        log.warn(`Tags view: ${vscode.Uri.parse(sidecar).fsPath} fails the sidecar schema (its tags are not listed): ${read.error.message}`);
        for (const d of this.model.documents()) {
          if (d.sidecar === sidecar && !this.store.get(vscode.Uri.parse(d.key))) {
            this.model.upsert({ ...d, tags: [], error: read.error.message });
            changed = true;
          }
        }
      }
      if (Date.now() - slice > 10) {
        await yieldToEventLoop();
        slice = Date.now();
      }
    }
    if (changed) this.changed();
  }

  /** Reads one file holding tags in the current mode (a shared sidecar, or the author's blind copy). */
  private async readSidecar(sidecar: vscode.Uri, validate = true, raws?: Map<string, string>): Promise<void> {
    const generation = this.generation;
    const docUri = documentOfTagFile(sidecar, this.mode);
    if (!docUri) return;
    // An open document's live tags (moved by unsaved edits) win over its sidecar.
    if (this.store.get(docUri)) return this.fromStore(docUri, false);
    let raw: string;
    try {
      raw = new TextDecoder().decode(await vscode.workspace.fs.readFile(sidecar));
    } catch (e) {
      log.warn(`Tags view: skipped ${sidecar.fsPath}, which cannot be read`, e);
      return;
    }
    const parsed = parseSidecar(raw, undefined, { validate });
    if (!parsed.ok) log.warn(`Tags view: ${sidecar.fsPath} is not a valid sidecar (its tags are not listed): ${parsed.error.message}`);
    raws?.set(sidecar.toString(), raw);
    const detached = !(await exists(docUri));
    if (generation !== this.generation) return; // read for a reload (or a mode) that is gone
    this.conflictsByDoc.set(docUri.toString(), parsed.ok ? (parsed.sidecar.conflicts ?? []) : []);
    this.model.upsert({
      key: docUri.toString(),
      name: vscode.workspace.asRelativePath(docUri, vscode.workspace.workspaceFolders !== undefined && vscode.workspace.workspaceFolders.length > 1),
      sidecar: sidecar.toString(),
      tags: parsed.ok ? parsed.sidecar.tags : [],
      detached,
      error: parsed.ok ? undefined : parsed.error.message,
    });
  }

  private fromStore(uri: vscode.Uri, notify = true): void {
    const doc = this.store.get(uri);
    if (!doc) return;
    const known = this.model.document(uri.toString());
    this.conflictsByDoc.set(uri.toString(), doc.conflicts);
    this.model.upsert({
      key: uri.toString(),
      name: uri.scheme === 'untitled' ? uri.path : vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1),
      sidecar: doc.sidecarUri?.toString() ?? known?.sidecar ?? '',
      tags: doc.tags,
      // Open, yet maybe gone on disk (its folder deleted): it stays detached until it is back.
      detached: known?.detached ?? false,
      error: doc.state === 'broken' ? doc.error?.message : undefined,
    });
    if (notify) this.changed();
    // Its return may never be reported as a creation (a watcher overflow, a folder swapped in long ago): checked
    // again when the store has fired for it, after a pause (the store fires as the user types).
    if (known?.detached && uri.scheme !== 'untitled') {
      this.backChecks.schedule(uri.toString(), 300, () => {
        void exactExists(nameOps)(uri).then((back) => {
          if (back && !this.stopped && this.store.get(uri) && this.attached(uri.toString())) this.changed();
        });
      });
    }
  }

  private changed(): void {
    if (this.stopped) return;
    this.notify.schedule('', 50, () => this.changeEmitter.fire());
  }
}

function keysOf(uris: readonly vscode.Uri[]): Set<string> {
  return new Set(uris.map((u) => u.toString()));
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** The file system calls of the exact-name checks (exactName.ts): each check made lists a folder once per batch. */
const nameOps: NameOps<vscode.Uri> = {
  exists,
  siblings: async (uri) => (await vscode.workspace.fs.readDirectory(parentOf(uri))).map(([name]) => name),
  folderOf: (uri) => parentOf(uri).toString(),
  nameOf: (uri) => uri.path.slice(uri.path.lastIndexOf('/') + 1),
};

function parentOf(uri: vscode.Uri): vscode.Uri {
  return uri.with({ path: uri.path.slice(0, uri.path.lastIndexOf('/')) || '/' });
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
