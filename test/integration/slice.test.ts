import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAllEditors, eventually, exists, openFresh, readJson, screenshot, select, workspaceUri } from './helpers';

const ARTICLE = 'The council approved 310 million euros for the bridge. Critics said it was far too late.\n';

suite('tag a selection as a claim (thin slice)', () => {
  teardown(closeAllEditors);

  test('the command tags the selection, decorates it, writes the sidecar, and the tag survives reopening', async () => {
    const claimTagger = await api();
    const editor = await openFresh('slice/article.txt', ARTICLE);
    const sel = select(editor, 'The council approved 310 million euros for the bridge.');

    const created = (await vscode.commands.executeCommand('claimTagger.tagClaim')) as { id: string; quote: string }[];
    assert.equal(created.length, 1);
    assert.equal(created[0].quote, 'The council approved 310 million euros for the bridge.');

    await claimTagger.flush();
    const ranges = claimTagger.decoratedRanges(editor.document.uri).claim ?? [];
    assert.equal(ranges.length, 1);
    assert.ok(ranges[0].isEqual(sel), `decorated ${JSON.stringify(ranges[0])}, selected ${JSON.stringify(sel)}`);
    await screenshot('slice-tagged');

    const sidecar = workspaceUri('slice/article.txt.tags.json');
    await eventually(() => exists(sidecar));
    const written = (await readJson(sidecar)) as { document: string; tags: { id: string; kind: string; quote: string; status: string }[] };
    assert.equal(written.document, 'article.txt');
    assert.deepEqual(written.tags.map((t) => [t.id, t.kind, t.quote, t.status]), [[created[0].id, 'claim', created[0].quote, 'unreviewed']]);

    await closeAllEditors();
    const reopened = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(editor.document.uri));
    await eventually(async () => {
      await claimTagger.flush();
      const again = claimTagger.decoratedRanges(reopened.document.uri).claim ?? [];
      return again.length === 1 && again[0].isEqual(sel);
    });
  });

  test('an empty selection tags the sentence at the cursor', async () => {
    const editor = await openFresh('slice/cursor.txt', ARTICLE);
    const at = editor.document.positionAt(ARTICLE.indexOf('far too'));
    editor.selection = new vscode.Selection(at, at);
    const created = (await vscode.commands.executeCommand('claimTagger.tagClaim')) as { quote: string }[];
    assert.deepEqual(created.map((t) => t.quote), ['Critics said it was far too late.']);
  });

  test('ranges passed as arguments are tagged without touching the selection, one tag per range', async () => {
    const editor = await openFresh('slice/args.txt', ARTICLE);
    const created = (await vscode.commands.executeCommand('claimTagger.tagClaim', {
      uri: editor.document.uri,
      ranges: [{ start: 4, end: 11 }, { start: ARTICLE.indexOf('Critics'), end: ARTICLE.indexOf('Critics') + 7 }],
    })) as { quote: string; start: number }[];
    assert.deepEqual(created.map((t) => t.quote), ['council', 'Critics']);
    assert.ok(editor.selection.isEmpty);
  });
});
