import * as assert from 'node:assert/strict';
import { CONFLICT_LABEL } from '../../../src/core/merge';
import { parseSidecar } from '../../../src/core/sidecar/format';
import { mergeSidecarTexts } from '../../../src/core/team/mergeFiles';
import { serializeTeamSidecar } from '../../../src/core/team/serialize';
import { TeamSidecar } from '../../../src/core/team/types';
import { ARTICLE, sidecarOf, sidecarText, tagOf } from './fixtures';

const a = tagOf('The council approved the budget on Monday.', 'claim', 'ana');
const b = tagOf('reckless', 'opinion', 'ana');

function merged(base: string, ours: string, theirs: string): TeamSidecar {
  const r = mergeSidecarTexts(base, ours, theirs);
  assert.ok(r.ok, JSON.stringify(r));
  const read = parseSidecar(r.text);
  assert.ok(read.ok, 'the merged file passes the schema');
  return read.sidecar as TeamSidecar;
}

suite('team: merging sidecar files (git merge driver core)', () => {
  test('additions of both sides kept; one-sided edits taken; both-sided edits kept twice and listed', () => {
    const base = sidecarText([a, b]);
    const c = tagOf('Turnout was 41 percent.', 'claim', 'ana');
    const d = tagOf('The mayor said', 'attribution', 'ben');
    const ours = sidecarText([{ ...a, note: 'ana: minutes p. 3' }, b, c]);
    const theirs = sidecarText([{ ...a, note: 'ben: vote 7-2' }, { ...b, note: 'strong' }, d]);
    const m = merged(base, ours, theirs);
    const byId = new Map(m.tags.map((t) => [t.id, t]));
    for (const t of [a, b, c, d]) assert.ok(byId.has(t.id), t.quote);
    assert.equal(byId.get(b.id)!.note, 'strong');
    assert.equal(byId.get(a.id)!.note, 'ana: minutes p. 3');
    assert.equal(m.conflicts?.length, 1);
    const other = byId.get(m.conflicts![0].otherId)!;
    assert.equal(m.conflicts![0].id, a.id);
    assert.equal(other.note, 'ben: vote 7-2');
    assert.ok(other.labels?.includes(CONFLICT_LABEL));
    assert.equal(m.tags.length, 5);
  });

  test('deleted on one side, edited on the other: kept', () => {
    const m = merged(sidecarText([a, b]), sidecarText([a]), sidecarText([a, { ...b, status: undefined, note: 'keep me' }]));
    assert.equal(m.tags.find((t) => t.id === b.id)?.note, 'keep me');
    const gone = merged(sidecarText([a, b]), sidecarText([a]), sidecarText([a, b]));
    assert.deepEqual(gone.tags.map((t) => t.id), [a.id], 'deleted on one side, untouched on the other: deleted');
  });

  test('the same merge twice gives the same bytes (rebase, cherry-pick)', () => {
    const base = sidecarText([a]);
    const ours = sidecarText([{ ...a, note: 'x' }]);
    const theirs = sidecarText([{ ...a, note: 'y' }]);
    const r1 = mergeSidecarTexts(base, ours, theirs);
    const r2 = mergeSidecarTexts(base, ours, theirs);
    assert.ok(r1.ok && r2.ok);
    assert.equal(r1.text, r2.text);
    const replay = mergeSidecarTexts(base, r1.text, theirs);
    assert.ok(replay.ok);
    assert.equal(replay.text, r1.text, 'merging their side again changes nothing');
  });

  test('no common ancestor (added on both branches): the union', () => {
    const m = merged('', sidecarText([a]), sidecarText([b]));
    assert.deepEqual(new Set(m.tags.map((t) => t.id)), new Set([a.id, b.id]));
  });

  test('different article texts: offsets are not trusted, the hash makes readers re-anchor', () => {
    const r = mergeSidecarTexts(sidecarText([a]), sidecarText([a]), sidecarText([a, b], ARTICLE + 'More.\n'));
    assert.ok(r.ok);
    assert.equal(r.textChanged, true);
    const hash = JSON.parse(r.text).textHash;
    assert.match(hash, /^sha256:[0-9a-f]{64}$/);
    assert.notEqual(hash, sidecarOf([]).textHash);
    assert.notEqual(hash, sidecarOf([], ARTICLE + 'More.\n').textHash);
  });

  test('dismissals: union, minus one taken back', () => {
    const d1 = { rule: 'opinion.booster', term: 'very' };
    const d2 = { rule: 'claim.number', term: '41', start: 1, end: 3 };
    const d3 = { rule: 'opinion.hedge', term: 'maybe' };
    const s = (ds: typeof d1[]) => serializeTeamSidecar({ ...sidecarOf([a]), dismissed: ds });
    const m = merged(s([d1, d2]), s([d1, d2, d3]), s([d1]));
    assert.deepEqual(m.dismissed?.map((d) => d.term), ['very', 'maybe']);
  });

  test('corrupt, foreign or newer-version input is refused, naming the side and the position', () => {
    const ok = sidecarText([a]);
    const broken = mergeSidecarTexts(ok, ok, ok.replace('"tags": [', '"tags": [,'));
    assert.ok(!broken.ok);
    assert.equal(broken.side, 'theirs');
    assert.equal(typeof broken.line, 'number');
    const foreign = mergeSidecarTexts(ok, '{"format":"other"}', ok);
    assert.ok(!foreign.ok && foreign.side === 'ours');
    const newer = mergeSidecarTexts(ok.replace('"version": 1', '"version": 2'), ok, ok);
    assert.ok(!newer.ok && newer.side === 'base' && /version 2/.test(newer.message));
    const empty = mergeSidecarTexts(ok, '', ok);
    assert.ok(!empty.ok && empty.side === 'ours');
  });

  test('team fields round-trip: derivedFrom and conflicts survive a merge that does not touch them', () => {
    const curated = { ...tagOf('Critics called it reckless.', 'opinion', 'cora'), derivedFrom: [b.id] };
    const text = serializeTeamSidecar({ ...sidecarOf([a]), tags: [a, curated], conflicts: [] });
    assert.match(text, /"derivedFrom": \[\n\s+"/);
    const m = merged(text, text, text);
    assert.deepEqual((m.tags.find((t) => t.id === curated.id) as { derivedFrom?: string[] }).derivedFrom, [b.id]);
    const r = mergeSidecarTexts(text, text, text);
    assert.ok(r.ok && r.text === text, 'byte for byte');
  });
});
