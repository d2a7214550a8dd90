// Sentence and word boundaries around an offset, for tagging with an empty selection. Sentences come from the
// suggestion engine's segmenter (suggest/text.ts scanChunk over the same paragraph chunks), so that the sentence
// tagged at the cursor is exactly the sentence a claim suggestion covers ("Mr. Smith said…", "1. The first item").
import { Span } from './spans';
import { paragraphRangesIn, scanChunk } from './suggest/text';

/** The paragraph (text between blank lines) containing `offset`. */
export function paragraphAt(text: string, offset: number): Span {
  const blank = /\r?\n[ \t]*\r?\n/g;
  let start = 0;
  // Walk back from the offset for the previous blank line without scanning the whole text.
  const before = text.lastIndexOf('\n', Math.max(0, offset - 1));
  for (let i = before; i > 0; i = text.lastIndexOf('\n', i - 1)) {
    const prev = text.lastIndexOf('\n', i - 1);
    if (text.slice(prev + 1, i).trim() === '') {
      start = i + 1;
      break;
    }
  }
  blank.lastIndex = offset;
  const m = blank.exec(text);
  const end = m ? m.index : text.length;
  return { start, end: Math.max(start, end) };
}

/** The sentence containing `offset`, without surrounding white space; empty when there is only white space. */
export function sentenceAt(text: string, offset: number): Span {
  const para = paragraphAt(text, offset);
  const chunks = paragraphRangesIn(text, para.start, para.end);
  if (!chunks.length) return { start: offset, end: offset };
  // The chunk holding the offset; between or after chunks (white space), the one before it.
  let chunk = chunks[0];
  for (const c of chunks) if (c.start <= offset) chunk = c;
  const { sentences } = scanChunk(text, chunk.start, chunk.end);
  // Likewise the sentence: an offset in the white space after a sentence belongs to it.
  let found = sentences[0];
  for (const s of sentences) if (s.start <= offset) found = s;
  return found ? { start: found.start, end: found.end } : { start: offset, end: offset };
}

const WORD = /[\p{L}\p{M}\p{N}'’-]/u;

/** The word at `offset` (letters, marks, digits, apostrophes, hyphens); empty between words. */
export function wordAt(text: string, offset: number): Span {
  let start = offset;
  let end = offset;
  while (start > 0 && WORD.test(text[start - 1])) start--;
  while (end < text.length && WORD.test(text[end])) end++;
  while (start < end && /['’-]/.test(text[start])) start++;
  while (end > start && /['’-]/.test(text[end - 1])) end--;
  return { start, end };
}
