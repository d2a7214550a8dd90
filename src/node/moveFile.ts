// Moving a sidecar on disk without ever replacing what is at the target, and without ever leaving it under both
// names. rename() would replace a file that appeared at the target meanwhile, so files move by link() + unlink()
// (link fails with EEXIST); file systems without hard links fall back to a checked rename().
import * as nodeFs from 'node:fs/promises';
import type { Stats } from 'node:fs';
import * as path from 'node:path';

/** The node:fs calls a move makes; tests pass failing ones. */
export type MoveOps = Pick<typeof nodeFs, 'lstat' | 'mkdir' | 'rmdir' | 'link' | 'symlink' | 'readlink' | 'unlink' | 'rename'>;

/** link() errors of file systems without hard links (FAT, some network shares, cross-device): rename instead. */
const LINK_UNSUPPORTED = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK', 'EACCES']);

/**
 * Moves `from` to `to`. False (nothing moved) when `from` is missing or anything is at `to`, a dangling symbolic
 * link included; an error when the move itself fails, with the file left under its old name only (so is a
 * symbolic link with a relative target on a file system that refuses new links, unless its target reads the
 * same from the new folder). Folders made for the target are removed again when nothing moved.
 */
export async function moveNoReplace(from: string, to: string, fs: MoveOps = nodeFs): Promise<boolean> {
  const entry = (p: string) => fs.lstat(p).catch(() => undefined);
  const source = await entry(from);
  if (!source || (await entry(to))) return false;
  const made = await fs.mkdir(path.dirname(to), { recursive: true });
  try {
    if (await moveInto(from, to, source, fs, entry)) return true;
  } catch (e) {
    await unmake(made, path.dirname(to), fs);
    throw e;
  }
  await unmake(made, path.dirname(to), fs);
  return false;
}

/** The move itself, once the target's folder exists; false when nothing moved. */
async function moveInto(from: string, to: string, source: Stats, fs: MoveOps, entry: (p: string) => Promise<Stats | undefined>): Promise<boolean> {
  if (!source.isDirectory()) {
    let linked = false;
    // A symbolic link is moved as a link (link() of one may follow it on some systems), still pointing at the
    // same file: a relative target is re-based on the new folder.
    const target = source.isSymbolicLink() ? await fs.readlink(from) : undefined;
    try {
      if (target !== undefined) await fs.symlink(rebased(target, from, to), to);
      else await fs.link(from, to);
      linked = true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
      if (!LINK_UNSUPPORTED.has((e as NodeJS.ErrnoException).code ?? '')) throw e;
    }
    if (linked) {
      try {
        await fs.unlink(from);
      } catch (e) {
        // Never leave the sidecar in both places: take the new name back, report why.
        await fs.unlink(to).catch(() => undefined);
        throw e;
      }
      return true;
    }
    if (await entry(to)) return false;
    // symlink() refused: rename keeps the link's text, which is right only when it reaches the same file from
    // the new folder. Otherwise no link can be re-based here (that takes symlink()): move nothing, say why.
    if (target !== undefined && path.resolve(path.dirname(to), target) !== path.resolve(path.dirname(from), target)) {
      throw new Error(`${from} is a symbolic link to ${target}, which would point elsewhere from ${path.dirname(to)}, and this file system refuses new symbolic links: it was left where it is`);
    }
  }
  await fs.rename(from, to);
  return true;
}

/**
 * Removes the folders mkdir made (`made`: the outermost, as mkdir returns it), innermost first; a folder something
 * else was put in meanwhile stays (rmdir refuses it).
 */
async function unmake(made: string | undefined, folder: string, fs: MoveOps): Promise<void> {
  if (made === undefined) return;
  for (let dir = folder; ; dir = path.dirname(dir)) {
    if (!(await fs.rmdir(dir).then(() => true, () => false)) || dir === made || path.dirname(dir) === dir) return;
  }
}

/** A link's target as seen from `to`'s folder, for a link that was at `from`. */
function rebased(target: string, from: string, to: string): string {
  if (path.isAbsolute(target)) return target;
  return path.relative(path.dirname(to), path.resolve(path.dirname(from), target)) || '.';
}
