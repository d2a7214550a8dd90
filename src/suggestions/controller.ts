// Suggestions in the editor: runs the offline detectors chunk by chunk (visible paragraphs first, yielding
// between chunks so typing never waits), shows results apart from tags (faint dotted underlines) and as
// Diagnostics, and accepts or dismisses them (dismissals persist in the sidecar).
import * as vscode from 'vscode';
import { Dismissal, Tag } from '../core/model';
import { shiftSpans } from '../core/spans';
import { Suggestion, SuggestionKind, paragraphRanges, suggestRange } from '../core/suggest';
import { ClaimTaggerConfig, isLanguageEnabled } from '../config';
import { TagStore, TagStoreError } from '../store/tagStore';
import { showStoreError } from '../tagging/target';
import { Disposable } from '../util/dispose';

export const DIAGNOSTIC_SOURCE = 'Claim Tagger';
const SLICE_MS = 8;
const TYPE_DELAY_MS = 600;
const KINDS: SuggestionKind[] = ['claim', 'attribution', 'opinion'];

interface DocSuggestions {
  version: number;
  all: Suggestion[];
}

export class SuggestionController extends Disposable {
  private readonly results = new Map<string, DocSuggestions>();
  private readonly runs = new Map<string, number>();
  private readonly typeTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly diagnostics = this._register(vscode.languages.createDiagnosticCollection('claimTagger'));
  private readonly types = new Map<SuggestionKind, vscode.TextEditorDecorationType>();
  private readonly changeEmitter = this._register(new vscode.EventEmitter<vscode.Uri>());
  readonly onDidChange = this.changeEmitter.event;

  constructor(
    private readonly store: TagStore,
    private readonly config: () => ClaimTaggerConfig,
  ) {
    super();
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
    this._register(vscode.window.onDidChangeVisibleTextEditors(() => this.paintAll()));
    this._register(store.onDidChange((e) => this.render(e.uri)));
    for (const d of vscode.workspace.textDocuments) this.onOpen(d);
  }

  /** Suggestions currently shown for a document (after dismissals and accepted tags are taken out). */
  shown(uri: vscode.Uri): Suggestion[] {
    const r = this.results.get(uri.toString());
    if (!r) return [];
    const doc = this.store.get(uri);
    const tags = doc?.tags ?? [];
    const dismissed = doc?.dismissed ?? [];
    return r.all.filter((s) => !isDismissed(s, dismissed) && !isTagged(s, tags));
  }

  find(uri: vscode.Uri, start: number, end: number, rule: string): Suggestion | undefined {
    return this.shown(uri).find((s) => s.start === start && s.end === end && s.rule === rule);
  }

  /** Runs the detectors over the whole document, visible paragraphs first; resolves with what is shown. */
  async run(document: vscode.TextDocument): Promise<Suggestion[]> {
    const key = document.uri.toString();
    const runId = (this.runs.get(key) ?? 0) + 1;
    this.runs.set(key, runId);
    await this.store.open(document);
    const text = document.getText();
    const version = document.version;
    const c = this.config().suggestions;
    const options = { minScore: c.minScore, extraTerms: c.extraTerms, ignoredTerms: c.ignoredTerms };
    const chunks = visibleFirst(document, paragraphRanges(text));
    const found: Suggestion[] = [];
    let sliceStart = Date.now();
    let paintedVisible = false;
    for (let i = 0; i < chunks.length; i++) {
      found.push(...suggestRange(text, chunks[i].start, chunks[i].end, options).suggestions);
      if (!paintedVisible && !chunks[i + 1]?.visible) {
        // Show the part on screen as soon as it is done.
        paintedVisible = true;
        this.results.set(key, { version, all: [...found] });
        this.render(document.uri);
      }
      if (Date.now() - sliceStart > SLICE_MS) {
        await new Promise((r) => setImmediate(r));
        if (this.runs.get(key) !== runId || document.version !== version) return this.shown(document.uri); // superseded
        sliceStart = Date.now();
      }
    }
    found.sort((a, b) => a.start - b.start || a.end - b.end);
    this.results.set(key, { version, all: found });
    this.render(document.uri);
    return this.shown(document.uri);
  }

  /** Runs again wherever suggestions are shown (after the term or score settings changed). */
  rerunShown(): void {
    for (const document of vscode.workspace.textDocuments) if (this.results.has(document.uri.toString())) void this.run(document);
  }

  clear(uri: vscode.Uri): void {
    this.runs.set(uri.toString(), (this.runs.get(uri.toString()) ?? 0) + 1);
    this.results.delete(uri.toString());
    this.render(uri);
  }

  async accept(document: vscode.TextDocument, s: Suggestion, kind: string = s.kind): Promise<Tag | undefined> {
    try {
      const [tag] = await this.store.addTags(document, [{ kind, start: s.start, end: s.end }]);
      if (kind === 'attribution' && s.parts && (s.parts.source || s.parts.cue)) {
        const text = document.getText();
        const span = (p: { start: number; end: number }) => ({ start: p.start, end: p.end, quote: text.slice(p.start, p.end) });
        await this.store.updateTag(document, tag.id, { source: s.parts.source && span(s.parts.source), cue: s.parts.cue && span(s.parts.cue) });
      }
      return tag;
    } catch (e) {
      if (e instanceof TagStoreError) return void showStoreError(e);
      throw e;
    }
  }

  /** Accepts every shown suggestion of a kind; returns the new tags. */
  async acceptAll(document: vscode.TextDocument, kind: SuggestionKind): Promise<Tag[]> {
    const out: Tag[] = [];
    for (const s of this.shown(document.uri).filter((x) => x.kind === kind)) {
      const t = await this.accept(document, s);
      if (t) out.push(t);
    }
    return out;
  }

  async dismiss(document: vscode.TextDocument, s: Suggestion, everywhere: boolean): Promise<void> {
    const term = (s.term ?? s.text).toLowerCase();
    const d: Dismissal = everywhere ? { rule: s.rule, term } : { rule: s.rule, term, start: s.start, end: s.end };
    try {
      await this.store.dismiss(document, d);
    } catch (e) {
      if (e instanceof TagStoreError) return showStoreError(e);
      throw e;
    }
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
    this.render(e.document.uri);
    if (this.config().suggestions.auto === 'onType') {
      clearTimeout(this.typeTimers.get(key));
      this.typeTimers.set(key, setTimeout(() => void this.run(e.document), TYPE_DELAY_MS));
    }
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
    void vscode.commands.executeCommand('setContext', 'claimTagger.hasSuggestions', shown.length > 0);
    this.changeEmitter.fire(uri);
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
    for (const t of this.typeTimers.values()) clearTimeout(t);
    super.dispose();
  }
}

function toDiagnostic(document: vscode.TextDocument, s: Suggestion, severity: vscode.DiagnosticSeverity): vscode.Diagnostic {
  const d = new vscode.Diagnostic(rangeOf(document, s), `${s.kind[0].toUpperCase()}${s.kind.slice(1)}? ${s.explanation} (score ${s.score.toFixed(2)})`, severity);
  d.source = DIAGNOSTIC_SOURCE;
  d.code = s.rule;
  return d;
}

function rangeOf(document: vscode.TextDocument, s: { start: number; end: number }): vscode.Range {
  return new vscode.Range(document.positionAt(s.start), document.positionAt(s.end));
}

function isDismissed(s: Suggestion, dismissed: readonly Dismissal[]): boolean {
  const term = (s.term ?? s.text).toLowerCase();
  return dismissed.some((d) => d.rule === s.rule && d.term === term && (d.start === undefined || (d.start === s.start && d.end === s.end)));
}

/** A suggestion the editor already tagged (same kind, overlapping) is not shown again. */
function isTagged(s: Suggestion, tags: readonly Tag[]): boolean {
  return tags.some((t) => t.kind === s.kind && t.anchor.state !== 'orphaned' && t.start < s.end && s.start < t.end);
}

function shiftParts(s: Suggestion, changes: { start: number; end: number; text: string }[]): Suggestion {
  if (!s.parts) return s;
  const move = (p?: { start: number; end: number }) => (p ? shiftSpans([p], changes)[0] : undefined);
  return { ...s, parts: { source: move(s.parts.source), cue: move(s.parts.cue), content: move(s.parts.content) } };
}

/** Chunks intersecting the visible ranges first, flagged, then the rest in document order. */
function visibleFirst(document: vscode.TextDocument, chunks: { start: number; end: number }[]): { start: number; end: number; visible: boolean }[] {
  const editor = vscode.window.visibleTextEditors.find((e) => e.document === document);
  const visible = (editor?.visibleRanges ?? []).map((r) => ({ start: document.offsetAt(r.start), end: document.offsetAt(r.end) }));
  const isVisible = (c: { start: number; end: number }) => visible.some((v) => c.start <= v.end && v.start <= c.end);
  const marked = chunks.map((c) => ({ ...c, visible: isVisible(c) }));
  return [...marked.filter((c) => c.visible), ...marked.filter((c) => !c.visible)];
}
