// typescript-eslint flat config. The rule that matters most: src/core never imports `vscode`,
// so the tag model, anchoring, sidecar format, detectors and renderers stay testable with plain mocha.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const NETWORK = ['http', 'https', 'net', 'tls', 'dgram', 'node:http', 'node:https', 'node:net', 'node:tls', 'node:dgram']
  .map((name) => ({ name, message: 'Claim Tagger makes no network requests.' }));

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
  {
    files: ['src/**/*.ts'],
    rules: {
      // No network from the extension or CLI: newsroom material never leaves the machine.
      'no-restricted-globals': ['error', { name: 'fetch', message: 'Claim Tagger makes no network requests.' }],
      'no-restricted-imports': ['error', { paths: NETWORK }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [...NETWORK, { name: 'vscode', message: 'src/core must not depend on VS Code: convert offsets in the editor layer instead.' }],
      }],
    },
  },
  {
    files: ['**/*.mjs', 'scripts/**', 'test/runners/**'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
