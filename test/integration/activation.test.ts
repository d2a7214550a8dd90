import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands } from '../../src/commands';
import { EXTENSION_ID, closeAllEditors, eventually, workspaceUri } from './helpers';

suite('activation', () => {
  teardown(closeAllEditors);

  test('activates on a plain-text document and on a Markdown document', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, 'extension is installed');
    const txt = await vscode.workspace.openTextDocument(workspaceUri('riverside-bridge.txt'));
    assert.equal(txt.languageId, 'plaintext');
    await vscode.window.showTextDocument(txt);
    await eventually(() => ext.isActive, 10_000);
    const md = await vscode.workspace.openTextDocument(workspaceUri('riverside-bridge.md'));
    assert.equal(md.languageId, 'markdown');
    const api = ext.exports as { tags(uri: vscode.Uri): Promise<readonly unknown[]> };
    assert.deepEqual(await api.tags(md.uri), []);
  });

  test('every contributed command is registered', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    await ext.activate();
    const contributed: { command: string }[] = ext.packageJSON.contributes.commands;
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const { command } of contributed) assert.ok(registered.has(command), `${command} has no handler`);
    // Internal commands too: every group of src/commands.ts is registered by its module.
    for (const id of Object.values(Commands)) assert.ok(registered.has(id), `${id} has no handler`);
  });
});
