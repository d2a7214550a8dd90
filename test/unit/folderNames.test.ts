// guessFolder and depth (src/store/folderNames.ts): which paths created or changed may be folders, by name alone.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { depth, guessFolder, statCandidates } from '../../src/store/folderNames';

const segment = fc.stringMatching(/^[a-zA-Z0-9_-]{1,8}$/);
const folder = fc.array(segment, { minLength: 1, maxLength: 4 }).map((s) => `/ws/${s.join('/')}`);

suite('guessFolder (folders that arrive or change outside VS Code)', () => {
  test('a name without a dot, a hidden name, or digits after the dot: likely a folder', () => {
    fc.assert(fc.property(folder, segment, fc.nat(2100), (parent, name, n) => {
      assert.equal(guessFolder(`${parent}/${name}`), 'likely');
      assert.equal(guessFolder(`${parent}/.${name}`), 'likely');
      assert.equal(guessFolder(`${parent}/${name}.${n}`), 'likely');
    }));
  });

  test('any other dotted name needs a stat; inside node_modules or .git, or a .json name, never searched', () => {
    fc.assert(fc.property(folder, segment, fc.stringMatching(/^[a-z]{1,5}$/), (parent, name, ext) => {
      assert.equal(guessFolder(`${parent}/${name}.${ext}`), ext === 'json' ? 'no' : 'dotted');
      assert.equal(guessFolder(`${parent}/${name}.tags.json`), 'no');
      for (const skipped of ['node_modules', '.git']) {
        assert.equal(guessFolder(`${parent}/${skipped}`), 'no');
        assert.equal(guessFolder(`${parent}/${skipped}/${name}`), 'no');
      }
    }));
    assert.equal(guessFolder('/ws/www.example.com'), 'dotted');
    assert.equal(guessFolder('/ws/notes/article.md'), 'dotted');
    assert.equal(guessFolder('/ws/node_modules_backup'), 'likely', 'only the segment itself is skipped');
  });

  test('depth counts the separators, so a folder sorts before everything inside it', () => {
    fc.assert(fc.property(folder, segment, (parent, name) => {
      assert.equal(depth(`${parent}/${name}`), depth(parent) + 1);
    }));
  });
});

suite('statCandidates (what one batch stats, and what counts against its budget)', () => {
  const name = fc.oneof(segment, segment.map((s) => `${s}.md`), segment.map((s) => `${s}.11`), segment.map((s) => `${s}.json`));
  const paths = fc.uniqueArray(fc.tuple(folder, name).map(([f, n]) => `${f}/${n}`), { maxLength: 8 });

  test('created paths first, outer before inner; changed dotted names never; no-dot changes budgeted', () => {
    fc.assert(fc.property(paths, paths, (created, changed) => {
      const plan = statCandidates(created, changed);
      const fromCreated = plan.filter((c) => created.includes(c.path));
      assert.deepEqual(plan.slice(0, fromCreated.length), fromCreated, 'every created path before any changed one');
      assert.deepEqual(fromCreated.map((c) => c.path).sort(), created.filter((p) => guessFolder(p) !== 'no').sort());
      for (const c of fromCreated) assert.equal(c.budgeted, guessFolder(c.path) === 'dotted');
      const fromChanged = plan.slice(fromCreated.length);
      assert.deepEqual(fromChanged.map((c) => c.path).sort(), changed.filter((p) => !created.includes(p) && guessFolder(p) === 'likely').sort());
      assert.ok(fromChanged.every((c) => c.budgeted), 'a changed path always costs budget');
      for (const group of [fromCreated, fromChanged]) {
        for (let i = 1; i < group.length; i++) assert.ok(depth(group[i - 1].path) <= depth(group[i].path), 'outer first');
      }
    }));
  });

  test('a burst of saves spends nothing; a dotted folder that arrives is stat\'ed first', () => {
    const saves = Array.from({ length: 500 }, (_, i) => `/ws/notes/a${i}.md`);
    assert.deepEqual(statCandidates(['/ws/www.example.com'], [...saves, '/ws/Makefile']), [
      { path: '/ws/www.example.com', budgeted: true },
      { path: '/ws/Makefile', budgeted: true },
    ]);
  });
});
