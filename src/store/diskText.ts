// The text of a document's file as it is on disk, for documents closed without saving.
import * as vscode from 'vscode';

/** The text of a document's file on disk (UTF-8, BOM removed), or undefined when it cannot be read as such. */
export async function readDiskText(uri: vscode.Uri): Promise<string | undefined> {
  if (uri.scheme === 'untitled') return undefined;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(await vscode.workspace.fs.readFile(uri));
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return undefined; // gone, unreadable, or in another encoding: the document's own text stays the reference
  }
}
