import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Tag } from '../../src/core/model';
import { api, closeAllEditors, eventually, exec, openFresh, screenshot, select } from './helpers';

const ARTICLE = [
  'The council approved 310 million euros for the bridge last year.',
  '"We have secured the funding," Mayor Elena Brandt told reporters on Tuesday.',
  'Critics said the delay was a shameful failure of nerve.',
  '',
].join('\n');

const span = (quote: string) => ({ start: ARTICLE.indexOf(quote), end: ARTICLE.indexOf(quote) + quote.length });

async function tagsOf(uri: vscode.Uri): Promise<readonly Tag[]> {
  return (await api()).tags(uri);
}

suite('tagging commands', () => {
  teardown(async () => {
    await vscode.workspace.getConfiguration('claimTagger').update('kinds', undefined, vscode.ConfigurationTarget.Global);
    await closeAllEditors();
  });

  test('tagAttribution, tagOpinion and tagAs create tags of their kind from the selection', async () => {
    const editor = await openFresh('tagging/kinds.txt', ARTICLE);
    select(editor, 'shameful');
    const [opinion] = await exec<Tag[]>('claimTagger.tagOpinion');
    assert.equal(opinion.kind, 'opinion');
    select(editor, 'Critics said the delay was a shameful failure of nerve.');
    const [claim] = await exec<Tag[]>('claimTagger.tagAs', { kind: 'claim' });
    assert.deepEqual([claim.kind, claim.status], ['claim', 'unreviewed']);
    const [attribution] = await exec<Tag[]>('claimTagger.tagAttribution', { ranges: [span('"We have secured the funding,"')] });
    assert.equal(attribution.kind, 'attribution');
    assert.deepEqual((await tagsOf(editor.document.uri)).map((t) => t.kind).sort(), ['attribution', 'claim', 'opinion']);
  });

  test('each selection of a multi-cursor selection becomes one tag, trimmed; an empty one takes the word for opinion', async () => {
    const editor = await openFresh('tagging/multi.txt', ARTICLE);
    const doc = editor.document;
    const sel = (start: number, end: number) => new vscode.Selection(doc.positionAt(start), doc.positionAt(end));
    const council = ARTICLE.indexOf('council');
    const failure = ARTICLE.indexOf('failure');
    editor.selections = [sel(council - 1, council + 'council'.length + 1), sel(failure + 2, failure + 2)];
    const created = await exec<Tag[]>('claimTagger.tagOpinion');
    assert.deepEqual(created.map((t) => t.quote), ['council', 'failure']);
  });

  test('remove, note, status, kind and link through arguments', async () => {
    const editor = await openFresh('tagging/edit.txt', ARTICLE);
    const [claim] = await exec<Tag[]>('claimTagger.tagClaim', { ranges: [span('The council approved 310 million euros for the bridge last year.')] });
    const uri = editor.document.uri;
    await exec('claimTagger.editNote', { uri, id: claim.id, value: 'Check **the minutes**.' });
    await exec('claimTagger.setStatus', { uri, id: claim.id, value: 'misleading' });
    await exec('claimTagger.addLink', { uri, id: claim.id, value: 'https://example.org/minutes' });
    let [t] = await tagsOf(uri);
    assert.deepEqual([t.note, t.status, t.links], ['Check **the minutes**.', 'misleading', ['https://example.org/minutes']]);
    await assert.rejects(Promise.resolve(exec('claimTagger.addLink', { uri, id: claim.id, value: 'javascript:alert(1)' })));
    await exec('claimTagger.changeKind', { uri, id: claim.id, value: 'opinion' });
    [t] = await tagsOf(uri);
    assert.deepEqual([t.kind, t.status], ['opinion', undefined]);
    const removed = await exec<Tag[]>('claimTagger.removeTag', { uri, id: claim.id });
    assert.equal(removed.length, 1);
    assert.deepEqual(await tagsOf(uri), []);
  });

  test('commands act on the tag at the cursor', async () => {
    const editor = await openFresh('tagging/cursor.txt', ARTICLE);
    await exec<Tag[]>('claimTagger.tagClaim', { ranges: [span('310 million euros')] });
    const at = editor.document.positionAt(ARTICLE.indexOf('million'));
    editor.selection = new vscode.Selection(at, at);
    await exec('claimTagger.setStatus', { value: 'verified' });
    await exec('claimTagger.editNote', { value: 'budget line 4' });
    const [t] = await tagsOf(editor.document.uri);
    assert.deepEqual([t.status, t.note], ['verified', 'budget line 4']);
  });

  test('when tags overlap at the cursor, the command asks which one', async () => {
    const editor = await openFresh('tagging/overlap.txt', ARTICLE);
    const [outer] = await exec<Tag[]>('claimTagger.tagClaim', { ranges: [span('Critics said the delay was a shameful failure of nerve.')] });
    const [inner] = await exec<Tag[]>('claimTagger.tagOpinion', { ranges: [span('shameful')] });
    const at = editor.document.positionAt(ARTICLE.indexOf('shameful') + 2);
    editor.selection = new vscode.Selection(at, at);
    const pending = exec('claimTagger.editNote', { value: 'picked the inner one' });
    // The quick pick lists the innermost tag first; accept it.
    await new Promise((r) => setTimeout(r, 600));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await pending;
    const tags = await tagsOf(editor.document.uri);
    assert.equal(tags.find((t) => t.id === inner.id)?.note, 'picked the inner one');
    assert.equal(tags.find((t) => t.id === outer.id)?.note, undefined);
    await (await api()).flush();
    const decorated = (await api()).decoratedRanges(editor.document.uri);
    assert.equal(decorated['$nested']?.length, 1, 'the nested tag is outlined');
  });

  test('attribution triple: source and cue from arguments, decorated, shown in the hover', async () => {
    const editor = await openFresh('tagging/triple.txt', ARTICLE);
    const [tag] = await exec<Tag[]>('claimTagger.tagAttribution', {
      ranges: [span('"We have secured the funding,"')],
      source: span('Mayor Elena Brandt'),
      cue: span('told'),
    });
    const [t] = await tagsOf(editor.document.uri);
    assert.equal(t.id, tag.id);
    assert.deepEqual(t.source, { ...span('Mayor Elena Brandt'), quote: 'Mayor Elena Brandt' });
    assert.deepEqual(t.cue, { ...span('told'), quote: 'told' });
    const claimTagger = await api();
    await claimTagger.flush();
    const decorated = claimTagger.decoratedRanges(editor.document.uri);
    assert.equal(decorated['$source']?.length, 1);
    assert.equal(decorated['$cue']?.length, 1);
    const onSource = editor.document.positionAt(ARTICLE.indexOf('Elena'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, onSource);
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /source of this attribution/);
    assert.match(text, /\*\*Who:\*\* Mayor Elena Brandt/);
    assert.match(text, /\*\*Cue:\*\* told/);
  });

  test('an attribution without a source is flagged; the detector offers the source nearby', async () => {
    const editor = await openFresh('tagging/unattributed.txt', ARTICLE);
    await exec<Tag[]>('claimTagger.tagAttribution', { ranges: [span('"We have secured the funding,"')] });
    const claimTagger = await api();
    await claimTagger.flush();
    assert.equal(claimTagger.decoratedRanges(editor.document.uri)['$unattributed']?.length, 1);
    const pos = editor.document.positionAt(ARTICLE.indexOf('secured'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, pos);
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /No source/);
    // The interactive flow offers the nearby source first: accept it, then the first cue.
    editor.selection = new vscode.Selection(pos, pos);
    const pending = exec('claimTagger.setSource');
    await new Promise((r) => setTimeout(r, 600));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await new Promise((r) => setTimeout(r, 600));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await pending;
    const [t] = await tagsOf(editor.document.uri);
    assert.ok(t.source && 'quote' in t.source && /Elena Brandt/.test(t.source.quote), `source: ${JSON.stringify(t.source)}`);
    assert.equal(t.cue?.quote, 'told');
  });

  test('hover shows kind, status, note, links and action links; the note cannot run commands', async () => {
    const editor = await openFresh('tagging/hover.txt', ARTICLE);
    const [claim] = await exec<Tag[]>('claimTagger.tagClaim', { ranges: [span('310 million euros')] });
    const uri = editor.document.uri;
    await exec('claimTagger.editNote', { uri, id: claim.id, value: 'See [x](command:claimTagger.removeTag) and *this*' });
    await exec('claimTagger.addLink', { uri, id: claim.id, value: 'https://example.org/budget' });
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, editor.document.positionAt(ARTICLE.indexOf('million')));
    const parts = hovers.flatMap((h) => h.contents) as vscode.MarkdownString[];
    const all = parts.map((p) => p.value).join('\n');
    assert.match(all, /\*\*Claim\*\* · ○ Unreviewed/);
    assert.match(all, /example\.org\/budget/);
    assert.match(all, /command:claimTagger\.editNote\?/);
    assert.match(all, /command:claimTagger\.setStatus\?/);
    const note = parts.find((p) => p.value.includes('command:claimTagger.removeTag)'));
    assert.ok(note, 'the note is rendered');
    assert.ok(!note.isTrusted, 'the note is untrusted');
  });

  test('Edit Tag Note… opens the note as a Markdown document; several lines save back into the tag', async () => {
    const editor = await openFresh('tagging/note.txt', ARTICLE);
    const [claim] = await exec<Tag[]>('claimTagger.tagClaim', { ranges: [span('The council approved 310 million euros for the bridge last year.')] });
    await exec('claimTagger.editNote', { uri: editor.document.uri, id: claim.id, value: 'First draft' });
    await exec('claimTagger.editNote', { uri: editor.document.uri, id: claim.id });
    const note = await eventually(() => (vscode.window.activeTextEditor?.document.uri.scheme === 'claim-tagger-note' ? vscode.window.activeTextEditor : undefined));
    assert.equal(note!.document.languageId, 'markdown');
    assert.equal(note!.document.getText(), 'First draft');
    const text = 'Checked against the minutes:\n\n- page 4, **item 2**\n- the 2023 budget';
    assert.ok(await note!.edit((b) => b.replace(new vscode.Range(0, 0, note!.document.lineCount, 0), text)));
    // Under load, save() can resolve false before VS Code hands the text to our file system provider, which then
    // writes it: what matters is that the tag gets the note, so wait for that (and report what it holds instead).
    await note!.document.save();
    await eventually(async () => (await tagsOf(editor.document.uri))[0]?.note === text, 10000, {
      expected: `the tag's note to be ${JSON.stringify(text)}`,
      seen: async () => (await tagsOf(editor.document.uri))[0]?.note,
    });
    await eventually(() => !note!.document.isDirty, 5000, 'the note document to be saved (not dirty)');
  });

  test('next/previous wrap around and can filter by kind; goToTag selects by id', async () => {
    const editor = await openFresh('tagging/nav.txt', ARTICLE);
    const [a] = await exec<Tag[]>('claimTagger.tagClaim', { ranges: [span('The council approved')] });
    const [b] = await exec<Tag[]>('claimTagger.tagOpinion', { ranges: [span('shameful')] });
    const [c] = await exec<Tag[]>('claimTagger.tagClaim', { ranges: [span('failure of nerve')] });
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const ids: string[] = [];
    const wraps: boolean[] = [];
    for (let i = 0; i < 4; i++) {
      ids.push((await exec<Tag>('claimTagger.nextTag')).id);
      wraps.push((await api()).lastNavigationWrap() !== '');
    }
    assert.deepEqual(ids, [a.id, b.id, c.id, a.id], 'in document order, wrapping around');
    assert.deepEqual(wraps, [false, false, false, true], 'says so when it wraps');
    assert.match((await api()).lastNavigationWrap(), /end of the document/);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    assert.equal((await exec<Tag>('claimTagger.previousTag')).id, c.id, 'wraps to the last tag');
    assert.match((await api()).lastNavigationWrap(), /start of the document/);
    assert.equal((await exec<Tag>('claimTagger.previousTag', { kind: 'opinion' })).id, b.id, 'kind filter');
    await exec('claimTagger.goToTag', { id: a.id });
    assert.equal(editor.document.getText(editor.selection), 'The council approved');
  });

  test('toggleHighlights hides and shows kinds', async () => {
    const editor = await openFresh('tagging/toggle.txt', ARTICLE);
    await exec<Tag[]>('claimTagger.tagClaim', { ranges: [span('The council approved')] });
    await exec<Tag[]>('claimTagger.tagOpinion', { ranges: [span('shameful')] });
    const claimTagger = await api();
    await exec('claimTagger.toggleHighlights', { kinds: ['claim'], visible: false });
    await claimTagger.flush();
    let d = claimTagger.decoratedRanges(editor.document.uri);
    assert.equal(d.claim, undefined);
    assert.equal(d.opinion?.length, 1);
    // The status bar says a kind is hidden, and its screen-reader label is plain words, singular where it is one.
    assert.match(claimTagger.statusBarText(), /\$\(eye-closed\)/);
    const label = claimTagger.statusBarAccessibilityLabel();
    assert.match(label, /^Claim Tagger: 2 tags, 1 unreviewed claim, Hidden: Claim/);
    assert.ok(!/[*$`\\]|\$\(/.test(label), label);
    await exec('claimTagger.toggleHighlights', { visible: true });
    await claimTagger.flush();
    d = claimTagger.decoratedRanges(editor.document.uri);
    assert.equal(d.claim?.length, 1);
    assert.ok(!/eye-closed/.test(claimTagger.statusBarText()));
  });

  test('custom kinds from settings can be tagged, decorated and picked', async () => {
    await vscode.workspace.getConfiguration('claimTagger').update('kinds', [{ id: 'statistic', label: 'Statistic', color: '#8a63d2', icon: 'graph' }], vscode.ConfigurationTarget.Global);
    const editor = await openFresh('tagging/custom.txt', ARTICLE);
    const claimTagger = await api();
    await eventually(async () => ((await exec<Tag[]>('claimTagger.tagAs', { kind: 'statistic', ranges: [span('310 million euros')] })) ?? []).length === 1);
    await claimTagger.flush();
    assert.equal(claimTagger.decoratedRanges(editor.document.uri).statistic?.length, 1);
    const unknown = await exec<Tag[]>('claimTagger.tagAs', { kind: 'nonsense', ranges: [span('bridge')] });
    assert.deepEqual(unknown, []);
  });

  test('decorations per kind and claim status glyphs, in every visible editor of the document', async () => {
    const editor = await openFresh('tagging/decorations.txt', ARTICLE);
    await vscode.window.showTextDocument(editor.document, vscode.ViewColumn.Beside);
    const [claim] = await exec<Tag[]>('claimTagger.tagClaim', { uri: editor.document.uri, ranges: [span('The council approved 310 million euros for the bridge last year.')] });
    await exec('claimTagger.setStatus', { uri: editor.document.uri, id: claim.id, value: 'false' });
    await exec<Tag[]>('claimTagger.tagAttribution', { uri: editor.document.uri, ranges: [span('"We have secured the funding,"')], source: span('Mayor Elena Brandt'), cue: span('told') });
    await exec<Tag[]>('claimTagger.tagOpinion', { uri: editor.document.uri, ranges: [span('shameful')] });
    const claimTagger = await api();
    await claimTagger.flush();
    const d = claimTagger.decoratedRanges(editor.document.uri);
    assert.equal(d.claim?.length, 1);
    assert.equal(d.attribution?.length, 1);
    assert.equal(d.opinion?.length, 1);
    assert.equal(d['$status:false']?.length, 1);
    assert.equal(vscode.window.visibleTextEditors.filter((e) => e.document === editor.document).length, 2);
    assert.match(claimTagger.statusBarText(), /\$\(tag\) 3/);
    await screenshot('tagged-article');
  });
});
