// The learning layer in the editor: phrase memory per workspace folder, built from the Tags view's index of
// every sidecar (never from the documents' text) and kept current in place when tags change (only the changed
// documents' phrases are updated); decisions counted into learned.json. The suggestion controller asks it for a
// LearningContext per document, and reruns only the documents a change can affect. Claim evidence is derived
// beside the memory from the documents with claim tags (derivedClaims.ts).
import * as vscode from 'vscode';
import { decisionTerm } from '../core/learn/decisions';
import { isForgotten, serializeLearned } from '../core/learn/learnedFile';
import { LearningContext } from '../core/learn/layer';
import { mentionsAny } from '../core/learn/normalize';
import { PhraseMemory, SourceTag } from '../core/learn/phraseMemory';
import { ReviewDocument } from '../core/review/model';
import { Suggestion } from '../core/suggest';
import { ClaimTaggerConfig } from '../config';
import { WorkspaceIndex } from '../store/workspaceIndex';
import { SidecarFiles } from '../store/sidecarIO';
import { Disposable } from '../util/dispose';
import { LearnedFiles } from './learnedFiles';
import { DerivedClaims } from './derivedClaims';
import { KeyedDebounce } from '../util/debounce';

const UPDATE_DELAY_MS = 200;

/** What changed: `affects(document)` says whether that document's suggestions can differ now. */
export interface LearningChange {
  affects(document: vscode.TextDocument): boolean;
}

/** What a document gave its folder's memory last time (to find what changed). */
interface Seen {
  doc: ReviewDocument;
  folder: string;
  /** Its tags as phrase memory sees them, one string ('' for none). */
  print: string;
}

export class Learning extends Disposable {
  readonly files: LearnedFiles;
  /** Folder URI -> its phrase memory ('' for documents outside every folder). */
  private memories = new Map<string, PhraseMemory>();
  private seen = new Map<string, Seen>();
  /** Claim evidence per folder, derived from the documents with claim tags. */
  private readonly claims = new DerivedClaims();
  /** Folder URI -> its learned.json as last used (serialised), to tell real changes from re-reads. */
  private learnedPrint = new Map<string, string>();
  private built: Promise<void> | undefined;
  /** Keyed by what changed: the index or the learned files. */
  private readonly updates = this._register(new KeyedDebounce<'index' | 'files'>());
  private readonly changeEmitter = this._register(new vscode.EventEmitter<LearningChange>());
  /** Fires when what was learned changed, with the documents whose suggestions should be run again. */
  readonly onDidChange = this.changeEmitter.event;

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly config: () => ClaimTaggerConfig,
    files: SidecarFiles,
  ) {
    super();
    this.files = this._register(new LearnedFiles(files));
    // Debounced: a burst of tag edits (Accept All, a pull) is one update and one rerun.
    this._register(index.onDidChange(() => {
      if (!this.built) return;
      this.updates.schedule('index', UPDATE_DELAY_MS, () => void this.afterIndexChange());
    }));
    this._register(this.files.onDidChange(() => {
      if (!this.built) return;
      this.updates.schedule('files', UPDATE_DELAY_MS, () => void this.afterFilesChange());
    }));
  }

  get enabled(): boolean {
    return this.config().suggestions.learn;
  }

  /** What suggestions for `document` should learn from; undefined when learning is off. */
  async context(document: vscode.TextDocument): Promise<LearningContext | undefined> {
    if (!this.enabled) return undefined;
    await this.ready();
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    return {
      memory: this.memories.get(folder?.uri.toString() ?? ''),
      claims: this.claims.of(folder?.uri.toString() ?? ''),
      learned: this.files.learnedFor(document.uri),
      document: document.uri.toString(),
    };
  }

  /** Memories built (the first call reads every sidecar and learned.json). */
  ready(): Promise<void> {
    this.built ??= this.rebuild();
    return this.built;
  }

  memoryOf(folder: vscode.WorkspaceFolder | undefined): PhraseMemory | undefined {
    return this.memories.get(folder?.uri.toString() ?? '');
  }

  /** Counts an accepted or dismissed suggestion (learning on, trusted workspace: see LearnedFiles). */
  decided(document: vscode.TextDocument, s: Suggestion, accepted: boolean): void {
    this.decidedAll(document, [s], accepted);
  }

  /** Counts many suggestions decided at once (Accept All): one change, one write. */
  decidedAll(document: vscode.TextDocument, list: readonly Suggestion[], accepted: boolean): void {
    if (this.enabled && list.length) this.files.decide(document.uri, list.map((s) => ({ rule: s.rule, term: decisionTerm(s), accepted })));
  }

  private async afterIndexChange(): Promise<void> {
    await this.built;
    const change = this.updateFromIndex();
    // Claim evidence moved: any document of the folder may have a sentence raised or no longer raised.
    const claimFolders = await this.claims.update(this.index.model.documents(), folderOf);
    if (!claimFolders.size) {
      if (change) this.changeEmitter.fire(change);
      return;
    }
    this.changeEmitter.fire({ affects: (d) => claimFolders.has(folderOf(d.uri.toString())) || !!change?.affects(d) });
  }

  /**
   * learned.json changed (a decision, a Forget, a pull) or was only re-read: forgotten phrases change the memory
   * (built again); decisions move scores in the folder's documents.
   */
  private async afterFilesChange(): Promise<void> {
    await this.built;
    const folders = new Set<string>();
    let forgottenChanged = false;
    for (const { folder, learned, problem } of this.files.folderStates()) {
      const key = folder.uri.toString();
      const print = problem ? `!${problem}` : serializeLearned(learned);
      const before = this.learnedPrint.get(key);
      if (before === print) continue;
      this.learnedPrint.set(key, print);
      folders.add(key);
      if (before === undefined || forgottenOf(before) !== forgottenOf(print)) forgottenChanged = true;
    }
    if (!folders.size) return;
    if (forgottenChanged) {
      this.built = this.rebuild();
      await this.built;
    }
    this.changeEmitter.fire({ affects: (d) => folders.has(vscode.workspace.getWorkspaceFolder(d.uri)?.uri.toString() ?? '') });
  }

  /** Updates the memories in place for the documents whose tags changed; undefined when none did. */
  private updateFromIndex(): LearningChange | undefined {
    const firsts = new Map<string, Set<string>>();
    const changed = new Set<string>();
    const present = new Set<string>();
    const update = (folder: string, key: string, tags: SourceTag[]) => {
      let memory = this.memories.get(folder);
      if (!memory) this.memories.set(folder, (memory = this.newMemory(folder, [])));
      let words = firsts.get(folder);
      if (!words) firsts.set(folder, (words = new Set()));
      for (const w of memory.update(key, tags)) words.add(w);
      changed.add(key);
    };
    for (const d of this.index.model.documents()) {
      present.add(d.key);
      const prev = this.seen.get(d.key);
      if (prev?.doc === d) continue;
      const folder = prev?.folder ?? folderOf(d.key);
      const tags = sourceTags(d);
      const print = fingerprint(tags);
      this.seen.set(d.key, { doc: d, folder, print });
      if ((prev?.print ?? '') !== print) update(folder, d.key, tags);
    }
    for (const [key, prev] of this.seen) {
      if (present.has(key)) continue;
      this.seen.delete(key);
      if (prev.print) update(prev.folder, key, []);
    }
    if (!changed.size) return undefined;
    return {
      affects: (document) => {
        const key = document.uri.toString();
        if (changed.has(key)) return true;
        const words = firsts.get(folderOf(key));
        return !!words && mentionsAny(document.getText(), words);
      },
    };
  }

  private async rebuild(): Promise<void> {
    await Promise.all([this.index.ensureLoaded(), this.files.ready()]);
    const byFolder = new Map<string, SourceTag[]>();
    const seen = new Map<string, Seen>();
    for (const d of this.index.model.documents()) {
      const folder = folderOf(d.key);
      const tags = sourceTags(d);
      seen.set(d.key, { doc: d, folder, print: fingerprint(tags) });
      let list = byFolder.get(folder);
      if (!list) byFolder.set(folder, (list = []));
      for (const t of tags) list.push(t);
    }
    const memories = new Map<string, PhraseMemory>();
    for (const [folder, tags] of byFolder) memories.set(folder, this.newMemory(folder, tags));
    for (const { folder, learned, problem } of this.files.folderStates()) this.learnedPrint.set(folder.uri.toString(), problem ? `!${problem}` : serializeLearned(learned));
    this.memories = memories;
    this.seen = seen;
    await this.claims.update(this.index.model.documents(), folderOf);
  }

  private newMemory(folder: string, tags: SourceTag[]): PhraseMemory {
    // Forgotten phrases are looked up when a phrase's count changes, in learned.json as it is then.
    const uri = folder ? vscode.Uri.parse(folder) : undefined;
    return new PhraseMemory(tags, (kind, key, count) => isForgotten(uri && this.files.learnedFor(uri), kind, key, count));
  }
}

function folderOf(key: string): string {
  return vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(key))?.uri.toString() ?? '';
}

function sourceTags(d: ReviewDocument): SourceTag[] {
  if (d.error) return [];
  return d.tags.map((t) => ({ document: d.key, name: d.name, kind: t.kind, quote: t.quote, start: t.start, end: t.end, status: t.status }));
}

/** What phrase memory takes from a document's tags, as one comparable string. */
function fingerprint(tags: readonly SourceTag[]): string {
  return tags.map((t) => `${t.kind}\u0000${t.quote}\u0000${t.start}\u0000${t.end}\u0000${t.status ?? ''}\u0000${t.name}`).join('\u0001');
}

/** The "forgotten" part of a serialised learned.json (the part that changes the memory). */
function forgottenOf(print: string): string {
  const at = print.lastIndexOf('\n  "forgotten": '); // the top-level key (a term may be called "forgotten")
  return at < 0 ? '' : print.slice(at);
}
