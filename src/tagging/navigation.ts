// Moving between tags: next/previous (wrapping, optionally one kind), and a quick pick with live preview.
import * as vscode from 'vscode';
import { Tag } from '../core/model';
import { ClaimTaggerConfig } from '../config';
import { TagStore } from '../store/tagStore';
import { Disposable } from '../util/dispose';
import { describeTag } from '../editor/describe';
import { reveal } from '../editor/ranges';
import { registerCommands } from '../editor/commands';
import { withArgs } from '../editor/args';
import { Parsed, text } from '../util/args';
import { Commands } from '../commands';

const NAVIGATE_ARGS = {
  /** Only tags of this kind. */
  kind: text,
};
export type NavigateArgs = Parsed<typeof NAVIGATE_ARGS>;

export class Navigation extends Disposable {
  constructor(
    private readonly store: TagStore,
    private readonly config: () => ClaimTaggerConfig,
  ) {
    super();
    this._register(
      registerCommands('navigation', {
        nextTag: (raw?: unknown) => withArgs(Commands.nextTag, raw, NAVIGATE_ARGS, (a) => this.step(1, a)),
        previousTag: (raw?: unknown) => withArgs(Commands.previousTag, raw, NAVIGATE_ARGS, (a) => this.step(-1, a)),
        goToTag: (raw?: unknown) => withArgs(Commands.goToTag, raw, { id: text }, (a) => this.goTo(a)),
      }),
    );
  }

  private async navigable(editor: vscode.TextEditor, kind?: string): Promise<Tag[]> {
    const doc = await this.store.open(editor.document);
    return doc.tags
      .filter((t) => t.anchor.state !== 'orphaned' && (!kind || t.kind === kind))
      .sort((a, b) => a.start - b.start || a.end - b.end);
  }

  /** The message of the last next/previous that wrapped around ('' when it did not), for tests. */
  lastWrap = '';

  /** Selects the next (1) or previous (-1) tag after/before the cursor, wrapping around. */
  private async step(direction: 1 | -1, args?: NavigateArgs): Promise<Tag | undefined> {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return undefined;
    const tags = await this.navigable(editor, args?.kind);
    if (!tags.length) {
      void vscode.window.setStatusBarMessage(vscode.l10n.t('No tags in this document.'), 2000);
      return undefined;
    }
    const at = editor.document.offsetAt(editor.selection.start);
    const atEnd = editor.document.offsetAt(editor.selection.end);
    const ahead = direction === 1
      ? tags.find((t) => t.start > at || (t.start === at && t.end > atEnd))
      : [...tags].reverse().find((t) => t.start < at || (t.start === at && t.end < atEnd));
    const next = ahead ?? (direction === 1 ? tags[0] : tags[tags.length - 1]);
    if (!ahead) {
      // Say so when the search went round, as VS Code's own find does.
      this.lastWrap = direction === 1 ? vscode.l10n.t('Reached the end of the document; continued from the first tag.') : vscode.l10n.t('Reached the start of the document; continued from the last tag.');
      vscode.window.setStatusBarMessage(`$(debug-restart) ${this.lastWrap}`, 3000);
    } else this.lastWrap = '';
    reveal(editor, next);
    return next;
  }

  private async goTo(args?: { id?: string }): Promise<Tag | undefined> {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return undefined;
    const tags = await this.navigable(editor);
    if (args?.id) {
      const tag = tags.find((t) => t.id === args.id);
      if (tag) reveal(editor, tag);
      return tag;
    }
    const original = editor.selections;
    const originalVisible = editor.visibleRanges[0];
    const qp = vscode.window.createQuickPick<vscode.QuickPickItem & { tag: Tag }>();
    qp.placeholder = vscode.l10n.t('Go to tag (type to filter by text, kind, status or note)');
    qp.matchOnDescription = true;
    qp.matchOnDetail = true;
    qp.items = tags.map((tag) => ({ ...describeTag(tag, this.config()), tag }));
    const cursor = editor.document.offsetAt(editor.selection.active);
    const current = qp.items.find((i) => i.tag.end >= cursor);
    if (current) qp.activeItems = [current];
    return new Promise<Tag | undefined>((resolve) => {
      let accepted: Tag | undefined;
      qp.onDidChangeActive((items) => items[0] && reveal(editor, items[0].tag));
      qp.onDidAccept(() => {
        accepted = qp.selectedItems[0]?.tag ?? qp.activeItems[0]?.tag;
        qp.hide();
      });
      qp.onDidHide(() => {
        if (accepted) reveal(editor, accepted);
        else {
          editor.selections = original;
          if (originalVisible) editor.revealRange(originalVisible, vscode.TextEditorRevealType.AtTop);
        }
        qp.dispose();
        resolve(accepted);
      });
      qp.show();
    });
  }
}
