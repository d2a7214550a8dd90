import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Tag } from '../../src/core/model';
import { api, closeAllEditors, eventually, exec, exists, openFresh, readJson, remove, rootsExpectation, sidecarUri, tagsExpectation, workspaceUri, writeFile } from './helpers';

const TEXT = 'Officials said the bridge opens in May. The mayor disagreed sharply.\n';
const span = (q: string) => ({ start: TEXT.indexOf(q), end: TEXT.indexOf(q) + q.length });

suite('tag store: locations, re-pinning, deletion, untitled documents', () => {
  teardown(async () => {
    await vscode.workspace.getConfiguration('claimTagger').update('sidecar.location', undefined, vscode.ConfigurationTarget.Global);
    await closeAllEditors();
  });

  test('sidecar.location = workspaceFolder keeps sidecars under .claim-tags/, mirroring the path', async () => {
    await vscode.workspace.getConfiguration('claimTagger').update('sidecar.location', 'workspaceFolder', vscode.ConfigurationTarget.Global);
    const editor = await openFresh('desk/located.txt', TEXT);
    await exec('claimTagger.tagClaim', { uri: editor.document.uri, ranges: [span('the bridge opens in May')] });
    await (await api()).flush();
    const mirrored = workspaceUri('.claim-tags', 'desk', 'located.txt.tags.json');
    await eventually(() => exists(mirrored));
    assert.ok(!(await exists(sidecarUri(editor.document.uri))), 'nothing beside the document');
    const claimTagger = await api();
    await eventually(async () => (await claimTagger.tree.rootLabels()).includes('desk/located.txt (1)'), 5000, rootsExpectation('to include desk/located.txt (1)'));
  });

  test('an orphaned tag is re-pinned to a new selection', async () => {
    const claimTagger = await api();
    const editor = await openFresh('store2/repin.txt', TEXT);
    const [tag] = await exec<Tag[]>('claimTagger.tagClaim', { uri: editor.document.uri, ranges: [span('The mayor disagreed sharply.')] });
    await claimTagger.flush();
    const rewritten = 'Officials said the bridge opens in May. The city council voted against it.\n';
    await writeFile(editor.document.uri, rewritten);
    await eventually(async () => (await claimTagger.tags(editor.document.uri))[0]?.anchor.state === 'orphaned', 10_000, tagsExpectation(editor.document.uri, 'to start with an orphaned one'));
    const at = rewritten.indexOf('The city council');
    const pinned = await exec<Tag>('claimTagger.repinTag', { uri: editor.document.uri, id: tag.id, range: { start: at, end: rewritten.length - 1 } });
    assert.equal(pinned.anchor.state, 'anchored');
    assert.equal(pinned.quote, 'The city council voted against it.');
  });

  test('deleting a document keeps its sidecar, listed under Detached', async () => {
    const claimTagger = await api();
    const editor = await openFresh('store2/gone.txt', TEXT);
    await exec('claimTagger.tagClaim', { uri: editor.document.uri, ranges: [span('the bridge opens in May')] });
    await claimTagger.flush();
    await closeAllEditors();
    const edit = new vscode.WorkspaceEdit();
    edit.deleteFile(editor.document.uri);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(await exists(sidecarUri(editor.document.uri)), 'the sidecar is kept');
    await eventually(async () => (await claimTagger.tree.rootLabels()).some((l) => /^Detached \(\d+\)$/.test(l)), 10_000, rootsExpectation('to include Detached (N)'));
  });

  test('an untitled document keeps its tags in memory and writes them when first saved', async () => {
    const claimTagger = await api();
    const target = workspaceUri('store2/saved-later.txt');
    await remove(target);
    await remove(sidecarUri(target));
    const document = await vscode.workspace.openTextDocument(target.with({ scheme: 'untitled' }));
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), TEXT));
    const [tag] = await exec<Tag[]>('claimTagger.tagClaim', { uri: document.uri, ranges: [span('the bridge opens in May')] });
    await claimTagger.flush();
    assert.ok(!(await exists(sidecarUri(target))), 'nothing on disk before the first save');
    assert.ok(await document.save());
    await eventually(() => exists(sidecarUri(target)), 10_000);
    const saved = (await readJson(sidecarUri(target))) as { tags: Tag[] };
    assert.deepEqual(saved.tags.map((t: Tag) => [t.id, t.quote]), [[tag.id, 'the bridge opens in May']]);
  });
});
