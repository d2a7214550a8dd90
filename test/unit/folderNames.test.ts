// guessFolder and depth (src/store/folderNames.ts): which paths created or changed may be folders, by name alone.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { depth, guessFolder } from '../../src/store/folderNames';

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
