// CSV report (RFC 4180): a header row, one row per tag, CRLF line ends, fields quoted when they hold
// a comma, a quote or a line break; an optional UTF-8 BOM for spreadsheet apps.
import { Tag, isSpanRef } from '../model';
import { ReportDocument, Resolved, anchorLabel, claimStatus, sortedTags, sourceText } from './common';

export const CSV_COLUMNS = [
  'document', 'document_uri', 'tag_id', 'kind', 'status', 'start', 'end', 'quote', 'prefix', 'suffix', 'note',
  'source', 'source_start', 'source_end', 'cue', 'cue_start', 'cue_end', 'labels', 'links', 'author',
  'created', 'modified', 'anchor',
] as const;

/** Quotes a field when RFC 4180 requires it (comma, double quote, CR or LF), doubling inner quotes. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Neutralises spreadsheet formulas: a field starting with = + - @, a tab or a CR gets a leading `'`
 * (plain numbers such as "-5" or "+3.2" are left alone).
 */
export function guardFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) && !/^[+-]?\d+(?:[.,]\d+)?%?$/.test(value) ? `'${value}` : value;
}

export function csvRow(fields: string[], guard = false): string {
  return fields.map((f) => csvField(guard ? guardFormula(f) : f)).join(',');
}

function tagFields(doc: ReportDocument, t: Tag): string[] {
  const span = isSpanRef(t.source) ? t.source : undefined;
  return [
    doc.name, doc.uri, String(t.id), t.kind, t.kind === 'claim' ? claimStatus(t) : '', String(t.start), String(t.end),
    t.quote ?? '', t.prefix ?? '', t.suffix ?? '', t.note ?? '',
    sourceText(t.source), span ? String(span.start) : '', span ? String(span.end) : '',
    t.cue?.quote ?? '', t.cue ? String(t.cue.start) : '', t.cue ? String(t.cue.end) : '',
    (t.labels ?? []).join('; '), (t.links ?? []).join(' '), t.author ?? '', t.created ?? '', t.modified ?? '', anchorLabel(t),
  ];
}

export function renderCsv(r: Resolved, docs: ReportDocument[]): string {
  const guard = r.options.csvFormulaGuard !== false;
  const lines = [csvRow([...CSV_COLUMNS])];
  for (const doc of docs) for (const t of sortedTags(doc)) lines.push(csvRow(tagFields(doc, t), guard));
  return (r.options.csvBom ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n';
}
