import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextChange, applyChanges } from '../../src/core/edits';
import { Tag } from '../../src/core/model';
import { describeOutcomes, diffBlock, isBulkReplacement, isLineBlock, mapIntoNew, reconcileChange, touchedBy } from '../../src/core/outside';
import { createTag } from '../../src/core/tags';

const RUNS = Number(process.env.FC_RUNS) || 200;

function tagAt(text: string, start: number, end: number): Tag {
  return createTag(text, { kind: 'claim', start, end, now: new Date(0) });
}

function tagOf(text: string, quote: string): Tag {
  const at = text.indexOf(quote);
  assert.ok(at >= 0, `fixture: ${quote} not in text`);
  return tagAt(text, at, at + quote.length);
}

function applyToText(text: string, changes: readonly TextChange[]): string {
  for (const c of [...changes].sort((x, y) => y.start - x.start)) text = text.slice(0, c.start) + c.text + text.slice(c.end);
  return text;
}

/** The change VS Code makes when it reloads a file: the lines between the common prefix and suffix lines, replaced. */
function reloadChange(oldText: string, newText: string): TextChange {
  const a = oldText.split('\n');
  const b = newText.split('\n');
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let s = 0;
  while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  const offset = (lines: string[], n: number) => lines.slice(0, n).reduce((x, l) => x + l.length + 1, 0);
  if (s > 0) {
    return { start: offset(a, p), end: offset(a, a.length - s), text: newText.slice(offset(b, p), offset(b, b.length - s)) };
  }
  // No common suffix: from the end of the last common line to the end of the text.
  const start = p > 0 ? offset(a, p) - 1 : 0;
  return { start, end: oldText.length, text: newText.slice(p > 0 ? offset(b, p) - 1 : 0) };
}

const LINES = [
  'The regional transport authority said about 48,000 vehicles crossed the Old Mill Bridge each weekday.',
  'That is nearly double the 25,000 it was designed for in 1971, according to the engineers.',
  'Mayor Ilse Brandt called the figures "alarming" and promised a decision before the summer recess.',
  'Critics say the council ignored three warnings from its own inspectors since 2019.',
  'A spokesperson for the inspectors declined to comment on the reports on Tuesday.',
  'Residents of the east bank have collected 3,200 signatures for a second bridge.',
];
const ARTICLE = LINES.join('\n') + '\n';
const QUOTES = ['about 48,000 vehicles', 'nearly double the 25,000', 'called the figures "alarming"', 'ignored three warnings from its own inspectors', 'declined to comment', '3,200 signatures'];

function reload(oldText: string, newText: string, tags: Tag[]) {
  const change = reloadChange(oldText, newText);
  assert.equal(applyToText(oldText, [change]), newText, 'fixture: the reload change rebuilds the new text');
  return reconcileChange(newText, tags, [change], { mode: 'outside' });
}

suite('outside changes: which tags a change touches', () => {
  test('a removal covering a tag or crossing one of its edges touches it; one strictly inside or an insertion does not', () => {
    const text = 'one two three four five six seven';
    const tag = tagOf(text, 'three four');
    const s = tag.start;
    const e = tag.end;
    assert.equal(touchedBy([tag], [{ start: s - 4, end: e + 1, text: 'x' }]).length, 1, 'covers');
    assert.equal(touchedBy([tag], [{ start: s - 2, end: s + 2, text: '' }]).length, 1, 'across the start');
    assert.equal(touchedBy([tag], [{ start: e - 1, end: e + 3, text: 'abc' }]).length, 1, 'across the end');
    assert.equal(touchedBy([tag], [{ start: s + 1, end: s + 3, text: 'xy' }]).length, 0, 'strictly inside');
    assert.equal(touchedBy([tag], [{ start: s, end: s, text: 'new ' }]).length, 0, 'insertion');
    assert.equal(touchedBy([tag], [{ start: 0, end: s, text: '' }]).length, 0, 'ends at its start');
  });

  test('property: touched exactly when a removal overlaps the tag and is not strictly inside it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 1, max: 20 }),
        fc.array(fc.record({ gap: fc.integer({ min: 0, max: 15 }), len: fc.integer({ min: 0, max: 15 }), ins: fc.integer({ min: 0, max: 3 }) }), { minLength: 1, maxLength: 5 }),
        (s, n, specs) => {
          const text = 'x'.repeat(120);
          const tag = tagAt(text, s, s + n);
          const changes: TextChange[] = [];
          let at = 0;
          for (const sp of specs) {
            const start = at + sp.gap;
            changes.push({ start, end: start + sp.len, text: 'y'.repeat(sp.ins) });
            at = start + sp.len + 1;
          }
          const expected = changes.some((c) => c.end > c.start && c.start < tag.end && c.end > tag.start && !(tag.start < c.start && c.end < tag.end));
          assert.equal(touchedBy([tag], changes).length === 1, expected);
        },
      ),
      { numRuns: RUNS },
    );
  });

  test('bulk replacements: both sides long, or half of a short text', () => {
    assert.equal(isBulkReplacement([{ start: 0, end: 300, text: 'y'.repeat(300) }], 1000), true);
    assert.equal(isBulkReplacement([{ start: 0, end: 300, text: 'y' }], 1000), false);
    assert.equal(isBulkReplacement([{ start: 0, end: 1, text: 'y'.repeat(300) }], 1000), false);
    assert.equal(isBulkReplacement([{ start: 0, end: 60, text: 'y'.repeat(70) }], 100), true);
    assert.equal(isBulkReplacement([{ start: 10, end: 12, text: 'ab' }], 100), false);
  });

  test('a reload block of whole lines is recognised; typing inside a line is not', () => {
    const changed = ARTICLE.replace('Critics', 'CRITICS');
    assert.equal(isLineBlock(changed, [reloadChange(ARTICLE, changed)]), true);
    const top = 'UPDATED.\n' + ARTICLE.replace('Residents', 'People');
    assert.equal(isLineBlock(top, [reloadChange(ARTICLE, top)]), true);
    assert.equal(isLineBlock('UPDATED.\n' + ARTICLE, [{ start: 0, end: 0, text: 'UPDATED.\n' }]), false, 'an insertion orphans nothing');
    const at = ARTICLE.indexOf('Critics');
    const typed = ARTICLE.slice(0, at + 2) + 'X' + ARTICLE.slice(at + 3);
    assert.equal(isLineBlock(typed, [{ start: at + 2, end: at + 3, text: 'X' }]), false);
    assert.equal(isLineBlock(ARTICLE.slice(0, at + 3) + ARTICLE.slice(at + 4), [{ start: at + 3, end: at + 4, text: '' }]), false, 'backspace inside a word');
    assert.equal(isLineBlock(ARTICLE + 'x', [{ start: ARTICLE.length, end: ARTICLE.length, text: 'x' }]), false, 'an insertion removes nothing');
  });

  test('property: diffBlock rebuilds the new text; mapIntoNew keeps every character outside the change', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), (a, b) => {
        const c = diffBlock(a, b);
        if (a === b) return assert.equal(c, undefined);
        assert.ok(c);
        assert.equal(applyToText(a, [c]), b);
        for (let p = 0; p < a.length; p++) {
          if (p >= c.start && p < c.end) continue;
          if (p < c.start || p >= c.end) assert.equal(b[mapIntoNew(p, [c])], a[p], `position ${p}`);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

suite('outside changes: re-anchoring after a reload', () => {
  test('a line added at the top and two words replaced far from any tag: every tag stays on its text, anchored', () => {
    const tags = QUOTES.map((q) => tagOf(ARTICLE, q));
    const changed = 'Update, 14:05: figures corrected.\n' + ARTICLE.replace('Residents of the east bank', 'People on the east bank');
    const result = reload(ARTICLE, changed, tags);
    for (const t of tags) {
      assert.equal(t.anchor.state, 'anchored', t.quote);
      assert.equal(changed.slice(t.start, t.end), t.quote);
    }
    assert.ok([...result.outcomes.values()].every((o) => o === 'moved'));
    // Edit tracking alone would have orphaned every tag inside the block.
    const tracked = QUOTES.map((q) => tagOf(ARTICLE, q));
    applyChanges(tracked, [reloadChange(ARTICLE, changed)]);
    assert.ok(tracked.filter((t) => t.anchor.state === 'orphaned').length >= 5, 'the cause: a block replacement orphans them');
  });

  test('a paragraph moved, a tagged sentence deleted, a tagged sentence reworded', () => {
    const tags = QUOTES.map((q) => tagOf(ARTICLE, q));
    const lines = [...LINES];
    const [moved] = lines.splice(5, 1);
    lines.splice(1, 0, moved); // the last paragraph is now the second
    lines.splice(lines.indexOf(LINES[4]), 1); // "declined to comment" deleted
    lines[lines.indexOf(LINES[3])] = LINES[3].replace('ignored three warnings', 'ignored three written warnings');
    const changed = lines.join('\n') + '\n';
    const result = reload(ARTICLE, changed, tags);
    const by = (q: string) => tags.find((t) => t.id === tags[QUOTES.indexOf(q)].id)!;
    assert.equal(by('3,200 signatures').anchor.state, 'anchored');
    assert.equal(changed.slice(by('3,200 signatures').start, by('3,200 signatures').end), '3,200 signatures');
    assert.equal(by('declined to comment').anchor.state, 'orphaned');
    assert.equal(by('declined to comment').quote, 'declined to comment', 'an orphan keeps its quote');
    const fuzzy = by('ignored three warnings from its own inspectors');
    assert.equal(fuzzy.anchor.state, 'fuzzy');
    assert.ok(fuzzy.anchor.confidence! >= 0.7 && fuzzy.anchor.confidence! < 1);
    assert.equal(fuzzy.quote, 'ignored three written warnings from its own inspectors');
    for (const q of ['about 48,000 vehicles', 'nearly double the 25,000', 'called the figures "alarming"']) assert.equal(changed.slice(by(q).start, by(q).end), q);
    assert.equal(describeOutcomes(result.outcomes), '3 tags found again, 1 placed approximately, 1 not found (orphaned, kept)');
  });

  test('line ends switched to CRLF: tags within a line stay on their text', () => {
    const tags = QUOTES.map((q) => tagOf(ARTICLE, q));
    const crlf = ARTICLE.replace(/\n/g, '\r\n');
    reconcileChange(crlf, tags, [{ start: 0, end: ARTICLE.length, text: crlf }], { mode: 'outside' });
    for (const t of tags) assert.equal(crlf.slice(t.start, t.end), t.quote);
    assert.ok(tags.every((t) => t.anchor.state === 'anchored'));
  });

  test('an orphaned tag whose text is back is found again; a fuzzy tag whose text is untouched stays fuzzy', () => {
    const orphan = tagOf(ARTICLE, 'declined to comment');
    Object.assign(orphan, { start: 0, end: 0, anchor: { state: 'orphaned' } });
    const fuzzy = tagOf(ARTICLE, '3,200 signatures');
    fuzzy.anchor = { state: 'fuzzy', confidence: 0.83 };
    const changed = 'New first line.\n' + ARTICLE;
    const result = reload(ARTICLE, changed, [orphan, fuzzy]);
    assert.equal(orphan.anchor.state, 'anchored');
    assert.equal(changed.slice(orphan.start, orphan.end), 'declined to comment');
    assert.deepEqual(fuzzy.anchor, { state: 'fuzzy', confidence: 0.83 });
    assert.equal(result.outcomes.get(orphan), 'recovered');
  });

  test('property: with unique lines, a reload inserting and deleting untagged lines keeps every tag on its own text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: LINES.length }), { maxLength: 3 }),
        fc.subarray([0, 1, 2, 3, 4, 5], { minLength: 1 }),
        fc.integer({ min: 0, max: 5 }),
        (inserts, tagged, dropUntagged) => {
          const tags = tagged.map((i) => tagOf(ARTICLE, QUOTES[i]));
          const lines = LINES.map((l) => l);
          if (!tagged.includes(dropUntagged)) lines[dropUntagged] = '';
          inserts.forEach((at, k) => lines.splice(Math.min(at, lines.length), 0, `Inserted line number ${k} with nothing tagged in it.`));
          const changed = lines.filter((l) => l !== '').join('\n') + '\n';
          reload(ARTICLE, changed, tags);
          for (const t of tags) {
            assert.equal(t.anchor.state, 'anchored', t.quote);
            assert.equal(changed.slice(t.start, t.end), QUOTES[tagged[tags.indexOf(t)]]);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  test('property: after a reload, tags the change does not touch are exactly where edit tracking puts them', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: LINES.length - 1 }), fc.string({ minLength: 1, maxLength: 30 }), fc.subarray([0, 1, 2, 3, 4, 5], { minLength: 1 }), (line, words, tagged) => {
        const tags = tagged.map((i) => tagOf(ARTICLE, QUOTES[i]));
        const tracked = tags.map((t) => structuredClone(t));
        const lines = [...LINES];
        lines[line] = words.replace(/\n/g, ' ') + ' ' + lines[line];
        const changed = lines.join('\n') + '\n';
        const change = reloadChange(ARTICLE, changed);
        const untouched = new Set(tags.filter((t) => !touchedBy([t], [change]).length).map((t) => t.id));
        reconcileChange(changed, tags, [change], { mode: 'outside' });
        applyChanges(tracked, [change]);
        for (const t of tags) {
          if (untouched.has(t.id)) assert.deepEqual(t, tracked.find((x) => x.id === t.id));
          else assert.equal(changed.slice(t.start, t.end), t.quote);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

suite('outside changes: typing keeps edit tracking', () => {
  test('property: single-character edits give exactly what edit tracking gives', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: ARTICLE.length - 1 }), fc.boolean(), fc.subarray([0, 1, 2, 3, 4, 5], { minLength: 1 }), (at, insert, tagged) => {
        const a = tagged.map((i) => tagOf(ARTICLE, QUOTES[i]));
        const b = a.map((t) => structuredClone(t));
        const change: TextChange = insert ? { start: at, end: at, text: 'q' } : { start: at, end: at + 1, text: '' };
        const next = applyToText(ARTICLE, [change]);
        reconcileChange(next, a, [change], { mode: 'typing' });
        applyChanges(b, [change]);
        assert.deepEqual(a, b);
      }),
      { numRuns: RUNS },
    );
  });

  test('pasting a tagged sentence over itself keeps the tag on it; typing over a tag orphans it', () => {
    const tag = tagOf(ARTICLE, 'declined to comment');
    const line = LINES[4];
    const start = ARTICLE.indexOf(line);
    const change = { start, end: start + line.length, text: line };
    const pasted = reconcileChange(ARTICLE, [tag], [change], { mode: 'typing' });
    assert.equal(pasted.outcomes.get(tag), 'moved');
    assert.equal(tag.anchor.state, 'anchored');
    assert.equal(ARTICLE.slice(tag.start, tag.end), 'declined to comment');
    const typed = { start: tag.start, end: tag.end, text: 'x' };
    const next = applyToText(ARTICLE, [typed]);
    let read = 0;
    const result = reconcileChange(() => (read++, next), [tag], [typed], { mode: 'typing' });
    assert.equal(tag.anchor.state, 'orphaned');
    assert.equal(read, 1);
    assert.equal(result.outcomes.size, 0, 'left to edit tracking: no news');
  });

  test('typing that touches no tag never reads the text', () => {
    const tag = tagOf(ARTICLE, 'declined to comment');
    reconcileChange(() => assert.fail('text read'), [tag], [{ start: 0, end: 0, text: 'x' }], { mode: 'typing' });
    assert.equal(tag.start, ARTICLE.indexOf('declined to comment') + 1);
  });
});
