// readOnlyReason (src/util/atomicWrite.ts), the one check the editor and the CLI make before replacing a sidecar:
// a file without any write bit is read-only for everyone, root included (root passes every access() check).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { readOnlyReason } from '../../../src/util/atomicWrite';

suite('readOnlyReason: a sidecar that must be left as it is', () => {
  let dir: string;
  setup(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ct-readonly-'));
  });
  teardown(() => fs.rm(dir, { recursive: true, force: true }));

  test(`a chmod 444 file is read-only, whoever runs this (uid ${process.getuid?.()})`, async () => {
    const file = path.join(dir, 'a.md.tags.json');
    await fs.writeFile(file, '{}');
    await fs.chmod(file, 0o444);
    assert.equal(await readOnlyReason(file), 'is read-only');
  });

  test('a file with a write bit may be written, and so may one that does not exist yet', async () => {
    const file = path.join(dir, 'a.md.tags.json');
    await fs.writeFile(file, '{}');
    assert.equal(await readOnlyReason(file), undefined);
    await fs.chmod(file, 0o644);
    assert.equal(await readOnlyReason(file), undefined);
    assert.equal(await readOnlyReason(path.join(dir, 'missing.md.tags.json')), undefined);
  });

  test('a link to a read-only file is read-only (the write would go through it)', async () => {
    const file = path.join(dir, 'real.json');
    await fs.writeFile(file, '{}');
    await fs.chmod(file, 0o444);
    const link = path.join(dir, 'a.md.tags.json');
    await fs.symlink(file, link);
    assert.equal(await readOnlyReason(link), 'is read-only');
  });
});
