import * as assert from 'node:assert/strict';
import {
  CSV_COLUMNS, DEFAULT_KINDS, JSON_REPORT_FORMAT, REPORT_FORMATS, ReportFormat, contentSecurityPolicy, renderHtmlReport,
  renderReport, reportFileExtension, reportLanguageId,
} from '../../../src/core/report';
import { highlightText, opinionDensity } from '../../../src/core/report/html';
import { escapeMarkdown } from '../../../src/core/escape';
import { Tag } from '../../../src/core/model';
import { assertGolden } from './golden';
import { parseCsv } from './csvParse';
import { ARTICLE, GENERATED, SAMPLE_KINDS, sampleDocs, tagOf } from './sample';

const OPTIONS = { generated: GENERATED, kinds: SAMPLE_KINDS, author: 'Harbour Fact Desk', outlet: 'Harbour Fact Desk', title: 'Ferry desk <b>review</b>' };
const GOLDEN: Record<ReportFormat, string> = { md: 'sample.md', html: 'sample.html', csv: 'sample.csv', json: 'sample.json', w3c: 'sample.w3c.jsonld', claimreview: 'sample.claimreview.jsonld' };

/** The HTML without its text content: what a browser would treat as markup. */
function tagsOnly(html: string): string[] {
  return html.match(/<[^>]*>/g) ?? [];
}

suite('report formats', () => {
  for (const format of REPORT_FORMATS) {
    test(`${format} matches its golden file`, () => {
      assertGolden(GOLDEN[format], renderReport(format, sampleDocs(), OPTIONS));
    });
  }

  test('extensions and language ids', () => {
    assert.deepEqual(REPORT_FORMATS.map(reportFileExtension), ['.md', '.html', '.csv', '.json', '.jsonld', '.jsonld']);
    assert.deepEqual(REPORT_FORMATS.map(reportLanguageId), ['markdown', 'html', 'csv', 'json', 'json', 'json']);
    assert.throws(() => renderReport('pdf' as ReportFormat, []), /Unknown report format/);
  });

  test('rendering does not modify the input documents', () => {
    const docs = sampleDocs();
    const before = JSON.stringify(docs);
    for (const f of REPORT_FORMATS) renderReport(f, docs, OPTIONS);
    assert.equal(JSON.stringify(docs), before);
  });

  suite('markdown', () => {
    const md = renderReport('md', sampleDocs(), OPTIONS);

    test('user text cannot open raw HTML, links or emphasis', () => {
      assert.doesNotMatch(md, /(?<!\\)<(?!https:\/\/)/, 'every < is escaped or opens an http(s) autolink');
      assert.match(md, /\\<script\\>alert\\\(6\\\)\\<\/script\\>/); // the file name, escaped
      assert.match(md, /\\<img src=x onerror=alert\\\(1\\\)\\>/);
      assert.doesNotMatch(md, /\]\(javascript:/i);
      assert.doesNotMatch(md, /<javascript:|<data:/i);
      assert.match(md, /<https:\/\/example\.org\/fares\?year=2024&port=1>/); // http(s) links become autolinks
      assert.match(md, /javascript:alert\\\(3\\\)/); // others stay text
    });

    test('each tag shows its context, kind, status, source and cue, author and dates', () => {
      assert.match(md, /> Harbour Council members said \*\*the ferry fare rose by 40 percent in a single year\*\*\. 🚢 According to the port autho …/);
      assert.match(md, /### \d+\. Claim — False/);
      assert.match(md, /- \*\*Source:\*\* Harbour Council members \(0–23\)\n- \*\*Cue:\*\* said \(24–28\)/);
      assert.match(md, /- \*\*Source:\*\* \*none \(unattributed\)\*/);
      assert.match(md, /- \*\*Anchor:\*\* fuzzy \\\(82%\\\)/);
      assert.match(md, /- \*\*Created:\*\* 2025-03-01T10:00:00\.000Z/);
      assert.match(md, /\| Misleading \| 1 \|/);
      assert.match(md, /\| Numbers \| 1 \|/);
    });

    test('escapeMarkdown keeps text on one line and escapes every markup character', () => {
      assert.equal(escapeMarkdown('a\n\nb | *c* [d](e) <f> `g` _h_ ~i~ &amp;'), 'a b \\| \\*c\\* \\[d\\]\\(e\\) \\<f\\> \\`g\\` \\_h\\_ \\~i\\~ \\&amp;');
    });

    test('escapeMarkdown: text that would start a list at the start of a block is escaped, the same marks inside are not', () => {
      assert.equal(escapeMarkdown('- not a list'), '\\- not a list');
      assert.equal(escapeMarkdown('--- not a rule'), '--\\- not a rule');
      assert.equal(escapeMarkdown('1971. The year'), '1971\\. The year');
      assert.equal(escapeMarkdown('-5 degrees, 1971.5 million, a - b, 3. c'), '-5 degrees, 1971.5 million, a - b, 3. c');
    });
  });

  suite('html', () => {
    const html = renderReport('html', sampleDocs(), OPTIONS);

    test('a strict CSP comes first and the page has no script, handler, remote resource or style attribute', () => {
      const head = html.slice(0, html.indexOf('<style'));
      assert.match(head, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;; img-src data:; base-uri &#39;none&#39;; form-action &#39;none&#39;">/);
      const markup = tagsOnly(html);
      assert.equal(markup.filter((t) => /^<script/i.test(t)).length, 0);
      // Attribute values are double-quoted and escaped, so names can be read off reliably.
      const names = markup.flatMap((t) => [...t.replace(/"[^"]*"/g, '""').matchAll(/\s([^\s=/>]+)/g)].map((m) => m[1].toLowerCase()));
      assert.ok(names.includes('class'));
      assert.deepEqual(names.filter((n) => n.startsWith('on')), [], 'no event handler attributes');
      assert.deepEqual(names.filter((n) => n === 'style' || n === 'src' || n === 'srcset' || n === 'action'), [], 'no style attributes or sources');
      assert.ok(markup.every((t) => (t.match(/"/g) ?? []).length % 2 === 0), 'every attribute value is closed');
      assert.equal(markup.filter((t) => /<(img|iframe|object|embed|link|base|form)\b/i.test(t)).length, 0);
      assert.doesNotMatch(html, /@import|url\(/i);
    });

    test('every payload appears escaped', () => {
      assert.ok(html.includes('ferry-&quot;fares&quot;&lt;script&gt;alert(6)&lt;/script&gt;.md'));
      assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt; &quot; onmouseover=&quot;alert(2)'));
      assert.ok(html.includes('&lt;script&gt;alert(5)&lt;/script&gt;'));
      assert.ok(html.includes('Ferry desk &lt;b&gt;review&lt;/b&gt;'));
      assert.ok(!html.includes('<b>review'));
    });

    test('only http(s) links become anchors; javascript: and data: stay inert text', () => {
      const hrefs = [...html.matchAll(/<a\s[^>]*href="([^"]*)"/g)].map((m) => m[1]);
      assert.ok(hrefs.length > 0);
      for (const href of hrefs) assert.match(href, /^(https?:\/\/|#d\d+-t\d+$)/, href);
      assert.ok(hrefs.includes('https://example.org/fares?year=2024&amp;port=1'));
      assert.ok(html.includes('<span class="inert">javascript:alert(3)</span>'));
      assert.ok(html.includes('<span class="inert">data:text/html,&lt;script&gt;alert(4)&lt;/script&gt;</span>'));
    });

    test('a custom kind colour cannot inject CSS', () => {
      assert.doesNotMatch(html, /display:none/);
      assert.match(html, /\.k3\{--c:#808080\}/);
    });

    test('light and dark schemes, print rules, charts, legend and density strip are present', () => {
      assert.match(html, /@media \(prefers-color-scheme:dark\)/);
      assert.match(html, /@media print/);
      assert.match(html, /<figcaption>Tags per kind<\/figcaption><svg[^>]*aria-label="Tags per kind: Claim: 4, Attribution: 3, Opinion: 3, Numbers: 1"/);
      assert.match(html, /aria-label="Claims per status: Unreviewed: 1, Verified: 1, False: 1, Misleading: 1, Disputed: 0, Unverifiable: 0"/);
      // Status bars are drawn in their status colours (the classes are defined in the stylesheet).
      for (const st of ['verified', 'false', 'misleading']) {
        assert.match(html, new RegExp(`<rect class="dens st-${st}"`));
        assert.match(html, new RegExp(`\\.st-${st}\\{--c:#[0-9a-f]{6}\\}`));
      }
      // One legend entry per kind, in order, each in its kind's colour class.
      const legend = /<ul class="legend">\n((?:<li class="k\d+">[^<]*<\/li>\n)*)<\/ul>/.exec(html);
      assert.ok(legend, 'the legend list is there');
      assert.deepEqual([...legend[1].matchAll(/<li class="(k\d+)">([^<]*)<\/li>/g)].map((m) => `${m[1]} ${m[2]}`),
        SAMPLE_KINDS.map((k, i) => `k${i} ${k.label}`));
      assert.equal((html.match(/class="strip /g) ?? []).length, 2);
      assert.match(html, /The document text is not included in this report\./);
    });

    test('the highlighted text, with the markup removed, is exactly the document text', () => {
      const start = html.indexOf('<div class="doc">') + '<div class="doc">'.length;
      const body = html.slice(start, html.indexOf('</div>', start));
      const plain = body.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&#96;/g, '`').replace(/&amp;/g, '&');
      assert.equal(plain, ARTICLE);
      assert.equal((body.match(/<span/g) ?? []).length, (body.match(/<\/span>/g) ?? []).length);
    });

    test('the nonce variant allows styles by nonce only and adds the webview source', () => {
      const page = renderHtmlReport(sampleDocs(), OPTIONS, { nonce: 'abcDEF123456', cspSource: 'https://webview.example' });
      assert.match(page, /style-src &#39;nonce-abcDEF123456&#39; https:\/\/webview\.example; img-src data: https:\/\/webview\.example;/);
      assert.match(page, /<style nonce="abcDEF123456">/);
      assert.doesNotMatch(page, /unsafe-inline/);
      assert.throws(() => renderHtmlReport([], {}, { nonce: "x' 'unsafe-eval" }), /Invalid CSP nonce/);
      assert.equal(contentSecurityPolicy({ cspSource: "evil; script-src *" }).includes('script-src'), false);
    });
  });

  suite('highlighting overlapping and nested tags', () => {
    const text = 'one two three four five';
    const tags: Tag[] = [tagOf(text, 'claim', 'one two three'), tagOf(text, 'opinion', 'two'), tagOf(text, 'attribution', 'three four')];
    const render = () => highlightText(text, tags, (t) => `k-${t.kind}`, (t) => tags.indexOf(t) + 1, (t) => t.kind, (t) => `t${tags.indexOf(t) + 1}`);

    test('each segment nests the spans of every tag covering it, lanes kept per tag', () => {
      const out = render();
      assert.equal(out,
        '<span class="hl k-claim first" id="t1" data-n="1" title="claim">one </span>'
        + '<span class="hl k-claim" title="claim"><span class="hl k-opinion l1 first" id="t2" data-n="2" title="opinion">two</span></span>'
        + '<span class="hl k-claim" title="claim"> </span>'
        + '<span class="hl k-claim" title="claim"><span class="hl k-attribution l1 first" id="t3" data-n="3" title="attribution">three</span></span>'
        + '<span class="hl k-attribution l1" title="attribution"> four</span> five');
    });

    test('orphaned, empty and out-of-range tags are not highlighted', () => {
      const extra: Tag[] = [
        { ...tagOf(text, 'claim', 'five'), anchor: { state: 'orphaned' } },
        { ...tagOf(text, 'claim', 'four'), start: 3, end: 3 },
        { ...tagOf(text, 'claim', 'four'), start: 20, end: 99 },
      ];
      assert.equal(highlightText(text, extra, () => 'k', () => 1, () => '', () => 'x'), text);
    });
  });

  test('opinion density covers the opinion spans only', () => {
    const text = 'x'.repeat(100);
    const cells = opinionDensity({ uri: 'u', name: 'n', text, tags: [{ ...tagOf(text, 'opinion', 'x'), start: 10, end: 20 }, { ...tagOf(text, 'claim', 'x'), start: 50, end: 60 }] }, 10);
    assert.deepEqual(cells, [0, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  suite('csv', () => {
    test('a header row, one row per tag, CRLF records, parseable by a strict RFC 4180 reader', () => {
      const csv = renderReport('csv', sampleDocs(), OPTIONS);
      const rows = parseCsv(csv);
      assert.deepEqual(rows[0], [...CSV_COLUMNS]);
      assert.equal(rows.length, 1 + 11);
      for (const row of rows) assert.equal(row.length, CSV_COLUMNS.length);
      const claim = rows.find((r) => r[2] === '00000000-0000-4000-8000-000000000002')!;
      assert.equal(claim[CSV_COLUMNS.indexOf('note')], 'Fare tables show 12 percent. <img src=x onerror=alert(1)> " onmouseover="alert(2)');
      assert.equal(claim[CSV_COLUMNS.indexOf('suffix')], '. 🚢\nAccording to the port autho');
    });

    test('an optional BOM', () => {
      assert.ok(renderReport('csv', [], { csvBom: true }).startsWith('\uFEFFdocument,'));
      assert.ok(renderReport('csv', []).startsWith('document,'));
    });
  });

  test('json carries format, version, kinds, summaries and the tags', () => {
    const report = JSON.parse(renderReport('json', sampleDocs(), OPTIONS));
    assert.equal(report.format, JSON_REPORT_FORMAT);
    assert.equal(report.version, 1);
    assert.equal(report.generated, GENERATED.toISOString());
    assert.deepEqual(report.kinds.map((k: { id: string }) => k.id), ['claim', 'attribution', 'opinion', 'numbers']);
    assert.equal(report.summary.total, 11);
    assert.equal(report.summary.unattributed, 1);
    assert.deepEqual(report.documents[1], { uri: 'urn:claim-tagger:document:empty.md', name: 'empty.md', length: 120, summary: { total: 0, byKind: {}, byStatus: { unreviewed: 0, verified: 0, false: 0, misleading: 0, disputed: 0, unverifiable: 0 }, orphaned: 0, unattributed: 0 }, tags: [] });
    assert.deepEqual(report.documents[0].tags.map((t: Tag) => t.start), [...report.documents[0].tags.map((t: Tag) => t.start)].sort((a, b) => a - b));
  });

  test('claimreview: one per claim with a verdict, rating names from the status, claimant from the attribution', () => {
    const reviews = JSON.parse(renderReport('claimreview', sampleDocs(), OPTIONS));
    assert.deepEqual(reviews.map((r: { reviewRating: { alternateName: string } }) => r.reviewRating.alternateName), ['False', 'Misleading', 'Verified']);
    const first = reviews[0];
    assert.equal(first['@context'], 'https://schema.org');
    assert.equal(first['@type'], 'ClaimReview');
    assert.equal(first.claimReviewed, 'the ferry fare rose by 40 percent in a single year');
    assert.deepEqual(first.author, { '@type': 'Organization', name: 'Harbour Fact Desk' });
    assert.equal(first.itemReviewed['@type'], 'Claim');
    assert.equal(first.itemReviewed.appearance.url, 'https://news.example/2025/ferry-fares?id=1&ref=a');
    assert.deepEqual(first.itemReviewed.author, { '@type': 'Person', name: 'Harbour Council members' });
    assert.deepEqual(first.citation, [{ '@type': 'CreativeWork', url: 'https://example.org/fares?year=2024&port=1' }]);
    const text = renderReport('claimreview', sampleDocs(), OPTIONS);
    assert.doesNotMatch(text, /<\/?script|<img/i, 'safe to paste into a <script type="application/ld+json">');
  });

  test('DEFAULT_KINDS are the three built-ins', () => {
    assert.deepEqual(DEFAULT_KINDS.map((k) => k.id), ['claim', 'attribution', 'opinion']);
  });
});
