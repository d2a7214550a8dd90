// claimTagger.toggleHighlights: hide or show highlights, for all kinds or some.
import * as vscode from 'vscode';
import { ClaimTaggerConfig } from '../config';
import { Disposable } from '../util/dispose';
import { Decorator } from './decorator';
import { registerCommands } from '../editor/commands';
import { Commands } from '../commands';
import { withArgs } from '../editor/args';
import { Parsed, flag, listOf, text } from '../util/args';

const TOGGLE_ARGS = {
  /** Kinds to toggle (default: all). */
  kinds: listOf(text),
  /** true: show, false: hide, absent: flip. */
  visible: flag,
};
export type ToggleArgs = Parsed<typeof TOGGLE_ARGS>;

export class HighlightCommands extends Disposable {
  constructor(
    private readonly decorator: Decorator,
    private readonly config: () => ClaimTaggerConfig,
  ) {
    super();
    this._register(registerCommands('highlights', { toggleHighlights: (raw?: unknown) => withArgs(Commands.toggleHighlights, raw, TOGGLE_ARGS, (a) => this.toggle(a)) }));
  }

  private async toggle(args?: ToggleArgs): Promise<string[]> {
    const kinds = this.config().kinds;
    if (args) {
      const which = args.kinds?.length ? args.kinds : kinds.map((k) => k.id);
      const show = args.visible ?? which.some((k) => this.decorator.isHidden(k));
      this.decorator.setHidden(which, !show);
    } else {
      const picks = await vscode.window.showQuickPick(
        kinds.map((k) => ({ label: `$(${k.icon}) ${k.label}`, id: k.id, picked: !this.decorator.isHidden(k.id) })),
        { canPickMany: true, title: vscode.l10n.t('Highlight these kinds') },
      );
      if (!picks) return this.visibleKinds();
      const shown = new Set(picks.map((p) => p.id));
      const hidden = kinds.filter((k) => !shown.has(k.id)).map((k) => k.id);
      if (hidden.length) this.decorator.setHidden(hidden, true);
      if (shown.size) this.decorator.setHidden([...shown], false);
    }
    return this.visibleKinds();
  }

  private visibleKinds(): string[] {
    return this.config().kinds.map((k) => k.id).filter((k) => !this.decorator.isHidden(k));
  }
}
