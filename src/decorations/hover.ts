// Hover on a tagged span (or an attribution's source or cue): everything about the tag, with actions.
// The tag's own facts are escaped and may only run our commands; the user's note is rendered as Markdown
// in a separate, untrusted block, so a note cannot smuggle in command links.
import * as vscode from 'vscode';
import { Tag, isSpanRef } from '../core/model';
import { Commands } from '../commands';
import { ClaimTaggerConfig, kindLabel } from '../config';
import { TagStore } from '../store/tagStore';
import { STATUS_GLYPHS, STATUS_LABELS } from '../editor/describe';
import { escapeMarkdown, markdownLink } from '../util/markdown';
import { rangeOf } from '../editor/ranges';

const ACTIONS = [Commands.editNote, Commands.setStatus, Commands.removeTag, Commands.setSource, Commands.addLink, Commands.repinTag];

export class TagHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly store: TagStore,
    private readonly config: () => ClaimTaggerConfig,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const doc = this.store.get(document.uri);
    if (!doc?.tags.length) return undefined;
    const offset = document.offsetAt(position);
    const hits: { tag: Tag; role: 'content' | 'source' | 'cue'; range: vscode.Range }[] = [];
    for (const tag of doc.tags) {
      if (tag.anchor.state === 'orphaned') continue;
      if (tag.start <= offset && offset <= tag.end) hits.push({ tag, role: 'content', range: rangeOf(document, tag) });
      if (isSpanRef(tag.source) && tag.source.start <= offset && offset <= tag.source.end) hits.push({ tag, role: 'source', range: rangeOf(document, tag.source) });
      if (tag.cue && tag.cue.start <= offset && offset <= tag.cue.end) hits.push({ tag, role: 'cue', range: rangeOf(document, tag.cue) });
    }
    if (!hits.length) return undefined;
    hits.sort((a, b) => a.tag.end - a.tag.start - (b.tag.end - b.tag.start));
    const contents: vscode.MarkdownString[] = [];
    for (const hit of hits) contents.push(...this.render(document, hit.tag, hit.role));
    return new vscode.Hover(contents, hits[0].range);
  }

  private render(document: vscode.TextDocument, tag: Tag, role: 'content' | 'source' | 'cue'): vscode.MarkdownString[] {
    const config = this.config();
    const md = new vscode.MarkdownString(undefined, true);
    const kind = kindLabel(config, tag.kind);
    const roleText = role === 'content' ? '' : role === 'source' ? ' · source of this attribution' : ' · reporting cue of this attribution';
    md.appendMarkdown(`**${escapeMarkdown(kind)}**${roleText}`);
    if (tag.status) md.appendMarkdown(` · ${STATUS_GLYPHS[tag.status]} ${STATUS_LABELS[tag.status]}`);
    if (tag.anchor.state === 'fuzzy') md.appendMarkdown(` · $(warning) placed approximately (${Math.round((tag.anchor.confidence ?? 0) * 100)} % match)`);
    md.appendMarkdown('\n\n');
    if (tag.kind === 'attribution') {
      const who = tag.source ? (isSpanRef(tag.source) ? tag.source.quote : tag.source.text) : undefined;
      md.appendMarkdown(who ? `**Who:** ${escapeMarkdown(who)}  \n` : '$(warning) **No source:** nobody is said to have made this claim  \n');
      md.appendMarkdown(`**Cue:** ${tag.cue ? escapeMarkdown(tag.cue.quote) : '—'}  \n`);
      md.appendMarkdown(`**Said:** ${escapeMarkdown(shortQuote(tag.quote))}\n\n`);
    } else if (role === 'content' && tag.quote.length > 120) {
      md.appendMarkdown(`${escapeMarkdown(shortQuote(tag.quote))}\n\n`);
    }
    for (const link of tag.links ?? []) md.appendMarkdown(`$(link) ${markdownLink(link)}  \n`);
    const by = tag.author ? `${escapeMarkdown(tag.author)}, ` : '';
    md.appendMarkdown(`_${by}created ${escapeMarkdown(fmt(tag.created))}${tag.modified !== tag.created ? `, changed ${escapeMarkdown(fmt(tag.modified))}` : ''}_\n\n`);
    const out = [md];
    if (tag.note) {
      // The note is the user's Markdown: rendered, but untrusted (no command links, no HTML).
      const note = new vscode.MarkdownString(tag.note);
      note.isTrusted = false;
      note.supportHtml = false;
      out.push(note);
    }
    const args = encodeURIComponent(JSON.stringify({ uri: document.uri.toString(), id: tag.id }));
    const link = (icon: string, label: string, command: string, title: string) => `[$(${icon}) ${label}](command:${command}?${args} "${title}")`;
    const actions = [link('note', 'Edit note', Commands.editNote, 'Edit the note')];
    if (tag.kind === 'claim') actions.push(link('checklist', 'Set status', Commands.setStatus, 'Set the review status'));
    if (tag.kind === 'attribution') actions.push(link('person', 'Source…', Commands.setSource, 'Set who said it and the cue'));
    actions.push(link('link', 'Link', Commands.addLink, 'Add an evidence link'));
    actions.push(link('trash', 'Remove', Commands.removeTag, 'Remove this tag'));
    const bar = new vscode.MarkdownString(actions.join(' · '), true);
    bar.isTrusted = { enabledCommands: ACTIONS };
    out.push(bar);
    return out;
  }
}

function shortQuote(s: string): string {
  const one = s.replace(/\s+/g, ' ');
  return `“${one.length > 200 ? one.slice(0, 199) + '…' : one}”`;
}

function fmt(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
