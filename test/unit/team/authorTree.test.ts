import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { ReviewDocument } from '../../../src/core/review/model';
import { NO_AUTHOR } from '../../../src/core/team/annotators';
import { authorCounts, describeAuthorCounts, tagsOfAuthor } from '../../../src/core/team/authorTree';
import { tagOf } from './fixtures';

function docs(): ReviewDocument[] {
  return [
    { key: 'file:///b.md', name: 'b.md', sidecar: '', detached: false, tags: [
      tagOf('Turnout was 41 percent.', 'claim', 'ana'),
      tagOf('reckless', 'opinion', 'ben'),
      tagOf('The council approved the budget', 'claim', 'ana'),
    ] },
    { key: 'file:///a.md', name: 'a.md', sidecar: '', detached: false, tags: [tagOf('reckless', 'opinion', 'ana'), tagOf('The mayor said', 'attribution')] },
    { key: 'file:///gone.md', name: 'gone.md', sidecar: '', detached: true, tags: [tagOf('reckless', 'opinion', 'cora')] },
  ];
}

suite('team: Tags view by author', () => {
  test('per-author counts, most first; tags with no author counted apart; detached documents left out', () => {
    assert.deepEqual(authorCounts(docs()), [{ author: 'ana', count: 3 }, { author: NO_AUTHOR, count: 1 }, { author: 'ben', count: 1 }]);
    assert.equal(describeAuthorCounts(authorCounts(docs())), `ana 3 · ${NO_AUTHOR} 1 · ben 1`);
  });

  test('the view filter applies to the counts and the rows', () => {
    assert.deepEqual(authorCounts(docs(), { kinds: ['claim'] }), [{ author: 'ana', count: 2 }]);
    const rows = tagsOfAuthor(docs(), 'ana', { kinds: ['opinion', 'claim'] });
    assert.deepEqual(rows.map((r) => [r.doc.name, r.tags.map((t) => t.quote)]), [['a.md', ['reckless']], ['b.md', ['The council approved the budget', 'Turnout was 41 percent.']]]);
  });

  test('property: the counts add up to the tags of every author, and each row set matches its count', () => {
    const authors = fc.constantFrom('ana', 'ben', undefined, ' ');
    fc.assert(fc.property(fc.array(fc.tuple(authors, fc.constantFrom('claim', 'opinion')), { maxLength: 30 }), (spec) => {
      const d: ReviewDocument = { key: 'k', name: 'n', sidecar: '', detached: false, tags: spec.map(([a, k], i) => tagOf('reckless', k, a, { id: `t${i}` })) };
      const counts = authorCounts([d]);
      assert.equal(counts.reduce((n, c) => n + c.count, 0), spec.length);
      for (const c of counts) assert.equal(tagsOfAuthor([d], c.author).flatMap((r) => r.tags).length, c.count);
    }));
  });
});
