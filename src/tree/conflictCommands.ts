// Keep This Version / Keep Other Version / Keep Both Versions: settle a merge conflict listed in a sidecar
// (from the Tags view's "Merge conflicts" rows, or with { uri, id, otherId } from tests and automation).
// The store writes the result through its usual path; a document not open is opened (not shown) for that.
import * as vscode from 'vscode';
import { ConflictChoice } from '../core/team/conflicts';
import { TagStore, TagStoreError } from '../store/tagStore';
import { Disposable } from '../util/dispose';
import { registerCommands } from '../editor/commands';

export interface ConflictArgs {
  uri: vscode.Uri | string;
  id: string;
  otherId: string;
}

export class ConflictCommands extends Disposable {
  constructor(private readonly store: TagStore) {
    super();
    this._register(
      registerCommands('conflicts', {
        keepThisVersion: (node?: unknown) => this.resolve(node, 'this'),
        keepOtherVersion: (node?: unknown) => this.resolve(node, 'other'),
        keepBothVersions: (node?: unknown) => this.resolve(node, 'both'),
      }),
    );
  }

  private async resolve(node: unknown, choice: ConflictChoice): Promise<boolean> {
    const args = conflictArgs(node);
    if (!args) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Choose a merge conflict in the Tags view.'));
      return false;
    }
    const uri = typeof args.uri === 'string' ? vscode.Uri.parse(args.uri) : args.uri;
    try {
      const document = await vscode.workspace.openTextDocument(uri);
      await this.store.resolveConflict(document, { id: args.id, otherId: args.otherId }, choice);
      await this.store.flush(uri);
      return true;
    } catch (e) {
      const message = e instanceof TagStoreError ? e.message : vscode.l10n.t('Cannot open {0}: {1}', uri.path.split('/').pop() ?? '', (e as Error).message);
      void vscode.window.showErrorMessage(vscode.l10n.t('Claim Tagger could not resolve the conflict: {0}', message));
      return false;
    }
  }
}

/** A "Merge conflicts" row of the Tags view (or one of its two versions), or explicit arguments. */
function conflictArgs(node: unknown): ConflictArgs | undefined {
  const n = node as { type?: string; doc?: string; entry?: { id: string; otherId: string }; parent?: unknown; uri?: unknown; id?: unknown; otherId?: unknown } | undefined;
  if (n?.type === 'version') return conflictArgs(n.parent);
  if (n?.type === 'conflict' && n.doc && n.entry) return { uri: n.doc, id: n.entry.id, otherId: n.entry.otherId };
  if (n && (typeof n.uri === 'string' || n.uri instanceof vscode.Uri) && typeof n.id === 'string' && typeof n.otherId === 'string') return { uri: n.uri, id: n.id, otherId: n.otherId };
  return undefined;
}
