// The merge driver with real git: branches that tag the same article merge, rebase and cherry-pick cleanly.
// Every git call runs in a temporary repository with its own (empty) global config: nothing outside changes.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CONFLICT_LABEL } from '../../../src/core/merge';
import { Tag } from '../../../src/core/model';
import { parseSidecar } from '../../../src/core/sidecar/format';
import { TeamSidecar } from '../../../src/core/team/types';
import { ARTICLE, sidecarText, tagOf } from './fixtures';

const CLI = path.resolve(__dirname, '../../../src/cli.js'); // compiled with the tests
const hasGit = spawnSync('git', ['--version']).status === 0;

suite('team: git merge driver with real git', function () {
  this.timeout(60000);
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const a = tagOf('The council approved the budget on Monday.', 'claim', 'ana');
  const b = tagOf('reckless', 'opinion', 'ana');

  function git(...args: string[]): { status: number; out: string } {
    const r = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', '-c', 'init.defaultBranch=main', ...args], { cwd: dir, env, encoding: 'utf8' });
    return { status: r.status ?? -1, out: (r.stdout ?? '') + (r.stderr ?? '') };
  }
  function ok(...args: string[]): string {
    const r = git(...args);
    assert.equal(r.status, 0, `git ${args.join(' ')}: ${r.out}`);
    return r.out;
  }
  const sidecarPath = () => path.join(dir, 'article.md.tags.json');
  function commitTags(tags: Tag[], message: string): void {
    fs.writeFileSync(sidecarPath(), sidecarText(tags));
    ok('add', '-A');
    ok('commit', '-q', '-m', message);
  }
  function readMerged(): TeamSidecar {
    const raw = fs.readFileSync(sidecarPath(), 'utf8');
    assert.doesNotMatch(raw, /^(<<<<<<<|=======|>>>>>>>)/m, 'no conflict markers');
    const read = parseSidecar(raw);
    assert.ok(read.ok, `valid sidecar: ${JSON.stringify(!read.ok && read.error)}`);
    return read.sidecar as TeamSidecar;
  }

  setup(function () {
    if (!hasGit) this.skip();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claim-tagger-git-'));
    const home = path.join(dir, '.home');
    fs.mkdirSync(home);
    fs.writeFileSync(path.join(home, 'gitconfig'), '');
    env = { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), GIT_CONFIG_GLOBAL: path.join(home, 'gitconfig'), GIT_CONFIG_NOSYSTEM: '1' };
    dir = path.join(dir, 'repo');
    fs.mkdirSync(dir);
    ok('init', '-q');
    const install = spawnSync(process.execPath, [CLI, 'install-merge-driver', '--command', `"${process.execPath}" "${CLI}"`], { cwd: dir, env, encoding: 'utf8' });
    assert.equal(install.status, 0, install.stderr);
    fs.writeFileSync(path.join(dir, 'article.md'), ARTICLE);
    commitTags([a, b], 'base: two tags');
  });
  teardown(() => {
    if (dir) fs.rmSync(path.dirname(dir), { recursive: true, force: true });
  });

  test('install-merge-driver writes .gitattributes and the git config entry, once', () => {
    assert.equal(fs.readFileSync(path.join(dir, '.gitattributes'), 'utf8'), '*.tags.json merge=claim-tagger\n');
    assert.match(ok('config', 'merge.claim-tagger.driver'), /merge-driver %O %A %B %P/);
    assert.match(ok('config', 'merge.claim-tagger.name'), /Claim Tagger/);
    assert.equal(spawnSync(process.execPath, [CLI, 'install-merge-driver', '--command', 'x'], { cwd: dir, env }).status, 0);
    assert.equal(fs.readFileSync(path.join(dir, '.gitattributes'), 'utf8'), '*.tags.json merge=claim-tagger\n', 'not added twice');
    assert.equal(ok('check-attr', 'merge', 'sub/x.md.tags.json').trim(), 'sub/x.md.tags.json: merge: claim-tagger');
  });

  test('bad usage: wrong argument count, or installing outside a repository, exits 2 and writes nothing', () => {
    const few = spawnSync(process.execPath, [CLI, 'merge-driver', 'a', 'b'], { cwd: dir, env, encoding: 'utf8' });
    assert.equal(few.status, 2);
    assert.match(few.stderr, /expected 3 or 4 arguments/);
    const outside = path.join(path.dirname(dir), 'not-a-repo');
    fs.mkdirSync(outside);
    const r = spawnSync(process.execPath, [CLI, 'install-merge-driver'], { cwd: outside, env: { ...env, GIT_CEILING_DIRECTORIES: path.dirname(dir) }, encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /git failed/);
    assert.deepEqual(fs.readdirSync(outside), []);
  });

  test('install-merge-driver --global writes only to the (temporary) global config and attributes file', () => {
    const r = spawnSync(process.execPath, [CLI, 'install-merge-driver', '--global', '--command', 'claim-tagger'], { cwd: dir, env, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(fs.readFileSync(env.GIT_CONFIG_GLOBAL!, 'utf8'), /driver = claim-tagger merge-driver %O %A %B %P/);
    assert.equal(fs.readFileSync(path.join(env.XDG_CONFIG_HOME!, 'git', 'attributes'), 'utf8'), '*.tags.json merge=claim-tagger\n');
  });

  /** Two annotators branch from main: each adds a tag and edits tag a; ben also edits b. */
  function twoBranches(): { c: Tag; d: Tag } {
    const c = tagOf('Turnout was 41 percent.', 'claim', 'ana');
    const d = tagOf('The mayor said', 'attribution', 'ben');
    ok('checkout', '-q', '-b', 'ana');
    commitTags([{ ...a, note: 'ana: minutes p. 3' }, b, c], 'ana tags');
    ok('checkout', '-q', '-b', 'ben', 'main');
    commitTags([{ ...a, note: 'ben: vote was 7-2' }, { ...b, note: 'loaded' }, d], 'ben tags');
    return { c, d };
  }
  function checkBoth(m: TeamSidecar, c: Tag, d: Tag): void {
    const byId = new Map(m.tags.map((t) => [t.id, t]));
    for (const t of [a, b, c, d]) assert.ok(byId.has(t.id), `tag ${t.quote} present`);
    assert.equal(byId.get(b.id)!.note, 'loaded');
    assert.equal(m.conflicts?.length, 1, 'the tag edited on both sides is flagged');
    const [conflict] = m.conflicts!;
    assert.equal(conflict.id, a.id);
    assert.deepEqual(new Set([byId.get(a.id)!.note, byId.get(conflict.otherId)!.note]), new Set(['ana: minutes p. 3', 'ben: vote was 7-2']));
    assert.ok(byId.get(conflict.otherId)!.labels?.includes(CONFLICT_LABEL));
  }

  test('merge: exit 0, valid sidecar, every tag present, conflicting edits flagged', () => {
    const { c, d } = twoBranches();
    ok('checkout', '-q', 'ana');
    const r = git('merge', '--no-edit', 'ben');
    assert.equal(r.status, 0, r.out);
    assert.match(r.out, /edited on both sides/);
    checkBoth(readMerged(), c, d);
    assert.equal(ok('status', '--porcelain').trim(), '', 'merge committed, nothing left over');
  });

  test('rebase: ana\'s commit replayed onto ben', () => {
    const { c, d } = twoBranches();
    ok('checkout', '-q', 'ana');
    const r = git('rebase', 'ben');
    assert.equal(r.status, 0, r.out);
    checkBoth(readMerged(), c, d);
  });

  test('cherry-pick: ben\'s commit onto ana', () => {
    const { c, d } = twoBranches();
    ok('checkout', '-q', 'ana');
    const r = git('cherry-pick', 'ben');
    assert.equal(r.status, 0, r.out);
    checkBoth(readMerged(), c, d);
  });

  test('deleted on one branch, edited on the other: kept', () => {
    ok('checkout', '-q', '-b', 'ana');
    commitTags([a], 'ana removes b');
    ok('checkout', '-q', '-b', 'ben', 'main');
    commitTags([a, { ...b, note: 'still loaded' }], 'ben edits b');
    ok('checkout', '-q', 'ana');
    assert.equal(git('merge', '--no-edit', 'ben').status, 0);
    assert.equal(readMerged().tags.find((t) => t.id === b.id)?.note, 'still loaded');
  });

  test('a corrupt sidecar on one branch: git reports a conflict, every version stays in the index', () => {
    ok('checkout', '-q', '-b', 'ana');
    commitTags([a, { ...b, note: 'ana' }], 'ana edits');
    ok('checkout', '-q', '-b', 'ben', 'main');
    const broken = sidecarText([a]).replace('"tags": [', '"tags": [,');
    fs.writeFileSync(sidecarPath(), broken);
    ok('commit', '-q', '-am', 'ben breaks it');
    ok('checkout', '-q', 'ana');
    const r = git('merge', '--no-edit', 'ben');
    assert.notEqual(r.status, 0);
    assert.match(r.out, /their version \(%B\) cannot be merged \(line \d+, column \d+\)/);
    assert.match(r.out, /CONFLICT/);
    assert.equal(fs.readFileSync(sidecarPath(), 'utf8'), sidecarText([a, { ...b, note: 'ana' }]), 'ours left as it was');
    assert.equal(ok('show', ':3:article.md.tags.json'), broken, 'theirs kept in the index');
    assert.equal(ok('show', ':1:article.md.tags.json'), sidecarText([a, b]), 'base kept in the index');
  });
});
