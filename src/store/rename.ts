// Sidecars follow their documents when VS Code renames a file or folder, and name the document they now belong to.
import * as vscode from 'vscode';
import { parseSidecar, serializeSidecar } from '../core/sidecar/format';
import { SIDECAR_FOLDER, SidecarLocation, baseName } from '../core/sidecar/paths';
import { blindCopyPath, parseBlindCopyPath } from '../core/team/annotators';
import { DocumentTags } from './documentTags';
import { SidecarFiles, sidecarUriFor } from './sidecarIO';
import { StoreMessages } from './storeEvents';

/** What happened to the sidecar of a renamed document: moved, nothing to move, or the target already has one. */
export type RenameOutcome = { kind: 'moved' | 'none' } | { kind: 'taken'; kept: vscode.Uri };

/** What following a rename needs from the store. */
export interface RenameHost {
  all(): DocumentTags[];
  /** Writes the document's sidecar now if anything is unsaved, positions moved by typing included. */
  writeBeforeDrop(doc: DocumentTags): Promise<void>;
  /** Forgets a document's entry: it is loaded again under its new name. */
  drop(uri: vscode.Uri): void;
  readonly messages: StoreMessages;
  readonly files: SidecarFiles;
}

/** Before files or folders are renamed: writes what is pending for the documents concerned, then moves their sidecars. */
export async function followRenames(files: readonly { oldUri: vscode.Uri; newUri: vscode.Uri }[], location: SidecarLocation, host: RenameHost): Promise<void> {
  for (const { oldUri, newUri } of files) {
    if (oldUri.path.endsWith('.tags.json')) continue;
    // Write what is unsaved for the document (or every document below a folder) before moving anything, moved
    // positions too: the entry is read again from the moved sidecar under the new name.
    const below = (d: DocumentTags) => d.uri.toString() === oldUri.toString() || (d.uri.scheme === oldUri.scheme && d.uri.path.startsWith(oldUri.path + '/'));
    for (const d of host.all().filter(below)) await host.writeBeforeDrop(d);
    try {
      const outcome = await moveSidecarsOnRename(oldUri, newUri, location, host.files);
      if (outcome.kind === 'taken') {
        host.messages('warning', `Claim Tagger: ${baseName(newUri.path)} already has a sidecar; the tags of ${baseName(oldUri.path)} stay in ${baseName(outcome.kept.path)}.`);
      }
    } catch (err) {
      host.messages('error', `Claim Tagger: could not move the sidecar of ${baseName(oldUri.path)}: ${(err as Error).message}`);
    }
    for (const d of host.all().filter(below)) host.drop(d.uri);
  }
}

/**
 * Moves the sidecar of a document (or, under .claim-tags, the mirrored folder of a folder) to its new place; a
 * moved sidecar is made to name its new document. Never replaces a sidecar already at the target.
 */
export async function moveSidecarsOnRename(oldUri: vscode.Uri, newUri: vscode.Uri, location: SidecarLocation, files: SidecarFiles): Promise<RenameOutcome> {
  const isFolder = await vscode.workspace.fs.stat(oldUri).then((st) => (st.type & vscode.FileType.Directory) !== 0, () => false);
  if (isFolder) {
    // Beside the documents, sidecars travel with a renamed folder by themselves (and keep their names); under
    // .claim-tags the mirrored folder has to move too.
    const from = location === 'workspaceFolder' ? mirroredFolder(oldUri) : undefined;
    const to = location === 'workspaceFolder' ? mirroredFolder(newUri) : undefined;
    return { kind: from && to && (await files.move(from, to)) ? 'moved' : 'none' };
  }
  const from = sidecarUriFor(oldUri, location);
  const to = sidecarUriFor(newUri, location);
  await moveBlindCopies(from, to, baseName(newUri.path), files);
  if (await files.move(from, to)) {
    await renameDocumentField(to, baseName(newUri.path), files);
    return { kind: 'moved' };
  }
  const taken = (await files.read(from)) !== undefined && (await files.read(to)) !== undefined;
  return taken ? { kind: 'taken', kept: from } : { kind: 'none' };
}

/**
 * Names the renamed document in its moved sidecar, so that loading it does not warn about another name. A sidecar
 * that cannot be read, or is read-only here (newer version), is left as it is.
 */
async function renameDocumentField(sidecar: vscode.Uri, name: string, files: SidecarFiles): Promise<void> {
  await files.update(sidecar, (raw) => {
    if (raw === undefined) return undefined;
    const parsed = parseSidecar(raw);
    if (!parsed.ok || parsed.readOnly || parsed.sidecar.document === name) return undefined;
    return serializeSidecar({ ...parsed.sidecar, document: name });
  });
}

/** Annotators' blind copies beside a moved sidecar (`<document>.tags.<author>.json`) go with it; none is replaced. */
async function moveBlindCopies(from: vscode.Uri, to: vscode.Uri, name: string, files: SidecarFiles): Promise<void> {
  const entries = await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(from, '..')).then(undefined, () => [] as [string, vscode.FileType][]);
  for (const [entry, type] of entries) {
    const copy = vscode.Uri.joinPath(from, '..', entry);
    const blind = type === vscode.FileType.File ? parseBlindCopyPath(copy.path) : undefined;
    if (!blind || blind.sharedSidecarPath !== from.path) continue;
    const target = to.with({ path: blindCopyPath(to.path, blind.author) });
    if (await files.move(copy, target)) await renameDocumentField(target, name, files);
  }
}

/** The mirror of a folder under .claim-tags/ (sidecar.location = workspaceFolder). */
function mirroredFolder(folder: vscode.Uri): vscode.Uri | undefined {
  const root = vscode.workspace.getWorkspaceFolder(folder);
  if (!root || !folder.path.startsWith(root.uri.path + '/')) return undefined;
  return root.uri.with({ path: `${root.uri.path}/${SIDECAR_FOLDER}${folder.path.slice(root.uri.path.length)}` });
}
