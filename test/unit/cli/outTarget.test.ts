// `report --out` never replaces Claim Tagger's own files (review s16, F6): annotators' blind copies and the curated
// tags (`*.tags.<author>.json`), anything under `.claim-tags/` (learned.json), a file that holds a sidecar or learned
// suggestions under another name, and another tagged document. Each is refused with exit 2, nothing written;
// a previous report is still replaced.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { resolveOutTarget } from '../../../src/cli/outTarget';
import { authorFileName } from '../../../src/core/team/annotators';
import { cli, tempDirPerTest } from './helpers';

const TEXT = 'The bridge carries 48,000 vehicles a day. The mayor called it a triumph.\n';

suite('claim-tagger report --out: Claim Tagger\'s own files are never replaced', () => {
  let dir = '';
  tempDirPerTest((d) => (dir = d));
  const at = (...p: string[]) => path.join(dir, ...p);

  async function tagged(name: string): Promise<string> {
    fs.writeFileSync(at(name), TEXT);
    const r = await cli(['tag', at(name), '--kind', 'claim', '--quote', '48,000 vehicles a day']);
    assert.equal(r.code, 0, r.stderr);
    return at(name);
  }

  /** Runs the report onto `out` and checks it was refused with `why`, leaving `out` as it was (or absent). */
  async function refused(out: string, why: RegExp): Promise<void> {
    const before = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : undefined;
    const r = await cli(['report', at('a.md'), '--format', 'md', '--out', out]);
    assert.equal(r.code, 2, `exit code for ${out}: ${r.stderr}`);
    assert.match(r.stderr, why);
    assert.match(r.stderr, /nothing was written/);
    assert.equal(fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : undefined, before, `${out} was changed`);
  }

  setup(async () => {
    fs.mkdirSync(at('.git')); // bounds the .claim-tags lookup to this folder
    await tagged('a.md');
  });

  test('an annotator\'s blind copy and the curated tags, existing or not', async () => {
    fs.copyFileSync(at('a.md.tags.json'), at('a.md.tags.ana.json'));
    fs.copyFileSync(at('a.md.tags.json'), at('a.md.tags.curated.json'));
    for (const name of ['a.md.tags.ana.json', 'a.md.tags.curated.json', 'b.md.tags.ben.json']) {
      await refused(at(name), /annotator's copy of a sidecar or the curated tags/);
    }
  });

  test('anything inside a .claim-tags folder: learned.json, a new file, a file in a subfolder', async () => {
    fs.mkdirSync(at('.claim-tags'));
    fs.writeFileSync(at('.claim-tags', 'learned.json'), '{"keep":1}\n');
    for (const p of [at('.claim-tags', 'learned.json'), at('.claim-tags', 'report.md'), at('.claim-tags', 'news', 'report.md')]) {
      await refused(p, /inside a \.claim-tags folder/);
    }
    assert.ok(!fs.existsSync(at('.claim-tags', 'news')), 'no folder was made');
  });

  test('an existing file holding a sidecar or learned suggestions under another name', async () => {
    fs.copyFileSync(at('a.md.tags.json'), at('backup.json'));
    await refused(at('backup.json'), /holds Claim Tagger tags/);
    fs.writeFileSync(at('learned-copy.json'), '\uFEFF{ "version": 1, "format": "claim-tagger/learned", "phrases": [] }\n');
    await refused(at('learned-copy.json'), /holds what Claim Tagger learned/);
  });

  test('another tagged document, its sidecar beside it or under .claim-tags', async () => {
    const b = await tagged('b.md');
    await refused(b, /is a tagged document \(its tags are in .*b\.md\.tags\.json\)/);
    fs.mkdirSync(at('.claim-tags'));
    fs.writeFileSync(at('c.md'), TEXT);
    fs.copyFileSync(at('b.md.tags.json'), at('.claim-tags', 'c.md.tags.json'));
    await refused(at('c.md'), /is a tagged document \(its tags are in .*\.claim-tags.c\.md\.tags\.json\)/);
  });

  test('control: a previous report, a JSON report and an untagged file are replaced', async () => {
    for (const [name, before] of [['r.md', '# old report\n'], ['r.json', '{"format":"claim-tagger/report","version":1}\n'], ['notes.txt', 'scratch\n']]) {
      fs.writeFileSync(at(name), before);
      const r = await cli(['report', at('a.md'), '--format', 'md', '--out', at(name)]);
      assert.equal(r.code, 0, r.stderr);
      assert.match(fs.readFileSync(at(name), 'utf8'), /48,000 vehicles a day/);
    }
  });

  test('every author\'s blind copy name is refused, at any depth below the document', async () => {
    await fc.assert(fc.asyncProperty(fc.string({ minLength: 1, maxLength: 20 }), fc.array(fc.constantFrom('news', 'x y', '.tags'), { maxLength: 3 }), async (author, folders) => {
      const out = at(...folders, `a.md.tags.${authorFileName(author)}.json`);
      const target = await resolveOutTarget(out, []);
      assert.equal(target.ok, false, `${out} was accepted`);
    }), { numRuns: 200 });
  });
});
