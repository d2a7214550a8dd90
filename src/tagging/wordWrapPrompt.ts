// The first time an article with long lines is tagged while word wrap is off, offer to turn it on for that kind
// of document (once; "Don't Ask Again" and closing the message both count as answered).
import * as vscode from 'vscode';
import { Commands } from '../commands';
import { TagStore } from '../store/tagStore';
import { Disposable } from '../util/dispose';

const ASKED_KEY = 'claimTagger.wordWrapOffered';
const LONG_LINE = 160;

export class WordWrapPrompt extends Disposable {
  /** Whether the offer was made in this session (for tests). */
  offered = false;

  constructor(
    store: TagStore,
    private readonly state: vscode.Memento,
  ) {
    super();
    this._register(store.onDidChange((e) => {
      if (e.reason === 'user') void this.maybeOffer(e.uri);
    }));
  }

  private async maybeOffer(uri: vscode.Uri): Promise<void> {
    if (this.offered || this.state.get<boolean>(ASKED_KEY)) return;
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    if (!editor) return;
    const { document } = editor;
    if (vscode.workspace.getConfiguration('editor', document).get<string>('wordWrap') !== 'off') return;
    let long = false;
    for (let i = 0; i < Math.min(document.lineCount, 2000) && !long; i++) long = document.lineAt(i).text.length > LONG_LINE;
    if (!long) return;
    this.offered = true;
    await this.state.update(ASKED_KEY, true);
    const turnOn = vscode.l10n.t('Turn On Word Wrap');
    const choice = await vscode.window.showInformationMessage(
      vscode.l10n.t('This article has long lines. Wrap them for {0} documents, so whole sentences stay in view while tagging?', document.languageId),
      turnOn,
      vscode.l10n.t("Don't Ask Again"),
    );
    if (choice === turnOn) await vscode.commands.executeCommand(Commands.enableWordWrap, [document.languageId]);
  }
}
