// Character-level agreement between a string and the text around a position: how context (prefix/suffix)
// tells occurrences of the same quote apart.

/** Length of the common suffix of `a` and text[..pos). */
export function commonBefore(text: string, pos: number, a: string): number {
  let n = 0;
  while (n < a.length && n < pos && a.charCodeAt(a.length - 1 - n) === text.charCodeAt(pos - 1 - n)) n++;
  return n;
}

/** Length of the common prefix of `a` and text[pos..). */
export function commonAfter(text: string, pos: number, a: string): number {
  let n = 0;
  while (n < a.length && pos + n < text.length && a.charCodeAt(n) === text.charCodeAt(pos + n)) n++;
  return n;
}
