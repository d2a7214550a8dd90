// Sidecar file access through vscode.workspace.fs only: the web build's (github.dev, vscode.dev) and the
// desktop's for virtual file systems. A write is a temporary file beside the target, then a rename. There are
// no lock files: updates of one file run one at a time in this window, and each re-reads the file just before its
// rename and compares it with what it read first, so another writer's change is merged (optimisticUpdate.ts).
import * as vscode from 'vscode';
import { KeyedQueue, updateOptimistically } from '../util/optimisticUpdate';
import { Produce, SidecarFiles, isNotFound } from './sidecarIO';
import { removeAbandonedWebTemps, webTempName } from './webTemps';

export class WorkspaceFiles implements SidecarFiles {
  private readonly queue = new KeyedQueue();

  async read(uri: vscode.Uri): Promise<string | undefined> {
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  async write(uri: vscode.Uri, content: string): Promise<void> {
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
    const temp = await writeTemp(uri, content);
    try {
      await vscode.workspace.fs.rename(temp, uri, { overwrite: true });
    } catch (e) {
      await discard(temp);
      throw e;
    }
  }

  update(uri: vscode.Uri, produce: Produce): Promise<boolean> {
    return this.queue.run(uri.toString(), async () => {
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
      await removeAbandonedTemps(uri);
      return updateOptimistically(displayName(uri), {
        read: () => this.read(uri),
        writeTemp: (content) => writeTemp(uri, content),
        replace: (temp) => Promise.resolve(vscode.workspace.fs.rename(temp, uri, { overwrite: true })),
        discard,
      }, produce);
    });
  }

  async move(from: vscode.Uri, to: vscode.Uri): Promise<boolean> {
    if (!(await exists(from)) || (await exists(to))) return false;
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(to, '..'));
    await vscode.workspace.fs.rename(from, to, { overwrite: false });
    return true;
  }

  async unwritable(uri: vscode.Uri): Promise<string | undefined> {
    if (vscode.workspace.fs.isWritableFileSystem(uri.scheme) === false) return 'is on a read-only file system';
    try {
      const st = await vscode.workspace.fs.stat(uri);
      return st.permissions !== undefined && (st.permissions & vscode.FilePermission.Readonly) !== 0 ? 'is read-only' : undefined;
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }
}

let sequence = 0;

async function writeTemp(uri: vscode.Uri, content: string): Promise<vscode.Uri> {
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  const unique = `${(sequence++).toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const temp = vscode.Uri.joinPath(uri, '..', webTempName(name, Date.now(), unique));
  await vscode.workspace.fs.writeFile(temp, new TextEncoder().encode(content));
  return temp;
}

/** Temporary files of this file left by a worker that died before its rename (webTemps.ts). */
async function removeAbandonedTemps(uri: vscode.Uri): Promise<void> {
  const folder = vscode.Uri.joinPath(uri, '..');
  await removeAbandonedWebTemps(uri.path.slice(uri.path.lastIndexOf('/') + 1), {
    list: async () => (await vscode.workspace.fs.readDirectory(folder)).filter(([, type]) => type === vscode.FileType.File).map(([n]) => n),
    mtime: async (entry) => (await vscode.workspace.fs.stat(vscode.Uri.joinPath(folder, entry))).mtime,
    remove: async (entry) => vscode.workspace.fs.delete(vscode.Uri.joinPath(folder, entry)),
  });
}

async function discard(temp: vscode.Uri): Promise<void> {
  await Promise.resolve(vscode.workspace.fs.delete(temp)).catch(() => undefined);
}

function exists(uri: vscode.Uri): Promise<boolean> {
  return Promise.resolve(vscode.workspace.fs.stat(uri)).then(() => true, () => false);
}

function displayName(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? uri.fsPath : vscode.workspace.asRelativePath(uri, false);
}
