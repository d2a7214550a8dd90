import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Tag } from '../../src/core/model';
import { api, closeAllEditors, eventually, exec, openFresh, readJson, readText, remove, workspaceUri } from './helpers';

const TEXT = 'The council approved 310 million euros. "It is a <script>alert(1)</script> disgrace," said Okafor.\n';
const span = (q: string) => ({ start: TEXT.indexOf(q), end: TEXT.indexOf(q) + q.length });
const FORMATS = ['md', 'html', 'csv', 'json', 'w3c', 'claimreview'] as const;

async function tagged(name: string): Promise<vscode.TextEditor> {
  const editor = await openFresh(name, TEXT);
  const [claim] = await exec<Tag[]>('claimTagger.tagClaim', { ranges: [span('The council approved 310 million euros.')] });
  await exec('claimTagger.setStatus', { uri: editor.document.uri, id: claim.id, value: 'verified' });
  await exec('claimTagger.editNote', { uri: editor.document.uri, id: claim.id, value: 'Minutes, p. 4 <img src=x onerror=alert(2)>' });
  await exec('claimTagger.tagAttribution', { ranges: [span('"It is a <script>alert(1)</script> disgrace,"')], source: span('Okafor'), cue: span('said') });
  await exec('claimTagger.tagOpinion', { ranges: [span('disgrace')] });
  await (await api()).flush();
  return editor;
}

suite('reports in the editor', () => {
  teardown(closeAllEditors);

  test('this document, every format, opened as an untitled document', async () => {
    const editor = await tagged('report/doc.txt');
    const targets = new Set<string>();
    for (const format of FORMATS) {
      await vscode.window.showTextDocument(editor.document);
      const r = await exec<{ target: string; tags: number; documents: number }>('claimTagger.exportReport', { scope: 'document', format, target: 'untitled' });
      assert.equal(r.tags, 3, format);
      const report = vscode.window.activeTextEditor!.document;
      assert.equal(report.uri.toString(), r.target);
      assert.ok(report.isUntitled);
      targets.add(r.target);
      const text = report.getText();
      if (format === 'json' || format === 'w3c' || format === 'claimreview') JSON.parse(text);
      if (format === 'html') {
        assert.ok(!/<script>alert/.test(text), 'quotes are escaped');
        assert.ok(!/<img src=x/.test(text), 'notes are escaped');
        assert.match(text, /Content-Security-Policy/);
      }
      if (format === 'md') assert.match(text, /\*\*The council approved 310 million euros\.\*\*/);
    }
    assert.equal(targets.size, FORMATS.length);
    for (const target of targets) {
      await vscode.window.showTextDocument(vscode.Uri.parse(target));
      await exec('workbench.action.revertAndCloseActiveEditor');
    }
  });

  test('a target given as a relative path is written in the workspace folder', async () => {
    await tagged('report/rel.txt');
    const out = workspaceUri('report', 'relative.json');
    await remove(out);
    const r = await exec<{ tags: number; target: string }>('claimTagger.exportReport', { scope: 'document', uri: workspaceUri('report/rel.txt'), format: 'json', target: 'report/relative.json' });
    assert.equal(r.target, out.toString());
    assert.ok(r.tags >= 3);
    assert.match(await readText(out), /report\/rel\.txt/);
  });

  test('whole workspace to a file, and the tags selected in the Tags view', async () => {
    await tagged('report/ws-a.txt');
    await tagged('report/ws-b.txt');
    const out = workspaceUri('report/out.csv');
    const r = await exec<{ documents: number; tags: number; target: string }>('claimTagger.exportReport', { scope: 'workspace', format: 'csv', target: out });
    assert.ok(r.documents >= 2 && r.tags >= 6);
    const csv = await readText(out);
    assert.match(csv, /report\/ws-a\.txt/);
    assert.match(csv, /report\/ws-b\.txt/);
    // The tags selected in the Tags view: moving the cursor onto a tag selects it there.
    const claimTagger = await api();
    await exec('claimTagger.tags.focus');
    const b = await vscode.window.showTextDocument(workspaceUri('report/ws-b.txt'));
    const at = b.document.positionAt(TEXT.indexOf('Okafor') - 12);
    b.selection = new vscode.Selection(at, at);
    // The view follows the cursor after a short debounce, once the workspace index has loaded: slow under load.
    await eventually(() => claimTagger.tree.selectedTagIds().length === 1, 15000, {
      expected: 'the Tags view to select the one tag under the cursor',
      seen: () => `${claimTagger.tree.selectedTagIds().length} selected`,
    });
    const sel = await exec<{ documents: number; tags: number }>('claimTagger.exportReport', { scope: 'selection', format: 'json', target: workspaceUri('report/sel.json') });
    assert.deepEqual([sel.documents, sel.tags], [1, 1]);
    const json = await readJson(workspaceUri('report/sel.json'));
    assert.match(JSON.stringify(json), /ws-b\.txt/);
  });

  test('reports name documents by their workspace-relative path, or the article URL from the settings; never a path of this machine', async () => {
    const editor = await tagged('report/paths/rel.txt');
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const machine = [folder.fsPath, folder.path, folder.toString()];
    for (const format of FORMATS) {
      const out = workspaceUri(`report/paths/out-${format}`);
      await exec('claimTagger.exportReport', { scope: 'document', uri: editor.document.uri, format, target: out });
      const text = await readText(out);
      for (const p of machine) assert.ok(!text.includes(p) && !text.includes(encodeURI(p)), `${format} report contains ${p}`);
      assert.ok(!text.includes('file://'), `${format} report contains a file:// URI`);
    }
    const json = (await readJson(workspaceUri('report/paths/out-json'))) as { documents: { name: string; uri: string }[] };
    assert.deepEqual([json.documents[0].name, json.documents[0].uri], ['report/paths/rel.txt', 'urn:claim-tagger:document:report/paths/rel.txt']);
    await vscode.workspace.getConfiguration('claimTagger').update('report.articleUrl', 'https://news.example/council-budget', vscode.ConfigurationTarget.Global);
    try {
      await exec('claimTagger.exportReport', { scope: 'document', uri: editor.document.uri, format: 'json', target: workspaceUri('report/paths/url.json') });
      const withUrl = (await readJson(workspaceUri('report/paths/url.json'))) as { documents: { name: string; uri: string }[] };
      assert.deepEqual([withUrl.documents[0].name, withUrl.documents[0].uri], ['report/paths/rel.txt', 'https://news.example/council-budget']);
    } finally {
      await vscode.workspace.getConfiguration('claimTagger').update('report.articleUrl', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  test('the preview follows theme changes while open', async () => {
    const claimTagger = await api();
    const editor = await tagged('report/theme.txt');
    const setTheme = async (name: string | undefined, kind: vscode.ColorThemeKind) => {
      await vscode.workspace.getConfiguration('workbench').update('colorTheme', name, vscode.ConfigurationTarget.Global);
      await eventually(() => vscode.window.activeColorTheme.kind === kind, 10_000);
    };
    try {
      await setTheme('Default Light Modern', vscode.ColorThemeKind.Light);
      await exec('claimTagger.previewReport', { uri: editor.document.uri });
      assert.match(claimTagger.previewHtml(), /#0066cc/i, 'light claim colour');
      await setTheme('Default Dark Modern', vscode.ColorThemeKind.Dark);
      await eventually(() => /#4fa3ff/i.test(claimTagger.previewHtml()), 5000);
      await setTheme('Default High Contrast Light', vscode.ColorThemeKind.HighContrastLight);
      await eventually(() => /#0044aa/i.test(claimTagger.previewHtml()), 5000);
    } finally {
      await vscode.workspace.getConfiguration('workbench').update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  test('preview shows the HTML report with a strict CSP and refreshes when tags change', async () => {
    const editor = await tagged('report/preview.txt');
    const first = await exec<{ html: string }>('claimTagger.previewReport', { uri: editor.document.uri });
    const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(first.html)?.[1]?.replace(/&#39;|&#x27;/g, "'") ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /style-src [^;]*'nonce-[A-Za-z0-9+/=]+'/);
    assert.ok(!/<script/i.test(first.html.replace(/&lt;script/g, '')));
    assert.ok(!/script-src/.test(first.html) || /script-src 'none'/.test(first.html));
    const claimTagger = await api();
    assert.equal(claimTagger.previewHtml(), first.html);
    await exec('claimTagger.tagClaim', { uri: editor.document.uri, ranges: [span('said Okafor')] });
    await eventually(() => claimTagger.previewHtml().includes('4 tags'), 5000);
    const again = { html: claimTagger.previewHtml() };
    const nonce = (h: string) => /nonce-([A-Za-z0-9+/=]+)/.exec(h)?.[1];
    assert.notEqual(nonce(first.html), nonce(again.html), 'a fresh nonce per render');
  });

  test('import: our W3C export round-trips onto a copy; unplaceable annotations are kept as orphans and reported', async () => {
    const editor = await tagged('report/import-src.txt');
    await vscode.window.showTextDocument(editor.document);
    await exec('claimTagger.exportReport', { scope: 'document', format: 'w3c', target: workspaceUri('report/anno.jsonld') });
    const copy = await openFresh('report/import-dst.txt', 'Intro line.\n' + TEXT);
    const json = await readText(workspaceUri('report/anno.jsonld'));
    const summary = await exec<{ imported: number; placed: number; orphaned: number }>('claimTagger.importAnnotations', { uri: copy.document.uri, json });
    assert.deepEqual([summary.imported, summary.placed, summary.orphaned], [3, 3, 0]);
    const tags = await (await api()).tags(copy.document.uri);
    const claim = tags.find((t) => t.kind === 'claim')!;
    assert.equal(copy.document.getText().slice(claim.start, claim.end), 'The council approved 310 million euros.');
    assert.equal(claim.status, 'verified');
    const attribution = tags.find((t) => t.kind === 'attribution')!;
    assert.ok(attribution.source && 'quote' in attribution.source && attribution.source.quote === 'Okafor');

    const hypothesisLike = JSON.stringify([{ id: 'h1', text: 'not in this text', target: [{ source: 'x', selector: [{ type: 'TextQuoteSelector', exact: 'a sentence that is nowhere' }] }] }]);
    const s2 = await exec<{ orphaned: number; imported: number }>('claimTagger.importAnnotations', { uri: copy.document.uri, json: hypothesisLike });
    assert.deepEqual([s2.imported, s2.orphaned], [1, 1]);
    await eventually(async () => (await (await api()).tags(copy.document.uri)).some((t) => t.anchor.state === 'orphaned' && t.quote === 'a sentence that is nowhere'));
  });
});
