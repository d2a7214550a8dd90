// Temporary files of the web store's writes (`.<name>.web.<unique>.tmp` beside the file): one left behind when the
// worker died between writing it and the rename is removed by a later update of the same file once it is old
// enough that no write in progress can still own it. Pure: the folder operations are passed in.

/** A temporary file older than this belongs to no write in progress (a write takes seconds at most). */
export const ABANDONED_WEB_TEMP_MS = 60 * 60 * 1000;

export function webTempName(name: string, unique: string): string {
  return `.${name}.web.${unique}.tmp`;
}

/** Whether `entry` is one of our temporary files for the file named `name`. */
export function isWebTempOf(name: string, entry: string): boolean {
  const prefix = `.${name}.web.`;
  return entry.startsWith(prefix) && entry.endsWith('.tmp') && /^[0-9a-z]+$/.test(entry.slice(prefix.length, -'.tmp'.length));
}

export interface TempFolder {
  /** Names of the regular files in the folder. */
  list(): Promise<string[]>;
  /** Modification time (ms since the epoch), undefined when gone. */
  mtime(entry: string): Promise<number | undefined>;
  remove(entry: string): Promise<void>;
}

/** Removes our temporary files for `name` older than ABANDONED_WEB_TEMP_MS; returns their names. Never throws. */
export async function removeAbandonedWebTemps(name: string, folder: TempFolder, now = Date.now()): Promise<string[]> {
  const removed: string[] = [];
  const entries = await folder.list().catch(() => [] as string[]);
  for (const entry of entries) {
    if (!isWebTempOf(name, entry)) continue;
    const mtime = await folder.mtime(entry).catch(() => undefined);
    if (mtime === undefined || now - mtime < ABANDONED_WEB_TEMP_MS) continue;
    await folder.remove(entry).then(() => removed.push(entry), () => undefined);
  }
  return removed;
}
