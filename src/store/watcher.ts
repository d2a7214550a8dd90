// Notices sidecars changed outside the store (git pull, another editor, a script) and hands them over.
import * as vscode from 'vscode';
import { parseBlindCopyPath } from '../core/team/annotators';
import { Disposable } from '../util/dispose';
import { logFailures } from '../util/log';
import { TagStore } from './tagStore';

export class SidecarWatcher extends Disposable {
  constructor(store: TagStore) {
    super();
    const watcher = this._register(vscode.workspace.createFileSystemWatcher('**/*.tags.json'));
    const changed = logFailures('Taking over a sidecar changed on disk', (uri: vscode.Uri) => store.onSidecarChangedOnDisk(uri));
    this._register(watcher.onDidChange(changed));
    this._register(watcher.onDidCreate(changed));
    this._register(watcher.onDidDelete(changed));
    // Blind copies (<document>.tags.<author>.json), which the store reads while annotating blind.
    const blind = this._register(vscode.workspace.createFileSystemWatcher('**/*.tags.*.json'));
    this._register(blind.onDidChange(changed));
    this._register(blind.onDidCreate(changed));
    this._register(blind.onDidDelete(changed));
    // Documents saved in another editor while open here are reloaded by VS Code; sidecars saved by
    // VS Code itself (hand edits) arrive through the watcher as well.
    this._register(vscode.workspace.onDidSaveTextDocument((d) => {
      if (d.uri.path.endsWith('.tags.json') || parseBlindCopyPath(d.uri.path)) changed(d.uri);
    }));
  }
}
