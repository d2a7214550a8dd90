// Notices sidecars changed outside the store (git pull, another editor, a script) and hands them over.
import * as vscode from 'vscode';
import { parseBlindCopyPath } from '../core/team/annotators';
import { Disposable } from '../util/dispose';
import { logFailures } from '../util/log';
import { TagStore } from './tagStore';
import { TagFileWatcher } from './tagFileWatcher';
import { atOrUnder } from './underPath';

export class SidecarWatcher extends Disposable {
  constructor(store: TagStore, files: TagFileWatcher) {
    super();
    const take = logFailures('Taking over a sidecar changed on disk', (uri: vscode.Uri) => store.onSidecarChangedOnDisk(uri));
    // Sidecars and blind copies (<document>.tags.<author>.json, which the store reads while annotating blind).
    const changed = (uri: vscode.Uri) => {
      if (isTagFile(uri)) take(uri);
    };
    this._register(files.onDidChange(changed));
    this._register(files.onDidCreate(changed));
    this._register(files.onDidDelete(changed));
    // A folder deleted, moved away or replaced in one piece is reported alone: the open documents whose sidecars
    // were under it are told as if each sidecar had been deleted or changed on its own (their tags kept in memory).
    this._register(files.onDidDeletePaths((gone) => {
      for (const doc of store.all()) if (doc.sidecarUri && atOrUnder(doc.sidecarUri.toString(), gone)) changed(doc.sidecarUri);
    }));
    // Documents saved in another editor while open here are reloaded by VS Code; sidecars saved by
    // VS Code itself (hand edits) arrive through the watcher as well.
    this._register(vscode.workspace.onDidSaveTextDocument((d) => changed(d.uri)));
  }
}

/** A shared sidecar or a blind copy (the watcher's glob also matches other names, such as x.tagsfoo.json). */
function isTagFile(uri: vscode.Uri): boolean {
  return uri.path.endsWith('.tags.json') || !!parseBlindCopyPath(uri.path);
}
