// Annotate blind in the real editor: while on, the store reads and writes the author's blind copy
// <document>.tags.<author>.json; the shared sidecar is left alone; switching back shows the shared tags again.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Tag } from '../../src/core/model';
import { emptySidecar, serializeSidecar } from '../../src/core/sidecar/format';
import { createTag } from '../../src/core/tags';
import { api, besideUri, closeAllEditors, eventually, exec, exists, freshFolder, readJson, readText, resetBlindMode, sidecarUri, tagsExpectation, writeFile } from './helpers';

const TEXT = 'The council approved the budget on Monday. Critics called it reckless. Turnout was 41 percent.\n';
/** Kinds highlighted in the document (marks such as gutter icons left out). */
const highlighted = (ranges: Record<string, vscode.Range[]>) => Object.keys(ranges).filter((k) => !k.startsWith('$') && ranges[k].length);
const span = (quote: string) => ({ start: TEXT.indexOf(quote), end: TEXT.indexOf(quote) + quote.length });

function tag(quote: string, kind: string, author: string): Tag {
  return createTag(TEXT, { kind, ...span(quote), author });
}

/** article.md (TEXT) alone in a folder emptied first. */
async function freshArticle(folder: string): Promise<vscode.Uri> {
  const doc = vscode.Uri.joinPath(await freshFolder(folder), 'article.md');
  await writeFile(doc, TEXT);
  return doc;
}

suite('team: annotate blind', () => {
  teardown(resetBlindMode);

  test('toggle on, tag: the blind copy holds the tag, the shared sidecar does not; toggle off: the shared tags are back', async () => {
    const doc = await freshArticle('team/blind');
    const sharedFile = sidecarUri(doc);
    const blindFile = besideUri(doc, '.tags.ben.json');
    const shared = serializeSidecar({ ...emptySidecar('article.md', TEXT), tags: [tag('Critics called it reckless.', 'opinion', 'ana')] });
    await writeFile(sharedFile, shared);
    await vscode.workspace.getConfiguration('claimTagger').update('author', 'ben', vscode.ConfigurationTarget.Global);
    const ext = await api();
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(doc));
    assert.deepEqual((await ext.tags(doc)).map((t) => t.author), ['ana']);

    const on = await exec<{ on: boolean; indicator: string }>('claimTagger.toggleAnnotateBlind');
    assert.equal(on.on, true);
    assert.match(on.indicator, /Blind: ben/);
    // The editor now shows only ben's tags: none yet.
    await eventually(async () => (await ext.tags(doc)).length === 0 || undefined, 5000, tagsExpectation(doc, 'to be none'));
    await exec('claimTagger.tagClaim', { uri: editor.document.uri, ranges: [span('The council approved the budget on Monday.')] });
    await ext.flush();
    const copy = await readJson(blindFile) as { tags: Tag[] };
    assert.deepEqual(copy.tags.map((t: Tag) => [t.kind, t.quote, t.author]), [['claim', 'The council approved the budget on Monday.', 'ben']]);
    assert.equal(await readText(sharedFile), shared, 'the shared sidecar is untouched');
    assert.deepEqual(highlighted(ext.decoratedRanges(doc)), ['claim'], 'only the blind copy\'s tag is highlighted');

    // Compare Annotators still sees everyone: the shared sidecar read from disk, ben's copy as the editor holds it.
    await exec('claimTagger.compareAnnotators', { scope: 'document', uri: doc, format: 'json' });
    const compared = JSON.parse(vscode.window.activeTextEditor!.document.getText());
    assert.deepEqual(compared.annotators, ['ana', 'ben']);
    assert.deepEqual([compared.pairs[0].overall.a, compared.pairs[0].overall.b], [1, 1]);
    await vscode.window.showTextDocument(editor.document);

    // A tag not yet written when blind annotation is switched off is written to the blind copy first.
    await exec('claimTagger.tagClaim', { uri: editor.document.uri, ranges: [span('Turnout was 41 percent.')] });
    const off = await exec<{ on: boolean; indicator: string }>('claimTagger.toggleAnnotateBlind');
    assert.deepEqual(off, { on: false, indicator: '' });
    await eventually(async () => ((await ext.tags(doc)).length === 1 && (await ext.tags(doc))[0].author === 'ana') || undefined, 5000, tagsExpectation(doc, "to be one of ana's"));
    await ext.flush();
    assert.equal((await readJson(blindFile) as { tags: Tag[] }).tags.length, 2);
    assert.equal(await readText(sharedFile), shared);
    assert.deepEqual(highlighted(ext.decoratedRanges(doc)), ['opinion']);
  });
});

suite('team: blind copies follow their document', () => {
  teardown(closeAllEditors);

  test('renaming a document in VS Code moves its blind copies beside the moved sidecar, naming the new document', async () => {
    const folder = await freshFolder('team/rename');
    const from = vscode.Uri.joinPath(folder, 'before.md');
    const to = vscode.Uri.joinPath(folder, 'after.md');
    await writeFile(from, TEXT);
    const sidecar = (tags: Tag[]) => serializeSidecar({ ...emptySidecar('before.md', TEXT), tags });
    await writeFile(sidecarUri(from), sidecar([tag('reckless', 'opinion', 'ana')]));
    await writeFile(besideUri(from, '.tags.ben.json'), sidecar([tag('reckless', 'opinion', 'ben')]));
    await writeFile(besideUri(from, '.tags.cora.json'), sidecar([]));
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(from, to);
    assert.ok(await vscode.workspace.applyEdit(edit));
    const moved = ['.tags.ben.json', '.tags.cora.json', '.tags.json'];
    await eventually(async () => (await Promise.all(moved.map((s) => exists(besideUri(to, s))))).every(Boolean) || undefined, 5000, {
      expected: `${moved.join(', ')} beside after.md`,
      seen: async () => (await vscode.workspace.fs.readDirectory(folder)).map(([name]) => name),
    });
    assert.ok(!(await exists(besideUri(from, '.tags.ben.json'))) && !(await exists(besideUri(from, '.tags.cora.json'))));
    const ben = await readJson(besideUri(to, '.tags.ben.json')) as { document: string; tags: Tag[] };
    assert.equal(ben.document, 'after.md');
    assert.deepEqual(ben.tags.map((t: Tag) => t.author), ['ben']);
  });
});

suite('team: HTML report with several annotators', () => {
  teardown(closeAllEditors);

  test('the exported HTML report of a document has the agreement section; one annotator, none', async () => {
    const doc = await freshArticle('team/report');
    await writeFile(sidecarUri(doc), serializeSidecar({ ...emptySidecar('article.md', TEXT), tags: [tag('Critics called it reckless.', 'opinion', 'ana')] }));
    const exportHtml = async () => {
      await exec('claimTagger.exportReport', { scope: 'document', format: 'html', uri: doc, target: 'untitled' });
      return vscode.window.activeTextEditor!.document.getText();
    };
    assert.ok(!(await exportHtml()).includes('Agreement between annotators'));
    // ben annotated blind: his copy beside the shared sidecar makes two annotators.
    await writeFile(besideUri(doc, '.tags.ben.json'), serializeSidecar({ ...emptySidecar('article.md', TEXT), tags: [tag('reckless', 'opinion', 'ben')] }));
    const html = await exportHtml();
    assert.match(html, /<section class="agreement"[^>]*><h2>Agreement between annotators<\/h2>/);
    assert.match(html, /<h3>ana and ben<\/h3>/);
    assert.match(html, /<figcaption>Opinion: overlap F1 and token κ<\/figcaption>/);
  });
});
