// The desktop entry (package.json "main"): sidecars on disk under the CLI's lock, the OS user as default author.
import * as vscode from 'vscode';
import { ClaimTaggerApi } from './api';
import { activateOn, deactivateAll } from './activate';
import { DiskFiles } from './node/diskFiles';
import { osUserName } from './node/userName';

export function activate(context: vscode.ExtensionContext): ClaimTaggerApi {
  return activateOn(context, { files: new DiskFiles(), defaultAuthor: osUserName });
}

export const deactivate = deactivateAll;
