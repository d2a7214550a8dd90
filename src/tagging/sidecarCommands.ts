// Commands about sidecar files themselves: open one, re-read one after fixing it by hand.
import * as vscode from 'vscode';
import { resolveDocument } from '../editor/target';
import { Disposable } from '../util/dispose';
import { TagStore } from '../store/tagStore';
import { sidecarUriFor } from '../store/sidecarIO';
import { ClaimTaggerConfig } from '../config';
import { registerCommands } from '../editor/commands';
import { uri, withArgs } from '../editor/args';
import { Commands } from '../commands';

export class SidecarCommands extends Disposable {
  constructor(
    private readonly store: TagStore,
    private readonly config: () => ClaimTaggerConfig,
  ) {
    super();
    this._register(
      registerCommands('sidecar', {
        // The document itself is the argument (editor title and explorer menus pass its Uri).
        openSidecar: (raw?: unknown) => withArgs(Commands.openSidecar, { uri: raw }, { uri }, (a) => this.open(a.uri)),
        reloadSidecar: (raw?: unknown) => withArgs(Commands.reloadSidecar, { uri: raw }, { uri }, (a) => this.reload(a.uri)),
      }),
    );
  }

  private async open(uri?: vscode.Uri | string): Promise<vscode.TextEditor | undefined> {
    const target = await resolveDocument(uri);
    if (!target || target.document.isUntitled) return undefined;
    const sidecar = this.store.get(target.document.uri)?.sidecarUri ?? sidecarUriFor(target.document.uri, this.config().sidecarLocation);
    try {
      await vscode.workspace.fs.stat(sidecar);
    } catch {
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} has no tags yet.', target.document.uri.path.split('/').pop() ?? ''));
      return undefined;
    }
    return vscode.window.showTextDocument(sidecar, { preview: false, viewColumn: vscode.ViewColumn.Beside });
  }

  private async reload(uri?: vscode.Uri | string): Promise<number | undefined> {
    const target = await resolveDocument(uri);
    if (!target) return undefined;
    const doc = await this.store.reload(target.document);
    return doc.tags.length;
  }
}
