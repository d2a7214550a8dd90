import * as assert from 'node:assert/strict';
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
