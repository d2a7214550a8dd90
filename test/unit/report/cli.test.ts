import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { runReport } from '../../../src/cli/report';
import { loadSidecar } from '../../../src/cli/reportInput';
import { Tag } from '../../../src/core/model';
import { parseCsv } from './csvParse';
import { tagOf } from './sample';

function capture() {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (d) => (stdout += d));
  err.on('data', (d) => (stderr += d));
  return { io: { stdout: out, stderr: err }, get stdout() { return stdout; }, get stderr() { return stderr; } };
}

const hash = (text: string) => 'sha256:' + createHash('sha256').update(text, 'utf8').digest('hex');

function writeDoc(file: string, text: string, tags: Tag[], sidecar = `${file}.tags.json`): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.mkdirSync(path.dirname(sidecar), { recursive: true });
  fs.writeFileSync(file, text);
  fs.writeFileSync(sidecar, JSON.stringify({ format: 'claim-tagger/tags', version: 1, document: path.basename(file), textHash: hash(text), tags }, null, 2));
}

suite('claim-tagger report (CLI)', () => {
  let root: string;
  const a = 'The council said the bridge cost 3 million.';
  const b = 'Officials argued it was a shameful waste.';

  setup(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'ct-report-'));
    fs.mkdirSync(path.join(root, '.git')); // .claim-tags is looked up only inside a repository
    writeDoc(path.join(root, 'news', 'bridge.md'), a, [
      tagOf(a, 'claim', 'the bridge cost 3 million', { status: 'verified' }),
      tagOf(a, 'attribution', 'The council said the bridge cost 3 million.', { source: { start: 0, end: 11, quote: 'The council' } }),
    ]);
    // Mirrored layout: <folder>/.claim-tags/<relative path>.tags.json
    const c = path.join(root, 'news', 'op<script>ed.txt');
    writeDoc(c, b, [tagOf(b, 'opinion', 'shameful'), tagOf(b, 'claim', 'it was a shameful waste')], path.join(root, '.claim-tags', 'news', 'op<script>ed.txt.tags.json'));
  });
  teardown(() => fs.rmSync(root, { recursive: true, force: true }));

  test('walks folders for both sidecar layouts and writes CSV to stdout', async () => {
    const c = capture();
    assert.equal(await runReport([root, '--format', 'csv'], c.io), 0);
    const rows = parseCsv(c.stdout);
    assert.deepEqual(rows.slice(1).map((r) => [r[0], r[3]]), [['news/bridge.md', 'attribution'], ['news/bridge.md', 'claim'], ['news/op<script>ed.txt', 'claim'], ['news/op<script>ed.txt', 'opinion']]);
    assert.equal(c.stderr, '');
  });

  test('a document path finds its sidecar in either place; --out writes a file', async () => {
    const out = path.join(root, 'reports', 'r.html');
    const c = capture();
    assert.equal(await runReport([path.join(root, 'news', 'op<script>ed.txt'), path.join(root, 'news', 'bridge.md'), '--format', 'html', '--out', out], c.io), 0);
    const html = fs.readFileSync(out, 'utf8');
    assert.equal(c.stdout, '');
    assert.match(html, /op&lt;script&gt;ed\.txt/);
    assert.doesNotMatch(html, /op<script>/);
    assert.match(html, /class="hl k2[^"]*first"[^>]*>shameful</);
  });

  for (const format of ['md', 'json', 'w3c', 'claimreview']) {
    test(`--format ${format} renders`, async () => {
      const c = capture();
      assert.equal(await runReport([root, '--format', format, '--author', 'Desk'], c.io), 0);
      assert.ok(c.stdout.length > 100);
      if (format !== 'md') JSON.parse(c.stdout);
    });
  }

  test('--fail-on: exit 1 with the findings listed, 0 when clean', async () => {
    let c = capture();
    assert.equal(await runReport([root, '--format', 'json', '--fail-on', 'unreviewed'], c.io), 1);
    assert.match(c.stderr, /1 unreviewed tag:\n {2}news\/op<script>ed\.txt:17-40 claim "it was a shameful waste"/);
    c = capture();
    assert.equal(await runReport([root, '--format', 'json', '--fail-on', 'orphaned,unattributed'], c.io), 0);
    writeDoc(path.join(root, 'more.md'), 'Critics said so.', [tagOf('Critics said so.', 'attribution', 'Critics said so.')]);
    c = capture();
    assert.equal(await runReport([root, '--format', 'json', '--fail-on', 'orphaned', '--fail-on', 'unattributed'], c.io), 1);
    assert.match(c.stderr, /1 unattributed tag/);
  });

  test('SOURCE_DATE_EPOCH fixes the date; a changed text drops positions with a warning', async () => {
    fs.appendFileSync(path.join(root, 'news', 'bridge.md'), ' Edited.');
    process.env.SOURCE_DATE_EPOCH = '1700000000';
    const c = capture();
    try {
      assert.equal(await runReport([path.join(root, 'news', 'bridge.md'), '--format', 'w3c'], c.io), 0);
    } finally {
      delete process.env.SOURCE_DATE_EPOCH;
    }
    const collection = JSON.parse(c.stdout);
    assert.equal(collection.generated, '2023-11-14T22:13:20.000Z');
    assert.match(c.stderr, /the text changed since it was tagged/);
    for (const anno of collection.first.items) assert.ok(anno.target.selector.every((s: { type: string }) => s.type !== 'TextPositionSelector'));
  });

  test('bad input exits 2 with a clear message', async () => {
    const cases: [string[], RegExp][] = [
      [[root], /--format is required/],
      [[root, '--format', 'pdf'], /unknown format "pdf"/],
      [[root, '--format', 'md', '--fail-on', 'typos'], /unknown --fail-on rule "typos"/],
      [['--format', 'md'], /give at least one file or folder/],
      [[path.join(root, 'nope'), '--format', 'md'], /no such file or folder: .*nope/],
      [[root, '--format', 'md', '--bogus'], /Unknown option '--bogus'/],
    ];
    for (const [args, message] of cases) {
      const c = capture();
      assert.equal(await runReport(args, c.io), 2, args.join(' '));
      assert.match(c.stderr, message);
    }
    fs.writeFileSync(path.join(root, 'broken.md.tags.json'), '{ "format": "claim-tagger/tags", "version": 1, "document": "broken.md",\n  "textHash": "sha256:' + '0'.repeat(64) + '", "tags": [ {"id": 1} ] }');
    const c = capture();
    assert.equal(await runReport([root, '--format', 'md'], c.io), 2);
    assert.match(c.stderr, /broken\.md\.tags\.json:2:\d+: The sidecar does not match its schema at \/tags\/0/);
    assert.equal(c.stdout, '', 'no partial report');
  });

  test('loadSidecar rejects what is not a sidecar', async () => {
    const f = path.join(root, 'x.tags.json');
    for (const [content, message] of [['nope', /x\.tags\.json:1:1: .*not valid JSON/], ['[]', /not a Claim Tagger sidecar/], ['{"format":"other","tags":[]}', /not a Claim Tagger sidecar/], ['{"format":"claim-tagger/tags","version":1,"document":"x","textHash":"sha256:00","tags":[]}', /does not match its schema at \/textHash/]] as const) {
      fs.writeFileSync(f, content);
      await assert.rejects(loadSidecar(f), message);
    }
    await assert.rejects(loadSidecar(path.join(root, 'missing.tags.json')), /cannot read \(ENOENT\)/);
  });

  test('--help prints usage and exits 0', async () => {
    const c = capture();
    assert.equal(await runReport(['--help'], c.io), 0);
    assert.match(c.stdout, /Usage: claim-tagger report/);
  });
});
