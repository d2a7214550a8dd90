// The web run (test/web/index.ts) lists its suites by name, since a worker cannot list a folder. So that no
// suite silently drops out of it: every suite in test/integration that needs no Node built-in (itself or through
// the test modules it imports) must be in that list, and the list holds only such suites, in the Node run's order.
// And the list must bundle for the browser (test/web/build.mjs refuses any Node built-in but assert).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { builtinModules } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const integration = path.join(root, 'test/integration');
const webIndex = path.join(root, 'test/web/index.ts');

/** Module specifiers of static imports and re-exports, side-effect imports, `require(…)` and `import(…)`, either quote. */
const importsOf = (file: string) => [...fs.readFileSync(file, 'utf8')
  .matchAll(/(?:\bfrom\s+|^\s*import\s+|\brequire\s*\(\s*|\bimport\s*\(\s*)(['"])([^'"]+)\1/gm)].map((m) => m[2]);
const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** The Node built-ins a test module needs, through its own imports and those of the test modules it imports. */
function nodeBuiltins(file: string, within = integration, seen = new Set<string>()): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  return importsOf(file).flatMap((spec) => {
    if (/^(node:)?assert(\/strict)?$/.test(spec)) return []; // the web bundle maps it to the npm `assert` package
    if (BUILTINS.has(spec)) return [`${path.basename(file)} imports ${spec}`];
    const local = path.resolve(path.dirname(file), spec) + '.ts';
    return spec.startsWith('.') && local.startsWith(within + path.sep) && fs.existsSync(local) ? nodeBuiltins(local, within, seen) : [];
  });
}

const suites = fs.readdirSync(integration).filter((f) => f.endsWith('.test.ts')).sort();
const webList = importsOf(webIndex).filter((s) => s.startsWith('../integration/') && s.endsWith('.test')).map((s) => `${path.basename(s)}.ts`);

suite('web suite list', () => {
  test('every suite without a Node built-in runs in the web worker', () => {
    const portable = suites.filter((f) => nodeBuiltins(path.join(integration, f)).length === 0);
    assert.ok(portable.length >= 10, `only ${portable.length} portable suites found: is the import scan broken?`);
    const missing = portable.filter((f) => !webList.includes(f));
    assert.deepEqual(missing, [], `portable suites missing from test/web/index.ts: ${missing.join(', ')}`);
  });

  test('the list names existing portable suites, once each, sorted as the Node run orders its files', () => {
    for (const f of webList) {
      assert.ok(suites.includes(f), `test/web/index.ts imports ${f}, which is not a suite in test/integration`);
      assert.deepEqual(nodeBuiltins(path.join(integration, f)), [], `${f} is in the web list but needs Node`);
    }
    assert.deepEqual(webList, [...new Set(webList)].sort());
  });

  test('the scan sees a Node built-in imported through a helper module', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'web-scan-'));
    try {
      fs.writeFileSync(path.join(dir, 'util.ts'), "import * as fs from 'node:fs';\nexport const x = fs;\n");
      fs.writeFileSync(path.join(dir, 'a.test.ts'), "import * as assert from 'node:assert/strict';\nimport { x } from './util';\n");
      fs.writeFileSync(path.join(dir, 'b.test.ts'), "import * as assert from 'node:assert/strict';\nimport * as vscode from 'vscode';\n");
      assert.deepEqual(nodeBuiltins(path.join(dir, 'a.test.ts'), dir), ['util.ts imports node:fs']);
      assert.deepEqual(nodeBuiltins(path.join(dir, 'b.test.ts'), dir), []);
      // Other ways a suite reaches Node: require, dynamic import, double quotes, a bare built-in name.
      fs.writeFileSync(path.join(dir, 'c.test.ts'), 'const cp = require("node:child_process");\nconst p = import(\'fs\');\nexport { cp, p };\n');
      assert.deepEqual(nodeBuiltins(path.join(dir, 'c.test.ts'), dir), ['c.test.ts imports node:child_process', 'c.test.ts imports fs']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the web suites bundle for the browser', function () {
    this.timeout(60_000);
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'web-tests-'));
    try {
      const r = spawnSync(process.execPath, [path.join(root, 'test/web/build.mjs'), '--outfile', path.join(out, 'index.js')], { cwd: root, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      assert.ok(fs.statSync(path.join(out, 'index.js')).size > 0);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
