// The agreement reports escape with the one set of escapers in src/core/escape.ts (kept here for team/report.ts's import).
export { escapeHtml, escapeMarkdownCell } from '../escape';
