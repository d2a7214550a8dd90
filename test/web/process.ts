// The `process` that code in the web TEST bundle sees (helpers read `process.env`), injected by esbuild into that
// bundle only (test/web/build.mjs), never into the extension's: the web worker itself has no `process`, and
// test/web/host.test.ts checks exactly that through `globalThis`. The runner fills the environment at build time.
declare const __CLAIM_TAGGER_TEST_ENV__: string; // JSON, defined by test/web/build.mjs

export const process = {
  env: JSON.parse(__CLAIM_TAGGER_TEST_ENV__) as Record<string, string | undefined>,
  platform: 'browser',
  browser: true,
  cwd: () => '/',
};
