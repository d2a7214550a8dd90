// Offsets to editor ranges, and showing a tag in its editor: the one conversion every feature uses.
import * as vscode from 'vscode';

export function rangeOf(document: vscode.TextDocument, span: { start: number; end: number }): vscode.Range {
  return new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
}

/** Selects the span in `editor` and scrolls it into view when outside. */
export function reveal(editor: vscode.TextEditor, span: { start: number; end: number }): void {
  const range = rangeOf(editor.document, span);
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
