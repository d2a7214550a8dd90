// Where a document's sidecar lives, and the file access the store writes through. The access differs per
// platform (src/node/diskFiles.ts on the desktop: lock files and atomic writes on disk; workspaceFiles.ts on the
// web and for virtual file systems): the entry point passes one in, nothing below it picks.
import * as vscode from 'vscode';
import { SidecarLocation, sidecarPathFor } from '../core/sidecar/paths';

export function sidecarUriFor(document: vscode.Uri, location: SidecarLocation): vscode.Uri {
  const folder = vscode.workspace.getWorkspaceFolder(document);
  const root = folder && folder.uri.scheme === document.scheme ? folder.uri.path : undefined;
  return document.with({ path: sidecarPathFor(document.path, location, root) });
}

/** What `update` does with the file: the text to write, or undefined to leave it as it is. */
export type Produce = (current: string | undefined) => string | undefined | Promise<string | undefined>;

/** File access for sidecars and the other files Claim Tagger keeps in the workspace (learned.json, curated tags). */
export interface SidecarFiles {
  /** The file's text, or undefined when there is none. Other read errors propagate. */
  read(uri: vscode.Uri): Promise<string | undefined>;
  /** Replaces the file at once (temporary file, then rename): a failure leaves the previous file intact. */
  write(uri: vscode.Uri, content: string): Promise<void>;
  /**
   * Read-merge-write of one file that loses no other writer's change: `produce` gets the current text and may
   * run again on newer text when the file changed meanwhile. Resolves to whether anything was written.
   */
  update(uri: vscode.Uri, produce: Produce): Promise<boolean>;
  /** Moves a sidecar (or a mirrored folder of sidecars); never replaces one already at the target. */
  move(from: vscode.Uri, to: vscode.Uri): Promise<boolean>;
  /** Why the file must not be replaced (e.g. "is read-only"), or undefined when it may be written. */
  unwritable(uri: vscode.Uri): Promise<string | undefined>;
}

export function isNotFound(e: unknown): boolean {
  const err = e as { code?: string };
  return err?.code === 'ENOENT' || err?.code === 'FileNotFound' || (e instanceof vscode.FileSystemError && err.code === 'FileNotFound');
}
