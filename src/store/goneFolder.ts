// A document whose folder was deleted or moved away outside VS Code stays open, with its tags in memory; its
// sidecar is not written, since that would create the folder again holding nothing but the sidecar. Saving the
// document puts the folder back, and the tags are written with it.
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
  const line = `Claim Tagger: the folder of ${baseName(doc.uri.path)} was deleted or moved on disk. Its ${doc.tags.length} tag(s) are kept in memory and not written there (that would create the folder again); save the document to write them with it, or close it to drop them.`;
  log.warn(line);
  messages('warning', line, doc);
}
