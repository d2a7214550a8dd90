// Escaping user text (notes, quotes, sources, labels, names, error messages) for the places it is shown: HTML
// (reports, webviews) and Markdown (reports, and VS Code's hovers and tooltips through the editor layer), so it
// reads as written and can never become markup, a link, an image, an entity or a theme icon.

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Escapes text for HTML element content and for quoted attribute values. */
export function escapeHtml(s: string): string {
  return String(s).replace(/[&<>"'`]/g, (c) => HTML_ESCAPES[c]);
}

/** Collapses runs of white space (newlines included) into single spaces. */
export function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ');
}

/**
 * Escapes user text for inline Markdown: white space collapsed to one line, and every character that
 * could start emphasis, code, a link, raw HTML, an entity, a table cell, a theme icon (`$(`) or, at the start, a
 * list backslash-escaped.
 */
export function escapeMarkdown(s: string): string {
  return oneLine(String(s))
    .replace(/[\\`*_{}[\]()<>#+!|~&]/g, '\\$&')
    // At the start of a block a "- " or "1971. " would make a list (hovers start paragraphs with the quote).
    .replace(/^(\s*)(-+|\d+\.)(?=\s|$)/, (_m, space: string, marker: string) => `${space}${marker.replace(/[-.]$/, '\\$&')}`);
}

/**
 * Stricter, for the agreement report's table cells: control characters become spaces (other white space is
 * kept) and list markers, dots, quotes, `=` and `:` are escaped too (no autolink or attribute-looking text).
 */
export function escapeMarkdownCell(s: string): string {
  return s
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/[\\`*_{}[\]()#+\-.!|<>~&"'=:]/g, (c) => `\\${c}`);
}
