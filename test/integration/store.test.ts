import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Tag } from '../../src/core/model';
import { api, closeAllEditors, eventually, exists, openFresh, readJson, readText, remove, sidecarUri, workspaceUri, writeFile } from './helpers';

const TEXT = 'Alpha beta gamma. The budget grew by 12 percent. Delta epsilon zeta.\n';
const CLAIM = 'The budget grew by 12 percent.';

async function tagClaim(editor: vscode.TextEditor, quote: string): Promise<Tag> {
  const start = editor.document.getText().indexOf(quote);
  const [tag] = (await vscode.commands.executeCommand('claimTagger.tagClaim', { uri: editor.document.uri, ranges: [{ start, end: start + quote.length }] })) as Tag[];
  assert.ok(tag, 'tag created');
  return tag;
}

async function tagsOf(uri: vscode.Uri): Promise<readonly Tag[]> {
  return (await api()).tags(uri);
}

async function sidecarTags(uri: vscode.Uri): Promise<Tag[]> {
  return ((await readJson(sidecarUri(uri))) as { tags: Tag[] }).tags;
}

suite('tag store in the editor', () => {
  teardown(closeAllEditors);

  test('typing before a tag shifts it, typing inside extends it, at its end does not', async () => {
    const editor = await openFresh('store/edits.txt', TEXT);
    const tag = await tagClaim(editor, CLAIM);
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), 'NEW '));
    let [t] = await tagsOf(editor.document.uri);
    assert.equal(editor.document.getText().slice(t.start, t.end), CLAIM);
    const inside = editor.document.positionAt(t.start + 'The budget'.length);
    await editor.edit((e) => e.insert(inside, ' of the city'));
    await editor.edit((e) => e.insert(editor.document.positionAt(t.end + ' of the city'.length), ' Yes'));
    [t] = await tagsOf(editor.document.uri);
    assert.equal(t.id, tag.id);
    assert.equal(editor.document.getText().slice(t.start, t.end), 'The budget of the city grew by 12 percent.');
  });

  test('deleting all of a tag orphans it (kept), undo restores it', async () => {
    const editor = await openFresh('store/undo.txt', TEXT);
    const tag = await tagClaim(editor, CLAIM);
    const range = new vscode.Range(editor.document.positionAt(tag.start), editor.document.positionAt(tag.end));
    await editor.edit((e) => e.delete(range));
    let [t] = await tagsOf(editor.document.uri);
    assert.equal(t.anchor.state, 'orphaned');
    assert.equal(t.quote, CLAIM);
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('undo');
    await eventually(async () => {
      [t] = await tagsOf(editor.document.uri);
      return t.anchor.state === 'anchored' && editor.document.getText().slice(t.start, t.end) === CLAIM;
    });
  });

  test('a multi-cursor edit and a replace-all keep every tag on its text', async () => {
    const text = 'one fish. two fish. red fish. blue fish.\n';
    const editor = await openFresh('store/multi.txt', text);
    for (const q of ['two fish.', 'blue fish.']) await tagClaim(editor, q);
    await editor.edit((e) => {
      for (let i = text.indexOf('fish'); i >= 0; i = text.indexOf('fish', i + 1)) {
        e.replace(new vscode.Range(editor.document.positionAt(i), editor.document.positionAt(i + 4)), 'trout');
      }
    });
    const tags = await tagsOf(editor.document.uri);
    assert.deepEqual(tags.map((t) => editor.document.getText().slice(t.start, t.end)).sort(), ['blue trout.', 'two trout.']);
  });

  test('saving the document writes moved positions to the sidecar', async () => {
    const editor = await openFresh('store/save.txt', TEXT);
    await tagClaim(editor, CLAIM);
    await (await api()).flush();
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), 'Intro. '));
    await editor.document.save();
    await eventually(async () => {
      const [t] = await sidecarTags(editor.document.uri);
      return t.start === 'Intro. '.length + TEXT.indexOf(CLAIM) && t.quote === CLAIM;
    });
  });

  test('an external edit of the file on disk re-anchors tags by their quotes', async () => {
    const editor = await openFresh('store/external.txt', TEXT);
    const tag = await tagClaim(editor, CLAIM);
    await (await api()).flush();
    const changed = 'A new first paragraph was added by someone else.\n\n' + TEXT.replace('Alpha', 'ALPHA');
    await writeFile(editor.document.uri, changed);
    await eventually(async () => {
      const [t] = await tagsOf(editor.document.uri);
      return editor.document.getText() === changed && t.id === tag.id && changed.slice(t.start, t.end) === CLAIM;
    }, 10_000);
  });

  test('a sidecar changed on disk is reloaded; unsaved tag changes are merged, not clobbered', async () => {
    const claimTagger = await api();
    const editor = await openFresh('store/merge.txt', TEXT);
    const first = await tagClaim(editor, CLAIM);
    await claimTagger.flush();
    // A colleague's tool adds a note to the first tag and a new tag, while we add another tag here.
    const sidecar = sidecarUri(editor.document.uri);
    const data = (await readJson(sidecar)) as { tags: Tag[] };
    data.tags[0].note = 'checked by the desk';
    const theirs: Tag = { ...data.tags[0], id: 'their-new-tag', kind: 'opinion', start: 0, end: 5, quote: 'Alpha', prefix: '', suffix: TEXT.slice(5, 37), note: undefined, status: undefined };
    delete theirs.note;
    delete theirs.status;
    data.tags.push(theirs);
    const ours = await tagClaim(editor, 'Delta epsilon zeta.');
    await writeFile(sidecar, JSON.stringify(data, null, 2) + '\n');
    await claimTagger.flush();
    await eventually(async () => {
      const tags = await tagsOf(editor.document.uri);
      const ids = new Set(tags.map((t) => t.id));
      return ids.has(first.id) && ids.has(ours.id) && ids.has('their-new-tag') && tags.find((t) => t.id === first.id)?.note === 'checked by the desk';
    }, 10_000);
    await claimTagger.flush();
    await eventually(async () => new Set((await sidecarTags(editor.document.uri)).map((t) => t.id)).size === 3);
  });

  test('conflicting edits to the same tag keep both versions', async () => {
    const claimTagger = await api();
    const editor = await openFresh('store/conflict.txt', TEXT);
    const tag = await tagClaim(editor, CLAIM);
    await claimTagger.flush();
    const sidecar = sidecarUri(editor.document.uri);
    const data = (await readJson(sidecar)) as { tags: Tag[] };
    data.tags[0].note = 'their note';
    // Our edit stays unsaved until the other program's write has landed, however slow the file system is.
    const hold = claimTagger.holdSaves();
    try {
      await vscode.commands.executeCommand('claimTagger.editNote', { uri: editor.document.uri, id: tag.id, value: 'our note' });
      await writeFile(sidecar, JSON.stringify(data, null, 2) + '\n');
      await eventually(async () => {
        const notes = (await tagsOf(editor.document.uri)).map((t) => t.note).sort();
        return JSON.stringify(notes) === JSON.stringify(['our note', 'their note']);
      }, 10_000);
    } finally {
      hold.dispose();
    }
    await claimTagger.flush();
    const saved = ((await readJson(sidecar)) as { tags: Tag[] }).tags.map((t) => t.note).sort();
    assert.deepEqual(saved, ['our note', 'their note'], 'both versions are written to the sidecar');
  });

  test('renaming a document in VS Code moves its sidecar', async () => {
    const editor = await openFresh('store/before.txt', TEXT);
    const tag = await tagClaim(editor, CLAIM);
    await (await api()).flush();
    const to = workspaceUri('store/after.txt');
    await remove(sidecarUri(to));
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(editor.document.uri, to);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await eventually(async () => (await exists(sidecarUri(to))) && !(await exists(sidecarUri(editor.document.uri))));
    assert.deepEqual((await tagsOf(to)).map((t) => t.id), [tag.id]);
  });

  test('a corrupt sidecar is left untouched, tagging is refused, and fixing it re-enables tagging', async () => {
    const claimTagger = await api();
    const uri = workspaceUri('store/corrupt.txt');
    await writeFile(uri, TEXT);
    const broken = '{\n  "format": "claim-tagger/tags",\n  "version": 1,\n  "tags": [ oops ]\n}\n';
    await writeFile(sidecarUri(uri), broken);
    const editor = await vscode.window.showTextDocument(uri);
    await eventually(() => claimTagger.documentState(uri)?.state === 'broken');
    assert.match(claimTagger.documentState(uri)!.error!, /line 4, column \d+/);
    const created = (await vscode.commands.executeCommand('claimTagger.tagClaim', { uri, ranges: [{ start: 0, end: 5 }] })) as Tag[];
    assert.deepEqual(created, []);
    await claimTagger.flush();
    assert.equal(await readText(sidecarUri(uri)), broken);
    await vscode.workspace.fs.delete(sidecarUri(uri));
    assert.equal(await vscode.commands.executeCommand('claimTagger.reloadSidecar', uri), 0);
    assert.equal(claimTagger.documentState(uri)?.state, 'ok');
    assert.equal(((await vscode.commands.executeCommand('claimTagger.tagClaim', { uri, ranges: [{ start: 0, end: 5 }] })) as Tag[]).length, 1);
    void editor;
  });

  test('a binary file cannot be tagged: the command refuses and writes nothing', async () => {
    const uri = workspaceUri('store/binary.txt');
    await writeFile(uri, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0, 1, 2, 3]));
    const created = (await vscode.commands.executeCommand('claimTagger.tagClaim', { uri, ranges: [{ start: 0, end: 3 }] })) as Tag[];
    assert.deepEqual(created, []);
    assert.ok(!(await exists(sidecarUri(uri))));
  });

  test('an untitled document containing NUL characters is refused too', async () => {
    const document = await vscode.workspace.openTextDocument({ content: 'abc\u0000def' });
    await vscode.window.showTextDocument(document);
    const created = (await vscode.commands.executeCommand('claimTagger.tagClaim', { uri: document.uri, ranges: [{ start: 0, end: 3 }] })) as Tag[];
    assert.deepEqual(created, []);
  });
});
