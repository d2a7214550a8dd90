// Writing a file so that a failure never leaves it half-written: a temporary file beside it, then a rename.
// The replaced file keeps its mode (and owner, where this process may set it); a symlinked file is written
// through its link; anything but a regular file is refused. Temporary files are named
// `.<name>.<pid>.<time>.tmp`; those left by a killed writer (dead pid, or older than an hour) are removed on
// the next write of the same file. Node only (the CLI, and the editor for `file:` URIs).
import { constants as fsConstants } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { updateOptimistically } from './optimisticUpdate';
import { processAlive } from './processAlive';
import { NotRegularFileError, describeEntry, readRegularFile } from './regularFile';

/** A temporary file of ours older than this is abandoned even if its pid is in use again. */
const ABANDONED_TEMP_MS = 60 * 60 * 1000;
let sequence = 0;

/** Content as one string or a sequence of chunks (a large report is rendered in parts, never joined). */
export type FileContent = string | Iterable<string>;

/** Replaces `file` with `content` at once (temporary file, then rename), without reading it. */
export async function writeFileAtomic(file: string, content: FileContent): Promise<void> {
  const target = await writableTarget(file);
  await fs.mkdir(path.dirname(target), { recursive: true });
  await removeAbandonedTemps(target);
  const tmp = await writeTemp(target, content);
  try {
    await renameReplacing(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
}

/**
 * Read-merge-write of `file` that loses no other writer's change: `produce` gets the current text (undefined when
 * absent; it may run again), the file is read again just before the rename and, if its content changed meanwhile,
 * the round starts over on the new text; after `attempts` rounds a ConcurrentChangeError, nothing written: it
 * never replaces a file that changed under it. Resolves to whether it wrote
 * (false when `produce` returned undefined). Mode, owner and symlinks as in writeFileAtomic.
 */
export async function updateFileAtomic(
  file: string,
  produce: (current: string | undefined) => string | undefined | Promise<string | undefined>,
  attempts?: number,
): Promise<boolean> {
  const target = await writableTarget(file);
  await fs.mkdir(path.dirname(target), { recursive: true });
  await removeAbandonedTemps(target);
  return updateOptimistically(file, {
    read: () => readIfExists(target),
    writeTemp: (content) => writeTemp(target, content),
    replace: (tmp) => renameReplacing(tmp, target),
    discard: (tmp) => fs.rm(tmp, { force: true }),
  }, produce, attempts);
}

/**
 * "is read-only" when `file` must not be replaced, undefined when it may be (or does not exist). The editor and
 * the CLI both ask this before writing a sidecar, so they give the same answer. The mode comes first: root passes
 * every access() check, yet a file without any write bit says "leave me alone".
 */
export async function readOnlyReason(file: string): Promise<string | undefined> {
  const st = await fs.stat(file).catch(() => undefined);
  if (st && (st.mode & 0o222) === 0) return 'is read-only';
  try {
    await fs.access(file, fsConstants.W_OK);
    return undefined;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : 'is read-only';
  }
}

/** The real path to write: the file itself, or what its symlink points to; refuses non-regular files. */
async function writableTarget(file: string): Promise<string> {
  const abs = path.resolve(file);
  const real = await fs.realpath(abs).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return abs;
    throw e;
  });
  const st = await fs.stat(real).catch(() => undefined);
  if (st && !st.isFile()) throw new NotRegularFileError(file, describeEntry(st));
  return real;
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readRegularFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

export function tempNameFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now().toString(36)}${(sequence++).toString(36)}.tmp`);
}

async function writeTemp(target: string, content: FileContent): Promise<string> {
  const previous = await fs.stat(target).catch(() => undefined);
  const tmp = tempNameFor(target);
  // `wx`: never write through something planted at the temporary name.
  const handle = await fs.open(tmp, 'wx', previous ? previous.mode & 0o777 : 0o666);
  try {
    for (const chunk of typeof content === 'string' ? [content] : content) if (chunk) await handle.writeFile(chunk, 'utf8'); // from the current position, in full
    if (previous) {
      // Keep the replaced file's mode exactly (umask applied at creation) and, best effort, its owner.
      await handle.chmod(previous.mode & 0o7777);
      if (process.platform !== 'win32' && (previous.uid !== process.getuid?.() || previous.gid !== process.getgid?.())) {
        await handle.chown(previous.uid, previous.gid).catch(() => undefined);
      }
    }
    await handle.sync();
  } catch (e) {
    await handle.close().catch(() => undefined);
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
  await handle.close();
  return tmp;
}

/** rename() replaces atomically on every platform; Windows refuses briefly while another process has the file open. */
async function renameReplacing(from: string, to: string): Promise<void> {
  for (let wait = 10; ; wait *= 2) {
    try {
      await fs.rename(from, to);
      return;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (process.platform !== 'win32' || !['EPERM', 'EACCES', 'EBUSY'].includes(code ?? '') || wait > 1000) throw e;
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}

/** `.<name>.<pid>.<time>.tmp` beside `file`, written by a process that is gone (or long ago). */
export async function removeAbandonedTemps(file: string): Promise<string[]> {
  const dir = path.dirname(file);
  const prefix = `.${path.basename(file)}.`;
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const m = /^(\d+)\.[0-9a-z]+$/.exec(name.slice(prefix.length, -'.tmp'.length));
    if (!m) continue;
    const p = path.join(dir, name);
    const st = await fs.lstat(p).catch(() => undefined);
    if (!st?.isFile()) continue;
    if (processAlive(Number(m[1])) && Date.now() - st.mtimeMs < ABANDONED_TEMP_MS) continue;
    await fs.rm(p, { force: true }).catch(() => undefined);
    removed.push(p);
  }
  return removed;
}
