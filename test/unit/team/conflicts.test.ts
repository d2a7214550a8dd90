import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { CONFLICT_LABEL } from '../../../src/core/merge';
import { liveConflicts, resolveConflict } from '../../../src/core/team/conflicts';
import { parseSidecar } from '../../../src/core/sidecar/format';
import { ARTICLE, tagOf } from './fixtures';

const NOW = '2026-11-29T10:00:00.000Z';
const ours = () => tagOf('Critics called it reckless.', 'opinion', 'ana', { id: 'op1', note: 'ours', labels: ['keep'] });
const theirs = () => tagOf('Critics called it reckless.', 'opinion', 'ben', { id: 'op1-b', note: 'theirs', labels: ['x', CONFLICT_LABEL] });
const other = () => tagOf('Turnout was 41 percent.', 'claim', 'ana', { id: 'c2' });
const entry = { id: 'op1', otherId: 'op1-b' };

suite('team: merge conflicts in a sidecar', () => {
  test('liveConflicts keeps standing pairs once and drops those whose tag was deleted', () => {
    const tags = [ours(), theirs(), other()];
    const list = [entry, { ...entry }, { id: 'c2', otherId: 'gone' }, { id: 'c2', otherId: 'c2' }];
    assert.deepEqual(liveConflicts(list, tags), [entry]);
    assert.deepEqual(liveConflicts(list, [ours(), other()]), []);
  });

  test('the quick, unvalidated read keeps well-formed conflict entries only', () => {
    const loose = (body: string) => {
      const r = parseSidecar(`{"format":"claim-tagger/tags","version":1,"document":"a.md","textHash":"","tags":[]${body}}`, undefined, { validate: false });
      return r.ok ? r.sidecar.conflicts : 'error';
    };
    assert.deepEqual(loose(',"conflicts":[{"id":"a","otherId":"b"},{"id":"a"},{"id":"<x>","otherId":"b"},7]'), [{ id: 'a', otherId: 'b' }]);
    assert.equal(loose(''), undefined);
    assert.equal(loose(',"conflicts": {"id":"a"}'), undefined);
  });

  test('keep this: the other version goes, ours stays without the conflict label, the entry is dropped', () => {
    const r = resolveConflict([ours(), theirs(), other()], [entry], entry, 'this', NOW);
    assert.deepEqual(r.tags.map((t) => [t.id, t.note, t.labels]), [['op1', 'ours', ['keep']], ['c2', undefined, undefined]]);
    assert.deepEqual(r.conflicts, []);
    assert.equal(r.tags[0].modified, NOW);
  });

  test('keep other: its content under the original id, the copy removed, its conflict label dropped', () => {
    const r = resolveConflict([ours(), theirs(), other()], [entry], entry, 'other', NOW);
    assert.deepEqual(r.tags.map((t) => [t.id, t.note, t.author, t.labels]), [['op1', 'theirs', 'ben', ['x']], ['c2', undefined, 'ana', undefined]]);
    assert.deepEqual(r.conflicts, []);
  });

  test('keep both: two tags, neither labelled, no entry', () => {
    const r = resolveConflict([ours(), theirs()], [entry, { id: 'x', otherId: 'y' }], entry, 'both', NOW);
    assert.deepEqual(r.tags.map((t) => [t.id, t.labels]), [['op1', ['keep']], ['op1-b', ['x']]]);
    assert.deepEqual(r.conflicts, [], 'entries whose tags are missing go too');
  });

  test('an entry that is not listed, or whose tag is missing, is refused with a message naming both ids', () => {
    assert.throws(() => resolveConflict([ours(), theirs()], [], entry, 'this'), /op1 and op1-b/);
    assert.throws(() => resolveConflict([ours()], [entry], entry, 'this'), /op1 and op1-b/);
  });

  test('property: resolving removes exactly the entry and never touches unrelated tags', () => {
    fc.assert(fc.property(fc.constantFrom('this' as const, 'other' as const, 'both' as const), fc.integer({ min: 0, max: 5 }), (choice, extra) => {
      const rest = Array.from({ length: extra }, (_, i) => tagOf('Turnout was 41 percent.', 'claim', 'ana', { id: `e${i}` }));
      const before = [ours(), theirs(), ...rest];
      const r = resolveConflict(before, [entry], entry, choice, NOW);
      assert.equal(r.tags.length, before.length - (choice === 'both' ? 0 : 1));
      for (const t of rest) assert.deepEqual(r.tags.find((x) => x.id === t.id), t);
      assert.ok(r.tags.every((t) => !t.labels?.includes(CONFLICT_LABEL)));
      assert.deepEqual(r.conflicts, []);
      assert.ok(ARTICLE.includes(r.tags[0].quote));
    }));
  });
});
