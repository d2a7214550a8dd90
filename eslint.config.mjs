// typescript-eslint flat config. The rule that matters most: src/core never imports `vscode`,
// so the tag model, anchoring, sidecar format, detectors and renderers stay testable with plain mocha.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

const NETWORK = ['http', 'https', 'net', 'tls', 'dgram', 'node:http', 'node:https', 'node:net', 'node:tls', 'node:dgram']
  .map((name) => ({ name, message: 'Claim Tagger makes no network requests.' }));

// The web build (src/extension.web.ts, VS Code's web-worker host) has no Node: every src file but the Node-only
// ones below bans Node built-ins, Node's globals and the Node-only modules. The build checks the bundle as well.
const NODE_ONLY = ['src/extension.ts', 'src/cli.ts', 'src/cli/**', 'src/node/**',
  ...['atomicWrite', 'fileLock', 'regularFile', 'processAlive', 'terminal'].map((m) => `src/util/${m}.ts`)];
const WEB_WHY = 'The web build runs in a web worker without Node: use vscode.workspace.fs or portable code, or move this into src/node (Node entry only).';
// Bare names here; every `node:` specifier by the pattern below (the network ones keep their own message).
const NODE_BUILTINS = builtinModules.filter((m) => !m.startsWith('_') && !m.startsWith('node:') && !NETWORK.some((n) => n.name === m))
  .map((name) => ({ name, message: WEB_WHY }));
const NODE_PATTERNS = [
  { regex: '^node:(?!(http|https|net|tls|dgram)$)', message: WEB_WHY },
  { regex: '^(\\./|(\\.\\./)+)(node/|(util/)?(atomicWrite|fileLock|regularFile|processAlive|terminal)$)', message: WEB_WHY },
];
const NODE_GLOBALS = ['Buffer', 'process', 'setImmediate', 'clearImmediate', '__dirname', '__filename', 'require', 'global']
  .map((name) => ({ name, message: WEB_WHY }));
const NO_FETCH = { name: 'fetch', message: 'Claim Tagger makes no network requests.' };

// Layers (README "Layout"): core <- store <- editor <- features, with util/config/messages/commands beside them
// for every layer but core; extension.ts, api.ts and the status bar and walkthrough wire it all and sit on top.
// Each folder may import only the layers below it; features never import each other. The CLI uses core and util.
const FEATURES = ['tagging', 'tree', 'decorations', 'report', 'suggestions', 'learn', 'team'];
const TOP = ['extension', 'extension.web', 'activate', 'api', 'statusBar', 'walkthrough'];
const SHARED = ['config', 'messages', 'commands'];
const VSCODE = { name: 'vscode', message: 'src/core and the CLI must not depend on VS Code: convert offsets in the editor layer instead.' };

/** Folder (under src/) -> the top-level names it must not import, why, and whether `vscode` is barred too. */
const ZONES = {
  core: { banned: ['store', 'editor', 'cli', 'node', 'util', ...FEATURES, ...TOP, ...SHARED], why: 'src/core imports nothing outside src/core: pure helpers live in core.', vscode: true },
  cli: { banned: ['store', 'editor', 'node', ...FEATURES, ...TOP, ...SHARED], why: 'The CLI runs without VS Code: it uses src/core and util only.', vscode: true, node: true },
  node: { banned: ['editor', 'cli', ...FEATURES, ...TOP], why: 'src/node holds the Node implementations the desktop entry passes in: it builds on the store and util only.', node: true },
  store: { banned: ['editor', 'cli', ...FEATURES, ...TOP], why: 'The store sits below the editor layer and the features: pass what it needs in.' },
  editor: { banned: ['cli', ...FEATURES, ...TOP], why: 'The shared editor layer never imports a feature: move the shared piece into src/editor.' },
  ...Object.fromEntries(FEATURES.map((f) => [f, {
    banned: ['cli', ...FEATURES.filter((g) => g !== f), ...TOP],
    why: 'Features never import each other: move what two features share into src/editor, or pass it in from extension.ts.',
  }])),
};

/**
 * One block per folder and depth: a relative import climbing out of a file `depth` folders below src/ names a
 * banned top-level module or folder. Each block repeats the network ban (a later block replaces a rule's options).
 */
function zones() {
  return Object.entries(ZONES).flatMap(([folder, zone]) => [1, 2, 3].map((depth) => ({
    files: [`src/${folder}/${'*/'.repeat(depth - 1)}*.ts`],
    rules: restrictions({
      paths: zone.vscode ? [VSCODE] : [],
      patterns: [{ regex: `^(\\.\\./){${depth}}(${zone.banned.join('|').replaceAll('.', '\\.')})(/|\\.ts$|$)`, message: zone.why }],
      web: !zone.node,
    }),
  })));
}

/** The import and global bans of one block: always the network; Node built-ins too in what the web build bundles. */
function restrictions({ paths = [], patterns = [], web }) {
  return {
    'no-restricted-imports': ['error', {
      paths: [...NETWORK, ...paths, ...(web ? NODE_BUILTINS : [])],
      patterns: [...patterns, ...(web ? NODE_PATTERNS : [])],
    }],
    'no-restricted-globals': ['error', NO_FETCH, ...(web ? NODE_GLOBALS : [])],
  };
}

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', '.cache/**', 'node_modules/**', 'test/.runs/**', 'src/**/*.generated.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'off',
      eqeqeq: ['error', 'always'],
      curly: ['error', 'multi-line'],
    },
  },
  // No network from the extension or CLI: newsroom material never leaves the machine. No Node in the web build.
  { files: ['src/**/*.ts'], rules: restrictions({ web: true }) },
  { files: NODE_ONLY, rules: restrictions({ web: false }) },
  ...zones(),
  {
    files: ['**/*.mjs', 'scripts/**', 'test/runners/**'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
