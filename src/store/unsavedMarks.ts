// Tags placed while the document has unsaved changes may sit on text that never reaches disk: they are marked,
// so that a revert drops them (OutsideChanges.dropUnsaved), and unmarked once their text is saved.
import * as vscode from 'vscode';
import { Tag } from '../core/model';
import { DocumentTags } from './documentTags';

export function markUnsaved(doc: DocumentTags, document: vscode.TextDocument, tags: readonly Tag[]): void {
  if (!document.isDirty || document.isUntitled) return;
  // An imported annotation that could not be placed sits on no text at all: it is kept as any orphan is.
  for (const t of tags) if (t.anchor.state !== 'orphaned') doc.unsaved.add(t.id);
}

/** After a save: the text of tags made on unsaved text is on disk now; an orphaned one's text never was. */
export function unmarkSaved(doc: DocumentTags): void {
  for (const id of [...doc.unsaved]) if (doc.find(id)?.anchor.state !== 'orphaned') doc.unsaved.delete(id);
}
