// With nothing selected, an attribution takes the sentence at the cursor; what was said is only part of it.
// The attribution detector splits the sentence into source -> cue -> content: the tag covers the content, so the
// speaker and the reporting verb are not tagged as what they said. Free of `vscode`.
import { suggestRange } from '../core/suggest';

/** The content part of the attribution found in `sentence` (the longest when several), or the sentence itself. */
export function attributionContent(text: string, sentence: { start: number; end: number }): { start: number; end: number } {
  const found = suggestRange(text, sentence.start, sentence.end, { kinds: ['attribution'], minScore: 0 }).suggestions;
  let best: { start: number; end: number } | undefined;
  for (const s of found) {
    const c = s.parts?.content;
    if (!c || c.start < sentence.start || c.end > sentence.end || c.end <= c.start) continue;
    if (!best || c.end - c.start > best.end - best.start) best = c;
  }
  return best ? trimPunctuation(text, best) : sentence;
}

/** Drops white space and a trailing comma left between the content and the cue ("…, the mayor said"). */
function trimPunctuation(text: string, r: { start: number; end: number }): { start: number; end: number } {
  let { start, end } = r;
  while (end > start && /[\s,;:—–-]/.test(text[end - 1])) end--;
  while (start < end && /[\s,;:—–-]/.test(text[start])) start++;
  return { start, end };
}
