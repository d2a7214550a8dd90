import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { commitSidecar, withSidecarLock } from '../../../src/cli/sidecarWrite';
import { SIDECAR_FORMAT, SIDECAR_VERSION, SidecarFile } from '../../../src/core/model';
import { parseSidecar, serializeSidecar, textHash } from '../../../src/core/sidecar/format';
import { createTag } from '../../../src/core/tags';
import { tempDirPerTest } from './helpers';

const TEXT = 'The mayor said the budget grew by 12 percent. Critics called it a disgraceful waste.\n';

function sidecarWith(...quotes: string[]): SidecarFile {
  const tags = quotes.map((q) => createTag(TEXT, { kind: 'claim', start: TEXT.indexOf(q), end: TEXT.indexOf(q) + q.length }));
  return { format: SIDECAR_FORMAT, version: SIDECAR_VERSION, document: 'a.md', textHash: textHash(TEXT), tags };
}

suite('cli: sidecar commit (lock + merge before rename)', () => {
  let file: string;
  tempDirPerTest((d) => {
    file = path.join(d, 'a.md.tags.json');
  });

  test('a tag added by a writer that takes no lock, between our read and our rename, is kept beside ours', async () => {
    const base = sidecarWith('the budget grew');
    const baseRaw = serializeSidecar(base);
    fs.writeFileSync(file, baseRaw);
    // Someone else (no lock) adds a tag and removes nothing.
    const theirs = structuredClone(base);
    theirs.tags.push(createTag(TEXT, { kind: 'opinion', start: TEXT.indexOf('disgraceful'), end: TEXT.indexOf('disgraceful') + 11 }));
    fs.writeFileSync(file, serializeSidecar(theirs));
    // We add ours to what we read before their write.
    const ours = structuredClone(base);
    ours.tags.push(createTag(TEXT, { kind: 'claim', start: TEXT.indexOf('Critics'), end: TEXT.indexOf('Critics') + 7 }));
    const merged = await withSidecarLock(file, () => commitSidecar(file, baseRaw, base.tags, ours, TEXT));
    assert.equal(merged, 1);
    const read = parseSidecar(fs.readFileSync(file, 'utf8'));
    assert.ok(read.ok);
    assert.deepEqual(read.sidecar.tags.map((t) => t.quote).sort(), ['Critics', 'disgraceful', 'the budget grew']);
  });

  test('unchanged on disk: ours is written as is; changed into something unreadable: refused, left as it is', async () => {
    const base = sidecarWith('the budget grew');
    const baseRaw = serializeSidecar(base);
    fs.writeFileSync(file, baseRaw);
    const ours = sidecarWith('the budget grew', 'Critics');
    assert.equal(await commitSidecar(file, baseRaw, base.tags, ours, TEXT), 0);
    assert.equal(fs.readFileSync(file, 'utf8'), serializeSidecar(ours));
    fs.writeFileSync(file, '{ broken');
    await assert.rejects(commitSidecar(file, baseRaw, base.tags, ours, TEXT), /changed by another program.*left as it is/);
    assert.equal(fs.readFileSync(file, 'utf8'), '{ broken');
  });
});
