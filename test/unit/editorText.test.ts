// The editor layer's vscode-free text helpers: citations, notes as plain text, an attribution's content.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { articleTitle, formatCitation } from '../../src/editor/citation';
import { attributionContent } from '../../src/tagging/attributionContent';
import { markdownToPlain } from '../../src/tree/plainText';

suite('editor text helpers', () => {
  test('articleTitle: the first heading, else a short first line that is not a sentence', () => {
    assert.equal(articleTitle('Intro\n\n## Bridge costs rise ##\n\ntext'), 'Bridge costs rise');
    assert.equal(articleTitle('Bridge costs rise\n\nThe council met.'), 'Bridge costs rise');
    assert.equal(articleTitle('The council met on Tuesday.\nMore.'), undefined);
    assert.equal(articleTitle(''), undefined);
  });

  test('formatCitation: quote, source, title, place and URL; white space folded', () => {
    assert.equal(
      formatCitation({ quote: 'a\n  b', who: 'The mayor', title: 'T', name: 'x/a.md', line: 3, column: 7, url: 'https://e.org/a' }),
      '“a b” — The mayor (“T”, x/a.md, line 3, column 7, https://e.org/a)',
    );
    assert.equal(formatCitation({ quote: 'q', name: 'a.txt', line: 1, column: 1 }), '“q” (a.txt, line 1, column 1)');
  });

  test('markdownToPlain strips emphasis, links, code, headings and HTML', () => {
    assert.equal(markdownToPlain('Check **the minutes**, _p. 4_ and [the bulletin](https://e.org) `now`'), 'Check the minutes, p. 4 and the bulletin now');
    assert.equal(markdownToPlain('# Heading\n- item <b>bold</b>'), 'Heading item bold');
    assert.equal(markdownToPlain('2 * 3 = 6'), '2 * 3 = 6');
  });

  test('markdownToPlain keeps plain words as they are, with or without emphasis', () => {
    fc.assert(fc.property(fc.stringMatching(/^[a-z]([a-z ]{0,28}[a-z])?$/), (words) => {
      assert.equal(markdownToPlain(`**${words}**`), words.replace(/\s+/g, ' ').trim());
      assert.equal(markdownToPlain(words), words.replace(/\s+/g, ' ').trim());
    }));
  });

  test('attributionContent: what was said, without the speaker and the cue', () => {
    const cases: [string, string][] = [
      ['"We have secured the funding," Mayor Elena Brandt told reporters on Tuesday.', '"We have secured the funding,"'],
      ['The bridge will open in May, the mayor said.', 'The bridge will open in May'],
      ['According to the council, the bridge cost 310 million euros.', 'the bridge cost 310 million euros'],
    ];
    for (const [text, content] of cases) {
      const r = attributionContent(text, { start: 0, end: text.length });
      assert.equal(text.slice(r.start, r.end), content);
    }
    const plain = 'The bridge is long.';
    assert.deepEqual(attributionContent(plain, { start: 0, end: plain.length }), { start: 0, end: plain.length }, 'no attribution: the sentence');
  });
});
