// The manifest and the code agree: every contributed command has a handler, every handler is contributed,
// every command has a category and a localised title, and every %key% has a string in package.nls.json.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Commands } from '../../src/commands';

const root = path.resolve(__dirname, '../../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const nls: Record<string, string> = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8'));

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Command ids passed to registerCommand / registerTextEditorCommand anywhere in src/. */
function registeredIds(): Set<string> {
  const ids = new Set<string>();
  const byKey = new Map(Object.entries(Commands));
  for (const file of sourceFiles(path.join(root, 'src'))) {
    const text = fs.readFileSync(file, 'utf8');
    // registerCommand(...) directly, or through a class's local `reg(...)` helper.
    for (const m of text.matchAll(/\b(?:register(?:TextEditor)?Command|reg(?:<[^>]*>)?)\(\s*(?:Commands\.(\w+)|'([\w.]+)'|OPEN_TAG_COMMAND)/g)) {
      if (!m[1] && !m[2]) continue;
      const id = m[1] ? byKey.get(m[1]) : m[2];
      assert.ok(id, `${path.relative(root, file)} registers an unknown Commands.${m[1]}`);
      ids.add(id);
    }
  }
  return ids;
}

suite('manifest', () => {
  const contributed: { command: string; title: string; category?: string }[] = pkg.contributes.commands;

  test('every contributed command has a handler and every handler is contributed', () => {
    const registered = registeredIds();
    const ids = new Set(contributed.map((c) => c.command));
    for (const id of ids) assert.ok(registered.has(id), `${id} is contributed but no handler is registered`);
    for (const id of registered) {
      if (id.startsWith('claimTagger._')) continue; // internal commands are not contributed
      assert.ok(ids.has(id), `${id} is registered but not contributed in package.json`);
    }
    assert.deepEqual([...ids].sort(), Object.values(Commands).filter((id) => !id.startsWith('claimTagger._')).sort());
  });

  test('every command has a category and a title from package.nls.json', () => {
    for (const c of contributed) {
      assert.equal(c.category, '%category%', `${c.command} has no category`);
      assert.match(c.title, /^%[\w.]+%$/, `${c.command} title is not localised`);
    }
  });

  test('every %key% in package.json has a string in package.nls.json', () => {
    const keys = [...JSON.stringify(pkg).matchAll(/"%([\w.-]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.length > 5);
    for (const k of keys) assert.ok(typeof nls[k] === 'string' && nls[k].length > 0, `package.nls.json lacks "${k}"`);
  });

  test('menus and keybindings only name contributed commands', () => {
    const ids = new Set(contributed.map((c) => c.command));
    for (const [menu, items] of Object.entries(pkg.contributes.menus ?? {}) as [string, { command?: string }[]][]) {
      for (const item of items) if (item.command) assert.ok(ids.has(item.command), `menu ${menu} names unknown ${item.command}`);
    }
    for (const kb of pkg.contributes.keybindings ?? []) assert.ok(ids.has(kb.command), `keybinding names unknown ${kb.command}`);
  });

  test('activation is narrow: never "*"', () => {
    assert.ok(!pkg.activationEvents.includes('*'));
    assert.ok(!pkg.activationEvents.includes('onStartupFinished'));
  });

  test('every theme colour has dark, light and high-contrast defaults', () => {
    for (const c of pkg.contributes.colors) {
      for (const theme of ['dark', 'light', 'highContrast', 'highContrastLight']) assert.ok(c.defaults[theme], `${c.id} lacks a ${theme} default`);
    }
  });
});
