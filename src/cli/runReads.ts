// Reading each file once per run when two passes need it: the HTML report's documents, then its agreement
// section over the same sidecars and documents. The first pass keeps what it read; the second takes it over
// (and the copy is dropped then), so nothing is read twice and nothing is held longer than the run needs.
import * as path from 'node:path';

export class RunReads {
  private readonly kept = new Map<string, Promise<string>>();

  /** `keep`: whether the first pass keeps its texts for a second one (off: both passes simply read). */
  constructor(private readonly read: (file: string) => Promise<string>, private readonly keep: boolean) {}

  /** The first pass's read. */
  readonly first = (file: string): Promise<string> => {
    const text = this.read(file);
    if (this.keep) {
      // The first pass handles a failure; the kept promise must not count as an unhandled rejection meanwhile.
      text.catch(() => undefined);
      this.kept.set(path.resolve(file), text);
    }
    return text;
  };

  /** The second pass's read: what the first pass read (the same text or the same error), else a read. */
  readonly second = (file: string): Promise<string> => {
    const key = path.resolve(file);
    const text = this.kept.get(key);
    if (!text) return this.read(file);
    this.kept.delete(key);
    return text;
  };
}
