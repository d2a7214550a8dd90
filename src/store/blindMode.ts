// Which file holds a document's tags: the shared sidecar, or, while "annotate blind" is on, the current
// author's blind copy `<document>.tags.<author>.json` beside it (src/core/team/annotators.ts). The store reads
// and writes that one file through its single write path (lock, atomic write, merge with the disk); the Tags
// view's index lists the workspace by the same rule, seen from the file side (documentOfTagFile).
import * as vscode from 'vscode';
import { ClaimTaggerConfig } from '../config';
import { SIDECAR_FOLDER, documentPathFor } from '../core/sidecar/paths';
import { blindCopyPath } from '../core/team/annotators';
import { TagFileMode, sharedPathOfTagFile, tagFileGlob } from '../core/team/tagFiles';
import { sidecarUriFor } from './sidecarIO';

export function tagFileFor(document: vscode.Uri, config: ClaimTaggerConfig): vscode.Uri {
  const shared = sidecarUriFor(document, config.sidecarLocation);
  return config.team.annotateBlind ? shared.with({ path: blindCopyPath(shared.path, config.author) }) : shared;
}

/** Whether documents' tags now live in other files (so open documents must be written, then read again). */
export function tagFilesMoved(before: ClaimTaggerConfig, after: ClaimTaggerConfig): boolean {
  return before.sidecarLocation !== after.sidecarLocation
    || before.team.annotateBlind !== after.team.annotateBlind
    || (after.team.annotateBlind && before.author !== after.author);
}

export function tagFileMode(config: ClaimTaggerConfig): TagFileMode {
  return config.team.annotateBlind ? { blindAuthor: config.author } : {};
}

/** The glob of every file that may hold tags in this mode (for finding and watching them). */
export function tagFilesGlob(config: ClaimTaggerConfig): string {
  return tagFileGlob(tagFileMode(config));
}

/**
 * The document whose tags `file` holds in this mode (in either sidecar location, as files found in the workspace
 * may be in both), or undefined when it holds none now: a blind copy while not blind, another author's copy, a
 * shared sidecar while blind.
 */
export function documentOfTagFile(file: vscode.Uri, config: ClaimTaggerConfig): vscode.Uri | undefined {
  const shared = sharedPathOfTagFile(file.path, tagFileMode(config));
  return shared === undefined ? undefined : documentUriOf(file.with({ path: shared }));
}

/** The document of a shared sidecar: beside it, or mirrored under `<folder>/.claim-tags/`. */
export function documentUriOf(sidecar: vscode.Uri): vscode.Uri | undefined {
  const folder = vscode.workspace.getWorkspaceFolder(sidecar);
  const root = folder && sidecar.path.startsWith(`${folder.uri.path}/${SIDECAR_FOLDER}/`) ? folder.uri.path : undefined;
  const path = documentPathFor(sidecar.path, root);
  return path === undefined ? undefined : sidecar.with({ path });
}
