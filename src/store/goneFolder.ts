// A document whose folder was deleted or moved away outside VS Code stays open, with its tags in memory; its
// sidecar is not written, since that would create the folder again holding nothing but the sidecar. Saving the
// document (edited: VS Code writes nothing for a document without changes) puts the folder back, and the tags are
// written with it. Closed before that, the tags cannot be written: the sidecar they make goes to the log.
import * as vscode from 'vscode';
import { baseName } from '../core/sidecar/paths';
import { log } from '../util/log';
import { DocumentTags } from './documentTags';
import { StoreMessages } from './storeEvents';

/** Whether the folder holding `uri` on a file system is gone (untitled documents have none). */
export async function folderGone(uri: vscode.Uri): Promise<boolean> {
  if (uri.scheme === 'untitled') return false;
  const folder = uri.with({ path: uri.path.slice(0, uri.path.lastIndexOf('/')) || '/' });
  try {
    await vscode.workspace.fs.stat(folder);
    return false;
  } catch {
    return true;
  }
}

/**
 * Whether a document's sidecar cannot be written without making a deleted folder again: the document's folder is
 * gone, and so is the sidecar's own (the same folder beside the document; under `.claim-tags/` it may still be there,
 * and then the sidecar is written as usual).
 */
export async function sidecarFolderGone(doc: DocumentTags): Promise<boolean> {
  if (!doc.sidecarUri || !(await folderGone(doc.uri))) return false;
  return folderGone(doc.sidecarUri);
}

/** Whether a document holds tag state worth keeping: tags, dismissed suggestions or conflicts. */
export function hasTagState(doc: DocumentTags): boolean {
  return doc.tags.length > 0 || doc.dismissed.length > 0 || doc.conflicts.length > 0;
}

/** Tells the user (and the log) once that the tags of such a document are kept in memory, not written. */
export function tellFolderGone(messages: StoreMessages, doc: DocumentTags): void {
  const line = `Claim Tagger: the folder of ${baseName(doc.uri.path)} was deleted or moved on disk. Its ${doc.tags.length} tag(s) are kept in memory and not written there (that would create the folder again). To keep them, edit and save the document: saving puts its folder back and the tags are written with it. Closing it without saving leaves them unwritten.`;
  log.warn(line);
  messages('warning', line, doc);
}

/** The sidecar's path as the user knows it: relative to the workspace (blind copies and `.claim-tags/` included). */
function sidecarName(doc: DocumentTags): string {
  return doc.sidecarUri ? vscode.workspace.asRelativePath(doc.sidecarUri, false) : `${baseName(doc.uri.path)}.tags.json`;
}

/**
 * Writes the sidecar that tags never written make (`content`) to the log, at error level so a log level of Error
 * still keeps it (Off keeps nothing: the line says so in the README). Returns the line that points to it.
 */
function logUnwritten(doc: DocumentTags, content: string, when: string): string {
  const name = baseName(doc.uri.path);
  const line = `Claim Tagger: ${name} was ${when} while its folder is gone: its ${doc.tags.length} tag(s) were not written. The sidecar they make is in the Claim Tagger log (Show Log); to restore them, save it as ${sidecarName(doc)} once the folder is back.`;
  log.error(`${line}\nTags of ${name} not written (its folder is gone), as a sidecar:\n${content}`);
  return line;
}

/**
 * At close, tags that could not be written (the folder still gone): said with their number every time, and the
 * sidecar they make written to the log, so they can be put back by hand. No document is passed with the message:
 * its "Open Sidecar" would open a path in the deleted folder; the log is where the tags are.
 */
export function tellUnwrittenAtClose(messages: StoreMessages, doc: DocumentTags, content: string): void {
  messages('warning', logUnwritten(doc, content, 'closed'), undefined, 'showLog');
}

/** When VS Code quits or reloads (a flush of every document): nothing else keeps those tags, so the log does. */
export function logUnwrittenAtExit(doc: DocumentTags, content: string): void {
  logUnwritten(doc, content, 'still open as VS Code quit or reloaded (or the tag file settings changed)');
}
