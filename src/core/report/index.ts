// Tag reports: Markdown, HTML, CSV, JSON, W3C Web Annotation and ClaimReview renderers, and the W3C import parser.
// Pure TypeScript: no `vscode`, no network. See FORMATS.md beside this file for the shapes.
import { ReportDocument, ReportFormat, ReportOptions, resolveOptions } from './common';
import { renderClaimReview } from './claimreview';
import { renderCsv } from './csv';
import { renderHtmlReport } from './html';
import { renderJson } from './json';
import { renderMarkdown } from './markdown';
import { renderW3c } from './w3c';

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
export { codePointToUtf16, escapeHtml, utf16ToCodePoint } from './text';
export { escapeMarkdown } from './markdown';

export function renderReport(format: ReportFormat, docs: ReportDocument[], options: ReportOptions = {}): string {
  switch (format) {
    case 'html': return renderHtmlReport(docs, options);
    case 'md': return renderMarkdown(resolveOptions(options), docs);
    case 'csv': return renderCsv(resolveOptions(options), docs);
    case 'json': return renderJson(resolveOptions(options), docs);
    case 'w3c': return renderW3c(resolveOptions(options), docs);
    case 'claimreview': return renderClaimReview(resolveOptions(options), docs);
    default: throw new Error(`Unknown report format: ${String(format)}`);
  }
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
