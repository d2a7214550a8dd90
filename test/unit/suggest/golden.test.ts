import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { GOLDEN_DIR, goldenCases } from './golden';

// Byte-for-byte output of the suggestion engine. A failure means the output changed: if that was the point of the
// change, run `npm run suggest:snapshot` to rewrite test/fixtures/suggest-golden/ and review the diff.
suite('suggest: golden output', () => {
  test('the engine’s output equals the committed golden files, byte for byte', function () {
    this.timeout(120_000);
    const cases = goldenCases();
    const expectedFiles = fs.readdirSync(GOLDEN_DIR).filter((f) => f.endsWith('.jsonl')).sort();
    assert.deepEqual(cases.map(([name]) => name).sort(), expectedFiles, 'the set of golden cases changed: run npm run suggest:snapshot');
    const differ: string[] = [];
    for (const [name, body] of cases) {
      const expected = fs.readFileSync(path.join(GOLDEN_DIR, name), 'utf8');
      if (expected === body) continue;
      const a = expected.split('\n');
      const b = body.split('\n');
      let line = 0;
      while (line < a.length && a[line] === b[line]) line++;
      differ.push(`${name}, line ${line + 1}:\n  golden: ${(a[line] ?? '').slice(0, 300)}\n  now:    ${(b[line] ?? '').slice(0, 300)}`);
    }
    assert.equal(differ.length, 0, `${differ.length} of ${cases.length} golden cases differ (npm run suggest:snapshot rewrites them):\n${differ.slice(0, 5).join('\n')}`);
  });
});
