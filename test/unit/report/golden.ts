// Golden files under test/fixtures/report: compared byte for byte; UPDATE_GOLDEN=1 rewrites them.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

// Compiled tests run from out/test/unit/report; the fixtures stay in the source tree.
export const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures');

export function assertGolden(name: string, actual: string): void {
  const file = path.join(FIXTURES, 'report', name);
  if (process.env.UPDATE_GOLDEN === '1') {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, actual);
    return;
  }
  assert.ok(fs.existsSync(file), `missing golden file ${file}; run with UPDATE_GOLDEN=1 to create it`);
  assert.equal(actual, fs.readFileSync(file, 'utf8'), `${name} differs from its golden file (UPDATE_GOLDEN=1 to accept)`);
}
