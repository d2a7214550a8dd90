// Shows store messages as notifications, with the action that helps (open the sidecar to fix it).
import * as vscode from 'vscode';
import { DocumentTags } from './store/documentTags';
import { showLog } from './util/log';

export function showStoreMessage(kind: 'info' | 'warning' | 'error', message: string, doc?: DocumentTags, offer?: 'showLog'): void {
  const open = vscode.l10n.t('Open Sidecar');
  const logAction = vscode.l10n.t('Show Log');
  // Tags kept only in the log (their folder is gone) are shown there; the sidecar's path may not exist.
  const actions = offer === 'showLog' ? [logAction] : doc?.sidecarUri && kind !== 'info' ? [open] : [];
  const show = kind === 'error' ? vscode.window.showErrorMessage : kind === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  void show(message, ...actions).then((choice) => {
    if (choice === logAction) return showLog();
    if (choice !== open || !doc?.sidecarUri) return;
    // At the error's position when the parser knows it (1-based line and column).
    const { line, column } = doc.error ?? {};
    const at = line ? new vscode.Position(line - 1, Math.max(0, (column ?? 1) - 1)) : undefined;
    void vscode.window.showTextDocument(doc.sidecarUri, { preview: false, selection: at && new vscode.Range(at, at) });
  });
}

