#!/usr/bin/env node
// esbuild: src/extension.ts -> dist/extension.js (cjs, node, `vscode` external), src/extension.web.ts ->
// dist/web/extension.js (cjs, browser: VS Code's web-worker extension host) and src/cli.ts -> dist/cli.js.
// --production minifies and drops source maps (what `npm run package` ships); --watch rebuilds on change.
// The web build fails on any Node built-in it would import, and the production web bundle on its size.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Prints errors in the `file:line:col: error: message` form VS Code's problem matchers understand. */
const problemMatcher = {
  name: 'problem-matcher',
  setup(build) {
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
    });
  },
};

/** github.dev and vscode.dev download the web bundle on every start: keep it small. */
const WEB_BUNDLE_LIMIT = 450 * 1024;

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** Fails the web build on any import of a Node built-in, naming the file that imports it. */
const noNodeBuiltins = {
  name: 'no-node-builtins',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => {
      if (!args.path.startsWith('node:') && !NODE_BUILTINS.has(args.path)) return undefined;
      const importer = path.relative(root, args.importer) || args.importer;
      return { errors: [{ text: `${importer} imports the Node built-in "${args.path}", which does not exist in the web extension host: use vscode.workspace.fs or portable code, or keep this module out of the web entry.` }] };
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  // ESM builds first: some packages' UMD builds (jsonc-parser) hide their requires from the bundler.
  mainFields: ['module', 'main'],
  format: 'cjs',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  legalComments: 'none',
  plugins: [problemMatcher],
  absWorkingDir: root,
};

const builds = [
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  {
    ...common,
    entryPoints: ['src/extension.web.ts'],
    outfile: 'dist/web/extension.js',
    external: ['vscode'],
    platform: 'browser',
    target: 'es2022',
    mainFields: ['browser', 'module', 'main'],
    define: { global: 'globalThis' },
    plugins: [problemMatcher, noNodeBuiltins],
    metafile: true,
  },
  { ...common, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];

fs.rmSync(path.join(root, 'dist'), { recursive: true, force: true });
if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
  console.log('[watch] watching src/ for changes');
} else {
  let results;
  try {
    results = await Promise.all(builds.map((b) => esbuild.build(b)));
  } catch {
    process.exit(1); // the problem matcher has printed the errors
  }
  fs.chmodSync(path.join(root, 'dist/cli.js'), 0o755);
  checkWebSize(results[1].metafile);
}

/** Prints the web bundle's size; a production bundle over the limit fails the build and names its biggest inputs. */
function checkWebSize(metafile) {
  const size = fs.statSync(path.join(root, 'dist/web/extension.js')).size;
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`dist/web/extension.js: ${kb(size)}${production ? ` (limit ${kb(WEB_BUNDLE_LIMIT)})` : ''}`);
  if (!production || size < WEB_BUNDLE_LIMIT) return;
  const inputs = Object.entries(Object.values(metafile.outputs)[0].inputs).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput);
  console.error(`✘ [ERROR] the web bundle is ${kb(size)}, over the ${kb(WEB_BUNDLE_LIMIT)} limit. Biggest inputs:`);
  for (const [file, { bytesInOutput }] of inputs.slice(0, 10)) console.error(`    ${kb(bytesInOutput).padStart(9)}  ${file}`);
  process.exit(1);
}
