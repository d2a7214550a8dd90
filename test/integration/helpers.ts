// Shared helpers for integration suites: the extension's API, fixture documents, files, waiting, screenshots.
// Portable: files go through vscode.workspace.fs and vscode.Uri only, so the same helpers (and the suites that
// use only them) run in the Node extension host and in the web worker (test/web/index.ts).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ClaimTaggerApi } from '../../src/api';
import { Expectation, eventually } from './eventually';

export { eventually, eventuallyEqual, type Expectation } from './eventually';

export const EXTENSION_ID = 'claim-tagger.claim-tagger';

export async function api(): Promise<ClaimTaggerApi> {
  const ext = vscode.extensions.getExtension<ClaimTaggerApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed in this host`);
  return ext.isActive ? ext.exports : ext.activate();
}

export function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the integration tests need a workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

/** The last segment of a URI's path (`path.basename` without `node:path`). */
export function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/** The sidecar beside a document: `<document>.tags.json`, on the document's own file system. */
export function sidecarUri(document: vscode.Uri): vscode.Uri {
  return document.with({ path: `${document.path}.tags.json` });
}

/** A file beside a document, named by appending `suffix` to its name (e.g. `.tags.ben.json`: a blind copy). */
export function besideUri(document: vscode.Uri, suffix: string): vscode.Uri {
  return document.with({ path: `${document.path}${suffix}` });
}

/** A folder of the test workspace, emptied first (deleted if there, then created). */
export async function freshFolder(...segments: string[]): Promise<vscode.Uri> {
  const folder = workspaceUri(...segments);
  await remove(folder);
  await vscode.workspace.fs.createDirectory(folder);
  return folder;
}

/** Writes a file through workspace.fs (text as UTF-8), creating its folder first. */
export async function writeFile(uri: vscode.Uri, content: string | Uint8Array): Promise<void> {
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
  await vscode.workspace.fs.writeFile(uri, typeof content === 'string' ? new TextEncoder().encode(content) : content);
}

export async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

export async function readJson(uri: vscode.Uri): Promise<unknown> {
  return JSON.parse(await readText(uri));
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(() => true, () => false);
}

/** Deletes a file or folder (recursively) if it is there. */
export async function remove(uri: vscode.Uri): Promise<void> {
  if (await exists(uri)) await vscode.workspace.fs.delete(uri, { recursive: true, useTrash: false });
}

/** Writes a fresh document into the test workspace (dropping any sidecar it had) and opens it in an editor. */
export async function openFresh(name: string, text: string): Promise<vscode.TextEditor> {
  const uri = workspaceUri(name);
  await writeFile(uri, text);
  await remove(sidecarUri(uri));
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document, { preview: false });
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export function select(editor: vscode.TextEditor, text: string, occurrence = 1): vscode.Selection {
  const doc = editor.document.getText();
  let at = -1;
  for (let i = 0; i < occurrence; i++) at = doc.indexOf(text, at + 1);
  assert.ok(at >= 0, `"${text}" not found in ${editor.document.uri.path}`);
  const sel = new vscode.Selection(editor.document.positionAt(at), editor.document.positionAt(at + text.length));
  editor.selection = sel;
  return sel;
}

/** What `eventually` waits for in the Tags view's roots; a timeout lists the roots seen. */
export function rootsExpectation(expected: string): Expectation {
  return { expected: `the Tags view's roots ${expected}`, seen: async () => (await api()).tree.rootLabels() };
}

/** What `eventually` waits for in a document's text; a timeout shows the text seen. */
export function textExpectation(editor: vscode.TextEditor, expected: string): Expectation {
  return { expected: `${baseName(editor.document.uri)} to read ${expected}`, seen: () => editor.document.getText() };
}

/** What `eventually` waits for in a document's tags; a timeout lists each tag's anchor state, offsets, quote and author. */
export function tagsExpectation(uri: vscode.Uri, expected: string): Expectation {
  return {
    expected: `the tags of ${baseName(uri)} ${expected}`,
    seen: async () => (await (await api()).tags(uri)).map((t) => `${t.anchor.state} ${t.start}-${t.end} ${JSON.stringify(t.quote)}${t.author ? ` by ${t.author}` : ''}`),
  };
}

/** Asks the runner for a screenshot of the workbench (saved under media/screenshots/ with --screenshots). */
export async function screenshot(name: string): Promise<void> {
  const dir = process.env.CLAIM_TAGGER_SHOT_DIR;
  if (!dir) return; // desktop runner: no screenshots
  // The runner's folder, reached on the workspace's own file system (vscode-remote in both code-server hosts).
  const shots = workspaceUri().with({ path: dir });
  await writeFile(vscode.Uri.joinPath(shots, `${name}.request`), '');
  await eventually(() => exists(vscode.Uri.joinPath(shots, `${name}.done`)), 20_000, `the runner to take screenshot ${name}`);
}

/** Runs a command as a keybinding or another extension would, typed by what it returns. */
export const exec = <T>(command: string, ...args: unknown[]) => vscode.commands.executeCommand<T>(command, ...args);

/** Annotate blind off, its setting and the author reset, editors closed: the team suites' teardown. */
export async function resetBlindMode(): Promise<void> {
  await vscode.commands.executeCommand('claimTagger.toggleAnnotateBlind', { on: false });
  const settings = vscode.workspace.getConfiguration('claimTagger');
  for (const target of [vscode.ConfigurationTarget.Global, vscode.ConfigurationTarget.Workspace]) {
    await settings.update('team.annotateBlind', undefined, target);
  }
  await settings.update('author', undefined, vscode.ConfigurationTarget.Global);
  await closeAllEditors();
}
