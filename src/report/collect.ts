// Gathers the documents a report covers: this document, the whole workspace, or the tags selected in the
// Tags view. Open documents contribute their live tags and text; others are read from disk.
import * as vscode from 'vscode';
import { Tag } from '../core/model';
import { KindInfo, ReportDocument } from '../core/report';
import { ClaimTaggerConfig } from '../config';
import { TagStore } from '../store/tagStore';
import { TagsView } from '../tree/view';

export type ReportScope = 'document' | 'workspace' | 'selection';

/** Report colours for every kind: the report's defaults for built-ins, the setting colour for custom kinds. */
export function reportKinds(config: ClaimTaggerConfig): KindInfo[] {
  const builtin: Record<string, string> = { claim: '#0066cc', attribution: '#1a8a4a', opinion: '#c07000' };
  return config.kinds.map((k) => ({ id: k.id, label: k.label, color: k.color ?? builtin[k.id] ?? '#8a63d2' }));
}

export async function collectDocuments(scope: ReportScope, store: TagStore, view: TagsView, uri?: vscode.Uri): Promise<ReportDocument[]> {
  if (scope === 'document') {
    const target = uri ?? vscode.window.activeTextEditor?.document.uri;
    if (!target) throw new Error(vscode.l10n.t('Open a document to report on it.'));
    const document = await vscode.workspace.openTextDocument(target);
    const doc = await store.open(document);
    return [{ uri: document.uri.toString(), name: vscode.workspace.asRelativePath(document.uri, false), text: document.getText(), tags: doc.tags }];
  }
  await view.index.ensureLoaded();
  if (scope === 'selection') {
    const byDoc = new Map<string, Tag[]>();
    for (const node of view.selection) {
      if (node.type !== 'tag') continue;
      byDoc.set(node.doc, [...(byDoc.get(node.doc) ?? []), node.tag]);
    }
    if (!byDoc.size) throw new Error(vscode.l10n.t('Select tags in the Tags view first.'));
    return Promise.all([...byDoc].map(([key, tags]) => withText(key, view.model.document(key)?.name ?? key, tags)));
  }
  const docs = view.model.documents().filter((d) => d.tags.length);
  return Promise.all(docs.map((d) => withText(d.key, d.name, d.tags, d.detached)));
}

async function withText(key: string, name: string, tags: readonly Tag[], detached = false): Promise<ReportDocument> {
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
  return { uri: key, name, text, tags: [...tags] };
}
