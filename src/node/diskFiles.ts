// Sidecar file access on the desktop: files on disk (`file:`) are read with node:fs, written atomically
// (util/atomicWrite: temporary file + rename, mode kept, symlinks followed) and updated under the same
// cross-process lock file the CLI takes, with a re-read before the rename; other schemes go through workspace.fs
// (store/workspaceFiles.ts).
import { constants as fsConstants } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Produce, SidecarFiles, isNotFound } from '../store/sidecarIO';
import { WorkspaceFiles } from '../store/workspaceFiles';
import { updateFileAtomic, writeFileAtomic } from '../util/atomicWrite';
import { withFileLock } from '../util/fileLock';

/** link() errors of file systems without hard links (FAT, some network shares, cross-device): rename instead. */
const LINK_UNSUPPORTED = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK', 'EACCES']);

export class DiskFiles implements SidecarFiles {
  private readonly virtual = new WorkspaceFiles();

  async read(uri: vscode.Uri): Promise<string | undefined> {
    if (uri.scheme !== 'file') return this.virtual.read(uri);
    try {
      return await fs.readFile(uri.fsPath, 'utf8');
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  async write(uri: vscode.Uri, content: string): Promise<void> {
    if (uri.scheme !== 'file') return this.virtual.write(uri, content);
    await writeFileAtomic(uri.fsPath, content);
  }

  /**
   * Under the lock, so the editor and a CLI run never interleave their read-merge-write of one file; and re-read
   * just before the rename, so a program that takes no lock (git pull, another tool) is merged, not overwritten.
   */
  update(uri: vscode.Uri, produce: Produce): Promise<boolean> {
    if (uri.scheme !== 'file') return this.virtual.update(uri, produce);
    return withFileLock(uri.fsPath, () => updateFileAtomic(uri.fsPath, produce));
  }

  async move(from: vscode.Uri, to: vscode.Uri): Promise<boolean> {
    if (from.scheme !== 'file' || to.scheme !== 'file') return this.virtual.move(from, to);
    // lstat: a symbolic link at the target (even a dangling one) is something there, never replaced.
    const entry = (u: vscode.Uri) => fs.lstat(u.fsPath).catch(() => undefined);
    const source = await entry(from);
    if (!source || (await entry(to))) return false;
    await fs.mkdir(path.dirname(to.fsPath), { recursive: true });
    if (!source.isDirectory()) {
      // link() fails with EEXIST rather than replace what appeared at the target meanwhile; rename() would replace it.
      // A symbolic link is moved as a link (link() of one may follow it on some systems).
      let linked = false;
      try {
        if (source.isSymbolicLink()) await fs.symlink(await fs.readlink(from.fsPath), to.fsPath);
        else await fs.link(from.fsPath, to.fsPath);
        linked = true;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
        if (!LINK_UNSUPPORTED.has((e as NodeJS.ErrnoException).code ?? '')) throw e;
      }
      if (linked) {
        try {
          await fs.unlink(from.fsPath);
        } catch (e) {
          // Never leave the sidecar in both places: take the new name back, report why.
          await fs.unlink(to.fsPath).catch(() => undefined);
          throw e;
        }
        return true;
      }
      if (await entry(to)) return false;
    }
    await fs.rename(from.fsPath, to.fsPath);
    return true;
  }

  async unwritable(uri: vscode.Uri): Promise<string | undefined> {
    if (uri.scheme !== 'file') return this.virtual.unwritable(uri);
    try {
      await fs.access(uri.fsPath, fsConstants.W_OK);
      return undefined;
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : 'is read-only';
    }
  }
}
