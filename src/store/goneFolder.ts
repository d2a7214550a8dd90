// A document whose folder was deleted or moved away outside VS Code stays open, with its tags in memory; its
// sidecar is not written, since that would create the folder again holding nothing but the sidecar. Saving the
// document (edited: VS Code writes nothing for a document without changes) puts the folder back, and the tags are
// written with it. Closed before that, the tags cannot be written: the sidecar they make goes to the log.
import * as vscode from 'vscode';
import { baseName } from '../core/sidecar/paths';
import { log } from '../util/log';
import { DocumentTags } from './documentTags';
import { StoreMessages } from './storeEvents';

/** Whether the folder of a document on a file system is gone (untitled documents have none). */
export async function folderGone(document: vscode.Uri): Promise<boolean> {
  if (document.scheme === 'untitled') return false;
  const folder = document.with({ path: document.path.slice(0, document.path.lastIndexOf('/')) || '/' });
  try {
    await vscode.workspace.fs.stat(folder);
    return false;
  } catch {
    return true;
  }
}

/** Tells the user (and the log) once that the tags of such a document are kept in memory, not written. */
export function tellFolderGone(messages: StoreMessages, doc: DocumentTags): void {
  const line = `Claim Tagger: the folder of ${baseName(doc.uri.path)} was deleted or moved on disk. Its ${doc.tags.length} tag(s) are kept in memory and not written there (that would create the folder again). To keep them, edit and save the document: saving puts its folder back and the tags are written with it. Closing it without saving leaves them unwritten.`;
  log.warn(line);
  messages('warning', line, doc);
}

/**
 * At close, tags that could not be written (the folder still gone): said with their number every time, and the
 * sidecar they make (`content`) written to the log, so they can be put back by hand.
 */
export function tellUnwrittenAtClose(messages: StoreMessages, doc: DocumentTags, content: string): void {
  const name = baseName(doc.uri.path);
  const line = `Claim Tagger: ${name} was closed while its folder is gone: its ${doc.tags.length} tag(s) were not written. The sidecar they make is in the Claim Tagger log; to restore them, save it as ${name}.tags.json beside the document once it is back.`;
  log.warn(line);
  log.warn(`Tags of ${name} not written (its folder is gone), as a sidecar:\n${content}`);
  messages('warning', line, doc);
}
