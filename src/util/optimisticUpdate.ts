// Read-merge-write without a cross-process lock (virtual file systems have no O_EXCL lock files): the file is
// read, the new content goes to a temporary file, and the file is read again just before the rename; if its
// CONTENT differs from what `produce` was given, another writer changed it meanwhile: the temporary file is
// dropped and the update starts over on the new text. Content, not a stat stamp: `mtime:size` misses a same-size
// write in the same mtime tick, and a provider that reports a fresh mtime on every stat would never save. After a
// few rounds it gives up with an error: nothing was written, and the caller still holds its changes.
// Pure: the file operations are passed in, so plain mocha tests drive it with a simulated concurrent writer.

/** The file operations of one file. */
export interface UpdateIO<Temp> {
  /** The whole text in one read (undefined when the file is absent). */
  read(): Promise<string | undefined>;
  writeTemp(content: string): Promise<Temp>;
  /** Renames the temporary file over the target. */
  replace(temp: Temp): Promise<void>;
  discard(temp: Temp): Promise<void>;
}

export const UPDATE_ATTEMPTS = 5;

export class ConcurrentChangeError extends Error {
  constructor(readonly file: string, readonly attempts: number) {
    super(`${file} kept changing while Claim Tagger was writing it (${attempts} attempts); it was left as the other writer made it`);
    this.name = 'ConcurrentChangeError';
  }
}

/** Resolves to whether anything was written (false when `produce` returned undefined). */
export async function updateOptimistically<Temp>(
  file: string,
  io: UpdateIO<Temp>,
  produce: (current: string | undefined) => string | undefined | Promise<string | undefined>,
  attempts = UPDATE_ATTEMPTS,
): Promise<boolean> {
  for (let i = 0; i < attempts; i++) {
    const current = await io.read();
    const content = await produce(current);
    if (content === undefined) return false;
    const temp = await io.writeTemp(content);
    try {
      // The remaining window: a write landing between this re-read and the rename (no compare-and-swap).
      if ((await io.read()) !== current) {
        await io.discard(temp);
        continue;
      }
      await io.replace(temp);
    } catch (e) {
      await io.discard(temp).catch(() => undefined);
      throw e;
    }
    return true;
  }
  throw new ConcurrentChangeError(file, attempts);
}

/** Runs tasks of one key one after another (and tasks of different keys freely): one update per file at a time. */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task);
    const tail = result.then(() => undefined, () => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}
