// Where a remembered phrase may be found (issue 13): the gaps its words may span, and which of overlapping
// matches is kept.
import type { PhraseMatch } from './phraseTypes';

/**
 * May words with text[a, b) between them belong to one phrase? Never across a paragraph break (a blank line) or
 * a sentence end ("." then a space; "3.5" is one number); with `strict` (a word inserted), not across any line
 * break or sentence punctuation either.
 */
export function gapOk(text: string, a: number, b: number, strict: boolean): boolean {
  let breaks = 0;
  let stop = false;
  let space = false;
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 && (strict || ++breaks > 1)) return false;
    if (c === 46 || c === 33 || c === 63) stop = true; // . ! ?
    else if (c === 32 || c === 9 || c === 10 || c === 13) space = true;
  }
  return !(stop && (space || strict));
}

/** Per kind, keeps the longest of overlapping matches (then the exact one, then the earliest); text order. */
export function longestPerKind(found: PhraseMatch[]): PhraseMatch[] {
  if (found.length < 2) return found;
  const ranked = [...found].sort((a, b) => (b.end - b.start) - (a.end - a.start) || Number(a.inserted) - Number(b.inserted) || a.start - b.start);
  const kept: PhraseMatch[] = [];
  for (const m of ranked) {
    if (!kept.some((k) => k.entry.kind === m.entry.kind && k.start < m.end && m.start < k.end)) kept.push(m);
  }
  return kept.sort((a, b) => a.start - b.start || b.end - a.end);
}
