import * as assert from 'node:assert/strict';
import { Tag } from '../../../src/core/model';
import { curate, curateItem, curationItems } from '../../../src/core/team/curate';
import { ARTICLE, tagOf } from './fixtures';

const now = new Date('2026-11-29T08:00:00Z');
const opts = { curator: 'cora', text: ARTICLE, now };

suite('team: curation', () => {
  const anaClaim = tagOf('The council approved the budget on Monday.', 'claim', 'ana', { status: 'verified', note: 'minutes' });
  const benClaim = tagOf('The council approved the budget', 'claim', 'ben', { status: 'disputed', note: 'vote 7-2', links: ['https://example.org/v'] });
  const anaOpinion = tagOf('reckless', 'opinion', 'ana');
  const benOpinion = { ...tagOf('reckless', 'opinion', 'ben'), id: 'ben-op' };
  const benOnly = tagOf('The mayor said', 'attribution', 'ben');
  const annotators = new Map<string, Tag[]>([['ana', [anaClaim, anaOpinion]], ['ben', [benClaim, benOpinion, benOnly]]]);

  test('items: overlapping same-kind tags grouped; agreement only when every annotator tagged the same', () => {
    const items = curationItems(annotators);
    assert.deepEqual(items.map((i) => [i.kind, i.agreed, i.versions.map((v) => v.tags.length)]), [
      ['claim', false, [1, 1]],
      ['opinion', true, [1, 1]],
      ['attribution', false, [0, 1]],
    ]);
    // A long span overlapping two short ones of another annotator is one item.
    const long = tagOf('Critics called it reckless.', 'opinion', 'ana');
    const two = new Map([['ana', [long]], ['ben', [tagOf('Critics', 'opinion', 'ben'), tagOf('reckless', 'opinion', 'ben')]]]);
    assert.equal(curationItems(two).length, 1);
  });

  test('accept, merge and reject: new tags by the curator with derivedFrom; the annotators\' tags untouched', async () => {
    const before = JSON.stringify([...annotators]);
    const items = curationItems(annotators);
    const decisions = [{ action: 'merge' as const }, { action: 'reject' as const }];
    const out = (await curate(items, (_it, i) => decisions[i], opts))!;
    assert.equal(out.length, 2);
    const [claim, opinion] = out;
    assert.deepEqual([claim.start, claim.end, claim.quote], [anaClaim.start, anaClaim.end, anaClaim.quote], 'union of the spans');
    assert.equal(claim.status, 'verified');
    assert.equal(claim.note, 'minutes\n\nvote 7-2');
    assert.deepEqual(claim.links, ['https://example.org/v']);
    assert.deepEqual(claim.derivedFrom, [anaClaim.id, benClaim.id]);
    assert.equal(claim.author, 'cora');
    assert.ok(![anaClaim.id, benClaim.id].includes(claim.id));
    assert.deepEqual(opinion.derivedFrom, [anaOpinion.id, 'ben-op'], 'agreed items are taken as they are');
    assert.equal(JSON.stringify([...annotators]), before);
    const accepted = curateItem(items[0], { action: 'accept', tagId: benClaim.id }, opts)!;
    assert.deepEqual([accepted.quote, accepted.status, accepted.derivedFrom], ['The council approved the budget', 'disputed', [benClaim.id]]);
    assert.equal(curateItem(items[0], { action: 'merge', status: 'false' }, opts)!.status, 'false');
  });

  test('stopping at a decision returns nothing', async () => {
    assert.equal(await curate(curationItems(annotators), () => undefined, opts), undefined);
  });
});
