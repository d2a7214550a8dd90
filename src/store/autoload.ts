// Loads tags for documents as they open, so decorations appear without running a command,
// and keeps the `claimTagger.sidecarBroken` context key in step with the active editor.
import * as vscode from 'vscode';
import { Disposable } from '../util/dispose';
import { TagStore } from './tagStore';

export class Autoload extends Disposable {
  constructor(private readonly store: TagStore) {
    super();
    this._register(vscode.workspace.onDidOpenTextDocument((d) => this.load(d)));
    this._register(vscode.window.onDidChangeActiveTextEditor(() => this.updateContext()));
    this._register(store.onDidChange(() => this.updateContext()));
    vscode.workspace.textDocuments.forEach((d) => this.load(d));
    this.updateContext();
  }

  private load(document: vscode.TextDocument): void {
    if (TagStore.isTaggable(document)) void this.store.open(document);
  }

  private updateContext(): void {
    const editor = vscode.window.activeTextEditor;
    const doc = editor && this.store.get(editor.document.uri);
    void vscode.commands.executeCommand('setContext', 'claimTagger.sidecarBroken', doc?.state === 'broken');
    void vscode.commands.executeCommand('setContext', 'claimTagger.hasTags', !!doc?.tags.length);
  }
}
