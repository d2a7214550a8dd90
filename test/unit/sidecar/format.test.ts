import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { CLAIM_STATUSES, PROTOTYPE_NAMES, SIDECAR_FORMAT, SIDECAR_VERSION, SidecarFile, TAG_ID_PATTERN, Tag } from '../../../src/core/model';
import { firstSyntaxError, lineColumn, parseSidecar, serializeSidecar, textHash, validateTag } from '../../../src/core/sidecar/format';
import { createTag } from '../../../src/core/tags';

const root = path.resolve(__dirname, '../../../..');
const RUNS = Number(process.env.FC_RUNS ?? 200);
const TEXT = 'Officials said 48,000 vehicles cross the bridge daily. That is clearly too many.';

function sidecarWith(tags: Tag[]): SidecarFile {
  return { format: SIDECAR_FORMAT, version: SIDECAR_VERSION, document: 'a.txt', textHash: textHash(TEXT), tags };
}

function sampleTags(): Tag[] {
  const a = createTag(TEXT, { kind: 'claim', start: 15, end: 53, author: 'ana', note: 'Check with the *authority*.' });
  const b = createTag(TEXT, { kind: 'opinion', start: 63, end: 70 });
  const c = createTag(TEXT, { kind: 'attribution', start: 0, end: 53 });
  c.source = { start: 0, end: 9, quote: 'Officials' };
  c.cue = { start: 10, end: 14, quote: 'said' };
  return [b, a, c];
}

suite('sidecar format', () => {
  test('serialises deterministically: sorted tags, fixed key order, trailing newline', () => {
    const tags = sampleTags();
    const out = serializeSidecar(sidecarWith(tags));
    assert.ok(out.endsWith('}\n'));
    const parsed = JSON.parse(out);
    assert.deepEqual(Object.keys(parsed), ['format', 'version', 'document', 'textHash', 'tags']);
    assert.deepEqual(parsed.tags.map((t: Tag) => t.start), [0, 15, 63]);
    assert.deepEqual(Object.keys(parsed.tags[0]).slice(0, 7), ['id', 'kind', 'start', 'end', 'quote', 'prefix', 'suffix']);
    assert.equal(serializeSidecar(sidecarWith([...tags].reverse())), out, 'input order does not matter');
  });

  test('load + save of an unchanged sidecar is byte-identical (property)', () => {
    const tagArb = fc.record({
      start: fc.nat({ max: 40 }), len: fc.nat({ max: 40 }), kind: fc.constantFrom('claim', 'attribution', 'opinion', 'quote-check'),
      note: fc.option(fc.string({ unit: 'grapheme' }), { nil: undefined }), status: fc.option(fc.constantFrom(...CLAIM_STATUSES), { nil: undefined }),
      links: fc.option(fc.array(fc.webUrl(), { maxLength: 2 }), { nil: undefined }),
      fuzzy: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
    });
    fc.assert(fc.property(fc.array(tagArb, { maxLength: 8 }), (specs) => {
      const tags = specs.map((s) => {
        const t = createTag(TEXT, { kind: s.kind, start: s.start, end: s.start + s.len, note: s.note });
        if (s.status) t.status = s.status;
        if (s.links) t.links = s.links;
        if (s.fuzzy !== undefined) t.anchor = { state: 'fuzzy', confidence: s.fuzzy };
        return t;
      });
      const once = serializeSidecar(sidecarWith(tags));
      const read = parseSidecar(once, 'a.txt');
      assert.ok(read.ok, !read.ok ? read.error.message : '');
      assert.equal(serializeSidecar(read.sidecar), once);
    }), { numRuns: RUNS });
  });

  test('invalid JSON is reported with its line and column', () => {
    const good = serializeSidecar(sidecarWith(sampleTags()));
    const broken = good.replace('"kind": "claim",', '"kind": "claim"');
    const r = parseSidecar(broken);
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.equal(r.error.kind, 'json');
    // The parser notices the missing comma at the next token, on the following line.
    const after = broken.indexOf('"kind": "claim"') + '"kind": "claim"'.length;
    const expected = lineColumn(broken, after + /\S/.exec(broken.slice(after))!.index);
    assert.equal(r.error.line, expected.line);
    assert.equal(r.error.column, expected.column);
    assert.match(r.error.message, new RegExp(`line ${expected.line}, column \\d+`));
  });

  test('an unexpected token (where V8 gives no position) is located too', () => {
    const r = parseSidecar('{\n  "format": "claim-tagger/tags",\n  "tags": [ oops ]\n}\n');
    assert.ok(!r.ok);
    assert.equal(r.error.kind, 'json');
    assert.deepEqual([r.error.line, r.error.column], [3, 13]);
  });

  test('valid JSON that fails the schema names the offending path and its line', () => {
    const good = serializeSidecar(sidecarWith(sampleTags()));
    const bad = good.replace('"status": "unreviewed"', '"status": "probably"');
    const r = parseSidecar(bad);
    assert.ok(!r.ok);
    assert.equal(r.error.kind, 'schema');
    assert.match(r.error.message, /\/tags\/1\/status/);
    assert.equal(r.error.line, lineColumn(bad, bad.indexOf('"status": "probably"')).line);
  });

  test('a foreign JSON file, an empty file and a newer version are told apart', () => {
    const foreign = parseSidecar('{"name": "some-package", "version": "1.0.0"}');
    assert.ok(!foreign.ok && foreign.error.kind === 'foreign');
    const empty = parseSidecar('  \n');
    assert.ok(!empty.ok && empty.error.kind === 'empty');
    const newer = JSON.parse(serializeSidecar(sidecarWith(sampleTags())));
    newer.version = SIDECAR_VERSION + 1;
    newer.someFutureField = { x: 1 };
    const r = parseSidecar(JSON.stringify(newer));
    assert.ok(r.ok);
    assert.equal(r.readOnly, true);
    assert.equal(r.sidecar.tags.length, 3);
    assert.match(r.warnings[0], /read-only/);
  });

  test('the quick mode skips the schema but keeps only well-formed tags', () => {
    const data = JSON.parse(serializeSidecar(sidecarWith(sampleTags())));
    data.tags[0].status = 'probably';
    data.tags.push({ id: 'x' });
    const raw = JSON.stringify(data);
    assert.equal(parseSidecar(raw).ok, false);
    const quick = parseSidecar(raw, undefined, { validate: false });
    assert.ok(quick.ok);
    assert.equal(quick.sidecar.tags.length, 3);
    assert.equal(parseSidecar('[1,', undefined, { validate: false }).ok, false);
  });

  test('a byte-order mark and CRLF line endings are accepted', () => {
    const crlf = '\ufeff' + serializeSidecar(sidecarWith(sampleTags())).replace(/\n/g, '\r\n');
    const r = parseSidecar(crlf, 'a.txt');
    assert.ok(r.ok);
    assert.equal(r.sidecar.tags.length, 3);
  });

  test('duplicate ids are kept as two tags with a warning', () => {
    const tags = sampleTags();
    tags[1].id = tags[0].id;
    const r = parseSidecar(serializeSidecar(sidecarWith(tags)), 'a.txt');
    assert.ok(r.ok);
    assert.equal(r.sidecar.tags.length, 3);
    assert.equal(new Set(r.sidecar.tags.map((t) => t.id)).size, 3);
    assert.match(r.warnings.join(' '), /Two tags had the id/);
  });

  test('a sidecar naming another document loads with a warning', () => {
    const r = parseSidecar(serializeSidecar(sidecarWith(sampleTags())), 'b.txt');
    assert.ok(r.ok);
    assert.match(r.warnings.join(' '), /names the document "a.txt", not "b.txt"/);
  });

  test('textHash is SHA-256 of the UTF-8 text', () => {
    assert.equal(textHash(''), 'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    assert.notEqual(textHash('a\r\nb'), textHash('a\nb'));
  });

  test('the committed validator is generated from the current schema', async () => {
    const gen = (await import(path.join(root, 'scripts/gen-validator.mjs'))) as { generateValidatorSource(root: string): string };
    const committed = fs.readFileSync(path.join(root, 'src/core/sidecar/validate.generated.ts'), 'utf8');
    assert.equal(committed, gen.generateValidatorSource(root), 'run `npm run gen:validator`');
  });

  suite('hostile and unusual sidecars', () => {
    test('200,000 nested brackets: a parse error with line and column, no stack overflow', () => {
      const deep = '{\n  "format": "claim-tagger/tags",\n  "tags": ' + '['.repeat(200_000);
      const r = parseSidecar(deep);
      assert.ok(!r.ok);
      assert.equal(r.error.kind, 'json');
      assert.equal(r.error.line, 3);
      assert.equal(r.error.column, 11 + 200_000);
      assert.match(r.error.message, /line 3, column 200011: unexpected end of file: 200001 unclosed brackets/);
    });

    test('deeply nested but well-formed JSON fails the schema, not the stack', () => {
      const data = JSON.parse(serializeSidecar(sidecarWith(sampleTags())));
      const raw = JSON.stringify(data).replace('"note":"Check with the *authority*."', `"note":${'['.repeat(100_000)}${']'.repeat(100_000)}`);
      const r = parseSidecar(raw);
      assert.ok(!r.ok);
      assert.equal(r.error.kind, 'schema');
      assert.match(r.error.message, /\/tags\/\d+\/note/);
    });

    test('the syntax check agrees with JSON.parse on random near-JSON (property)', () => {
      const good = serializeSidecar(sidecarWith(sampleTags()));
      fc.assert(fc.property(fc.nat({ max: good.length - 1 }), fc.constantFrom('', ',', '[', ']', '{', '}', ':', '"', 'x', '0'), (at, insert) => {
        const text = good.slice(0, at) + insert + good.slice(at + (insert ? 0 : 1));
        let valid = true;
        try { JSON.parse(text); } catch { valid = false; }
        assert.equal(firstSyntaxError(text) === undefined, valid, JSON.stringify(text.slice(Math.max(0, at - 10), at + 10)));
      }), { numRuns: RUNS });
    });

    test('ids that break the id pattern are replaced by derived ids, with a warning naming line and column', () => {
      const tags = sampleTags();
      tags[0].id = 'x`\n<img src=x onerror=alert(1)>';
      const raw = JSON.stringify(sidecarWith(tags), null, 2);
      const r = parseSidecar(raw, 'a.txt');
      assert.ok(r.ok, !r.ok ? r.error.message : '');
      assert.equal(r.sidecar.tags.length, 3, 'no tag is lost');
      const renamed = r.sidecar.tags.find((t) => t.kind === 'opinion')!;
      assert.match(renamed.id, TAG_ID_PATTERN);
      const at = lineColumn(raw, raw.indexOf('"id": "x`'));
      assert.match(r.warnings.join('\n'), new RegExp(`line ${at.line}, column ${at.column} .*it is now "${renamed.id}"`));
      const again = parseSidecar(raw, 'a.txt');
      assert.ok(again.ok);
      assert.equal(again.sidecar.tags.find((t) => t.kind === 'opinion')!.id, renamed.id, 'the derived id is deterministic');
      const saved = parseSidecar(serializeSidecar(r.sidecar), 'a.txt');
      assert.ok(saved.ok);
      assert.deepEqual(saved.warnings, [], 'once saved, the sidecar is clean');
    });

    test('prototype-named kinds are refused with the place named', () => {
      for (const kind of PROTOTYPE_NAMES) {
        const tags = sampleTags();
        tags[0].kind = kind;
        const raw = serializeSidecar(sidecarWith(tags));
        const r = parseSidecar(raw);
        assert.ok(!r.ok, kind);
        assert.equal(r.error.kind, 'schema');
        assert.match(r.error.message, /\/tags\/2\/kind/);
        assert.equal(r.error.line, lineColumn(raw, raw.indexOf(`"kind": "${kind}"`)).line);
      }
    });

    test('the schema lists exactly the property names of Object.prototype', () => {
      const schema = JSON.parse(fs.readFileSync(path.join(root, 'schemas/tags.schema.json'), 'utf8'));
      assert.deepEqual([...schema.definitions.prototypeName.enum].sort(), Object.getOwnPropertyNames(Object.prototype).sort());
      assert.deepEqual([...PROTOTYPE_NAMES].sort(), Object.getOwnPropertyNames(Object.prototype).sort());
      assert.equal(schema.definitions.tagId.pattern, TAG_ID_PATTERN.source);
    });

    test('validateTag accepts created tags and names what is wrong with others', () => {
      for (const t of sampleTags()) assert.deepEqual(validateTag(t), { ok: true });
      const t = sampleTags()[0];
      assert.deepEqual(validateTag({ ...t, kind: '' }).ok, false);
      const proto = validateTag({ ...t, kind: 'constructor' });
      assert.ok(!proto.ok && proto.path === '/kind', JSON.stringify(proto));
      const id = validateTag({ ...t, id: 'a b' });
      assert.ok(!id.ok && id.path === '/id');
      const cue = validateTag({ ...t, cue: { start: '<meta>', end: 1, quote: 'x' } });
      assert.ok(!cue.ok && cue.path === '/cue/start', JSON.stringify(cue));
      assert.equal(validateTag(null).ok, false);
    });

    test('a newer-version sidecar keeps only fields of the expected types', () => {
      const data = JSON.parse(serializeSidecar(sidecarWith(sampleTags())));
      data.version = SIDECAR_VERSION + 1;
      const attribution = data.tags.find((t: Tag) => t.kind === 'attribution');
      attribution.cue.start = '<meta http-equiv="refresh" content="0;url=https://example.invalid">';
      attribution.source = { start: 0, end: { x: 1 }, quote: 'Officials' };
      attribution.links = 'https://example.org';
      attribution.labels = { a: 1 };
      attribution.note = ['x'];
      attribution.future = { deep: true };
      data.tags.push({ id: 5, kind: 'claim' }, 'junk', { id: 'y', kind: 'claim', start: -1, end: 'x', quote: 'q', anchor: {} });
      data.document = { evil: true };
      const r = parseSidecar(JSON.stringify(data));
      assert.ok(r.ok);
      assert.equal(r.readOnly, true);
      assert.equal(r.sidecar.document, '');
      const a = r.sidecar.tags.find((t) => t.kind === 'attribution')!;
      assert.equal(a.cue, undefined);
      assert.equal(a.source, undefined);
      assert.equal(a.links, undefined);
      assert.equal(a.labels, undefined);
      assert.equal(a.note, undefined);
      assert.equal((a as unknown as Record<string, unknown>).future, undefined);
      const y = r.sidecar.tags.find((t) => t.id === 'y')!;
      assert.deepEqual([y.start, y.end, y.anchor.state], [0, 0, 'orphaned'], 'bad offsets make the tag orphaned');
      assert.equal(r.sidecar.tags.length, 4, 'the three tags and "y"; entries without string id and kind are left out');
    });
  });
});
