#!/usr/bin/env node
// Bundles the web suites (test/web/index.ts and the portable suites it imports) for the web-worker extension
// host: browser platform, `vscode` external, `global` -> globalThis, `node:assert` -> the npm `assert` package (its strict mode), and a
// `process` shim injected into this TEST bundle only (the extension's own web bundle gets none). Any other Node
// built-in is an error naming the importer: a suite that needs one is not portable and stays out of the web list.
//   node test/web/build.mjs [--outfile out/web-tests/index.js]
// The server runner (test/runners/server.mjs --web) calls buildWebTests() itself, with the run's environment.
import { createRequire } from 'node:module';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { NODE_BUILTINS, WEB_WORKER_TARGET } from '../../scripts/webBuild.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ASSERT = /^(node:)?assert(\/strict)?$/;
// The npm `assert` package (Node's assert ported to browsers), resolved to its file so the mapping cannot loop
// ('assert/': without the slash Node resolves its own built-in).
const ASSERT_PACKAGE = createRequire(import.meta.url).resolve('assert/');

/**
 * esbuild plugin: maps `node:assert[/strict]` to the npm `assert` package's strict mode (the suites import the
 * strict one) and refuses every other Node built-in a suite imports. Packages may use their npm polyfills
 * (`assert` needs `util`), which esbuild finds in node_modules for the browser platform.
 */
const browserOnly = {
  name: 'claim-tagger-web-tests',
  setup(build) {
    build.onResolve({ filter: ASSERT }, () => ({ path: 'node:assert/strict', namespace: 'web-assert' }));
    build.onLoad({ filter: /.*/, namespace: 'web-assert' }, () => ({
      contents: `module.exports = require(${JSON.stringify(ASSERT_PACKAGE)}).strict;`,
      resolveDir: ROOT,
      loader: 'js',
    }));
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (!NODE_BUILTINS.has(args.path) || args.importer.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      return { errors: [{ text: `${path.relative(ROOT, args.importer)} imports the Node built-in "${args.path}", which the web worker lacks: use vscode.workspace.fs / vscode.Uri, or keep that suite out of test/web/index.ts (name it *.node.test.ts)` }] };
    });
  },
};

/** Builds the bundle to `outfile`; `env` becomes the shimmed `process.env` the suites read (grep, screenshot dir). */
export async function buildWebTests({ outfile = path.join(ROOT, 'out/web-tests/index.js'), env = {} } = {}) {
  await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: ['test/web/index.ts'],
    outfile,
    ...WEB_WORKER_TARGET,
    define: { global: 'globalThis', __CLAIM_TAGGER_TEST_ENV__: JSON.stringify(JSON.stringify(env)) },
    inject: [path.join(ROOT, 'test/web/process.ts')],
    plugins: [browserOnly],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return outfile;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const at = process.argv.indexOf('--outfile');
  const outfile = await buildWebTests(at < 0 ? {} : { outfile: path.resolve(process.argv[at + 1]) }).catch(() => process.exit(1));
  console.log(`web test bundle -> ${path.relative(ROOT, outfile)}`);
}
