// "Copy as Citation": the quote, who said it, the article's title, where it is (file, line and column, 1-based)
// and the article's published URL when known. Free of `vscode`.

/** The article's title: its first Markdown heading, else its first non-empty line when short enough. */
export function articleTitle(text: string): string | undefined {
  const heading = /^ {0,3}#{1,6}[ \t]+(.+?)[ \t#]*$/m.exec(text.slice(0, 20_000));
  if (heading) return heading[1].trim();
  const first = text.split(/\r?\n/).find((l) => l.trim())?.trim();
  return first && first.length <= 120 && !/[.!?]["”’]?$/.test(first) ? first : undefined;
}

export interface CitationParts {
  quote: string;
  who?: string;
  title?: string;
  /** Workspace-relative path of the document. */
  name: string;
  line: number;
  column: number;
  url?: string;
}

export function formatCitation(c: CitationParts): string {
  const quote = c.quote.replace(/\s+/g, ' ').trim();
  const where = [c.title ? `“${c.title}”` : undefined, `${c.name}, line ${c.line}, column ${c.column}`, c.url].filter(Boolean).join(', ');
  return `“${quote}”${c.who ? ` — ${c.who}` : ''} (${where})`;
}
