// Folders that arrive, are renamed or leave in one piece outside VS Code (a `mv`, git, a terminal): the OS
// watcher may report the folder alone (a deletion, on Linux), and the Tags view still follows without Refresh
// (src/store/folderEvents.ts).
// Node host only: a folder moved in from outside the workspace in one rename needs node:fs.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Tag } from '../../src/core/model';
import { emptySidecar, serializeSidecar } from '../../src/core/sidecar/format';
import { createTag } from '../../src/core/tags';
import { FolderEvents } from '../../src/store/folderEvents';
import { api, eventually, exec, freshFolder, remove, rootsExpectation, workspaceUri } from './helpers';

const TEXT = 'The council approved the budget on Monday. Critics called it reckless. Turnout was 41 percent.\n';
const FOLDER = 'folders';

function sidecar(name: string, ...quotes: string[]): string {
  const tags = quotes.map((q): Tag => createTag(TEXT, { kind: 'claim', start: TEXT.indexOf(q), end: TEXT.indexOf(q) + q.length }));
  return serializeSidecar({ ...emptySidecar(name, TEXT), tags });
}

/** Writes an article and its sidecar (with `quotes` tagged) under a folder on disk, through node:fs. */
function article(folder: string, name: string, ...quotes: string[]): void {
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, name), TEXT);
  fs.writeFileSync(path.join(folder, `${name}.tags.json`), sidecar(name, ...quotes));
}

suite('folders moved outside VS Code: the Tags view follows', () => {
  /** Outside the workspace, on its file system (a rename from there is one atomic move in). */
  let outside: string;

  suiteSetup(async () => {
    await exec('claimTagger.tags.focus');
    await exec('claimTagger.groupTags', { grouping: 'document' });
    await freshFolder(FOLDER);
    outside = fs.mkdtempSync(path.join(path.dirname(workspaceUri().fsPath), 'folders-outside-'));
    await (await api()).tree.rootLabels(); // the index is loaded and live
  });
  suiteTeardown(async () => {
    await remove(workspaceUri(FOLDER));
    fs.rmSync(outside, { recursive: true, force: true });
  });

  const ours = async () => (await (await api()).tree.rootLabels()).filter((l) => l.startsWith(`${FOLDER}/`)).sort();

  test('a folder holding sidecars (one in a subfolder) moved into the workspace in one rename shows its tags', async function () {
    this.timeout(60_000);
    const staged = path.join(outside, 'arrived');
    article(staged, 'a.md', 'Critics called it reckless.', 'Turnout was 41 percent.');
    article(path.join(staged, 'inner'), 'b.md', 'The council approved the budget on Monday.');
    fs.renameSync(staged, path.join(workspaceUri(FOLDER).fsPath, 'arrived'));
    await eventually(async () => {
      const roots = await ours();
      return roots.includes(`${FOLDER}/arrived/a.md (2)`) && roots.includes(`${FOLDER}/arrived/inner/b.md (1)`);
    }, 30_000, rootsExpectation(`to include ${FOLDER}/arrived/a.md (2) and ${FOLDER}/arrived/inner/b.md (1)`));
  });

  test('a folder renamed in one piece: the old entries go and the new ones appear', async function () {
    this.timeout(60_000);
    const from = path.join(workspaceUri(FOLDER).fsPath, 'before');
    article(from, 'c.md', 'Turnout was 41 percent.');
    await eventually(async () => (await ours()).includes(`${FOLDER}/before/c.md (1)`), 30_000, rootsExpectation(`to include ${FOLDER}/before/c.md (1)`));
    fs.renameSync(from, path.join(workspaceUri(FOLDER).fsPath, 'after'));
    await eventually(async () => {
      const roots = await ours();
      return roots.includes(`${FOLDER}/after/c.md (1)`) && !roots.some((r) => r.startsWith(`${FOLDER}/before/`));
    }, 30_000, rootsExpectation(`to include ${FOLDER}/after/c.md (1) and nothing under ${FOLDER}/before/`));
  });

  test('a folder moved out of the workspace or deleted: its entries go, the others stay', async function () {
    this.timeout(60_000);
    const base = workspaceUri(FOLDER).fsPath;
    article(path.join(base, 'leaving'), 'd.md', 'Turnout was 41 percent.');
    article(path.join(base, 'deleted', 'deep'), 'e.md', 'Critics called it reckless.');
    article(path.join(base, 'staying'), 'f.md', 'Critics called it reckless.');
    const all = [`${FOLDER}/deleted/deep/e.md (1)`, `${FOLDER}/leaving/d.md (1)`, `${FOLDER}/staying/f.md (1)`];
    await eventually(async () => {
      const roots = await ours();
      return all.every((r) => roots.includes(r));
    }, 30_000, rootsExpectation(`to include ${all.join(', ')}`));
    fs.renameSync(path.join(base, 'leaving'), path.join(outside, 'left'));
    fs.rmSync(path.join(base, 'deleted'), { recursive: true });
    await eventually(async () => {
      const roots = await ours();
      return roots.includes(`${FOLDER}/staying/f.md (1)`) && !roots.some((r) => r.startsWith(`${FOLDER}/leaving/`) || r.startsWith(`${FOLDER}/deleted/`));
    }, 30_000, rootsExpectation(`to keep ${FOLDER}/staying/f.md (1) and drop everything under ${FOLDER}/leaving/ and ${FOLDER}/deleted/`));
  });

  test('a folder deleted and put back at once (git switch, a rebase) keeps its entries', async function () {
    this.timeout(60_000);
    const back = path.join(workspaceUri(FOLDER).fsPath, 'back');
    article(back, 'g.md', 'Turnout was 41 percent.');
    await eventually(async () => (await ours()).includes(`${FOLDER}/back/g.md (1)`), 30_000, rootsExpectation(`to include ${FOLDER}/back/g.md (1)`));
    fs.rmSync(back, { recursive: true });
    article(back, 'g.md', 'Turnout was 41 percent.');
    // The deletion is reported in a batch a moment later; what is back on disk by then stays listed.
    await new Promise((r) => setTimeout(r, 2_000));
    await eventually(async () => (await ours()).includes(`${FOLDER}/back/g.md (1)`), 10_000, rootsExpectation(`to keep ${FOLDER}/back/g.md (1)`));
  });

  test('the search of an arrived folder: reported alone, its tag files are found; dotted names too; never node_modules', async function () {
    this.timeout(60_000);
    const created = new vscode.EventEmitter<vscode.Uri>();
    const deleted = new vscode.EventEmitter<vscode.Uri>();
    const events = new FolderEvents('**/*.tags*.json', '**/node_modules/**', { onDidCreate: created.event, onDidDelete: deleted.event });
    const found: string[] = [];
    events.onDidFindFile((u) => found.push(path.relative(workspaceUri(FOLDER).fsPath, u.fsPath)));
    try {
      const base = workspaceUri(FOLDER).fsPath;
      article(path.join(base, 'alone', 'sub'), 'h.md', 'Turnout was 41 percent.');
      article(path.join(base, '2026.11'), 'i.md', 'Turnout was 41 percent.');
      article(path.join(base, 'node_modules', 'pkg'), 'j.md', 'Turnout was 41 percent.');
      for (const name of ['alone', 'alone/sub', '2026.11', 'node_modules/pkg', 'alone/sub/h.md']) created.fire(vscode.Uri.file(path.join(base, name)));
      const expected = [path.join('2026.11', 'i.md.tags.json'), path.join('alone', 'sub', 'h.md.tags.json')];
      await eventually(async () => found.length >= 2, 30_000, { expected: 'two tag files found', seen: () => found });
      await new Promise((r) => setTimeout(r, 500));
      assert.deepEqual([...found].sort(), expected, 'each tag file once, nothing from node_modules');
    } finally {
      events.dispose();
      created.dispose();
      deleted.dispose();
    }
  });
});
