// Tag reports: Markdown, HTML, CSV, JSON, W3C Web Annotation and ClaimReview renderers, and the W3C import parser.
// Pure TypeScript: no `vscode`, no network. See FORMATS.md beside this file for the shapes.
import { ReportDocument, ReportFormat, ReportOptions, reportDocuments, resolveOptions } from './common';
import { renderClaimReviewChunks } from './claimreview';
import { renderCsvChunks } from './csv';
import { renderHtmlChunks } from './html';
import { renderJsonChunks } from './json';
import { renderMarkdownChunks } from './markdown';
import { renderW3cChunks } from './w3c';

export {
  DEFAULT_KINDS, FAIL_ON, REPORT_FORMATS, STATUS_LABELS, isOrphaned, isUnattributed, isUnreviewed, matchesFailOn, summarize,
} from './common';
export type { DocumentSummary, FailOn, KindInfo, ReportDocument, ReportFormat, ReportOptions } from './common';
export { contentSecurityPolicy, renderHtmlReport } from './html';
export type { HtmlEmbedding } from './html';
export { CSV_COLUMNS } from './csv';
export { JSON_REPORT_FORMAT, JSON_REPORT_VERSION } from './json';
export { ANNO_CONTEXT, parseWebAnnotations } from './w3c';
export type { ImportOptions, ImportResult, ImportedAnnotation, ImportedSpan } from './w3c';
export { codePointToUtf16, utf16ToCodePoint } from './text';
export { escapeHtml, escapeMarkdown } from '../escape';

/**
 * The report as a list of chunks of about 1 MB, in order; write them one after the other. No chunk, and no
 * intermediate string, grows with the size of the whole report, so a 50 MB document or note cannot reach
 * V8's maximum string length. Tags are first copied with only the model's fields and types
 * (see reportDocuments), so a newer-version or hand-made sidecar cannot crash or inject into a renderer.
 */
export function renderReportChunks(format: ReportFormat, docs: readonly ReportDocument[], options: ReportOptions = {}): string[] {
  const clean = () => reportDocuments(docs);
  switch (format) {
    case 'html': return renderHtmlChunks(resolveOptions(options), clean());
    case 'md': return renderMarkdownChunks(resolveOptions(options), clean());
    case 'csv': return renderCsvChunks(resolveOptions(options), clean());
    case 'json': return renderJsonChunks(resolveOptions(options), clean());
    case 'w3c': return renderW3cChunks(resolveOptions(options), clean());
    case 'claimreview': return renderClaimReviewChunks(resolveOptions(options), clean());
    default: throw new Error(`Unknown report format: ${String(format)}`);
  }
}

/** The whole report as one string, for small reports (previews, tests); large ones use {@link renderReportChunks}. */
export function renderReport(format: ReportFormat, docs: readonly ReportDocument[], options: ReportOptions = {}): string {
  return renderReportChunks(format, docs, options).join('');
}

export function reportFileExtension(format: ReportFormat): string {
  switch (format) {
    case 'md': return '.md';
    case 'html': return '.html';
    case 'csv': return '.csv';
    case 'json': return '.json';
    case 'w3c':
    case 'claimreview': return '.jsonld';
    default: throw new Error(`Unknown report format: ${String(format)}`);
  }
}

/** Language id for opening the report as an untitled document. */
export function reportLanguageId(format: ReportFormat): string {
  switch (format) {
    case 'md': return 'markdown';
    case 'html': return 'html';
    case 'csv': return 'csv';
    case 'json':
    case 'w3c':
    case 'claimreview': return 'json';
    default: throw new Error(`Unknown report format: ${String(format)}`);
  }
}
