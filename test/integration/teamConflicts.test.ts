// Merge conflicts in the real editor: the store keeps a sidecar's `conflicts` on save (dropping entries whose
// tag was deleted), the Tags view lists them under "Merge conflicts", and Keep This/Other/Both Versions settle
// them in the sidecar. Also the view grouped by author, with per-author counts.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Tag } from '../../src/core/model';
import { emptySidecar, serializeSidecar } from '../../src/core/sidecar/format';
import { createTag } from '../../src/core/tags';
import { api, closeAllEditors, eventually, exec, freshFolder, readText, sidecarUri, writeFile } from './helpers';

const TEXT = 'The council approved the budget on Monday. Critics called it reckless. Turnout was 41 percent. The mayor said taxes will not rise.\n';
const NOW = new Date('2026-11-20T10:00:00Z');

function tag(id: string, quote: string, kind: string, author: string, extra: Partial<Tag> = {}): Tag {
  const start = TEXT.indexOf(quote);
  return { ...createTag(TEXT, { kind, start, end: start + quote.length, author, now: NOW }), id, ...extra };
}

/** The sidecar a git merge left: c1 edited on both branches (c1 ours, c1-b theirs), op1 likewise. */
function merged(): { tags: Tag[]; conflicts: { id: string; otherId: string }[] } {
  return {
    tags: [
      tag('c1', 'The council approved the budget on Monday.', 'claim', 'ana', { status: 'verified' }),
      tag('c1-b', 'The council approved the budget on Monday.', 'claim', 'ben', { status: 'false', labels: ['merge-conflict'] }),
      tag('op1', 'reckless', 'opinion', 'ana', { note: 'ours' }),
      tag('op1-b', 'reckless', 'opinion', 'ben', { note: 'theirs', labels: ['merge-conflict'] }),
      tag('c2', 'Turnout was 41 percent.', 'claim', 'ben'),
    ],
    conflicts: [{ id: 'c1', otherId: 'c1-b' }, { id: 'op1', otherId: 'op1-b' }],
  };
}

/** Documents written by these tests: their conflicts are settled afterwards, so other suites see none. */
const written: vscode.Uri[] = [];

async function writeArticle(folder: string): Promise<vscode.Uri> {
  const doc = vscode.Uri.joinPath(await freshFolder(folder), 'article.md');
  await writeFile(doc, TEXT);
  await writeFile(sidecarUri(doc), serializeSidecar({ ...emptySidecar('article.md', TEXT), ...merged() }));
  written.push(doc);
  return doc;
}

const onDisk = async (doc: vscode.Uri) => JSON.parse(await readText(sidecarUri(doc)));

suite('team: merge conflicts', () => {
  teardown(async () => {
    await exec('claimTagger.groupTags', { grouping: 'document' });
    for (const doc of written.splice(0)) {
      for (const c of (await onDisk(doc)).conflicts ?? []) await exec('claimTagger.keepBothVersions', { uri: doc, ...c });
    }
    await closeAllEditors();
  });

  test('load + edit + save keeps unresolved conflicts; deleting one version drops its entry', async () => {
    const doc = await writeArticle('team/conflicts-keep');
    const ext = await api();
    const uri = (await vscode.workspace.openTextDocument(doc)).uri;
    await exec('claimTagger.setStatus', { uri, id: 'c2', value: 'misleading' });
    await ext.flush();
    let saved = await onDisk(doc);
    assert.equal(saved.tags.find((t: Tag) => t.id === 'c2').status, 'misleading');
    assert.deepEqual(saved.conflicts, merged().conflicts, 'both conflicts survive an unrelated edit');
    await exec('claimTagger.removeTag', { uri, id: 'op1-b' });
    await ext.flush();
    saved = await onDisk(doc);
    assert.deepEqual(saved.conflicts, [{ id: 'c1', otherId: 'c1-b' }]);
    assert.ok(!saved.tags.some((t: Tag) => t.id === 'op1-b'));
  });

  test('the Tags view lists each conflict with both versions; Keep Other / Keep This / Keep Both write the expected sidecar', async () => {
    const doc = await writeArticle('team/conflicts-view');
    const ext = await api();
    await exec('claimTagger.refreshTags');
    const mine = (r: { description?: string }) => !!r.description?.endsWith('team/conflicts-view/article.md');
    const rows = await eventually(async () => {
      const r = (await ext.tree.items(['Merge conflicts'])).filter(mine);
      return r.length === 2 ? r : undefined;
    });
    assert.ok((await ext.tree.rootLabels())[0].startsWith('Merge conflicts'), 'the conflicts come first');
    assert.deepEqual(rows!.map((r) => r.label), ['The council approved the budget on Monday.', 'reckless']);
    const versions = await ext.tree.items(['Merge conflicts', 'The council approved the budget on Monday.']);
    assert.deepEqual(versions.map((v) => v.label), ['This version', 'Other version']);
    assert.match(versions[0].description!, /Verified, ana/);
    assert.match(versions[1].description!, /False, ben/);
    // The tags themselves are flagged where they are listed by document.
    const claims = await ext.tree.items(['team/conflicts-view/article.md', 'Claim']);
    assert.equal(claims.filter((c) => c.description?.includes('merge conflict')).length, 2);

    // Keep the other version of the claim: ben's status under the original id, the copy gone, the entry dropped.
    assert.equal(await exec<boolean>('claimTagger.keepOtherVersion', { uri: doc.toString(), id: 'c1', otherId: 'c1-b' }), true);
    let saved = await onDisk(doc);
    const c1 = saved.tags.find((t: Tag) => t.id === 'c1');
    assert.deepEqual([c1.status, c1.author, c1.labels], ['false', 'ben', undefined]);
    assert.ok(!saved.tags.some((t: Tag) => t.id === 'c1-b'));
    assert.deepEqual(saved.conflicts, [{ id: 'op1', otherId: 'op1-b' }]);

    // Keep both versions of the opinion: two tags, no label, no entry left (the key goes from the file).
    assert.equal(await exec<boolean>('claimTagger.keepBothVersions', { uri: doc, id: 'op1', otherId: 'op1-b' }), true);
    saved = await onDisk(doc);
    assert.deepEqual(saved.tags.filter((t: Tag) => t.kind === 'opinion').map((t: Tag) => [t.id, t.note, t.labels]), [['op1', 'ours', undefined], ['op1-b', 'theirs', undefined]]);
    assert.equal(saved.conflicts, undefined);
    await eventually(async () => !(await ext.tree.items(['Merge conflicts'])).some(mine) || undefined);
    const opinions = await ext.tree.items(['team/conflicts-view/article.md', 'Opinion']);
    assert.ok(opinions.length === 2 && opinions.every((o) => !o.description?.includes('merge conflict')));

    // Nothing left to resolve: refused, the sidecar unchanged.
    const before = await readText(sidecarUri(doc));
    assert.equal(await exec<boolean>('claimTagger.keepThisVersion', { uri: doc, id: 'op1', otherId: 'op1-b' }), false);
    assert.equal(await readText(sidecarUri(doc)), before);
  });

  test('Keep This Version on a document open in the editor', async () => {
    const doc = await writeArticle('team/conflicts-row');
    const ext = await api();
    await exec('claimTagger.refreshTags');
    await vscode.workspace.openTextDocument(doc);
    await eventually(async () => (await ext.tree.items(['Merge conflicts'])).some((r) => r.description?.endsWith('team/conflicts-row/article.md')) || undefined);
    await exec('claimTagger.keepThisVersion', { uri: doc, id: 'c1', otherId: 'c1-b' });
    const saved = await onDisk(doc);
    assert.deepEqual(saved.tags.filter((t: Tag) => t.kind === 'claim').map((t: Tag) => [t.id, t.status]), [['c1', 'verified'], ['c2', 'unreviewed']]);
    assert.deepEqual(saved.conflicts, [{ id: 'op1', otherId: 'op1-b' }]);
  });

  test('grouped by author: one row per author with its count, the counts in the view description', async () => {
    const doc = await writeArticle('team/conflicts-authors');
    // A note only these tags carry, so the filter shows them alone whatever else the workspace holds.
    const probe = merged().tags.map((t) => ({ ...t, note: 'authors-probe' }));
    await writeFile(sidecarUri(doc), serializeSidecar({ ...emptySidecar('article.md', TEXT), tags: probe }));
    const ext = await api();
    await exec('claimTagger.refreshTags');
    await exec('claimTagger.filterTags', { text: 'authors-probe' });
    await exec('claimTagger.groupTags', { grouping: 'author' });
    try {
      const roots = await eventually(async () => {
        const r = (await ext.tree.rootLabels()).filter((l) => !l.startsWith('Merge conflicts'));
        return r.length === 2 ? r : undefined;
      });
      assert.deepEqual(roots, ['ben (3)', 'ana (2)']);
      assert.match(ext.tree.description()!, /authors-probe.*ben 3 · ana 2/);
      const docs = await ext.tree.items(['ana']);
      assert.deepEqual(docs.map((d) => [d.label, d.description]), [['team/conflicts-authors/article.md', '2']]);
      const tags = await ext.tree.items(['ana', 'team/conflicts-authors/article.md']);
      assert.deepEqual(tags.map((t) => t.label), ['The council approved the budget on Monday.', 'reckless']);
    } finally {
      await exec('claimTagger.clearTagFilter');
    }
  });
});
