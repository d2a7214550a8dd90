// File access for sidecars: atomic writes on disk (temporary file + rename, so a failure mid-write
// leaves the previous sidecar intact), workspace.fs for virtual file systems.
import { constants as fsConstants } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { writeFileAtomic } from '../util/atomicWrite';
import { withFileLock } from '../util/fileLock';
import { SidecarLocation, sidecarPathFor } from '../core/sidecar/paths';

export function sidecarUriFor(document: vscode.Uri, location: SidecarLocation): vscode.Uri {
  const folder = vscode.workspace.getWorkspaceFolder(document);
  const root = folder && folder.uri.scheme === document.scheme ? folder.uri.path : undefined;
  return document.with({ path: sidecarPathFor(document.path, location, root) });
}

/** The sidecar's text, or undefined when there is none. Other read errors propagate. */
export async function readSidecar(uri: vscode.Uri): Promise<string | undefined> {
  try {
    if (uri.scheme === 'file') return await fs.readFile(uri.fsPath, 'utf8');
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
}

export async function writeSidecarAtomic(uri: vscode.Uri, content: string): Promise<void> {
  if (uri.scheme !== 'file') {
    // Virtual file systems: the same temporary-file-then-rename dance through VS Code's file system API.
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
    const tmp = uri.with({ path: `${uri.path}.${Date.now().toString(36)}.tmp` });
    await vscode.workspace.fs.writeFile(tmp, new TextEncoder().encode(content));
    try {
      await vscode.workspace.fs.rename(tmp, uri, { overwrite: true });
    } catch (e) {
      await vscode.workspace.fs.delete(tmp).then(undefined, () => undefined);
      throw e;
    }
    return;
  }
  await writeFileAtomic(uri.fsPath, content);
}

/**
 * Runs `fn` holding the sidecar's cross-process lock (the same lock file the CLI takes), so the editor and a
 * script never interleave their read-merge-write of one sidecar. Re-read the file and merge inside `fn`, just
 * before writing. Virtual file systems have no such lock: `fn` just runs.
 * Throws LockTimeoutError (its message names the holder) when another process keeps the lock too long.
 */
export function withSidecarLock<T>(uri: vscode.Uri, fn: () => Promise<T>): Promise<T> {
  if (uri.scheme !== 'file') return fn();
  return withFileLock(uri.fsPath, fn);
}

/** Moves a sidecar (or a mirrored folder of sidecars); never replaces one already at the target. */
export async function moveSidecar(from: vscode.Uri, to: vscode.Uri): Promise<boolean> {
  const exists = (u: vscode.Uri) => vscode.workspace.fs.stat(u).then(() => true, () => false);
  if (!(await exists(from)) || (await exists(to))) return false;
  if (from.scheme === 'file' && to.scheme === 'file') {
    await fs.mkdir(path.dirname(to.fsPath), { recursive: true });
    await fs.rename(from.fsPath, to.fsPath);
  } else {
    await vscode.workspace.fs.rename(from, to, { overwrite: false });
  }
  return true;
}

/** Why a sidecar on disk must not be replaced (read-only file), or undefined when it may be written. */
export async function unwritable(uri: vscode.Uri): Promise<string | undefined> {
  if (uri.scheme !== 'file') return undefined;
  try {
    await fs.access(uri.fsPath, fsConstants.W_OK);
    return undefined;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : 'is read-only';
  }
}

function isNotFound(e: unknown): boolean {
  const err = e as { code?: string; name?: string };
  return err?.code === 'ENOENT' || err?.code === 'FileNotFound' || (e instanceof vscode.FileSystemError && err.code === 'FileNotFound');
}
