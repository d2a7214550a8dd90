import * as assert from 'node:assert/strict';
import { createTag, quoteAt, trimRange } from '../../src/core/tags';
import { CONTEXT_LENGTH } from '../../src/core/model';

suite('tags', () => {
  const text = 'The mayor said the budget grew by 12 percent last year, the largest rise in a decade.';

  test('createTag records the quote, its context and an unreviewed status for claims', () => {
    const start = text.indexOf('the budget');
    const end = text.indexOf(',');
    const tag = createTag(text, { kind: 'claim', start, end, author: 'ana' });
    assert.equal(tag.quote, 'the budget grew by 12 percent last year');
    assert.equal(tag.prefix, 'The mayor said ');
    assert.equal(tag.suffix, text.slice(end, end + CONTEXT_LENGTH));
    assert.equal(tag.status, 'unreviewed');
    assert.equal(tag.author, 'ana');
    assert.deepEqual(tag.anchor, { state: 'anchored' });
    assert.match(tag.id, /^[0-9a-f-]{36}$/);
  });

  test('opinion tags carry no claim status', () => {
    assert.equal(createTag(text, { kind: 'opinion', start: 0, end: 3 }).status, undefined);
  });

  test('quoteAt clips the context at the text edges', () => {
    assert.deepEqual(quoteAt('abc', 0, 3), { quote: 'abc', prefix: '', suffix: '' });
  });

  test('trimRange drops surrounding white space and can leave an empty range', () => {
    assert.deepEqual(trimRange('  a b \n', 0, 7), { start: 2, end: 5 });
    assert.deepEqual(trimRange(' \t\n', 0, 3), { start: 3, end: 3 });
  });
});
