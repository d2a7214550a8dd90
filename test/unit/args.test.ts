// Command argument checks (src/util/args.ts): what each check accepts, that it rejects everything else with a
// message naming the argument, and how parseArgs reads an arguments object or a Tags view row.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { ArgError, anyOf, flag, listOf, nullable, offsets, oneOf, parseArgs, shape, text } from '../../src/util/args';

const KINDS = ['claim', 'attribution', 'opinion'] as const;

/** Runs a check; the message when it rejects, or the value. */
function run<T>(check: (v: unknown, name: string) => T, v: unknown): { ok: true; value: T } | { ok: false; message: string } {
  try {
    return { ok: true, value: check(v, 'arg') };
  } catch (e) {
    assert.ok(e instanceof ArgError, `not an ArgError: ${String(e)}`);
    return { ok: false, message: e.message };
  }
}

suite('command arguments', () => {
  test('property: each check accepts exactly its shape and names the argument otherwise', () => {
    fc.assert(
      fc.property(fc.anything(), (v) => {
        const isOffset = (n: unknown) => typeof n === 'number' && Number.isFinite(n) && n >= 0;
        const cases: [(v: unknown, name: string) => unknown, boolean][] = [
          [text, typeof v === 'string'],
          [flag, typeof v === 'boolean'],
          [oneOf(KINDS), typeof v === 'string' && (KINDS as readonly string[]).includes(v)],
          [offsets, typeof v === 'object' && v !== null && !Array.isArray(v) && isOffset((v as { start?: unknown }).start) && isOffset((v as { end?: unknown }).end)],
          [listOf(text), Array.isArray(v) && v.every((x) => typeof x === 'string')],
        ];
        for (const [check, accepted] of cases) {
          const r = run(check, v);
          assert.equal(r.ok, accepted, `${check.name || 'check'} on ${fc.stringify(v)}`);
          if (!r.ok) assert.match(r.message, /^`arg(\[\d+\])?` must be /);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('property: offsets keep their values; a list names the bad item', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), (start, end) => {
        assert.deepEqual(offsets({ start, end, extra: 1 }, 'r'), { start, end });
      }),
    );
    assert.throws(() => listOf(text)(['a', 2], 'ids'), /`ids\[1\]` must be a string, not number 2/);
    assert.throws(() => offsets({ start: -1, end: 2 }, 'range'), /`range` must be \{start, end\} offsets/);
    assert.throws(() => oneOf(KINDS)('claims', 'kind'), /`kind` must be one of claim, attribution, opinion, not "claims"/);
  });

  test('anyOf takes the first shape that fits, else says what was expected', () => {
    const either = anyOf<string | boolean>('a string or a flag', text, flag);
    assert.equal(either('x', 'a'), 'x');
    assert.equal(either(false, 'a'), false);
    assert.throws(() => either(3, 'a'), /`a` must be a string or a flag, not number 3/);
  });

  test('shape: every key present and checked, named by its path in a list', () => {
    const terms = listOf(shape({ rule: text, term: text }));
    assert.deepEqual(terms([{ rule: 'r', term: 't', extra: 1 }], 'terms'), [{ rule: 'r', term: 't' }]);
    assert.throws(() => terms([{ rule: 'r', term: 't' }, { rule: 'r' }], 'terms'), /`terms\[1\]\.term` must be a string, not undefined/);
    assert.throws(() => terms(['r'], 'terms'), /`terms\[0\]` must be an object/);
  });

  test('parseArgs: nothing is {}, absent keys stay absent, given-but-empty ones present as undefined (null kept when nullable), unknown keys ignored', () => {
    const spec = { id: text, kinds: listOf(text), cue: nullable(offsets) };
    assert.deepEqual(parseArgs(undefined, spec), {});
    assert.deepEqual(parseArgs(null, spec), {});
    assert.deepEqual(parseArgs({ id: 'a', kinds: null, other: 5 }, spec), { id: 'a', kinds: undefined });
    // "Clear the cue" ({cue: undefined} from a script) differs from "nothing said about the cue" (Set Source asks then).
    assert.ok('cue' in parseArgs({ cue: undefined }, spec));
    assert.ok(!('cue' in parseArgs({ id: 'a' }, spec)));
    assert.deepEqual(parseArgs({ cue: null }, spec), { cue: null });
    assert.ok('cue' in parseArgs({ cue: null }, spec));
    assert.throws(() => parseArgs('claim', spec), /`arguments` must be an object, not "claim"/);
    assert.throws(() => parseArgs([1], spec), /`arguments` must be an object, not a list/);
    assert.throws(() => parseArgs({ id: 7 }, spec), /`id` must be a string/);
  });

  test('property: a Tags view tag row stands for {uri, id}', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (doc, id) => {
        assert.deepEqual(parseArgs({ type: 'tag', doc, tag: { id, quote: 'q' } }, { uri: text, id: text }), { uri: doc, id });
      }),
    );
    // Other keys beside a tag row are read too (a caller adds `value` to a row).
    assert.deepEqual(parseArgs({ type: 'tag', doc: 'd', tag: { id: 'i' }, value: 'verified' }, { uri: text, id: text, value: text }), { uri: 'd', id: 'i', value: 'verified' });
    // Not a tag row: read as is.
    assert.deepEqual(parseArgs({ type: 'document', doc: 'd', uri: 'u' }, { uri: text }), { uri: 'u' });
  });
});
