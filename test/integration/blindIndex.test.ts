// Annotate blind reaches closed documents: the Tags view (and what it feeds: the workspace report, the learned
// phrases) lists only the current author's blind copies while the mode is on, and the shared sidecars when off.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Tag } from '../../src/core/model';
import { emptySidecar, serializeSidecar } from '../../src/core/sidecar/format';
import { createTag } from '../../src/core/tags';
import { api, besideUri, eventually, eventuallyEqual, exec, freshFolder, resetBlindMode, sidecarUri, writeFile } from './helpers';

const TEXT = 'The council approved the budget on Monday. Critics called it reckless. Turnout was 41 percent.\n';
const FOLDER = 'team/blindindex';

function sidecar(name: string, ...tags: [string, string, string][]): string {
  const made = tags.map(([quote, kind, author]): Tag => createTag(TEXT, { kind, start: TEXT.indexOf(quote), end: TEXT.indexOf(quote) + quote.length, author }));
  return serializeSidecar({ ...emptySidecar(name, TEXT), tags: made });
}

suite('team: annotate blind in the Tags view', () => {
  suiteSetup(async () => {
    await exec('claimTagger.tags.focus');
    await exec('claimTagger.groupTags', { grouping: 'document' });
  });
  teardown(resetBlindMode);

  test('closed documents: blind on lists only the author\'s blind copies, off the shared sidecars; the description says so', async function () {
    this.timeout(90_000);
    const folder = await freshFolder(FOLDER);
    const shared = vscode.Uri.joinPath(folder, 'shared.md');
    const mine = vscode.Uri.joinPath(folder, 'mine.md');
    await writeFile(shared, TEXT);
    await writeFile(mine, TEXT);
    // shared.md: ben's tags in the shared sidecar, and ben's own blind copy (someone else's: never listed for ana).
    await writeFile(sidecarUri(shared), sidecar('shared.md', ['Critics called it reckless.', 'opinion', 'ben'], ['Turnout was 41 percent.', 'claim', 'ben']));
    await writeFile(besideUri(shared, '.tags.ben.json'), sidecar('shared.md', ['reckless', 'opinion', 'ben']));
    // mine.md: only ana's blind copy.
    await writeFile(besideUri(mine, '.tags.ana.json'), sidecar('mine.md', ['The council approved the budget on Monday.', 'claim', 'ana']));
    await vscode.workspace.getConfiguration('claimTagger').update('author', 'ana', vscode.ConfigurationTarget.Global);
    const ext = await api();
    const ours = async () => (await ext.tree.rootLabels()).filter((l) => l.startsWith(FOLDER + '/')).sort();
    const quotes = async (doc: string) => (await ext.tree.items([doc, 'Claim'])).concat(await ext.tree.items([doc, 'Opinion'])).map((r) => r.label).sort();

    await exec('claimTagger.refreshTags');
    await eventuallyEqual(ours, [`${FOLDER}/shared.md (2)`], 5000, "the Tags view's roots in the folder");
    assert.doesNotMatch(ext.tree.description() ?? '', /Blind/);

    assert.equal((await exec<{ on: boolean }>('claimTagger.toggleAnnotateBlind', { on: true })).on, true);
    await eventuallyEqual(ours, [`${FOLDER}/mine.md (1)`], 5000, "the Tags view's roots in the folder");
    assert.deepEqual(await quotes(`${FOLDER}/mine.md`), ['The council approved the budget on Monday.']);
    // The description follows the view's (debounced) change event.
    await eventually(() => /^Blind: ana/.test(ext.tree.description() ?? '') || undefined, 5000, { expected: "the Tags view's description to start with Blind: ana", seen: () => ext.tree.description() });

    // A blind copy written meanwhile appears;
    // one of another author does not.
    await writeFile(besideUri(shared, '.tags.ana.json'), sidecar('shared.md', ['Turnout was 41 percent.', 'claim', 'ana']));
    await writeFile(besideUri(mine, '.tags.ben.json'), sidecar('mine.md', ['reckless', 'opinion', 'ben'], ['Turnout', 'claim', 'ben']));
    // Refreshed explicitly: the file watcher's delivery in a folder just created proved unreliable in code-server early
    // in a fresh run (the watcher itself is covered by the Tags view's "a sidecar changed on disk" test).
    await exec('claimTagger.refreshTags');
    await eventuallyEqual(ours, [`${FOLDER}/mine.md (1)`, `${FOLDER}/shared.md (1)`], 10_000, "the Tags view's roots in the folder");
    assert.deepEqual(await quotes(`${FOLDER}/shared.md`), ['Turnout was 41 percent.']);

    // Another author while blind: their copies instead.
    await vscode.workspace.getConfiguration('claimTagger').update('author', 'ben', vscode.ConfigurationTarget.Global);
    await eventuallyEqual(ours, [`${FOLDER}/mine.md (2)`, `${FOLDER}/shared.md (1)`], 5000, "the Tags view's roots in the folder");
    assert.deepEqual(await quotes(`${FOLDER}/shared.md`), ['reckless']);
    await eventually(() => /^Blind: ben/.test(ext.tree.description() ?? '') || undefined, 5000, { expected: "the Tags view's description to start with Blind: ben", seen: () => ext.tree.description() });

    assert.equal((await exec<{ on: boolean }>('claimTagger.toggleAnnotateBlind', { on: false })).on, false);
    await eventuallyEqual(ours, [`${FOLDER}/shared.md (2)`], 5000, "the Tags view's roots in the folder");
    assert.deepEqual(await quotes(`${FOLDER}/shared.md`), ['Critics called it reckless.', 'Turnout was 41 percent.']);
    await eventually(() => !/Blind/.test(ext.tree.description() ?? '') || undefined, 5000, { expected: "the Tags view's description to no longer say Blind", seen: () => ext.tree.description() });
  });
});
