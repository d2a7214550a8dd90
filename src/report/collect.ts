// Gathers the documents a report covers: this document, the whole workspace, or the tags selected in the
// Tags view. Open documents contribute their live tags and text; others are read from disk.
import * as vscode from 'vscode';
import { Tag } from '../core/model';
import { KindInfo, ReportDocument } from '../core/report';
import { ClaimTaggerConfig, readConfig } from '../config';
import { TagStore } from '../store/tagStore';
import { TagsView } from '../tree/view';

export type ReportScope = 'document' | 'workspace' | 'selection';

export type ReportPalette = 'light' | 'dark' | 'highContrast' | 'highContrastLight';

/** The built-in kinds' colours per theme kind, as the editor's colour defaults (package.json contributes.colors). */
const PALETTES: Record<ReportPalette, Record<string, string>> = {
  light: { claim: '#0066cc', attribution: '#1a8a4a', opinion: '#c07000' },
  dark: { claim: '#4fa3ff', attribution: '#3fbf7f', opinion: '#e0a03a' },
  highContrast: { claim: '#6fc3ff', attribution: '#5fef9f', opinion: '#ffc05a' },
  highContrastLight: { claim: '#0044aa', attribution: '#0a5a2a', opinion: '#804000' },
};

/**
 * Report colours for every kind: built-ins in the palette of the theme (light for files, the editor's theme for
 * the preview), custom kinds in their setting colour.
 */
export function reportKinds(config: ClaimTaggerConfig, palette: ReportPalette = 'light'): KindInfo[] {
  return config.kinds.map((k) => ({ id: k.id, label: k.label, color: k.color ?? PALETTES[palette][k.id] ?? '#8a63d2' }));
}

export async function collectDocuments(scope: ReportScope, store: TagStore, view: TagsView, uri?: vscode.Uri): Promise<ReportDocument[]> {
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

/**
 * How a report names a document: its path relative to the workspace folder (with the folder's name in a
 * multi-root workspace), never an absolute path of this machine; its identifier is the article's published URL
 * when the setting gives one, else that relative path.
 */
export function reportNames(uri: vscode.Uri): { uri: string; name: string } {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  const name = uri.scheme === 'untitled' ? uri.path
    : folder ? vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1)
    : uri.path.split('/').pop() ?? uri.path;
  return { uri: readConfig(uri).report.articleUrl ?? name, name };
}

async function withText(key: string, tags: readonly Tag[], detached = false): Promise<ReportDocument> {
  const uri = vscode.Uri.parse(key);
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
  let text: string | undefined = open?.getText();
  if (text === undefined && !detached) {
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      text = undefined; // reported without its text
    }
  }
  return { ...reportNames(uri), text, tags: [...tags] };
}
