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
    /** Whether a kind's highlights are hidden (Toggle Tag Highlights…). */
    private readonly isHidden: (kind: string) => boolean = () => false,
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

  /** The screen-reader label (for tests). */
  get accessibilityLabel(): string {
    return this.item.accessibilityInformation?.label ?? '';
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
    const hidden = this.config().kinds.filter((k) => this.isHidden(k.id)).map((k) => k.label);
    if (hidden.length) parts.push('$(eye-closed)');
    if (doc.state === 'broken') parts.push('$(error)');
    this.item.text = parts.join(' ');
    const n = (count: number, one: string, many: string) => (count === 1 ? one : many.replace('{0}', String(count)));
    const tagsText = n(doc.tags.length, vscode.l10n.t('1 tag'), vscode.l10n.t('{0} tags'));
    const unreviewedText = n(unreviewed, vscode.l10n.t('1 unreviewed claim'), vscode.l10n.t('{0} unreviewed claims'));
    const orphanedText = orphaned ? n(orphaned, vscode.l10n.t('1 orphaned tag'), vscode.l10n.t('{0} orphaned tags')) : '';
    const hiddenText = hidden.length ? vscode.l10n.t('Hidden: {0} (Toggle Tag Highlights…)', hidden.join(', ')) : '';
    const lines = [...counts].map(([k, c]) => `${c} ${escapeMarkdown(this.config().kinds.find((x) => x.id === k)?.label ?? k)}`);
    const tip = new vscode.MarkdownString(
      `**Claim Tagger** — ${tagsText}${lines.length ? `: ${lines.join(', ')}` : ''}  \n` +
      `${unreviewedText}${orphanedText ? `, ${orphanedText}` : ''}` +
      (hiddenText ? `  \n$(eye-closed) ${escapeMarkdown(hiddenText)}` : '') +
      (doc.state === 'broken' ? `  \n$(error) The sidecar cannot be read: ${escapeMarkdown(doc.error?.message ?? '')}` : '') +
      '  \nClick to open the Tags view.',
      true,
    );
    this.item.tooltip = tip;
    // Screen readers get plain words, never Markdown or icon names.
    const label = [`Claim Tagger: ${tagsText}`, unreviewedText, orphanedText, hiddenText, doc.state === 'broken' ? vscode.l10n.t('the sidecar cannot be read') : ''].filter(Boolean).join(', ');
    this.item.accessibilityInformation = { label, role: 'button' };
    this.item.backgroundColor = doc.state === 'broken' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    this.item.show();
  }
}
