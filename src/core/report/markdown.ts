// Markdown report: per document a summary (tags per kind, claims per status), then every tag with
// its context, kind, status, note, source and cue, links, author and dates.
import { CLAIM_STATUSES, Tag, isSpanRef } from '../model';
import {
  ReportDocument, Resolved, STATUS_LABELS, anchorLabel, claimStatus, contextEllipses, kindLabel, kindsInUse,
  sortedTags, sourceText, summarize, summarizeAll,
} from './common';
import { httpUrl, oneLine } from './text';

/**
 * Escapes user text for inline Markdown: white space collapsed to one line, and every character that
 * could start emphasis, code, a link, raw HTML, an entity or a table cell backslash-escaped.
 */
export function escapeMarkdown(s: string): string {
  return oneLine(String(s)).replace(/[\\`*_{}[\]()<>#+!|~&]/g, '\\$&');
}

function mdLink(link: string): string {
  const url = httpUrl(link);
  // Autolinks only for http(s); anything else (javascript:, data:, file:...) stays inert text.
  return url && !/[()\\]/.test(url) ? `<${url}>` : escapeMarkdown(link);
}

function contextLine(tag: Tag, text?: string): string {
  const { before, after } = contextEllipses(tag, text);
  const quote = oneLine(tag.quote ?? '').trim();
  const prefix = escapeMarkdown(tag.prefix ?? '');
  const suffix = escapeMarkdown(tag.suffix ?? '');
  const strong = quote ? `**${escapeMarkdown(quote)}**` : '*(empty quote)*';
  return `> ${before ? '… ' : ''}${prefix}${strong}${suffix}${after ? ' …' : ''}`;
}

function spanText(ref: { start: number; end: number; quote: string }): string {
  return `${escapeMarkdown(ref.quote)} (${ref.start}–${ref.end})`;
}

function tagSection(r: Resolved, tag: Tag, n: number, text?: string): string {
  const kind = kindLabel(r, tag.kind);
  const heading = tag.kind === 'claim' ? `${kind} — ${STATUS_LABELS[claimStatus(tag)]}` : kind;
  const lines = [`### ${n}. ${escapeMarkdown(heading)}`, '', contextLine(tag, text), ''];
  const item = (label: string, value: string | undefined) => {
    if (value) lines.push(`- **${label}:** ${value}`);
  };
  item('Kind', escapeMarkdown(kind));
  if (tag.kind === 'claim') item('Status', escapeMarkdown(claimStatus(tag)));
  item('Position', `${tag.start}–${tag.end} (UTF-16)`);
  item('Anchor', escapeMarkdown(anchorLabel(tag)));
  if (tag.note) item('Note', escapeMarkdown(tag.note));
  if (tag.kind === 'attribution' || tag.source) {
    const src = sourceText(tag.source);
    item('Source', !src ? '*none (unattributed)*' : isSpanRef(tag.source) ? spanText(tag.source) : escapeMarkdown(src));
  }
  if (tag.cue) item('Cue', spanText(tag.cue));
  if (tag.labels?.length) item('Labels', tag.labels.map(escapeMarkdown).join(', '));
  if (tag.links?.length) item('Links', tag.links.map(mdLink).join(', '));
  if (tag.author) item('Author', escapeMarkdown(tag.author));
  item('Created', escapeMarkdown(tag.created ?? ''));
  item('Modified', escapeMarkdown(tag.modified ?? ''));
  item('Id', `\`${String(tag.id).replace(/`/g, '')}\``);
  return lines.join('\n');
}

export function renderMarkdown(r: Resolved, docs: ReportDocument[]): string {
  const kinds = kindsInUse(r, docs);
  const all = summarizeAll(docs);
  const out: string[] = [];
  out.push(`# ${escapeMarkdown(r.title)}`, '');
  out.push(`Generated ${r.generated.toISOString()} · ${docs.length} document${docs.length === 1 ? '' : 's'} · ${all.total} tag${all.total === 1 ? '' : 's'}` +
    ` · ${all.byStatus.unreviewed} unreviewed claim${all.byStatus.unreviewed === 1 ? '' : 's'} · ${all.orphaned} orphaned · ${all.unattributed} unattributed`, '');
  for (const doc of docs) {
    const tags = sortedTags(doc);
    const s = summarize(tags);
    out.push(`## ${escapeMarkdown(doc.name)}`, '');
    out.push(`Source: ${escapeMarkdown(doc.uri)}`, '');
    out.push('| Kind | Tags |', '| --- | ---: |');
    for (const k of kinds) if (s.byKind[k.id] || r.kinds.some((rk) => rk.id === k.id)) out.push(`| ${escapeMarkdown(k.label)} | ${s.byKind[k.id] ?? 0} |`);
    out.push(`| **Total** | **${s.total}** |`, '');
    out.push('| Claim status | Claims |', '| --- | ---: |');
    for (const st of CLAIM_STATUSES) out.push(`| ${STATUS_LABELS[st]} | ${s.byStatus[st]} |`);
    out.push('');
    if (!tags.length) out.push('*No tags.*', '');
    tags.forEach((tag, i) => out.push(tagSection(r, tag, i + 1, doc.text), ''));
  }
  return out.join('\n').replace(/\n+$/, '\n');
}
