// Suggestions in the editor: runs the offline detectors chunk by chunk (visible paragraphs first, yielding
// between chunks so typing never waits), shows results apart from tags (faint dotted underlines) and as
// Diagnostics, and accepts or dismisses them (dismissals persist in the sidecar).
import * as vscode from 'vscode';
import { Dismissal, SpanRef, Tag } from '../core/model';
import { relocate } from '../core/relocate';
import { shiftSpans } from '../core/spans';
import { LearnedSuggestion, suggestLearnedRange } from '../core/learn/layer';
import { Suggestion, SuggestionKind, paragraphRanges, suggestRange } from '../core/suggest';
import { ClaimTaggerConfig, isLanguageEnabled } from '../config';
import { TagStore, TagStoreError } from '../store/tagStore';
import { rangeOf } from '../editor/ranges';
import { showStoreError, withStoreErrors } from '../editor/storeErrors';
import { Disposable } from '../util/dispose';
import type { Step } from './delayedProgress';
import type { LearningHooks } from './learningHooks';
import { AcceptItem, planAccept, shownSuggestions } from './shown';
import { KeyedDebounce } from '../util/debounce';
import { yieldToEventLoop } from '../util/yieldNow';

export const DIAGNOSTIC_SOURCE = 'Claim Tagger';
const SLICE_MS = 8;
const TYPE_DELAY_MS = 600;
const RENDER_DELAY_MS = 150;
const KINDS: SuggestionKind[] = ['claim', 'attribution', 'opinion'];

interface DocSuggestions {
  version: number;
  all: Suggestion[];
}

export class SuggestionController extends Disposable {
  private readonly results = new Map<string, DocSuggestions>();
  private readonly runs = new Map<string, number>();
  /** The latest run per document, for superseded runs to resolve with. */
  private readonly running = new Map<string, Promise<Suggestion[]>>();
  /** Reruns after a pause in typing (auto: onType), per document. */
  private readonly reruns = new KeyedDebounce<string>();
  /** Diagnostics refreshed after a pause in typing, per document. */
  private readonly renders = new KeyedDebounce<string>();
  private readonly diagnostics = this._register(vscode.languages.createDiagnosticCollection('claimTagger'));
  private readonly types = new Map<SuggestionKind, vscode.TextEditorDecorationType>();
  /** While a batch of suggestions is accepted, store events do not re-render (once at the end instead). */
  private batching = 0;
  constructor(
    private readonly store: TagStore,
    private readonly config: () => ClaimTaggerConfig,
    /** Learning from the workspace's tags and decisions (issue 13); absent without a workspace index. */
    readonly learning?: LearningHooks,
  ) {
    super();
    if (learning) {
      // Only where the change can show: documents holding a phrase whose tags changed, or in a folder whose
      // decisions changed.
      this._register(learning.onDidChange((change) => this.rerunShown((d) => change.affects(d))));
    }
    for (const kind of KINDS) {
      this.types.set(kind, this._register(vscode.window.createTextEditorDecorationType({
        borderStyle: 'none none dotted none',
        borderWidth: '0 0 1px 0',
        borderColor: new vscode.ThemeColor(`claimTagger.${kind}Foreground`),
        opacity: '0.95',
      })));
    }
    this._register(vscode.workspace.onDidChangeTextDocument((e) => this.onEdit(e)));
    this._register(vscode.workspace.onDidOpenTextDocument((d) => this.onOpen(d)));
    this._register(vscode.workspace.onDidCloseTextDocument((d) => this.clear(d.uri)));
    this._register(vscode.window.onDidChangeActiveTextEditor(() => this.updateContext()));
    this._register(vscode.window.onDidChangeVisibleTextEditors(() => this.paintAll()));
    this._register(store.onDidChange((e) => {
      if (!this.batching) this.render(e.uri);
    }));
    for (const d of vscode.workspace.textDocuments) this.onOpen(d);
  }

  /** Suggestions currently shown for a document (after dismissals and accepted tags are taken out). */
  shown(uri: vscode.Uri): Suggestion[] {
    const r = this.results.get(uri.toString());
    if (!r) return [];
    const doc = this.store.get(uri);
    return shownSuggestions(r.all, doc?.tags ?? [], doc?.dismissed ?? []);
  }

  find(uri: vscode.Uri, start: number, end: number, rule: string): Suggestion | undefined {
    return this.shown(uri).find((s) => s.start === start && s.end === end && s.rule === rule);
  }

  /**
   * Runs the detectors over the whole document, visible paragraphs first; resolves with what is shown. A run
   * superseded by a newer one (an edit, or what was learned changed) resolves with the newer run's result.
   */
  run(document: vscode.TextDocument): Promise<Suggestion[]> {
    const key = document.uri.toString();
    const runId = (this.runs.get(key) ?? 0) + 1;
    this.runs.set(key, runId);
    const promise: Promise<Suggestion[]> = this.runOnce(document, key, runId).then((shown) => {
      const newer = this.running.get(key);
      return this.runs.get(key) === runId || document.isClosed || !newer || newer === promise ? shown : newer;
    });
    this.running.set(key, promise);
    void promise.finally(() => {
      if (this.running.get(key) === promise) this.running.delete(key);
    });
    return promise;
  }

  private async runOnce(document: vscode.TextDocument, key: string, runId: number): Promise<Suggestion[]> {
    if (document.isClosed) return [];
    await this.store.open(document);
    const text = document.getText();
    const version = document.version;
    const c = this.config().suggestions;
    const options = { minScore: c.minScore, extraTerms: c.extraTerms, ignoredTerms: c.ignoredTerms };
    const learned = await this.learning?.context(document);
    if (this.runs.get(key) !== runId || document.version !== version) return this.shown(document.uri); // superseded meanwhile
    const chunks = visibleFirst(document, paragraphRanges(text));
    const found: Suggestion[] = [];
    let sliceStart = Date.now();
    let paintedVisible = false;
    for (let i = 0; i < chunks.length; i++) {
      const { start, end } = chunks[i];
      found.push(...(learned ? suggestLearnedRange(text, start, end, options, learned) : suggestRange(text, start, end, options)).suggestions);
      if (!paintedVisible && !chunks[i + 1]?.visible) {
        // Show the part on screen as soon as it is done.
        paintedVisible = true;
        this.results.set(key, { version, all: [...found] });
        this.render(document.uri);
      }
      if (Date.now() - sliceStart > SLICE_MS) {
        await yieldToEventLoop();
        if (this.runs.get(key) !== runId || document.version !== version) return this.shown(document.uri); // superseded
        sliceStart = Date.now();
      }
    }
    found.sort((a, b) => a.start - b.start || a.end - b.end);
    this.results.set(key, { version, all: found });
    this.render(document.uri);
    return this.shown(document.uri);
  }

  /** Runs again wherever suggestions are shown (after the term or score settings changed), or where `only` says. */
  rerunShown(only?: (document: vscode.TextDocument) => boolean): void {
    for (const document of vscode.workspace.textDocuments) {
      if (this.results.has(document.uri.toString()) && (!only || only(document))) void this.run(document);
    }
  }

  clear(uri: vscode.Uri): void {
    const key = uri.toString();
    this.reruns.cancel(key);
    this.renders.cancel(key);
    this.runs.set(key, (this.runs.get(key) ?? 0) + 1);
    this.running.delete(key);
    this.results.delete(key);
    this.render(uri);
  }

  async accept(document: vscode.TextDocument, s: Suggestion, kind: string = s.kind): Promise<Tag | undefined> {
    return withStoreErrors(async () => {
      const [tag] = await this.store.addTags(document, [{ kind, start: s.start, end: s.end }]);
      if (kind === 'attribution' && s.parts && (s.parts.source || s.parts.cue)) {
        const text = document.getText();
        const span = (p: { start: number; end: number }) => ({ start: p.start, end: p.end, quote: text.slice(p.start, p.end) });
        await this.store.updateTag(document, tag.id, { source: s.parts.source && span(s.parts.source), cue: s.parts.cue && span(s.parts.cue) });
      }
      // Tagged as another kind: the suggestion's own kind was wrong.
      this.learning?.decided(document, s, kind === s.kind);
      return tag;
    }, undefined);
  }

  /** What accepting every shown suggestion of a kind would add (one tag per distinct range). */
  planAcceptAll(document: vscode.TextDocument, kind: SuggestionKind): AcceptItem[] {
    return planAccept(document.getText(), this.shown(document.uri), kind);
  }

  /**
   * Adds the planned tags in one store update (one save, one repaint), then their sources and cues, yielding
   * between slices so the progress notification can show and cancel. Cancelled: every tag added is removed
   * again and nothing is returned.
   */
  async acceptItems(document: vscode.TextDocument, items: readonly AcceptItem[], step?: Step): Promise<Tag[]> {
    if (!items.length) return [];
    const doc = await this.store.open(document);
    if (!doc.writable) {
      // One message, not one per suggestion.
      showStoreError(new TagStoreError(`The sidecar of ${document.uri.path.split('/').pop()} cannot be written (${doc.state}); fix it to accept suggestions.`, doc));
      return [];
    }
    this.batching++;
    let added: Tag[] = [];
    // A refusal removes every tag already added.
    const undo = async () => {
      if (added.length) await this.store.removeTags(document, added.map((t) => t.id));
    };
    try {
      return await withStoreErrors(async () => {
        added = await this.store.addTags(document, items.map(({ kind, start, end }) => ({ kind, start, end })));
        const version = document.version;
        let slice = Date.now();
        for (let i = 0; i < items.length; i++) {
          const { source, cue } = items[i];
          if (source || cue) {
            // After a yield the text may have changed: look for the part again near its (moved) tag.
            const fix = (p?: SpanRef) => (p && document.version !== version ? relocate(document.getText(), p, added[i].start) : p);
            await this.store.updateTag(document, added[i].id, { source: fix(source), cue: fix(cue) });
          }
          if (Date.now() - slice > SLICE_MS) {
            step?.report(i + 1, items.length);
            await yieldToEventLoop();
            slice = Date.now();
          }
          if (step?.token.isCancellationRequested) {
            await this.store.removeTags(document, added.map((t) => t.id));
            return [];
          }
        }
        step?.report(items.length, items.length);
        // One accept per suggestion accepted, counted together (one write of learned.json).
        this.learning?.decidedAll(document, items.flatMap((i) => i.accepts), true);
        return added;
      }, [], undo);
    } finally {
      this.batching--;
      this.render(document.uri);
    }
  }

  /** Accepts every shown suggestion of a kind without asking; returns the new tags. */
  async acceptAll(document: vscode.TextDocument, kind: SuggestionKind, step?: Step): Promise<Tag[]> {
    await this.store.open(document);
    return this.acceptItems(document, this.planAcceptAll(document, kind), step);
  }

  /** Removes tags (the Undo of Accept All). */
  async removeTags(document: vscode.TextDocument, ids: readonly string[]): Promise<Tag[]> {
    return withStoreErrors(() => this.store.removeTags(document, ids), []);
  }

  /** Dismisses a suggestion; `learn` false: not counted as a decision (the same term dismissed in several places at once). */
  async dismiss(document: vscode.TextDocument, s: Suggestion, everywhere: boolean, learn = true): Promise<void> {
    const term = (s.term ?? s.text).toLowerCase();
    const d: Dismissal = everywhere ? { rule: s.rule, term } : { rule: s.rule, term, start: s.start, end: s.end };
    await withStoreErrors(async () => {
      await this.store.dismiss(document, d);
      if (learn) this.learning?.decided(document, s, false);
    }, undefined);
  }

  private onOpen(document: vscode.TextDocument): void {
    const auto = this.config().suggestions.auto;
    if (auto === 'off' || !TagStore.isTaggable(document) || !isLanguageEnabled(this.config(), document.languageId)) return;
    void this.run(document);
  }

  private onEdit(e: vscode.TextDocumentChangeEvent): void {
    const key = e.document.uri.toString();
    const r = this.results.get(key);
    if (!r || !e.contentChanges.length) return;
    const changes = e.contentChanges.map((c) => ({ start: c.rangeOffset, end: c.rangeOffset + c.rangeLength, text: c.text }));
    this.results.set(key, { version: e.document.version, all: shiftSpans(r.all, changes).map((s) => shiftParts(s, changes)) });
    // Decorations move with the text by themselves; diagnostics are refreshed after a pause in typing.
    this.renders.schedule(key, RENDER_DELAY_MS, () => this.render(e.document.uri));
    if (this.config().suggestions.auto === 'onType') this.reruns.schedule(key, TYPE_DELAY_MS, () => void this.run(e.document));
  }

  private paintAll(): void {
    for (const key of this.results.keys()) this.paint(key);
  }

  private render(uri: vscode.Uri): void {
    const shown = this.shown(uri);
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (!document || !this.results.has(uri.toString())) {
      this.diagnostics.delete(uri);
    } else {
      const severity = this.config().suggestions.severity === 'information' ? vscode.DiagnosticSeverity.Information : vscode.DiagnosticSeverity.Hint;
      this.diagnostics.set(uri, shown.map((s) => toDiagnostic(document, s, severity)));
    }
    this.paint(uri.toString());
    if (uri.toString() === vscode.window.activeTextEditor?.document.uri.toString()) this.updateContext();
  }

  /** The hasSuggestions context key follows the active editor. */
  private updateContext(): void {
    const active = vscode.window.activeTextEditor?.document.uri;
    void vscode.commands.executeCommand('setContext', 'claimTagger.hasSuggestions', !!active && this.shown(active).length > 0);
  }

  private paint(key: string): void {
    const editors = vscode.window.visibleTextEditors.filter((e) => e.document.uri.toString() === key);
    if (!editors.length) return;
    const shown = this.shown(editors[0].document.uri);
    for (const kind of KINDS) {
      const ranges = shown.filter((s) => s.kind === kind).map((s) => rangeOf(editors[0].document, s));
      for (const editor of editors) editor.setDecorations(this.types.get(kind)!, ranges);
    }
  }

  override dispose(): void {
    this.reruns.dispose();
    this.renders.dispose();
    super.dispose();
  }
}

function toDiagnostic(document: vscode.TextDocument, s: Suggestion, severity: vscode.DiagnosticSeverity): vscode.Diagnostic {
  const d = new vscode.Diagnostic(rangeOf(document, s), `${s.kind[0].toUpperCase()}${s.kind.slice(1)}? ${s.explanation} (score ${s.score.toFixed(2)})`, severity);
  d.source = DIAGNOSTIC_SOURCE;
  const example = (s as LearnedSuggestion).example;
  // A remembered phrase links to an article where it was tagged (the hover shows the code as a link).
  d.code = example ? { value: s.rule, target: vscode.Uri.parse(example.document) } : s.rule;
  return d;
}

function shiftParts(s: Suggestion, changes: { start: number; end: number; text: string }[]): Suggestion {
  if (!s.parts) return s;
  const move = (p?: { start: number; end: number }) => (p ? shiftSpans([p], changes)[0] : undefined);
  const { source, cue, content } = s.parts;
  const moved = { source: move(source), cue: move(cue), content: move(content) };
  // Per keystroke this runs for every attribution of the document: keep the object when no part moved.
  if (moved.source === source && moved.cue === cue && moved.content === content) return s;
  return { ...s, parts: moved };
}

/** Chunks intersecting the visible ranges first, flagged, then the rest in document order. */
function visibleFirst(document: vscode.TextDocument, chunks: { start: number; end: number }[]): { start: number; end: number; visible: boolean }[] {
  const editor = vscode.window.visibleTextEditors.find((e) => e.document === document);
  const visible = (editor?.visibleRanges ?? []).map((r) => ({ start: document.offsetAt(r.start), end: document.offsetAt(r.end) }));
  const isVisible = (c: { start: number; end: number }) => visible.some((v) => c.start <= v.end && v.start <= c.end);
  const marked = chunks.map((c) => ({ ...c, visible: isVisible(c) }));
  return [...marked.filter((c) => c.visible), ...marked.filter((c) => !c.visible)];
}
