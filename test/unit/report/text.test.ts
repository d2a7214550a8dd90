import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { codePointToUtf16, escapeHtml, utf16ToCodePoint } from '../../../src/core/report';
import { CodePointCounter, trimBrokenSurrogates } from '../../../src/core/report/text';
import { httpUrl, isHttpUrl } from '../../../src/core/url';
import { markdownLink } from '../../../src/util/markdown';

const anyText = fc.string({ unit: fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), fc.constantFrom('😀', '𝒻', 'é', '\ud800', '\udc00', '\n')), maxLength: 40 });

/** UTF-16 offsets that fall on code point boundaries (never between the halves of a pair). */
function boundaries(text: string): number[] {
  const out = [0];
  let i = 0;
  for (const ch of text) { i += ch.length; out.push(i); }
  return out;
}

suite('report text helpers', () => {
  test('astral characters count as one code point and two UTF-16 units', () => {
    const text = 'a😀b𝒻𝒶c';
    assert.equal(utf16ToCodePoint(text, 1), 1);
    assert.equal(utf16ToCodePoint(text, 3), 2); // after the emoji
    assert.equal(utf16ToCodePoint(text, 4), 3); // after "b"
    assert.equal(utf16ToCodePoint(text, text.length), 6);
    assert.equal(codePointToUtf16(text, 2), 3);
    assert.equal(codePointToUtf16(text, 5), 8);
    assert.equal(codePointToUtf16(text, 6), text.length);
  });

  test('an offset inside a surrogate pair maps to the pair start; out-of-range values are clamped', () => {
    const text = 'x😀y';
    assert.equal(utf16ToCodePoint(text, 2), 1);
    assert.equal(utf16ToCodePoint(text, -5), 0);
    assert.equal(utf16ToCodePoint(text, 99), 3);
    assert.equal(codePointToUtf16(text, 99), text.length);
    assert.equal(codePointToUtf16(text, -1), 0);
  });

  test('lone surrogates count as one code point each', () => {
    const text = '\udc00a\ud800';
    assert.equal(utf16ToCodePoint(text, 3), 3);
    assert.equal(codePointToUtf16(text, 2), 2);
  });

  test('property: code point conversion round-trips on boundaries and agrees with the string iterator', () => {
    fc.assert(fc.property(anyText, (text) => {
      const points = [...text];
      assert.equal(utf16ToCodePoint(text, text.length), points.length);
      boundaries(text).forEach((off, cp) => {
        assert.equal(utf16ToCodePoint(text, off), cp);
        assert.equal(codePointToUtf16(text, cp), off);
      });
    }), { numRuns: 500 });
  });

  test('property: the incremental counter gives the same answers in any order', () => {
    fc.assert(fc.property(anyText, fc.array(fc.nat({ max: 90 }), { maxLength: 12 }), (text, offsets) => {
      const counter = new CodePointCounter(text);
      for (const off of offsets) assert.equal(counter.at(off), utf16ToCodePoint(text, off));
    }), { numRuns: 500 });
  });

  test('escapeHtml neutralises markup and both quote styles', () => {
    assert.equal(escapeHtml(`<script>alert("x")</script> & 'y' \``), '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39; &#96;');
    fc.assert(fc.property(fc.string(), (s) => assert.doesNotMatch(escapeHtml(s), /[<>"'`]|&(?!amp;|lt;|gt;|quot;|#39;|#96;)/)));
  });

  test('only absolute http(s) URLs count as links', () => {
    assert.equal(httpUrl('https://example.org/a?b=1&c=2'), 'https://example.org/a?b=1&c=2');
    assert.equal(httpUrl('HTTP://Example.org'), 'http://example.org/');
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', '//example.org', 'example.org', 'http://a b', 'https://x/"onmouseover="y']) {
      assert.equal(httpUrl(bad), undefined, bad);
    }
  });

  test('one http(s) test for reports, settings, link entry and hovers', () => {
    // Settings and entered links arrive with white space around them; reports publish the normalised form.
    assert.equal(httpUrl('  https://News.example/a b  '), undefined);
    assert.equal(httpUrl('  https://News.example/a  '), 'https://news.example/a');
    for (const v of [undefined, '', '   ', 'http:example.org', 'https:/example.org', 'http://', 'https://<x>', 'ftp://example.org']) {
      assert.equal(httpUrl(v), undefined, String(v));
    }
    assert.equal(isHttpUrl('https://example.org/x?y=1'), true);
    assert.equal(isHttpUrl('javascript:alert(1)'), false);
    // A hover links what a report would link, and shows anything else as escaped text.
    assert.equal(markdownLink('https://example.org/a(b)'), '[https://example.org/a\\(b\\)](https://example.org/a%28b%29)');
    assert.equal(markdownLink('javascript:alert(1)'), 'javascript:alert\\(1\\)');
    assert.equal(markdownLink('https://x/"onmouseover="y'), 'https://x/"onmouseover="y');
    fc.assert(fc.property(fc.string(), (s) => assert.equal(isHttpUrl(s), httpUrl(s) !== undefined && /^https?:\/\//i.test(s.trim()))));
  });

  test('trimBrokenSurrogates drops only halves cut off at the edges', () => {
    assert.equal(trimBrokenSurrogates('\ude00ab\ud83d'), 'ab');
    assert.equal(trimBrokenSurrogates('😀ab😀'), '😀ab😀');
  });
});
