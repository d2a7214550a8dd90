// Markdown for VS Code MarkdownStrings (hovers, tooltips): user text escaped with the core escaper, so it is
// shown as written and can never become a link, an image, HTML or a theme icon; links only for http(s).
import { escapeMarkdown } from '../core/escape';
import { isHttpUrl } from '../core/url';

export { escapeMarkdown };

/** A Markdown link to an http(s) address, or the escaped text for anything else. */
export function markdownLink(link: string): string {
  if (!isHttpUrl(link)) return escapeMarkdown(link);
  const target = encodeURI(link).replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/"/g, '%22');
  return `[${escapeMarkdown(link)}](${target})`;
}
