// Commands behind the walkthrough: open the bundled sample article, turn on word wrap for prose (asked for).
import * as vscode from 'vscode';
import { Disposable } from './util/dispose';
import { registerCommands } from './editor/commands';

export class WalkthroughCommands extends Disposable {
  constructor(private readonly extensionUri: vscode.Uri) {
    super();
    this._register(
      registerCommands('walkthrough', {
        openSample: () => this.openSample(),
        enableWordWrap: (languages?: string[]) => this.enableWordWrap(languages),
      }),
    );
  }

  /** Opens the sample as an untitled Markdown document, so practice never writes into the extension. */
  private async openSample(): Promise<vscode.TextEditor> {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, 'media', 'walkthrough', 'sample-article.md'));
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: new TextDecoder().decode(bytes) });
    return vscode.window.showTextDocument(document, { preview: false });
  }

  /** Sets editor.wordWrap to "on" for the given languages (default Markdown and plain text) in user settings. */
  private async enableWordWrap(languages: string[] = ['markdown', 'plaintext']): Promise<void> {
    for (const language of languages) {
      await vscode.workspace.getConfiguration('editor', { languageId: language }).update('wordWrap', 'on', vscode.ConfigurationTarget.Global, true);
    }
    void vscode.window.setStatusBarMessage(vscode.l10n.t('Word wrap is on for {0}.', languages.join(', ')), 3000);
  }
}
