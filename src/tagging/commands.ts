// Tagging commands. Each accepts arguments so tests and other extensions can drive it without UI;
// without arguments it works on the active editor's selections.
import * as vscode from 'vscode';
import { Tag, TagKind } from '../core/model';
import { trimRange } from '../core/tags';
import { sentenceAt, wordAt } from '../core/textUnits';
import { Commands } from '../commands';
import { TagStore, TagStoreError } from '../store/tagStore';
import { Disposable } from '../util/dispose';
import { resolveDocument, showStoreError, OffsetRange, toOffsets } from './target';

export interface TagCommandArgs {
  /** Document to tag (default: the active editor's). */
  uri?: vscode.Uri | string;
  /** Ranges to tag (default: the active editor's selections). */
  ranges?: (vscode.Range | OffsetRange)[];
  note?: string;
}

export class TaggingCommands extends Disposable {
  constructor(private readonly store: TagStore) {
    super();
    this._register(vscode.commands.registerCommand(Commands.tagClaim, (args?: TagCommandArgs) => this.tag('claim', args)));
    this._register(vscode.commands.registerCommand(Commands.repinTag, (args?: { uri?: vscode.Uri | string; id?: string; range?: vscode.Range | OffsetRange }) => this.repin(args)));
  }

  /** Tags each range (or selection) as `kind`; returns the new tags. */
  async tag(kind: TagKind, args?: TagCommandArgs): Promise<Tag[]> {
    const target = await resolveDocument(args?.uri);
    if (!target) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a document and select the text to tag.'));
      return [];
    }
    const { document, editor } = target;
    const text = document.getText();
    const raw = args?.ranges?.map((r) => toOffsets(document, r)) ??
      editor?.selections.map((s) => ({ start: document.offsetAt(s.start), end: document.offsetAt(s.end) })) ?? [];
    const spans = raw
      .map((r) => (r.start === r.end ? (kind === 'opinion' ? wordAt(text, r.start) : sentenceAt(text, r.start)) : trimRange(text, r.start, r.end)))
      .filter((r) => r.end > r.start);
    if (!spans.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Nothing to tag here: select some text first.'));
      return [];
    }
    try {
      return await this.store.addTags(document, spans.map((s) => ({ kind, start: s.start, end: s.end, note: args?.note })));
    } catch (e) {
      if (e instanceof TagStoreError) {
        showStoreError(e);
        return [];
      }
      throw e;
    }
  }

  /** Re-pins a tag (typically orphaned) to a range or the current selection. */
  private async repin(args?: { uri?: vscode.Uri | string; id?: string; range?: vscode.Range | OffsetRange }): Promise<Tag | undefined> {
    const target = await resolveDocument(args?.uri);
    if (!target) return undefined;
    const { document, editor } = target;
    const doc = await this.store.open(document);
    let id = args?.id;
    if (!id) {
      const orphans = doc.tags.filter((t) => t.anchor.state !== 'anchored');
      const all = orphans.length ? orphans : doc.tags;
      const pick = await vscode.window.showQuickPick(
        all.map((t) => ({ label: t.quote.slice(0, 80) || '(empty)', description: `${t.kind} · ${t.anchor.state}`, id: t.id })),
        { placeHolder: vscode.l10n.t('Tag to pin to the selection') },
      );
      id = pick?.id;
    }
    const range = args?.range ? toOffsets(document, args.range) : editor && { start: document.offsetAt(editor.selection.start), end: document.offsetAt(editor.selection.end) };
    if (!id || !range || range.start === range.end) return undefined;
    const span = trimRange(document.getText(), range.start, range.end);
    try {
      return await this.store.repin(document, id, span.start, span.end);
    } catch (e) {
      if (e instanceof TagStoreError) return void showStoreError(e);
      throw e;
    }
  }
}
