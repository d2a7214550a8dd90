import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fc from 'fast-check';
import { randomHex, randomUuid, sha1BytesOfParts, sha1Hex, sha256Hex, uuidV5FromSha1 } from '../../src/core/hash';
import { stableUuid, stableUuidOf } from '../../src/core/report/common';
import { textHash } from '../../src/core/sidecar/format';
import { derivedTagId } from '../../src/core/tags';

// The portable hashes must equal Node's, so that a sidecar written on vscode.dev and one written on the desktop
// (or by the CLI) carry the same text hash and the same derived ids, byte for byte.
const node = (algo: 'sha1' | 'sha256', s: string) => createHash(algo).update(s, 'utf8').digest('hex');

/** Any UTF-16 code unit (lone surrogates included), any code point, and the surrogate edges themselves. */
const unit = fc.oneof(
  fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
  fc.constantFrom('\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uFFFD', '\0', 'é', '😀'),
);
const text = fc.string({ unit, maxLength: 300 });
const longText = fc.string({ unit, minLength: 1000, maxLength: 20000 });

suite('hash (portable SHA over UTF-8)', () => {
  test('property: sha256Hex and sha1Hex equal node:crypto on any string', () => {
    fc.assert(fc.property(text, (s) => {
      assert.equal(sha256Hex(s), node('sha256', s));
      assert.equal(sha1Hex(s), node('sha1', s));
    }), { numRuns: 2000 });
  });

  test('property: the same on long strings', () => {
    fc.assert(fc.property(longText, (s) => {
      assert.equal(sha256Hex(s), node('sha256', s));
      assert.equal(sha1Hex(s), node('sha1', s));
    }), { numRuns: 50 });
  });

  test('every length around the 64-byte block and its padding edge, in 1- to 4-byte characters', () => {
    for (const ch of ['a', 'é', '€', '😀', '\uD800']) {
      for (let n = 0; n <= 140; n++) {
        const s = ch.repeat(n);
        assert.equal(sha256Hex(s), node('sha256', s), `sha256 of ${n} × U+${ch.codePointAt(0)!.toString(16)}`);
        assert.equal(sha1Hex(s), node('sha1', s), `sha1 of ${n} × U+${ch.codePointAt(0)!.toString(16)}`);
      }
    }
  });

  test('a 1 MB article hashes as in Node', () => {
    const article = 'The council said the budget grew by 12 percent — “a record”, Müller claimed. 😀\n'.repeat(13000);
    assert.ok(article.length > 1_000_000);
    assert.equal(sha256Hex(article), node('sha256', article));
  });

  test('the empty string and the published test vectors', () => {
    assert.equal(sha256Hex(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    assert.equal(sha1Hex(''), 'da39a3ee5e6b4b0d3255bfef95601890afd80709');
    assert.equal(sha256Hex('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    assert.equal(sha1Hex('abc'), 'a9993e364706816aba3e25717850c26c9cd0d89d');
  });

  test('a lone surrogate hashes as U+FFFD, as Node encodes it', () => {
    assert.equal(sha256Hex('a\uD800b'), sha256Hex('a\uFFFDb'));
    assert.equal(sha256Hex('\uDC00'), node('sha256', '\uDC00'));
    // A pair is one code point, not two replacement characters.
    assert.notEqual(sha256Hex('\uD83D\uDE00'), sha256Hex('\uFFFD\uFFFD'));
  });

  test('property: sha1BytesOfParts equals successive update() calls in Node, each part encoded on its own', () => {
    fc.assert(fc.property(fc.array(text, { maxLength: 8 }), (parts) => {
      const h = createHash('sha1');
      for (const p of parts) h.update(p, 'utf8');
      assert.equal(Buffer.from(sha1BytesOfParts(parts)).toString('hex'), h.digest('hex'));
    }), { numRuns: 500 });
  });
});

suite('hash: derived ids and text hashes stay what they were', () => {
  /** The version 5 UUID the code computed with node:crypto before the portable hash. */
  const nodeUuid = (parts: string[]) => {
    const h = createHash('sha1');
    parts.forEach((p, i) => h.update(i ? `\u0000${p}` : p));
    const b = h.digest();
    b[6] = (b[6] & 0x0f) | 0x50;
    b[8] = (b[8] & 0x3f) | 0x80;
    const x = b.subarray(0, 16).toString('hex');
    return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
  };

  test('fixed inputs keep their ids and hash (values written by earlier versions)', () => {
    assert.equal(derivedTagId('bad id/ü\uD800'), '333d393f-dae6-5e59-84bd-b49dfe447c07');
    assert.equal(derivedTagId('x'), 'dbef73ff-aeaa-589b-825e-60b6b6a22b0e');
    assert.equal(stableUuid('doc.md', 't 1'), '13739aa3-6aec-5595-bd23-8c624a761138');
    assert.equal(stableUuid('a\uD83D', '\uDE00b'), '40425e93-9504-5b3f-95c8-5998860c8333');
    assert.equal(textHash('Caf\u00e9 \uDC00 😀'), 'sha256:04d7422597d0edce0e05e9c42c69ef4e96fab399ad55259c2789da12084dff27');
  });

  test('property: derivedTagId, stableUuidOf and textHash equal the node:crypto computation', () => {
    fc.assert(fc.property(text, fc.array(text, { minLength: 1, maxLength: 6 }), (s, parts) => {
      assert.equal(derivedTagId(s), nodeUuid([`claim-tagger:tag-id\u0000${s}`]));
      assert.equal(stableUuidOf(parts), nodeUuid(parts));
      assert.equal(stableUuidOf(new Set(parts)), nodeUuid([...new Set(parts)]), 'any iterable, read once');
      assert.equal(textHash(s), `sha256:${node('sha256', s)}`);
    }), { numRuns: 1000 });
  });

  test('uuidV5FromSha1 sets the version and variant bits and leaves the digest alone', () => {
    const digest = new Uint8Array(20).fill(0xff);
    assert.equal(uuidV5FromSha1(digest), 'ffffffff-ffff-5fff-bfff-ffffffffffff');
    assert.deepEqual(digest, new Uint8Array(20).fill(0xff));
  });
});

suite('hash: random ids from Web Crypto', () => {
  test('randomUuid is a version 4 UUID, fresh every call', () => {
    const ids = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      const id = randomUuid();
      assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      ids.add(id);
    }
    assert.equal(ids.size, 1000);
  });

  test('randomHex gives two lowercase hex digits a byte, fresh every call', () => {
    assert.equal(randomHex(0), '');
    const a = randomHex(18);
    assert.match(a, /^[0-9a-f]{36}$/);
    assert.notEqual(randomHex(18), a);
  });
});
