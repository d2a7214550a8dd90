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

/** Where creations and deletions of paths come from: a file system watcher, or a test's emitters. */
export interface PathEvents {
  readonly onDidCreate: vscode.Event<vscode.Uri>;
  readonly onDidDelete: vscode.Event<vscode.Uri>;
}

export class FolderEvents extends Disposable {
  private readonly foundEmitter = this._register(new vscode.EventEmitter<vscode.Uri>());
  private readonly goneEmitter = this._register(new vscode.EventEmitter<ReadonlySet<string>>());
  /** A file matching the glob, in a folder that arrived. */
  readonly onDidFindFile = this.foundEmitter.event;
  /** Paths deleted (URI strings): any of them may have been a folder. */
  readonly onDidDeletePaths = this.goneEmitter.event;
  private readonly arrived = new Map<string, vscode.Uri>();
  private gone = new Set<string>();
  private readonly gather = this._register(new KeyedDebounce<'arrived' | 'gone'>());

  private stopped = false;

  constructor(private readonly glob: string, private readonly exclude: string, events?: PathEvents) {
    super();
    const source = events ?? this._register(vscode.workspace.createFileSystemWatcher('**/*', false, true, false));
    this._register({ dispose: () => (this.stopped = true) });
    this._register(source.onDidCreate((uri) => {
      if (!mayBeFolder(uri)) return;
      this.arrived.set(uri.toString(), uri);
      if (!this.gather.isPending('arrived')) this.gather.schedule('arrived', GATHER_MS, () => void this.searchArrived());
    }));
    this._register(source.onDidDelete((uri) => {
      this.gone.add(uri.toString());
      if (!this.gather.isPending('gone')) this.gather.schedule('gone', GATHER_MS, () => this.reportGone());
    }));
  }

  private async searchArrived(): Promise<void> {
    const folders = [...this.arrived.values()];
    this.arrived.clear();
    const keys = new Set(folders.map((f) => f.toString()));
    for (const folder of folders) {
      if (this.stopped) return;
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

/** Folders no tag file lives in, whose arrivals come by the hundred (npm ci, git's own refs). */
const SKIPPED_SEGMENT = /\/(?:node_modules|\.git)(?:\/|$)/;

/**
 * A cheap filter before the stat: most created paths are files with an extension. Kept: names without a dot,
 * hidden folders (".claim-tags"), and names ending in digits after a dot ("2026.11", "v1.2"); never a path inside
 * node_modules or .git, nor a tag file (the file watcher reports those).
 */
function mayBeFolder(uri: vscode.Uri): boolean {
  if (SKIPPED_SEGMENT.test(uri.path)) return false;
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot < 0 || (dot === 0 && !name.endsWith('.json')) || /^\d+$/.test(name.slice(dot + 1));
}
