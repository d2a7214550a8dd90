import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { cli } from '../cli/helpers';
import { articlePerTest, sidecarText, tagOf, twoAnnotators } from './fixtures';

suite('team: claim-tagger report --format html with several annotators', () => {
  const at = articlePerTest();
  const { ana, ben } = twoAnnotators();
  const section = (html: string) => /<section class="agreement"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';

  test('a shared sidecar with two authors: the agreement section with the pair', async () => {
    fs.writeFileSync(at.doc + '.tags.json', sidecarText([...ana, ...ben]));
    const r = await cli(['report', at.doc, '--format', 'html']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(section(r.stdout), /<h3>ana and ben<\/h3>/);
  });

  test('blind copies, named directly or found from the folder: the section covers every annotator; other formats unchanged', async () => {
    fs.writeFileSync(at.doc + '.tags.ana.json', sidecarText(ana));
    fs.writeFileSync(at.doc + '.tags.ben.json', sidecarText(ben));
    fs.writeFileSync(at.doc + '.tags.cora.json', sidecarText([tagOf('reckless', 'opinion', 'x')]));
    for (const inputs of [[at.doc + '.tags.ana.json', at.doc + '.tags.ben.json'], [at.dir]]) {
      const r = await cli(['report', ...inputs, '--format', 'html']);
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual([...section(r.stdout).matchAll(/<h3>([^<]+)<\/h3>/g)].map((m) => m[1]), ['ana and ben', 'ana and cora', 'ben and cora'], `from ${inputs.join(' ')}`);
      assert.ok(!r.stdout.includes('"format": "claim-tagger/tags"'), 'a blind copy is never reported as a document');
    }
    const md = await cli(['report', at.dir, '--format', 'md']);
    assert.equal(md.code, 0, md.stderr);
    assert.ok(!md.stdout.includes('Agreement between annotators'));
  });

  test('a document with no sidecar at all: reported with no tags, no section, exit 0', async () => {
    const r = await cli(['report', at.doc, '--format', 'html']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.equal(section(r.stdout), '');
  });

  test('one annotator: no section; an unreadable blind copy: exit 2 naming the file and position', async () => {
    fs.writeFileSync(at.doc + '.tags.json', sidecarText(ana));
    const one = await cli(['report', at.doc, '--format', 'html']);
    assert.equal(one.code, 0, one.stderr);
    assert.equal(section(one.stdout), '');
    fs.writeFileSync(at.doc + '.tags.ben.json', '{\n  "format": "claim-tagger/tags",\n  "tags": [,]\n}\n');
    const bad = await cli(['report', at.doc, '--format', 'html']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /article\.md\.tags\.ben\.json:3:\d+: /);
  });
});
