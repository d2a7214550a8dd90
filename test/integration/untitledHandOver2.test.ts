// The hand-over of an untitled document's tags to the file it is saved as, when the save changes the text (save
// participants), when several untitled documents hold the same text, and when the file already has tags.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Tag } from '../../src/core/model';
import { api, closeAllEditors, eventually, exec, exists, openFresh, readJson, remove, sidecarUri, workspaceUri } from './helpers';

const TEXT = 'Alpha beta gamma. The budget grew by 12 percent. Delta epsilon zeta.';
const CLAIM = 'The budget grew by 12 percent.';

async function tag(uri: vscode.Uri, text: string, quote: string): Promise<Tag> {
  const start = text.indexOf(quote);
  const [t] = await exec<Tag[]>('claimTagger.tagClaim', { uri, ranges: [{ start, end: start + quote.length }] });
  assert.ok(t, `a tag over "${quote}"`);
  return t;
}

/** An untitled document that will be saved at `name` (no file there yet), holding `text`. */
async function untitled(name: string, text: string): Promise<{ document: vscode.TextDocument; target: vscode.Uri }> {
  const target = workspaceUri(name);
  await remove(target);
  await remove(sidecarUri(target));
  const document = await vscode.workspace.openTextDocument(target.with({ scheme: 'untitled' }));
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  assert.ok(await editor.edit((e) => e.insert(new vscode.Position(0, 0), text)));
  return { document, target };
}

/** The tag ids of the saved file, in memory and on disk, once its sidecar holds `expected` (or 10 s passed). */
async function tagIds(target: vscode.Uri, expected: string[]): Promise<{ onDisk: string[]; inMemory: string[] }> {
  const claimTagger = await api();
  const read = async () => ({
    onDisk: (await exists(sidecarUri(target))) ? ((await readJson(sidecarUri(target))) as { tags: Tag[] }).tags.map((x) => x.id).sort() : [],
    inMemory: (await claimTagger.tags(target)).map((x) => x.id).sort(),
  });
  const want = JSON.stringify({ onDisk: [...expected].sort(), inMemory: [...expected].sort() });
  await eventually(async () => JSON.stringify(await read()) === want, 10_000).catch(() => undefined);
  return read();
}

suite('untitled hand-over: save participants, several untitled documents, Save As over a tagged file', () => {
  teardown(async () => {
    await vscode.workspace.getConfiguration('files').update('insertFinalNewline', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('files').update('trimTrailingWhitespace', undefined, vscode.ConfigurationTarget.Global);
    await closeAllEditors();
  });

  test('R3 saved with files.insertFinalNewline, an untitled document keeps its tags', async () => {
    await vscode.workspace.getConfiguration('files').update('insertFinalNewline', true, vscode.ConfigurationTarget.Global);
    const { document, target } = await untitled('untitled2/final-newline.txt', TEXT);
    const t = await tag(document.uri, TEXT, CLAIM);
    assert.ok(await document.save());
    const saved = await vscode.workspace.openTextDocument(target);
    assert.equal(saved.getText(), TEXT + '\n', 'the save participant added a final newline');
    assert.deepEqual(await tagIds(target, [t.id]), { onDisk: [t.id], inMemory: [t.id] });
  });

  test('R3c right after R3: the next untitled document saved with the same text gets its own tags, no other', async () => {
    await vscode.workspace.getConfiguration('files').update('insertFinalNewline', false, vscode.ConfigurationTarget.Global);
    const { document, target } = await untitled('untitled2/control.txt', TEXT);
    const t = await tag(document.uri, TEXT, CLAIM);
    assert.ok(await document.save());
    assert.deepEqual(await tagIds(target, [t.id]), { onDisk: [t.id], inMemory: [t.id] });
  });

  test('saved with files.trimTrailingWhitespace (text before the tag shrinks), an untitled document keeps its tags, placed on the saved text', async () => {
    await vscode.workspace.getConfiguration('files').update('trimTrailingWhitespace', true, vscode.ConfigurationTarget.Global);
    const text = TEXT.replace('gamma. ', 'gamma.   \n');
    const { document, target } = await untitled('untitled2/trimmed.txt', text);
    const t = await tag(document.uri, text, CLAIM);
    assert.ok(await document.save());
    const saved = await vscode.workspace.openTextDocument(target);
    assert.equal(saved.getText(), text.replace('   \n', '\n'), 'the save participant trimmed the whitespace');
    assert.deepEqual(await tagIds(target, [t.id]), { onDisk: [t.id], inMemory: [t.id] });
    const [mine] = await (await api()).tags(target);
    assert.deepEqual([mine.anchor.state, saved.getText().slice(mine.start, mine.end)], ['anchored', CLAIM]);
  });

  test('an untitled document closed without saving gives its tags to no other file, and they go to the log', async function () {
    this.timeout(90_000);
    const claimTagger = await api();
    // Closed without saving: its tags are kept for a while, and must not go to the next file with the same text.
    const dropped = await untitled('untitled2/dropped.txt', TEXT);
    const lost = await tag(dropped.document.uri, TEXT, CLAIM);
    await vscode.window.showTextDocument(dropped.document);
    await exec('workbench.action.revertAndCloseActiveEditor');
    await eventually(() => dropped.document.isClosed, 5000, 'the untitled document to close');
    const { document, target } = await untitled('untitled2/second.txt', TEXT);
    const t = await tag(document.uri, TEXT, 'Delta epsilon zeta.');
    assert.ok(await document.save());
    assert.deepEqual(await tagIds(target, [t.id]), { onDisk: [t.id], inMemory: [t.id] }, 'only its own tag');
    // No file took the closed document's tag: once its time is up, the log holds the sidecar it makes.
    const logged = await eventually(() => claimTagger.logLines().find((l) => l.includes(lost.id)), 45_000).catch(() => undefined);
    assert.ok(logged?.includes('dropped.txt'), `the log names the untitled document and holds its tag; latest lines: ${JSON.stringify(claimTagger.logLines().slice(-3))}`);
  });

  test('an untitled document closed without saving: an article opened later that quotes its text gets none of its tags', async function () {
    this.timeout(30_000);
    const claimTagger = await api();
    const dropped = await untitled('untitled2/press-release.txt', TEXT);
    const lost = await tag(dropped.document.uri, TEXT, CLAIM);
    await vscode.window.showTextDocument(dropped.document);
    await exec('workbench.action.revertAndCloseActiveEditor');
    await eventually(() => dropped.document.isClosed, 5000, 'the untitled document to close');
    // Some seconds later the editor opens an untagged article that quotes the same passage: no Save As made it.
    await new Promise((r) => setTimeout(r, 6_000));
    const article = await openFresh('untitled2/quoting-article.txt', `An editor wrote: ${TEXT}\n`);
    await new Promise((r) => setTimeout(r, 1_500));
    assert.deepEqual((await claimTagger.tags(article.document.uri)).map((t) => t.id), [], 'no tag given to the article');
    assert.equal(await exists(sidecarUri(article.document.uri)), false, 'no sidecar written for it');
    assert.ok(!(await claimTagger.tags(article.document.uri)).some((t) => t.id === lost.id));
  });

  test('Save As over a tagged file: its tags and the untitled document\'s are both kept', async () => {
    const claimTagger = await api();
    const { document, target } = await untitled('untitled2/tagged.txt', TEXT + '\n');
    // Meanwhile a tagged file appears at that path (VS Code opens no untitled document over an existing file).
    const before = 'Officials said the bridge opens in May. The mayor disagreed sharply.\n';
    const old = await openFresh('untitled2/tagged.txt', before);
    const kept = await tag(old.document.uri, before, 'the bridge opens in May');
    await claimTagger.flush();
    await vscode.window.showTextDocument(old.document);
    await exec('workbench.action.closeActiveEditor');
    const t = await tag(document.uri, TEXT + '\n', CLAIM);
    await vscode.window.showTextDocument(document);
    assert.ok(await document.save());
    assert.deepEqual(await tagIds(target, [kept.id, t.id]), { onDisk: [kept.id, t.id].sort(), inMemory: [kept.id, t.id].sort() });
  });
});
