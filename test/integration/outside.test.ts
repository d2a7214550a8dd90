// Articles changed outside the editor while open (reload after a change on disk, revert, another extension's
// edit), tags on text that never reached disk, and renames: the tags end where their text is, and the sidecar
// written afterwards says so.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Tag } from '../../src/core/model';
import { api, closeAllEditors, eventually, exists, openFresh, readJson, remove, sidecarUri, tagsExpectation, textExpectation, workspaceUri, writeFile } from './helpers';

const LINES = [
  'The regional transport authority said about 48,000 vehicles crossed the Old Mill Bridge each weekday.',
  'That is nearly double the 25,000 it was designed for in 1971, according to the engineers.',
  'Mayor Ilse Brandt called the figures "alarming" and promised a decision before the summer recess.',
  'Critics say the council ignored three warnings from its own inspectors since 2019.',
  'A spokesperson for the inspectors declined to comment on the reports on Tuesday.',
  'Residents of the east bank have collected 3,200 signatures for a second bridge.',
];
const ARTICLE = LINES.join('\n') + '\n';
const Q = {
  vehicles: 'about 48,000 vehicles',
  double: 'nearly double the 25,000',
  alarming: 'called the figures "alarming"',
  warnings: 'ignored three warnings from its own inspectors',
  declined: 'declined to comment',
  signatures: '3,200 signatures',
};

interface SidecarJson {
  document: string;
  textHash: string;
  tags: Tag[];
}

/** Status-bar lines the extension showed (the extension host shares this API object with the tests). */
const told: string[] = [];
const setStatusBarMessage = vscode.window.setStatusBarMessage;

async function tagAll(editor: vscode.TextEditor, quotes: string[]): Promise<Tag[]> {
  const text = editor.document.getText();
  const ranges = quotes.map((q) => ({ start: text.indexOf(q), end: text.indexOf(q) + q.length }));
  const tags = (await vscode.commands.executeCommand('claimTagger.tagClaim', { uri: editor.document.uri, ranges })) as Tag[];
  assert.equal(tags.length, quotes.length);
  return tags;
}

async function sidecarOf(uri: vscode.Uri): Promise<SidecarJson> {
  return (await readJson(sidecarUri(uri))) as SidecarJson;
}

/** The sidecar's text hash, computed independently of the extension's code (Web Crypto: Node and web worker). */
async function hash(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return 'sha256:' + Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Every tag of the sidecar on the text it quotes in `text`, with the expected states by quote. */
async function assertSidecarOn(uri: vscode.Uri, text: string, states: Record<string, string>): Promise<SidecarJson> {
  const side = await sidecarOf(uri);
  assert.equal(side.textHash, await hash(text), 'the sidecar refers to the text now in the file');
  for (const t of side.tags) {
    if (t.anchor.state !== 'orphaned') assert.equal(text.slice(t.start, t.end), t.quote, `tag "${t.quote}" on its text`);
  }
  const byQuote = Object.fromEntries(side.tags.map((t) => [t.quote, t.anchor.state]));
  for (const [quote, state] of Object.entries(states)) assert.equal(byQuote[quote], state, `state of "${quote}" in ${JSON.stringify(byQuote)}`);
  return side;
}

async function changeOnDisk(editor: vscode.TextEditor, text: string): Promise<void> {
  await writeFile(editor.document.uri, text);
  await eventually(() => editor.document.getText() === text, 15_000, textExpectation(editor, 'the text written outside'));
}

suite('outside changes to open articles', () => {
  suiteSetup(() => {
    (vscode.window as { setStatusBarMessage: unknown }).setStatusBarMessage = (text: string, ...rest: unknown[]) => {
      told.push(text);
      return (setStatusBarMessage as (t: string, ...r: unknown[]) => vscode.Disposable)(text, ...rest);
    };
  });
  suiteTeardown(() => {
    (vscode.window as { setStatusBarMessage: unknown }).setStatusBarMessage = setStatusBarMessage;
  });
  setup(() => (told.length = 0));
  teardown(closeAllEditors);

  test('changed on disk while open (a line added at the top, words replaced far from tags): every tag stays on its text', async () => {
    const claimTagger = await api();
    const editor = await openFresh('outside/pull.txt', ARTICLE);
    const tags = await tagAll(editor, [Q.vehicles, Q.alarming, Q.warnings, Q.signatures]);
    await claimTagger.flush();
    const pulled = 'Update, 14:05: figures corrected after publication.\n' + ARTICLE.replace('Residents of the east bank', 'People living on the east bank');
    await changeOnDisk(editor, pulled);
    await eventually(async () => (await claimTagger.tags(editor.document.uri)).every((t) => t.anchor.state === 'anchored' && pulled.slice(t.start, t.end) === t.quote), 10_000, tagsExpectation(editor.document.uri, 'to be anchored on their quotes in the pulled text'));
    assert.deepEqual((await claimTagger.tags(editor.document.uri)).map((t) => t.id).sort(), tags.map((t) => t.id).sort());
    await eventually(() => told.some((l) => /pull\.txt was reloaded or replaced: 4 tags found again/.test(l)), 5_000);
    await claimTagger.flush();
    await assertSidecarOn(editor.document.uri, pulled, { [Q.vehicles]: 'anchored', [Q.alarming]: 'anchored', [Q.warnings]: 'anchored', [Q.signatures]: 'anchored' });
  });

  test('a paragraph moved, a tagged sentence deleted and one reworded on disk: moved, orphaned, fuzzy', async () => {
    const claimTagger = await api();
    const editor = await openFresh('outside/moved.txt', ARTICLE);
    await tagAll(editor, [Q.double, Q.warnings, Q.declined, Q.signatures]);
    await claimTagger.flush();
    const lines = [LINES[0], LINES[5], LINES[1], LINES[2], LINES[3].replace('ignored three warnings', 'ignored three written warnings')];
    const changed = lines.join('\n') + '\n';
    await changeOnDisk(editor, changed);
    await eventually(async () => (await claimTagger.tags(editor.document.uri)).some((t) => t.anchor.state === 'fuzzy'), 10_000, tagsExpectation(editor.document.uri, 'to include a fuzzy one'));
    await claimTagger.flush();
    const side = await assertSidecarOn(editor.document.uri, changed, {
      [Q.double]: 'anchored',
      [Q.signatures]: 'anchored',
      [Q.declined]: 'orphaned',
      'ignored three written warnings from its own inspectors': 'fuzzy',
    });
    const fuzzy = side.tags.find((t) => t.anchor.state === 'fuzzy')!;
    assert.ok(fuzzy.anchor.confidence! >= 0.7 && fuzzy.anchor.confidence! < 1, `confidence ${fuzzy.anchor.confidence}`);
    assert.ok(told.some((l) => /1 placed approximately, 1 not found/.test(l)), told.join(' | '));
  });

  test('line ends switched to CRLF on disk: tags stay on their text, the sidecar counts the CRs', async () => {
    const claimTagger = await api();
    const editor = await openFresh('outside/crlf.txt', ARTICLE);
    await tagAll(editor, [Q.vehicles, Q.signatures]);
    await claimTagger.flush();
    const crlf = ARTICLE.replace(/\n/g, '\r\n');
    await changeOnDisk(editor, crlf);
    await eventually(async () => (await claimTagger.tags(editor.document.uri)).every((t) => t.anchor.state === 'anchored' && crlf.slice(t.start, t.end) === t.quote), 10_000, tagsExpectation(editor.document.uri, 'to be anchored on their quotes in the CRLF text'));
    await claimTagger.flush();
    const side = await assertSidecarOn(editor.document.uri, crlf, { [Q.vehicles]: 'anchored', [Q.signatures]: 'anchored' });
    assert.equal(side.tags.find((t) => t.quote === Q.signatures)!.start, crlf.indexOf(Q.signatures));
  });

  test('Revert File after edits that orphaned a tag: the tags are placed on the reverted text again', async () => {
    const claimTagger = await api();
    const editor = await openFresh('outside/revert.txt', ARTICLE);
    await tagAll(editor, [Q.alarming, Q.declined]);
    await claimTagger.flush();
    const line = editor.document.lineAt(4).rangeIncludingLineBreak;
    await editor.edit((b) => {
      b.delete(line); // the sentence with "declined to comment" goes: its tag is orphaned
      b.insert(new vscode.Position(0, 0), 'A draft paragraph nobody saved.\n');
    });
    await eventually(async () => (await claimTagger.tags(editor.document.uri)).some((t) => t.anchor.state === 'orphaned'), 5000, tagsExpectation(editor.document.uri, 'to include an orphaned one'));
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await eventually(() => editor.document.getText() === ARTICLE && !editor.document.isDirty, 10_000, { expected: 'the reverted document to read the article and not be dirty', seen: () => ({ isDirty: editor.document.isDirty, text: editor.document.getText() }) });
    await eventually(async () => (await claimTagger.tags(editor.document.uri)).every((t) => t.anchor.state === 'anchored' && ARTICLE.slice(t.start, t.end) === t.quote), 10_000, tagsExpectation(editor.document.uri, 'to be anchored on their quotes in the article'));
    await claimTagger.flush();
    await assertSidecarOn(editor.document.uri, ARTICLE, { [Q.alarming]: 'anchored', [Q.declined]: 'anchored' });
  });

  test('another extension replaces the whole text with a WorkspaceEdit (a paragraph moved, one deleted): tags placed by quote, written on save', async () => {
    const claimTagger = await api();
    const editor = await openFresh('outside/workspace-edit.txt', ARTICLE);
    await tagAll(editor, [Q.vehicles, Q.warnings, Q.declined, Q.signatures]);
    await claimTagger.flush();
    const replaced = [LINES[5], 'EDITOR\'S NOTE: this article was updated.', LINES[0], LINES[1], LINES[2], LINES[3]].join('\n') + '\n';
    const edit = new vscode.WorkspaceEdit();
    edit.replace(editor.document.uri, new vscode.Range(new vscode.Position(0, 0), editor.document.lineAt(editor.document.lineCount - 1).range.end), replaced);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(editor.document.getText(), replaced);
    const placed = async () => {
      const tags = await claimTagger.tags(editor.document.uri);
      return tags.filter((t) => t.anchor.state === 'anchored' && replaced.slice(t.start, t.end) === t.quote).length === 3 && tags.some((t) => t.anchor.state === 'orphaned' && t.quote === Q.declined);
    };
    await eventually(placed, 10_000);
    assert.ok(await editor.document.save());
    await claimTagger.flush();
    await assertSidecarOn(editor.document.uri, replaced, { [Q.vehicles]: 'anchored', [Q.warnings]: 'anchored', [Q.signatures]: 'anchored', [Q.declined]: 'orphaned' });
  });

  test('Undo of a change made on disk restores the previous placement exactly; Redo the new one', async () => {
    const claimTagger = await api();
    const editor = await openFresh('outside/undo.txt', ARTICLE);
    const before = await tagAll(editor, [Q.double, Q.warnings, Q.signatures]);
    await claimTagger.flush();
    const reworded = 'ignored three written warnings from its own inspectors';
    const changed = 'Correction appended above.\n' + ARTICLE.replace('ignored three warnings', 'ignored three written warnings');
    await changeOnDisk(editor, changed);
    const after = await eventually(async () => {
      const now = await claimTagger.tags(editor.document.uri);
      const fuzzy = now.find((t) => t.anchor.state === 'fuzzy');
      return fuzzy?.quote === reworded && now.every((t) => t.anchor.state !== 'orphaned') ? now.map((t) => structuredClone(t)) : undefined;
    }, 10_000);
    await vscode.commands.executeCommand('undo');
    await eventually(() => editor.document.getText() === ARTICLE, 10_000, textExpectation(editor, 'the article again after undo'));
    const exactly = (want: readonly Tag[]) => async () => {
      const now = await claimTagger.tags(editor.document.uri);
      return want.every((b) => now.some((t) => t.id === b.id && t.start === b.start && t.end === b.end && t.quote === b.quote && JSON.stringify(t.anchor) === JSON.stringify(b.anchor)));
    };
    await eventually(exactly(before), 10_000);
    await vscode.commands.executeCommand('redo');
    await eventually(() => editor.document.getText() === changed, 10_000, textExpectation(editor, 'the changed text after redo'));
    await eventually(exactly(after!), 10_000);
    await vscode.commands.executeCommand('undo');
    await eventually(exactly(before), 10_000);
    assert.ok(await editor.document.save());
    await claimTagger.flush();
    const side = await assertSidecarOn(editor.document.uri, ARTICLE, { [Q.double]: 'anchored', [Q.warnings]: 'anchored', [Q.signatures]: 'anchored' });
    assert.deepEqual(side.tags.map((t) => [t.id, t.start, t.end]).sort(), before.map((t) => [t.id, t.start, t.end]).sort());
  });

  test('a tag on unsaved text is dropped by Revert File; a tag on saved text made meanwhile stays', async () => {
    const claimTagger = await api();
    const editor = await openFresh('outside/unsaved.txt', ARTICLE);
    const draft = 'The bridge will close for three months in 2027.';
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), draft + '\n'));
    assert.ok(editor.document.isDirty);
    const [onDraft, onSaved] = await tagAll(editor, [draft, Q.signatures]);
    await claimTagger.flush();
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await eventually(() => editor.document.getText() === ARTICLE, 10_000, {
      expected: 'unsaved.txt to read the article again after revert',
      seen: () => ({ dirty: editor.document.isDirty, active: vscode.window.activeTextEditor?.document.uri.path, text: editor.document.getText().slice(0, 60) }),
    });
    await eventually(async () => {
      const ids = (await claimTagger.tags(editor.document.uri)).map((t) => t.id);
      return !ids.includes(onDraft.id) && ids.includes(onSaved.id);
    }, 10_000);
    await claimTagger.flush();
    const side = await assertSidecarOn(editor.document.uri, ARTICLE, { [Q.signatures]: 'anchored' });
    assert.deepEqual(side.tags.map((t) => t.id), [onSaved.id], 'no tag for the text that never reached disk');
    assert.ok(told.some((l) => /1 tag on text never saved removed/.test(l)), told.join(' | '));
  });

  test('closing without saving (revert and close): the sidecar keeps no tag for the unsaved text', async () => {
    const claimTagger = await api();
    const editor = await openFresh('outside/dont-save.txt', ARTICLE);
    const draft = 'Officials expect the repairs to cost 4 million.';
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    await editor.edit((b) => b.insert(end, draft + '\n'));
    const [onDraft, onSaved] = await tagAll(editor, [draft, Q.vehicles]);
    await claimTagger.flush();
    assert.ok((await sidecarOf(editor.document.uri)).tags.some((t) => t.id === onDraft.id), 'written while open, like every tag');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await eventually(async () => !(await sidecarOf(editor.document.uri)).tags.some((t) => t.id === onDraft.id), 10_000);
    await claimTagger.flush();
    const side = await assertSidecarOn(editor.document.uri, ARTICLE, { [Q.vehicles]: 'anchored' });
    assert.deepEqual(side.tags.map((t) => t.id), [onSaved.id]);
  });

  test('saving keeps tags on text that was unsaved when they were made', async () => {
    const claimTagger = await api();
    const editor = await openFresh('outside/saved-later.txt', ARTICLE);
    const draft = 'Officials expect the repairs to cost 4 million.';
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), draft + '\n'));
    const [onDraft] = await tagAll(editor, [draft]);
    assert.ok(await editor.document.save());
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await claimTagger.flush();
    assert.ok((await claimTagger.tags(editor.document.uri)).some((t) => t.id === onDraft.id && t.anchor.state === 'anchored'));
    await assertSidecarOn(editor.document.uri, draft + '\n' + ARTICLE, { [draft]: 'anchored' });
  });

  test('renaming in VS Code names the new file in the moved sidecar: no warning when it is loaded', async () => {
    const claimTagger = await api();
    const editor = await openFresh('outside/old-name.txt', ARTICLE);
    const [tag] = await tagAll(editor, [Q.alarming]);
    await claimTagger.flush();
    assert.equal((await sidecarOf(editor.document.uri)).document, 'old-name.txt');
    const to = workspaceUri('outside/new-name.txt');
    await remove(to);
    await remove(sidecarUri(to));
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(editor.document.uri, to);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await eventually(() => exists(sidecarUri(to)));
    assert.equal((await sidecarOf(to)).document, 'new-name.txt');
    assert.deepEqual((await claimTagger.tags(to)).map((t) => t.id), [tag.id]);
    assert.deepEqual(claimTagger.documentState(to)?.warnings, []);
  });
});

suite('outside: the report preview follows a rename', () => {
  teardown(closeAllEditors);

  test('an open preview shows the document under its new name and keeps refreshing', async () => {
    const claimTagger = await api();
    const editor = await openFresh('outside/preview-old.txt', ARTICLE);
    await tagAll(editor, [Q.alarming]);
    await claimTagger.flush();
    await vscode.commands.executeCommand('claimTagger.previewReport', { uri: editor.document.uri });
    await eventually(() => claimTagger.previewHtml().includes('preview-old.txt'), 10_000);
    const to = workspaceUri('outside/preview-new.txt');
    await remove(to);
    await remove(sidecarUri(to));
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(editor.document.uri, to);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await eventually(() => claimTagger.previewHtml().includes('preview-new.txt') && !claimTagger.previewHtml().includes('preview-old.txt'), 10_000);
    const renamed = await vscode.window.showTextDocument(to);
    await tagAll(renamed, [Q.signatures]);
    await eventually(() => claimTagger.previewHtml().includes('3,200 signatures'), 10_000);
  });
});
