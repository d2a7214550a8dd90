// Sentence and word boundaries around an offset, for tagging with an empty selection.
// Intl.Segmenter is superlinear on long strings, so it only ever sees the paragraph around the offset.

export interface Range {
  start: number;
  end: number;
}

/** The paragraph (text between blank lines) containing `offset`. */
export function paragraphAt(text: string, offset: number): Range {
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

const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** The sentence containing `offset`, without surrounding white space; empty when there is only white space. */
export function sentenceAt(text: string, offset: number): Range {
  const para = paragraphAt(text, offset);
  const local = text.slice(para.start, para.end);
  for (const seg of sentenceSegmenter.segment(local)) {
    const s = para.start + seg.index;
    const e = s + seg.segment.length;
    if (offset >= s && (offset < e || e === para.end)) return trimmed(text, s, e);
  }
  return { start: offset, end: offset };
}

const WORD = /[\p{L}\p{M}\p{N}'’-]/u;

/** The word at `offset` (letters, marks, digits, apostrophes, hyphens); empty between words. */
export function wordAt(text: string, offset: number): Range {
  let start = offset;
  let end = offset;
  while (start > 0 && WORD.test(text[start - 1])) start--;
  while (end < text.length && WORD.test(text[end])) end++;
  while (start < end && /['’-]/.test(text[start])) start++;
  while (end > start && /['’-]/.test(text[end - 1])) end--;
  return { start, end };
}

function trimmed(text: string, start: number, end: number): Range {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}
