// Context keys for menus and keybindings: is the cursor on a tag, on a claim; does the document have
// tags or orphans; is its sidecar broken.
import * as vscode from 'vscode';
import { TagStore } from '../store/tagStore';
import { Disposable } from '../util/dispose';

export class CursorContext extends Disposable {
  private last = '';

  constructor(private readonly store: TagStore) {
    super();
    this._register(vscode.window.onDidChangeTextEditorSelection(() => this.update()));
    this._register(vscode.window.onDidChangeActiveTextEditor(() => this.update()));
    this._register(store.onDidChange(() => this.update()));
    this.update();
  }

  private update(): void {
    const editor = vscode.window.activeTextEditor;
    const doc = editor && this.store.get(editor.document.uri);
    const here = doc && editor ? doc.at(editor.document.offsetAt(editor.selection.active)) : [];
    const values = {
      'claimTagger.tagAtCursor': here.length > 0,
      'claimTagger.claimAtCursor': here.some((t) => t.kind === 'claim'),
      'claimTagger.hasTags': !!doc?.tags.length,
      'claimTagger.hasOrphans': !!doc?.tags.some((t) => t.anchor.state !== 'anchored'),
      'claimTagger.sidecarBroken': doc?.state === 'broken',
    };
    const key = JSON.stringify(values);
    if (key === this.last) return; // selection events are frequent: only tell VS Code about changes
    this.last = key;
    for (const [k, v] of Object.entries(values)) void vscode.commands.executeCommand('setContext', k, v);
  }
}
