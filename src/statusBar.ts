// Status bar item for the active document: tag counts and unreviewed claims; click focuses the Tags view.
import * as vscode from 'vscode';
import { ClaimTaggerConfig, isLanguageEnabled } from './config';
import { TagStore } from './store/tagStore';
import { Disposable } from './util/dispose';
import { escapeMarkdown } from './util/markdown';

export class TagStatusBar extends Disposable {
  private readonly item = this._register(vscode.window.createStatusBarItem('claimTagger.status', vscode.StatusBarAlignment.Right, 100));

  constructor(
    private readonly store: TagStore,
    private readonly config: () => ClaimTaggerConfig,
  ) {
    super();
    this.item.name = vscode.l10n.t('Claim Tagger');
    this.item.command = 'claimTagger.tags.focus';
    this._register(vscode.window.onDidChangeActiveTextEditor(() => this.update()));
    this._register(store.onDidChange(() => this.update()));
    this.update();
  }

  /** The text currently shown (for tests). */
  get text(): string {
    return this.item.text;
  }

  update(): void {
    const editor = vscode.window.activeTextEditor;
    const doc = editor && this.store.get(editor.document.uri);
    if (!editor || !doc || !isLanguageEnabled(this.config(), editor.document.languageId)) {
      this.item.hide();
      return;
    }
    const counts = new Map<string, number>();
    let unreviewed = 0;
    let orphaned = 0;
    for (const t of doc.tags) {
      counts.set(t.kind, (counts.get(t.kind) ?? 0) + 1);
      if (t.kind === 'claim' && (t.status ?? 'unreviewed') === 'unreviewed') unreviewed++;
      if (t.anchor.state === 'orphaned') orphaned++;
    }
    const parts = [`$(tag) ${doc.tags.length}`];
    if (unreviewed) parts.push(`$(circle-large-outline) ${unreviewed}`);
    if (orphaned) parts.push(`$(warning) ${orphaned}`);
    if (doc.state === 'broken') parts.push('$(error)');
    this.item.text = parts.join(' ');
    const lines = [...counts].map(([k, n]) => `${n} ${escapeMarkdown(this.config().kinds.find((x) => x.id === k)?.label ?? k)}`);
    const tip = new vscode.MarkdownString(
      `**Claim Tagger** — ${doc.tags.length} tag(s)${lines.length ? `: ${lines.join(', ')}` : ''}  \n` +
      `${unreviewed} unreviewed claim(s)${orphaned ? `, ${orphaned} orphaned tag(s)` : ''}` +
      (doc.state === 'broken' ? `  \n$(error) The sidecar cannot be read: ${escapeMarkdown(doc.error?.message ?? '')}` : '') +
      '  \nClick to open the Tags view.',
      true,
    );
    this.item.tooltip = tip;
    this.item.backgroundColor = doc.state === 'broken' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    this.item.show();
  }
}
