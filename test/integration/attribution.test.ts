import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SpanRef, Tag } from '../../src/core/model';
import { api, closeAllEditors, eventually, exec, openFresh, select } from './helpers';

const ARTICLE = [
  '"We have secured the funding," Mayor Elena Brandt told reporters on Tuesday.',
  '',
  'The bridge will be finished by May.',
  '',
].join('\n');

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Quick picks open asynchronously: give one time to show before driving it. */
const whenPickerShows = () => pause(700);

suite('attribution flow', () => {
  teardown(async () => {
    await exec('workbench.action.closeQuickOpen');
    await exec('claimTagger.cancelSpan');
    await closeAllEditors();
  });

  test('Escape at "Who said it?" cancels the whole command: no tag is left', async () => {
    const claimTagger = await api();
    const editor = await openFresh('attribution/escape.txt', ARTICLE);
    select(editor, '"We have secured the funding,"');
    const running = exec<Tag[]>('claimTagger.tagAttribution');
    await whenPickerShows();
    await exec('workbench.action.closeQuickOpen');
    assert.deepEqual(await running, []);
    assert.deepEqual(await claimTagger.tags(editor.document.uri), []);
  });

  test('with the cursor in a sentence, the content excludes the speaker and the cue', async () => {
    const claimTagger = await api();
    const editor = await openFresh('attribution/cursor.txt', ARTICLE);
    const at = editor.document.positionAt(ARTICLE.indexOf('secured'));
    editor.selection = new vscode.Selection(at, at);
    const running = exec<Tag[]>('claimTagger.tagAttribution');
    await whenPickerShows();
    await exec('workbench.action.acceptSelectedQuickOpenItem'); // nearest source found
    await whenPickerShows();
    await exec('workbench.action.acceptSelectedQuickOpenItem'); // nearest cue found
    const [tag] = await running;
    assert.equal(tag.quote, '"We have secured the funding,"');
    const [stored] = await claimTagger.tags(editor.document.uri);
    assert.equal((stored.source as SpanRef).quote, 'Mayor Elena Brandt');
    assert.equal(stored.cue?.quote, 'told');
  });

  test('"Pick a span in the editor…" waits in the status bar, survives closed notifications, Enter confirms', async () => {
    const claimTagger = await api();
    const editor = await openFresh('attribution/pick.txt', ARTICLE);
    select(editor, 'The bridge will be finished by May.');
    const running = exec<Tag[]>('claimTagger.tagAttribution');
    await whenPickerShows();
    // Nothing found nearby: "Type a source…", "Pick a span in the editor…", "None".
    await exec('workbench.action.quickOpenSelectNext');
    await exec('workbench.action.acceptSelectedQuickOpenItem');
    await eventually(() => claimTagger.spanPrompt().includes('Select the source'));
    await exec('notifications.clearAll');
    await vscode.window.showTextDocument(editor.document);
    // Confirming with nothing selected keeps waiting.
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await exec('claimTagger.confirmSpan');
    assert.ok(claimTagger.spanPrompt().includes('Select the source'), 'still picking');
    select(editor, 'Mayor Elena Brandt');
    await exec('claimTagger.confirmSpan');
    await eventually(() => claimTagger.spanPrompt() === '');
    await whenPickerShows();
    await exec('workbench.action.closeQuickOpen'); // no cue: the attribution keeps its source
    const [tag] = await running;
    const [stored] = (await claimTagger.tags(editor.document.uri)).filter((t) => t.id === tag.id);
    assert.equal((stored.source as SpanRef).quote, 'Mayor Elena Brandt');
    assert.equal(stored.cue, undefined);
  });
});
