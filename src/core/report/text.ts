// Small string helpers shared by the report renderers: offset conversion, context snippets (escaping and the
// http(s) link test are src/core/escape.ts and src/core/url.ts, shared with the editor).

/**
 * Converts a UTF-16 code unit offset into `text` to a Unicode code point offset (what the W3C
 * TextPositionSelector counts). An offset inside a surrogate pair counts the pair as one code point
 * (it maps to the position of the pair's start). Offsets are clamped to [0, text.length].
 */
export function utf16ToCodePoint(text: string, offset: number): number {
  const end = Math.max(0, Math.min(Math.floor(offset), text.length));
  let cp = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    // A high surrogate followed by a low surrogate is one code point; only count it when the pair
    // lies entirely before `end`, so an offset in the middle of a pair maps to the pair's start.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        if (i + 1 >= end) break;
        i++;
      }
    }
    cp++;
  }
  return cp;
}

/** Converts a Unicode code point offset into `text` to a UTF-16 code unit offset; clamped to the text. */
export function codePointToUtf16(text: string, cp: number): number {
  const target = Math.max(0, Math.floor(cp));
  let i = 0;
  let n = 0;
  while (i < text.length && n < target) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    i++;
    n++;
  }
  return i;
}

/**
 * Incremental UTF-16 -> code point conversion for many offsets into one text, fastest when they
 * ascend (the W3C renderer converts every tag of a document; this keeps it near linear).
 * Gives the same results as {@link utf16ToCodePoint}.
 */
export class CodePointCounter {
  private unit = 0;
  private point = 0;
  constructor(private readonly text: string) {}

  at(offset: number): number {
    const target = Math.max(0, Math.min(Math.floor(offset), this.text.length));
    if (target < this.unit) {
      this.unit = 0;
      this.point = 0;
    }
    const text = this.text;
    while (this.unit < target) {
      const c = text.charCodeAt(this.unit);
      if (c >= 0xd800 && c <= 0xdbff && this.unit + 1 < text.length) {
        const d = text.charCodeAt(this.unit + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          if (this.unit + 1 >= target) return this.point; // inside the pair: its start
          this.unit++;
        }
      }
      this.unit++;
      this.point++;
    }
    return this.point;
  }
}

/** Drops a lone low surrogate at the start and a lone high surrogate at the end (left by cutting at a UTF-16 offset). */
export function trimBrokenSurrogates(s: string): string {
  let start = 0;
  let end = s.length;
  if (end > 0) {
    const c = s.charCodeAt(0);
    if (c >= 0xdc00 && c <= 0xdfff) start = 1;
  }
  if (end > start) {
    const c = s.charCodeAt(end - 1);
    if (c >= 0xd800 && c <= 0xdbff) end--;
  }
  return start === 0 && end === s.length ? s : s.slice(start, end);
}
