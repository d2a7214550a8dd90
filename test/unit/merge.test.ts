import * as assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { CONFLICT_LABEL, mergeTags } from '../../src/core/merge';
import { Tag } from '../../src/core/model';
import { createTag } from '../../src/core/tags';

const TEXT = 'One two three four five six seven eight nine ten.';
const tag = (start: number, end: number, note?: string): Tag => createTag(TEXT, { kind: 'claim', start, end, note });
const clone = <T>(v: T): T => structuredClone(v);

suite('three-way merge of tags', () => {
  test('takes each side\'s own changes', () => {
    const a = tag(0, 3);
    const b = tag(4, 7);
    const base = [a, b];
    const ours = clone(base);
    ours[0].note = 'ours';
    const theirs = clone(base);
    theirs[1].status = 'verified';
    const m = mergeTags(base, ours, theirs);
    assert.deepEqual(m.conflicts, []);
    assert.equal(m.tags.find((t) => t.id === a.id)!.note, 'ours');
    assert.equal(m.tags.find((t) => t.id === b.id)!.status, 'verified');
    assert.ok(m.fromTheirs.has(b.id) && !m.fromTheirs.has(a.id));
  });

  test('keeps additions from both sides', () => {
    const base = [tag(0, 3)];
    const mine = tag(4, 7);
    const other = tag(8, 13);
    const m = mergeTags(base, [...clone(base), mine], [...clone(base), other]);
    assert.deepEqual(new Set(m.tags.map((t) => t.id)), new Set([base[0].id, mine.id, other.id]));
  });

  test('a deletion on one side wins only over an unchanged tag', () => {
    const a = tag(0, 3);
    const b = tag(4, 7);
    const base = [a, b];
    const ours = clone(base).filter((t) => t.id !== a.id); // we deleted a
    const theirs = clone(base);
    theirs[0].note = 'edited there'; // they edited a
    theirs.splice(1, 1); // they deleted b (we left it alone)
    const m = mergeTags(base, ours, theirs);
    assert.deepEqual(m.tags.map((t) => [t.id, t.note]), [[a.id, 'edited there']]);
  });

  test('edits to the same tag on both sides keep both versions', () => {
    const a = tag(0, 3);
    const ours = [clone(a)];
    ours[0].note = 'ours';
    const theirs = [clone(a)];
    theirs[0].note = 'theirs';
    const m = mergeTags([a], ours, theirs);
    assert.equal(m.tags.length, 2);
    assert.equal(m.conflicts.length, 1);
    const copy = m.tags.find((t) => t.id === m.conflicts[0].theirsId)!;
    assert.equal(copy.note, 'theirs');
    assert.ok(copy.labels?.includes(CONFLICT_LABEL));
    assert.equal(m.tags.find((t) => t.id === a.id)!.note, 'ours');
  });

  test("an attribution's source moving with the text is not a conflict", () => {
    const a = { ...tag(0, 3), kind: 'attribution', source: { start: 4, end: 7, quote: 'two' } };
    const ours = [{ ...clone(a), source: { start: 14, end: 17, quote: 'two' } }];
    const theirs = [{ ...clone(a), note: 'checked' }];
    const m = mergeTags([a], ours, theirs);
    assert.deepEqual(m.conflicts, []);
    assert.equal(m.tags.length, 1);
    assert.equal(m.tags[0].note, 'checked');
  });

  test('positions moved by edits are not conflicts', () => {
    const a = tag(0, 3);
    const ours = [{ ...clone(a), start: 10, end: 13 }];
    const theirs = [{ ...clone(a), note: 'n' }];
    const m = mergeTags([a], ours, theirs);
    assert.equal(m.conflicts.length, 0);
    assert.equal(m.tags[0].note, 'n');
  });
});

suite('three-way merge of tags: options of the git merge driver', () => {
  test('spans: a re-pin on one side is taken when the text is the same everywhere', () => {
    const a = tag(0, 3);
    const theirs = [{ ...clone(a), start: 4, end: 7, quote: 'two' }];
    const without = mergeTags([a], [clone(a)], theirs);
    assert.equal(without.tags[0].start, 0, 'by default positions follow the text and are not compared');
    const withSpans = mergeTags([a], [clone(a)], theirs, { spans: true });
    assert.deepEqual([withSpans.tags[0].start, withSpans.tags[0].quote], [4, 'two']);
  });

  test('conflictId names their version; the same merge twice adds it once', () => {
    const a = tag(0, 3);
    const ours = [{ ...clone(a), note: 'ours' }];
    const theirs = [{ ...clone(a), note: 'theirs' }];
    const m = mergeTags([a], ours, theirs, { conflictId: (o, t) => `${o.id}-${t.note}` });
    assert.deepEqual(m.tags.map((t) => t.id).sort(), [a.id, `${a.id}-theirs`].sort());
    // Replaying: our side already holds the copy from the first merge.
    const again = mergeTags([a], m.tags, theirs, { conflictId: (o, t) => `${o.id}-${t.note}` });
    assert.equal(again.tags.length, 2);
    assert.deepEqual(again.conflicts, [{ id: a.id, theirsId: `${a.id}-theirs` }]);
  });

  test('every tag of either side survives unless the other side deleted it unchanged (property)', () => {
    fc.assert(fc.property(
      fc.array(fc.record({ inBase: fc.boolean(), ours: fc.constantFrom('keep', 'edit', 'delete'), theirs: fc.constantFrom('keep', 'edit', 'delete') }), { maxLength: 12 }),
      (plan) => {
        const base: Tag[] = [];
        const ours: Tag[] = [];
        const theirs: Tag[] = [];
        plan.forEach((p, i) => {
          const t = tag(i, i + 1);
          if (p.inBase) base.push(t);
          const side = (what: string, name: string, into: Tag[]) => {
            if (what === 'delete' && p.inBase) return;
            into.push(what === 'edit' ? { ...clone(t), note: name } : clone(t));
          };
          side(p.ours, 'ours', ours);
          side(p.theirs, 'theirs', theirs);
        });
        const m = mergeTags(base, ours, theirs);
        const ids = new Set(m.tags.map((t) => t.id));
        for (const t of ours) if (t.note || !p(t).inBase || theirs.some((x) => x.id === t.id)) assert.ok(ids.has(t.id));
        for (const t of theirs) if (t.note || !p(t).inBase) assert.ok(ids.has(t.id) || m.conflicts.some((c) => c.id === t.id));
        assert.equal(new Set(m.tags.map((t) => t.id)).size, m.tags.length, 'ids stay unique');
        function p(t: Tag) {
          return plan[t.start];
        }
      },
    ));
  });
});

suite('three-way merge of tags: a person\'s re-pin and re-placed tags', () => {
  const RE = 'Officials said the bridge opens in May. The mayor disagreed sharply.';
  const orphan = (): Tag => ({ ...createTag(RE, { kind: 'claim', start: RE.indexOf('The mayor'), end: RE.length }), anchor: { state: 'orphaned' }, modified: '2026-01-01T00:00:00.000Z' });
  const repinned = (t: Tag, quote: string, modified: string): Tag => ({ ...clone(t), start: 40, end: 40 + quote.length, quote, anchor: { state: 'anchored' }, modified });

  test('their re-pin of an orphaned tag is taken while we hold other unsaved changes (the review\'s probe)', () => {
    const t1 = orphan();
    const theirs = [repinned(t1, 'The city council voted against it.', '2026-01-02T00:00:00.000Z')];
    const t2 = createTag(RE, { kind: 'claim', start: 0, end: 9 });
    const m = mergeTags([t1], [clone(t1), t2], theirs);
    const got = m.tags.find((t) => t.id === t1.id)!;
    assert.deepEqual([got.anchor.state, got.quote], ['anchored', 'The city council voted against it.']);
    assert.ok(m.fromTheirs.has(t1.id), 'their version is re-anchored on our text');
    assert.ok(m.tags.some((t) => t.id === t2.id));
    assert.deepEqual(m.conflicts, []);
  });

  test('our re-pin is kept over their unchanged orphan', () => {
    const t1 = orphan();
    const ours = [repinned(t1, 'The city council voted against it.', '2026-01-02T00:00:00.000Z')];
    const m = mergeTags([t1], ours, [clone(t1)]);
    assert.deepEqual(m.tags, ours);
  });

  test('their re-pin survives our deletion; our deletion wins over a tag they only saw placed again', () => {
    const t1 = orphan();
    const pinned = repinned(t1, 'The city council voted against it.', '2026-01-02T00:00:00.000Z');
    assert.deepEqual(mergeTags([t1], [], [pinned]).tags, [pinned]);
    const placed = { ...clone(t1), anchor: { state: 'anchored' as const } };
    assert.deepEqual(mergeTags([t1], [], [placed]).tags, []);
  });

  test('a tag placed again by its text alone is taken over an unchanged one, and loses to a person\'s change', () => {
    const t1 = orphan();
    const placed = { ...clone(t1), anchor: { state: 'anchored' as const } };
    const m = mergeTags([t1], [clone(t1)], [placed]);
    assert.equal(m.tags[0].anchor.state, 'anchored');
    assert.ok(m.fromTheirs.has(t1.id));
    const edited = { ...clone(t1), note: 'checked', modified: '2026-01-02T00:00:00.000Z' };
    const n = mergeTags([t1], [placed], [edited]);
    assert.deepEqual([n.tags.length, n.tags[0].note, n.conflicts.length], [1, 'checked', 0]);
  });

  test('a re-pin on both sides to different places keeps both versions as a conflict', () => {
    const t1 = orphan();
    const ours = [repinned(t1, 'Officials said', '2026-01-02T00:00:00.000Z')];
    const theirs = [repinned(t1, 'The city council voted against it.', '2026-01-03T00:00:00.000Z')];
    const m = mergeTags([t1], ours, theirs);
    assert.equal(m.conflicts.length, 1);
    assert.deepEqual(m.tags.map((t) => t.quote), ['Officials said', 'The city council voted against it.']);
    assert.ok(m.tags[1].labels?.includes(CONFLICT_LABEL));
  });

  test('the same edit on both sides at different times is no conflict', () => {
    const a = tag(0, 3);
    const ours = [{ ...clone(a), note: 'same', modified: '2026-01-02T00:00:00.000Z' }];
    const theirs = [{ ...clone(a), note: 'same', modified: '2026-01-03T00:00:00.000Z' }];
    const m = mergeTags([a], ours, theirs);
    assert.deepEqual([m.tags.length, m.conflicts.length], [1, 0]);
  });

  test('the same tag placed on two versions of the text (no base: git add/add; an emptied base) is no conflict', () => {
    const a = tag(0, 3);
    const elsewhere = { ...clone(a), start: 4, end: 7, quote: 'two', anchor: { state: 'fuzzy' as const } };
    for (const base of [[], [clone(a)]]) {
      const m = mergeTags(base, [clone(a)], [elsewhere]);
      assert.deepEqual([m.tags.length, m.conflicts.length, m.tags[0].quote], [1, 0, a.quote]);
    }
    // The same content from two different actions (different times) in different places is still a conflict.
    const pinned = { ...elsewhere, modified: '2026-01-03T00:00:00.000Z' };
    assert.equal(mergeTags([], [clone(a)], [pinned]).conflicts.length, 1);
  });

  test('theirPlacement: their placement on the same text is taken where no person changed the tag, never over a person\'s change', () => {
    const a = tag(0, 3);
    const reSpot = { ...clone(a), start: 4, end: 7, quote: 'two', anchor: { state: 'fuzzy' as const } };
    const exact = { ...clone(a), start: 0, end: 13, quote: 'One two three', anchor: { state: 'anchored' as const } };
    const m = mergeTags([clone(a)], [reSpot], [exact], { theirPlacement: true });
    assert.deepEqual([m.tags[0].quote, m.tags[0].anchor.state, m.fromTheirs.has(a.id)], ['One two three', 'anchored', true]);
    assert.equal(mergeTags([clone(a)], [reSpot], [exact]).tags[0].quote, 'two', 'without the option ours stays');
    const noted = { ...reSpot, note: 'mine', modified: '2026-01-05T00:00:00.000Z' };
    assert.equal(mergeTags([clone(a)], [noted], [exact], { theirPlacement: true }).tags[0].note, 'mine', 'a person\'s change stays');
  });

  test('a person\'s change on one side is never lost, whatever the other side did (property)', () => {
    const actions = ['keep', 'edit', 'repin', 'place', 'delete'] as const;
    type Action = (typeof actions)[number];
    fc.assert(fc.property(
      fc.array(fc.record({ inBase: fc.boolean(), orphaned: fc.boolean(), ours: fc.constantFrom(...actions), theirs: fc.constantFrom(...actions) }), { maxLength: 10 }),
      (plan) => {
        const base: Tag[] = [];
        const sides: Record<'ours' | 'theirs', Tag[]> = { ours: [], theirs: [] };
        const personal: Tag[] = [];
        plan.forEach((p, i) => {
          const made = tag(i, i + 2);
          const t: Tag = p.orphaned ? { ...made, anchor: { state: 'orphaned' } } : made;
          if (p.inBase) base.push(t);
          for (const side of ['ours', 'theirs'] as const) {
            const what: Action = p[side];
            if (what === 'delete' && p.inBase) continue;
            const when = `2026-02-0${side === 'ours' ? 1 : 2}T00:00:00.000Z`;
            let v = clone(t);
            if (what === 'edit') v = { ...v, note: side, modified: when };
            const at = (side === 'ours' ? 20 : 30) + i; // each side pins it elsewhere
            if (what === 'repin') v = { ...v, start: at, end: at + 4, quote: TEXT.slice(at, at + 4), anchor: { state: 'anchored' }, modified: when };
            if (what === 'place') v = { ...v, anchor: { state: 'anchored' } };
            sides[side].push(v);
            if (what === 'edit' || what === 'repin') personal.push(v);
          }
        });
        const m = mergeTags(base, sides.ours, sides.theirs);
        // Their version of a both-sides change is kept beside ours under a new id, labelled as a conflict.
        const strip = (t: Tag) => {
          const labels = t.labels?.filter((l) => l !== CONFLICT_LABEL);
          return { ...t, id: '', labels: labels?.length ? labels : undefined };
        };
        for (const v of personal) {
          const copies = new Set(m.conflicts.filter((c) => c.id === v.id).map((c) => c.theirsId));
          const kept = m.tags.some((t) => (t.id === v.id || copies.has(t.id)) && isDeepStrictEqual(strip(t), strip(v)));
          assert.ok(kept, `${v.id} as changed by a person is in the merge`);
        }
        assert.equal(new Set(m.tags.map((t) => t.id)).size, m.tags.length, 'ids stay unique');
      },
    ));
  });
});
