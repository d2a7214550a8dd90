// TreeDataProvider over the review model: turns nodes into tree items (icons, counts, tooltips, menus).
import * as vscode from 'vscode';
import { ClaimStatus, Tag, isSpanRef } from '../core/model';
import { GroupNode, ReviewNode } from '../core/review/model';
import { ClaimTaggerConfig, kindLabel } from '../config';
import { STATUS_LABELS, kindIcon, shorten } from '../tagging/describe';
import { Disposable } from '../util/dispose';
import { escapeMarkdown } from '../util/markdown';
import { markdownToPlain } from './plainText';
import { WorkspaceIndex } from './workspaceIndex';

export const OPEN_TAG_COMMAND = 'claimTagger._openTag';

export class TagTreeProvider extends Disposable implements vscode.TreeDataProvider<ReviewNode> {
  private readonly emitter = this._register(new vscode.EventEmitter<ReviewNode | undefined>());
  readonly onDidChangeTreeData = this.emitter.event;
  /**
   * Ids of the groups the user expanded or collapsed. VS Code forgets the state of rows that a filter hid or a
   * regrouping replaced; the view tells us, and rows come back as they were left.
   */
  readonly expansion = new Map<string, boolean>();

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly config: () => ClaimTaggerConfig,
  ) {
    super();
    this._register(index.onDidChange(() => this.refresh()));
  }

  refresh(): void {
    this.emitter.fire(undefined);
  }

  async getChildren(node?: ReviewNode): Promise<ReviewNode[]> {
    await this.index.ensureLoaded();
    if (!node) return this.index.model.roots();
    return node.type === 'group' ? this.index.model.children(node) : [];
  }

  getParent(node: ReviewNode): ReviewNode | undefined {
    return node.parent;
  }

  getTreeItem(node: ReviewNode): vscode.TreeItem {
    return node.type === 'group' ? this.groupItem(node) : this.tagItem(node.doc, node.tag);
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

  private tagItem(docKey: string, tag: Tag): vscode.TreeItem {
    const config = this.config();
    const item = new vscode.TreeItem(shorten(tag.quote, 80) || '(empty)', vscode.TreeItemCollapsibleState.None);
    item.id = `tag:${docKey}:${tag.id}`;
    const status = tag.kind === 'claim' ? STATUS_LABELS[tag.status ?? 'unreviewed'] : undefined;
    const who = tag.kind === 'attribution' ? (tag.source ? `— ${shorten(isSpanRef(tag.source) ? tag.source.quote : tag.source.text, 30)}` : vscode.l10n.t('— no source')) : undefined;
    item.description = [this.whereIfAmbiguous(docKey, tag), who, status, tag.note ? shorten(markdownToPlain(tag.note), 50) : undefined].filter(Boolean).join(' · ');
    item.iconPath = tag.anchor.state === 'orphaned'
      ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('claimTagger.orphanedForeground'))
      : kindThemeIcon(config, tag.kind);
    const flags = ['tag', tag.kind === 'claim' ? 'claim' : 'other', tag.anchor.state];
    if (tag.kind === 'attribution') flags.push('attribution');
    if (tag.kind === 'attribution' && !tag.source) flags.push('unattributed');
    item.contextValue = flags.join(' ');
    item.tooltip = tooltip(tag, config);
    item.command = { command: OPEN_TAG_COMMAND, title: vscode.l10n.t('Show Tag'), arguments: [{ type: 'tag', doc: docKey, tag }] };
    item.accessibilityInformation = { label: `${kindLabel(config, tag.kind)}: ${tag.quote}${status ? `, ${status}` : ''}` };
    return item;
  }
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
