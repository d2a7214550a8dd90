// Paints tags in every visible editor: one decoration type per kind (theme colours), created once and
// re-created only when the highlight style changes; updates are debounced per document.
import * as vscode from 'vscode';
import { BUILTIN_KINDS, Tag } from '../core/model';
import { ClaimTaggerConfig } from '../config';
import { TagStore } from '../store/tagStore';
import { Disposable } from '../util/dispose';

const UPDATE_DELAY_MS = 30;
const ORPHAN_KEY = '$orphaned';

export type DecoratedRanges = Record<string, vscode.Range[]>;

export class Decorator extends Disposable {
  private types = new Map<string, vscode.TextEditorDecorationType>();
  private readonly decorated = new Map<string, DecoratedRanges>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly store: TagStore,
    private readonly config: () => ClaimTaggerConfig,
    private readonly extensionUri: vscode.Uri,
  ) {
    super();
    this.createTypes();
    this._register(store.onDidChange((e) => this.schedule(e.uri.toString())));
    this._register(vscode.window.onDidChangeVisibleTextEditors(() => this.refreshAll()));
    this._register({ dispose: () => this.disposeTypes() });
  }

  /** Ranges currently painted in editors of `uri`, per kind (for tests and the API). */
  decoratedRanges(uri: vscode.Uri): DecoratedRanges {
    return this.decorated.get(uri.toString()) ?? {};
  }

  /** Re-creates decoration types (after a style or colour setting changed) and repaints. */
  restyle(): void {
    this.disposeTypes();
    this.createTypes();
    this.refreshAll();
  }

  refreshAll(): void {
    const uris = new Set(vscode.window.visibleTextEditors.map((e) => e.document.uri.toString()));
    for (const uri of uris) this.paint(uri);
  }

  private schedule(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.set(uri, setTimeout(() => {
      this.timers.delete(uri);
      this.paint(uri);
    }, UPDATE_DELAY_MS));
  }

  /** Paints now (tests call this through the API to skip the debounce). */
  paint(uri: string): void {
    const editors = vscode.window.visibleTextEditors.filter((e) => e.document.uri.toString() === uri);
    const doc = this.store.get(vscode.Uri.parse(uri));
    if (!editors.length) {
      this.decorated.delete(uri);
      return;
    }
    const document = editors[0].document;
    const byKind: DecoratedRanges = {};
    for (const tag of doc?.tags ?? []) {
      const key = tag.anchor.state === 'orphaned' ? ORPHAN_KEY : tag.kind;
      (byKind[key] ??= []).push(rangeOf(document, tag));
    }
    for (const [kind, type] of this.types) {
      const ranges = byKind[kind] ?? [];
      for (const editor of editors) editor.setDecorations(type, ranges);
    }
    this.decorated.set(uri, byKind);
  }

  private createTypes(): void {
    const style = this.config().highlightStyle;
    for (const kind of BUILTIN_KINDS) {
      const bg = new vscode.ThemeColor(`claimTagger.${kind}Background`);
      const fg = new vscode.ThemeColor(`claimTagger.${kind}Foreground`);
      this.types.set(kind, vscode.window.createTextEditorDecorationType({
        backgroundColor: style === 'background' ? bg : undefined,
        // Borders take theme colours (text-decoration cannot), so the underline style is a bottom border.
        borderStyle: style === 'background' ? undefined : 'solid',
        borderWidth: style === 'underline' ? '0 0 2px 0' : style === 'border' ? '1px' : undefined,
        borderColor: style === 'background' ? undefined : fg,
        borderRadius: style === 'border' ? '3px' : undefined,
        overviewRulerColor: fg,
        overviewRulerLane: vscode.OverviewRulerLane.Right,
        light: { gutterIconPath: this.icon('light', kind) },
        dark: { gutterIconPath: this.icon('dark', kind) },
        gutterIconSize: '70%',
        rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
      }));
    }
    this.types.set(ORPHAN_KEY, vscode.window.createTextEditorDecorationType({
      after: { contentText: '⚠', color: new vscode.ThemeColor('claimTagger.orphanedForeground'), margin: '0 0 0 2px' },
      overviewRulerColor: new vscode.ThemeColor('claimTagger.orphanedForeground'),
      overviewRulerLane: vscode.OverviewRulerLane.Left,
    }));
  }

  private icon(theme: 'light' | 'dark', kind: string): vscode.Uri | undefined {
    return this.config().showGutterIcons ? vscode.Uri.joinPath(this.extensionUri, 'media', theme, `${kind}.svg`) : undefined;
  }

  private disposeTypes(): void {
    for (const t of this.types.values()) t.dispose();
    this.types.clear();
  }

  override dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    super.dispose();
  }
}

export function rangeOf(document: vscode.TextDocument, tag: Pick<Tag, 'start' | 'end'>): vscode.Range {
  return new vscode.Range(document.positionAt(tag.start), document.positionAt(tag.end));
}
