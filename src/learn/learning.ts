// The learning layer in the editor: phrase memory per workspace folder, built from the Tags view's index of
// every sidecar (never from the documents' text) and rebuilt when tags or learned.json change; decisions
// counted into learned.json. The suggestion controller asks it for a LearningContext per document.
import * as vscode from 'vscode';
import { decisionTerm } from '../core/learn/decisions';
import { isForgotten } from '../core/learn/learnedFile';
import { LearningContext } from '../core/learn/layer';
import { PhraseMemory, SourceTag } from '../core/learn/phraseMemory';
import { Suggestion } from '../core/suggest';
import { ClaimTaggerConfig } from '../config';
import { WorkspaceIndex } from '../tree/workspaceIndex';
import { Disposable } from '../util/dispose';
import { LearnedFiles } from './learnedFiles';

const REBUILD_DELAY_MS = 200;

export class Learning extends Disposable {
  readonly files = this._register(new LearnedFiles());
  /** Folder URI -> its phrase memory ('' for documents outside every folder). */
  private memories = new Map<string, PhraseMemory>();
  private built: Promise<void> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly changeEmitter = this._register(new vscode.EventEmitter<void>());
  /** Fires when what was learned changed (suggestions should be run again). */
  readonly onDidChange = this.changeEmitter.event;

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly config: () => ClaimTaggerConfig,
  ) {
    super();
    const later = () => {
      if (!this.built) return;
      clearTimeout(this.timer);
      this.timer = setTimeout(() => {
        this.built = this.rebuild();
        void this.built.then(() => this.changeEmitter.fire());
      }, REBUILD_DELAY_MS);
    };
    this._register(index.onDidChange(later));
    this._register(this.files.onDidChange(later));
    this._register({ dispose: () => clearTimeout(this.timer) });
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

  private async rebuild(): Promise<void> {
    await Promise.all([this.index.ensureLoaded(), this.files.ready()]);
    const byFolder = new Map<string, SourceTag[]>();
    for (const d of this.index.model.documents()) {
      if (d.error) continue;
      const uri = vscode.Uri.parse(d.key);
      const folder = vscode.workspace.getWorkspaceFolder(uri)?.uri.toString() ?? '';
      let list = byFolder.get(folder);
      if (!list) byFolder.set(folder, (list = []));
      for (const t of d.tags) list.push({ document: d.key, name: d.name, kind: t.kind, quote: t.quote, start: t.start, end: t.end, status: t.status });
    }
    const memories = new Map<string, PhraseMemory>();
    for (const [folder, tags] of byFolder) {
      const learned = folder ? this.files.learnedFor(vscode.Uri.parse(folder)) : undefined;
      memories.set(folder, new PhraseMemory(tags, (kind, key, count) => isForgotten(learned, kind, key, count)));
    }
    this.memories = memories;
  }
}
