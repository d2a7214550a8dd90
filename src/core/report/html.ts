// HTML report: one self-contained, script-free page (inline CSS and SVG only) that reads on screen,
// prints, follows light/dark, and is safe to show in a webview under a strict Content Security Policy.
import { CLAIM_STATUSES, Tag, isSpanRef } from '../model';
import { AgreementResult } from '../team/agreement';
import { AGREEMENT_CSS, hasAgreement, renderAgreementSection } from './agreementSection';
import { ChunkWriter } from './chunks';
import {
  KindInfo, ReportDocument, ReportOptions, Resolved, STATUS_LABELS, anchorLabel, claimStatus, contextEllipses,
  documentLength, hasUsableRange, kindsInUse, publicUrl, reportDocuments, resolveOptions, sortedTags, sourceText, summarize, summarizeAll,
} from './common';
import { escapeHtml } from '../escape';
import { KIND_COLORS } from '../kindColors';
import { httpUrl } from '../url';

export interface HtmlEmbedding {
  /** A webview's `cspSource`, added to style-src and img-src. */
  cspSource?: string;
  /** When given, styles are allowed by this nonce instead of `'unsafe-inline'` (the page uses no style attributes). */
  nonce?: string;
}

/** Number of cells in the opinion-density strip. */
export const DENSITY_BINS = 100;
const MAX_LANES = 6;

export function contentSecurityPolicy(embedding: HtmlEmbedding = {}): string {
  const nonce = embedding.nonce && /^[A-Za-z0-9+/=_-]{8,}$/.test(embedding.nonce) ? embedding.nonce : undefined;
  if (embedding.nonce && !nonce) throw new Error('Invalid CSP nonce: use at least 8 base64 characters.');
  const source = embedding.cspSource && /^[^\s;,'"]+$/.test(embedding.cspSource) ? ` ${embedding.cspSource}` : '';
  const style = nonce ? `'nonce-${nonce}'` : `'unsafe-inline'`;
  return `default-src 'none'; style-src ${style}${source}; img-src data:${source}; base-uri 'none'; form-action 'none'`;
}

/** What the HTML report shows besides the documents' tags. */
export interface HtmlExtras {
  /** Agreement between the report's annotators: a section when there are at least two (./agreementSection.ts). */
  agreement?: AgreementResult;
}

export function renderHtmlReport(docs: ReportDocument[], options: ReportOptions = {}, embedding: HtmlEmbedding = {}, extras: HtmlExtras = {}): string {
  return renderHtmlChunks(resolveOptions(options), reportDocuments(docs), embedding, extras).join('');
}

/** Longest tooltip (`title`) text: a title repeats on every highlighted segment of its tag, so a huge note must not. */
const MAX_TITLE = 300;

const BASE_CSS = `
:root{color-scheme:light dark;--fg:#1e1e1e;--muted:#5f6368;--bg:#ffffff;--panel:#f3f4f6;--line:#d0d4da;--bar:#4a5568}
@media (prefers-color-scheme:dark){:root{--fg:#e6e6e6;--muted:#a0a4aa;--bg:#1e1e1e;--panel:#2a2c30;--line:#44474d;--bar:#a0aec0}}
body.vscode-light{--fg:#1e1e1e;--muted:#5f6368;--bg:#ffffff;--panel:#f3f4f6;--line:#d0d4da;--bar:#4a5568}
body.vscode-dark,body.vscode-high-contrast{--fg:#e6e6e6;--muted:#a0a4aa;--bg:#1e1e1e;--panel:#2a2c30;--line:#44474d;--bar:#a0aec0}
*{box-sizing:border-box}
body{margin:0 auto;max-width:72rem;padding:1.5rem;font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg)}
h1{font-size:1.6rem;margin:0 0 .25rem}h2{font-size:1.25rem;margin:2rem 0 .5rem;overflow-wrap:anywhere}h3{font-size:1rem;margin:1rem 0 .5rem}
.meta,.uri,.muted{color:var(--muted)}.uri{font-size:.85rem;overflow-wrap:anywhere}
.figures{display:flex;flex-wrap:wrap;gap:.75rem;padding:0;list-style:none}
.figures li{background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:.5rem .9rem;min-width:8rem}
.figures b{display:block;font-size:1.4rem}
.charts{display:flex;flex-wrap:wrap;gap:1.5rem}.charts figure{margin:0;flex:1 1 22rem}
figcaption{font-weight:600;margin-bottom:.25rem}
svg text{fill:var(--fg);font:12px system-ui,sans-serif}
svg .bar{fill:var(--bar)}svg .track{fill:var(--panel)}
svg .dens{fill:var(--c,${KIND_COLORS.light.opinion})}
.strip{width:100%;height:18px;display:block;border:1px solid var(--line);border-radius:3px;background:var(--panel)}
.legend{display:flex;flex-wrap:wrap;gap:.5rem 1rem;padding:0;list-style:none}
.legend li::before{content:"";display:inline-block;width:.9em;height:.9em;margin-right:.35em;vertical-align:-.1em;border-radius:2px;background:var(--c);border:1px solid var(--c)}
.doc{white-space:pre-wrap;overflow-wrap:anywhere;background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:1rem;line-height:2.1;font-family:Georgia,"Times New Roman",serif}
.hl{background:transparent;background:color-mix(in srgb,var(--c) 18%,transparent);border-bottom:2px solid var(--c)}
.l1{padding-bottom:3px}.l2{padding-bottom:6px}.l3{padding-bottom:9px}.l4{padding-bottom:12px}.l5{padding-bottom:15px}
.first::before{content:attr(data-n);font:600 .65em system-ui,sans-serif;vertical-align:super;color:var(--c);margin-right:1px}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{border:1px solid var(--line);padding:.3rem .45rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
th{background:var(--panel)}td.num{text-align:right;font-variant-numeric:tabular-nums}
.kind{font-weight:600;color:var(--c)}
.ctx q{quotes:none}.ctx b{background:color-mix(in srgb,var(--c) 18%,transparent)}
.status-false,.status-misleading{color:#c72e2e}.status-verified{color:#1a8a4a}
.st-unreviewed{--c:var(--bar)}.st-verified{--c:#2f9e5a}.st-false{--c:#d23c3c}.st-misleading{--c:#d9822b}.st-disputed{--c:#8a5cc2}.st-unverifiable{--c:#8a8f98}
.orphaned{color:#c72e2e}.inert{font-family:monospace}
@media print{body{max-width:none;padding:0;font-size:11pt}.doc,.hl,.legend li::before,svg{-webkit-print-color-adjust:exact;print-color-adjust:exact}
tr,figure,.figures li{break-inside:avoid}h2{break-after:avoid}a{color:inherit}}
`;

function kindCss(kinds: KindInfo[]): string {
  return kinds.map((k, i) => `.k${i}{--c:${k.color}}`).join('');
}

function pct(n: number, total: number): string {
  return total ? `${Math.round((n / total) * 100)}%` : '0%';
}

interface Bar { label: string; value: number; cls?: string }

/** A horizontal bar chart as inline SVG; labels escaped, geometry in attributes (no style attributes). */
function barChart(caption: string, bars: Bar[]): string {
  const row = 24;
  const labelW = 130;
  const barW = 340;
  const height = Math.max(1, bars.length) * row + 4;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const rows = bars.map((b, i) => {
    const y = i * row + 2;
    const w = Math.round((b.value / max) * barW);
    return `<text x="${labelW - 6}" y="${y + 16}" text-anchor="end">${escapeHtml(b.label)}</text>`
      + `<rect class="track" x="${labelW}" y="${y + 3}" width="${barW}" height="16" rx="2"/>`
      + `<rect class="${b.cls ? `dens ${b.cls}` : 'bar'}" x="${labelW}" y="${y + 3}" width="${w}" height="16" rx="2"/>`
      + `<text x="${labelW + w + 6}" y="${y + 16}">${b.value}</text>`;
  }).join('');
  const desc = bars.map((b) => `${b.label}: ${b.value}`).join(', ');
  return `<figure><figcaption>${escapeHtml(caption)}</figcaption>`
    + `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${labelW + barW + 50} ${height}" width="100%" role="img" aria-label="${escapeHtml(`${caption}: ${desc}`)}">`
    + `<title>${escapeHtml(`${caption}: ${desc}`)}</title>${rows}</svg></figure>`;
}

/** Share of each of {@link DENSITY_BINS} equal slices of the text covered by opinion tags. */
export function opinionDensity(doc: ReportDocument, bins = DENSITY_BINS): number[] {
  const length = documentLength(doc);
  const cells = new Array<number>(bins).fill(0);
  if (length <= 0) return cells;
  const size = length / bins;
  for (const tag of doc.tags) {
    if (tag.kind !== 'opinion' || !hasUsableRange(tag, length) || tag.end === tag.start) continue;
    const first = Math.min(bins - 1, Math.floor(tag.start / size));
    const last = Math.min(bins - 1, Math.floor((tag.end - 1) / size));
    for (let b = first; b <= last; b++) {
      const lo = Math.max(tag.start, b * size);
      const hi = Math.min(tag.end, (b + 1) * size);
      if (hi > lo) cells[b] += (hi - lo) / size;
    }
  }
  return cells.map((c) => Math.min(1, c));
}

function densityStrip(doc: ReportDocument, opinionClass: string): string {
  const cells = opinionDensity(doc);
  const max = Math.max(...cells);
  const rects = max > 0
    ? cells.map((c, i) => (c > 0 ? `<rect class="dens" x="${i}" y="0" width="1.02" height="10" fill-opacity="${(0.15 + 0.85 * (c / max)).toFixed(2)}"/>` : '')).join('')
    : '';
  const opinions = doc.tags.filter((t) => t.kind === 'opinion').length;
  const label = `Opinion density across ${doc.name}: ${opinions} opinion tag${opinions === 1 ? '' : 's'}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" class="strip ${opinionClass}" viewBox="0 0 ${DENSITY_BINS} 10" preserveAspectRatio="none" role="img" aria-label="${escapeHtml(label)}">`
    + `<title>${escapeHtml(label)}</title>${rects}</svg>`;
}

/** The document text with every usable tag as a span; overlapping and nested tags nest per segment. */
export function highlightText(text: string, tags: Tag[], classOf: (tag: Tag) => string, numberOf: (tag: Tag) => number, titleOf: (tag: Tag) => string, idOf: (tag: Tag) => string): string {
  const out = new ChunkWriter();
  writeHighlighted(out, text, tags, classOf, numberOf, titleOf, idOf);
  return out.done().join('');
}

function writeHighlighted(out: ChunkWriter, text: string, tags: Tag[], classOf: (tag: Tag) => string, numberOf: (tag: Tag) => number, titleOf: (tag: Tag) => string, idOf: (tag: Tag) => string): void {
  const usable = tags.filter((t) => hasUsableRange(t, text.length) && t.end > t.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  // Lanes (interval colouring) keep each tag's underline at one depth along its whole span.
  const laneEnds: number[] = [];
  const lane = new Map<Tag, number>();
  for (const t of usable) {
    let l = laneEnds.findIndex((end) => end <= t.start);
    if (l < 0) l = laneEnds.push(0) - 1;
    laneEnds[l] = t.end;
    lane.set(t, l);
  }
  const cuts = new Set<number>([0, text.length]);
  for (const t of usable) { cuts.add(t.start); cuts.add(t.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const started = new Set<Tag>();
  const titles = new Map<Tag, string>();
  const title = (t: Tag) => {
    let v = titles.get(t);
    if (v === undefined) {
      const full = titleOf(t);
      v = escapeHtml(full.length > MAX_TITLE ? `${full.slice(0, MAX_TITLE - 1)}…` : full);
      titles.set(t, v);
    }
    return v;
  };
  let next = 0; // index into usable (sorted by start)
  let active: Tag[] = [];
  for (let p = 0; p + 1 < points.length; p++) {
    const a = points[p];
    const b = points[p + 1];
    active = active.filter((t) => t.end > a);
    while (next < usable.length && usable[next].start <= a) {
      if (usable[next].end > a) active.push(usable[next]);
      next++;
    }
    if (!active.length) {
      out.escaped(text.slice(a, b), escapeHtml);
      continue;
    }
    const ordered = [...active].sort((x, y) => (lane.get(x)! - lane.get(y)!));
    let open = '';
    for (const t of ordered) {
      const first = !started.has(t);
      started.add(t);
      const l = Math.min(MAX_LANES - 1, lane.get(t)!);
      const cls = `hl ${classOf(t)}${l ? ` l${l}` : ''}${first ? ' first' : ''}`;
      open += `<span class="${cls}"${first ? ` id="${escapeHtml(idOf(t))}" data-n="${numberOf(t)}"` : ''} title="${title(t)}">`;
    }
    out.write(open);
    out.escaped(text.slice(a, b), escapeHtml);
    out.write('</span>'.repeat(ordered.length));
  }
}

function linkHtml(link: string): string {
  const url = httpUrl(link);
  return url ? `<a href="${escapeHtml(url)}" rel="noopener noreferrer">${escapeHtml(link)}</a>` : `<span class="inert">${escapeHtml(link)}</span>`;
}

export function renderHtmlChunks(r: Resolved, docs: ReportDocument[], embedding: HtmlEmbedding = {}, extras: HtmlExtras = {}): string[] {
  const kinds = kindsInUse(r, docs);
  const kindIndex = new Map(kinds.map((k, i) => [k.id, i]));
  const cls = (kind: string) => `k${kindIndex.get(kind) ?? 0}`;
  const label = (kind: string) => kinds[kindIndex.get(kind) ?? -1]?.label ?? kind;
  const all = summarizeAll(docs);
  const claims = CLAIM_STATUSES.reduce((n, s) => n + all.byStatus[s], 0);
  const nonceAttr = embedding.nonce ? ` nonce="${escapeHtml(embedding.nonce)}"` : '';
  const out = new ChunkWriter();
  const line = (...parts: string[]) => {
    for (const p of parts) out.write(`${p}\n`);
  };
  line('<!DOCTYPE html>', '<html lang="en">', '<head>', '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(embedding))}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">', '<meta name="color-scheme" content="light dark">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(r.title)}</title>`, `<style${nonceAttr}>${BASE_CSS}${hasAgreement(extras.agreement) ? AGREEMENT_CSS : ''}${kindCss(kinds)}</style>`, '</head>', '<body>');
  line(`<header><h1>${escapeHtml(r.title)}</h1><p class="meta">Generated <time datetime="${r.generated.toISOString()}">${r.generated.toISOString()}</time></p></header>`);

  line('<section aria-label="Summary"><ul class="figures">',
    `<li><b>${docs.length}</b>document${docs.length === 1 ? '' : 's'}</li>`,
    `<li><b>${all.total}</b>tags</li>`,
    `<li><b>${claims}</b>claims</li>`,
    `<li><b>${all.byStatus.unreviewed}</b>unreviewed claims</li>`,
    `<li><b>${all.orphaned}</b>orphaned tags</li>`,
    `<li><b>${all.unattributed}</b>unattributed attributions</li>`,
    '</ul></section>');
  line('<section class="charts" aria-label="Charts">',
    barChart('Tags per kind', kinds.map((k) => ({ label: k.label, value: all.byKind[k.id] ?? 0, cls: cls(k.id) }))),
    // Each status in its own colour, so that a reader sees at a glance how many claims failed the check.
    barChart('Claims per status', CLAIM_STATUSES.map((s) => ({ label: STATUS_LABELS[s], value: all.byStatus[s], cls: `st-${s}` }))),
    '</section>');
  if (hasAgreement(extras.agreement)) line(renderAgreementSection(extras.agreement, label));
  line('<section aria-label="Legend"><h2>Legend</h2><ul class="legend">',
    ...kinds.map((k) => `<li class="${cls(k.id)}">${escapeHtml(k.label)}</li>`), '</ul>',
    '<p class="muted">Highlights are drawn in the kind colours; overlapping tags stack their underlines. Numbers refer to the table of tags.</p></section>');

  const numbered = docs.map((doc) => {
    const tags = sortedTags(doc);
    return { doc, tags, number: new Map(tags.map((t, i) => [t, i + 1])) };
  });
  numbered.forEach(({ doc, tags, number }, di) => {
    const anchorId = (t: Tag) => `d${di + 1}-t${number.get(t)}`;
    const s = summarize(tags);
    const url = publicUrl(doc, r.options);
    line(`<section class="document" aria-label="${escapeHtml(doc.name)}"><h2>${escapeHtml(doc.name)}</h2>`,
      ...(url ? [`<p class="uri"><a href="${escapeHtml(url)}" rel="noopener noreferrer">${escapeHtml(url)}</a></p>`] : []),
      `<p>${s.total} tag${s.total === 1 ? '' : 's'}: ${kinds.filter((k) => s.byKind[k.id]).map((k) => `${escapeHtml(k.label)} ${s.byKind[k.id]} (${pct(s.byKind[k.id], s.total)})`).join(', ') || 'none'}.`
      + ` Claims: ${CLAIM_STATUSES.filter((st) => s.byStatus[st]).map((st) => `${STATUS_LABELS[st]} ${s.byStatus[st]}`).join(', ') || 'none'}.</p>`,
      '<h3>Opinion density</h3>', densityStrip(doc, cls('opinion')));
    if (typeof doc.text === 'string') {
      // No line breaks around the text: the block keeps white space as it is.
      out.write('<h3>Text</h3><div class="doc">');
      writeHighlighted(out, doc.text, tags, (t) => cls(t.kind), (t) => number.get(t)!,
        (t) => `${number.get(t)}. ${label(t.kind)}${t.kind === 'claim' ? ` (${claimStatus(t)})` : ''}${t.note ? `: ${t.note.slice(0, MAX_TITLE)}` : ''}`, anchorId);
      line('</div>');
    } else {
      line('<p class="muted">The document text is not included in this report.</p>');
    }
    line('</section>');
  });

  line('<section aria-label="All tags"><h2>All tags</h2>');
  if (numbered.some((d) => d.tags.length)) {
    line('<table><thead><tr><th>#</th><th>Document</th><th>Kind</th><th>Status</th><th>Quote in context</th><th>Note</th>'
      + '<th>Source and cue</th><th>Links</th><th>Author</th><th>Created</th><th>Modified</th><th>Anchor</th></tr></thead><tbody>');
    numbered.forEach(({ doc, tags, number }, di) => {
      const highlighted = (t: Tag) => typeof doc.text === 'string' && hasUsableRange(t, doc.text.length) && t.end > t.start;
      for (const t of tags) {
        writeTagRow(out, doc, t, number.get(t)!, `d${di + 1}-t${number.get(t)}`, cls(t.kind), label(t.kind), highlighted(t));
        out.write('\n');
      }
    });
    line('</tbody></table>');
  } else {
    line('<p class="muted">No tags.</p>');
  }
  line('</section>', '</body>', '</html>');
  return out.done();
}

/** One row of the table of tags; long values (quote, note) are escaped slice by slice. */
function writeTagRow(out: ChunkWriter, doc: ReportDocument, t: Tag, n: number, anchorId: string, kindCls: string, kindName: string, linked: boolean): void {
  const { before, after } = contextEllipses(t, doc.text);
  const status = t.kind === 'claim' ? claimStatus(t) : '';
  const src = sourceText(t.source);
  const srcHtml = [
    t.kind === 'attribution' || t.source ? `Source: ${src ? `${escapeHtml(src)}${isSpanRef(t.source) ? ` <span class="muted">(${t.source.start}–${t.source.end})</span>` : ''}` : '<em class="orphaned">none</em>'}` : '',
    t.cue ? `Cue: ${escapeHtml(t.cue.quote)} <span class="muted">(${t.cue.start}–${t.cue.end})</span>` : '',
  ].filter(Boolean).join('<br>');
  const num = linked ? `<a href="#${escapeHtml(anchorId)}">${n}</a>` : String(n);
  const labels = t.labels?.length ? `<br><span class="muted">${t.labels.map(escapeHtml).join(', ')}</span>` : '';
  out.write(`<tr class="${kindCls}"><td class="num">${num}</td><td>${escapeHtml(doc.name)}</td><td class="kind">${escapeHtml(kindName)}${labels}</td>`
    + `<td class="status-${status}">${escapeHtml(status)}</td><td class="ctx">${before ? '… ' : ''}`);
  out.escaped(t.prefix, escapeHtml);
  out.write('<b>');
  out.escaped(t.quote, escapeHtml);
  out.write('</b>');
  out.escaped(t.suffix, escapeHtml);
  out.write(`${after ? ' …' : ''}</td><td>`);
  out.escaped(t.note ?? '', escapeHtml);
  out.write(`</td><td>${srcHtml}</td>`
    + `<td>${(t.links ?? []).map(linkHtml).join('<br>')}</td><td>${escapeHtml(t.author ?? '')}</td>`
    + `<td>${escapeHtml(t.created)}</td><td>${escapeHtml(t.modified)}</td><td${t.anchor.state === 'orphaned' ? ' class="orphaned"' : ''}>${escapeHtml(anchorLabel(t))}</td></tr>`);
}
