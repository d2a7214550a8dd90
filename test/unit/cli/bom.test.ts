// A document saved with a UTF-8 byte order mark (review s16, F8): VS Code's getText() drops the BOM, so the CLI
// does too; its offsets, text hash and anchor states then match the editor's, and the document itself is never
// written (its BOM stays on disk).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { withoutBom } from '../../../src/cli/document';
import { cli, tempDirPerTest } from './helpers';

const TEXT = 'The bridge carries 48,000 vehicles a day. The mayor called it a shameful waste.\n';
const QUOTE = '48,000 vehicles a day';
const BOM = '\uFEFF';

interface Side { textHash: string; tags: { start: number; end: number; quote: string }[] }

suite('claim-tagger and a document with a byte order mark', () => {
  let dir = '';
  tempDirPerTest((d) => (dir = d));
  const at = (...p: string[]) => path.join(dir, ...p);
  const sidecar = (doc: string) => JSON.parse(fs.readFileSync(`${doc}.tags.json`, 'utf8')) as Side;

  async function tagged(name: string, text: string, args = ['--quote', QUOTE]): Promise<string> {
    fs.writeFileSync(at(name), text);
    const r = await cli(['tag', at(name), '--kind', 'claim', ...args]);
    assert.equal(r.code, 0, r.stderr);
    return at(name);
  }

  test('tag: the same offsets and text hash as for the text without BOM; the document is left as it is', async () => {
    const plain = sidecar(await tagged('plain.md', TEXT));
    const bom = await tagged('bom.md', BOM + TEXT);
    const withBom = sidecar(bom);
    assert.deepEqual(withBom.tags.map((t) => [t.start, t.end, t.quote]), [[TEXT.indexOf(QUOTE), TEXT.indexOf(QUOTE) + QUOTE.length, QUOTE]]);
    assert.deepEqual(withBom.tags.map((t) => [t.start, t.end]), plain.tags.map((t) => [t.start, t.end]));
    assert.equal(withBom.textHash, plain.textHash);
    assert.equal(fs.readFileSync(bom, 'utf8'), BOM + TEXT, 'the BOM is still on disk');
    // --range takes the offsets the editor shows.
    const ranged = sidecar(await tagged('ranged.md', BOM + TEXT, ['--range', `${TEXT.indexOf(QUOTE)}:${TEXT.indexOf(QUOTE) + QUOTE.length}`]));
    assert.equal(ranged.tags[0].quote, QUOTE);
  });

  test('check: a sidecar written for the text without BOM (as the editor writes it) is anchored, not moved; --write changes nothing', async () => {
    const doc = await tagged('a.md', TEXT);
    fs.writeFileSync(doc, BOM + TEXT);
    const before = fs.readFileSync(`${doc}.tags.json`, 'utf8');
    const r = await cli(['check', doc, '--json']);
    assert.equal(r.code, 0, r.stderr);
    const states = (JSON.parse(r.stdout) as { documents: { tags: { state: string; start: number }[] }[] }).documents[0].tags;
    assert.deepEqual(states.map((t) => [t.state, t.start]), [['anchored', TEXT.indexOf(QUOTE)]]);
    assert.equal((await cli(['check', doc, '--write'])).code, 0);
    assert.equal(fs.readFileSync(`${doc}.tags.json`, 'utf8'), before, 'no churn of the sidecar');
    assert.equal(fs.readFileSync(doc, 'utf8'), BOM + TEXT, 'the document is never written');
  });

  test('report: the text of a BOM document matches its sidecar\'s hash, so positions are reported', async () => {
    const doc = await tagged('a.md', TEXT);
    fs.writeFileSync(doc, BOM + TEXT);
    const r = await cli(['report', doc, '--format', 'w3c']);
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stderr, /text changed/);
    assert.match(r.stdout, new RegExp(`"start":\\s*${TEXT.indexOf(QUOTE)},\\s*"end":\\s*${TEXT.indexOf(QUOTE) + QUOTE.length}`));
  });

  test('suggest: the same offsets with and without BOM', async () => {
    fs.writeFileSync(at('plain.md'), TEXT);
    fs.writeFileSync(at('bom.md'), BOM + TEXT);
    const run = async (name: string) => {
      const r = await cli(['suggest', at(name), '--no-learned']);
      assert.equal(r.code, 0, r.stderr);
      return (JSON.parse(r.stdout) as { suggestions: unknown[] }).suggestions;
    };
    const plain = await run('plain.md');
    assert.ok(plain.length > 0, 'the sample gives suggestions');
    assert.deepEqual(await run('bom.md'), plain);
  });

  test('withoutBom drops exactly one leading U+FEFF and nothing else', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(BOM, 'a', ' ', '\n', 'é', '\uD83D', '\uDE00')).map((a) => a.join('')), (s) => {
      assert.equal(withoutBom(BOM + s), s);
      assert.equal(withoutBom(s), s.startsWith(BOM) ? s.slice(1) : s);
    }));
  });
});
