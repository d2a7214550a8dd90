// The manifest and the code agree: every contributed command has a handler group (whose handlers the types of
// registerCommands demand, shown by compiling fixtures), every handler is contributed,
// every command has a category and a localised title, and every %key% has a string in package.nls.json.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { CommandGroups, Commands } from '../../src/commands';

const root = path.resolve(__dirname, '../../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const nls: Record<string, string> = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8'));

/**
 * Type-checks a module placed in src/ (kept in memory) that registers commands, and returns tsc's messages: the
 * registration helper's types are what make a missing or unknown handler an error.
 */
function typeErrors(source: string): string[] {
  const file = path.join(root, 'src', 'manifestFixture.ts');
  const options: ts.CompilerOptions = { strict: true, noEmit: true, skipLibCheck: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, types: [] };
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version) => (path.resolve(name) === file ? ts.createSourceFile(name, source, version) : read(name, version));
  host.fileExists = ((exists) => (name: string) => path.resolve(name) === file || exists(name))(host.fileExists.bind(host));
  const program = ts.createProgram([file], options, host);
  return ts.getPreEmitDiagnostics(program, program.getSourceFile(file)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

suite('manifest', () => {
  const contributed: { command: string; title: string; category?: string }[] = pkg.contributes.commands;

  test('every contributed command belongs to one handler group and every group command is contributed', () => {
    const grouped = Object.entries(CommandGroups).flatMap(([group, ids]) => Object.entries(ids).map(([key, id]) => ({ group, key, id })));
    const seen = new Map<string, string>();
    for (const { group, key, id } of grouped) {
      assert.ok(!seen.has(id), `${id} is in group ${group} and in group ${seen.get(id)}: two handlers`);
      seen.set(id, group);
      assert.equal((Commands as Record<string, string>)[key], id, `Commands.${key} is not ${id}: two groups use the short name ${key}`);
      assert.match(id, /^claimTagger\._?[a-z][A-Za-z]+$/);
    }
    assert.equal(Object.keys(Commands).length, grouped.length);
    const ids = new Set(contributed.map((c) => c.command));
    for (const id of ids) assert.ok(seen.has(id), `${id} is contributed but in no handler group of src/commands.ts`);
    for (const id of seen.keys()) {
      if (id.startsWith('claimTagger._')) continue; // internal commands are not contributed
      assert.ok(ids.has(id), `${id} has a handler group but is not contributed in package.json`);
    }
  });

  test('a module registers all of its group, only its group, only known ids (or it does not compile)', function () {
    this.timeout(120_000);
    const header = "import { registerCommands, registerCommand } from './editor/commands';\n";
    assert.deepEqual(typeErrors(`${header}registerCommands('learn', { showLearned: () => 1, forgetLearned: () => 2 });\nregisterCommand('claimTagger.showLearned', () => 3);\n`), []);
    const missing = typeErrors(`${header}registerCommands('learn', { showLearned: () => 1 });\n`);
    assert.equal(missing.length, 1, missing.join('\n'));
    assert.match(missing[0], /forgetLearned/);
    const foreign = typeErrors(`${header}registerCommands('learn', { showLearned: () => 1, forgetLearned: () => 2, tagClaim: () => 3 });\n`);
    assert.equal(foreign.length, 1, foreign.join('\n'));
    assert.match(foreign[0], /tagClaim/);
    const unknown = typeErrors(`${header}registerCommand('claimTagger.noSuchCommand', () => 1);\n`);
    assert.equal(unknown.length, 1, unknown.join('\n'));
    assert.match(unknown[0], /noSuchCommand/);
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
