// The agreement report as Markdown, self-contained HTML (no script, nothing remote) or JSON. Every name comes
// from user data and is escaped; numbers are formatted here, never taken as text from input.
import { AgreementResult, KindAgreement, PairAgreement } from './agreement';
import { escapeHtml, escapeMarkdownCell } from '../escape';

export type AgreementFormat = 'md' | 'html' | 'json';
export const AGREEMENT_FORMATS: readonly AgreementFormat[] = ['md', 'html', 'json'];

export interface AgreementReportOptions {
  title?: string;
  /** Generation time (ISO); default now. */
  generated?: string;
  /** HTML: nonce for the inline style (webviews with a Content-Security-Policy). */
  styleNonce?: string;
}

export function renderAgreement(format: AgreementFormat, r: AgreementResult, options: AgreementReportOptions = {}): string {
  if (format === 'json') return JSON.stringify({ format: 'claim-tagger/agreement', version: 1, generated: generated(options), ...r }, null, 2) + '\n';
  return format === 'html' ? renderHtml(r, options) : renderMarkdown(r, options);
}

const fmt = (v: number | null, digits = 3) => (v === null || !Number.isFinite(v) ? '—' : v.toFixed(digits));
const kindName = (k: KindAgreement) => k.kind ?? 'all kinds';
const generated = (o: AgreementReportOptions) => o.generated ?? new Date().toISOString();

function renderMarkdown(r: AgreementResult, o: AgreementReportOptions): string {
  const md = escapeMarkdownCell;
  const out: string[] = [`# ${md(o.title ?? 'Annotator agreement')}`, ''];
  out.push(`${r.documents.length} document(s); annotators: ${r.annotators.map(md).join(', ') || '—'}; kinds: ${r.kinds.map(md).join(', ') || '—'}.`, '');
  if (r.annotators.length < 2) {
    out.push('Fewer than two annotators: nothing to compare. Tags count for their `author`, or for <author> in blind copies `<document>.tags.<author>.json`.', '');
    return out.join('\n');
  }
  out.push(`Krippendorff's alpha (nominal, token labels, ${r.alpha.units} tokens): all kinds ${fmt(r.alpha.overall)}` +
    r.alpha.kinds.map((k) => `; ${md(k.kind)} ${fmt(k.alpha)}`).join('') + '.', '');
  for (const p of r.pairs) {
    out.push(`## ${md(p.a)} and ${md(p.b)}`, '');
    out.push(`${p.documents} document(s) both annotated, ${p.tokens} tokens. Precision and recall take ${md(p.a)} as the reference.`, '');
    out.push('| Kind | Tags ' + md(p.a) + ' | Tags ' + md(p.b) + ' | Exact P | Exact R | Exact F1 | Overlap P | Overlap R | Overlap F1 | Only ' + md(p.a) + ' | Only ' + md(p.b) + ' | Token κ |');
    out.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const k of [...p.kinds, p.overall]) {
      const name = k.kind === null ? '**all kinds**' : md(k.kind);
      out.push(`| ${name} | ${k.a} | ${k.b} | ${fmt(k.exact.precision)} | ${fmt(k.exact.recall)} | ${fmt(k.exact.f1)} | ${fmt(k.overlap.precision)} | ${fmt(k.overlap.recall)} | ${fmt(k.overlap.f1)} | ${k.onlyA} | ${k.onlyB} | ${fmt(k.tokenKappa)} |`);
    }
    out.push('', `Claim status on ${p.status.pairs} matched claim(s): ${p.status.agree} agree, κ ${fmt(p.status.kappa)}.`, '');
  }
  out.push('Figures: span F1 = 2·matched / (tags A + tags B) with one-to-one matching (exact: same start and end; overlap: sharing any text, largest overlap first); Cohen\'s κ on word tokens labelled with the kind of the shortest tag covering them, or none; per kind, covered or not; Krippendorff\'s α (nominal) over every annotator. — means undefined (nothing to compare, or no variation).', '');
  return out.join('\n');
}

function bar(v: number | null): string {
  const w = v === null || !Number.isFinite(v) ? 0 : Math.max(0, Math.min(1, v)) * 100;
  return `<span class="bar"><span style="width:${w.toFixed(1)}%"></span></span>`;
}

function renderHtml(r: AgreementResult, o: AgreementReportOptions): string {
  const h = escapeHtml;
  const title = h(o.title ?? 'Annotator agreement');
  const nonce = o.styleNonce ? ` nonce="${h(o.styleNonce)}"` : '';
  const parts: string[] = [];
  parts.push(`<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>`);
  parts.push(`<style${nonce}>body{font:14px/1.45 system-ui,sans-serif;margin:1.5rem;color:#1f2328;background:#fff}table{border-collapse:collapse;margin:.5rem 0 1rem}th,td{border:1px solid #d0d7de;padding:.25rem .5rem;text-align:right}th:first-child,td:first-child{text-align:left}.bar{display:inline-block;width:6rem;height:.6rem;background:#d0d7de;margin-left:.4rem;vertical-align:middle}.bar span{display:block;height:100%;background:#0969da}.muted{color:#59636e}@media (prefers-color-scheme:dark){body{color:#e6edf3;background:#0d1117}th,td{border-color:#3d444d}.bar{background:#3d444d}.bar span{background:#4493f8}.muted{color:#9198a1}}</style></head><body>`);
  parts.push(`<h1>${title}</h1><p class="muted">${r.documents.length} document(s); annotators: ${r.annotators.map(h).join(', ') || '—'}; generated ${h(generated(o))}.</p>`);
  if (r.annotators.length < 2) {
    parts.push('<p>Fewer than two annotators: nothing to compare.</p></body></html>\n');
    return parts.join('');
  }
  parts.push(`<h2>Krippendorff's α (nominal, ${r.alpha.units} tokens)</h2><table><tr><th>Kind</th><th>α</th></tr>`);
  for (const k of r.alpha.kinds) parts.push(`<tr><td>${h(k.kind)}</td><td>${fmt(k.alpha)}${bar(k.alpha)}</td></tr>`);
  parts.push(`<tr><th>all kinds</th><td>${fmt(r.alpha.overall)}${bar(r.alpha.overall)}</td></tr></table>`);
  for (const p of r.pairs) parts.push(pairHtml(p));
  parts.push('<p class="muted">Span F1 = 2·matched / (tags A + tags B), one-to-one matching (exact: same start and end; overlap: sharing any text). Cohen\'s κ on word tokens labelled with a kind or none. — means undefined.</p></body></html>\n');
  return parts.join('');
}

function pairHtml(p: PairAgreement): string {
  const h = escapeHtml;
  const rows = [...p.kinds, p.overall].map((k) => {
    const name = k.kind === null ? `<th>${h(kindName(k))}</th>` : `<td>${h(k.kind)}</td>`;
    return `<tr>${name}<td>${k.a}</td><td>${k.b}</td><td>${fmt(k.exact.f1)}${bar(k.exact.f1)}</td><td>${fmt(k.overlap.precision)}</td><td>${fmt(k.overlap.recall)}</td><td>${fmt(k.overlap.f1)}${bar(k.overlap.f1)}</td><td>${k.onlyA}</td><td>${k.onlyB}</td><td>${fmt(k.tokenKappa)}${bar(k.tokenKappa)}</td></tr>`;
  });
  return `<h2>${h(p.a)} and ${h(p.b)}</h2><p class="muted">${p.documents} document(s) both annotated, ${p.tokens} tokens; ${h(p.a)} is the reference for precision and recall.</p>` +
    `<table><tr><th>Kind</th><th>Tags ${h(p.a)}</th><th>Tags ${h(p.b)}</th><th>Exact F1</th><th>Overlap P</th><th>Overlap R</th><th>Overlap F1</th><th>Only ${h(p.a)}</th><th>Only ${h(p.b)}</th><th>Token κ</th></tr>${rows.join('')}</table>` +
    `<p>Claim status on ${p.status.pairs} matched claim(s): ${p.status.agree} agree, κ ${fmt(p.status.kappa)}.</p>`;
}
