import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { blindCopyPath, parseBlindCopyPath } from '../../../src/core/team/annotators';
import { cli } from '../cli/helpers';
import { articlePerTest, sidecarText, tagOf, twoAnnotators } from './fixtures';

suite('team: claim-tagger agree', () => {
  const at = articlePerTest();
  const { ana, ben } = twoAnnotators();

  test('blind copy names: <document>.tags.<author>.json, never mistaken for the shared sidecar', () => {
    assert.equal(blindCopyPath('/d/a.md.tags.json', 'Ana Lima'), '/d/a.md.tags.Ana-Lima.json');
    assert.deepEqual(parseBlindCopyPath('/d/a.md.tags.ben.json'), { sharedSidecarPath: '/d/a.md.tags.json', author: 'ben' });
    assert.equal(parseBlindCopyPath('/d/a.md.tags.json'), undefined);
    assert.equal(parseBlindCopyPath('/d/notes.json'), undefined);
  });

  test('one shared sidecar with two authors: --json figures', async () => {
    fs.writeFileSync(at.doc + '.tags.json', sidecarText([...ana, ...ben]));
    const r = await cli(['agree', at.doc, '--json']);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.format, 'claim-tagger/agreement');
    assert.deepEqual(out.annotators, ['ana', 'ben']);
    const [pair] = out.pairs;
    assert.deepEqual([pair.overall.a, pair.overall.b, pair.overall.exact.matched, pair.overall.overlap.matched], [2, 2, 1, 2]);
  });

  test('blind copies beside the shared sidecar, found from a folder, a document or a copy itself', async () => {
    fs.writeFileSync(at.doc + '.tags.json', sidecarText([]));
    fs.writeFileSync(at.doc + '.tags.ana.json', sidecarText(ana));
    fs.writeFileSync(at.doc + '.tags.ben.json', sidecarText(ben.map((t) => ({ ...t, author: 'someone' }))));
    for (const input of [at.dir, at.doc, at.doc + '.tags.ben.json']) {
      const r = await cli(['agree', input, '--json']);
      assert.equal(r.code, 0, r.stderr);
      const out = JSON.parse(r.stdout);
      assert.deepEqual(out.annotators, ['ana', 'ben'], `from ${input}: the file names the annotator`);
      assert.equal(out.pairs[0].overall.overlap.matched, 2);
    }
  });

  test('Markdown and HTML escape annotator names; --authors picks the pair', async () => {
    const evil = '<img src=x onerror=alert(1)>|x';
    fs.writeFileSync(at.doc + '.tags.json', sidecarText([...ana, ...ben.map((t) => ({ ...t, author: evil })), tagOf('Critics', 'opinion', 'cora')]));
    const md = await cli(['agree', at.doc]);
    assert.equal(md.code, 0, md.stderr);
    assert.doesNotMatch(md.stdout, /(^|[^\\])[<|]img/m, 'no raw HTML, no table break');
    assert.match(md.stdout, /## \\<img src\\=x onerror\\=alert\\\(1\\\)\\>\\\|x and ana/);
    const html = await cli(['agree', at.doc, '--format', 'html']);
    assert.ok(!html.stdout.includes('<img'));
    assert.ok(html.stdout.includes('&lt;img src=x onerror=alert(1)&gt;|x'));
    assert.doesNotMatch(html.stdout, /<script|https?:/);
    const two = JSON.parse((await cli(['agree', at.doc, '--json', '--authors', `cora,ana`])).stdout);
    assert.deepEqual(two.pairs.map((p: { a: string; b: string }) => [p.a, p.b]), [['cora', 'ana']]);
  });

  test('a broken sidecar: exit 2 naming file, line and column; nothing written', async () => {
    fs.writeFileSync(at.doc + '.tags.json', sidecarText(ana));
    const broken = sidecarText(ben).replace('"tags": [', '"tags": [,');
    fs.writeFileSync(at.doc + '.tags.ben.json', broken);
    const r = await cli(['agree', at.dir]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /article\.md\.tags\.ben\.json:\d+:\d+: The sidecar is not valid JSON/);
    assert.equal(fs.readFileSync(at.doc + '.tags.ben.json', 'utf8'), broken);
    assert.equal((await cli(['agree', at.dir, '--format', 'pdf'])).code, 2);
    assert.equal((await cli(['agree', at.dir, '--authors', 'ana'])).code, 2);
    assert.equal((await cli(['agree'])).code, 2);
  });
});
