import * as assert from 'node:assert/strict';
import { PassThrough, Readable } from 'node:stream';
import { runSuggest } from '../../../src/cli/suggest';

async function run(argv: string[], files: Record<string, string> = {}, stdin = '') {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  const code = await runSuggest(argv, {
    stdin: Readable.from([Buffer.from(stdin)]), stdout, stderr,
    readFile: async (p) => {
      if (!(p in files)) throw Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
      return files[p];
    },
  });
  return { code, out, err };
}

const ARTICLE = 'Officials said prices rose 12% in 2023. This is a disgraceful outcome.';

suite('suggest/cli: claim-tagger suggest', () => {
  test('one file: a JSON object with file, suggestions and sentences, offsets into the text', async () => {
    const { code, out, err } = await run(['a.txt'], { 'a.txt': ARTICLE });
    assert.equal(code, 0, err);
    const json = JSON.parse(out);
    assert.equal(json.file, 'a.txt');
    assert.equal(json.sentences.length, 2);
    assert.ok(json.suggestions.length > 0);
    for (const s of json.suggestions) {
      assert.equal(ARTICLE.slice(s.start, s.end), s.text);
      for (const k of ['kind', 'start', 'end', 'text', 'rule', 'explanation', 'score']) assert.ok(k in s, k);
    }
    const attribution = json.suggestions.find((s: { kind: string }) => s.kind === 'attribution');
    assert.deepEqual(ARTICLE.slice(attribution.parts.cue.start, attribution.parts.cue.end), 'said');
  });

  test('several files: an array; a missing file is reported and exits 2', async () => {
    const ok = await run(['a.txt', 'b.txt'], { 'a.txt': ARTICLE, 'b.txt': 'Nothing here.' });
    assert.equal(ok.code, 0);
    assert.deepEqual(JSON.parse(ok.out).map((r: { file: string }) => r.file), ['a.txt', 'b.txt']);
    const missing = await run(['a.txt', 'nope.txt'], { 'a.txt': ARTICLE });
    assert.equal(missing.code, 2);
    assert.match(missing.err, /nope\.txt: no such file/);
  });

  test('- reads standard input', async () => {
    const { code, out } = await run(['-'], {}, ARTICLE);
    assert.equal(code, 0);
    assert.equal(JSON.parse(out).file, '-');
  });

  test('--kinds and --min-score', async () => {
    const { out } = await run(['a.txt', '--kinds', 'opinion'], { 'a.txt': ARTICLE });
    assert.deepEqual([...new Set(JSON.parse(out).suggestions.map((s: { kind: string }) => s.kind))], ['opinion']);
    const none = await run(['a.txt', '--min-score', '1'], { 'a.txt': ARTICLE });
    assert.ok(JSON.parse(none.out).suggestions.every((s: { score: number }) => s.score >= 1));
    assert.equal((await run(['a.txt', '--min-score', 'high'], { 'a.txt': ARTICLE })).code, 2);
    assert.equal((await run(['a.txt', '--min-score', '1.5'], { 'a.txt': ARTICLE })).code, 2);
    const bad = await run(['a.txt', '--kinds', 'claim,rumour'], { 'a.txt': ARTICLE });
    assert.equal(bad.code, 2);
    assert.match(bad.err, /rumour/);
  });

  test('--jsonl: one output line per input line, ids kept, bad lines reported', async () => {
    const input = [JSON.stringify({ id: 1, text: ARTICLE }), '', JSON.stringify({ id: 'b', text: 'Fine.' }), '{oops', JSON.stringify({ id: 3 })].join('\n');
    const { code, out, err } = await run(['--jsonl'], {}, input);
    const lines = out.trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(lines.map((l) => l.id), [1, 'b']);
    assert.ok(lines[0].suggestions.length > 0 && Array.isArray(lines[1].sentences));
    assert.equal(code, 2);
    assert.match(err, /line 4: not valid JSON/);
    assert.match(err, /line 5: expected/);
  });

  test('usage errors', async () => {
    assert.equal((await run([])).code, 2);
    assert.equal((await run(['--jsonl', 'a.txt'])).code, 2);
    assert.equal((await run(['--frobnicate'])).code, 2);
    const help = await run(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.out, /--jsonl/);
  });
});
