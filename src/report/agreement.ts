// The agreement section of the editor's HTML report: every annotator of the reported documents (tag authors in
// the shared sidecar, unsaved changes included, and blind copies beside it), compared when there are two or more.
import * as vscode from 'vscode';
import { AgreementResult, AnnotatedDocument, computeAgreement } from '../core/team/agreement';
import { TagStore } from '../store/tagStore';
import { AnnotatorFileError, annotatedDocument, annotatedWorkspace } from '../editor/annotations';

/**
 * Agreement over the annotators of one document or of the workspace; undefined with fewer than two annotators.
 * Documents whose annotator files cannot be read are left out (Compare Annotators… names them).
 */
export async function reportAgreement(store: TagStore, scope: 'document' | 'workspace', uri?: vscode.Uri): Promise<AgreementResult | undefined> {
  let annotated: AnnotatedDocument[] = [];
  try {
    if (scope === 'workspace') annotated = (await annotatedWorkspace(store)).docs;
    else if (uri) {
      const document = await vscode.workspace.openTextDocument(uri);
      if (TagStore.isTaggable(document)) annotated = [(await annotatedDocument(store, document)).annotated];
    }
  } catch (e) {
    if (!(e instanceof AnnotatorFileError)) throw e;
    return undefined;
  }
  const result = computeAgreement(annotated);
  return result.annotators.length > 1 ? result : undefined;
}
