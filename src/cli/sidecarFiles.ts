// Sidecars on the local file system, for the CLI: find one document's, read and validate, write atomically
// (sidecarCollector expands files and folders named on the command line).
// Only regular files are read (a FIFO would block forever).
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { SIDECAR_SUFFIX, SidecarFile } from '../core/model';
import { SidecarReadResult, parseSidecar } from '../core/sidecar/format';
import { SIDECAR_FOLDER, claimTagsFolders, documentPathFor } from '../core/sidecar/paths';
import { readOnlyReason, writeFileAtomic } from '../util/atomicWrite';
import { readRegularFile } from '../util/regularFile';

export { writeFileAtomic };

/**
 * The sidecar of `document`: beside it, or in a trusted `.claim-tags/` folder (see claimTagsFolder) mirroring its
 * path. `cwd` bounds the search outside a repository (see searchFolders).
 */
export async function findSidecar(document: string, cwd: string): Promise<string | undefined> {
  const abs = path.resolve(document);
  const beside = abs + SIDECAR_SUFFIX;
  if (await exists(beside)) return beside;
  for (const dir of await searchFolders(abs, cwd)) {
    const folder = await claimTagsFolder(dir);
    const candidate = folder && path.join(folder, path.relative(dir, abs) + SIDECAR_SUFFIX);
    if (candidate && (await exists(candidate))) return candidate;
  }
  return undefined;
}

/** Where a new sidecar for `document` goes: under the nearest trusted `.claim-tags/`, else beside it. */
export async function newSidecarPath(document: string, cwd: string): Promise<string> {
  const abs = path.resolve(document);
  for (const dir of await searchFolders(abs, cwd)) {
    const folder = await claimTagsFolder(dir);
    if (folder) return path.join(folder, path.relative(dir, abs) + SIDECAR_SUFFIX);
  }
  return abs + SIDECAR_SUFFIX;
}

/**
 * Folders to look in for `.claim-tags/`, nearest first, bounded like the editor's workspace folder: up to the
 * repository root (the nearest folder holding `.git`), else up to the working directory when the document lies
 * inside it, else the document's own folder only.
 */
async function searchFolders(abs: string, cwd: string): Promise<string[]> {
  let boundary: string | undefined;
  for (let dir = path.dirname(abs); ; dir = path.dirname(dir)) {
    if (await exists(path.join(dir, '.git'))) {
      boundary = dir;
      break;
    }
    if (path.dirname(dir) === dir) break;
  }
  boundary ??= cwd;
  return claimTagsFolders(toPosix(abs), toPosix(boundary)).map(fromPosix);
}

/** `dir/.claim-tags` when it is a real folder (not a link) owned by this user; a folder planted by someone else is ignored. */
async function claimTagsFolder(dir: string): Promise<string | undefined> {
  const folder = path.join(dir, SIDECAR_FOLDER);
  const st = await fs.lstat(folder).catch(() => undefined);
  if (!st?.isDirectory()) return undefined;
  const uid = process.getuid?.();
  if (uid !== undefined && st.uid !== uid) return undefined;
  return folder;
}

const toPosix = (p: string) => p.split(path.sep).join('/');
const fromPosix = (p: string) => p.split('/').join(path.sep) || path.sep;

/** Why `sidecar` must not be replaced (a read-only file, as the editor sees it), or undefined. */
export const sidecarReadOnly = readOnlyReason;

/** The document a sidecar belongs to (handles `.claim-tags/` mirrors). */
export function documentOf(sidecar: string): string | undefined {
  const abs = path.resolve(sidecar).split(path.sep).join('/');
  const i = abs.lastIndexOf(`/${SIDECAR_FOLDER}/`);
  const doc = documentPathFor(abs, i >= 0 ? abs.slice(0, i) : undefined);
  return doc?.split('/').join(path.sep);
}

export async function readSidecarFile(sidecar: string, documentName?: string): Promise<SidecarReadResult & { raw: string }> {
  const raw = await readRegularFile(sidecar);
  return { ...parseSidecar(raw, documentName), raw };
}

export async function exists(p: string): Promise<boolean> {
  return fs.access(p).then(() => true, () => false);
}

export type { SidecarFile };
