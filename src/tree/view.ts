// The Tags view: every tag of the workspace, grouped and filtered, with a badge of unreviewed claims,
// follow-the-cursor selection and the view's own commands (grouping, filter, copy, reveal sidecar).
import * as vscode from 'vscode';
import { CLAIM_STATUSES, Tag, isSpanRef } from '../core/model';
import { Grouping, ReviewFilter, ReviewModel, TagNode, describeFilter, isFilterActive } from '../core/review/model';
import { Commands } from '../commands';
import { authorCounts, describeAuthorCounts } from '../core/team/authorTree';
import { ClaimTaggerConfig, readConfig } from '../config';
import { articleTitle, formatCitation } from '../editor/citation';
import { reportNames } from '../editor/reportNames';
import { TagStore } from '../store/tagStore';
import { STATUS_LABELS } from '../editor/describe';
import { reveal } from '../editor/ranges';
import { tagRef } from '../editor/tagArgs';
import { isRecord, listOf, oneOf, text } from '../util/args';
import { withArgs } from '../editor/args';
import { log } from '../util/log';
import { Disposable } from '../util/dispose';
import { ConflictCommands } from './conflictCommands';
import { TagTreeProvider, TreeNode } from './provider';
import { WorkspaceIndex } from '../store/workspaceIndex';
import { registerCommands } from '../editor/commands';
import { KeyedDebounce } from '../util/debounce';
import { TagFileWatcher } from '../store/tagFileWatcher';

export const VIEW_ID = 'claimTagger.tags';
/** The review model's groupings, and grouping by author (./teamNodes.ts). */
export type ViewGrouping = Grouping | 'author';
const VIEW_GROUPINGS: readonly ViewGrouping[] = ['document', 'kind', 'status', 'author'];
const FILTER_ARGS = { kinds: listOf(text), statuses: listOf(text), authors: listOf(text), text };
const GROUPING_KEY = 'claimTagger.tree.grouping';
const STARTUP_INDEX_DELAY_MS = 1500;

export class TagsView extends Disposable {
  readonly model: ReviewModel;
  readonly index: WorkspaceIndex;
  private readonly provider: TagTreeProvider;
  private readonly view: vscode.TreeView<TreeNode>;
  /** Grouped by author: rows built by ./teamNodes.ts, the review model keeps its own grouping meanwhile. */
  private byAuthor: boolean;
  private readonly follow = new KeyedDebounce<''>();

  constructor(
    private readonly store: TagStore,
    private readonly config: () => ClaimTaggerConfig,
    private readonly state: vscode.Memento,
    tagFiles: TagFileWatcher,
  ) {
    super();
    const saved = state.get<ViewGrouping>(GROUPING_KEY, 'document');
    this.byAuthor = saved === 'author';
    this.model = new ReviewModel(saved === 'author' ? 'document' : saved, () => config().kinds.map((k) => k.id));
    this.index = this._register(new WorkspaceIndex(this.model, store, config, tagFiles));
    this.provider = this._register(new TagTreeProvider(this.index, config, () => this.byAuthor));
    this.view = this._register(vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this.provider, showCollapseAll: true, canSelectMany: true }));
    this._register(this.index.onDidChange(() => this.updateChrome()));
    this._register(this.view.onDidExpandElement((e) => this.provider.expansion.set(e.element.id, true)));
    this._register(this.view.onDidCollapseElement((e) => this.provider.expansion.set(e.element.id, false)));
    this._register(vscode.window.onDidChangeTextEditorSelection((e) => this.scheduleFollow(e.textEditor)));
    this._register(
      registerCommands('tree', {
        groupTags: (raw?: unknown) => withArgs(Commands.groupTags, raw, { grouping: oneOf(VIEW_GROUPINGS) }, (a) => this.groupBy(a.grouping)),
        // A filter given as arguments is set; nothing (or a tree node, from a menu) asks.
        filterTags: (raw?: unknown) => (isRecord(raw) && !('type' in raw) ? withArgs(Commands.filterTags, raw, FILTER_ARGS, (a) => this.setFilter(a)) : this.askFilter()),
        clearTagFilter: () => this.setFilter({}),
        refreshTags: () => this.index.reload(),
        openTag: (node: TagNode) => this.open(node),
        copyQuote: (node?: unknown) => this.copy(node, false),
        copyCitation: (node?: unknown) => this.copy(node, true),
        revealSidecar: (node?: unknown) => this.revealSidecar(node),
      }),
    );
    this._register(new ConflictCommands(store));
    void vscode.commands.executeCommand('setContext', GROUPING_KEY, saved);
    void vscode.commands.executeCommand('setContext', 'claimTagger.tree.filtered', false);
    this.updateChrome();
    // The badge counts unreviewed claims from the start, not only once the view is first opened: read the
    // sidecars shortly after activation (in the background, so activation itself stays quick).
    const warmUp = setTimeout(() => void this.index.ensureLoaded().then(() => this.updateChrome(), (e: unknown) => log.error('Tags view: reading the sidecars', e)), STARTUP_INDEX_DELAY_MS);
    this._register({ dispose: () => clearTimeout(warmUp) });
  }

  /** What the view shows at its first level (for tests). */
  async rootLabels(): Promise<string[]> {
    const label = (n: TreeNode) => (n.type === 'group' ? n.label : n.type === 'tag' ? n.tag.quote : String(this.provider.getTreeItem(n).label));
    return (await this.provider.getChildren()).map((n) => `${label(n)} (${'count' in n ? n.count : 1})`);
  }

  /** Tree items under a path of labels (each a prefix of a row's label), as shown; for tests. */
  async itemsAt(path: readonly string[] = []): Promise<{ id?: string; label: string; description?: string; expanded?: boolean }[]> {
    let nodes = await this.provider.getChildren();
    for (const step of path) {
      const next = nodes.find((n) => String(this.provider.getTreeItem(n).label).startsWith(step));
      if (!next) return [];
      nodes = await this.provider.getChildren(next);
    }
    return nodes.map((n) => {
      const item = this.provider.getTreeItem(n);
      const state = item.collapsibleState;
      return { id: item.id, label: String(item.label), description: typeof item.description === 'string' ? item.description : undefined, expanded: state === vscode.TreeItemCollapsibleState.None ? undefined : state === vscode.TreeItemCollapsibleState.Expanded };
    });
  }

  get description(): string | undefined {
    return this.view.description;
  }

  get selection(): readonly TreeNode[] {
    return this.view.selection;
  }

  private async groupBy(grouping?: ViewGrouping): Promise<void> {
    const current: ViewGrouping = this.byAuthor ? 'author' : this.model.grouping;
    if (!grouping) {
      const pick = await vscode.window.showQuickPick(
        [
          { label: '$(file) Document → Kind → Tag', g: 'document' as ViewGrouping },
          { label: '$(symbol-enum) Kind → Document → Tag', g: 'kind' as ViewGrouping },
          { label: '$(checklist) Claim status → Tag', g: 'status' as ViewGrouping },
          { label: '$(person) Author → Document → Tag', g: 'author' as ViewGrouping },
        ].map((i) => ({ ...i, description: i.g === current ? vscode.l10n.t('current') : undefined })),
        { title: vscode.l10n.t('Group tags by') },
      );
      grouping = pick?.g;
    }
    if (!grouping) return;
    this.byAuthor = grouping === 'author';
    if (grouping !== 'author') this.model.grouping = grouping;
    void this.state.update(GROUPING_KEY, grouping);
    void vscode.commands.executeCommand('setContext', GROUPING_KEY, grouping);
    this.updateChrome();
    this.provider.refresh();
  }

  private async askFilter(): Promise<void> {
    const current = this.model.getFilter();
    const kinds = this.config().kinds;
    const counts = new Map(authorCounts(this.model.documents()).map((c) => [c.author, c.count]));
    type Item = vscode.QuickPickItem & { key?: 'kinds' | 'statuses' | 'authors'; value?: string };
    const items: Item[] = [
      { label: vscode.l10n.t('Kinds'), kind: vscode.QuickPickItemKind.Separator },
      ...kinds.map((k) => ({ label: `$(${k.icon}) ${k.label}`, key: 'kinds' as const, value: k.id, picked: current.kinds?.includes(k.id) })),
      { label: vscode.l10n.t('Claim status'), kind: vscode.QuickPickItemKind.Separator },
      ...CLAIM_STATUSES.map((s) => ({ label: STATUS_LABELS[s], key: 'statuses' as const, value: s, picked: current.statuses?.includes(s) })),
      { label: vscode.l10n.t('Author'), kind: vscode.QuickPickItemKind.Separator },
      ...this.model.authors().map((a) => ({ label: `$(person) ${a}`, description: tagCount(counts.get(a) ?? 0), key: 'authors' as const, value: a, picked: current.authors?.includes(a) })),
    ];
    const picks = await vscode.window.showQuickPick(items, { canPickMany: true, title: vscode.l10n.t('Show only tags with…') });
    if (!picks) return;
    const text = await vscode.window.showInputBox({ title: vscode.l10n.t('…containing this text (optional)'), value: current.text ?? '', prompt: vscode.l10n.t('Searched in quotes, notes, sources and links') });
    if (text === undefined) return;
    const of = (key: 'kinds' | 'statuses' | 'authors') => picks.filter((p) => p.key === key).map((p) => p.value!);
    this.setFilter({ kinds: of('kinds'), statuses: of('statuses'), authors: of('authors'), text });
  }

  private setFilter(f: ReviewFilter): void {
    this.model.setFilter(f);
    void vscode.commands.executeCommand('setContext', 'claimTagger.tree.filtered', isFilterActive(f));
    this.updateChrome();
    this.provider.refresh();
  }

  private updateChrome(): void {
    const f = this.model.getFilter();
    // Grouped by author, the counts per author head the view (and the filter, when one is set).
    const byAuthor = this.byAuthor ? describeAuthorCounts(authorCounts(this.model.documents(), f)) : '';
    const filter = isFilterActive(f) ? vscode.l10n.t('Filter: {0}', describeFilter(f)) : '';
    // Annotating blind, the view lists only the author's blind copies: it says so first.
    const blind = this.index.blindAuthor;
    const whose = blind === undefined ? '' : vscode.l10n.t('Blind: {0}', blind);
    this.view.description = [whose, filter, byAuthor].filter(Boolean).join(' — ') || undefined;
    const unreviewed = this.model.unreviewedClaims();
    this.view.badge = unreviewed ? { value: unreviewed, tooltip: unreviewed === 1 ? vscode.l10n.t('1 unreviewed claim') : vscode.l10n.t('{0} unreviewed claims', unreviewed) } : undefined;
  }

  private async open(node: TagNode): Promise<void> {
    let document: vscode.TextDocument;
    try {
      document = await vscode.workspace.openTextDocument(vscode.Uri.parse(node.doc));
    } catch {
      // A detached sidecar: its document is gone. Show what is known instead of failing.
      const open = vscode.l10n.t('Open Sidecar File');
      const sidecar = this.model.document(node.doc)?.sidecar;
      const choice = await vscode.window.showWarningMessage(vscode.l10n.t('The document of this tag is gone: "{0}".', node.tag.quote.slice(0, 120)), ...(sidecar ? [open] : []));
      if (choice === open && sidecar) await vscode.window.showTextDocument(vscode.Uri.parse(sidecar));
      return;
    }
    const editor = await vscode.window.showTextDocument(document, { preserveFocus: false, preview: true });
    const tag = (await this.store.open(document)).find(node.tag.id) ?? node.tag;
    if (tag.anchor.state === 'orphaned') {
      const repin = vscode.l10n.t('Re-pin to Selection');
      void vscode.window.showWarningMessage(vscode.l10n.t('This tag\'s text was not found: "{0}". Select where it belongs now, then choose Re-pin.', tag.quote.slice(0, 80)), repin).then((c) => {
        if (c === repin) void vscode.commands.executeCommand(Commands.repinTag, { uri: document.uri, id: tag.id });
      });
      return;
    }
    reveal(editor, tag);
  }

  private async copy(node: unknown, citation: boolean): Promise<string | undefined> {
    const tag = this.tagOf(node);
    if (!tag) return undefined;
    const a = tagRef(node)!;
    let text = tag.quote;
    if (citation) {
      const uri = vscode.Uri.parse(a.uri);
      const who = tag.source ? (isSpanRef(tag.source) ? tag.source.quote : tag.source.text) : undefined;
      const body = await documentText(uri);
      const before = body?.slice(0, tag.start) ?? '';
      const line = body === undefined ? 1 : before.split('\n').length;
      const column = body === undefined ? 1 : tag.start - before.lastIndexOf('\n');
      const { name } = reportNames(uri);
      text = formatCitation({ quote: tag.quote, who, title: body && articleTitle(body), name, line, column, url: readConfig(uri).report.articleUrl });
    }
    await vscode.env.clipboard.writeText(text);
    return text;
  }

  private async revealSidecar(node: unknown): Promise<void> {
    // A tag row, a document row ({doc}) or {uri}.
    const key = tagRef(node)?.uri ?? tagRef({ uri: isRecord(node) ? node.doc : undefined })?.uri;
    const sidecar = key ? this.model.document(key)?.sidecar : undefined;
    if (!sidecar) return;
    await vscode.window.showTextDocument(vscode.Uri.parse(sidecar), { preview: true });
  }

  private tagOf(node: unknown): Tag | undefined {
    const a = tagRef(node);
    if (!a?.id) return undefined;
    return this.model.document(a.uri)?.tags.find((t) => t.id === a.id);
  }

  /** Moving the cursor onto a tag selects it in the tree (setting claimTagger.tree.followCursor). */
  private scheduleFollow(editor: vscode.TextEditor, attempt = 0): void {
    // Grouped by author, the review model's path to a tag is not the one shown.
    if (!this.view.visible || !this.config().followCursor || this.byAuthor) return;
    this.follow.schedule('', attempt ? 300 : 150, () => {
      const doc = this.store.get(editor.document.uri);
      const here = doc?.at(editor.document.offsetAt(editor.selection.active))[0];
      if (!here) return;
      const node = this.model.nodeOf(editor.document.uri.toString(), here.id);
      // The view may still be loading its first level: try again shortly.
      if (!node) {
        if (attempt < 5) this.scheduleFollow(editor, attempt + 1);
        return;
      }
      this.view.reveal(node, { select: true, focus: false, expand: true }).then(undefined, () => {
        if (attempt < 5) this.scheduleFollow(editor, attempt + 1);
      });
    });
  }

  override dispose(): void {
    this.follow.dispose();
    super.dispose();
  }
}

/** The text of a document: live when open, else read from disk; undefined when it cannot be read. */
async function documentText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

function tagCount(n: number): string {
  return n === 1 ? vscode.l10n.t('1 tag') : vscode.l10n.t('{0} tags', n);
}
