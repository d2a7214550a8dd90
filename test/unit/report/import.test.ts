import * as assert from 'node:assert/strict';
import { parseWebAnnotations, renderReport } from '../../../src/core/report';
import { Tag } from '../../../src/core/model';
import { ARTICLE, GENERATED, sampleDocs, tagOf } from './sample';

suite('W3C import', () => {
  test('our own export comes back: kinds, quotes, UTF-16 positions (astral text), notes, statuses, source and cue', () => {
    const docs = sampleDocs();
    const json = renderReport('w3c', [docs[0]], { generated: GENERATED });
    const { annotations, skipped } = parseWebAnnotations(json, ARTICLE);
    assert.deepEqual(skipped, []);
    const tags = [...docs[0].tags];
    assert.equal(annotations.length, tags.length);
    for (const a of annotations) {
      const tag = tags.find((t) => `urn:uuid:${t.id}` === a.id) as Tag;
      assert.ok(tag, a.id);
      assert.equal(a.kind, tag.kind);
      assert.equal(a.quote, tag.quote);
      if (tag.anchor.state === 'orphaned') {
        assert.equal(a.start, undefined);
      } else {
        assert.equal(a.start, tag.start, `${tag.quote} start`);
        assert.equal(a.end, tag.end);
        assert.equal(ARTICLE.slice(a.start, a.end), tag.quote);
      }
      assert.equal(a.note, tag.note);
      assert.equal(a.status, tag.kind === 'claim' ? tag.status : undefined);
      assert.equal(a.created, tag.created);
      assert.equal(a.modified, tag.modified);
    }
    const claim = annotations.find((a) => a.id?.endsWith('0002'))!;
    assert.deepEqual(claim.links, ['https://example.org/fares?year=2024&port=1', 'javascript:alert(3)', 'data:text/html,<script>alert(4)</script>']);
    assert.deepEqual(claim.labels, ['economy']);
    assert.equal(claim.author, 'ana');
    const attribution = annotations.find((a) => a.id?.endsWith('0001'))!;
    assert.deepEqual(attribution.source, { quote: 'Harbour Council members', suffix: ' said the ferry fare rose by 40 ', start: 0, end: 23 });
    assert.equal((attribution.cue as { quote: string }).quote, 'said');
    const terminal = annotations.find((a) => a.id?.endsWith('0004'))!;
    assert.deepEqual(terminal.source, { text: 'the port authority <b>' });
    const astral = annotations.find((a) => a.quote === 'the 𝒻𝒶𝓇𝑒 change')!;
    assert.equal(ARTICLE.slice(astral.start, astral.end), 'the 𝒻𝒶𝓇𝑒 change');
  });

  test('positions in the file are code points: converted to UTF-16 with the document text', () => {
    const text = '😀😀 target here';
    const json = JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'Annotation', body: [{ type: 'TextualBody', purpose: 'tagging', value: 'opinion' }],
      target: { source: 'urn:x', selector: [{ type: 'TextPositionSelector', start: 3, end: 9 }] } });
    const [a] = parseWebAnnotations(json, text).annotations;
    assert.equal(a.kind, 'opinion');
    assert.equal(text.slice(a.start, a.end), 'target');
    assert.equal(a.quote, undefined);
  });

  test('a Hypothesis API row: text, tags, user, updated; kind from a tag', () => {
    const text = 'The minister claimed unemployment halved.';
    const row = {
      id: 'hyp-1', created: '2025-01-02T03:04:05.000000+00:00', updated: '2025-01-03T03:04:05.000+00:00', user: 'acct:lena@hypothes.is',
      uri: 'https://example.org/a', text: 'Check ONS data', tags: ['Claim', 'labour'],
      target: [{ source: 'https://example.org/a', selector: [
        { type: 'RangeSelector', startContainer: '/p[1]', startOffset: 0, endContainer: '/p[1]', endOffset: 10 },
        { type: 'TextPositionSelector', start: 21, end: 40 },
        { type: 'TextQuoteSelector', exact: 'unemployment halved', prefix: 'minister claimed ', suffix: '.' },
      ] }],
    };
    const { annotations, skipped } = parseWebAnnotations(JSON.stringify({ total: 1, rows: [row] }), text);
    assert.deepEqual(skipped, []);
    assert.deepEqual(annotations[0], {
      kind: 'claim', id: 'hyp-1', quote: 'unemployment halved', prefix: 'minister claimed ', suffix: '.', start: 21, end: 40,
      note: 'Check ONS data', created: '2025-01-02T03:04:05.000000+00:00', modified: '2025-01-03T03:04:05.000+00:00', author: 'lena', labels: ['labour'],
    });
  });

  test('kind from the motivation, or the default, when no tag names one; bodyValue is a note; verdict labels are read', () => {
    const text = 'alpha beta gamma';
    const target = { source: 'urn:x', selector: { type: 'TextQuoteSelector', exact: 'beta' } };
    const json = JSON.stringify([
      { type: 'Annotation', motivation: 'classifying', bodyValue: 'too strong', target },
      { type: 'Annotation', motivation: 'commenting', target },
      { type: 'Annotation', body: [{ type: 'TextualBody', purpose: 'assessing', value: 'Misleading' }], target },
    ]);
    const { annotations } = parseWebAnnotations(json, text, { defaultKind: 'opinion' });
    assert.deepEqual(annotations.map((a) => [a.kind, a.note, a.status]), [['opinion', 'too strong', undefined], ['opinion', undefined, undefined], ['opinion', undefined, undefined]]);
    assert.equal(parseWebAnnotations(json, text).annotations[2].status, 'misleading');
    assert.equal(parseWebAnnotations(json, text, { knownKinds: ['numbers'] }).annotations[0].kind, 'opinion');
  });

  test('what cannot be used is reported with a reason, never dropped silently', () => {
    const text = 'short text';
    const json = JSON.stringify({ type: 'AnnotationPage', items: [
      'urn:uuid:just-a-reference',
      { type: 'Annotation', body: 'https://example.org' },
      { type: 'Annotation', target: 'https://example.org/whole-page' },
      { type: 'Annotation', target: { source: 'urn:x', selector: { type: 'TextPositionSelector', start: 2, end: 500 } } },
      { type: 'Annotation', target: { source: 'urn:x', selector: { type: 'TextQuoteSelector', exact: 'text' } } },
    ] });
    const result = parseWebAnnotations(json, text);
    assert.equal(result.annotations.length, 1);
    assert.deepEqual(result.skipped.map((s) => s.index), [0, 1, 2, 3]);
    assert.match(result.skipped[0].reason, /not an annotation/);
    assert.match(result.skipped[1].reason, /no target/);
    assert.match(result.skipped[3].reason, /outside the document/);
  });

  test('a collection whose page is only referenced is reported; non-JSON throws', () => {
    const r = parseWebAnnotations(JSON.stringify({ type: 'AnnotationCollection', first: 'https://example.org/page1' }), '');
    assert.equal(r.annotations.length, 0);
    assert.match(r.skipped[0].reason, /only referenced/);
    assert.throws(() => parseWebAnnotations('<html>', ''), /Not valid JSON/);
    assert.match(parseWebAnnotations('42', '').skipped[0].reason, /Expected a W3C Web Annotation/);
  });

  test('payloads in imported text stay data', () => {
    const text = 'x <script>alert(1)</script> y';
    const t = tagOf(text, 'claim', '<script>alert(1)</script>', { note: '" onmouseover="alert(2)' });
    const json = renderReport('w3c', [{ uri: '/tmp/a.md', name: 'a.md', text, tags: [t] }], { generated: GENERATED });
    assert.doesNotMatch(json, /<script>/, 'exported JSON escapes < and >');
    const [a] = parseWebAnnotations(json, text).annotations;
    assert.equal(a.quote, '<script>alert(1)</script>');
    assert.equal(a.note, '" onmouseover="alert(2)');
  });
});
