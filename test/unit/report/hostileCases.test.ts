// The files written by the hostile-corpus cases that report with --out (test/fixtures/hostile/esc-*-out-file):
// the table-driven CLI test checks exit code and that nothing else changed; this reads what was written and
// checks that no payload from the sidecar survives as markup.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../../..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const CORPUS = path.join(ROOT, 'test', 'fixtures', 'hostile');

/** Markup outside Markdown's backslash escapes and autolinks. */
function rawMarkdownHtml(md: string): string[] {
  return md.match(/(?<!\\)<(?!https?:\/\/)[^>\n]*>?/g) ?? [];
}

const cases = fs.existsSync(CORPUS) ? fs.readdirSync(CORPUS).filter((n) => /^esc-.*-out-file$/.test(n)).sort() : [];

suite('hostile corpus: reports written with --out', () => {
  test('there are such cases', () => assert.ok(cases.length >= 2, cases.join(', ')));

  for (const name of cases) {
    test(name, function () {
      this.timeout(60_000);
      if (!fs.existsSync(CLI)) this.skip(); // built by `node scripts/build.mjs`; the corpus test builds it too
      const spec = JSON.parse(fs.readFileSync(path.join(CORPUS, name, 'case.json'), 'utf8')) as { argv: string[]; exit: number };
      const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `hostile-out-${name}-`)));
      try {
        fs.cpSync(path.join(CORPUS, name), dir, { recursive: true });
        const argv = spec.argv.map((a) => a.split('{dir}').join(dir));
        const r = spawnSync(process.execPath, [CLI, ...argv], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
        assert.equal(r.status, spec.exit, r.stderr);
        const out = argv[argv.indexOf('--out') + 1];
        const written = fs.readFileSync(out, 'utf8');
        assert.ok(written.length > 200, 'a report was written');
        // Markdown keeps payloads as backslash-escaped text (\<script\>), which renders as text.
        assert.doesNotMatch(written, /(?<!\\)<script/i, 'no raw <script');
        if (out.endsWith('.html')) {
          assert.equal((written.match(/<meta\b/gi) ?? []).length, 5, 'only the report\'s own <meta> elements');
          assert.doesNotMatch(written, /http-equiv="?refresh/i, 'no refresh meta');
          assert.ok(written.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'the note is shown as text');
        } else {
          assert.doesNotMatch(written, /(?<!\\)<meta/i, 'no raw <meta');
          assert.deepEqual(rawMarkdownHtml(written), []);
        }
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
