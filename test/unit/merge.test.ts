import * as assert from 'node:assert/strict';
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
