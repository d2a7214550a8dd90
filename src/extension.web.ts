// The web entry (package.json "browser": github.dev, vscode.dev, the web-worker extension host): no Node, so
// sidecars go through workspace.fs only and the author comes from the `claimTagger.author` setting.
import * as vscode from 'vscode';
import { ClaimTaggerApi } from './api';
import { activateOn, deactivateAll } from './activate';
import { WorkspaceFiles } from './store/workspaceFiles';

export function activate(context: vscode.ExtensionContext): ClaimTaggerApi {
  return activateOn(context, { files: new WorkspaceFiles(), defaultAuthor: () => undefined });
}

export const deactivate = deactivateAll;
