// Folders that arrive, leave or come back in one piece (a `mv` into the workspace, a folder renamed or deleted by
// git, a terminal or another editor): the OS watcher may report the folder alone, not the files in it, so a glob
// on file names matches nothing. This watches every path and, once per batch (events are gathered for a moment,
// a checkout comes in bursts), reports
//  - the paths deleted: no stat is possible after a deletion, so listeners check what they know under those
//    paths (a path that was a file matches nothing under it);
//  - the paths created (any of them may be a document back on disk, or a folder holding some);
//  - the files matching `glob` inside each folder that arrived, found by one search per folder (a folder inside
//    another that arrived is not looked at again), but for those reported created on their own in the same batch.
// A folder deleted and created again within one batch of the OS watcher arrives as a *change* of the folder: it
// is reported as both deleted and created, and searched, so listeners re-check everything under it.
import * as vscode from 'vscode';
import { Disposable } from '../util/dispose';
import { KeyedDebounce } from '../util/debounce';
import { log } from '../util/log';
import { guessFolder, skippedPath, statCandidates } from './folderNames';
import { underAny } from './underPath';

/** How long events are gathered before they are handled. */
const GATHER_MS = 300;
/**
 * Stats per batch at most of created names with a dot ("www.example.com" may be a folder, "article.md" seldom is)
 * and of changed names without one (statCandidates): a checkout touching thousands of files costs this many stats,
 * not thousands. Paths inside a folder that arrived in the same batch cost nothing (searched with it).
 */
export const STAT_BUDGET = 64;

/** Where creations, changes and deletions of paths come from: a file system watcher, or a test's emitters. */
export interface PathEvents {
  readonly onDidCreate: vscode.Event<vscode.Uri>;
  readonly onDidChange?: vscode.Event<vscode.Uri>;
  readonly onDidDelete: vscode.Event<vscode.Uri>;
}

export class FolderEvents extends Disposable {
  private readonly foundEmitter = this._register(new vscode.EventEmitter<vscode.Uri>());
  private readonly goneEmitter = this._register(new vscode.EventEmitter<ReadonlySet<string>>());
  private readonly createdEmitter = this._register(new vscode.EventEmitter<ReadonlySet<string>>());
  /** A file matching the glob, in a folder that arrived. */
  readonly onDidFindFile = this.foundEmitter.event;
  /** Paths deleted (URI strings): any of them may have been a folder. */
  readonly onDidDeletePaths = this.goneEmitter.event;
  /** Paths created (URI strings): any of them may be a folder. */
  readonly onDidCreatePaths = this.createdEmitter.event;
  private created = new Map<string, vscode.Uri>();
  private changed = new Map<string, vscode.Uri>();
  private gone = new Set<string>();
  private readonly gather = this._register(new KeyedDebounce<''>());
  private stopped = false;

  constructor(private readonly glob: string, private readonly exclude: string, events?: PathEvents) {
    super();
    const source = events ?? this._register(vscode.workspace.createFileSystemWatcher('**/*'));
    this._register({ dispose: () => (this.stopped = true) });
    this._register(source.onDidCreate((uri) => {
      if (skippedPath(uri.path)) return;
      this.created.set(uri.toString(), uri);
      this.later();
    }));
    // Changes of files are most of what this sees (every save): only names without a dot are kept (statCandidates).
    if (source.onDidChange) {
      this._register(source.onDidChange((uri) => {
        if (guessFolder(uri.path) !== 'likely') return;
        this.changed.set(uri.toString(), uri);
        this.later();
      }));
    }
    // Nothing is looked for in .git or node_modules: their deletions (a git gc, an npm install) are not passed on.
    this._register(source.onDidDelete((uri) => {
      if (skippedPath(uri.path)) return;
      this.gone.add(uri.toString());
      this.later();
    }));
  }

  private later(): void {
    if (!this.gather.isPending('')) this.gather.schedule('', GATHER_MS, () => void this.handle().catch((e: unknown) => log.error('Tag files: handling folders that arrived or left', e)));
  }

  private async handle(): Promise<void> {
    const { created, changed, gone } = this;
    this.created = new Map();
    this.changed = new Map();
    this.gone = new Set();
    const folders = await this.foldersAmong(changed, created);
    if (this.stopped) return;
    // A changed folder (made a moment ago, foldersAmong) was replaced as a whole: what is under it is checked as
    // if it had gone and come back.
    const replaced = folders.map((f) => f.toString()).filter((f) => !created.has(f));
    if (gone.size || replaced.length) this.goneEmitter.fire(new Set([...gone, ...replaced]));
    if (created.size || replaced.length) this.createdEmitter.fire(new Set([...created.keys(), ...replaced]));
    for (const folder of folders) {
      if (this.stopped) return;
      try {
        for (const file of await vscode.workspace.findFiles(new vscode.RelativePattern(folder, this.glob), this.exclude)) {
          // Reported created on its own in this batch (Linux reports each file of a folder that arrives): the file
          // watcher delivered it already, so it is not read twice.
          if (!created.has(file.toString())) this.foundEmitter.fire(file);
        }
      } catch (e) {
        log.info(`Tag files: skipped ${folder.toString(true)}, which arrived and cannot be searched (${e instanceof Error ? e.message : String(e)})`);
      }
    }
  }

  /**
   * The folders among paths created or changed, outermost only (what lies inside one is searched with it), stat'ed
   * in the order and within the budget statCandidates gives. A folder only changed counts when it was made a moment
   * ago (replaced): some systems also report a folder changed when a file in it is.
   */
  private async foldersAmong(changed: ReadonlyMap<string, vscode.Uri>, created: ReadonlyMap<string, vscode.Uri>): Promise<vscode.Uri[]> {
    const folders: vscode.Uri[] = [];
    const keys = new Set<string>();
    let budget = STAT_BUDGET;
    let unchecked = 0;
    for (const { path: key, budgeted } of statCandidates([...created.keys()], [...changed.keys()])) {
      if (underAny(key, keys)) continue;
      if (budgeted && budget-- <= 0) {
        unchecked++;
        continue;
      }
      if (this.stopped) break;
      const uri = created.get(key) ?? changed.get(key)!;
      try {
        const stat = await vscode.workspace.fs.stat(uri);
        if ((stat.type & vscode.FileType.Directory) && (created.has(key) || madeRecently(stat))) {
          folders.push(uri);
          keys.add(key);
        }
      } catch {
        // Gone again already (a temporary file or folder): its deletion is reported on its own.
      }
    }
    if (unchecked) log.info(`Tag files: ${unchecked} paths created or changed at once were not checked for folders (over ${STAT_BUDGET}); run Refresh in the Tags view if a folder arrived among them`);
    // A changed folder may hold one created (stat'ed first): only the outermost is searched.
    return folders.filter((f) => !underAny(f.toString(), keys));
  }
}

/** How recent the creation of a changed folder must be for it to count as replaced. */
const REPLACED_WITHIN_MS = 60_000;

/**
 * Whether a folder was created a moment ago. An unknown creation time (0: no birthtime) does not count, or every
 * `chmod -R` would have each folder searched and its sidecars read again.
 */
function madeRecently(stat: vscode.FileStat): boolean {
  return stat.ctime > 0 && Date.now() - stat.ctime < REPLACED_WITHIN_MS;
}
