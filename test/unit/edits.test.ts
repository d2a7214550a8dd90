import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextChange, applyChanges, healAfterUndo } from '../../src/core/edits';
import { Tag } from '../../src/core/model';
import { createTag, refreshQuotes } from '../../src/core/tags';

/** Property-test runs: a few hundred in CI; `FC_RUNS=100000` from the benchmark. */
const RUNS = Number(process.env.FC_RUNS) || 300;

function tagAt(text: string, start: number, end: number): Tag {
  return createTag(text, { kind: 'claim', start, end, now: new Date(0) });
}

/** Applies changes given in pre-event coordinates to a string, last first. */
function applyToText(text: string, changes: readonly TextChange[]): string {
  for (const c of descending(changes)) text = text.slice(0, c.start) + c.text + text.slice(c.end);
  return text;
}

/** The order in which pre-event coordinates stay valid when changes are applied one at a time. */
function descending(changes: readonly TextChange[]): TextChange[] {
  return [...changes].sort((x, y) => y.start - x.start || y.end - x.end);
}

/** Edits a text and its tags the way the editor layer does: tags follow, then quotes are refreshed. */
function edit(text: string, tags: Tag[], changes: TextChange[]): string {
  const next = applyToText(text, changes);
  applyChanges(tags, changes);
  refreshQuotes(next, tags);
  return next;
}

function extent(tag: Tag): [number, number, string] {
  return [tag.start, tag.end, tag.anchor.state];
}

suite('edits: applyChanges', () => {
  const text = 'The mayor said the budget grew by 12 percent last year.';
  const s = text.indexOf('the budget');
  const e = text.indexOf(' last');

  function one(change: TextChange): { tag: Tag; text: string; changed: Tag[] } {
    const tag = tagAt(text, s, e);
    const next = applyToText(text, [change]);
    const changed = applyChanges([tag], [change]);
    refreshQuotes(next, [tag]);
    return { tag, text: next, changed };
  }

  test('typing strictly inside a tag extends it', () => {
    const { tag } = one({ start: s + 3, end: s + 3, text: ' new' });
    assert.equal(tag.quote, 'the new budget grew by 12 percent');
  });

  test('typing exactly at its start shifts it and at its end leaves it alone', () => {
    const atStart = one({ start: s, end: s, text: 'so ' });
    assert.deepEqual(extent(atStart.tag), [s + 3, e + 3, 'anchored']);
    assert.equal(atStart.tag.quote, 'the budget grew by 12 percent');
    const atEnd = one({ start: e, end: e, text: ' or so' });
    assert.deepEqual(extent(atEnd.tag), [s, e, 'anchored']);
    assert.equal(atEnd.changed.length, 0);
  });

  test('a deletion across its start trims it to what is left of its own text', () => {
    const { tag } = one({ start: s - 5, end: s + 4, text: '' });
    assert.equal(tag.quote, 'budget grew by 12 percent');
    assert.equal(tag.prefix, 'The mayor ');
  });

  test('a replacement across its end trims it, the new text stays outside', () => {
    const { tag } = one({ start: e - 8, end: e + 5, text: ' per cent in 2023' });
    assert.equal(tag.quote, 'the budget grew by 12');
  });

  test('a replacement of its first word leaves the new word outside', () => {
    const { tag } = one({ start: s, end: s + 3, text: 'our' });
    assert.equal(tag.quote, ' budget grew by 12 percent');
  });

  test('a replacement strictly inside grows or shrinks it', () => {
    assert.equal(one({ start: s + 19, end: s + 21, text: 'twelve' }).tag.quote, 'the budget grew by twelve percent');
    assert.equal(one({ start: s + 10, end: s + 15, text: '' }).tag.quote, 'the budget by 12 percent');
  });

  test('deleting all of its text orphans it at the deletion point and keeps the quote', () => {
    const { tag, changed } = one({ start: s - 1, end: e + 1, text: '' });
    assert.deepEqual(extent(tag), [s - 1, s - 1, 'orphaned']);
    assert.equal(tag.quote, 'the budget grew by 12 percent');
    assert.deepEqual(changed, [tag]);
  });

  test('replacing exactly its text orphans it too', () => {
    const { tag } = one({ start: s, end: e, text: 'taxes fell' });
    assert.deepEqual(extent(tag), [s, s, 'orphaned']);
    assert.equal(tag.quote, 'the budget grew by 12 percent');
  });

  test('an orphaned tag moves with the text and is never dropped', () => {
    const tags = [tagAt(text, s, e)];
    let t = edit(text, tags, [{ start: s, end: e, text: '' }]);
    t = edit(t, tags, [{ start: 0, end: 4, text: 'A' }]);
    assert.deepEqual(extent(tags[0]), [s - 3, s - 3, 'orphaned']);
    edit(t, tags, [{ start: 0, end: t.length, text: '' }]);
    assert.deepEqual(extent(tags[0]), [0, 0, 'orphaned']);
    assert.equal(tags[0].quote, 'the budget grew by 12 percent');
  });

  test('tags after a change shift, tags before it are not reported', () => {
    const before = tagAt(text, 0, 3);
    const after = tagAt(text, s, e);
    const changed = applyChanges([before, after], [{ start: 10, end: 14, text: 'stated' }]);
    assert.deepEqual(changed, [after]);
    assert.deepEqual(extent(after), [s + 2, e + 2, 'anchored']);
    assert.deepEqual(extent(before), [0, 3, 'anchored']);
  });

  test('a multi-cursor event in any order equals applying its changes from the last to the first', () => {
    const changes: TextChange[] = [
      { start: 0, end: 0, text: '> ' },
      { start: s + 4, end: s + 10, text: 'city budget' },
      { start: e, end: e + 5, text: '' },
      { start: e + 5, end: e + 5, text: '!' },
    ];
    const expected = [tagAt(text, s, e), tagAt(text, 0, s)];
    for (const c of descending(changes)) applyChanges(expected, [c]);
    for (const order of [changes, [...changes].reverse(), [changes[2], changes[0], changes[3], changes[1]]]) {
      const tags = [tagAt(text, s, e), tagAt(text, 0, s)];
      applyChanges(tags, order);
      assert.deepEqual(tags.map(extent), expected.map(extent));
    }
    const tags = [tagAt(text, s, e)];
    const next = edit(text, tags, changes);
    assert.equal(tags[0].quote, 'the city budget grew by 12 percent');
    assert.equal(next.slice(0, 2), '> ');
  });

  test('overlapping or reversed changes are refused', () => {
    const tags = [tagAt(text, s, e)];
    assert.throws(() => applyChanges(tags, [{ start: 1, end: 5, text: '' }, { start: 4, end: 6, text: 'x' }]), RangeError);
    assert.throws(() => applyChanges(tags, [{ start: 5, end: 4, text: '' }]), RangeError);
    assert.deepEqual(extent(tags[0]), [s, e, 'anchored']);
  });
});

suite('edits: healAfterUndo', () => {
  const text = 'Officials said the budget grew. Critics said the budget grew too slowly. Nobody agreed.';

  /** Runs an event and its undo, recording each tag's earlier quotes as the editor layer would. */
  function doUndo(tags: Tag[], changes: TextChange[]): { undone: string; healed: Tag[] } {
    const history = new Map<string, string[]>();
    const before = new Map(tags.map((t) => [t.id, t.quote]));
    const after = edit(text, tags, changes);
    for (const t of tags) if (t.quote !== before.get(t.id)) history.set(t.id, [before.get(t.id) as string]);
    const inverse = inverseOf(text, changes);
    const undone = applyToText(after, inverse);
    applyChanges(tags, inverse);
    const healed = healAfterUndo(undone, tags, inverse, (t) => history.get(t.id) ?? []);
    refreshQuotes(undone, tags);
    return { undone, healed };
  }

  test('undoing the deletion of a tag re-anchors it where it was', () => {
    const s = text.indexOf('the budget grew.');
    const tags = [tagAt(text, s, s + 15)];
    const { undone, healed } = doUndo(tags, [{ start: s - 5, end: s + 20, text: '' }]);
    assert.equal(undone, text);
    assert.deepEqual(extent(tags[0]), [s, s + 15, 'anchored']);
    assert.deepEqual(healed, tags);
  });

  test('undoing a trim restores the full extent', () => {
    const s = text.indexOf('Critics');
    const e = text.indexOf(' too');
    const tags = [tagAt(text, s, e)];
    doUndo(tags, [{ start: s - 2, end: s + 8, text: 'X' }]);
    assert.deepEqual(extent(tags[0]), [s, e, 'anchored']);
  });

  test('two orphans with the same quote go back to their own places, told apart by context', () => {
    const a = text.indexOf('the budget grew');
    const b = text.indexOf('the budget grew', a + 1);
    const tags = [tagAt(text, b, b + 15), tagAt(text, a, a + 15)];
    doUndo(tags, [{ start: 0, end: text.length - 5, text: '' }]);
    assert.deepEqual(tags.map(extent), [[b, b + 15, 'anchored'], [a, a + 15, 'anchored']]);
  });

  test('tags away from the change and tags whose quote did not come back are left alone', () => {
    const far = tagAt(text, 0, 9);
    const s = text.indexOf('Nobody');
    const gone = tagAt(text, s, s + 6);
    const tags = [far, gone];
    let t = edit(text, tags, [{ start: s, end: s + 6, text: '' }]);
    t = edit(t, tags, [{ start: s, end: s, text: 'Everybody' }]);
    const healed = healAfterUndo(t, tags, [{ start: s, end: s, text: 'Everybody' }], () => ['Officials said']);
    assert.deepEqual(healed, []);
    assert.deepEqual(extent(gone), [s + 9, s + 9, 'orphaned']);
    assert.deepEqual(extent(far), [0, 9, 'anchored']);
  });
});

/** Inverse of an event: changes in the coordinates of the text after it, restoring the text before it. */
function inverseOf(before: string, changes: readonly TextChange[]): TextChange[] {
  const asc = [...changes].sort((x, y) => x.start - y.start || x.end - y.end);
  let shift = 0;
  const out: TextChange[] = [];
  for (const c of asc) {
    const inv = { start: c.start + shift, end: c.start + shift + c.text.length, text: before.slice(c.start, c.end) };
    shift += c.text.length - (c.end - c.start);
    // Changes that touch after the event (two adjacent deletions) are undone by one change, as an editor does.
    const prev = out[out.length - 1];
    if (prev && prev.end === inv.start) {
      prev.end = inv.end;
      prev.text += inv.text;
    } else {
      out.push(inv);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Property tests against a reference model that tracks every UTF-16 code unit as its own object: a tag is the run
// of cells from its first to its last own cell, which is the rule "what is left of its own text" stated directly.

interface Cell {
  ch: string;
}
interface ModelTag {
  first: Cell | null;
  last: Cell | null;
  point: number;
  orphaned: boolean;
}

function modelChange(cells: Cell[], tags: ModelTag[], c: TextChange): void {
  const inserted = [...c.text.split('')].map((ch) => ({ ch }));
  const delta = inserted.length - (c.end - c.start);
  for (const m of tags) {
    if (m.first && m.last) {
      const s = cells.indexOf(m.first);
      const e = cells.indexOf(m.last) + 1;
      const survivors = cells.slice(s, e).filter((_, i) => s + i < c.start || s + i >= c.end);
      if (survivors.length === 0) {
        m.first = m.last = null;
        m.point = c.start;
        m.orphaned = true;
      } else {
        m.first = survivors[0];
        m.last = survivors[survivors.length - 1];
      }
    } else if (c.end <= m.point) {
      m.point += delta;
    } else if (c.start < m.point) {
      m.point = c.start;
    }
  }
  cells.splice(c.start, c.end - c.start, ...inserted);
}

function modelExtent(cells: Cell[], m: ModelTag): [number, number, boolean] {
  if (m.first && m.last) return [cells.indexOf(m.first), cells.indexOf(m.last) + 1, false];
  return [m.point, m.point, m.orphaned];
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Moves an offset off the middle of a surrogate pair. */
function snap(text: string, p: number): number {
  p = Math.max(0, Math.min(text.length, p));
  return p > 0 && p < text.length && isHigh(text.charCodeAt(p - 1)) && isLow(text.charCodeAt(p)) ? p - 1 : p;
}

function splitsPair(text: string, p: number): boolean {
  return snap(text, p) !== p;
}

/** Pieces of text: letters, white space, CRLF and LF, an accented letter and an astral character (two code units). */
const TOKENS = ['a', 'b', 'c', ' ', '\r\n', '\n', 'é', '\u{1F600}', '\u{1D11E}'];
const piece = fc.array(fc.constantFrom(...TOKENS), { maxLength: 4 }).map((xs) => xs.join(''));

/** A position: anywhere in the text, or at/next to a tag boundary (the interesting places). */
type PosSpec = { kind: 'frac'; v: number } | { kind: 'edge'; tag: number; start: boolean; off: number };
const posSpec: fc.Arbitrary<PosSpec> = fc.oneof(
  fc.record({ kind: fc.constant('frac' as const), v: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('edge' as const), tag: fc.nat(), start: fc.boolean(), off: fc.integer({ min: -2, max: 2 }) }),
);
const changeSpec = fc.record({ a: posSpec, b: posSpec, text: piece });
const eventSpec = fc.record({ changes: fc.array(changeSpec, { minLength: 1, maxLength: 4 }), shuffle: fc.nat() });

function resolve(text: string, tags: readonly Tag[], p: PosSpec): number {
  if (p.kind === 'frac') return snap(text, Math.floor(p.v * (text.length + 1)));
  const tag = tags[p.tag % tags.length];
  return snap(text, (p.start ? tag.start : tag.end) + p.off);
}

/** Turns specs into non-overlapping changes; never two insertions at one offset (their order would be ambiguous). */
function realise(text: string, tags: readonly Tag[], specs: ReadonlyArray<{ a: PosSpec; b: PosSpec; text: string }>): TextChange[] {
  const bounds = specs.flatMap((sp) => [resolve(text, tags, sp.a), resolve(text, tags, sp.b)]).sort((x, y) => x - y);
  const out: TextChange[] = [];
  for (let i = 0; i < specs.length; i++) {
    const c = { start: bounds[2 * i], end: bounds[2 * i + 1], text: specs[i].text };
    const prev = out[out.length - 1];
    if (c.start === c.end && c.text === '') continue;
    if (prev && c.start === c.end && prev.start === prev.end && prev.start === c.start) continue;
    out.push(c);
  }
  return out;
}

function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const docSpec = fc.array(fc.constantFrom(...TOKENS), { minLength: 0, maxLength: 40 }).map((xs) => xs.join(''));
const tagSpecs = fc.array(fc.record({ a: fc.double({ min: 0, max: 1, noNaN: true }), b: fc.double({ min: 0, max: 1, noNaN: true }) }), { minLength: 1, maxLength: 6 });

function initialTags(text: string, specs: ReadonlyArray<{ a: number; b: number }>): Tag[] {
  return specs.map(({ a, b }) => {
    const x = snap(text, Math.floor(a * (text.length + 1)));
    const y = snap(text, Math.floor(b * (text.length + 1)));
    return tagAt(text, Math.min(x, y), Math.max(x, y));
  });
}

/**
 * The no-tag-lost property (the benchmark runs it 100,000 times through FC_RUNS): random sequences of inserts, deletes
 * and replacements (inside, across and at the boundaries of tags, with CRLF and astral characters) never lose a
 * tag, and the tags end up exactly where the cell model says.
 */
const noTagLost = fc.property(docSpec, tagSpecs, fc.array(eventSpec, { minLength: 1, maxLength: 8 }), (doc, tagSpec, events) => {
  let text = doc;
  const tags = initialTags(text, tagSpec);
  const ids = tags.map((t) => t.id);
  const cells: Cell[] = text.split('').map((ch) => ({ ch }));
  const model: ModelTag[] = tags.map((t) =>
    t.start < t.end ? { first: cells[t.start], last: cells[t.end - 1], point: 0, orphaned: false } : { first: null, last: null, point: t.start, orphaned: false },
  );
  for (const ev of events) {
    const changes = realise(text, tags, ev.changes);
    const quotesBefore = tags.map((t) => t.quote);
    const wasOrphaned = tags.map((t) => t.anchor.state === 'orphaned');
    // One by one, from the last change to the first, on copies of the tags.
    const oneByOne = tags.map((t) => ({ ...t, anchor: { ...t.anchor } }));
    for (const c of descending(changes)) applyChanges(oneByOne, [c]);
    // The whole event in one pass, in an arbitrary order.
    text = edit(text, tags, shuffled(changes, ev.shuffle));
    for (const c of descending(changes)) modelChange(cells, model, c);
    assert.equal(cells.map((c) => c.ch).join(''), text);
    assert.deepEqual(tags.map((t) => t.id), ids, 'no tag dropped or reordered');
    tags.forEach((tag, i) => {
      assert.deepEqual(extent(tag), extent(oneByOne[i]), 'one pass equals one by one');
      const [ms, me, mOrphaned] = modelExtent(cells, model[i]);
      assert.deepEqual([tag.start, tag.end], [ms, me], `tag ${i} where the model puts it`);
      assert.equal(tag.anchor.state === 'orphaned', mOrphaned, `tag ${i} orphaned iff all its text went`);
      assert.ok(0 <= tag.start && tag.start <= tag.end && tag.end <= text.length);
      assert.ok(!splitsPair(text, tag.start) && !splitsPair(text, tag.end), 'no boundary inside a surrogate pair');
      if (tag.anchor.state === 'orphaned') {
        assert.equal(tag.start, tag.end);
        assert.equal(tag.quote, quotesBefore[i], 'an orphan keeps the quote it had');
        if (!wasOrphaned[i]) assert.ok(quotesBefore[i].length > 0 || tag.quote === '');
      } else {
        assert.equal(tag.quote, text.slice(tag.start, tag.end));
        assert.equal(tag.quote, cells.slice(ms, me).map((c) => c.ch).join(''));
      }
    });
  }
});

suite('edits: properties', function () {
  // Scales with the number of runs (the benchmark asks for 100,000).
  this.timeout(Math.max(20000, RUNS * 10));
  test(`random edits never lose a tag, one pass equals one by one, extents follow the model (${RUNS} runs)`, () => {
    fc.assert(noTagLost, { numRuns: RUNS });
  });

  test(`undo restores every tag's extent (${RUNS} runs)`, () => {
    // Texts of distinct characters, so that an earlier quote occurs once and "restored" has one meaning.
    const uniqueDoc = fc
      .uniqueArray(fc.oneof(fc.integer({ min: 0x61, max: 0x7a }), fc.integer({ min: 0x4e00, max: 0x4e40 }), fc.integer({ min: 0x1f600, max: 0x1f640 })), { minLength: 2, maxLength: 40 })
      .chain((codes) => fc.nat({ max: codes.length }).map((at) => {
        const chars = codes.map((c) => String.fromCodePoint(c));
        chars.splice(at, 0, '\r\n');
        return chars.join('');
      }));
    fc.assert(
      fc.property(uniqueDoc, tagSpecs, eventSpec, (doc, tagSpec, ev) => {
        const tags = initialTags(doc, tagSpec).filter((t) => t.start < t.end);
        fc.pre(tags.length > 0);
        const original = tags.map(extent);
        const changes = realise(doc, tags, ev.changes);
        const history = new Map(tags.map((t) => [t.id, [t.quote]]));
        const after = edit(doc, tags, changes);
        for (const t of tags) if (t.anchor.state !== 'orphaned' && t.quote === history.get(t.id)?.[0]) history.set(t.id, []);
        const inverse = inverseOf(doc, changes);
        const undone = applyToText(after, inverse);
        assert.equal(undone, doc);
        applyChanges(tags, inverse);
        healAfterUndo(undone, tags, inverse, (t) => history.get(t.id) ?? []);
        assert.deepEqual(tags.map(extent), original);
      }),
      { numRuns: RUNS },
    );
  });
});
