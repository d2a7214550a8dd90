// The one file watcher on the files that hold tags: shared sidecars (<document>.tags.json) and blind copies
// (<document>.tags.<author>.json). The store's sidecar watcher and the workspace index both listen to it, so
// the workspace is watched once, not once per reader.
import * as vscode from 'vscode';
import { Disposable } from '../util/dispose';

const TAG_FILES_GLOB = '**/*.tags*.json';

export class TagFileWatcher extends Disposable {
  private readonly watcher = this._register(vscode.workspace.createFileSystemWatcher(TAG_FILES_GLOB));
  readonly onDidChange = this.watcher.onDidChange;
  readonly onDidCreate = this.watcher.onDidCreate;
  readonly onDidDelete = this.watcher.onDidDelete;
}
