// Which tag a command acts on: the id in its arguments, else the tag under the cursor (asking when
// several overlap there).
import * as vscode from 'vscode';
import { Tag } from '../core/model';
import { DocumentTags } from '../store/documentTags';
import { TagStore } from '../store/tagStore';
import { describeTag } from '../editor/describe';
import { CommandTarget, resolveDocument } from '../editor/target';
import { TagArgs } from '../editor/tagArgs';
import { ClaimTaggerConfig } from '../config';

export interface PickedTag extends CommandTarget {
  doc: DocumentTags;
  tag: Tag;
}

export async function pickTag(
  store: TagStore,
  config: ClaimTaggerConfig,
  args: TagArgs | undefined,
  filter: (t: Tag) => boolean = () => true,
  placeHolder = vscode.l10n.t('Several tags overlap here: which one?'),
): Promise<PickedTag | undefined> {
  const target = await resolveDocument(args?.uri);
  if (!target) return undefined;
  const doc = await store.open(target.document);
  if (args?.id) {
    const tag = doc.find(args.id);
    if (!tag) {
      // Removed meanwhile (another window, a change on disk): say so instead of failing.
      void vscode.window.showInformationMessage(vscode.l10n.t('That tag no longer exists in {0}.', target.document.uri.path.split('/').pop() ?? ''));
      return undefined;
    }
    return { ...target, doc, tag };
  }
  const editor = target.editor;
  const offset = editor ? target.document.offsetAt(editor.selection.active) : undefined;
  const here = offset === undefined ? [] : doc.at(offset).filter(filter);
  if (!here.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There is no tag at the cursor.'));
    return undefined;
  }
  if (here.length === 1) return { ...target, doc, tag: here[0] };
  const pick = await vscode.window.showQuickPick(
    here.map((tag) => ({ ...describeTag(tag, config), tag })),
    { placeHolder },
  );
  return pick && { ...target, doc, tag: pick.tag };
}
