// Resolving a command's target document and ranges from its arguments or the active editor.
import * as vscode from 'vscode';
import type { Span } from '../core/spans';

export interface CommandTarget {
  document: vscode.TextDocument;
  /** The visible editor of the document, if any. */
  editor: vscode.TextEditor | undefined;
}

/** The document named by `uri` (opened if needed), or the active editor's. */
export async function resolveDocument(uri?: vscode.Uri | string): Promise<CommandTarget | undefined> {
  if (uri) {
    const u = typeof uri === 'string' ? vscode.Uri.parse(uri) : uri;
    let document: vscode.TextDocument;
    try {
      document = await vscode.workspace.openTextDocument(u);
    } catch (e) {
      // e.g. a binary file, which VS Code refuses to open as text
      void vscode.window.showErrorMessage(vscode.l10n.t('Claim Tagger cannot tag {0}: {1}', u.path.split('/').pop() ?? '', (e as Error).message));
      return undefined;
    }
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === document);
    return { document, editor };
  }
  const editor = vscode.window.activeTextEditor;
  return editor && { document: editor.document, editor };
}

type RangeLike = { start: vscode.Position; end: vscode.Position };

/** Offsets of a range given as offsets, a vscode.Range, or a plain {start: {line, character}, end} object. */
export function toOffsets(document: vscode.TextDocument, r: vscode.Range | RangeLike | Span): Span {
  if (typeof r.start !== 'number' || typeof r.end !== 'number') {
    const { start, end } = r as RangeLike;
    const a = document.offsetAt(new vscode.Position(start.line, start.character));
    const b = document.offsetAt(new vscode.Position(end.line, end.character));
    return { start: Math.min(a, b), end: Math.max(a, b) };
  }
  const max = document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
  const clamp = (n: number) => Math.max(0, Math.min(max, Math.floor(n)));
  const a = clamp(r.start);
  const b = clamp(r.end);
  return { start: Math.min(a, b), end: Math.max(a, b) };
}
