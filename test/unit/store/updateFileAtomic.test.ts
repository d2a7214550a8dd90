// updateFileAtomic (src/util/atomicWrite.ts), the read-merge-write of the desktop editor and the CLI under the lock: a file changed
// between the read and the rename is produced again; one that keeps changing is never replaced
// an error, the other writer's file as it made it, no temporary file.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConcurrentChangeError } from '../../../src/util/optimisticUpdate';
import { updateFileAtomic } from '../../../src/util/atomicWrite';

suite('updateFileAtomic (desktop sidecar and learned.json updates)', () => {
  let dir: string;
  setup(async () => (dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ct-update-'))));
  teardown(() => fs.rm(dir, { recursive: true, force: true }));

  test('a file that keeps changing: ConcurrentChangeError after the attempts, left as the other writer made it', async () => {
    const file = path.join(dir, 'learned.json');
    await fs.writeFile(file, 'v0');
    let n = 0;
    await assert.rejects(updateFileAtomic(file, async (current) => {
      await fs.writeFile(file, `v${++n}`);
      return `${current}+ours`;
    }, 3), (e: unknown) => e instanceof ConcurrentChangeError && /learned\.json kept changing/.test(e.message));
    assert.equal(n, 3);
    assert.equal(await fs.readFile(file, 'utf8'), 'v3');
    assert.deepEqual(await fs.readdir(dir), ['learned.json']);
  });

  test('produce returning undefined writes nothing; a missing file is created in a new folder', async () => {
    const file = path.join(dir, 'a.tags.json');
    await fs.writeFile(file, 'same');
    const before = (await fs.stat(file)).mtimeMs;
    assert.equal(await updateFileAtomic(file, () => undefined), false);
    assert.equal((await fs.stat(file)).mtimeMs, before);
    const created = path.join(dir, 'sub', 'b.tags.json');
    assert.equal(await updateFileAtomic(created, (current) => `${current ?? 'none'}+ours`), true);
    assert.equal(await fs.readFile(created, 'utf8'), 'none+ours');
  });
});
