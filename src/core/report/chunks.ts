// Reports are built as a list of bounded chunks, never as one string: a 50 MB document, or one huge note,
// escaped and concatenated would otherwise approach V8's maximum string length (about 2^29 characters)
// and abort the process. Escaping works on slices of long values; JSON is written value by value.

/** Target size of one output chunk, in UTF-16 code units. */
export const CHUNK_SIZE = 1 << 20;
/** Long values are escaped in slices of this size, so no escaped intermediate grows past a few times it. */
export const SLICE_SIZE = 1 << 16;

/** Cuts `s` into slices of about `size` code units, never inside a surrogate pair or inside a run of white space. */
export function* slices(s: string, size = SLICE_SIZE): Generator<string> {
  if (s.length <= size) {
    yield s;
    return;
  }
  let i = 0;
  while (i < s.length) {
    let j = Math.min(s.length, i + size);
    if (j < s.length) {
      // Back off (a little) so white space collapsing and surrogate pairs see whole runs.
      const floor = j - 64;
      while (j > floor && (/\s/.test(s[j]) || /\s/.test(s[j - 1]) || isHighSurrogate(s.charCodeAt(j - 1)))) j--;
      if (j === floor) j = Math.min(s.length, i + size) - (isHighSurrogate(s.charCodeAt(i + size - 1)) ? 1 : 0);
    }
    yield s.slice(i, j);
    i = j;
  }
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

/** Collects output into chunks of about {@link CHUNK_SIZE}. */
export class ChunkWriter {
  private readonly chunks: string[] = [];
  private parts: string[] = [];
  private size = 0;

  write(s: string): void {
    this.parts.push(s);
    this.size += s.length;
    if (this.size >= CHUNK_SIZE) this.flush();
  }

  /** Writes `escape(value)`, escaping long values slice by slice (the escape must work character by character). */
  escaped(value: string, escape: (s: string) => string): void {
    for (const piece of slices(value)) this.write(escape(piece));
  }

  private flush(): void {
    if (this.size) this.chunks.push(this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }

  /** The chunks; `trimTrailingNewlines` leaves exactly one newline at the end. */
  done(trimTrailingNewlines = false): string[] {
    this.flush();
    if (trimTrailingNewlines) {
      while (this.chunks.length && /^\n*$/.test(this.chunks[this.chunks.length - 1])) this.chunks.pop();
      const last = this.chunks.length - 1;
      this.chunks[last < 0 ? 0 : last] = (this.chunks[last] ?? '').replace(/\n+$/, '') + '\n';
    }
    return this.chunks;
  }
}

/**
 * Writes `value` exactly as `JSON.stringify(value, null, 2)` would, piece by piece: long strings are encoded
 * in slices, and no string for the whole structure is ever built. `post` rewrites each encoded piece
 * (used to \u-escape `<`, `>` and `&` for embedding in HTML). Values are plain data (no toJSON, no cycles);
 * nesting is as deep as the report structures, which are built by us.
 */
export function writeJson(out: ChunkWriter, value: unknown, post: (s: string) => string = (s) => s, indent = ''): void {
  if (typeof value === 'object' && value !== null && jsonSizeBelow(value, SLICE_SIZE)) {
    // Small enough to encode at once (JSON strings hold no raw line breaks, so re-indenting is safe).
    const json = JSON.stringify(value, null, 2);
    out.write(post(indent ? json.replace(/\n/g, `\n${indent}`) : json));
    return;
  }
  if (value === null || typeof value === 'number' || typeof value === 'boolean') {
    out.write(JSON.stringify(value) ?? 'null');
  } else if (typeof value === 'string') {
    if (value.length <= SLICE_SIZE) {
      out.write(post(JSON.stringify(value)));
    } else {
      out.write('"');
      for (const piece of slices(value)) out.write(post(JSON.stringify(piece).slice(1, -1)));
      out.write('"');
    }
  } else if (Array.isArray(value)) {
    if (!value.length) {
      out.write('[]');
      return;
    }
    const inner = indent + '  ';
    out.write('[');
    value.forEach((item, i) => {
      out.write(`${i ? ',' : ''}\n${inner}`);
      writeJson(out, item === undefined || typeof item === 'function' ? null : item, post, inner);
    });
    out.write(`\n${indent}]`);
  } else if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined && typeof v !== 'function');
    if (!entries.length) {
      out.write('{}');
      return;
    }
    const inner = indent + '  ';
    out.write('{');
    entries.forEach(([k, v], i) => {
      out.write(`${i ? ',' : ''}\n${inner}${post(JSON.stringify(k))}: `);
      writeJson(out, v, post, inner);
    });
    out.write(`\n${indent}}`);
  } else {
    out.write('null');
  }
}

/** Whether the strings and keys in `value` add up to fewer than `limit` code units (a cheap bound, stops early). */
function jsonSizeBelow(value: unknown, limit: number): boolean {
  let left = limit;
  const visit = (v: unknown): boolean => {
    if (typeof v === 'string') left -= v.length + 2;
    else if (Array.isArray(v)) {
      left -= v.length;
      for (const x of v) if (!visit(x)) return false;
    } else if (typeof v === 'object' && v !== null) {
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        left -= k.length + 4;
        if (!visit(x)) return false;
      }
    } else left -= 8;
    return left > 0;
  };
  return visit(value);
}

/** 1-based line and column (UTF-16 code units) of offsets in one text; \r\n, \n and \r end lines. */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    const re = /\r\n?|\n/g;
    for (let m = re.exec(text); m; m = re.exec(text)) this.starts.push(m.index + m[0].length);
  }

  at(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo] + 1 };
  }
}
