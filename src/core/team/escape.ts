// Escaping for the agreement reports: every name, kind and file name comes from user data.
const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML[c]);
}

/** Text inside a Markdown table cell: no line breaks, no pipes, no markup, no HTML. */
export function escapeMarkdownCell(s: string): string {
  return s
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/[\\`*_{}[\]()#+\-.!|<>~&"'=:]/g, (c) => `\\${c}`);
}
