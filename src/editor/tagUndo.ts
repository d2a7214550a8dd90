// Undo for tag actions. VS Code's Undo (Ctrl+Z) belongs to the text; tags live in the sidecar, so a tag action
// that changes many tags at once (Accept All) offers its own Undo: a button on its notification and the command
// "Undo Last Tag Action", which reverts exactly the tags that action changed. Only the last few actions are kept.
import * as vscode from 'vscode';
import { Disposable } from '../util/dispose';
import { registerCommands } from './commands';

export interface TagAction {
  /** What was done, as the user reads it ("Accept 930 opinion suggestions"). */
  label: string;
  uri: vscode.Uri;
  /** Reverts the action; resolves with how many tags it changed back. */
  undo(): Promise<number>;
}

const KEEP = 20;
const CONTEXT_KEY = 'claimTagger.canUndoTagAction';

export class TagUndo extends Disposable {
  private readonly stack: TagAction[] = [];

  constructor() {
    super();
    this._register(registerCommands('undo', { undoTagAction: () => this.undoLast() }));
    void vscode.commands.executeCommand('setContext', CONTEXT_KEY, false);
  }

  get last(): TagAction | undefined {
    return this.stack[this.stack.length - 1];
  }

  push(action: TagAction): void {
    this.stack.push(action);
    if (this.stack.length > KEEP) this.stack.shift();
    void vscode.commands.executeCommand('setContext', CONTEXT_KEY, true);
  }

  /** Undoes `action` if it is still on the stack (the notification's Undo button), else nothing. */
  async undo(action: TagAction): Promise<number> {
    const i = this.stack.lastIndexOf(action);
    if (i < 0) return 0;
    this.stack.splice(i, 1);
    void vscode.commands.executeCommand('setContext', CONTEXT_KEY, this.stack.length > 0);
    const n = await action.undo();
    vscode.window.setStatusBarMessage(vscode.l10n.t('Undone: {0}', action.label), 4000);
    return n;
  }

  private async undoLast(): Promise<{ label: string; count: number } | undefined> {
    const action = this.last;
    if (!action) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No tag action to undo. (Ctrl+Z undoes text edits; tag actions are undone here.)'));
      return undefined;
    }
    return { label: action.label, count: await this.undo(action) };
  }
}
