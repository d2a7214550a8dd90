// Markdown report: per document a summary (tags per kind, claims per status), then every tag with its
// context, kind, status, position (offsets and line:column), note, source and cue, links, author and dates;
// opinion terms, which are many and short, as one compact table. Every value from a tag, a document or
// the options is escaped (or, for ids, checked against the safe id pattern) before it is written.
import { CLAIM_STATUSES, Tag, isSafeTagId, isSpanRef } from '../model';
import { ChunkWriter, LineIndex } from './chunks';
import {
  ReportDocument, Resolved, STATUS_LABELS, anchorLabel, claimStatus, contextEllipses, hasUsableRange, kindLabel, kindsInUse,
  publicUrl, sortedTags, sourceText, summarize, summarizeAll,
} from './common';
import { escapeMarkdown } from '../escape';
import { httpUrl } from '../url';

/** Kinds listed in the compact opinion table rather than one section per tag. */
const COMPACT_KINDS = new Set(['opinion']);

function mdLink(link: string): string {
  const url = httpUrl(link);
  // Autolinks only for http(s); anything else (javascript:, data:, file:...) stays inert text.
  return url && !/[()\\]/.test(url) ? `<${url}>` : escapeMarkdown(link);
}

/** A tag id as a code span when it matches the safe id pattern, else as escaped text (it cannot close the span). */
function mdId(id: string): string {
  return isSafeTagId(id) ? `\`${id}\`` : escapeMarkdown(id);
}

class MdWriter {
  readonly out = new ChunkWriter();
  write(s: string): void {
    this.out.write(s);
  }
  /** User text, escaped slice by slice. */
  text(s: string): void {
    this.out.escaped(s, escapeMarkdown);
  }
  line(s = ''): void {
    this.out.write(`${s}\n`);
  }
}

/** "15–53 (UTF-16) · 1:16–1:54" (line:column, 1-based) when the text is known and the range usable. */
function position(tag: Tag, lines: LineIndex | undefined, length: number | undefined): string {
  const offsets = `${tag.start}–${tag.end} (UTF-16)`;
  if (!lines || !hasUsableRange(tag, length)) return offsets;
  const a = lines.at(tag.start);
  const b = lines.at(tag.end);
  return `${offsets} · line ${a.line}:${a.column}–${b.line}:${b.column}`;
}

function contextLine(w: MdWriter, tag: Tag, text?: string): void {
  const { before, after } = contextEllipses(tag, text);
  const quote = tag.quote.trim();
  w.write(`> ${before ? '… ' : ''}`);
  w.text(tag.prefix);
  if (quote) {
    w.write('**');
    w.text(quote);
    w.write('**');
  } else {
    w.write('*(empty quote)*');
  }
  w.text(tag.suffix);
  w.line(after ? ' …' : '');
}

function spanText(ref: { start: number; end: number; quote: string }): string {
  return `${escapeMarkdown(ref.quote)} (${ref.start}–${ref.end})`;
}

function tagSection(w: MdWriter, r: Resolved, tag: Tag, n: number, lines: LineIndex | undefined, text?: string): void {
  const kind = kindLabel(r, tag.kind);
  const heading = tag.kind === 'claim' ? `${kind} — ${STATUS_LABELS[claimStatus(tag)]}` : kind;
  w.line(`### ${n}. ${escapeMarkdown(heading)}`);
  w.line();
  contextLine(w, tag, text);
  w.line();
  const item = (label: string, value: string | undefined) => {
    if (value) w.line(`- **${label}:** ${value}`);
  };
  item('Kind', escapeMarkdown(kind));
  if (tag.kind === 'claim') item('Status', escapeMarkdown(claimStatus(tag)));
  item('Position', position(tag, lines, text?.length));
  item('Anchor', escapeMarkdown(anchorLabel(tag)));
  if (tag.note) {
    w.write('- **Note:** ');
    w.text(tag.note);
    w.line();
  }
  if (tag.kind === 'attribution' || tag.source) {
    const src = sourceText(tag.source);
    item('Source', !src ? '*none (unattributed)*' : isSpanRef(tag.source) ? spanText(tag.source) : escapeMarkdown(src));
  }
  if (tag.cue) item('Cue', spanText(tag.cue));
  if (tag.labels?.length) item('Labels', tag.labels.map(escapeMarkdown).join(', '));
  if (tag.links?.length) item('Links', tag.links.map(mdLink).join(', '));
  if (tag.author) item('Author', escapeMarkdown(tag.author));
  item('Created', escapeMarkdown(tag.created));
  item('Modified', escapeMarkdown(tag.modified));
  item('Id', mdId(tag.id));
  w.line();
}

/** One table row per opinion term: number, term in context, position, anchor, labels, note, author, id. */
function compactTable(w: MdWriter, r: Resolved, kind: string, rows: { tag: Tag; n: number }[], lines: LineIndex | undefined, text?: string): void {
  w.line(`### ${escapeMarkdown(kindLabel(r, kind))} terms`);
  w.line();
  w.line('| # | Term | Context | Position | Anchor | Labels | Note | Author | Id |');
  w.line('| ---: | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const { tag, n } of rows) {
    w.write(`| ${n} | **`);
    w.text(tag.quote.trim());
    w.write('** | ');
    const { before, after } = contextEllipses(tag, text);
    w.write(before ? '… ' : '');
    w.text(tag.prefix);
    w.write('**');
    w.text(tag.quote.trim());
    w.write('**');
    w.text(tag.suffix);
    w.write(after ? ' …' : '');
    w.write(` | ${position(tag, lines, text?.length)} | ${escapeMarkdown(anchorLabel(tag))} | ${(tag.labels ?? []).map(escapeMarkdown).join(', ')} | `);
    w.text(tag.note ?? '');
    w.line(` | ${escapeMarkdown(tag.author ?? '')} | ${mdId(tag.id)} |`);
  }
  w.line();
}

export function renderMarkdownChunks(r: Resolved, docs: ReportDocument[]): string[] {
  const kinds = kindsInUse(r, docs);
  const all = summarizeAll(docs);
  const w = new MdWriter();
  w.line(`# ${escapeMarkdown(r.title)}`);
  w.line();
  w.line(`Generated ${r.generated.toISOString()} · ${docs.length} document${docs.length === 1 ? '' : 's'} · ${all.total} tag${all.total === 1 ? '' : 's'}` +
    ` · ${all.byStatus.unreviewed} unreviewed claim${all.byStatus.unreviewed === 1 ? '' : 's'} · ${all.orphaned} orphaned · ${all.unattributed} unattributed`);
  w.line();
  for (const doc of docs) {
    const tags = sortedTags(doc);
    const s = summarize(tags);
    const lines = typeof doc.text === 'string' ? new LineIndex(doc.text) : undefined;
    w.line(`## ${escapeMarkdown(doc.name)}`);
    w.line();
    const url = publicUrl(doc, r.options);
    if (url) {
      w.line(`Article: ${mdLink(url)}`);
      w.line();
    }
    w.line('| Kind | Tags |');
    w.line('| --- | ---: |');
    for (const k of kinds) if (s.byKind[k.id] || r.kinds.some((rk) => rk.id === k.id)) w.line(`| ${escapeMarkdown(k.label)} | ${s.byKind[k.id] ?? 0} |`);
    w.line(`| **Total** | **${s.total}** |`);
    w.line();
    w.line('| Claim status | Claims |');
    w.line('| --- | ---: |');
    for (const st of CLAIM_STATUSES) w.line(`| ${STATUS_LABELS[st]} | ${s.byStatus[st]} |`);
    w.line();
    if (!tags.length) {
      w.line('*No tags.*');
      w.line();
    }
    const compact = new Map<string, { tag: Tag; n: number }[]>();
    tags.forEach((tag, i) => {
      if (COMPACT_KINDS.has(tag.kind)) {
        const list = compact.get(tag.kind) ?? [];
        list.push({ tag, n: i + 1 });
        compact.set(tag.kind, list);
      } else {
        tagSection(w, r, tag, i + 1, lines, doc.text);
      }
    });
    for (const [kind, rows] of compact) compactTable(w, r, kind, rows, lines, doc.text);
  }
  return w.out.done(true);
}
