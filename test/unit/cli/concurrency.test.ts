// Real processes writing one sidecar at once (the bundled CLI): nothing lost, nothing left behind, and a
// writer killed at any moment never leaves a broken sidecar. Short versions; `npm run bench -- stress` runs long.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseSidecar } from '../../../src/core/sidecar/format';
import { CLI, cliUnavailable } from './distCli';
import { tempDir } from './helpers';
import { leftovers, runCli, stress, stressDocument } from './stressRun';

suite('cli: concurrent writers', function () {
  this.timeout(240_000);
  let dir: string;
  suiteSetup(function () {
    this.timeout(180_000);
    const why = cliUnavailable();
    if (why) {
      console.warn(`    concurrent-writer tests skipped: ${why}`);
      this.skip();
    }
  });
  setup(() => (dir = tempDir()));
  teardown(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('8 concurrent `tag` processes x 3 rounds: every tag kept, no temporary or lock file left', async () => {
    const r = await stress(CLI, dir, 8, 3);
    assert.deepEqual(r.failures, []);
    assert.equal(r.reported, 24);
    assert.deepEqual(r.lost, []);
    assert.deepEqual(r.tempFilesLeft, []);
  });

  test('`tag` beside `check --write` on a changed text: every tag kept', async () => {
    const r = await stress(CLI, dir, 4, 3, async (round) => {
      // Each round puts a line on top of the text, so check re-anchors and rewrites every tag while tag adds new ones.
      await new Promise((res) => setTimeout(res, 50 + round * 40));
      const doc = path.join(dir, 'story.txt');
      fs.writeFileSync(`${doc}.new`, `Line ${round}.\n${fs.readFileSync(doc, 'utf8')}`);
      fs.renameSync(`${doc}.new`, doc); // never a half-written document for the taggers
      if (fs.existsSync(doc + '.tags.json')) {
        const res = await runCli(CLI, ['check', 'story.txt', '--write'], dir);
        assert.ok(res.code === 0 || res.code === 1, res.stderr);
      }
    });
    assert.deepEqual(r.failures, []);
    assert.deepEqual(r.lost, []);
    assert.deepEqual(r.tempFilesLeft, []);
  });

  test('kill -9 during writes: the sidecar always parses, and the next write leaves no temporary file', async function () {
    if (process.platform === 'win32') this.skip();
    const { text, range } = stressDocument(400);
    fs.writeFileSync(path.join(dir, 'story.txt'), text);
    // A sidecar of a few hundred tags makes each write long enough to be hit.
    for (let i = 0; i < 3; i++) assert.equal((await runCli(CLI, ['tag', 'story.txt', '--kind', 'claim', '--range', range(i)], dir)).code, 0);
    const sidecar = path.join(dir, 'story.txt.tags.json');
    let killedMidway = 0;
    for (let i = 0; i < 12; i++) {
      const p = spawn(process.execPath, [CLI, 'tag', 'story.txt', '--kind', 'claim', '--range', range(10 + i)], { cwd: dir, stdio: 'ignore' });
      // Listen before waiting: on a quiet machine the process may end, and 'close' fire, before the kill.
      const closed = new Promise((r) => p.once('close', r));
      await new Promise((r) => setTimeout(r, 40 + ((i * 37) % 160)));
      const exited = p.exitCode !== null;
      p.kill('SIGKILL');
      await closed;
      if (!exited) killedMidway++;
      const read = parseSidecar(fs.readFileSync(sidecar, 'utf8'), 'story.txt');
      assert.ok(read.ok, `after kill ${i}: ${!read.ok && read.error.message}`);
    }
    assert.ok(killedMidway > 0, 'no process was killed while running');
    const last = await runCli(CLI, ['tag', 'story.txt', '--kind', 'opinion', '--range', range(399)], dir);
    assert.equal(last.code, 0, last.stderr);
    assert.deepEqual(leftovers(dir), []);
    assert.ok(parseSidecar(fs.readFileSync(sidecar, 'utf8')).ok);
  });
});
