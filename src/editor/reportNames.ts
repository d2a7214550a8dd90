// How reports and citations name a document (the Tags view's Copy as Citation uses it too).
import * as vscode from 'vscode';
import { readConfig } from '../config';

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
