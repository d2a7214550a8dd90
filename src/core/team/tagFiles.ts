// Which files hold documents' tags in the current mode, seen from the file side (the Tags view lists the
// workspace by its files): the shared sidecars `<doc>.tags.json`, or, while annotating blind, only the current
// author's blind copies `<doc>.tags.<author>.json`. The inverse of blindCopyPath, so both sides agree on names.
import { SIDECAR_SUFFIX } from '../model';
import { authorFileName } from './annotators';
import { isSidecarPath } from '../sidecar/paths';

/** The author whose blind copies hold the tags, or undefined for the shared sidecars. */
export type TagFileMode = { blindAuthor?: string };

/** The glob of the files holding tags in this mode (an author's file name has no glob characters). */
export function tagFileGlob(mode: TagFileMode): string {
  return mode.blindAuthor === undefined ? `**/*${SIDECAR_SUFFIX}` : `**/*.tags.${authorFileName(mode.blindAuthor)}.json`;
}

/**
 * For a file found in the workspace: the shared sidecar path it stands for (whose document it holds the tags of)
 * when it holds tags in this mode, else undefined (a blind copy in shared mode, another author's copy, a shared
 * sidecar while blind).
 */
export function sharedPathOfTagFile(path: string, mode: TagFileMode): string | undefined {
  if (mode.blindAuthor === undefined) return isSidecarPath(path) ? path : undefined;
  const suffix = `.tags.${authorFileName(mode.blindAuthor)}.json`;
  if (!path.endsWith(suffix)) return undefined;
  const shared = path.slice(0, -suffix.length) + SIDECAR_SUFFIX;
  return isSidecarPath(shared) ? shared : undefined;
}
