// The HTML report's agreement section, when the report covers more than one annotator: a table per pair of
// annotators (a row per kind, then all kinds) and a small inline-SVG chart per kind (overlap F1 and token kappa
// of each pair). Script-free, no style attributes (the report's CSP), every name escaped, numbers formatted here.
import { AgreementResult, KindAgreement, PairAgreement } from '../team/agreement';
import { escapeHtml } from '../escape';

export const AGREEMENT_CSS = `
.agreement table{margin-bottom:1rem}.agreement .charts figure{flex:0 1 24rem}
svg .f1{fill:var(--bar)}svg .kappa{fill:#d9822b}svg .axis{stroke:var(--line)}
`;

const fmt = (v: number | null) => (v === null || !Number.isFinite(v) ? '—' : v.toFixed(3));
const kindName = (k: KindAgreement, label: (kind: string) => string) => (k.kind === null ? 'All kinds' : label(k.kind));

/** Whether a report has an agreement section to show: at least two annotators to compare. */
export function hasAgreement(r: AgreementResult | undefined): r is AgreementResult {
  return !!r && r.annotators.length >= 2 && r.pairs.length > 0;
}

export function renderAgreementSection(r: AgreementResult, label: (kind: string) => string = (k) => k): string {
  const e = escapeHtml;
  const out: string[] = ['<section class="agreement" aria-label="Agreement between annotators"><h2>Agreement between annotators</h2>'];
  out.push(`<p>${r.documents.length} document${r.documents.length === 1 ? '' : 's'}; annotators: ${r.annotators.map(e).join(', ')}.`
    + ` Krippendorff's α (nominal, token labels, ${r.alpha.units} tokens): all kinds ${fmt(r.alpha.overall)}`
    + r.alpha.kinds.map((k) => `; ${e(label(k.kind))} ${fmt(k.alpha)}`).join('') + '.</p>');
  out.push('<p class="muted">Precision and recall take the first annotator of a pair as the reference. Exact: same start and end; overlap: spans share text (one-to-one). Token κ: Cohen\'s kappa on the kind of each word.</p>');
  for (const p of r.pairs) out.push(pairTable(p, label));
  out.push('<div class="charts">');
  const kinds: (string | null)[] = [...r.kinds, null];
  for (const kind of kinds) out.push(kindChart(r.pairs, kind, label));
  out.push('</div></section>');
  return out.join('\n');
}

function pairTable(p: PairAgreement, label: (kind: string) => string): string {
  const e = escapeHtml;
  const a = e(p.a);
  const b = e(p.b);
  const num = (v: number | string) => `<td class="num">${v}</td>`;
  const rows = [...p.kinds, p.overall].map((k) => `<tr><th scope="row">${e(kindName(k, label))}</th>${num(k.a)}${num(k.b)}`
    + `${num(fmt(k.exact.precision))}${num(fmt(k.exact.recall))}${num(fmt(k.exact.f1))}`
    + `${num(fmt(k.overlap.precision))}${num(fmt(k.overlap.recall))}${num(fmt(k.overlap.f1))}`
    + `${num(k.onlyA)}${num(k.onlyB)}${num(fmt(k.tokenKappa))}</tr>`);
  const status = p.status.pairs
    ? `Claim status on ${p.status.pairs} matched claim${p.status.pairs === 1 ? '' : 's'}: ${p.status.agree} agree, κ ${fmt(p.status.kappa)}.`
    : 'No matched claims to compare statuses on.';
  return `<h3>${a} and ${b}</h3><p class="muted">${p.documents} document${p.documents === 1 ? '' : 's'} both annotated, ${p.tokens} tokens. ${status}</p>`
    + `<table><thead><tr><th>Kind</th><th>Tags ${a}</th><th>Tags ${b}</th><th>Exact P</th><th>Exact R</th><th>Exact F1</th>`
    + `<th>Overlap P</th><th>Overlap R</th><th>Overlap F1</th><th>Only ${a}</th><th>Only ${b}</th><th>Token κ</th></tr></thead>`
    + `<tbody>${rows.join('')}</tbody></table>`;
}

/** Per pair, two bars on a 0..1 scale: overlap F1 and token kappa (a negative kappa draws no bar; its value is written). */
function kindChart(pairs: readonly PairAgreement[], kind: string | null, label: (kind: string) => string): string {
  const row = 40;
  const labelW = 130;
  const barW = 240;
  const height = Math.max(1, pairs.length) * row + 4;
  const caption = `${kind === null ? 'All kinds' : label(kind)}: overlap F1 and token κ`;
  const desc: string[] = [];
  const rows = pairs.map((p, i) => {
    const k = kind === null ? p.overall : p.kinds.find((x) => x.kind === kind);
    const f1 = k?.overlap.f1 ?? null;
    const kappa = k?.tokenKappa ?? null;
    desc.push(`${p.a} and ${p.b}: F1 ${fmt(f1)}, κ ${fmt(kappa)}`);
    const y = i * row + 2;
    const w = (v: number | null) => (v === null || !Number.isFinite(v) ? 0 : Math.round(Math.max(0, Math.min(1, v)) * barW));
    return `<text x="${labelW - 6}" y="${y + 20}" text-anchor="end">${escapeHtml(`${p.a} / ${p.b}`)}</text>`
      + `<rect class="track" x="${labelW}" y="${y + 3}" width="${barW}" height="16" rx="2"/>`
      + `<rect class="f1" x="${labelW}" y="${y + 3}" width="${w(f1)}" height="16" rx="2"/>`
      + `<text x="${labelW + barW + 6}" y="${y + 16}">F1 ${fmt(f1)}</text>`
      + `<rect class="track" x="${labelW}" y="${y + 21}" width="${barW}" height="14" rx="2"/>`
      + `<rect class="kappa" x="${labelW}" y="${y + 21}" width="${w(kappa)}" height="14" rx="2"/>`
      + `<text x="${labelW + barW + 6}" y="${y + 33}">κ ${fmt(kappa)}</text>`;
  }).join('');
  const title = `${caption}. ${desc.join('; ')}`;
  return `<figure><figcaption>${escapeHtml(caption)}</figcaption>`
    + `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${labelW + barW + 80} ${height}" width="100%" role="img" aria-label="${escapeHtml(title)}">`
    + `<title>${escapeHtml(title)}</title>${rows}</svg></figure>`;
}
