// Gathers the documents a report covers: this document, the whole workspace, or the tags selected in the
// Tags view. Open documents contribute their live tags and text; others are read from disk.
import { CUSTOM_KIND_COLOR, KIND_COLORS, ThemePalette } from '../core/kindColors';
import * as vscode from 'vscode';
import { Tag } from '../core/model';
import { KindInfo, ReportDocument } from '../core/report';
import { ReviewModel, ReviewNode } from '../core/review/model';
import { ClaimTaggerConfig } from '../config';
import { reportNames } from '../editor/reportNames';
import { TagStore } from '../store/tagStore';
import { WorkspaceIndex } from '../store/workspaceIndex';
import { log } from '../util/log';

/**
 * What a report reads from the Tags view: the workspace index, the review model and the selected rows. The view
 * (tree/view.ts) has this shape and is passed in by extension.ts, so the report does not import the tree.
 */
export interface TagsSource {
  readonly index: WorkspaceIndex;
  readonly model: ReviewModel;
  /** Review rows, and the view's team rows (conflicts, authors), which the report skips. */
  readonly selection: readonly (ReviewNode | { type: 'conflicts' | 'conflict' | 'version' | 'author' | 'authorDoc' })[];
}

export type ReportScope = 'document' | 'workspace' | 'selection';

export type ReportPalette = ThemePalette;

/**
 * Report colours for every kind: built-ins in the palette of the theme (light for files, the editor's theme for
 * the preview), custom kinds in their setting colour.
 */
export function reportKinds(config: ClaimTaggerConfig, palette: ReportPalette = 'light'): KindInfo[] {
  return config.kinds.map((k) => ({ id: k.id, label: k.label, color: k.color ?? (KIND_COLORS[palette] as Readonly<Record<string, string>>)[k.id] ?? CUSTOM_KIND_COLOR }));
}

export async function collectDocuments(scope: ReportScope, store: TagStore, view: TagsSource, uri?: vscode.Uri): Promise<ReportDocument[]> {
  if (scope === 'document') {
    const target = uri ?? vscode.window.activeTextEditor?.document.uri;
    if (!target) throw new Error(vscode.l10n.t('Open a document to report on it.'));
    const document = await vscode.workspace.openTextDocument(target);
    const doc = await store.open(document);
    return [{ ...reportNames(document.uri), text: document.getText(), tags: doc.tags }];
  }
  await view.index.ensureLoaded();
  if (scope === 'selection') {
    const byDoc = new Map<string, Tag[]>();
    for (const node of view.selection) {
      if (node.type !== 'tag') continue;
      byDoc.set(node.doc, [...(byDoc.get(node.doc) ?? []), node.tag]);
    }
    if (!byDoc.size) throw new Error(vscode.l10n.t('Select tags in the Tags view first.'));
    return Promise.all([...byDoc].map(([key, tags]) => withText(key, tags)));
  }
  const docs = view.model.documents().filter((d) => d.tags.length);
  return Promise.all(docs.map((d) => withText(d.key, d.tags, d.detached)));
}

async function withText(key: string, tags: readonly Tag[], detached = false): Promise<ReportDocument> {
  const uri = vscode.Uri.parse(key);
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
  let text: string | undefined = open?.getText();
  if (text === undefined && !detached) {
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch (e) {
      log.warn(`Report: ${uri.fsPath} cannot be read; reported without its text`, e);
      text = undefined;
    }
  }
  return { ...reportNames(uri), text, tags: [...tags] };
}
