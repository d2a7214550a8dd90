// A tour of the product on the sample article, as an editor would use it; the runner saves the README's
// screenshots from these steps when started with --screenshots (`npm run screenshots`).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Tag } from '../../src/core/model';
import { api, closeAllEditors, eventually, exec, rootsExpectation, screenshot, workspaceUri } from './helpers';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

suite('tour of the sample article', () => {
  suiteSetup(async () => {
    await vscode.workspace.getConfiguration('editor', { languageId: 'markdown' }).update('wordWrap', 'on', vscode.ConfigurationTarget.Workspace, true);
    // Suggestions from the engine alone: what earlier suites tagged must not change the tour (or its screenshots).
    await vscode.workspace.getConfiguration('claimTagger').update('suggestions.learn', false, vscode.ConfigurationTarget.Global);
  });
  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('editor', { languageId: 'markdown' }).update('wordWrap', undefined, vscode.ConfigurationTarget.Workspace, true);
    await vscode.workspace.getConfiguration('claimTagger').update('suggestions.learn', undefined, vscode.ConfigurationTarget.Global);
    await closeAllEditors();
  });

  test('tag, review and report on the sample article', async () => {
    const claimTagger = await api();
    const uri = workspaceUri('riverside-bridge.md');
    const editor = await vscode.window.showTextDocument(uri);
    const text = editor.document.getText();
    const span = (q: string) => {
      const start = text.indexOf(q);
      assert.ok(start >= 0, q);
      return { start, end: start + q.length };
    };
    const claim = async (q: string, status?: string, note?: string) => {
      const [t] = await exec<Tag[]>('claimTagger.tagClaim', { uri, ranges: [span(q)] });
      if (status) await exec('claimTagger.setStatus', { uri, id: t.id, value: status });
      if (note) await exec('claimTagger.editNote', { uri, id: t.id, value: note });
      return t;
    };
    await claim('about 48,000 vehicles crossed the Old Mill Bridge each weekday last year', 'verified', 'Transport authority annual report, table 3.');
    await claim('nearly double the 25,000 it was designed to carry', 'misleading', 'Design capacity was 32,000 after the 1988 widening.');
    await claim('61 percent of residents in the eastern districts now plan their working day around the bridge');
    await claim('from 140 million euros in 2013 to 310 million euros in the latest review', 'disputed');
    await exec('claimTagger.tagAttribution', { uri, ranges: [span('"We have secured the funding, we have the design, and construction will begin next spring,"')], source: span('Mayor Elena Brandt'), cue: span('told') });
    await exec('claimTagger.tagAttribution', { uri, ranges: [span('the original plan "did not meet current safety standards for pedestrians and cyclists."')], source: span('A spokesperson for the public works department'), cue: span('stated') });
    await exec('claimTagger.tagAttribution', { uri, ranges: [span('the city has simply been unwilling to spend political capital')] });
    for (const q of ['a failure of nerve', 'stark', 'hard to believe', 'this mess', 'obvious', 'rightly']) await exec('claimTagger.tagOpinion', { uri, ranges: [span(q)] });
    await claimTagger.flush();
    const tags = await claimTagger.tags(uri);
    assert.equal(tags.length, 13);
    assert.match(claimTagger.statusBarText(), /\$\(tag\) 13/);

    // The article with its tags and a hover on a claim.
    const at = editor.document.positionAt(span('nearly double the 25,000').start + 8);
    editor.selection = new vscode.Selection(at, at);
    editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.AtTop);
    await exec('editor.action.showHover');
    await pause(800);
    await screenshot('tagged-article');
    await exec('editor.action.hideHover');

    // Suggestions for what is left.
    const suggested = await exec<unknown[]>('claimTagger.suggestTags', { uri });
    assert.ok(suggested.length > 10);

    // The Tags view, grouped by document and kind.
    await exec('claimTagger.tags.focus');
    await eventually(async () => (await claimTagger.tree.rootLabels()).some((l) => l.startsWith('riverside-bridge.md (13)')), 5000, rootsExpectation('to list riverside-bridge.md (13)'));
    await vscode.window.showTextDocument(editor.document);
    const onClaim = editor.document.positionAt(span('61 percent of residents').start + 3);
    editor.selection = new vscode.Selection(onClaim, onClaim);
    await eventually(() => claimTagger.tree.selectedTagIds().length === 1, 5000);
    await pause(500);
    await screenshot('tags-view');

    // The HTML report beside the article.
    const preview = await exec<{ html: string }>('claimTagger.previewReport', { uri });
    assert.match(preview.html, /13 tags/);
    await pause(1500);
    await screenshot('html-report');
  });
});
