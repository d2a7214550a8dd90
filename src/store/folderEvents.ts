// Folders that arrive or leave in one piece (a `mv` into the workspace, a folder renamed or deleted by git, a
// terminal or another editor): the OS watcher may report the folder alone, not the files in it, so a glob on file
// names matches nothing. This watches the creation and deletion of every path and reports
//  - the files matching `glob` inside a folder that arrived, found by one search per folder (arrivals are
//    gathered for a moment first, and a folder inside another that arrived is not searched again), and
//  - the paths that went, in batches: no stat is possible after a deletion, so listeners drop whatever they
//    know under those paths (a path that was a file matches nothing under it).
import * as vscode from 'vscode';
import { Disposable } from '../util/dispose';
import { KeyedDebounce } from '../util/debounce';
import { log } from '../util/log';
import { underAny } from './underPath';

/** How long arrivals and departures are gathered before they are handled (a checkout comes in bursts). */
const GATHER_MS = 300;

export class FolderEvents extends Disposable {
  private readonly watcher = this._register(vscode.workspace.createFileSystemWatcher('**/*', false, true, false));
  private readonly foundEmitter = this._register(new vscode.EventEmitter<vscode.Uri>());
  private readonly goneEmitter = this._register(new vscode.EventEmitter<ReadonlySet<string>>());
  /** A file matching the glob, in a folder that arrived. */
  readonly onDidFindFile = this.foundEmitter.event;
  /** Paths deleted (URI strings): any of them may have been a folder. */
  readonly onDidDeletePaths = this.goneEmitter.event;
  private readonly arrived = new Map<string, vscode.Uri>();
  private gone = new Set<string>();
  private readonly gather = this._register(new KeyedDebounce<'arrived' | 'gone'>());

  constructor(private readonly glob: string, private readonly exclude: string) {
    super();
    this._register(this.watcher.onDidCreate((uri) => {
      // Cheap filter first: a name without a dot is most likely a folder (the search stats it before anything).
      if (lastSegment(uri).includes('.')) return;
      this.arrived.set(uri.toString(), uri);
      if (!this.gather.isPending('arrived')) this.gather.schedule('arrived', GATHER_MS, () => void this.searchArrived());
    }));
    this._register(this.watcher.onDidDelete((uri) => {
      this.gone.add(uri.toString());
      if (!this.gather.isPending('gone')) this.gather.schedule('gone', GATHER_MS, () => this.reportGone());
    }));
  }

  private async searchArrived(): Promise<void> {
    const folders = [...this.arrived.values()];
    this.arrived.clear();
    const keys = new Set(folders.map((f) => f.toString()));
    for (const folder of folders) {
      if (underAny(folder.toString(), keys)) continue; // searched with the folder holding it
      try {
        if ((await vscode.workspace.fs.stat(folder)).type & vscode.FileType.Directory) {
          for (const file of await vscode.workspace.findFiles(new vscode.RelativePattern(folder, this.glob), this.exclude)) this.foundEmitter.fire(file);
        }
      } catch (e) {
        // Gone again already (a temporary folder): its deletion is reported on its own.
        log.info(`Tag files: skipped ${folder.toString(true)}, which arrived and cannot be searched (${e instanceof Error ? e.message : String(e)})`);
      }
    }
  }

  private reportGone(): void {
    const gone = this.gone;
    this.gone = new Set();
    this.goneEmitter.fire(gone);
  }
}

function lastSegment(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
