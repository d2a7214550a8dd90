// The packaged extension holds only what runs (checked with `vsce ls`, the list `vsce package` uses).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../..');

suite('packaging', function () {
  this.timeout(60_000);

  test('vsce ls lists only dist/extension.js, media/, syntaxes/, schemas/, the manifest and the docs', () => {
    const out = execFileSync(process.execPath, [path.join(root, 'node_modules/@vscode/vsce/vsce'), 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' });
    const files = out.split('\n').map((l) => l.trim()).filter(Boolean);
    const allowed = [/^dist\/extension\.js$/, /^media\/(?!screenshots\/)/, /^syntaxes\/[^/]+\.json$/, /^schemas\/[^/]+\.json$/,
      /^package\.json$/, /^package\.nls\.json$/, /^README\.md$/, /^CHANGELOG\.md$/, /^LICENSE$/];
    for (const f of files) assert.ok(allowed.some((re) => re.test(f)), `${f} should not be in the .vsix`);
    const required = ['dist/extension.js', 'package.json', 'package.nls.json', 'README.md', 'LICENSE', 'schemas/tags.schema.json', 'syntaxes/claim-tagger.injection.tmLanguage.json', 'media/activity-bar.svg'];
    for (const must of required) assert.ok(files.includes(must), `${must} is missing from the .vsix`);
    assert.ok(!files.some((f) => /\.map$|^src\/|^test\/|^bench\/|node_modules/.test(f)));
  });
});
