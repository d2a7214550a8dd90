// Picking a span in the editor (an attribution's source or cue) without a notification that Escape or a click
// elsewhere hides: a status-bar prompt stays until the user presses Enter (use the selection) or Escape (cancel);
// both are commands, with keybindings while the prompt is up.
import * as vscode from 'vscode';
import { SpanRef } from '../core/model';
import { Commands } from '../commands';
import { Disposable } from '../util/dispose';
import { registerCommands } from '../editor/commands';

const CONTEXT_KEY = 'claimTagger.pickingSpan';

interface Pending {
  document: vscode.TextDocument;
  item: vscode.StatusBarItem;
  resolve(span: SpanRef | undefined): void;
}

export class SpanPicker extends Disposable {
  private pending: Pending | undefined;

  constructor() {
    super();
    this._register(registerCommands('spanPicker', { confirmSpan: () => this.confirm(), cancelSpan: () => this.finish(undefined) }));
    this._register({ dispose: () => this.finish(undefined) });
  }

  /** The prompt shown while picking ('' when none), for tests. */
  get prompt(): string {
    return this.pending?.item.text ?? '';
  }

  /** Resolves with the selection the user confirms in `document`, or undefined when cancelled. */
  pick(document: vscode.TextDocument, what: string): Promise<SpanRef | undefined> {
    this.finish(undefined);
    const item = vscode.window.createStatusBarItem('claimTagger.pickSpan', vscode.StatusBarAlignment.Left, 1000);
    item.name = vscode.l10n.t('Claim Tagger: pick a span');
    item.text = `$(selection) ${vscode.l10n.t('Select {0} in the editor, then press Enter (Escape cancels)', what)}`;
    item.tooltip = vscode.l10n.t('Click to use the current selection');
    item.command = Commands.confirmSpan;
    item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    item.accessibilityInformation = { label: vscode.l10n.t('Select {0} in the editor, then press Enter, or Escape to cancel', what) };
    item.show();
    void vscode.commands.executeCommand('setContext', CONTEXT_KEY, true);
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === document);
    if (editor) void vscode.window.showTextDocument(editor.document, editor.viewColumn);
    return new Promise((resolve) => (this.pending = { document, item, resolve }));
  }

  private confirm(): void {
    const p = this.pending;
    if (!p) return;
    const editor = vscode.window.activeTextEditor?.document === p.document ? vscode.window.activeTextEditor : vscode.window.visibleTextEditors.find((e) => e.document === p.document);
    if (!editor || editor.selection.isEmpty) {
      vscode.window.setStatusBarMessage(vscode.l10n.t('Select some text first (Escape cancels).'), 3000);
      return;
    }
    const start = p.document.offsetAt(editor.selection.start);
    const end = p.document.offsetAt(editor.selection.end);
    this.finish({ start, end, quote: p.document.getText().slice(start, end) });
  }

  private finish(span: SpanRef | undefined): void {
    const p = this.pending;
    if (!p) return;
    this.pending = undefined;
    p.item.dispose();
    void vscode.commands.executeCommand('setContext', CONTEXT_KEY, false);
    p.resolve(span);
  }
}
