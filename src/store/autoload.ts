// Loads tags for documents as they open, so decorations appear without running a command.
import * as vscode from 'vscode';
import { ClaimTaggerConfig, isLanguageEnabled } from '../config';
import { Disposable } from '../util/dispose';
import { TagStore } from './tagStore';

export class Autoload extends Disposable {
  constructor(
    private readonly store: TagStore,
    private readonly config: () => ClaimTaggerConfig,
  ) {
    super();
    this._register(vscode.workspace.onDidOpenTextDocument((d) => this.load(d)));
    this.loadOpen();
  }

  /** Loads every open document (again after enabledLanguages changed). */
  loadOpen(): void {
    vscode.workspace.textDocuments.forEach((d) => this.load(d));
  }

  private load(document: vscode.TextDocument): void {
    if (TagStore.isTaggable(document) && isLanguageEnabled(this.config(), document.languageId)) void this.store.open(document);
  }
}
