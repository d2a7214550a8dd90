// Folders that arrive, are renamed, leave or come back in one piece outside VS Code (a `mv`, git, a terminal): the
// OS watcher may report the folder alone (a deletion, on Linux), and the Tags view still follows without Refresh,
// detached documents included; an open document whose folder went keeps its tags in memory and writes nothing
// there (src/store/folderEvents.ts, src/store/goneFolder.ts).
// Node host only: a folder moved in from outside the workspace in one rename needs node:fs.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Tag } from '../../src/core/model';
import { emptySidecar, serializeSidecar } from '../../src/core/sidecar/format';
import { createTag } from '../../src/core/tags';
import { FolderEvents } from '../../src/store/folderEvents';
import { api, closeAllEditors, eventually, exec, freshFolder, remove, rootsExpectation, tagsExpectation, workspaceUri } from './helpers';

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
    await closeAllEditors();
    await remove(workspaceUri(FOLDER));
    await remove(workspaceUri('.claim-tags', FOLDER));
    fs.rmSync(outside, { recursive: true, force: true });
  });

  const ours = async () => (await (await api()).tree.rootLabels()).filter((l) => l.startsWith(`${FOLDER}/`)).sort();
  /** Labels of the documents listed under Detached (none when the group is not shown). */
  const detached = async () => {
    const claimTagger = await api();
    return (await claimTagger.tree.rootLabels()).some((l) => l.startsWith('Detached')) ? (await claimTagger.tree.items(['Detached'])).map((i) => i.label) : [];
  };
  const detachedExpectation = (expected: string) => ({ expected: `${expected} (roots, then Detached)`, seen: async () => [await ours(), await detached()] });

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

  test('the search of an arrived folder: reported alone, its tag files are found; dotted names (2026.11, www.example.com) too; never node_modules', async function () {
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
      article(path.join(base, 'www.example.com'), 'k.md', 'Turnout was 41 percent.');
      // A folder whose tag file is also reported created on its own (as on Linux): that one is not found again.
      article(path.join(base, 'twice'), 'k2.md', 'Turnout was 41 percent.');
      for (const name of ['alone', 'alone/sub', '2026.11', 'node_modules/pkg', 'alone/sub/h.md', 'www.example.com', 'www.example.com/k.md', 'twice', 'twice/k2.md.tags.json']) created.fire(vscode.Uri.file(path.join(base, name)));
      const expected = [path.join('2026.11', 'i.md.tags.json'), path.join('alone', 'sub', 'h.md.tags.json'), path.join('www.example.com', 'k.md.tags.json')];
      await eventually(async () => found.length >= 3, 30_000, { expected: 'three tag files found', seen: () => found });
      await new Promise((r) => setTimeout(r, 500));
      assert.deepEqual([...found].sort(), expected, 'each tag file once, nothing from node_modules, nothing reported on its own');
    } finally {
      events.dispose();
      created.dispose();
      deleted.dispose();
    }
  });

  test('a folder replaced within one batch (reported as a change of the folder): re-checked, its new tag files found', async function () {
    this.timeout(60_000);
    const created = new vscode.EventEmitter<vscode.Uri>();
    const changed = new vscode.EventEmitter<vscode.Uri>();
    const deleted = new vscode.EventEmitter<vscode.Uri>();
    const events = new FolderEvents('**/*.tags*.json', '**/node_modules/**', { onDidCreate: created.event, onDidChange: changed.event, onDidDelete: deleted.event });
    const found: string[] = [];
    const gone: string[][] = [];
    const arrived: string[][] = [];
    events.onDidFindFile((u) => found.push(path.relative(workspaceUri(FOLDER).fsPath, u.fsPath)));
    events.onDidDeletePaths((paths) => gone.push([...paths].map((p) => path.relative(workspaceUri(FOLDER).fsPath, vscode.Uri.parse(p).fsPath))));
    events.onDidCreatePaths((paths) => arrived.push([...paths].map((p) => path.relative(workspaceUri(FOLDER).fsPath, vscode.Uri.parse(p).fsPath))));
    try {
      const base = workspaceUri(FOLDER).fsPath;
      article(path.join(base, 'replaced'), 'l.md', 'Turnout was 41 percent.');
      article(path.join(base, 'v2.example.org'), 'm.md', 'Turnout was 41 percent.');
      // Changes of files (every save), one named like a folder included, are not reported. A changed dotted name is
      // not even stat'ed (nearly always a save): a dotted folder replaced at once is left to its own events.
      fs.writeFileSync(path.join(base, 'NOTES'), 'a file without a dot');
      fs.writeFileSync(path.join(base, 'q.md'), TEXT);
      for (const name of ['replaced', 'v2.example.org', 'replaced/l.md', 'NOTES', 'q.md']) changed.fire(vscode.Uri.file(path.join(base, name)));
      // Deletions in .git or node_modules (a git gc, an npm install) are not passed on.
      for (const name of ['.git/objects/ab', 'node_modules/pkg/n.md.tags.json']) deleted.fire(vscode.Uri.file(path.join(base, name)));
      await eventually(async () => found.length >= 1, 30_000, { expected: 'a tag file found', seen: () => found });
      await eventually(async () => gone.length && arrived.length, 10_000, { expected: 'the folders reported deleted and created', seen: () => [gone, arrived] });
      await new Promise((r) => setTimeout(r, 500));
      assert.deepEqual([...found].sort(), [path.join('replaced', 'l.md.tags.json')]);
      assert.deepEqual(gone.map((g) => [...g].sort()), [['replaced']], 'only the folder, as deleted (nothing under .git or node_modules)');
      assert.deepEqual(arrived.map((a) => [...a].sort()), [['replaced']], 'and as created');
    } finally {
      events.dispose();
      created.dispose();
      changed.dispose();
      deleted.dispose();
    }
  });

  test('a document deleted alone outside VS Code is listed as detached, and not any more once it is back', async function () {
    this.timeout(60_000);
    const doc = path.join(workspaceUri(FOLDER).fsPath, 'n.md');
    article(path.dirname(doc), 'n.md', 'Turnout was 41 percent.');
    const label = `${FOLDER}/n.md`;
    await eventually(async () => (await ours()).includes(`${label} (1)`), 30_000, rootsExpectation(`to include ${label} (1)`));
    fs.rmSync(doc);
    await eventually(async () => !(await ours()).includes(`${label} (1)`) && (await detached()).some((l) => l.startsWith(label)), 30_000, detachedExpectation(`${label} under Detached only`));
    fs.writeFileSync(doc, TEXT);
    await eventually(async () => (await ours()).includes(`${label} (1)`) && !(await detached()).some((l) => l.startsWith(label)), 30_000, detachedExpectation(`${label} back among the roots, not under Detached`));
  });

  test('a folder moved away and back (its sidecars kept under .claim-tags/): detached, then listed again', async function () {
    this.timeout(60_000);
    const folder = path.join(workspaceUri(FOLDER).fsPath, 'trip');
    fs.mkdirSync(path.join(folder, 'deep'), { recursive: true });
    fs.writeFileSync(path.join(folder, 'deep', 'o.md'), TEXT);
    const mirrored = path.join(workspaceUri('.claim-tags', FOLDER).fsPath, 'trip', 'deep');
    fs.mkdirSync(mirrored, { recursive: true });
    fs.writeFileSync(path.join(mirrored, 'o.md.tags.json'), sidecar('o.md', 'Turnout was 41 percent.'));
    const label = `${FOLDER}/trip/deep/o.md`;
    await eventually(async () => (await ours()).includes(`${label} (1)`), 30_000, rootsExpectation(`to include ${label} (1)`));
    fs.renameSync(folder, path.join(outside, 'trip'));
    await eventually(async () => !(await ours()).includes(`${label} (1)`) && (await detached()).some((l) => l.startsWith(label)), 30_000, detachedExpectation(`${label} under Detached only`));
    fs.renameSync(path.join(outside, 'trip'), folder);
    await eventually(async () => (await ours()).includes(`${label} (1)`) && !(await detached()).some((l) => l.startsWith(label)), 30_000, detachedExpectation(`${label} back among the roots, not under Detached`));
  });

  test('an open document whose folder is deleted outside VS Code keeps its tags in memory and writes nothing there until saved', async function () {
    this.timeout(60_000);
    const claimTagger = await api();
    const folder = path.join(workspaceUri(FOLDER).fsPath, 'open');
    article(folder, 'p.md', 'Turnout was 41 percent.');
    const uri = vscode.Uri.file(path.join(folder, 'p.md'));
    const editor = await vscode.window.showTextDocument(uri);
    await eventually(async () => (await claimTagger.tags(uri)).length === 1, 10_000, tagsExpectation(uri, 'to be one tag'));
    fs.rmSync(folder, { recursive: true });
    await eventually(() => claimTagger.logLines().some((l) => l.includes('the folder of p.md was deleted or moved on disk')), 30_000, { expected: 'the log to say the folder of p.md is gone', seen: () => claimTagger.logLines().slice(-5) });
    // Saving an unchanged document writes nothing: the message asks for an edit and a save.
    assert.ok(claimTagger.logLines().some((l) => l.includes('the folder of p.md') && l.includes('edit and save the document')), 'the message says what writes the tags');
    const quote = 'Critics called it reckless.';
    await exec('claimTagger.tagClaim', { uri, ranges: [{ start: TEXT.indexOf(quote), end: TEXT.indexOf(quote) + quote.length }] });
    await claimTagger.flush();
    assert.equal(fs.existsSync(folder), false, 'the folder is not made again for the sidecar alone');
    assert.deepEqual((await claimTagger.tags(uri)).map((t) => t.quote).sort(), [quote, 'Turnout was 41 percent.'], 'both tags kept in memory');
    const label = `${FOLDER}/open/p.md`;
    await eventually(async () => (await detached()).some((l) => l.startsWith(label)), 30_000, detachedExpectation(`${label} under Detached while its file is gone`));
    // Saving the document (edited, so there is something to save) puts its folder back: the tags are written with it.
    assert.ok(await editor.edit((e) => e.insert(editor.document.positionAt(TEXT.length), 'Updated.\n')));
    assert.ok(await editor.document.save(), 'the document is saved');
    const sidecarPath = path.join(folder, 'p.md.tags.json');
    await eventually(() => fs.existsSync(sidecarPath) && (JSON.parse(fs.readFileSync(sidecarPath, 'utf8')) as { tags: unknown[] }).tags.length === 2, 30_000, { expected: 'p.md.tags.json written with both tags after the save', seen: () => fs.existsSync(sidecarPath) && fs.readFileSync(sidecarPath, 'utf8') });
    await eventually(async () => (await ours()).includes(`${label} (2)`) && !(await detached()).some((l) => l.startsWith(label)), 30_000, detachedExpectation(`${label} (2) back among the roots`));
  });

  test('tags kept in memory (folder gone) go to the log as a sidecar, at error level, at a flush of all (as when VS Code quits), once per content', async function () {
    this.timeout(60_000);
    const claimTagger = await api();
    const folder = path.join(workspaceUri(FOLDER).fsPath, 'quit');
    article(folder, 'q.md', 'Turnout was 41 percent.');
    const uri = vscode.Uri.file(path.join(folder, 'q.md'));
    await vscode.window.showTextDocument(uri);
    await eventually(async () => (await claimTagger.tags(uri)).length === 1, 10_000, tagsExpectation(uri, 'to be one tag'));
    fs.rmSync(folder, { recursive: true });
    await eventually(() => claimTagger.logLines().some((l) => l.includes('the folder of q.md was deleted or moved on disk')), 30_000, { expected: 'the log to say the folder of q.md is gone', seen: () => claimTagger.logLines().slice(-5) });
    const quote = 'Critics called it reckless.';
    await exec('claimTagger.tagClaim', { uri, ranges: [{ start: TEXT.indexOf(quote), end: TEXT.indexOf(quote) + quote.length }] });
    const logged = () => claimTagger.logLines().filter((l) => l.startsWith('[error]') && l.includes('Tags of q.md not written'));
    await claimTagger.flush();
    await claimTagger.flush();
    assert.equal(logged().length, 1, 'logged once at error level for two flushes of the same tags');
    const [line] = logged();
    assert.ok(line.includes(`${FOLDER}/quit/q.md.tags.json`), `the sidecar is named by its workspace path: ${line}`);
    const content = JSON.parse(line.slice(line.indexOf('{'))) as { tags: { quote: string }[] };
    assert.deepEqual(content.tags.map((t) => t.quote).sort(), [quote, 'Turnout was 41 percent.'], 'the logged sidecar holds both tags');
    assert.equal(fs.existsSync(folder), false, 'the folder is not made again');
  });

  test('a document whose folder is gone, its sidecar under .claim-tags/ in a folder still there: the tags are written there', async function () {
    this.timeout(60_000);
    const settings = vscode.workspace.getConfiguration('claimTagger');
    await settings.update('sidecar.location', 'workspaceFolder', vscode.ConfigurationTarget.Global);
    try {
      const claimTagger = await api();
      const folder = path.join(workspaceUri(FOLDER).fsPath, 'mirrored');
      fs.mkdirSync(folder, { recursive: true });
      fs.writeFileSync(path.join(folder, 'm.md'), TEXT);
      const kept = path.join(workspaceUri('.claim-tags', FOLDER).fsPath, 'mirrored');
      fs.mkdirSync(kept, { recursive: true });
      const sidecarPath = path.join(kept, 'm.md.tags.json');
      fs.writeFileSync(sidecarPath, sidecar('m.md', 'Turnout was 41 percent.'));
      const uri = vscode.Uri.file(path.join(folder, 'm.md'));
      await vscode.window.showTextDocument(uri);
      await eventually(async () => (await claimTagger.tags(uri)).length === 1, 10_000, tagsExpectation(uri, 'to be one tag'));
      fs.rmSync(folder, { recursive: true });
      await eventually(async () => !fs.existsSync(folder) && (await vscode.workspace.fs.stat(vscode.Uri.file(folder)).then(() => false, () => true)), 10_000, { expected: 'the folder gone', seen: () => fs.existsSync(folder) });
      const quote = 'Critics called it reckless.';
      await exec('claimTagger.tagClaim', { uri, ranges: [{ start: TEXT.indexOf(quote), end: TEXT.indexOf(quote) + quote.length }] });
      await claimTagger.flush();
      await eventually(() => (JSON.parse(fs.readFileSync(sidecarPath, 'utf8')) as { tags: unknown[] }).tags.length === 2, 30_000, { expected: 'm.md.tags.json under .claim-tags/ written with both tags', seen: () => fs.readFileSync(sidecarPath, 'utf8') });
      assert.equal(fs.existsSync(folder), false, 'the document\'s folder is not made again');
    } finally {
      await closeAllEditors();
      await settings.update('sidecar.location', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
