// Escaping user text (notes, quotes, sources, labels, error messages) for VS Code MarkdownStrings, so it is
// shown as written and can never become a link, an image, HTML or a theme icon.

export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>&~$]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`));
}

/** A Markdown link to an http(s) address, or the escaped text for anything else. */
export function markdownLink(link: string): string {
  if (!/^https?:\/\//i.test(link)) return escapeMarkdown(link);
  const target = encodeURI(link).replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/"/g, '%22');
  return `[${escapeMarkdown(link)}](${target})`;
}
