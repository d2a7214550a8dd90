// TreeDataProvider over the review model: turns nodes into tree items (icons, counts, tooltips, menus).
import * as vscode from 'vscode';
import { ClaimStatus, Tag, isSpanRef } from '../core/model';
import { GroupNode, ReviewNode } from '../core/review/model';
import { Commands } from '../commands';
import { ClaimTaggerConfig, kindLabel } from '../config';
import { STATUS_LABELS, kindIcon, shorten } from '../editor/describe';
import { Disposable } from '../util/dispose';
import { escapeMarkdown } from '../util/markdown';
import { markdownToPlain } from './plainText';
import { TeamNode, authorDocRows, authorRoots, authorTagRows, conflictRows, conflictsRoot, versionRows } from './teamNodes';
import { WorkspaceIndex } from '../store/workspaceIndex';


/** Every row of the view: the review model's, and the team rows (merge conflicts, grouping by author). */
export type TreeNode = ReviewNode | TeamNode;

export class TagTreeProvider extends Disposable implements vscode.TreeDataProvider<TreeNode> {
  private readonly emitter = this._register(new vscode.EventEmitter<TreeNode | undefined>());
  readonly onDidChangeTreeData = this.emitter.event;
  /**
   * Ids of the groups the user expanded or collapsed. VS Code forgets the state of rows that a filter hid or a
   * regrouping replaced; the view tells us, and rows come back as they were left.
   */
  readonly expansion = new Map<string, boolean>();

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly config: () => ClaimTaggerConfig,
    /** Whether the view is grouped by author (a grouping the review model does not know). */
    private readonly byAuthor: () => boolean = () => false,
  ) {
    super();
    this._register(index.onDidChange(() => this.refresh()));
  }

  refresh(): void {
    this.emitter.fire(undefined);
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    await this.index.ensureLoaded();
    const filter = this.index.model.getFilter();
    if (!node) {
      const conflicts = conflictsRoot(this.index);
      const rest: TreeNode[] = this.byAuthor() ? authorRoots(this.index, filter) : this.index.model.roots();
      return conflicts ? [conflicts, ...rest] : rest;
    }
    switch (node.type) {
      case 'group': return this.index.model.children(node);
      case 'conflicts': return conflictRows(this.index, node);
      case 'conflict': return versionRows(node);
      case 'author': return authorDocRows(this.index, filter, node);
      case 'authorDoc': return authorTagRows(this.index, filter, node);
      default: return [];
    }
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return 'parent' in node ? node.parent : undefined;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    switch (node.type) {
      case 'group': return this.groupItem(node);
      case 'tag': return this.tagItem(node);
      default: return this.teamItem(node);
    }
  }

  private teamItem(node: TeamNode): vscode.TreeItem {
    const remembered = this.expansion.get(node.id);
    const collapsed = (expanded: boolean) => (remembered ?? expanded) ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    let item: vscode.TreeItem;
    switch (node.type) {
      case 'conflicts':
        item = new vscode.TreeItem(vscode.l10n.t('Merge conflicts'), collapsed(true));
        item.description = String(node.count);
        item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
        item.tooltip = vscode.l10n.t('Tags edited differently on two branches: both versions were kept. Keep one version, or both.');
        item.contextValue = 'mergeConflicts';
        break;
      case 'conflict':
        item = new vscode.TreeItem(shorten(node.ours.quote, 80) || '(empty)', collapsed(false));
        item.description = node.name;
        item.iconPath = new vscode.ThemeIcon('git-merge', new vscode.ThemeColor('list.warningForeground'));
        item.tooltip = vscode.l10n.t('{0}: this tag was edited on both sides of a merge. Keep This Version, Keep Other Version or Keep Both Versions.', node.name);
        item.contextValue = 'mergeConflict';
        break;
      case 'version': {
        item = this.tagItem(node);
        item.label = node.which === 'this' ? vscode.l10n.t('This version') : vscode.l10n.t('Other version');
        item.description = [describeVersion(node.tag, this.config()), item.description].filter(Boolean).join(' · ');
        item.contextValue = 'conflictVersion';
        break;
      }
      case 'author':
        item = new vscode.TreeItem(node.author, collapsed(false));
        item.description = String(node.count);
        item.iconPath = new vscode.ThemeIcon('person');
        item.tooltip = node.count === 1 ? vscode.l10n.t('1 tag by {0}', node.author) : vscode.l10n.t('{0} tags by {1}', node.count, node.author);
        item.contextValue = 'author';
        break;
      case 'authorDoc': {
        const uri = vscode.Uri.parse(node.doc);
        item = new vscode.TreeItem(node.name, collapsed(false));
        item.resourceUri = uri;
        item.label = node.name;
        item.description = String(node.count);
        item.contextValue = 'document';
        break;
      }
    }
    item.id = node.id;
    return item;
  }

  private groupItem(node: GroupNode): vscode.TreeItem {
    const config = this.config();
    const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = node.id;
    const remembered = this.expansion.get(node.id);
    item.description = String(node.count);
    switch (node.group) {
      case 'document': {
        const uri = vscode.Uri.parse(node.doc!);
        item.resourceUri = uri;
        item.label = node.label;
        item.contextValue = 'document';
        item.tooltip = uri.scheme === 'file' ? uri.fsPath : uri.toString();
        const doc = this.index.model.document(node.doc!);
        if (doc?.error) {
          item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
          item.tooltip = `${item.tooltip}\n${doc.error}`;
        }
        break;
      }
      case 'kind':
        item.label = kindLabel(config, node.kind!);
        item.iconPath = kindThemeIcon(config, node.kind!);
        item.contextValue = 'kind';
        if (node.doc && remembered === undefined) item.collapsibleState = vscode.TreeItemCollapsibleState.Expanded;
        break;
      case 'status':
        item.label = STATUS_LABELS[node.status as ClaimStatus] ?? node.status;
        item.iconPath = new vscode.ThemeIcon('circle-filled', new vscode.ThemeColor(`claimTagger.status.${node.status}`));
        item.contextValue = 'status';
        break;
      case 'orphaned':
        item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('claimTagger.orphanedForeground'));
        item.tooltip = vscode.l10n.t('Tags whose text could not be found any more. Select the right text and use Re-pin.');
        item.contextValue = 'orphaned';
        break;
      case 'detached':
        item.iconPath = new vscode.ThemeIcon('debug-disconnect');
        item.tooltip = vscode.l10n.t('Sidecars whose document was deleted or moved outside VS Code.');
        item.contextValue = 'detached';
        break;
    }
    if (remembered !== undefined) item.collapsibleState = remembered ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    return item;
  }

  /** Ids of a document's tags in a standing conflict (cached per tags array, which the store replaces on change). */
  private inConflict(docKey: string): Set<string> {
    const tags = this.index.model.document(docKey)?.tags;
    if (!tags) return NO_IDS;
    let ids = conflictIds.get(tags);
    if (!ids) {
      ids = new Set(this.index.conflicts(docKey).flatMap((c) => [c.id, c.otherId]));
      conflictIds.set(tags, ids);
    }
    return ids;
  }

  /** For a quote that appears in several tags of the document: its line (when the text is open) and context. */
  private whereIfAmbiguous(docKey: string, tag: Tag): string | undefined {
    const tags = this.index.model.document(docKey)?.tags;
    if (!tags || (countQuotes(tags).get(tag.quote) ?? 0) < 2) return undefined;
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === docKey);
    const line = open && tag.anchor.state !== 'orphaned' ? vscode.l10n.t('line {0}', open.positionAt(tag.start).line + 1) : undefined;
    const before = tag.prefix.replace(/\s+/g, ' ').trimStart().slice(-12);
    const after = tag.suffix.replace(/\s+/g, ' ').trimEnd().slice(0, 12);
    return [line, `…${before}[…]${after}…`].filter(Boolean).join(' ');
  }

  /** A tag row (or a version of a conflicted tag): its id is the node's, made by the node builders. */
  private tagItem({ id, doc: docKey, tag }: { id: string; doc: string; tag: Tag }): vscode.TreeItem {
    const config = this.config();
    const item = new vscode.TreeItem(shorten(tag.quote, 80) || '(empty)', vscode.TreeItemCollapsibleState.None);
    item.id = id;
    const status = tag.kind === 'claim' ? STATUS_LABELS[tag.status ?? 'unreviewed'] : undefined;
    const who = tag.kind === 'attribution' ? (tag.source ? `— ${shorten(isSpanRef(tag.source) ? tag.source.quote : tag.source.text, 30)}` : vscode.l10n.t('— no source')) : undefined;
    item.description = [this.whereIfAmbiguous(docKey, tag), who, status, tag.note ? shorten(markdownToPlain(tag.note), 50) : undefined].filter(Boolean).join(' · ');
    const conflicted = this.inConflict(docKey).has(tag.id);
    item.iconPath = tag.anchor.state === 'orphaned'
      ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('claimTagger.orphanedForeground'))
      : conflicted ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')) : kindThemeIcon(config, tag.kind);
    if (conflicted) item.description = [vscode.l10n.t('merge conflict'), item.description].filter(Boolean).join(' · ');
    const flags = ['tag', tag.kind === 'claim' ? 'claim' : 'other', tag.anchor.state];
    if (conflicted) flags.push('conflicted');
    if (tag.kind === 'attribution') flags.push('attribution');
    if (tag.kind === 'attribution' && !tag.source) flags.push('unattributed');
    item.contextValue = flags.join(' ');
    item.tooltip = tooltip(tag, config);
    item.command = { command: Commands.openTag, title: vscode.l10n.t('Show Tag'), arguments: [{ type: 'tag', doc: docKey, tag }] };
    item.accessibilityInformation = { label: `${kindLabel(config, tag.kind)}: ${tag.quote}${status ? `, ${status}` : ''}` };
    return item;
  }
}

const NO_IDS = new Set<string>();
const conflictIds = new WeakMap<readonly Tag[], Set<string>>();

/** What tells two versions of a tag apart at a glance: kind, status, note, author. */
function describeVersion(tag: Tag, config: ClaimTaggerConfig): string {
  return [kindLabel(config, tag.kind), tag.kind === 'claim' ? STATUS_LABELS[tag.status ?? 'unreviewed'] : undefined, tag.author].filter(Boolean).join(', ');
}

/** Per document: how many tags share each quote (cached per tags array, which the store replaces on change). */
const quoteCounts = new WeakMap<readonly Tag[], Map<string, number>>();

function countQuotes(tags: readonly Tag[]): Map<string, number> {
  let counts = quoteCounts.get(tags);
  if (!counts) {
    counts = new Map();
    for (const t of tags) counts.set(t.quote, (counts.get(t.quote) ?? 0) + 1);
    quoteCounts.set(tags, counts);
  }
  return counts;
}

function kindThemeIcon(config: ClaimTaggerConfig, kind: string): vscode.ThemeIcon {
  const builtin = config.kinds.find((k) => k.id === kind)?.builtin;
  return new vscode.ThemeIcon(kindIcon(config, kind), builtin ? new vscode.ThemeColor(`claimTagger.${kind}Foreground`) : undefined);
}

function tooltip(tag: Tag, config: ClaimTaggerConfig): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**${escapeMarkdown(kindLabel(config, tag.kind))}**`);
  if (tag.kind === 'claim') md.appendMarkdown(` · ${STATUS_LABELS[tag.status ?? 'unreviewed']}`);
  if (tag.anchor.state !== 'anchored') md.appendMarkdown(` · ${tag.anchor.state}`);
  md.appendMarkdown('\n\n');
  md.appendText(`“${shorten(tag.quote, 300)}”`);
  md.appendMarkdown('\n\n');
  if (tag.kind === 'attribution') {
    const who = tag.source ? (isSpanRef(tag.source) ? tag.source.quote : tag.source.text) : '— (unattributed)';
    md.appendText(`Who: ${who}\nCue: ${tag.cue?.quote ?? '—'}`);
    md.appendMarkdown('\n\n');
  }
  if (tag.note) {
    md.appendText(`Note: ${tag.note}`);
    md.appendMarkdown('\n\n');
  }
  for (const link of tag.links ?? []) md.appendText(`Link: ${link}\n`);
  md.appendText(`${tag.author ? `${tag.author}, ` : ''}${tag.created.slice(0, 10)}`);
  return md;
}
