// `claim-tagger suggest` with learning (issue 13): phrase memory from the workspace's sidecars, decisions from
// .claim-tags/learned.json, --workspace and --no-learned, a corrupt learned.json refused with its position.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cli, tempDir } from './helpers';

interface Out {
  suggestions: { kind: string; start: number; end: number; text: string; rule: string; explanation: string; score: number; example?: { document: string } }[];
}

const A = 'The council called the plan a bridge gamble. Officials said 40 percent of the budget went to consultants.\n';
const B = 'Critics say the Bridge Gambles continue. Officials said 40 percent of the budget went to consultants.\n';

suite('CLI: suggest learns from the workspace', () => {
  let dir: string;
  setup(async () => {
    dir = tempDir();
    fs.mkdirSync(path.join(dir, '.claim-tags'));
    fs.mkdirSync(path.join(dir, 'news'));
    fs.writeFileSync(path.join(dir, 'news', 'a.md'), A);
    fs.writeFileSync(path.join(dir, 'news', 'b.md'), B);
    const tag = async (...args: string[]) => assert.equal((await cli(['tag', path.join(dir, 'news', 'a.md'), ...args])).code, 0);
    await tag('--kind', 'opinion', '--quote', 'bridge gamble');
    await tag('--kind', 'claim', '--quote', 'Officials said 40 percent of the budget went to consultants.', '--status', 'false');
  });
  teardown(() => fs.rmSync(dir, { recursive: true, force: true }));

  const run = async (...args: string[]) => {
    const r = await cli(['suggest', ...args]);
    assert.equal(r.code, 0, r.stderr);
    return JSON.parse(r.stdout) as Out;
  };
  const at = (out: Out, text: string, phrase: string, kind: string) => out.suggestions.filter((s) => s.kind === kind && s.start === text.indexOf(phrase) && s.end === text.indexOf(phrase) + phrase.length);

  test('a phrase tagged in one article is suggested in another, with where it was tagged', async () => {
    const out = await run(path.join(dir, 'news', 'b.md'));
    const [s] = at(out, B, 'Bridge Gambles', 'opinion');
    assert.ok(s, JSON.stringify(out.suggestions.map((x) => [x.text, x.rule])));
    assert.match(s.explanation, /agged as opinion once in 1 other article \(e\.g\. news\/a\.md\)/);
    const claims = at(out, B, 'Officials said 40 percent of the budget went to consultants.', 'claim');
    assert.ok(claims.some((c) => /Checked before: false, in news\/a\.md/.test(c.explanation)), JSON.stringify(claims));
  });

  test('never suggests a span of its own article that is already tagged', async () => {
    const out = await run(path.join(dir, 'news', 'a.md'));
    assert.equal(out.suggestions.filter((s) => s.rule === 'learned.phrase').length, 0);
    assert.ok(!out.suggestions.some((s) => /tagged as/.test(s.explanation)));
  });

  test('--no-learned, and a workspace without those tags, suggest as the engine alone', async () => {
    const plain = await run(path.join(dir, 'news', 'b.md'), '--no-learned');
    assert.equal(at(plain, B, 'Bridge Gambles', 'opinion').filter((s) => /tagged as/i.test(s.explanation)).length, 0);
    const other = tempDir();
    try {
      const elsewhere = await run(path.join(dir, 'news', 'b.md'), '--workspace', other);
      assert.deepEqual(elsewhere, plain);
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });

  test('decisions in learned.json sink a phrase dismissed again and again, and say why', async () => {
    const learned = (dismissed: number) => JSON.stringify({
      format: 'claim-tagger/learned', version: 1,
      decisions: { rules: {}, terms: { 'learned.phrase': { 'bridge gamble': { accepted: 2, dismissed } } } },
    });
    fs.writeFileSync(path.join(dir, '.claim-tags', 'learned.json'), learned(3));
    const some = at(await run(path.join(dir, 'news', 'b.md')), B, 'Bridge Gambles', 'opinion').find((s) => s.rule === 'learned.phrase');
    assert.match(some?.explanation ?? '', /'bridge gamble' dismissed 3 of 5 times in this workspace \(score 0\.60 → 0\.5\d\)/);
    fs.writeFileSync(path.join(dir, '.claim-tags', 'learned.json'), learned(14));
    const none = at(await run(path.join(dir, 'news', 'b.md')), B, 'Bridge Gambles', 'opinion').find((s) => s.rule === 'learned.phrase');
    assert.equal(none, undefined);
  });

  test('a corrupt learned.json: exit 2 with file, line and column; the file is left as it was', async () => {
    const file = path.join(dir, '.claim-tags', 'learned.json');
    const bad = '{\n  "format": "claim-tagger/learned",\n  "version": 1,\n  "decisions": {"rules": {"x": {"accepted": -1, "dismissed": 0}}, "terms": {}}\n}\n';
    fs.writeFileSync(file, bad);
    const r = await cli(['suggest', path.join(dir, 'news', 'b.md')]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /learned\.json:4:\d+: \/decisions\/rules\/x\/accepted: must be a whole number >= 0\. Fix the file, or pass --no-learned/);
    assert.equal(fs.readFileSync(file, 'utf8'), bad);
    assert.equal((await cli(['suggest', path.join(dir, 'news', 'b.md'), '--no-learned'])).code, 0);
  });

  test('unreadable sidecars: one summary line on stderr, each named with --verbose; the others still learned from', async () => {
    fs.mkdirSync(path.join(dir, 'vendor'));
    for (let i = 0; i < 5; i++) fs.writeFileSync(path.join(dir, 'vendor', `x${i}.md.tags.json`), '{ not json');
    fs.writeFileSync(path.join(dir, 'vendor', 'x0.md'), 'x');
    const r = await cli(['suggest', path.join(dir, 'news', 'b.md')]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(r.stderr.trimEnd().split('\n'), [`claim-tagger suggest: learned from 1 sidecar in ${dir}; 5 unreadable skipped, see --verbose`]);
    assert.ok(at(JSON.parse(r.stdout) as Out, B, 'Bridge Gambles', 'opinion').length, 'a.md still learned from');
    const v = await cli(['suggest', path.join(dir, 'news', 'b.md'), '--verbose']);
    const lines = v.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 6, v.stderr);
    assert.ok(lines.slice(0, 5).every((l) => /^claim-tagger suggest: not learned from .*vendor[\\/]x\d\.md\.tags\.json/.test(l)), v.stderr);
    assert.match(lines[5], /learned from 1 sidecar in .*; 5 unreadable skipped$/);
    // Nothing unreadable: nothing on stderr.
    fs.rmSync(path.join(dir, 'vendor'), { recursive: true });
    assert.equal((await cli(['suggest', path.join(dir, 'news', 'b.md')])).stderr, '');
  });

  test('--workspace must be a folder', async () => {
    const r = await cli(['suggest', path.join(dir, 'news', 'b.md'), '--workspace', path.join(dir, 'nope')]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--workspace: .*nope is not a folder/);
  });
});
