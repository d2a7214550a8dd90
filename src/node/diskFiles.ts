// Sidecar file access on the desktop: files on disk (`file:`) are read with node:fs, written atomically
// (util/atomicWrite: temporary file + rename, mode kept, symlinks followed) and updated under the same
// cross-process lock file the CLI takes, with a re-read before the rename; other schemes go through workspace.fs
// (store/workspaceFiles.ts). Moves never replace anything (moveFile.ts).
import * as vscode from 'vscode';
import { Produce, SidecarFiles, isNotFound } from '../store/sidecarIO';
import { WorkspaceFiles } from '../store/workspaceFiles';
import { readOnlyReason, updateFileAtomic, writeFileAtomic } from '../util/atomicWrite';
import { withFileLock } from '../util/fileLock';
import { readRegularFile } from '../util/regularFile';
import { moveNoReplace } from './moveFile';

export class DiskFiles implements SidecarFiles {
  private readonly virtual = new WorkspaceFiles();

  async read(uri: vscode.Uri): Promise<string | undefined> {
    if (uri.scheme !== 'file') return this.virtual.read(uri);
    try {
      // Opened without blocking and checked to be a regular file: a FIFO sidecar would otherwise pin a thread of
      // the extension host's file I/O pool forever. Its NotRegularFileError names the file and what it is.
      return await readRegularFile(uri.fsPath);
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
    return moveNoReplace(from.fsPath, to.fsPath);
  }

  async unwritable(uri: vscode.Uri): Promise<string | undefined> {
    if (uri.scheme !== 'file') return this.virtual.unwritable(uri);
    return readOnlyReason(uri.fsPath);
  }
}
