// Every annotator's tags of a document, as the editor sees them: the shared sidecar through the store (so
// unsaved tag changes count) and blind copies `<document>.tags.<author>.json` read from beside its sidecar.
import * as vscode from 'vscode';
import { applyAnchorResults, reanchor } from '../core/anchor';
import { Tag } from '../core/model';
import { parseSidecar, textHash } from '../core/sidecar/format';
import { documentPathFor, isSidecarPath } from '../core/sidecar/paths';
import { AnnotatedDocument } from '../core/team/agreement';
import { annotatorsOf, parseBlindCopyPath } from '../core/team/annotators';
import { TagStore } from '../store/tagStore';

/** An unreadable annotator file: shown to the user with its position; nothing is written. */
export class AnnotatorFileError extends Error {}

export interface BlindCopy {
  author: string;
  uri: vscode.Uri;
  tags: Tag[];
}

/** The blind copies beside `sidecar`, read and placed against `text`. */
export async function readBlindCopies(sidecar: vscode.Uri, text: string): Promise<BlindCopy[]> {
  const dir = vscode.Uri.joinPath(sidecar, '..');
  let entries: [string, vscode.FileType][] = [];
  try {
    entries = await vscode.workspace.fs.readDirectory(dir);
  } catch {
    return [];
  }
  const out: BlindCopy[] = [];
  for (const [name, type] of entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (type !== vscode.FileType.File) continue;
    const uri = vscode.Uri.joinPath(dir, name);
    const blind = parseBlindCopyPath(uri.path);
    if (!blind || blind.sharedSidecarPath !== sidecar.path) continue;
    out.push({ author: blind.author, uri, tags: await readTags(uri, text) });
  }
  return out;
}

/** Tags of a sidecar-format file, placed against `text` by their quotes when the text changed. */
export async function readTags(uri: vscode.Uri, text: string | undefined): Promise<Tag[]> {
  const raw = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  const read = parseSidecar(raw);
  if (!read.ok) {
    const at = read.error.line ? `:${read.error.line}:${read.error.column}` : '';
    throw new AnnotatorFileError(`${vscode.workspace.asRelativePath(uri, false)}${at}: ${read.error.message}`);
  }
  if (text !== undefined && read.sidecar.textHash !== textHash(text)) applyAnchorResults(text, read.sidecar.tags, reanchor(text, read.sidecar.tags));
  return read.sidecar.tags;
}

/**
 * One open or openable document with every annotator's tags. While annotating blind the store holds the current
 * author's blind copy: then the shared sidecar is read from disk and the store's live tags stand for that copy.
 */
export async function annotatedDocument(store: TagStore, document: vscode.TextDocument): Promise<{ annotated: AnnotatedDocument; blind: BlindCopy[]; shared: readonly Tag[]; sharedUri?: vscode.Uri }> {
  const doc = await store.open(document);
  if (doc.state === 'broken') throw new AnnotatorFileError(`${vscode.workspace.asRelativePath(document.uri, false)}: ${doc.error?.message ?? 'the sidecar cannot be read'}`);
  const text = document.getText();
  const live = doc.sidecarUri ? parseBlindCopyPath(doc.sidecarUri.path) : undefined;
  const sharedUri = live ? doc.sidecarUri!.with({ path: live.sharedSidecarPath }) : doc.sidecarUri;
  let blind = sharedUri ? await readBlindCopies(sharedUri, text) : [];
  let shared: readonly Tag[] = doc.tags;
  if (live && sharedUri) {
    shared = (await exists(sharedUri)) ? await readTags(sharedUri, text) : [];
    blind = [...blind.filter((b) => b.uri.toString() !== doc.sidecarUri!.toString()), { author: live.author, uri: doc.sidecarUri!, tags: doc.tags }]
      .sort((a, b) => (a.author < b.author ? -1 : a.author > b.author ? 1 : 0));
  }
  return {
    annotated: { name: vscode.workspace.asRelativePath(document.uri, false), text, annotators: annotatorsOf(shared, blind) },
    blind,
    shared,
    sharedUri,
  };
}

function exists(uri: vscode.Uri): Thenable<boolean> {
  return vscode.workspace.fs.stat(uri).then(() => true, () => false);
}

/** Every document of the workspace with a shared sidecar or a blind copy; unreadable ones listed in `errors`. */
export async function annotatedWorkspace(store: TagStore): Promise<{ docs: AnnotatedDocument[]; errors: string[] }> {
  const files = await vscode.workspace.findFiles('**/*.tags*.json', '**/node_modules/**');
  const documents = new Map<string, vscode.Uri>();
  for (const f of files) {
    const shared = isSidecarPath(f.path) ? f.path : parseBlindCopyPath(f.path)?.sharedSidecarPath;
    if (!shared) continue;
    const root = vscode.workspace.getWorkspaceFolder(f)?.uri.path;
    const docPath = documentPathFor(shared, root);
    if (docPath) documents.set(docPath, f.with({ path: docPath }));
  }
  const out: AnnotatedDocument[] = [];
  const errors: string[] = [];
  for (const uri of [...documents.values()].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    let document: vscode.TextDocument;
    try {
      document = await vscode.workspace.openTextDocument(uri);
    } catch {
      continue; // detached sidecar or binary file: nothing to compare against
    }
    try {
      out.push((await annotatedDocument(store, document)).annotated);
    } catch (e) {
      if (!(e instanceof AnnotatorFileError)) throw e;
      errors.push(e.message);
    }
  }
  return { docs: out, errors };
}
