// The one sidecar collector: what a folder walk finds and skips, what each named input stands for, and that every
// command walking folders (check, report, agree, suggest's learning) sees the same sidecars.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { collectSidecars, missingInputs } from '../../../src/cli/sidecarCollector';
import { RunReads } from '../../../src/cli/runReads';
import { cli, tempDir, tempDirPerTest } from './helpers';

const sidecarJson = (document: string, tags: object[] = []) => JSON.stringify({ format: 'claim-tagger/tags', version: 1, document, tags });

function write(root: string, rel: string, text: string): void {
  const file = path.join(root, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

/** Relative paths with `/`, sorted, of the sidecars found. */
const relSidecars = (root: string, found: { sidecar?: string }[]) => found.flatMap((f) => (f.sidecar ? [path.relative(root, f.sidecar).split(path.sep).join('/')] : []));

suite('cli: the sidecar collector', () => {
  let dir = '';
  tempDirPerTest((d) => (dir = d));

  test('a folder: sidecars beside documents and under .claim-tags/, in name order; node_modules, .git and other dot-folders skipped', async () => {
    for (const rel of ['b.md.tags.json', 'a/x.md.tags.json', '.claim-tags/a/y.md.tags.json', 'node_modules/p/z.md.tags.json', '.git/q.md.tags.json', '.cache/r.md.tags.json', 'a/x.md']) write(dir, rel, sidecarJson('x'));
    const [folder] = await collectSidecars([dir], { cwd: dir });
    assert.equal(folder.kind, 'folder');
    assert.deepEqual(relSidecars(dir, folder.found), ['.claim-tags/a/y.md.tags.json', 'a/x.md.tags.json', 'b.md.tags.json']);
    assert.deepEqual(folder.found.map((f) => f.name), ['a/y.md', 'a/x.md', 'b.md']);
    assert.equal(folder.found[0].document, path.join(dir, 'a', 'y.md'));
  });

  test('links are never followed: a linked folder or a linked sidecar pointing outside is passed over', async () => {
    const outside = tempDir();
    try {
      write(outside, 'secret.md.tags.json', sidecarJson('secret.md'));
      write(dir, 'in.md.tags.json', sidecarJson('in.md'));
      fs.symlinkSync(outside, path.join(dir, 'linked'));
      fs.symlinkSync(path.join(outside, 'secret.md.tags.json'), path.join(dir, 'link.md.tags.json'));
      const [folder] = await collectSidecars([dir], { cwd: dir });
      assert.deepEqual(relSidecars(dir, folder.found), ['in.md.tags.json']);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  test('blind copies count only when asked; named without, a blind copy is taken for a document', async () => {
    write(dir, 'a.md.tags.json', sidecarJson('a.md'));
    write(dir, 'a.md.tags.ana.json', sidecarJson('a.md'));
    write(dir, 'b.md.tags.ben.json', sidecarJson('b.md'));
    const [plain] = await collectSidecars([dir], { cwd: dir });
    assert.deepEqual(relSidecars(dir, plain.found), ['a.md.tags.json']);
    const [team] = await collectSidecars([dir], { cwd: dir, blindCopies: true });
    assert.deepEqual(team.found.map((f) => [path.basename(f.sidecar!), f.author, path.basename(f.document)]), [
      ['a.md.tags.ana.json', 'ana', 'a.md'], ['a.md.tags.json', undefined, 'a.md'], ['b.md.tags.ben.json', 'ben', 'b.md'],
    ]);
    const blind = path.join(dir, 'b.md.tags.ben.json');
    assert.equal((await collectSidecars([blind], { cwd: dir, blindCopies: true }))[0].kind, 'blind');
    assert.equal((await collectSidecars([blind], { cwd: dir }))[0].kind, 'document');
  });

  test('named inputs: missing, a sidecar, a document with and without a sidecar; names relative to cwd when inside it', async () => {
    write(dir, 'news/a.md', 'A');
    write(dir, 'news/a.md.tags.json', sidecarJson('a.md'));
    write(dir, 'news/b.md', 'B');
    const collected = await collectSidecars([path.join(dir, 'nope'), path.join(dir, 'news/a.md.tags.json'), path.join(dir, 'news/a.md'), path.join(dir, 'news/b.md')], { cwd: dir });
    assert.deepEqual(collected.map((c) => c.kind), ['missing', 'sidecar', 'document', 'document']);
    assert.deepEqual(missingInputs(collected), [path.join(dir, 'nope')]);
    assert.deepEqual(collected.slice(1).map((c) => [c.found[0].name, c.found[0].sidecar && path.basename(c.found[0].sidecar)]), [
      ['news/a.md', 'a.md.tags.json'], ['news/a.md', 'a.md.tags.json'], ['news/b.md', undefined],
    ]);
  });

  test('a folder walk finds exactly the sidecars outside skipped folders (property)', async () => {
    const segment = fc.constantFrom('a', 'b', 'node_modules', '.git', '.claim-tags', '.hidden', 'c d');
    const leaf = fc.constantFrom('x.md.tags.json', 'y.txt.tags.json', 'x.md', 'x.md.tags.ana.json', 'notes.json');
    const tree = fc.uniqueArray(fc.tuple(fc.array(segment, { maxLength: 3 }), leaf).map(([dirs, name]) => [...dirs, name].join('/')), { maxLength: 12 });
    await fc.assert(
      fc.asyncProperty(tree, async (files) => {
        const root = fs.mkdtempSync(path.join(dir, 'p-'));
        for (const f of files) write(root, f, sidecarJson('x'));
        const skipped = (f: string) => f.split('/').slice(0, -1).some((s) => s === 'node_modules' || (s.startsWith('.') && s !== '.claim-tags'));
        // Files only: a path that is another file's folder cannot be both.
        const expected = files.filter((f) => f.endsWith('.tags.json') && !f.endsWith('.ana.json') && !skipped(f) && fs.statSync(path.join(root, f)).isFile());
        const [folder] = await collectSidecars([root], { cwd: root });
        assert.deepEqual(relSidecars(root, folder.found).sort(), expected.sort());
      }),
      { numRuns: 40 },
    );
  });

  test('check, report, agree and suggest\'s learning see the same sidecars of a folder', async () => {
    const text = 'The mayor said the budget grew. It is huge.\n';
    for (const rel of ['a.md', 'sub/b.md', 'node_modules/c.md', '.hidden/d.md']) {
      write(dir, rel, text);
      const tagged = await cli(['tag', path.join(dir, rel), '--kind', 'claim', '--quote', 'The mayor said', '--author', 'ana']);
      assert.equal(tagged.code, 0, tagged.stderr);
    }
    fs.mkdirSync(path.join(dir, '.git'));
    const expected = ['a.md', 'sub/b.md'];
    const check = await cli(['check', dir, '--json']);
    assert.equal(check.code, 0, check.stderr);
    assert.deepEqual((JSON.parse(check.stdout) as { documents: { file: string }[] }).documents.map((d) => path.relative(dir, path.resolve(d.file)).split(path.sep).join('/')), expected);
    const report = await cli(['report', dir, '--format', 'json']);
    assert.equal(report.code, 0, report.stderr);
    assert.deepEqual((JSON.parse(report.stdout) as { documents: { name: string }[] }).documents.map((d) => d.name), expected);
    const agree = await cli(['agree', dir, '--json']);
    assert.equal(agree.code, 0, agree.stderr);
    assert.deepEqual((JSON.parse(agree.stdout) as { documents: { name: string }[] }).documents.map((d) => path.relative(dir, path.resolve(d.name)).split(path.sep).join('/')), expected);
    write(dir, 'broken.md.tags.json', '{');
    const suggest = await cli(['suggest', path.join(dir, 'a.md'), '--verbose']);
    assert.equal(suggest.code, 0, suggest.stderr);
    assert.match(suggest.stderr, /learned from 2 sidecars in .*; 1 unreadable skipped/);
  });
});

suite('cli: RunReads', () => {
  test('a file read by the first pass is not read again by the second; the same error comes back', async () => {
    const reads: string[] = [];
    const read = async (f: string) => {
      reads.push(f);
      if (f.endsWith('bad')) throw new Error(`cannot read ${f}`);
      return `text of ${f}`;
    };
    const runReads = new RunReads(read, true);
    assert.equal(await runReads.first('/a'), 'text of /a');
    await assert.rejects(runReads.first('/bad'), /cannot read \/bad/);
    assert.equal(await runReads.second('/a'), 'text of /a');
    await assert.rejects(runReads.second('/bad'), /cannot read \/bad/);
    assert.equal(await runReads.second('/c'), 'text of /c');
    assert.deepEqual(reads, ['/a', '/bad', '/c']);
    // Handed over once: a third read of the same file reads again (nothing is kept longer than needed).
    await runReads.second('/a');
    assert.deepEqual(reads, ['/a', '/bad', '/c', '/a']);
  });

  test('without keeping, each pass reads', async () => {
    let n = 0;
    const runReads = new RunReads(async () => String(++n), false);
    await runReads.first('/a');
    assert.equal(await runReads.second('/a'), '2');
  });
});
