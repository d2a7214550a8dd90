// Show What Claim Tagger Learned (a read-only Markdown document that follows changes) and Forget… (a quick pick
// of remembered phrases, rules and terms, or everything). Both take arguments too, for tests and other extensions.
import * as vscode from 'vscode';
import { learnedMarkdown } from '../core/learn/describe';
import { SUGGESTION_KINDS } from '../core/suggest';
import { Disposable } from '../util/dispose';
import { Learning } from './learning';
import { registerCommands } from '../editor/commands';
import { withArgs } from '../editor/args';
import { Commands } from '../commands';
import { Parsed, flag, listOf, oneOf, shape, text } from '../util/args';

const SCHEME = 'claim-tagger-learned';
const PAGE = vscode.Uri.from({ scheme: SCHEME, path: '/What Claim Tagger Learned.md' });

const FORGET_ARGS = {
  /** Workspace folder URI (default: the first). */
  folder: text,
  all: flag,
  phrases: listOf(shape({ kind: oneOf(SUGGESTION_KINDS), key: text })),
  rules: listOf(text),
  terms: listOf(shape({ rule: text, term: text })),
};
export type ForgetArgs = Parsed<typeof FORGET_ARGS>;

type ForgetItem = vscode.QuickPickItem & { apply?: () => void };

export class LearnCommands extends Disposable implements vscode.TextDocumentContentProvider {
  private readonly changeEmitter = this._register(new vscode.EventEmitter<vscode.Uri>());
  readonly onDidChange = this.changeEmitter.event;

  constructor(private readonly learning: Learning) {
    super();
    this._register(vscode.workspace.registerTextDocumentContentProvider(SCHEME, this));
    this._register(registerCommands('learn', { showLearned: () => this.show(), forgetLearned: (raw?: unknown) => withArgs(Commands.forgetLearned, raw, FORGET_ARGS, (a) => this.forget(a)) }));
    this._register(learning.onDidChange(() => this.changeEmitter.fire(PAGE)));
  }

  async provideTextDocumentContent(): Promise<string> {
    await this.learning.ready();
    return learnedMarkdown(this.learning.files.folderStates().map(({ folder, learned, problem }) => ({
      name: folder.name, learned, problem, memory: this.learning.memoryOf(folder),
    })), this.learning.enabled);
  }

  private async show(): Promise<vscode.TextDocument> {
    const doc = await vscode.workspace.openTextDocument(PAGE);
    await vscode.window.showTextDocument(doc, { preview: true });
    return doc;
  }

  /** Forgets what args name, or what the user picks; returns how many entries were forgotten. */
  private async forget(args?: ForgetArgs): Promise<number> {
    await this.learning.ready();
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (!folders.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder: Claim Tagger learns per workspace folder.'));
      return 0;
    }
    const items: ForgetItem[] = [];
    for (const folder of folders) items.push(...this.itemsOf(folder, folders.length > 1));
    let chosen: ForgetItem[];
    if (args) {
      const folder = folders.find((f) => f.uri.toString() === args.folder) ?? folders[0];
      chosen = this.itemsOf(folder, false).filter((i) => {
        const id = (i as { id?: string }).id ?? '';
        return (args.all && id === 'all')
          || (args.phrases ?? []).some((p) => id === `phrase\u0000${p.kind}\u0000${p.key}`)
          || (args.rules ?? []).some((r) => id === `rule\u0000${r}`)
          || (args.terms ?? []).some((t) => id === `term\u0000${t.rule}\u0000${t.term}`);
      });
    } else {
      if (items.every((i) => i.kind === vscode.QuickPickItemKind.Separator || (i as { id?: string }).id === 'all')) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Claim Tagger has learned nothing here yet.'));
        return 0;
      }
      chosen = (await vscode.window.showQuickPick(items, { canPickMany: true, title: vscode.l10n.t('Forget what Claim Tagger learned'), placeHolder: vscode.l10n.t('Phrases, rules and terms to forget (tagging a phrase again brings it back)') })) ?? [];
    }
    for (const item of chosen) item.apply?.();
    return chosen.length;
  }

  private itemsOf(folder: vscode.WorkspaceFolder, named: boolean): ForgetItem[] {
    const files = this.learning.files;
    const state = files.folderStates().find((s) => s.folder.uri.toString() === folder.uri.toString());
    const memory = this.learning.memoryOf(folder);
    const where = named ? ` · ${folder.name}` : '';
    const entries = memory?.entries() ?? [];
    const items: (ForgetItem & { id: string })[] = [{
      id: 'all',
      label: `$(trash) ${vscode.l10n.t('Forget everything learned')}`,
      description: named ? folder.name : undefined,
      apply: () => files.forgetAll(folder, entries.map((e) => ({ kind: e.kind, key: e.key, count: e.sources.length }))),
    }];
    for (const e of [...entries].sort((a, b) => b.sources.length - a.sources.length)) {
      items.push({
        id: `phrase\u0000${e.kind}\u0000${e.key}`,
        label: `$(bookmark) ${e.quote.replace(/\s+/g, ' ').slice(0, 80)}`,
        description: `${e.kind} · ${vscode.l10n.t('{0} tags', e.sources.length)}${where}`,
        detail: [...new Set(e.sources.map((s) => s.name))].slice(0, 3).join(', '),
        apply: () => files.forgetPhrase(folder, e.kind, e.key, e.sources.length),
      });
    }
    const d = state?.learned.decisions;
    for (const [rule, c] of Object.entries(d?.rules ?? {})) {
      items.push({ id: `rule\u0000${rule}`, label: `$(symbol-ruler) ${rule}`, description: `${vscode.l10n.t('{0} accepted, {1} dismissed', c.accepted, c.dismissed)}${where}`, apply: () => files.forgetRule(folder, rule) });
    }
    for (const [rule, byTerm] of Object.entries(d?.terms ?? {})) {
      for (const [term, c] of Object.entries(byTerm)) {
        items.push({ id: `term\u0000${rule}\u0000${term}`, label: `$(symbol-key) ${term}`, description: `${rule} · ${vscode.l10n.t('{0} accepted, {1} dismissed', c.accepted, c.dismissed)}${where}`, apply: () => files.forgetTerm(folder, rule, term) });
      }
    }
    return items;
  }
}
