import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { AnchorResult, applyAnchorResults, reanchor } from '../../../src/core/anchor';
import { contextScore, similarity } from '../../../src/core/anchor/context';
import { Tag } from '../../../src/core/model';
import { createTag } from '../../../src/core/tags';

const RUNS = Number(process.env.FC_RUNS) || 300;

function tagOf(text: string, quote: string, occurrence = 0): Tag {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(quote, start + 1);
  assert.ok(start >= 0, `fixture: ${quote} not in text`);
  return createTag(text, { kind: 'claim', start, end: start + quote.length, now: new Date(0) });
}

function placed(r: AnchorResult, text: string): string | null {
  return r.start === null || r.end === null ? null : text.slice(r.start, r.end);
}

const ARTICLE = [
  'The mayor said on Tuesday that the budget grew by 12 percent last year, the largest rise in a decade.',
  'Critics said the budget grew because of one-off grants from the regional government, not local taxes.',
  'According to the treasurer, debt service now takes 9 percent of revenue, up from 6 percent in 2019.',
  'Residents interviewed outside city hall were sceptical: "Nobody here has seen the money," one said.',
].join('\n\n');

suite('anchor: reanchor', () => {
  test('unchanged text: every tag anchored in place with confidence 1', () => {
    const tags = [tagOf(ARTICLE, 'the budget grew by 12 percent'), tagOf(ARTICLE, 'the budget grew', 0)];
    const results = reanchor(ARTICLE, tags);
    assert.deepEqual(results.map((r) => [r.id, r.start, r.end, r.state, r.confidence]), tags.map((t) => [t.id, t.start, t.end, 'anchored', 1]));
  });

  test('text inserted before: moved to the exact new offsets, results in input order', () => {
    const tags = [tagOf(ARTICLE, 'debt service now takes 9 percent of revenue'), tagOf(ARTICLE, 'the largest rise in a decade')];
    const text = 'UPDATED 14:05. ' + ARTICLE;
    const results = reanchor(text, tags);
    assert.deepEqual(results.map((r) => [r.state, r.start]), [['moved', tags[0].start + 15], ['moved', tags[1].start + 15]]);
    assert.equal(placed(results[0], text), tags[0].quote);
  });

  test('a repeated quote is told apart by its prefix and suffix, not just by nearness', () => {
    const second = tagOf(ARTICLE, 'the budget grew', 1);
    // A long insertion just before the second occurrence makes the first one nearer to the old offset.
    const at = ARTICLE.indexOf('Critics');
    const text = ARTICLE.slice(0, at) + 'x'.repeat(400) + ' ' + ARTICLE.slice(at);
    const [r] = reanchor(text, [second]);
    assert.equal(r.state, 'moved');
    assert.equal(r.start, second.start + 401);
  });

  test('an edited quote is placed fuzzily over its new text with a confidence below 1', () => {
    const tag = tagOf(ARTICLE, 'debt service now takes 9 percent of revenue');
    const text = ARTICLE.replace('9 percent of revenue', 'nine per cent of revenue');
    const [r] = reanchor(text, [tag]);
    assert.equal(r.state, 'fuzzy');
    assert.ok(r.confidence > 0.6 && r.confidence < 1, String(r.confidence));
    assert.match(placed(r, text) ?? '', /^debt service now takes nine per cent of revenue/);
  });

  test('a tag cut at one end is placed on what is left of it', () => {
    const tag = tagOf(ARTICLE, 'Critics said the budget grew because of one-off grants from the regional government');
    const text = ARTICLE.replace('Critics said the budget grew because of ', '');
    const [r] = reanchor(text, [tag]);
    assert.notEqual(r.state, 'orphaned');
    assert.equal(placed(r, text), 'one-off grants from the regional government');
  });

  test('a paragraph moved far away and edited is still found', () => {
    const tag = tagOf(ARTICLE, 'were sceptical: "Nobody here has seen the money," one said.');
    const paragraphs = ARTICLE.split('\n\n');
    const moved = paragraphs[3].replace('Nobody here', 'No one here');
    const filler = Array.from({ length: 300 }, (_, i) => `Filler sentence number ${i} about zoning.`).join(' ');
    const text = [moved, filler, ...paragraphs.slice(0, 3)].join('\n\n');
    const [r] = reanchor(text, [tag]);
    assert.equal(r.state, 'fuzzy');
    assert.equal(placed(r, text), 'were sceptical: "No one here has seen the money," one said.');
  });

  test('a deleted quote is orphaned with null offsets; minConfidence decides borderline cases', () => {
    const gone = tagOf(ARTICLE, 'Residents interviewed outside city hall');
    const edited = tagOf(ARTICLE, 'debt service now takes 9 percent of revenue');
    const text = ARTICLE.replace('Residents interviewed outside city hall were', 'They were').replace('9 percent', 'nine per cent');
    const [r1, r2] = reanchor(text, [gone, edited]);
    assert.deepEqual([r1.start, r1.end, r1.state, r1.confidence], [null, null, 'orphaned', 0]);
    assert.equal(r2.state, 'fuzzy');
    assert.equal(reanchor(text, [edited], { minConfidence: 0.99 })[0].state, 'orphaned');
  });

  test('an orphaned tag whose quote is back is re-anchored', () => {
    const tag = tagOf(ARTICLE, 'the largest rise in a decade');
    tag.start = tag.end = 3;
    tag.anchor = { state: 'orphaned' };
    const [r] = reanchor(ARTICLE, [tag]);
    assert.equal(r.state, 'moved');
    assert.equal(placed(r, ARTICLE), 'the largest rise in a decade');
  });

  test('offsets beyond the end of a shorter text do not throw', () => {
    const tag = tagOf(ARTICLE, 'one said.');
    const text = ARTICLE.slice(0, 200);
    const [r] = reanchor(text, [tag]);
    assert.equal(r.state, 'orphaned');
  });
});

suite('anchor: applyAnchorResults', () => {
  test('places tags, refreshes quote and context, keeps orphans whole', () => {
    const a = tagOf(ARTICLE, 'debt service now takes 9 percent of revenue');
    const b = tagOf(ARTICLE, 'Residents interviewed outside city hall');
    const c = tagOf(ARTICLE, 'The mayor said');
    const text = 'Update. ' + ARTICLE.replace('9 percent', 'nine per cent').replace('Residents interviewed outside city hall were', 'They were');
    const tags = [a, b, c];
    const oldB = { ...b };
    applyAnchorResults(text, tags, reanchor(text, tags));
    assert.equal(a.anchor.state, 'fuzzy');
    assert.ok((a.anchor.confidence ?? 0) > 0.6);
    assert.equal(a.quote, text.slice(a.start, a.end));
    assert.equal(a.prefix, text.slice(Math.max(0, a.start - 32), a.start));
    assert.deepEqual(c.anchor, { state: 'anchored' });
    assert.equal(c.start, 8);
    assert.equal(c.prefix, 'Update. ');
    assert.deepEqual([b.anchor.state, b.start, b.end, b.quote, b.prefix, b.suffix], ['orphaned', oldB.start, oldB.start, oldB.quote, oldB.prefix, oldB.suffix]);
  });
});

suite('anchor: context scores', () => {
  test('similarity is 1 for equal strings, falls with edits, 0 for nothing in common', () => {
    assert.equal(similarity('budget', 'budget'), 1);
    assert.equal(similarity('budget', 'budgets'), 1 - 1 / 7);
    assert.equal(similarity('abc', 'xyz'), 0);
    assert.equal(similarity('', ''), 1);
  });

  test('contextScore compares the text around a placement with the recorded prefix and suffix', () => {
    const text = 'before QUOTE after';
    assert.equal(contextScore(text, 7, 12, 'before ', ' after'), 1);
    assert.ok(contextScore(text, 7, 12, 'xxxxxx ', ' after') < 0.6);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Property: after random external edits that leave some tags' text alone, those tags are placed exactly.

/** Words of random letters, so that a quote of a few words is (almost surely) unique and never nearly repeated. */
const word = fc.stringMatching(/^[a-z]{3,9}$/);
const sep = fc.constantFrom(' ', ' ', ' ', ', ', '.\r\n', ' \u{1F600} ', ' é');
const doc = fc.array(fc.tuple(word, sep), { minLength: 20, maxLength: 120 }).map((ws) => ws.map(([w, s]) => w + s).join(''));

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
function snap(text: string, p: number): number {
  p = Math.max(0, Math.min(text.length, p));
  return p > 0 && p < text.length && isHigh(text.charCodeAt(p - 1)) ? p - 1 : p;
}

/** Word-aligned spans: start of a word to the end of a later word. */
function wordSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const m of text.matchAll(/[a-z]+/g)) spans.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  return spans;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

suite('anchor: properties', function () {
  this.timeout(Math.max(20000, RUNS * 20));

  test(`re-anchoring after random external edits places unaffected tags exactly (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(
        doc,
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 6 }), fc.boolean()), { minLength: 1, maxLength: 12 }),
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 30 }), fc.stringMatching(/^[a-z \r\n]{0,20}$/)), { minLength: 1, maxLength: 10 }),
        (text, tagSpecs, editSpecs) => {
          const words = wordSpans(text);
          const tags = tagSpecs.map(([w, n, _]) => {
            const i = w % words.length;
            const j = Math.min(words.length - 1, i + n - 1);
            return createTag(text, { kind: 'claim', start: words[i][0], end: words[j][1], now: new Date(0) });
          });
          const protectedTags = tags.filter((_, k) => tagSpecs[k][2]);
          // Edits that do not cut into any protected tag (touching its boundary is fine).
          const edits: Edit[] = [];
          for (const [f, len, ins] of editSpecs) {
            const start = snap(text, Math.floor(f * (text.length + 1)));
            const end = snap(text, start + len);
            const hits = protectedTags.some((t) => start < t.end && end > t.start) || edits.some((x) => start <= x.end && end >= x.start);
            if (!hits && (end > start || ins)) edits.push({ start, end, text: ins });
          }
          edits.sort((x, y) => y.start - x.start);
          let next = text;
          for (const x of edits) next = next.slice(0, x.start) + x.text + next.slice(x.end);
          const results = reanchor(next, tags);
          assert.equal(results.length, tags.length);
          results.forEach((r, k) => {
            assert.equal(r.id, tags[k].id);
            assert.ok(r.confidence >= 0 && r.confidence <= 1);
            if (r.state === 'orphaned') assert.deepEqual([r.start, r.end], [null, null]);
            else assert.ok(r.start !== null && r.end !== null && 0 <= r.start && r.start <= r.end && r.end <= next.length);
          });
          for (const t of protectedTags) {
            const shift = edits.filter((x) => x.end <= t.start).reduce((sum, x) => sum + x.text.length - (x.end - x.start), 0);
            const r = results[tags.indexOf(t)];
            assert.deepEqual([r.start, r.end], [t.start + shift, t.end + shift], `tag "${t.quote}"`);
            assert.equal(r.state, shift === 0 ? 'anchored' : 'moved');
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});
