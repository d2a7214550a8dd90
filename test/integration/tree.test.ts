import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Tag } from '../../src/core/model';
import { api, closeAllEditors, eventually, exec, openFresh, readJson, rootsExpectation, screenshot, sidecarUri, workspaceUri, writeFile } from './helpers';

const TEXT = 'The mayor said the bridge will cost 310 million euros. Critics called it a disgrace. Officials disagree.\n';
const span = (q: string) => ({ start: TEXT.indexOf(q), end: TEXT.indexOf(q) + q.length });
const node = (uri: vscode.Uri, tag: Tag) => ({ type: 'tag', doc: uri.toString(), tag });

suite('Tags view', () => {
  suiteSetup(async () => {
    await exec('claimTagger.tags.focus');
  });
  teardown(async () => {
    await exec('claimTagger.clearTagFilter');
    await exec('claimTagger.groupTags', { grouping: 'document' });
    await closeAllEditors();
  });

  test('tags appear in the view after tagging, with counts; the badge counts unreviewed claims', async () => {
    const claimTagger = await api();
    const editor = await openFresh('tree/one.txt', TEXT);
    await exec('claimTagger.tagClaim', { ranges: [span('the bridge will cost 310 million euros')] });
    await exec('claimTagger.tagOpinion', { ranges: [span('disgrace')] });
    await eventually(async () => (await claimTagger.tree.rootLabels()).includes('tree/one.txt (2)'), 5000, rootsExpectation('to include tree/one.txt (2)'));
    assert.ok(claimTagger.tree.unreviewedClaims() >= 1);
    void editor;
  });

  test('clicking a tag opens its document and selects the span', async () => {
    const editor = await openFresh('tree/click.txt', TEXT);
    const [tag] = await exec<Tag[]>('claimTagger.tagClaim', { ranges: [span('Officials disagree.')] });
    await closeAllEditors();
    await exec('claimTagger._openTag', node(editor.document.uri, tag));
    const active = vscode.window.activeTextEditor!;
    assert.equal(active.document.uri.toString(), editor.document.uri.toString());
    assert.equal(active.document.getText(active.selection), 'Officials disagree.');
  });

  test('inline actions (status, note, remove) change the sidecar; multi-select sets many statuses', async () => {
    const claimTagger = await api();
    const editor = await openFresh('tree/actions.txt', TEXT);
    const uri = editor.document.uri;
    const [a] = await exec<Tag[]>('claimTagger.tagClaim', { ranges: [span('the bridge will cost 310 million euros')] });
    const [b] = await exec<Tag[]>('claimTagger.tagClaim', { ranges: [span('Officials disagree.')] });
    await exec('claimTagger.setStatus', { ...node(uri, a), value: 'verified' });
    await exec('claimTagger.editNote', { ...node(uri, b), value: 'ask who' });
    await exec('claimTagger.setStatus', { ...node(uri, a), value: 'disputed' }, [{ ...node(uri, a), value: 'disputed' }, node(uri, b)]);
    await claimTagger.flush();
    const sidecar = sidecarUri(uri);
    await eventually(async () => {
      const tags = ((await readJson(sidecar)) as { tags: Tag[] }).tags;
      return tags.every((t) => t.status === 'disputed') && tags.find((t) => t.id === b.id)?.note === 'ask who';
    });
    await exec('claimTagger.removeTag', node(uri, a), [node(uri, a), node(uri, b)]);
    await claimTagger.flush();
    await eventually(async () => ((await readJson(sidecar)) as { tags: Tag[] }).tags.length === 0);
  });

  test('context menu: copy quote and copy as citation put the text on the clipboard', async () => {
    const editor = await openFresh('tree/copy.txt', TEXT);
    const uri = editor.document.uri;
    const [t] = await exec<Tag[]>('claimTagger.tagAttribution', { ranges: [span('the bridge will cost 310 million euros')], source: span('The mayor'), cue: span('said') });
    await (await api()).flush();
    assert.equal(await exec<string>('claimTagger.copyQuote', node(uri, t)), 'the bridge will cost 310 million euros');
    assert.equal(await vscode.env.clipboard.readText(), 'the bridge will cost 310 million euros');
    await exec('claimTagger.copyCitation', node(uri, t));
    assert.equal(await vscode.env.clipboard.readText(), '“the bridge will cost 310 million euros” — The mayor (tree/copy.txt, line 1, column 16)');
  });

  test("copy as citation names the article's title, its URL from the settings and the line and column", async () => {
    const article = `# Bridge costs <rise>\n\n${TEXT}`;
    const editor = await openFresh('tree/cite.md', article);
    const uri = editor.document.uri;
    await vscode.workspace.getConfiguration('claimTagger', uri).update('report.articleUrl', 'https://news.example/bridge', vscode.ConfigurationTarget.Global);
    try {
      const at = article.indexOf('Critics called it a disgrace.');
      const [t] = await exec<Tag[]>('claimTagger.tagClaim', { ranges: [{ start: at, end: at + 'Critics called it a disgrace.'.length }] });
      await (await api()).flush();
      await exec('claimTagger.copyCitation', node(uri, t));
      const column = at - article.lastIndexOf('\n', at);
      assert.equal(await vscode.env.clipboard.readText(), `“Critics called it a disgrace.” (“Bridge costs <rise>”, tree/cite.md, line 3, column ${column}, https://news.example/bridge)`);
    } finally {
      await vscode.workspace.getConfiguration('claimTagger').update('report.articleUrl', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  test('rows: identical quotes get line and context, notes as plain text, attributions their source; expansion survives filter and regrouping', async () => {
    const claimTagger = await api();
    const text = 'Prices rose again. The mayor said prices rose again.\nLater, prices rose again.\n';
    const editor = await openFresh('tree/rows.txt', text);
    const uri = editor.document.uri;
    const at = (q: string, from = 0) => ({ start: text.indexOf(q, from), end: text.indexOf(q, from) + q.length });
    const all = [...text.matchAll(/rose again/g)].map((m) => ({ start: m.index!, end: m.index! + 'rose again'.length }));
    assert.equal(all.length, 3);
    const [first] = await exec<Tag[]>('claimTagger.tagOpinion', { uri, ranges: all });
    await exec('claimTagger.editNote', { uri, id: first.id, value: 'Check **the index** in [the bulletin](https://example.org)' });
    await exec<Tag[]>('claimTagger.tagAttribution', { uri, ranges: [at('prices rose again', 20)], source: at('The mayor'), cue: at('said') });
    await claimTagger.flush();
    const path = ['tree/rows.txt', 'Opinion'];
    const rows = (await eventually(async () => {
      const r = await claimTagger.tree.items(path);
      return r.length === 3 ? r : undefined;
    }))!;
    const descriptions = rows.map((r) => r.description ?? '');
    assert.ok(descriptions[0].startsWith('line 1 ') && descriptions.some((d) => d.startsWith('line 2 ')), descriptions.join(' | '));
    assert.equal(new Set(descriptions.map((d) => d.split(' · ')[0])).size, 3, `each row says where it is: ${descriptions.join(' | ')}`);
    assert.ok(descriptions.some((d) => d.endsWith('Check the index in the bulletin')), descriptions.join(' | '));
    const [attribution] = await claimTagger.tree.items(['tree/rows.txt', 'Attribution']);
    assert.match(attribution.description ?? '', /— The mayor/);
    // The user collapses the rows (VS Code tells the view); a filter and a regrouping later, they are as left.
    const docRow = async () => (await claimTagger.tree.items()).find((r) => r.label.startsWith('tree/rows.txt'))?.expanded;
    const refilterAndRegroup = async () => {
      await exec('claimTagger.filterTags', { kinds: ['claim'] });
      await exec('claimTagger.clearTagFilter');
      await exec('claimTagger.groupTags', { grouping: 'kind' });
      await exec('claimTagger.groupTags', { grouping: 'document' });
    };
    await exec('claimTagger.tags.focus');
    await exec('workbench.actions.treeView.claimTagger.tags.collapseAll');
    await eventually(async () => (await docRow()) === false);
    await refilterAndRegroup();
    assert.equal(await docRow(), false);
  });

  test('Set Attribution Source and Cue… is in the context menu of attribution rows only', () => {
    const menus = vscode.extensions.getExtension('claim-tagger.claim-tagger')!.packageJSON.contributes.menus['view/item/context'] as { command: string; when: string }[];
    const entry = menus.find((m) => m.command === 'claimTagger.setSource');
    assert.ok(entry, 'in the context menu');
    const re = /viewItem =~ \/(.+)\/$/.exec(entry.when)![1];
    assert.ok(new RegExp(re).test('tag other anchored attribution'));
    assert.ok(!new RegExp(re).test('tag claim anchored'));
  });

  test('an untitled document leaves the view when it is closed', async () => {
    const claimTagger = await api();
    const document = await vscode.workspace.openTextDocument({ content: 'Unsaved notes: 40 percent of the budget.\n', language: 'plaintext' });
    await vscode.window.showTextDocument(document);
    await exec('claimTagger.tagClaim', { uri: document.uri, ranges: [{ start: 0, end: 13 }] });
    const name = document.uri.path;
    await eventually(async () => (await claimTagger.tree.rootLabels()).some((l) => l.startsWith(name)), 5000, rootsExpectation(`to list ${name}`));
    await exec('workbench.action.revertAndCloseActiveEditor');
    await eventually(async () => !(await claimTagger.tree.rootLabels()).some((l) => l.startsWith(name)), 5000, rootsExpectation(`to no longer list ${name}`));
  });

  test('grouping and filter switches change the first level; the description names the filter', async () => {
    const claimTagger = await api();
    await openFresh('tree/group.txt', TEXT);
    await exec('claimTagger.tagClaim', { ranges: [span('Officials disagree.')] });
    await exec('claimTagger.tagOpinion', { ranges: [span('disgrace')] });
    await exec('claimTagger.groupTags', { grouping: 'kind' });
    await eventually(async () => {
      const roots = await claimTagger.tree.rootLabels();
      return roots.some((r) => r.startsWith('Claim (') || r.startsWith('claim (')) && roots.some((r) => /^opinion \(/i.test(r));
    });
    await exec('claimTagger.groupTags', { grouping: 'status' });
    // Conflicts other suites left in the workspace are listed first whatever the grouping.
    const statusRoots = (await claimTagger.tree.rootLabels()).filter((r) => !r.startsWith('Merge conflicts'));
    assert.ok(statusRoots.length && statusRoots.every((r) => /^(unreviewed|verified|false|misleading|disputed|unverifiable) \(/.test(r)), statusRoots.join(', '));
    await exec('claimTagger.groupTags', { grouping: 'document' });
    await exec('claimTagger.filterTags', { kinds: ['opinion'], text: 'disgrace' });
    assert.match(claimTagger.tree.description() ?? '', /Filter: opinion · "disgrace"/);
    const roots = await claimTagger.tree.rootLabels();
    assert.ok(roots.includes('tree/group.txt (1)'), roots.join(', '));
    await screenshot('tags-view');
    await exec('claimTagger.clearTagFilter');
    assert.equal(claimTagger.tree.description(), undefined);
  });

  test('a sidecar changed on disk refreshes the view, also for documents that are not open', async () => {
    const claimTagger = await api();
    const editor = await openFresh('tree/external.txt', TEXT);
    await exec('claimTagger.tagClaim', { ranges: [span('Officials disagree.')] });
    await claimTagger.flush();
    const sidecar = sidecarUri(editor.document.uri);
    await closeAllEditors();
    const copy = workspaceUri('tree/copied.txt');
    await writeFile(copy, TEXT);
    const data = (await readJson(sidecar)) as { document: string; tags: Tag[] };
    data.document = 'copied.txt';
    data.tags.push({ ...data.tags[0], id: 'second', kind: 'opinion', status: undefined });
    await writeFile(sidecarUri(copy), JSON.stringify(data, null, 2));
    await eventually(async () => (await claimTagger.tree.rootLabels()).includes('tree/copied.txt (2)'), 10_000, rootsExpectation('to include tree/copied.txt (2)'));
    await vscode.workspace.fs.delete(copy);
    await vscode.workspace.fs.delete(sidecarUri(copy));
    await eventually(async () => !(await claimTagger.tree.rootLabels()).some((l) => l.startsWith('tree/copied.txt')), 10_000, rootsExpectation('to no longer list tree/copied.txt'));
  });

  test('moving the cursor onto a tag selects it in the view', async () => {
    const claimTagger = await api();
    const editor = await openFresh('tree/follow.txt', TEXT);
    const [tag] = await exec<Tag[]>('claimTagger.tagClaim', { ranges: [span('Officials disagree.')] });
    await exec('claimTagger.tags.focus');
    await vscode.window.showTextDocument(editor.document);
    const at = editor.document.positionAt(span('Officials disagree.').start + 3);
    const elsewhere = editor.document.positionAt(0);
    let followed = false;
    for (let i = 0; i < 10 && !followed; i++) {
      // Move the cursor onto the tag as a person would, and give the view a moment to follow.
      editor.selection = new vscode.Selection(elsewhere, elsewhere);
      editor.selection = new vscode.Selection(at, at);
      await new Promise((r) => setTimeout(r, 600));
      followed = claimTagger.tree.selectedTagIds().includes(tag.id);
    }
    assert.ok(followed, 'the Tags view selected the tag under the cursor');
  });
});
