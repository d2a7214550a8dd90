// The store's writes when a write has to be attempted again (the file changed, or looked changed, before the rename),
// in the real VS Code: SidecarSync with injected file access (a touch, a concurrent writer), and the desktop's
// DiskFiles on disk (a writer that takes no lock, a dangling symlink at a move target).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Dismissal } from '../../src/core/model';
import { parseSidecar, serializeSidecar } from '../../src/core/sidecar/format';
import { DiskFiles } from '../../src/node/diskFiles';
import { DocumentTags } from '../../src/store/documentTags';
import { Produce, SidecarFiles } from '../../src/store/sidecarIO';
import { SidecarSync, SyncHost } from '../../src/store/sidecarSync';
import { closeAllEditors, openFresh, workspaceUri } from './helpers';

const TEXT = 'The minister clearly said the bridge opens in May. Surely it will.\n';
const dismissal = (term: string): Dismissal => ({ rule: 'opinion.booster', term });

/** One sidecar in memory; `update` lets `between(attempt, file)` act after produce and before the rename. */
class MemoryFiles implements SidecarFiles {
  constructor(public text: string | undefined, private readonly between: (attempt: number, files: MemoryFiles) => 'retry' | 'write') {}
  read = async () => this.text;
  write = async (_: vscode.Uri, content: string) => void (this.text = content);
  async update(_: vscode.Uri, produce: Produce): Promise<boolean> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const content = await produce(this.text);
      if (content === undefined) return false;
      if (this.between(attempt, this) === 'retry') continue;
      this.text = content;
      return true;
    }
    throw new Error('kept changing');
  }
  move = async () => false;
  unwritable = async () => undefined;
}

function syncWith(files: SidecarFiles, docs: Map<string, DocumentTags>, messages: string[]): SidecarSync {
  const host: SyncHost = {
    config: () => { throw new Error('not used'); },
    current: (key) => docs.get(key),
    fire: () => undefined,
    messages: (kind, message) => void messages.push(`${kind}: ${message}`),
    files,
  };
  return new SidecarSync(host);
}

function dismissedIn(content: string | undefined): string[] {
  const r = parseSidecar(content!);
  assert.ok(r.ok, 'valid sidecar');
  return (r.sidecar.dismissed ?? []).map((d) => d.term).sort();
}

/** Another writer's version of the sidecar: the same, plus one dismissal. */
function withDismissal(content: string, term: string): string {
  const r = parseSidecar(content);
  assert.ok(r.ok);
  return serializeSidecar({ ...r.sidecar, dismissed: [...(r.sidecar.dismissed ?? []), dismissal(term)] });
}

suite('store retries: a write attempted again loses nothing', () => {
  teardown(closeAllEditors);

  async function setUp(name: string, between: (attempt: number, files: MemoryFiles) => 'retry' | 'write') {
    const editor = await openFresh(`storeRetry/${name}.txt`, TEXT);
    const document = editor.document;
    const files = new MemoryFiles(undefined, () => 'write');
    const docs = new Map<string, DocumentTags>();
    const messages: string[] = [];
    const sync = syncWith(files, docs, messages);
    const doc = new DocumentTags(document.uri, vscode.Uri.parse(`memory:/storeRetry/${name}.txt.tags.json`));
    docs.set(document.uri.toString(), doc);
    // First write: the sidecar with one dismissal, read back as the editor would.
    doc.dismissed.push(dismissal('clearly'));
    doc.changes++;
    doc.dirty = true;
    await sync.save(doc, document);
    assert.deepEqual(dismissedIn(files.text), ['clearly']);
    // A new dismissal, then a write whose first attempt is not renamed.
    doc.dismissed.push(dismissal('surely'));
    doc.changes++;
    doc.dirty = true;
    Object.assign(files, { between });
    return { files, doc, document, sync, messages };
  }

  test('a pre-rename check that fails without a real change (a touch) keeps a new dismissal, on disk and in memory', async () => {
    const { files, doc, document, sync, messages } = await setUp('touch', (attempt) => (attempt === 0 ? 'retry' : 'write'));
    await sync.save(doc, document);
    assert.deepEqual(dismissedIn(files.text), ['clearly', 'surely']);
    assert.deepEqual(doc.dismissed.map((d) => d.term).sort(), ['clearly', 'surely']);
    assert.equal(doc.dirty, false);
    assert.deepEqual(messages, []);
  });

  test('another writer adding a dismissal between our read and rename: both dismissals are kept (3-way merge)', async () => {
    const { files, doc, document, sync } = await setUp('concurrent', (attempt, f) => {
      if (attempt > 0) return 'write';
      f.text = withDismissal(f.text!, 'plainly');
      return 'retry';
    });
    await sync.save(doc, document);
    assert.deepEqual(dismissedIn(files.text), ['clearly', 'plainly', 'surely']);
    assert.deepEqual(doc.dismissed.map((d) => d.term).sort(), ['clearly', 'plainly', 'surely']);
  });

  test('a dismissal removed on disk by another writer stays removed, ours is added', async () => {
    const { files, doc, document, sync } = await setUp('removed', (attempt, f) => {
      if (attempt > 0) return 'write';
      const r = parseSidecar(f.text!);
      assert.ok(r.ok);
      f.text = serializeSidecar({ ...r.sidecar, dismissed: [] });
      return 'retry';
    });
    await sync.save(doc, document);
    assert.deepEqual(dismissedIn(files.text), ['surely']);
  });
});

suite('store retries on disk (desktop): DiskFiles', () => {
  const dir = () => workspaceUri('storeRetryDisk').fsPath;
  setup(async () => {
    await fs.rm(dir(), { recursive: true, force: true });
    await fs.mkdir(dir(), { recursive: true });
  });
  suiteTeardown(() => fs.rm(dir(), { recursive: true, force: true }));

  /** produce adds `ours`; on its first run a program that takes no lock (git pull) rewrites the file first. */
  async function updateWithOutsideWrite(file: string): Promise<string[]> {
    const seen: string[] = [];
    await new DiskFiles().update(vscode.Uri.file(file), async (current) => {
      seen.push(current ?? '');
      if (seen.length === 1) await fs.writeFile(file, `${current}\npulled`);
      return `${current}\nours`;
    });
    return seen;
  }

  for (const name of ['article.md.tags.json', 'learned.json']) {
    test(`${name} changed by another program between the read and the rename is merged, not overwritten`, async () => {
      const file = path.join(dir(), name);
      await fs.writeFile(file, 'base');
      await fs.chmod(file, 0o600);
      const seen = await updateWithOutsideWrite(file);
      assert.deepEqual(seen, ['base', 'base\npulled'], 'produce ran again on the other program\'s text');
      assert.equal(await fs.readFile(file, 'utf8'), 'base\npulled\nours');
      if (process.platform !== 'win32') assert.equal((await fs.stat(file)).mode & 0o777, 0o600, 'mode kept');
      assert.deepEqual((await fs.readdir(dir())).sort(), [name], 'no temporary or lock file left');
    });
  }

  test('a sidecar reached through a symbolic link is updated through the link', async function () {
    if (process.platform === 'win32') this.skip();
    const real = path.join(dir(), 'real.json');
    const link = path.join(dir(), 'link.tags.json');
    await fs.writeFile(real, 'base');
    await fs.symlink('real.json', link);
    await updateWithOutsideWrite(link);
    assert.ok((await fs.lstat(link)).isSymbolicLink());
    assert.equal(await fs.readFile(real, 'utf8'), 'base\npulled\nours');
  });

  test('move never replaces what is at the target: a file, or a dangling symbolic link', async function () {
    const files = new DiskFiles();
    const from = path.join(dir(), 'a.txt.tags.json');
    await fs.writeFile(from, 'ours');
    const to = path.join(dir(), 'moved', 'b.txt.tags.json');
    assert.equal(await files.move(vscode.Uri.file(from), vscode.Uri.file(to)), true);
    assert.equal(await fs.readFile(to, 'utf8'), 'ours');
    await assert.rejects(fs.lstat(from), 'the source is gone');

    await fs.writeFile(from, 'second');
    assert.equal(await files.move(vscode.Uri.file(from), vscode.Uri.file(to)), false, 'an existing file');
    assert.equal(await fs.readFile(to, 'utf8'), 'ours');
    if (process.platform === 'win32') this.skip();
    const dangling = path.join(dir(), 'dangling.tags.json');
    await fs.symlink('nowhere.json', dangling);
    assert.equal(await files.move(vscode.Uri.file(from), vscode.Uri.file(dangling)), false, 'a dangling link');
    assert.equal(await fs.readlink(dangling), 'nowhere.json');
    assert.equal(await fs.readFile(from, 'utf8'), 'second');
  });
});
