// Review s16 (store): a tag that grew by typing keeps its extent when its tags are read again from disk before the
// article is saved (another writer, a rename, a change of sidecar location) or when the article is closed right
// after a save; a deleted broken sidecar gives tagging back and its kept tags are written; an Undo never removes
// a tag.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Tag } from '../../src/core/model';
import { textHash } from '../../src/core/sidecar/format';
import { api, closeAllEditors, eventually, exists, openFresh, readJson, readText, remove, sidecarUri, workspaceUri, writeFile } from './helpers';

const TEXT = 'Alpha beta gamma. The budget grew by 12 percent. Delta epsilon zeta.\n';
const CLAIM = 'The budget grew by 12 percent.';
const GROWN = 'The budget of the city grew by 12 percent.';

interface SidecarJson {
  tags: Tag[];
}

async function tag(uri: vscode.Uri, text: string, quote: string): Promise<Tag> {
  const start = text.indexOf(quote);
  const [t] = (await vscode.commands.executeCommand('claimTagger.tagClaim', { uri, ranges: [{ start, end: start + quote.length }] })) as Tag[] | undefined ?? [];
  assert.ok(t, `a tag made over "${quote}"`);
  return t;
}

/** Opens a fresh article, tags CLAIM, writes the sidecar, then types inside the tag (unsaved): it grows to GROWN. */
async function grownByTyping(name: string): Promise<{ editor: vscode.TextEditor; tag: Tag }> {
  const editor = await openFresh(name, TEXT);
  const t = await tag(editor.document.uri, TEXT, CLAIM);
  await (await api()).flush();
  const inside = editor.document.positionAt(TEXT.indexOf(CLAIM) + 'The budget'.length);
  assert.ok(await editor.edit((e) => e.insert(inside, ' of the city')));
  const [mine] = await (await api()).tags(editor.document.uri);
  assert.equal(editor.document.getText().slice(mine.start, mine.end), GROWN, 'the tag grew with the typing');
  return { editor, tag: t };
}

/** The tag's state and the text it covers in `document` now. */
async function placed(document: vscode.TextDocument, id: string): Promise<{ state?: string; text?: string }> {
  const t = (await (await api()).tags(document.uri)).find((x) => x.id === id);
  return { state: t?.anchor.state, text: t && document.getText().slice(t.start, t.end) };
}

/**
 * Waits until VS Code closes `document` (its editor closed already). The extension host keeps documents it opened
 * for up to three minutes, at most 50 of them: opening 50 others lets this one go at once.
 */
async function releaseDocument(document: vscode.TextDocument): Promise<void> {
  for (let i = 0; i < 60 && !document.isClosed; i++) {
    const filler = workspaceUri('r16/filler', `${i}.txt`);
    await writeFile(filler, `Filler ${i}.\n`);
    await vscode.workspace.openTextDocument(filler);
  }
  await eventually(() => document.isClosed, 15_000, 'the document to be closed');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

suite('store review16: extents kept, broken sidecar deleted, close, undo', () => {
  teardown(closeAllEditors);

  test('a sidecar changed on disk by another writer while tags only moved by typing keeps their extents', async () => {
    const { editor, tag: t } = await grownByTyping('r16/moved-merge.txt');
    const uri = editor.document.uri;
    // Another writer (a git pull, another window) changes something else in the sidecar: a dismissal.
    const raw = JSON.parse(await readText(sidecarUri(uri))) as { dismissed?: unknown[] };
    raw.dismissed = [{ rule: 'claim.number', term: 'alpha' }];
    await writeFile(sidecarUri(uri), JSON.stringify(raw, null, 2) + '\n');
    // The watcher reports it within a second or so; no API tells when the store has read it.
    await sleep(2500);
    assert.deepEqual(await placed(editor.document, t.id), { state: 'anchored', text: GROWN });
  });

  test('a git pull of a grown tag (article reloaded first, then its sidecar): the pulled extent is taken, not our re-placed one', async () => {
    const editor = await openFresh('r16/pull.txt', TEXT);
    const uri = editor.document.uri;
    const t = await tag(uri, TEXT, CLAIM);
    await (await api()).flush();
    // A colleague's commit: the sentence grew in the article, and their tag with it.
    const pulled = TEXT.replace(CLAIM, GROWN);
    const theirs = JSON.parse(await readText(sidecarUri(uri))) as SidecarJson & { textHash: string };
    const start = pulled.indexOf(GROWN);
    theirs.tags = theirs.tags.map((x) => x.id === t.id ? { ...x, start, end: start + GROWN.length, quote: GROWN, anchor: { state: 'anchored' } } : x);
    theirs.textHash = textHash(pulled);
    const sidecarText = JSON.stringify(theirs, null, 2) + '\n';
    // The article first: here the tag is placed again by its old quote (not the colleague's extent) ...
    await writeFile(uri, pulled);
    await eventually(() => editor.document.getText() === pulled, 10_000, 'the article to reload');
    // ... then the sidecar.
    await writeFile(sidecarUri(uri), sidecarText);
    await eventually(async () => (await placed(editor.document, t.id)).text === GROWN, 10_000, 'the pulled extent');
    assert.deepEqual(await placed(editor.document, t.id), { state: 'anchored', text: GROWN });
    await (await api()).flush();
    const onDisk = await readJson(sidecarUri(uri)) as SidecarJson;
    const mine = onDisk.tags.find((x) => x.id === t.id);
    assert.deepEqual([mine?.quote, mine?.anchor.state], [GROWN, 'anchored'], 'the colleague\'s sidecar is not rewritten with a re-placed extent');
  });

  test('renaming the unsaved article in VS Code keeps the extent of a tag that grew by typing', async () => {
    const { editor, tag: t } = await grownByTyping('r16/rename-moved.txt');
    const to = workspaceUri('r16/renamed-moved.txt');
    await remove(to);
    await remove(sidecarUri(to));
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(editor.document.uri, to);
    assert.ok(await vscode.workspace.applyEdit(edit));
    const doc = await vscode.workspace.openTextDocument(to);
    assert.ok(doc.getText().includes(GROWN), 'the unsaved text went with the rename');
    await sleep(1000);
    assert.deepEqual(await placed(doc, t.id), { state: 'anchored', text: GROWN });
  });

  test('changing claimTagger.sidecar.location there and back keeps the extent of a tag that grew by typing', async () => {
    const { editor, tag: t } = await grownByTyping('r16/location-moved.txt');
    const settings = vscode.workspace.getConfiguration('claimTagger');
    try {
      await settings.update('sidecar.location', 'workspaceFolder', vscode.ConfigurationTarget.Global);
      await sleep(500);
      await settings.update('sidecar.location', undefined, vscode.ConfigurationTarget.Global);
      await sleep(1500);
      assert.deepEqual(await placed(editor.document, t.id), { state: 'anchored', text: GROWN });
    } finally {
      await settings.update('sidecar.location', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  test('a broken sidecar (conflict markers) deleted on disk: tagging works again and the kept tags are written', async () => {
    const editor = await openFresh('r16/broken-deleted.txt', TEXT);
    const uri = editor.document.uri;
    const t = await tag(uri, TEXT, CLAIM);
    await (await api()).flush();
    const good = await readText(sidecarUri(uri));
    await writeFile(sidecarUri(uri), '<<<<<<< HEAD\n' + good + '=======\n{}\n>>>>>>> theirs\n');
    await eventually(async () => (await api()).documentState(uri)?.state === 'broken', 10_000, 'the sidecar to be seen broken');
    // The message says: fix or remove it. Remove it:
    await remove(sidecarUri(uri));
    await eventually(async () => (await api()).documentState(uri)?.state === 'ok', 10_000, 'tagging to be possible again');
    await eventually(() => exists(sidecarUri(uri)), 10_000, 'the kept tag to be written without a further change');
    assert.deepEqual(((await readJson(sidecarUri(uri))) as SidecarJson).tags.map((x) => x.id), [t.id]);
    const second = await tag(uri, TEXT, 'Delta epsilon zeta.');
    await (await api()).flush();
    assert.deepEqual(((await readJson(sidecarUri(uri))) as SidecarJson).tags.map((x) => x.id).sort(), [t.id, second.id].sort());
  });

  test('closing the article right after saving writes the positions moved by typing', async () => {
    const claimTagger = await api();
    const { editor, tag: t } = await grownByTyping('r16/close-moved.txt');
    const uri = editor.document.uri;
    // Scheduled saves wait, so the close surely comes before the save that follows the document's save.
    const hold = claimTagger.holdSaves();
    try {
      assert.ok(await editor.document.save());
      const document = editor.document;
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await releaseDocument(document);
      await claimTagger.flush();
    } finally {
      hold.dispose();
    }
    // The close writes after reading the file (to compare): give it time, then look.
    const saved = await readText(uri);
    const onDisk = async () => {
      const [d] = ((await readJson(sidecarUri(uri))) as SidecarJson).tags;
      return { id: d.id, state: d.anchor.state, text: saved.slice(d.start, d.end) };
    };
    await eventually(async () => (await onDisk()).text === GROWN, 10_000, 'the grown extent to be written').catch(() => undefined);
    assert.deepEqual(await onDisk(), { id: t.id, state: 'anchored', text: GROWN });
  });

  test('Undo of a whole-document replacement back to the saved text never removes a tag made meanwhile', async () => {
    const claimTagger = await api();
    const editor = await openFresh('r16/undo-whole.txt', TEXT);
    const uri = editor.document.uri;
    const other = 'A different text altogether. The mayor resigned on Monday.\n';
    const events: { reason?: vscode.TextDocumentChangeReason; whole: boolean }[] = [];
    const listener = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document.uri.toString() !== uri.toString() || !e.contentChanges.length) return;
      const [c] = e.contentChanges;
      events.push({ reason: e.reason, whole: e.contentChanges.length === 1 && c.rangeOffset === 0 && c.rangeLength > 0 });
    });
    try {
      const all = new vscode.Range(new vscode.Position(0, 0), editor.document.positionAt(TEXT.length));
      assert.ok(await editor.edit((e) => e.replace(all, other)));
      const made = await tag(uri, other, 'The mayor resigned on Monday.');
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('undo');
      await eventually(() => editor.document.getText() === TEXT, 10_000, 'the undo');
      await sleep(500);
      const undo = events.find((x) => x.reason === vscode.TextDocumentChangeReason.Undo);
      assert.deepEqual(undo, { reason: vscode.TextDocumentChangeReason.Undo, whole: true }, 'the editor delivered the undo as one whole-document change');
      assert.equal(editor.document.isDirty, false, 'the undo brought back the saved text');
      const kept = (await claimTagger.tags(uri)).find((x) => x.id === made.id);
      assert.equal(kept?.anchor.state, 'orphaned', 'the tag made on the replaced text is kept, orphaned');
      await vscode.commands.executeCommand('redo');
      await eventually(() => editor.document.getText() === other, 10_000, 'the redo');
      await eventually(async () => (await claimTagger.tags(uri)).find((x) => x.id === made.id)?.anchor.state === 'anchored', 10_000, 'the tag to be anchored again after Redo');
    } finally {
      listener.dispose();
    }
  });
});
