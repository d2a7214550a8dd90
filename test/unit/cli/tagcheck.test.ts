import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseSidecar } from '../../../src/core/sidecar/format';
import { cli, tempDir } from './helpers';

const TEXT = 'The mayor said the budget grew by 12 percent. The budget is huge. Critics disagree.\n';

suite('cli: tag and check', () => {
  let dir: string;
  let doc: string;
  setup(() => {
    dir = tempDir();
    doc = path.join(dir, 'story.txt');
    fs.writeFileSync(doc, TEXT);
  });
  teardown(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('--help and --version', async () => {
    const help = await cli(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Usage: claim-tagger <command>/);
    const version = await cli(['--version']);
    assert.equal(version.stdout.trim(), JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../package.json'), 'utf8')).version);
    assert.equal((await cli(['nope'])).code, 2);
  });

  test('tag --quote adds a tag to a new sidecar and prints its id', async () => {
    const r = await cli(['tag', doc, '--kind', 'claim', '--quote', 'the budget grew by 12 percent', '--note', 'ask finance', '--status', 'disputed']);
    assert.equal(r.code, 0, r.stderr);
    const id = r.stdout.trim();
    const read = parseSidecar(fs.readFileSync(doc + '.tags.json', 'utf8'), 'story.txt');
    assert.ok(read.ok);
    assert.deepEqual(read.sidecar.tags.map((t) => [t.id, t.kind, t.start, t.quote, t.note, t.status]),
      [[id, 'claim', TEXT.indexOf('the budget grew'), 'the budget grew by 12 percent', 'ask finance', 'disputed']]);
  });

  test('tag --range and a second tag in the same sidecar', async () => {
    await cli(['tag', doc, '--kind', 'opinion', '--range', `${TEXT.indexOf('huge')}:${TEXT.indexOf('huge') + 4}`]);
    await cli(['tag', doc, '--kind', 'attribution', '--quote', 'The mayor said']);
    const read = parseSidecar(fs.readFileSync(doc + '.tags.json', 'utf8'));
    assert.ok(read.ok);
    assert.deepEqual(read.sidecar.tags.map((t) => t.quote), ['The mayor said', 'huge']);
  });

  test('an absent or ambiguous quote is an error (exit 2) and changes nothing', async () => {
    const absent = await cli(['tag', doc, '--kind', 'claim', '--quote', 'not in the text']);
    assert.equal(absent.code, 2);
    assert.match(absent.stderr, /not found/);
    const ambiguous = await cli(['tag', doc, '--kind', 'claim', '--quote', 'budget']);
    assert.equal(ambiguous.code, 2);
    assert.match(ambiguous.stderr, /occurs 2 times.*--occurrence 1\.\.2/);
    assert.ok(!fs.existsSync(doc + '.tags.json'));
    const second = await cli(['tag', doc, '--kind', 'claim', '--quote', 'budget', '--occurrence', '2']);
    assert.equal(second.code, 0);
    const read = parseSidecar(fs.readFileSync(doc + '.tags.json', 'utf8'));
    assert.ok(read.ok && read.sidecar.tags[0].start === TEXT.lastIndexOf('budget'));
  });

  test('tag refuses to touch a corrupt sidecar', async () => {
    fs.writeFileSync(doc + '.tags.json', '{ "format": "claim-tagger/tags", oops }');
    const r = await cli(['tag', doc, '--kind', 'claim', '--quote', 'Critics disagree.']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /story\.txt\.tags\.json:1:\d+: .*not valid JSON/);
    assert.equal(fs.readFileSync(doc + '.tags.json', 'utf8'), '{ "format": "claim-tagger/tags", oops }');
  });

  test('check reports anchored, moved and orphaned tags; exit 1 when any is orphaned', async () => {
    await cli(['tag', doc, '--kind', 'claim', '--quote', 'the budget grew by 12 percent']);
    await cli(['tag', doc, '--kind', 'opinion', '--quote', 'huge']);
    await cli(['tag', doc, '--kind', 'claim', '--quote', 'Critics disagree.']);
    const ok = await cli(['check', dir]);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /3 tag\(s\): 3 anchored, 0 moved, 0 fuzzy, 0 orphaned/);
    // Edited outside the tool: text inserted before, one tagged word removed.
    fs.writeFileSync(doc, 'BREAKING. ' + TEXT.replace(' The budget is huge.', ''));
    const drift = await cli(['check', doc, '--json']);
    assert.equal(drift.code, 1);
    const report = JSON.parse(drift.stdout) as { documents: { file: string; tags: { quote: string; state: string; start: number | null }[] }[] };
    const states = Object.fromEntries(report.documents[0].tags.map((t) => [t.quote, [t.state, t.start]]));
    assert.deepEqual(states['the budget grew by 12 percent'], ['moved', 'BREAKING. '.length + TEXT.indexOf('the budget grew')]);
    assert.deepEqual(states['huge'], ['orphaned', null]);
  });

  test('check --write saves re-anchored offsets; unreadable input exits 2 and is left untouched', async () => {
    await cli(['tag', doc, '--kind', 'claim', '--quote', 'Critics disagree.']);
    fs.writeFileSync(doc, 'Intro line.\n' + TEXT);
    assert.equal((await cli(['check', doc, '--write'])).code, 0);
    const read = parseSidecar(fs.readFileSync(doc + '.tags.json', 'utf8'));
    assert.ok(read.ok && read.sidecar.tags[0].start === 'Intro line.\n'.length + TEXT.indexOf('Critics'));
    const other = path.join(dir, 'other.txt');
    fs.writeFileSync(other, 'x');
    fs.writeFileSync(other + '.tags.json', '[1, 2');
    const bad = await cli(['check', dir]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /other\.txt\.tags\.json:1:\d+/);
    assert.equal(fs.readFileSync(other + '.tags.json', 'utf8'), '[1, 2');
  });
});
