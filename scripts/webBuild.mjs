// The web build's esbuild options, shared by scripts/build.mjs and the unit test that builds it in memory
// (test/unit/webBuild.test.ts): src/extension.web.ts -> dist/web/extension.js for VS Code's web-worker host.
import { builtinModules } from 'node:module';
import path from 'node:path';

/** github.dev and vscode.dev download the web bundle on every start: keep it small. */
export const WEB_BUNDLE_LIMIT = 450 * 1024;

/** Every Node built-in, bare and with `node:`: none exists in VS Code's web-worker extension host. */
export const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** What every bundle for the web worker shares (the extension's and the web test suites'). */
export const WEB_WORKER_TARGET = {
  bundle: true,
  format: 'cjs',
  platform: 'browser',
  target: 'es2022',
  mainFields: ['browser', 'module', 'main'],
  external: ['vscode'],
};

/** Fails the build on any import of a Node built-in (`node:x` or a bare built-in name), naming the importer. */
export function noNodeBuiltins(root) {
  return {
    name: 'no-node-builtins',
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        if (!args.path.startsWith('node:') && !NODE_BUILTINS.has(args.path)) return undefined;
        const importer = path.relative(root, args.importer) || args.importer;
        return { errors: [{ text: `${importer} imports the Node built-in "${args.path}", which does not exist in the web extension host: use vscode.workspace.fs or portable code, or keep this module out of the web entry.` }] };
      });
    },
  };
}

/** esbuild options of the web bundle; `plugins` come after the built-in check. */
export function webBuildOptions({ root, production, plugins = [] }) {
  return {
    absWorkingDir: root,
    entryPoints: ['src/extension.web.ts'],
    outfile: 'dist/web/extension.js',
    ...WEB_WORKER_TARGET,
    define: { global: 'globalThis' },
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
    plugins: [noNodeBuiltins(root), ...plugins],
  };
}

/** The biggest inputs of a bundle (esbuild metafile), for the message when it is over the limit. */
export function biggestInputs(metafile, count = 10) {
  const inputs = Object.values(metafile.outputs).find((o) => o.entryPoint)?.inputs ?? {};
  return Object.entries(inputs).map(([file, { bytesInOutput }]) => ({ file, bytes: bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes).slice(0, count);
}
