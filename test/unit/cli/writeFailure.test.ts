// What `tag` and `check --write` say when a sidecar cannot be written (review s16, F9): the lock file, the
// temporary file and the rename need the sidecar's folder writable, so a permission error names the folder.
// The mapping is tested on the errors Node raises; a real run as an unprivileged user where this machine allows it
// (root is never refused by a folder's mode).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeFailure } from '../../../src/cli/sidecarWrite';
import { CLI, cliUnavailable } from './distCli';
import { tempDirPerTest } from './helpers';

const errno = (code: string, syscall: string, p?: string) => Object.assign(new Error(`${code}: ${syscall}`), { code, syscall, path: p });

suite('cli: why a sidecar could not be written', () => {
  const side = path.join('/news', 'a.md.tags.json');

  test('EACCES or EPERM on the lock file, the temporary file or the rename: the folder is not writable', () => {
    for (const [code, syscall, p] of [
      ['EACCES', 'open', '/news/.a.md.tags.json.lock'],
      ['EACCES', 'open', '/news/.a.md.tags.json.123.abc.tmp'],
      ['EPERM', 'rename', '/news/.a.md.tags.json.123.abc.tmp'],
    ]) {
      assert.equal(writeFailure(side, errno(code, syscall, p)), `cannot write ${side}: the folder /news is not writable (${code})`);
    }
  });

  test('a symlinked sidecar: the folder named is the one of the path that failed (its real file\'s)', () => {
    assert.equal(writeFailure(side, errno('EACCES', 'open', '/archive/.a.md.tags.json.1.x.tmp')), `cannot write ${side}: the folder /archive is not writable (EACCES)`);
  });

  test('a read-only file system, a folder that cannot be created, and any other error', () => {
    assert.equal(writeFailure(side, errno('EROFS', 'open', '/news/.a.md.tags.json.lock')), `cannot write ${side}: the folder /news is not writable (a read-only file system)`);
    assert.equal(writeFailure('/x/.claim-tags/news/a.md.tags.json', errno('EACCES', 'mkdir', '/x/.claim-tags/news')), 'cannot write /x/.claim-tags/news/a.md.tags.json: the folder /x/.claim-tags/news cannot be created (EACCES)');
    assert.equal(writeFailure(side, errno('ENOSPC', 'write', '/news/.a.md.tags.json.1.x.tmp')), `cannot write ${side}: ENOSPC`);
    assert.equal(writeFailure(side, new Error('boom')), `cannot write ${side}: boom`);
  });

  suite('a real run as an unprivileged user', () => {
    let dir = '';
    tempDirPerTest((d) => (dir = d));

    test('tag in a folder the user may not write: exit 2, the folder named, nothing written', function () {
      this.timeout(60_000);
      const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => fs.existsSync(p));
      if (process.getuid?.() !== 0 || !setpriv) this.skip(); // needs root to switch to another user
      const unavailable = cliUnavailable();
      if (unavailable) this.skip();
      fs.chmodSync(dir, 0o755); // root's folder: nobody (65534) may read it but not create files in it
      const doc = path.join(dir, 'a.md');
      fs.writeFileSync(doc, 'The bridge carries 48,000 vehicles a day.\n', { mode: 0o644 });
      const r = spawnSync(setpriv, ['--reuid', '65534', '--regid', '65534', '--clear-groups', process.execPath, CLI, 'tag', doc, '--kind', 'claim', '--quote', '48,000 vehicles a day'], { encoding: 'utf8', timeout: 30_000 });
      if (/Permission denied|EACCES/.test(r.stderr) && !/claim-tagger/.test(r.stderr)) this.skip(); // that user cannot even run the CLI from here
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, new RegExp(`the folder ${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not writable \\(EACCES\\)\\. Nothing was changed\\.`));
      assert.deepEqual(fs.readdirSync(dir), ['a.md']);
    });
  });
});
