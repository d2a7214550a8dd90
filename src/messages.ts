// Shows store messages as notifications, with the action that helps (open the sidecar to fix it).
import * as vscode from 'vscode';
import { DocumentTags } from './store/documentTags';

export function showStoreMessage(kind: 'info' | 'warning' | 'error', message: string, doc?: DocumentTags): void {
  const open = vscode.l10n.t('Open Sidecar');
  const actions = doc?.sidecarUri && kind !== 'info' ? [open] : [];
  const show = kind === 'error' ? vscode.window.showErrorMessage : kind === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  void show(message, ...actions).then((choice) => {
    if (choice === open && doc?.sidecarUri) void vscode.window.showTextDocument(doc.sidecarUri, { preview: false });
  });
}

