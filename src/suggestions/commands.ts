// Suggest Tags, Accept All of a Kind, Clear; the quick fixes on each suggestion (tag as…, dismiss, dismiss the
// term here, never suggest the term) and the internal commands they run.
import * as vscode from 'vscode';
import { Suggestion, SuggestionKind } from '../core/suggest';
import { Commands } from '../commands';
import { SECTION } from '../config';
import { resolveDocument } from '../tagging/target';
import { Disposable } from '../util/dispose';
import { DIAGNOSTIC_SOURCE, SuggestionController } from './controller';

interface SuggestionRef {
  uri: string;
  start: number;
  end: number;
  rule: string;
}

const KIND_LABELS: Record<SuggestionKind, string> = { claim: 'claim', attribution: 'attribution', opinion: 'opinion' };

export class SuggestionCommands extends Disposable implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly controller: SuggestionController) {
    super();
    const reg = (id: string, fn: (...args: never[]) => unknown) => this._register(vscode.commands.registerCommand(id, fn));
    reg(Commands.suggestTags, (args?: { uri?: string | vscode.Uri }) => this.suggest(args));
    reg(Commands.acceptSuggestions, (args?: { uri?: string | vscode.Uri; kind?: SuggestionKind }) => this.acceptAll(args));
    reg(Commands.clearSuggestions, (args?: { uri?: string | vscode.Uri }) => this.clearAll(args));
    reg(Commands.acceptSuggestion, (ref: SuggestionRef, kind?: string) => this.withSuggestion(ref, (d, s) => this.controller.accept(d, s, kind)));
    reg(Commands.dismissSuggestion, (ref: SuggestionRef, everywhere?: boolean) => this.withSuggestion(ref, (d, s) => this.controller.dismiss(d, s, !!everywhere)));
    reg(Commands.neverSuggest, (term: string) => this.neverSuggest(term));
    this._register(vscode.languages.registerCodeActionsProvider({ pattern: '**' }, this, SuggestionCommands.metadata));
  }

  private async suggest(args?: { uri?: string | vscode.Uri }): Promise<Suggestion[]> {
    const target = await resolveDocument(args?.uri);
    if (!target) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open an article to get suggestions.'));
      return [];
    }
    const shown = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Claim Tagger: looking for claims, attributions and opinion language…') },
      () => this.controller.run(target.document),
    );
    if (!args?.uri || args.uri instanceof vscode.Uri) {
      const by = (k: SuggestionKind) => shown.filter((s) => s.kind === k).length;
      void vscode.window.setStatusBarMessage(vscode.l10n.t('{0} suggestions: {1} claims, {2} attributions, {3} opinion', shown.length, by('claim'), by('attribution'), by('opinion')), 5000);
    }
    return shown;
  }

  private async acceptAll(args?: { uri?: string | vscode.Uri; kind?: SuggestionKind }) {
    const target = await resolveDocument(args?.uri);
    if (!target) return [];
    let kind = args?.kind;
    if (!kind) {
      const shown = this.controller.shown(target.document.uri);
      const pick = await vscode.window.showQuickPick(
        (Object.keys(KIND_LABELS) as SuggestionKind[]).map((k) => ({ label: KIND_LABELS[k], description: `${shown.filter((s) => s.kind === k).length}`, suggestionKind: k })),
        { title: vscode.l10n.t('Accept all suggestions of which kind?') },
      );
      kind = pick?.suggestionKind;
    }
    return kind ? this.controller.acceptAll(target.document, kind) : [];
  }

  private async clearAll(args?: { uri?: string | vscode.Uri }): Promise<void> {
    const target = await resolveDocument(args?.uri);
    if (target) this.controller.clear(target.document.uri);
  }

  private async withSuggestion<T>(ref: SuggestionRef, fn: (d: vscode.TextDocument, s: Suggestion) => Promise<T>): Promise<T | undefined> {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(ref.uri));
    const s = this.controller.find(document.uri, ref.start, ref.end, ref.rule);
    return s ? fn(document, s) : undefined;
  }

  private async neverSuggest(term: string): Promise<void> {
    const c = vscode.workspace.getConfiguration(SECTION);
    const current = c.get<string[]>('suggestions.ignoredTerms') ?? [];
    if (current.some((t) => t.toLowerCase() === term.toLowerCase())) return;
    await c.update('suggestions.ignoredTerms', [...current, term], vscode.ConfigurationTarget.Global);
    this.controller.rerunShown(); // the term disappears everywhere
  }

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const start = document.offsetAt(diagnostic.range.start);
      const end = document.offsetAt(diagnostic.range.end);
      const s = this.controller.find(document.uri, start, end, String(diagnostic.code));
      if (!s) continue;
      const ref: SuggestionRef = { uri: document.uri.toString(), start, end, rule: s.rule };
      const action = (title: string, command: string, args: unknown[], preferred = false) => {
        const a = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
        a.command = { command, title, arguments: args };
        a.diagnostics = [diagnostic];
        a.isPreferred = preferred;
        actions.push(a);
      };
      const order = [s.kind, ...(Object.keys(KIND_LABELS) as SuggestionKind[]).filter((k) => k !== s.kind)];
      for (const k of order) action(vscode.l10n.t('Tag as {0}', KIND_LABELS[k]), Commands.acceptSuggestion, [ref, k], k === s.kind);
      action(vscode.l10n.t('Dismiss'), Commands.dismissSuggestion, [ref, false]);
      const term = s.term ?? s.text.toLowerCase();
      if (term.length <= 40) {
        action(vscode.l10n.t("Dismiss all '{0}' here", term), Commands.dismissSuggestion, [ref, true]);
        action(vscode.l10n.t("Never suggest '{0}'", term), Commands.neverSuggest, [term]);
      }
    }
    return actions;
  }
}
