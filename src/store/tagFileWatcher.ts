// The one file watcher on the files that hold tags: shared sidecars (<document>.tags.json) and blind copies
// (<document>.tags.<author>.json). The store's sidecar watcher and the workspace index both listen to it, so
// the workspace is watched once, not once per reader. Folders that arrive or leave in one piece (a `mv`, a
// `git pull` bringing a folder) are reported by the OS as the folder alone: the tag files found in a folder that
// arrived come as creations, and the paths deleted and created come in batches (folderEvents.ts).
import * as vscode from 'vscode';
import { Disposable } from '../util/dispose';
import { FolderEvents } from './folderEvents';

const TAG_FILES_GLOB = '**/*.tags*.json';
/** The folders the workspace index leaves out when it reads every sidecar (workspaceIndex.ts). */
const EXCLUDE = '**/node_modules/**';

export class TagFileWatcher extends Disposable {
  private readonly watcher = this._register(vscode.workspace.createFileSystemWatcher(TAG_FILES_GLOB));
  private readonly folders = this._register(new FolderEvents(TAG_FILES_GLOB, EXCLUDE));
  private readonly createEmitter = this._register(new vscode.EventEmitter<vscode.Uri>());
  readonly onDidChange = this.watcher.onDidChange;
  /** A tag file created, or found in a folder that arrived. */
  readonly onDidCreate = this.createEmitter.event;
  readonly onDidDelete = this.watcher.onDidDelete;
  /** Paths deleted (URI strings, in batches), any of which may have been a folder holding tag files. */
  readonly onDidDeletePaths = this.folders.onDidDeletePaths;
  /** Paths created (URI strings, in batches): a document or a folder back on disk, among others. */
  readonly onDidCreatePaths = this.folders.onDidCreatePaths;

  constructor() {
    super();
    this._register(this.watcher.onDidCreate((uri) => this.createEmitter.fire(uri)));
    this._register(this.folders.onDidFindFile((uri) => this.createEmitter.fire(uri)));
  }
}
