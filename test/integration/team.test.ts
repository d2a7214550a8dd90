// Team features in the real editor: Compare Annotators… over a shared sidecar (tags by author, unsaved ones
// included) and blind copies <document>.tags.<author>.json beside it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Tag } from '../../src/core/model';
import { emptySidecar, serializeSidecar } from '../../src/core/sidecar/format';
import { createTag } from '../../src/core/tags';
import type { CompareResult } from '../../src/team/commands';
import type { CurateResult } from '../../src/team/curate';
import { api, besideUri, closeAllEditors, exec, freshFolder, readText, sidecarUri, writeFile } from './helpers';

const TEXT = 'The council approved the budget on Monday. Critics called it reckless. The mayor said taxes will not rise. Turnout was 41 percent.\n';

function tag(quote: string, kind: string, author: string): Tag {
  const start = TEXT.indexOf(quote);
  return createTag(TEXT, { kind, start, end: start + quote.length, author });
}
function sidecar(tags: Tag[]): string {
  return serializeSidecar({ ...emptySidecar('article.md', TEXT), tags });
}

/** A fresh folder with the article, its shared sidecar and blind copies. */
async function writeArticle(folder: string, shared: Tag[], blind: Record<string, string> = {}): Promise<vscode.Uri> {
  const doc = vscode.Uri.joinPath(await freshFolder(folder), 'article.md');
  await writeFile(doc, TEXT);
  await writeFile(sidecarUri(doc), sidecar(shared));
  for (const [author, content] of Object.entries(blind)) await writeFile(besideUri(doc, `.tags.${author}.json`), content);
  return doc;
}

const ana = () => [tag('The council approved the budget on Monday.', 'claim', 'ana'), tag('reckless', 'opinion', 'ana')];
const ben = () => [tag('The council approved the budget', 'claim', 'ben'), tag('reckless', 'opinion', 'ben')];

suite('team: compare annotators', () => {
  teardown(async () => {
    await closeAllEditors();
    await vscode.workspace.getConfiguration('claimTagger').update('author', undefined, vscode.ConfigurationTarget.Global);
  });

  test('shared sidecar by author plus a blind copy: the report opens with every pair', async () => {
    const doc = await writeArticle('team/shared', [...ana(), ...ben()], { cora: sidecar([tag('Critics called it reckless.', 'opinion', 'whoever')]) });
    const r = await exec<CompareResult>('claimTagger.compareAnnotators', { scope: 'document', uri: doc });
    assert.deepEqual(r.annotators, ['ana', 'ben', 'cora']);
    const report = vscode.window.activeTextEditor!.document;
    assert.equal(report.uri.toString(), r.target);
    assert.equal(report.languageId, 'markdown');
    const text = report.getText();
    for (const pair of ['## ana and ben', '## ana and cora', '## ben and cora']) assert.ok(text.includes(pair), pair);
    assert.match(text, /Krippendorff's alpha/);
  });

  test('figures as JSON; a tag added in the editor counts before it is saved', async () => {
    const doc = await writeArticle('team/live', [...ana(), ...ben()]);
    await exec<CompareResult>('claimTagger.compareAnnotators', { scope: 'document', uri: doc, format: 'json' });
    const first = JSON.parse(vscode.window.activeTextEditor!.document.getText());
    assert.deepEqual([first.pairs[0].overall.a, first.pairs[0].overall.b, first.pairs[0].overall.exact.matched, first.pairs[0].overall.overlap.matched], [2, 2, 1, 2]);
    // ben tags the turnout claim too, in the editor.
    await vscode.workspace.getConfiguration('claimTagger').update('author', 'ben', vscode.ConfigurationTarget.Global);
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(doc));
    const q = 'Turnout was 41 percent.';
    await exec('claimTagger.tagClaim', { uri: editor.document.uri, ranges: [{ start: TEXT.indexOf(q), end: TEXT.indexOf(q) + q.length }] });
    await exec<CompareResult>('claimTagger.compareAnnotators', { scope: 'document', uri: doc, format: 'json' });
    const second = JSON.parse(vscode.window.activeTextEditor!.document.getText());
    const claim = second.pairs[0].kinds.find((k: { kind: string }) => k.kind === 'claim');
    assert.deepEqual([claim.a, claim.b, claim.onlyB], [1, 2, 1]);
    await (await api()).flush();
  });

  test('a broken blind copy: an error naming the file and position; nothing written', async () => {
    const broken = sidecar(ben()).replace('"tags": [', '"tags": [,');
    const doc = await writeArticle('team/broken', ana(), { ben: broken });
    const r = await exec<CompareResult | undefined>('claimTagger.compareAnnotators', { scope: 'document', uri: doc });
    assert.equal(r, undefined);
    assert.equal(await readText(besideUri(doc, '.tags.ben.json')), broken);
  });

  test('the whole workspace: documents with blind copies only count too; an unreadable one is left out', async () => {
    await writeArticle('team/ws', [], { ana: sidecar(ana()), ben: sidecar(ben()) });
    await writeArticle('team/ws-broken', ana(), { ben: '{ "format": "claim-tagger/tags", ' });
    const r = await exec<CompareResult>('claimTagger.compareAnnotators', { scope: 'workspace', format: 'json', authors: ['ana', 'ben'] });
    const out = JSON.parse(vscode.window.activeTextEditor!.document.getText());
    assert.ok(out.documents.some((d: { name: string; annotators: string[] }) => d.name.endsWith('team/ws/article.md') && d.annotators.join() === 'ana,ben'));
    assert.ok(r.documents >= 1);
    assert.ok(!out.documents.some((d: { name: string }) => d.name.includes('ws-broken')));
  });
});

suite('team: curate tags', () => {
  teardown(closeAllEditors);

  test('blind copies: the curated tags go into the shared sidecar, shown in the editor; the copies unchanged', async () => {
    const anaFile = sidecar(ana());
    const benFile = sidecar([...ben(), tag('The mayor said', 'attribution', 'ben')]);
    const doc = await writeArticle('team/curate-blind', [], { ana: anaFile, ben: benFile });
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(doc));
    // Disagreements in text order: the claim spans differ (merge), ben's attribution (reject); "reckless" is agreed.
    const r = await exec<CurateResult>('claimTagger.curateTags', { uri: doc, curator: 'cora', decisions: [{ action: 'merge' }, { action: 'reject' }] });
    assert.deepEqual([r.items, r.disagreements, r.tags], [3, 2, 2]);
    assert.equal(r.target, sidecarUri(doc).toString());
    const written = JSON.parse(await readText(sidecarUri(doc)));
    assert.deepEqual(written.tags.map((t: { quote: string; author: string }) => [t.quote, t.author]), [['The council approved the budget on Monday.', 'cora'], ['reckless', 'cora']]);
    for (const t of written.tags) assert.equal(t.derivedFrom.length, 2);
    assert.equal(await readText(besideUri(doc, '.tags.ana.json')), anaFile);
    assert.equal(await readText(besideUri(doc, '.tags.ben.json')), benFile);
    const shown = await (await api()).tags(doc);
    assert.deepEqual(shown.map((t) => t.author), ['cora', 'cora']);
  });

  test('one shared sidecar with every annotator: the curated tags go beside it, the shared sidecar unchanged', async () => {
    const doc = await writeArticle('team/curate-shared', [...ana(), ...ben()]);
    const shared = await readText(sidecarUri(doc));
    const first = (await (await api()).tags(doc)).find((t) => t.author === 'ben' && t.kind === 'claim')!;
    const r = await exec<CurateResult>('claimTagger.curateTags', { uri: doc, curator: 'cora', decisions: [{ action: 'accept', tagId: first.id }] });
    assert.equal(r.target, besideUri(doc, '.tags.curated.json').toString());
    const curated = JSON.parse(await readText(besideUri(doc, '.tags.curated.json')));
    assert.deepEqual(curated.tags.map((t: { quote: string; derivedFrom: string[] }) => t.quote), ['The council approved the budget', 'reckless']);
    assert.deepEqual(curated.tags[0].derivedFrom, [first.id]);
    assert.equal(await readText(sidecarUri(doc)), shared);
    // Curating again asks before replacing; with replace the file is rewritten.
    const again = await exec<CurateResult>('claimTagger.curateTags', { uri: doc, curator: 'cora', decisions: [{ action: 'reject' }], replace: true });
    assert.equal(again.tags, 1);
  });
});
