import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { renderHtmlReport } from '../../../src/core/report/html';
import { Tag } from '../../../src/core/model';
import { computeAgreement } from '../../../src/core/team/agreement';
import { annotatorsOf } from '../../../src/core/team/annotators';
import { ARTICLE, tagOf } from '../team/fixtures';

const GENERATED = new Date('2026-11-29T10:00:00Z');
const ana = () => [tagOf('The council approved the budget on Monday.', 'claim', 'ana'), tagOf('reckless', 'opinion', 'ana')];
const ben = () => [tagOf('The council approved the budget', 'claim', 'ben'), tagOf('reckless', 'opinion', 'ben'), tagOf('Turnout was 41 percent.', 'claim', 'ben')];

function report(tags: Tag[], blind: { author: string; tags: Tag[] }[] = []) {
  const agreement = computeAgreement([{ name: 'article.md', text: ARTICLE, annotators: annotatorsOf(tags, blind) }]);
  const html = renderHtmlReport([{ uri: 'file:///x/article.md', name: 'article.md', text: ARTICLE, tags }], { generated: GENERATED }, {}, { agreement });
  return { agreement, html };
}

/** The agreement section alone. */
function section(html: string): string {
  const start = html.indexOf('<section class="agreement"');
  return start < 0 ? '' : html.slice(start, html.indexOf('</section>', start) + '</section>'.length);
}

suite('HTML report: agreement section', () => {
  test('two annotators: a table for the pair with a row per kind and all kinds, figures as computed', () => {
    const { agreement, html } = report([...ana(), ...ben()]);
    const s = section(html);
    assert.ok(s, 'the section is there');
    assert.match(s, /<h3>ana and ben<\/h3>/);
    const rows = [...s.matchAll(/<tr><th scope="row">([^<]+)<\/th>((?:<td class="num">[^<]*<\/td>)+)<\/tr>/g)].map((m) => [m[1], [...m[2].matchAll(/<td class="num">([^<]*)<\/td>/g)].map((c) => c[1])]);
    assert.deepEqual(rows.map((r) => r[0]), ['Claim', 'Opinion', 'All kinds']);
    const claim = agreement.pairs[0].kinds.find((k) => k.kind === 'claim')!;
    // Hand-checked: ana 1 claim, ben 2; exact match none, overlap one (the council sentence); "Turnout" only ben's.
    assert.deepEqual([claim.a, claim.b, claim.exact.matched, claim.overlap.matched, claim.onlyA, claim.onlyB], [1, 2, 0, 1, 0, 1]);
    assert.deepEqual(rows[0][1].slice(0, 2), ['1', '2']);
    assert.equal(rows[0][1][7], '0.667', 'overlap F1 = 2·1·0.5/(1+0.5)');
    assert.deepEqual(rows[0][1].slice(8, 10), ['0', '1']);
    assert.equal(rows[1][1][4], '1.000', 'the opinion matches exactly: exact F1 1');
    assert.match(s, /Claim status on 1 matched claim: 1 agree/);
    assert.match(s, /Krippendorff's α \(nominal, token labels, \d+ tokens\): all kinds (-?\d\.\d{3})/);
  });

  test('one small inline-SVG chart per kind and for all kinds, with a text alternative', () => {
    const s = section(report([...ana(), ...ben()]).html);
    const charts = [...s.matchAll(/<figure><figcaption>([^<]+)<\/figcaption><svg [^>]*role="img" aria-label="([^"]+)"/g)];
    assert.deepEqual(charts.map((c) => c[1]), ['Claim: overlap F1 and token κ', 'Opinion: overlap F1 and token κ', 'All kinds: overlap F1 and token κ']);
    assert.match(charts[0][2], /ana and ben: F1 0\.667, κ -?\d\.\d{3}/);
    // Bars scale with the figure: F1 1.000 of the opinion is the full 240-unit track.
    const opinion = s.slice(s.indexOf('Opinion: overlap F1'), s.indexOf('All kinds: overlap F1'));
    assert.match(opinion, /<rect class="f1" x="130" y="5" width="240"/);
  });

  test('three annotators (a blind copy): every pair gets a table', () => {
    const s = section(report([...ana(), ...ben()], [{ author: 'cora', tags: [tagOf('reckless', 'opinion', 'x')] }]).html);
    assert.deepEqual([...s.matchAll(/<h3>([^<]+)<\/h3>/g)].map((m) => m[1]), ['ana and ben', 'ana and cora', 'ben and cora']);
  });

  test('one annotator, or no agreement given: no section, no extra CSS', () => {
    const one = report(ana()).html;
    const none = renderHtmlReport([{ uri: 'file:///x/article.md', name: 'article.md', text: ARTICLE, tags: ana() }], { generated: GENERATED });
    for (const html of [one, none]) {
      assert.equal(section(html), '');
      assert.ok(!html.includes('svg .kappa'));
    }
    assert.equal(one, none, 'a single annotator changes nothing');
  });

  test('property: annotator and kind names are escaped; no script, no style attribute, no event handler; the CSP is unchanged', () => {
    const hostile = fc.constantFrom('<img src=x onerror=alert(1)>', '"><script>alert(1)</script>', "a'b&c", 'x</title><svg onload=alert(1)>', 'ana');
    fc.assert(fc.property(hostile, hostile, (a, b) => {
      fc.pre(a !== b);
      const tags = [...ana().map((t) => ({ ...t, author: a })), ...ben().map((t) => ({ ...t, author: b }))];
      const html = report(tags).html;
      const s = section(html);
      assert.ok(s);
      // Attribute values emptied: what is left is markup, which must hold no script, handler or style attribute.
      const markup = s.replace(/"[^"]*"/g, '""');
      assert.ok(!/<script|<[a-z][^>]*\s(?:on\w+|style)=/i.test(markup), 'nothing active or styled inline');
      for (const name of [a, b]) if (/[<>"'&]/.test(name)) assert.ok(!s.includes(name), `${name} appears unescaped`);
      assert.match(html, /content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;; img-src data:;/);
    }));
  });
});
