#!/usr/bin/env node
// esbuild: src/extension.ts -> dist/extension.js (cjs, node, `vscode` external), src/extension.web.ts ->
// dist/web/extension.js (cjs, browser: VS Code's web-worker extension host) and src/cli.ts -> dist/cli.js.
// --production minifies and drops source maps (what `npm run package` ships); --watch rebuilds on change.
// The web build fails on any Node built-in it would import; a production bundle (desktop or web) on its size.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { writeThirdPartyNotices } from './thirdPartyNotices.mjs';
import { WEB_BUNDLE_LIMIT, biggestInputs, webBuildOptions } from './webBuild.mjs';

const root = path.resolve(import.meta.dirname, '..');
/** The desktop bundle is read at every activation: a budget keeps data and dependencies from creeping in unseen. */
const DESKTOP_BUNDLE_LIMIT = 480 * 1024;
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
  metafile: true,
};

const builds = [
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  webBuildOptions({ root, production, plugins: [problemMatcher] }),
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
  checkSize('dist/extension.js', DESKTOP_BUNDLE_LIMIT, results[0].metafile);
  checkSize('dist/web/extension.js', WEB_BUNDLE_LIMIT, results[1].metafile);
  writeThirdPartyNotices(root, results.map((r) => r.metafile), path.join(root, 'dist/ThirdPartyNotices.txt'));
}

/** Prints a bundle's size; a production bundle over its limit fails the build and names its biggest inputs. */
function checkSize(file, limit, metafile) {
  const size = fs.statSync(path.join(root, file)).size;
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`${file}: ${kb(size)}${production ? ` (limit ${kb(limit)})` : ''}`);
  if (!production || size < limit) return;
  console.error(`✘ [ERROR] ${file} is ${kb(size)}, over the ${kb(limit)} limit. Biggest inputs:`);
  for (const { file: input, bytes } of biggestInputs(metafile)) console.error(`    ${kb(bytes).padStart(9)}  ${input}`);
  process.exit(1);
}
