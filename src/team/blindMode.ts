// Annotate blind: the command that switches the `claimTagger.team.annotateBlind` setting, and a status-bar
// indicator while it is on. The store follows the setting (src/store/blindMode.ts): it writes what is pending,
// then reads every open document's tags from the right file again.
import * as vscode from 'vscode';
import { Commands } from '../commands';
import { ClaimTaggerConfig, SECTION, onDidChangeConfig } from '../config';
import { authorFileName } from '../core/team/annotators';
import { Disposable } from '../util/dispose';
import { registerCommands } from '../editor/commands';
import { withArgs } from '../editor/args';
import { flag } from '../util/args';

export const BLIND_CONTEXT = 'claimTagger.annotateBlind';

export class BlindMode extends Disposable {
  private readonly item = this._register(vscode.window.createStatusBarItem('claimTagger.annotateBlind', vscode.StatusBarAlignment.Right, 101));

  /** `read` reads the settings afresh (with the platform's default author). */
  constructor(private readonly read: () => ClaimTaggerConfig) {
    super();
    this.item.name = vscode.l10n.t('Claim Tagger: Annotate Blind');
    this.item.command = Commands.toggleAnnotateBlind;
    this._register(registerCommands('blindMode', { toggleAnnotateBlind: (raw?: unknown) => withArgs(Commands.toggleAnnotateBlind, raw, { on: flag }, (a) => this.toggle(a.on)) }));
    // Read afresh: this listener may run before the extension's own copy of the settings is updated.
    this._register(onDidChangeConfig(() => this.update(this.read())));
    this.update(this.read());
  }

  /** The indicator's text, empty while hidden (for tests). */
  get text(): string {
    return this.on ? this.item.text : '';
  }

  private on = false;

  /** Switches blind annotation (or sets it to `on`); returns the new state and the indicator's text. */
  async toggle(on?: boolean): Promise<{ on: boolean; indicator: string }> {
    const settings = vscode.workspace.getConfiguration(SECTION);
    const next = typeof on === 'boolean' ? on : !this.read().team.annotateBlind;
    const where = settings.inspect<boolean>('team.annotateBlind');
    // Change the setting where it is set; with none set, an open workspace gets its own value (other projects keep theirs).
    const target = where?.workspaceValue !== undefined || (where?.globalValue === undefined && vscode.workspace.workspaceFolders?.length)
      ? vscode.ConfigurationTarget.Workspace
      : vscode.ConfigurationTarget.Global;
    await settings.update('team.annotateBlind', next, target);
    this.update(this.read());
    return { on: this.on, indicator: this.text };
  }

  private update(config: ClaimTaggerConfig): void {
    this.on = config.team.annotateBlind;
    void vscode.commands.executeCommand('setContext', BLIND_CONTEXT, this.on);
    if (!this.on) {
      this.item.hide();
      return;
    }
    const file = authorFileName(config.author);
    this.item.text = `$(eye-closed) ${vscode.l10n.t('Blind: {0}', config.author || file)}`;
    this.item.tooltip = vscode.l10n.t('Annotating blind: you see and edit only your own tags, kept in <document>.tags.{0}.json. The shared sidecar is left untouched. Click to annotate the shared sidecar again.', file);
    this.item.accessibilityInformation = { label: vscode.l10n.t('Annotating blind as {0}', config.author || file) };
    this.item.show();
  }
}
