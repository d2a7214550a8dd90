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
import { atOrUnder } from './underPath';
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
  /** Merge conflicts each sidecar lists (the review model has no place for them), by document key. */
  private readonly conflictsByDoc = new Map<string, readonly ConflictEntry[]>();
  /** The settings the files read were chosen by (annotate blind, author). */
  private mode: ClaimTaggerConfig;
  /** Bumped on every reload, so reads begun for an earlier one are dropped. */
  private generation = 0;

  constructor(
    readonly model: ReviewModel,
    private readonly store: TagStore,
    private readonly config: () => ClaimTaggerConfig,
    files: TagFileWatcher,
  ) {
    super();
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
    // A deleted sidecar is checked on disk like a deleted folder: events of a file deleted and written again at
    // once may come in any order, and what is there again is re-read, never dropped.
    this._register(files.onDidDelete(logFailures('Tags view: a sidecar was deleted', (uri: vscode.Uri) => this.pathsGone(new Set([uri.toString()])))));
    this._register(files.onDidDeletePaths(logFailures('Tags view: paths deleted', (gone: ReadonlySet<string>) => this.pathsGone(gone))));
    this._register(files.onDidCreatePaths(logFailures('Tags view: paths created', (created: ReadonlySet<string>) => this.pathsCreated(created))));
  }

  /**
   * Files or folders deleted (in one piece, outside VS Code, the watcher reports the folder alone): entries whose
   * sidecar was there go, documents that were there are marked detached (their sidecars elsewhere). Deletions
   * are reported a moment late, so a path put back meanwhile (git switch, a rebase) is checked on disk first:
   * what exists again is re-read, never dropped.
   */
  private async pathsGone(gone: ReadonlySet<string>): Promise<void> {
    if (!this.loaded) return;
    // Most deletions in a workspace touch no tag: then nothing is re-read and the view is not refreshed.
    let changed = false;
    const back: vscode.Uri[] = [];
    for (const d of this.model.documents()) {
      if (d.sidecar && atOrUnder(d.sidecar, gone) && !this.store.get(vscode.Uri.parse(d.key))) {
        const sidecar = vscode.Uri.parse(d.sidecar);
        if (await exists(sidecar)) {
          back.push(sidecar);
          await this.readSidecar(sidecar);
        } else this.model.remove(d.key);
        changed = true;
      } else if (!d.detached && atOrUnder(d.key, gone) && !(await exists(vscode.Uri.parse(d.key)))) {
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
    if (!this.loaded) return;
    let changed = false;
    for (const d of this.model.documents()) {
      if (d.detached && atOrUnder(d.key, created) && (await exists(vscode.Uri.parse(d.key)))) {
        const now = this.model.document(d.key);
        if (now) this.model.upsert({ ...now, detached: false });
        changed = true;
      }
    }
    if (changed) this.changed();
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
      // Open, yet maybe gone on disk (its folder deleted): it stays detached until it is back (pathsCreated).
      detached: known?.detached ?? false,
      error: doc.state === 'broken' ? doc.error?.message : undefined,
    });
    if (notify) this.changed();
  }

  private changed(): void {
    this.notify.schedule('', 50, () => this.changeEmitter.fire());
  }
}

function keysOf(uris: readonly vscode.Uri[]): Set<string> {
  return new Set(uris.map((u) => u.toString()));
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
