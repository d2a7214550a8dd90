// Shows store messages as notifications, with the action that helps (open the sidecar to fix it).
import * as vscode from 'vscode';
import { DocumentTags } from './store/documentTags';

export function showStoreMessage(kind: 'info' | 'warning' | 'error', message: string, doc?: DocumentTags): void {
  const open = vscode.l10n.t('Open Sidecar');
  const actions = doc?.sidecarUri && kind !== 'info' ? [open] : [];
  const show = kind === 'error' ? vscode.window.showErrorMessage : kind === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  void show(message, ...actions).then((choice) => {
    if (choice !== open || !doc?.sidecarUri) return;
    // At the error's position when the parser knows it (1-based line and column).
    const { line, column } = doc.error ?? {};
    const at = line ? new vscode.Position(line - 1, Math.max(0, (column ?? 1) - 1)) : undefined;
    void vscode.window.showTextDocument(doc.sidecarUri, { preview: false, selection: at && new vscode.Range(at, at) });
  });
}

