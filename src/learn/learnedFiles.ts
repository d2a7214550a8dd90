// `.claim-tags/learned.json` of each workspace folder in the editor: read (and re-read when it changes, e.g. after
// a git pull), checked, and written atomically. A write re-reads the file and applies only this session's new
// decisions and forgets to it, so what a teammate merged in meanwhile is kept. A corrupt or newer file is shown
// once and never written; untrusted workspaces and folders on read-only file systems are read-only. Written
// through the platform's SidecarFiles (disk with a lock on the desktop, workspace.fs on the web).
import * as vscode from 'vscode';
import { emptyDecisions, recordDecision } from '../core/learn/decisions';
import { LEARNED_FILE, Learned, emptyLearned, mergeLearned, parseLearned, serializeLearned } from '../core/learn/learnedFile';
import { SuggestionKind } from '../core/suggest';
import { SIDECAR_FOLDER } from '../core/sidecar/paths';
import { SidecarFiles } from '../store/sidecarIO';
import { Disposable } from '../util/dispose';
import { KeyedDebounce } from '../util/debounce';

const WRITE_DELAY_MS = 300;

/** learned.json on disk cannot be read (corrupt, newer version): it is neither used nor written until it changes. */
class UnreadableLearnedFile extends Error {}

/** One accepted or dismissed suggestion. */
export interface Decision {
  rule: string;
  term?: string;
  accepted: boolean;
}

/** A change to apply to the file as it is on disk when written. */
type Op =
  | { type: 'decide'; decisions: readonly Decision[] }
  | { type: 'forgetPhrase'; kind: SuggestionKind; key: string; count: number }
  | { type: 'forgetRule'; rule: string }
  | { type: 'forgetTerm'; rule: string; term: string }
  | { type: 'forgetAll'; phrases: { kind: SuggestionKind; key: string; count: number }[] };

interface FolderState {
  uri: vscode.Uri;
  learned: Learned;
  /** Set when the file on disk is unusable: it is neither used nor written. */
  problem?: string;
  pending: Op[];
}

export class LearnedFiles extends Disposable {
  private readonly folders = new Map<string, FolderState>();
  private readonly changeEmitter = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changeEmitter.event;
  private readonly write = new KeyedDebounce<''>();
  private writing: Promise<void> = Promise.resolve();
  private loaded: Promise<void> | undefined;

  /** `files`: how learned.json is written (the platform's: disk with the lock on the desktop, workspace.fs on the web). */
  constructor(private readonly files: SidecarFiles) {
    super();
    const watcher = this._register(vscode.workspace.createFileSystemWatcher(`**/${SIDECAR_FOLDER}/${LEARNED_FILE}`));
    const reread = (uri: vscode.Uri) => {
      const f = vscode.workspace.getWorkspaceFolder(uri);
      if (f && uri.toString() === fileOf(f).toString()) void this.read(f).then(() => this.changeEmitter.fire());
    };
    this._register(watcher.onDidChange(reread));
    this._register(watcher.onDidCreate(reread));
    this._register(watcher.onDidDelete(reread));
    this._register(vscode.workspace.onDidChangeWorkspaceFolders(() => {
      this.loaded = undefined;
      void this.ready().then(() => this.changeEmitter.fire());
    }));
    this._register(this.write);
  }

  ready(): Promise<void> {
    this.loaded ??= Promise.all((vscode.workspace.workspaceFolders ?? []).map((f) => this.read(f))).then(() => undefined);
    return this.loaded;
  }

  /** What the folder of `uri` learned (undefined outside a workspace folder or when its file is unusable). */
  learnedFor(uri: vscode.Uri): Learned | undefined {
    const f = vscode.workspace.getWorkspaceFolder(uri);
    const state = f && this.folders.get(f.uri.toString());
    return state && !state.problem ? state.learned : undefined;
  }

  folderStates(): { folder: vscode.WorkspaceFolder; learned: Learned; problem?: string }[] {
    return (vscode.workspace.workspaceFolders ?? []).map((folder) => {
      const s = this.folders.get(folder.uri.toString());
      return { folder, learned: s?.learned ?? emptyLearned(), problem: s?.problem };
    });
  }

  /** Whether decisions in this folder are written (trusted workspace, a writable file system, a usable learned.json). */
  writable(folder: vscode.WorkspaceFolder): boolean {
    const s = this.folders.get(folder.uri.toString());
    return vscode.workspace.isTrusted && vscode.workspace.fs.isWritableFileSystem(folder.uri.scheme) !== false && !!s && !s.problem;
  }

  /** Counts decisions in the folder of `uri` (one change, however many); written shortly after. */
  decide(uri: vscode.Uri, decisions: readonly Decision[]): void {
    this.apply(uri, { type: 'decide', decisions });
  }

  forgetPhrase(folder: vscode.WorkspaceFolder, kind: SuggestionKind, key: string, count: number): void {
    this.apply(folder.uri, { type: 'forgetPhrase', kind, key, count });
  }

  forgetRule(folder: vscode.WorkspaceFolder, rule: string): void {
    this.apply(folder.uri, { type: 'forgetRule', rule });
  }

  forgetTerm(folder: vscode.WorkspaceFolder, rule: string, term: string): void {
    this.apply(folder.uri, { type: 'forgetTerm', rule, term });
  }

  forgetAll(folder: vscode.WorkspaceFolder, phrases: { kind: SuggestionKind; key: string; count: number }[]): void {
    this.apply(folder.uri, { type: 'forgetAll', phrases });
  }

  /** Writes what is pending now (tests, deactivation). */
  async flush(): Promise<void> {
    this.write.cancel('');
    this.writing = this.writing.then(() => this.writeAll());
    await this.writing;
  }

  private apply(uri: vscode.Uri, op: Op): void {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return;
    const s = this.folders.get(folder.uri.toString());
    if (!s || s.problem) return; // never act on (or overwrite) a file we cannot read
    s.learned = applyOp(s.learned, op);
    if (this.writable(folder)) {
      s.pending.push(op);
      this.write.schedule('', WRITE_DELAY_MS, () => void this.flush());
    }
    this.changeEmitter.fire();
  }

  private async writeAll(): Promise<void> {
    for (const s of this.folders.values()) {
      if (!s.pending.length || s.problem) continue;
      const ops = s.pending.splice(0);
      const file = fileOf({ uri: s.uri });
      try {
        let written: Learned | undefined;
        await this.files.update(file, (current) => {
          let base = emptyLearned();
          if (current !== undefined) {
            const read = parseLearned(current);
            if (!read.ok) throw new UnreadableLearnedFile(`${vscode.workspace.asRelativePath(file)}${read.line !== undefined ? `:${read.line}:${read.column}` : ''}: ${read.message}`);
            base = read.learned;
          }
          written = ops.reduce(applyOp, base);
          return serializeLearned(written);
        });
        if (written) s.learned = written;
      } catch (e) {
        // Whatever went wrong, these decisions are kept: written with the next one, or once the file is usable again.
        s.pending.unshift(...ops);
        if (!(e instanceof UnreadableLearnedFile)) {
          // Another writer kept changing the file, a lock timeout, a full disk: try again with the next decision.
          void vscode.window.showWarningMessage(vscode.l10n.t('Claim Tagger did not save what it learned yet: {0}. It is kept and written with the next decision.', (e as Error).message));
          continue;
        }
        s.problem = e.message;
        void vscode.window.showWarningMessage(vscode.l10n.t('Claim Tagger did not save what it learned: {0}', s.problem));
      }
    }
  }

  private async read(folder: Pick<vscode.WorkspaceFolder, 'uri'>): Promise<void> {
    const key = folder.uri.toString();
    const state: FolderState = this.folders.get(key) ?? { uri: folder.uri, learned: emptyLearned(), pending: [] };
    this.folders.set(key, state);
    let raw: string;
    try {
      raw = new TextDecoder().decode(await vscode.workspace.fs.readFile(fileOf(folder)));
    } catch {
      state.learned = state.pending.reduce(applyOp, emptyLearned());
      state.problem = undefined;
      return;
    }
    const read = parseLearned(raw);
    if (!read.ok) {
      const message = `${vscode.workspace.asRelativePath(fileOf(folder))}${read.line !== undefined ? `:${read.line}:${read.column}` : ''}: ${read.message}`;
      if (state.problem !== message) void vscode.window.showWarningMessage(vscode.l10n.t('Claim Tagger does not use {0}. It is left as it is; fix it to learn again.', message));
      state.problem = message;
      return;
    }
    state.problem = undefined;
    // Decisions made since the last write are not on disk yet: keep them on top of what was read, and write them
    // (those kept while the file could not be read, too).
    state.learned = state.pending.reduce(applyOp, read.learned);
    if (state.pending.length) this.write.schedule('', WRITE_DELAY_MS, () => void this.flush());
  }
}

export function fileOf(folder: Pick<vscode.WorkspaceFolder, 'uri'>): vscode.Uri {
  return vscode.Uri.joinPath(folder.uri, SIDECAR_FOLDER, LEARNED_FILE);
}

/** A copy of `l` with `op` applied. */
function applyOp(l: Learned, op: Op): Learned {
  const out = mergeLearned(l, emptyLearned());
  switch (op.type) {
    case 'decide':
      for (const d of op.decisions) recordDecision(out.decisions, d.rule, d.term, d.accepted);
      break;
    case 'forgetPhrase':
      forgetPhrase(out, op);
      break;
    case 'forgetRule':
      delete out.decisions.rules[op.rule];
      delete out.decisions.terms[op.rule];
      break;
    case 'forgetTerm':
      if (Object.hasOwn(out.decisions.terms, op.rule)) delete out.decisions.terms[op.rule][op.term];
      break;
    case 'forgetAll':
      out.decisions = emptyDecisions();
      for (const p of op.phrases) forgetPhrase(out, p);
      break;
  }
  return out;
}

function forgetPhrase(l: Learned, p: { kind: SuggestionKind; key: string; count: number }): void {
  const byKey = (l.forgotten[p.kind] ??= Object.create(null) as Record<string, number>);
  byKey[p.key] = Math.max(byKey[p.key] ?? 0, p.count);
}

