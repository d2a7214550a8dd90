// The layer zones of eslint.config.mjs hold: small sources placed (by file path, never written to disk) in each
// folder of src/ are linted with the project's own config; an import across a zone is rejected, an allowed one passes.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ESLint } from 'eslint';

const root = path.resolve(__dirname, '../../..');
const FEATURES = ['tagging', 'tree', 'decorations', 'report', 'suggestions', 'learn', 'team'];

let eslint: ESLint;

/** Messages of no-restricted-imports (and every other message, for sources that must pass cleanly). */
async function lint(file: string, source: string): Promise<{ restricted: string[]; all: string[] }> {
  const [result] = await eslint.lintText(source, { filePath: path.join(root, file) });
  const all = result.messages.map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
  return { restricted: result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message), all };
}

/** A module that imports `specifier` and uses what it imported (so no other rule fires). */
function importing(specifier: string): string {
  return `import * as m from '${specifier}';\nexport const used = m;\n`;
}

async function assertRejected(file: string, source: string, because?: RegExp): Promise<void> {
  const { restricted } = await lint(file, source);
  assert.equal(restricted.length, 1, `${file} should be rejected:\n${source}`);
  if (because) assert.match(restricted[0], because);
}

async function assertAllowed(file: string, source: string): Promise<void> {
  const { all } = await lint(file, source);
  assert.deepEqual(all, [], `${file} should pass:\n${source}`);
}

suite('lint zones (eslint.config.mjs)', function () {
  this.timeout(120_000);

  suiteSetup(() => {
    eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, 'eslint.config.mjs') });
  });

  test('features never import each other (every pair, import and re-export)', async () => {
    for (const f of FEATURES) {
      for (const g of FEATURES.filter((x) => x !== f)) {
        await assertRejected(`src/${f}/zoneFixture.ts`, importing(`../${g}/anything`), /Features never import each other/);
      }
    }
    await assertRejected('src/tree/zoneFixture.ts', "export { reveal } from '../tagging/navigation';\n");
    await assertRejected('src/suggestions/zoneFixture.ts', "import type { Learning } from '../learn/learning';\nexport type L = Learning;\n");
  });

  test('a feature may import its own folder, the editor layer, the store, core and the shared modules', async () => {
    for (const f of FEATURES) {
      for (const spec of ['./sibling', '../editor/target', '../store/tagStore', '../core/model', '../util/dispose', '../config', '../messages', '../commands', 'vscode']) {
        await assertAllowed(`src/${f}/zoneFixture.ts`, importing(spec));
      }
    }
  });

  test('nothing below the top imports the wiring (extension, api)', async () => {
    for (const folder of [...FEATURES, 'editor', 'store', 'node']) {
      await assertRejected(`src/${folder}/zoneFixture.ts`, importing('../extension'));
      await assertRejected(`src/${folder}/zoneFixture.ts`, importing('../extension.web'));
      await assertRejected(`src/${folder}/zoneFixture.ts`, importing('../activate'));
      await assertRejected(`src/${folder}/zoneFixture.ts`, importing('../api'));
    }
  });

  test('the editor layer never imports a feature', async () => {
    for (const f of FEATURES) await assertRejected('src/editor/zoneFixture.ts', importing(`../${f}/anything`), /shared editor layer/);
    await assertAllowed('src/editor/zoneFixture.ts', importing('../store/tagStore'));
    await assertAllowed('src/editor/zoneFixture.ts', importing('./target'));
  });

  test('the store never imports the editor layer or a feature', async () => {
    await assertRejected('src/store/zoneFixture.ts', importing('../editor/target'), /store sits below/);
    for (const f of FEATURES) await assertRejected('src/store/zoneFixture.ts', importing(`../${f}/anything`));
    await assertAllowed('src/store/zoneFixture.ts', importing('./tagStore'));
    await assertAllowed('src/store/zoneFixture.ts', importing('../core/sidecar/format'));
    await assertAllowed('src/store/zoneFixture.ts', importing('../config'));
  });

  /** One zone's verdicts: each import `rejected` (with the message matching `because`, when given) or `allowed`. */
  async function zone(file: string, rejected: string[], allowed: string[], because?: RegExp): Promise<void> {
    for (const spec of rejected) await assertRejected(file, importing(spec), spec === 'vscode' ? because : undefined);
    for (const spec of allowed) await assertAllowed(file, importing(spec));
  }

  test('core imports neither vscode nor any layer above it, at any depth', async () => {
    await zone('src/core/zoneFixture.ts', ['vscode', '../store/tagStore', '../config', '../util/markdown'], ['./model'], /must not depend on VS Code/);
    // Within core, `..` from a subfolder stays in core: allowed.
    await zone('src/core/report/zoneFixture.ts', ['vscode', '../../editor/target', '../../tagging/commands'], ['../team/agreement']);
  });

  test('the CLI uses core and util only, never vscode', async () => {
    await zone('src/cli/zoneFixture.ts', ['vscode', '../store/tagStore', '../report/collect'], ['../core/model', '../util/atomicWrite']);
  });

  test('the network ban still holds inside every zone', async () => {
    for (const folder of ['core', 'cli', 'node', 'store', 'editor', ...FEATURES]) {
      await assertRejected(`src/${folder}/zoneFixture.ts`, importing('node:https'), /no network/);
    }
  });

  test('the wiring at the top may import every feature', async () => {
    for (const file of ['src/extension.ts', 'src/activate.ts', 'src/extension.web.ts']) {
      for (const f of FEATURES) await assertAllowed(file, importing(`./${f}/anything`));
    }
  });

  // The web build (web-worker host) has no Node: files it bundles must not import Node built-ins or Node-only modules.
  const WEB_FILES = ['src/store/zoneFixture.ts', 'src/editor/zoneFixture.ts', 'src/core/zoneFixture.ts', 'src/core/sidecar/zoneFixture.ts',
    'src/util/zoneFixture.ts', 'src/activate.ts', 'src/extension.web.ts', 'src/config.ts', ...FEATURES.map((f) => `src/${f}/zoneFixture.ts`)];
  const NODE_ONLY_FILES = ['src/extension.ts', 'src/node/zoneFixture.ts', 'src/cli/zoneFixture.ts', 'src/cli.ts', 'src/util/atomicWrite.ts', 'src/util/fileLock.ts'];

  test('files in the web build reject Node built-ins, node: or bare, with a message that says why', async () => {
    for (const file of WEB_FILES) {
      for (const spec of ['node:fs', 'fs', 'fs/promises', 'node:path', 'os', 'node:crypto', 'node:util', 'child_process', 'node:worker_threads']) {
        await assertRejected(file, importing(spec), /web build runs in a web worker without Node/);
      }
    }
    await assertRejected('src/store/zoneFixture.ts', "import { readFile } from 'node:fs/promises';\nexport const r = readFile;\n", /web worker/);
    await assertRejected('src/store/zoneFixture.ts', "export { readFile } from 'node:fs/promises';\n");
  });

  test('files in the web build reject the Node-only modules (src/node, the Node helpers of src/util)', async () => {
    await assertRejected('src/store/zoneFixture.ts', importing('../node/diskFiles'));
    await assertRejected('src/activate.ts', importing('./node/diskFiles'), /web worker/);
    for (const helper of ['atomicWrite', 'fileLock', 'regularFile', 'processAlive', 'terminal']) {
      await assertRejected('src/store/zoneFixture.ts', importing(`../util/${helper}`), /web worker/);
      await assertRejected('src/team/zoneFixture.ts', importing(`../util/${helper}`));
      await assertRejected('src/util/zoneFixture.ts', importing(`./${helper}`));
    }
    await assertAllowed('src/store/zoneFixture.ts', importing('../util/debounce'));
  });

  test('files in the web build reject the Node globals', async () => {
    for (const use of ['Buffer.from("x")', 'process.pid', 'setImmediate(() => undefined)', '__dirname', "require('x')"]) {
      const { all } = await lint('src/store/zoneFixture.ts', `export const v = ${use};\n`);
      assert.ok(all.some((m) => m.startsWith('no-restricted-globals') && /web worker/.test(m)), `${use} should be rejected: ${all.join('; ')}`);
      const nodeOnly = await lint('src/node/zoneFixture.ts', `export const v = ${use};\n`);
      assert.ok(!nodeOnly.all.some((m) => m.startsWith('no-restricted-globals')), `${use} is fine in src/node: ${nodeOnly.all.join('; ')}`);
    }
  });

  test('the Node entry, src/node, the CLI and the Node helpers of src/util may use Node built-ins', async () => {
    for (const file of NODE_ONLY_FILES) {
      for (const spec of ['node:fs', 'fs/promises', 'node:os']) await assertAllowed(file, importing(spec));
    }
    await assertAllowed('src/extension.ts', importing('./node/diskFiles'));
    await assertAllowed('src/node/zoneFixture.ts', importing('../store/workspaceFiles'));
    await assertAllowed('src/node/zoneFixture.ts', importing('../util/atomicWrite'));
    // Still no network and no features below the top, Node or not.
    await assertRejected('src/node/zoneFixture.ts', importing('node:https'), /no network/);
    await assertRejected('src/node/zoneFixture.ts', importing('../tagging/commands'), /src\/node holds/);
  });
});
