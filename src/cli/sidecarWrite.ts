// Saving a sidecar from the CLI without losing anyone's tags: the whole read-change-write runs under the
// sidecar's cross-process lock, and just before the rename the file is read again; if a writer that does not
// take the lock changed it meanwhile, our changes are merged into theirs by tag id (the editor's 3-way merge).
import * as path from 'node:path';
import { applyAnchorResults, reanchor } from '../core/anchor';
import { mergeTags } from '../core/merge';
import { SidecarFile, Tag } from '../core/model';
import { parseSidecar, serializeSidecar, textHash } from '../core/sidecar/format';
import { updateFileAtomic } from '../util/atomicWrite';
import { ConcurrentChangeError } from '../util/optimisticUpdate';
import { withFileLock } from '../util/fileLock';

export { withFileLock as withSidecarLock };

export class SidecarChangedError extends Error {}

/** Another program kept changing the sidecar while this command wrote it: nothing was written. */
function keptChanging(file: string): SidecarChangedError {
  return new SidecarChangedError(`${file} kept changing while this command wrote it (another program writes it without the lock); nothing was written: run the command again.`);
}

/**
 * Why writing `file` failed, in words. A sidecar is never written in place: the lock, the temporary file and the
 * rename all need its folder writable, so a permission error names that folder (from the path that failed: the
 * folder of a symlinked sidecar's real file), not the sidecar.
 */
export function writeFailure(file: string, e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const code = err?.code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    if (err.syscall === 'mkdir') return `cannot write ${file}: the folder ${err.path ?? path.dirname(file)} cannot be created (${code})`;
    const folder = path.dirname(err.path ?? file);
    return `cannot write ${file}: the folder ${folder} is not writable (${code === 'EROFS' ? 'a read-only file system' : code})`;
  }
  return `cannot write ${file}: ${code ?? (e as Error)?.message ?? String(e)}`;
}

/**
 * Writes `ours`, made from the sidecar text `baseRaw` (undefined for a new sidecar) whose tags were `baseTags`.
 * `text` is the document's current text, for re-anchoring tags that come from a concurrent writer.
 * Call it inside withSidecarLock(file, ...). Returns the number of tags taken from a concurrent change.
 */
export async function commitSidecar(file: string, baseRaw: string | undefined, baseTags: readonly Tag[], ours: SidecarFile, text: string): Promise<number> {
  let merged = 0;
  await updateFileAtomic(file, (current) => {
    merged = 0;
    if (current === baseRaw || current === undefined) return serializeSidecar(ours);
    const theirs = parseSidecar(current, ours.document);
    if (!theirs.ok || theirs.readOnly) {
      throw new SidecarChangedError(`${file} was changed by another program while this command ran, and can no longer be read or written here (${theirs.ok ? 'newer version' : theirs.error.message}); it is left as it is.`);
    }
    const result = mergeTags(baseTags, ours.tags, theirs.sidecar.tags);
    const fromTheirs = result.tags.filter((t) => result.fromTheirs.has(t.id));
    // Their offsets refer to the text they saw; place them in ours unless it is the same text.
    if (fromTheirs.length && theirs.sidecar.textHash !== textHash(text)) applyAnchorResults(text, fromTheirs, reanchor(text, fromTheirs));
    merged = fromTheirs.length;
    return serializeSidecar({ ...theirs.sidecar, document: ours.document, textHash: ours.textHash, tags: result.tags });
  }).catch((e: unknown) => {
    throw e instanceof ConcurrentChangeError ? keptChanging(file) : e;
  });
  return merged;
}
