// Suggest Tags, Accept All of a Kind, Clear; the quick fixes on each suggestion (tag as…, dismiss, dismiss the
// term here, never suggest the term) and the internal commands they run.
import * as vscode from 'vscode';
import { Tag } from '../core/model';
import { SUGGESTION_KINDS, Suggestion, SuggestionKind } from '../core/suggest';
import { Commands } from '../commands';
import { ClaimTaggerConfig, SECTION, kindLabel } from '../config';
import { TagAction, TagUndo } from '../editor/tagUndo';
import { resolveDocument } from '../editor/target';
import { Disposable } from '../util/dispose';
import { DIAGNOSTIC_SOURCE, SuggestionController } from './controller';
import { withDelayedProgress } from './delayedProgress';
import { registerCommands } from '../editor/commands';
import { uri, withArgs } from '../editor/args';
import { Parsed, flag, oneOf } from '../util/args';

interface SuggestionRef {
  uri: string;
  start: number;
  end: number;
  rule: string;
}

const ACCEPT_ARGS = { uri, kind: oneOf(SUGGESTION_KINDS), confirm: flag };

const KIND_ICONS: Record<SuggestionKind, string> = { claim: 'comment-discussion', attribution: 'quote', opinion: 'flame' };
/** Accepting more than this many suggestions at once asks first. */
export const CONFIRM_ABOVE = 50;
const PROGRESS_AFTER_MS = 500;

function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

function basename(uri: vscode.Uri): string {
  return uri.path.split('/').pop() ?? uri.path;
}

export class SuggestionCommands extends Disposable implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  /** How long the last Accept All took, in ms (logged by the integration test). */
  lastAcceptMs = 0;

  constructor(
    private readonly controller: SuggestionController,
    private readonly undo: TagUndo,
    private readonly config: () => ClaimTaggerConfig,
  ) {
    super();
    this._register(
      registerCommands('suggestions', {
        // A uri given as text means a script is asking: no status-bar summary then (as before arguments were parsed).
        suggestTags: (raw?: unknown) => withArgs(Commands.suggestTags, raw, { uri }, (a) => this.suggest(a, typeof (raw as { uri?: unknown } | undefined)?.uri === 'string')),
        acceptSuggestions: (raw?: unknown) => withArgs(Commands.acceptSuggestions, raw, ACCEPT_ARGS, (a) => this.acceptAll(a)),
        clearSuggestions: (raw?: unknown) => withArgs(Commands.clearSuggestions, raw, { uri }, (a) => this.clearAll(a)),
        acceptSuggestion: (ref: SuggestionRef, kind?: string) => this.withSuggestion(ref, (d, s) => this.controller.accept(d, s, kind)),
        dismissSuggestion: (refs: SuggestionRef | SuggestionRef[], everywhere?: boolean) => this.dismiss(refs, everywhere),
        neverSuggest: (term: string) => this.neverSuggest(term),
      }),
    );
    this._register(vscode.languages.registerCodeActionsProvider({ pattern: '**' }, this, SuggestionCommands.metadata));
  }

  private async suggest(args?: { uri?: string | vscode.Uri }, scripted = false): Promise<Suggestion[]> {
    const target = await resolveDocument(args?.uri);
    if (!target) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open an article to get suggestions.'));
      return [];
    }
    const shown = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Claim Tagger: looking for claims, attributions and opinion language…') },
      () => this.controller.run(target.document),
    );
    if (!scripted) {
      const by = (k: SuggestionKind) => shown.filter((s) => s.kind === k).length;
      void vscode.window.setStatusBarMessage(vscode.l10n.t('{0} suggestions: {1} claims, {2} attributions, {3} opinion', shown.length, by('claim'), by('attribution'), by('opinion')), 5000);
    }
    return shown;
  }

  /**
   * Accept All of a kind: asks for the kind (labels and counts), confirms above CONFIRM_ABOVE, shows progress
   * with Cancel when it takes more than half a second, and offers one Undo for exactly the tags it added.
   * `confirm: false` skips the question (tests, other extensions).
   */
  private async acceptAll(args?: Parsed<typeof ACCEPT_ARGS>): Promise<Tag[]> {
    const target = await resolveDocument(args?.uri);
    if (!target) return [];
    const { document } = target;
    let kind = args?.kind;
    if (!kind) {
      const shown = this.controller.shown(document.uri);
      const count = (k: SuggestionKind) => shown.filter((s) => s.kind === k).length;
      const pick = await vscode.window.showQuickPick(
        SUGGESTION_KINDS.map((k) => ({
          label: `$(${KIND_ICONS[k]}) ${kindLabel(this.config(), k)}`,
          description: plural(count(k), vscode.l10n.t('1 suggestion'), vscode.l10n.t('{0} suggestions', count(k))),
          suggestionKind: k,
        })),
        { title: vscode.l10n.t('Accept all suggestions of which kind?') },
      );
      kind = pick?.suggestionKind;
    }
    if (!kind) return [];
    const items = this.controller.planAcceptAll(document, kind);
    if (!items.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No {0} suggestions to accept here.', kind));
      return [];
    }
    const what = plural(items.length, vscode.l10n.t('1 {0} suggestion', kind), vscode.l10n.t('{0} {1} suggestions', items.length, kind));
    if (items.length > CONFIRM_ABOVE && args?.confirm !== false) {
      const accept = vscode.l10n.t('Accept {0}', items.length);
      const answer = await vscode.window.showWarningMessage(vscode.l10n.t('Tag {0} in {1}?', what, basename(document.uri)), { modal: true, detail: vscode.l10n.t('They can be removed again in one step with Undo Last Tag Action.') }, accept);
      if (answer !== accept) return [];
    }
    const started = Date.now();
    const tags = await withDelayedProgress(vscode.l10n.t('Claim Tagger: accepting {0}…', what), PROGRESS_AFTER_MS, (step) => this.controller.acceptItems(document, items, step));
    this.lastAcceptMs = Date.now() - started;
    if (!tags.length) return [];
    const ids = tags.map((t) => t.id);
    const action: TagAction = {
      label: vscode.l10n.t('Accept {0}', what),
      uri: document.uri,
      undo: async () => (await this.controller.removeTags(document, ids)).length,
    };
    this.undo.push(action);
    const undo = vscode.l10n.t('Undo');
    void vscode.window.showInformationMessage(vscode.l10n.t('Tagged {0}.', what), undo).then((choice) => {
      if (choice === undo) void this.undo.undo(action);
    });
    return tags;
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

  private async dismiss(refs: SuggestionRef | SuggestionRef[], everywhere?: boolean): Promise<void> {
    // Dismissing a term in many places at once is one decision for learning, not one per place.
    const counted = new Set<string>();
    for (const ref of Array.isArray(refs) ? refs : [refs]) {
      await this.withSuggestion(ref, (d, s) => {
        const key = `${s.rule}\u0000${(s.term ?? s.text).toLowerCase()}`;
        const first = !counted.has(key);
        counted.add(key);
        return this.controller.dismiss(d, s, !!everywhere, first);
      });
    }
  }

  private async neverSuggest(term: string): Promise<void> {
    const c = vscode.workspace.getConfiguration(SECTION);
    const current = c.get<string[]>('suggestions.ignoredTerms') ?? [];
    if (current.some((t) => t.toLowerCase() === term.toLowerCase())) return;
    await c.update('suggestions.ignoredTerms', [...current, term], vscode.ConfigurationTarget.Global);
    this.controller.rerunShown(); // the term disappears everywhere
  }

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    // Overlapping suggestions (several rules on the same words, a sentence and a word inside it) would each
    // bring the same fixes: merge them per range, name the words each fix applies to, prefer one fix only.
    const found: { s: Suggestion; ref: SuggestionRef; diagnostic: vscode.Diagnostic }[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const start = document.offsetAt(diagnostic.range.start);
      const end = document.offsetAt(diagnostic.range.end);
      const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
      const s = this.controller.find(document.uri, start, end, String(code));
      if (s) found.push({ s, ref: { uri: document.uri.toString(), start, end, rule: s.rule }, diagnostic });
    }
    return quickFixes(found);
  }
}

interface Found {
  s: Suggestion;
  ref: SuggestionRef;
  diagnostic: vscode.Diagnostic;
}

/** The words a fix applies to, short enough for a menu. */
export function shortQuote(text: string, max = 28): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

function quickFixes(found: Found[]): vscode.CodeAction[] {
  const actions: vscode.CodeAction[] = [];
  const titles = new Set<string>();
  const action = (title: string, command: string, args: unknown[], diagnostics: vscode.Diagnostic[], preferred = false) => {
    if (titles.has(title)) return;
    titles.add(title);
    const a = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
    a.command = { command, title, arguments: args };
    a.diagnostics = diagnostics;
    a.isPreferred = preferred;
    actions.push(a);
  };
  // One group per range, the best-scoring first; the preferred fix tags the best suggestion as its own kind.
  const groups = new Map<string, Found[]>();
  for (const f of [...found].sort((a, b) => b.s.score - a.s.score)) {
    const key = `${f.ref.start}:${f.ref.end}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  let preferredGiven = false;
  for (const group of groups.values()) {
    const quote = shortQuote(group[0].s.text);
    const diagnostics = group.map((f) => f.diagnostic);
    const suggested = [...new Set(group.map((f) => f.s.kind))];
    const kinds = [...suggested, ...SUGGESTION_KINDS.filter((k) => !suggested.includes(k))];
    for (const k of kinds) {
      // Accepting as a kind uses that kind's own suggestion when there is one (an attribution brings its parts).
      const ref = (group.find((f) => f.s.kind === k) ?? group[0]).ref;
      const preferred: boolean = !preferredGiven && k === group[0].s.kind;
      preferredGiven ||= preferred;
      action(vscode.l10n.t("Tag '{0}' as {1}", quote, k), Commands.acceptSuggestion, [ref, k], diagnostics, preferred);
    }
    action(vscode.l10n.t("Dismiss '{0}'", quote), Commands.dismissSuggestion, [group.map((f) => f.ref), false], diagnostics);
  }
  // Term-wide fixes once per term, whatever the rules and ranges that matched it.
  const byTerm = new Map<string, Found[]>();
  for (const f of found) {
    const term = f.s.term ?? f.s.text.toLowerCase();
    if (term.length <= 40) byTerm.set(term, [...(byTerm.get(term) ?? []), f]);
  }
  for (const [term, list] of byTerm) {
    const diagnostics = list.map((f) => f.diagnostic);
    action(vscode.l10n.t("Dismiss all '{0}' here", term), Commands.dismissSuggestion, [list.map((f) => f.ref), true], diagnostics);
    action(vscode.l10n.t("Never suggest '{0}'", term), Commands.neverSuggest, [term], diagnostics);
  }
  return actions;
}
