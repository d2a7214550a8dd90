// Temporary files of the web store's writes (`.<name>.web.<created>-<unique>.tmp` beside the file, `created` the
// writer's clock in base 36): one left behind when the worker died between writing it and the rename is removed by
// a later update of the same file once it is old enough that no write in progress can still own it. Its age comes
// from its name (our clock) and, where the file system reports one, its modification time; a file named only like
// ours (no creation time we could have written) is never touched. Pure: the folder operations are passed in.

/** A temporary file older than this belongs to no write in progress (a write takes seconds at most). */
export const ABANDONED_WEB_TEMP_MS = 60 * 60 * 1000;

/** Creation times before this are not ours (the format is from 2026): such a name is someone else's file. */
const EARLIEST = Date.UTC(2026, 0, 1);

export function webTempName(name: string, created: number, unique: string): string {
  return `.${name}.web.${created.toString(36)}-${unique}.tmp`;
}

/** When our temporary file `entry` for the file named `name` was created, or undefined when it is not one of ours. */
export function webTempCreated(name: string, entry: string, now = Date.now()): number | undefined {
  const prefix = `.${name}.web.`;
  if (!entry.startsWith(prefix) || !entry.endsWith('.tmp')) return undefined;
  const m = /^([0-9a-z]{1,11})-[0-9a-z]+$/.exec(entry.slice(prefix.length, -'.tmp'.length));
  const created = m ? parseInt(m[1], 36) : NaN;
  return created >= EARLIEST && created <= now + ABANDONED_WEB_TEMP_MS ? created : undefined;
}

export interface TempFolder {
  /** Names of the regular files in the folder. */
  list(): Promise<string[]>;
  /** Modification time (ms since the epoch), undefined when gone; 0 or less when the file system does not know. */
  mtime(entry: string): Promise<number | undefined>;
  remove(entry: string): Promise<void>;
}

/** Removes our temporary files for `name` older than ABANDONED_WEB_TEMP_MS; returns their names. Never throws. */
export async function removeAbandonedWebTemps(name: string, folder: TempFolder, now = Date.now()): Promise<string[]> {
  const removed: string[] = [];
  const entries = await folder.list().catch(() => [] as string[]);
  for (const entry of entries) {
    const created = webTempCreated(name, entry, now);
    if (created === undefined || now - created < ABANDONED_WEB_TEMP_MS) continue;
    // The file system's time too, where it has one: a name is only what the writer's clock said.
    const mtime = await folder.mtime(entry).catch(() => undefined);
    if (mtime === undefined || (mtime > 0 && now - mtime < ABANDONED_WEB_TEMP_MS)) continue;
    await folder.remove(entry).then(() => removed.push(entry), () => undefined);
  }
  return removed;
}
