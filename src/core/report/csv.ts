// CSV report (RFC 4180): a header row, one row per tag, CRLF line ends, fields quoted when they hold
// a comma, a quote or a line break; an optional UTF-8 BOM for spreadsheet apps.
// Positions are given as UTF-16 offsets (as in the sidecar) and as 1-based line and column (where the text is
// known and the tag is placed); `document_uri` is the article's public URL or a name-based URN, never a path.
import { Tag, isSpanRef } from '../model';
import { ChunkWriter, LineIndex } from './chunks';
import { ReportDocument, Resolved, anchorLabel, claimStatus, hasUsableRange, publicIri, sortedTags, sourceText } from './common';

export const CSV_COLUMNS = [
  'document', 'document_uri', 'tag_id', 'kind', 'status', 'start', 'end', 'start_line', 'start_column', 'end_line', 'end_column', 'quote', 'prefix', 'suffix', 'note',
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

function tagFields(doc: ReportDocument, iri: string, t: Tag, lines: LineIndex | undefined): string[] {
  const span = isSpanRef(t.source) ? t.source : undefined;
  const placed = lines && hasUsableRange(t, doc.text?.length);
  const a = placed ? lines.at(t.start) : undefined;
  const b = placed ? lines.at(t.end) : undefined;
  return [
    doc.name, iri, String(t.id), t.kind, t.kind === 'claim' ? claimStatus(t) : '', String(t.start), String(t.end),
    a ? String(a.line) : '', a ? String(a.column) : '', b ? String(b.line) : '', b ? String(b.column) : '',
    t.quote ?? '', t.prefix ?? '', t.suffix ?? '', t.note ?? '',
    sourceText(t.source), span ? String(span.start) : '', span ? String(span.end) : '',
    t.cue?.quote ?? '', t.cue ? String(t.cue.start) : '', t.cue ? String(t.cue.end) : '',
    (t.labels ?? []).join('; '), (t.links ?? []).join(' '), t.author ?? '', t.created ?? '', t.modified ?? '', anchorLabel(t),
  ];
}

/** Writes one field; a long value is quoted and its quotes doubled slice by slice. */
function writeField(out: ChunkWriter, value: string, guard: boolean): void {
  const v = guard ? guardFormula(value) : value;
  if (/[",\r\n]/.test(v)) {
    out.write('"');
    out.escaped(v, (s) => s.replace(/"/g, '""'));
    out.write('"');
  } else {
    out.escaped(v, (s) => s);
  }
}

export function renderCsvChunks(r: Resolved, docs: ReportDocument[]): string[] {
  const guard = r.options.csvFormulaGuard !== false;
  const out = new ChunkWriter();
  out.write((r.options.csvBom ? '\uFEFF' : '') + csvRow([...CSV_COLUMNS]) + '\r\n');
  for (const doc of docs) {
    const iri = publicIri(doc, r.options);
    const lines = typeof doc.text === 'string' ? new LineIndex(doc.text) : undefined;
    for (const t of sortedTags(doc)) {
      tagFields(doc, iri, t, lines).forEach((f, i) => {
        if (i) out.write(',');
        writeField(out, f, guard);
      });
      out.write('\r\n');
    }
  }
  return out.done();
}
