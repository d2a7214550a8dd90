// The web bundle (package.json "browser"), built in memory with the same options as scripts/build.mjs --production:
// it builds without any Node built-in, stays under the size limit (printed), and the build check names the file
// that imports a built-in.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

const root = path.resolve(__dirname, '../../..');

interface WebBuild {
  WEB_BUNDLE_LIMIT: number;
  webBuildOptions(o: { root: string; production: boolean }): esbuild.BuildOptions;
  noNodeBuiltins(root: string): esbuild.Plugin;
  biggestInputs(metafile: esbuild.Metafile, count?: number): { file: string; bytes: number }[];
}
// An ES module of the build scripts, loaded with Node's require(esm) (Node 20.19+).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const web = require(path.join(root, 'scripts/webBuild.mjs')) as WebBuild;

suite('web bundle', function () {
  this.timeout(120_000);

  test('the production web bundle builds with no Node built-in and stays under the limit', async () => {
    const result = await esbuild.build({ ...web.webBuildOptions({ root, production: true }), write: false, logLevel: 'silent' });
    assert.deepEqual(result.errors, []);
    const bundle = result.outputFiles!.find((f) => f.path.endsWith(path.join('dist', 'web', 'extension.js')))!;
    const size = bundle.contents.byteLength;
    const top = web.biggestInputs(result.metafile!, 3).map((i) => `${i.file} ${(i.bytes / 1024).toFixed(1)} KB`).join(', ');
    console.log(`      web bundle: ${(size / 1024).toFixed(1)} KB of ${(web.WEB_BUNDLE_LIMIT / 1024).toFixed(0)} KB (biggest: ${top})`);
    assert.ok(size < web.WEB_BUNDLE_LIMIT, `the web bundle is ${size} bytes, over ${web.WEB_BUNDLE_LIMIT}`);
    // What the web worker cannot provide is not referenced at run time either.
    const text = bundle.text;
    assert.doesNotMatch(text, /require\(["']node:/);
    assert.doesNotMatch(text, /require\(["'](fs|path|os|crypto|child_process)["']\)/);
    assert.match(text, /require\(["']vscode["']\)/, 'vscode stays external');
  });

  test('the build check rejects a Node built-in, node: or bare, and names the importing file', async () => {
    for (const spec of ['node:fs', 'fs/promises', 'os', 'node:crypto']) {
      const failed = await esbuild.build({
        absWorkingDir: root,
        stdin: { contents: `import * as m from '${spec}';\nexport const used = m;\n`, sourcefile: 'src/store/fixture.ts', resolveDir: path.join(root, 'src/store'), loader: 'ts' },
        bundle: true,
        platform: 'browser',
        write: false,
        logLevel: 'silent',
        plugins: [web.noNodeBuiltins(root)],
      }).then(() => undefined, (e: esbuild.BuildFailure) => e);
      assert.ok(failed, `${spec} should fail the build`);
      assert.equal(failed.errors.length, 1);
      assert.match(failed.errors[0].text, new RegExp(`src/store/fixture\\.ts imports the Node built-in "${spec.replace('/', '\\/')}"`));
      assert.match(failed.errors[0].text, /web extension host/);
    }
  });
});
