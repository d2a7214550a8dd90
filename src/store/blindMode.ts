// Which file holds a document's tags: the shared sidecar, or, while "annotate blind" is on, the current
// author's blind copy `<document>.tags.<author>.json` beside it (src/core/team/annotators.ts). The store reads
// and writes that one file through its single write path (lock, atomic write, merge with the disk).
import * as vscode from 'vscode';
import { ClaimTaggerConfig } from '../config';
import { blindCopyPath } from '../core/team/annotators';
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
