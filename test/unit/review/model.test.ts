import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { Tag } from '../../../src/core/model';
import { GroupNode, ReviewDocument, ReviewFilter, ReviewModel, ReviewNode, TagNode, describeFilter, isFilterActive, matches } from '../../../src/core/review/model';
import { createTag } from '../../../src/core/tags';

const TEXT = 'The mayor said the bridge will cost 310 million euros. Critics called it a disgrace. Officials disagree.';

function tag(kind: string, quote: string, extra: Partial<Tag> = {}): Tag {
  const start = TEXT.indexOf(quote);
  return { ...createTag(TEXT, { kind, start, end: start + quote.length, author: 'ana' }), ...extra };
}

function docs(): ReviewDocument[] {
  return [
    { key: 'file:///ws/b.md', name: 'b.md', sidecar: 'file:///ws/b.md.tags.json', detached: false, tags: [
      tag('claim', 'the bridge will cost 310 million euros', { status: 'verified' }),
      tag('opinion', 'disgrace'),
      tag('claim', 'Officials disagree.', { anchor: { state: 'orphaned' } }),
    ] },
    { key: 'file:///ws/a.md', name: 'a.md', sidecar: 'file:///ws/a.md.tags.json', detached: false, tags: [
      tag('claim', 'Critics called it a disgrace.', { author: 'ben', note: 'Who are the critics?' }),
      tag('attribution', 'The mayor said'),
    ] },
    { key: 'file:///ws/gone.md', name: 'gone.md', sidecar: 'file:///ws/gone.md.tags.json', detached: true, tags: [tag('opinion', 'disgrace')] },
  ];
}

function model(grouping: 'document' | 'kind' | 'status' = 'document'): ReviewModel {
  const m = new ReviewModel(grouping);
  for (const d of docs()) m.upsert(d);
  return m;
}

const labels = (nodes: { label?: string; count?: number; type: string; tag?: Tag }[]) =>
  nodes.map((n) => (n.type === 'group' ? `${n.label} (${n.count})` : n.tag!.quote));

suite('review model', () => {
  test('document -> kind -> tag, sorted by name, with an Orphaned node and a Detached root', () => {
    const m = model();
    const roots = m.roots();
    assert.deepEqual(labels(roots), ['a.md (2)', 'b.md (3)', 'Detached (1)']);
    assert.deepEqual(labels(m.children(roots[1])), ['claim (1)', 'opinion (1)', 'Orphaned (1)']);
    const claimNode = m.children(roots[1])[0] as GroupNode;
    assert.deepEqual(labels(m.children(claimNode)), ['the bridge will cost 310 million euros']);
    assert.deepEqual(labels(m.children(m.children(roots[1])[2] as GroupNode)), ['Officials disagree.']);
    const detached = m.children(roots[2]) as GroupNode[];
    assert.deepEqual(labels(detached), ['gone.md (1)']);
    assert.deepEqual(labels(m.children(detached[0])), ['opinion (1)']);
  });

  test('kind -> document -> tag, kinds in configured order', () => {
    const m = model('kind');
    const roots = m.roots();
    assert.deepEqual(labels(roots), ['claim (2)', 'attribution (1)', 'opinion (1)']);
    const docsOfClaim = m.children(roots[0]) as GroupNode[];
    assert.deepEqual(labels(docsOfClaim), ['a.md (1)', 'b.md (1)']);
    assert.deepEqual(labels(m.children(docsOfClaim[1])), ['the bridge will cost 310 million euros']);
  });

  test('claim status -> tag counts claims only, unreviewed by default', () => {
    const m = model('status');
    assert.deepEqual(labels(m.roots()), ['unreviewed (1)', 'verified (1)']);
    assert.deepEqual(labels(m.children(m.roots()[0])), ['Critics called it a disgrace.']);
  });

  test('filters by kind, status, author and text; counts follow the filter', () => {
    const m = model();
    m.setFilter({ kinds: ['opinion'] });
    assert.deepEqual(labels(m.roots()), ['b.md (1)', 'Detached (1)']);
    m.setFilter({ statuses: ['unreviewed'] });
    assert.deepEqual(labels(m.roots()), ['a.md (1)', 'b.md (1)']);
    m.setFilter({ authors: ['ben'] });
    assert.deepEqual(labels(m.roots()), ['a.md (1)']);
    m.setFilter({ text: 'CRITICS' });
    assert.deepEqual(labels(m.roots()), ['a.md (1)']);
    m.setFilter({ text: 'nothing like this' });
    assert.deepEqual(m.roots(), []);
  });

  test('badge counts unreviewed claims over the workspace, ignoring the filter', () => {
    const m = model();
    m.setFilter({ kinds: ['opinion'] });
    // One unreviewed claim in a.md and the orphaned claim in b.md (status unset = unreviewed).
    assert.equal(m.unreviewedClaims(), 2);
    assert.equal(m.totalTags(), 6);
  });

  test('upserting a document refreshes its counts; nodeOf finds a tag with its parents', () => {
    const m = model();
    const b = docs()[0];
    m.upsert({ ...b, tags: b.tags.slice(0, 1) });
    assert.deepEqual(labels(m.roots()), ['a.md (2)', 'b.md (1)', 'Detached (1)']);
    const node = m.nodeOf('file:///ws/a.md', m.document('file:///ws/a.md')!.tags[1].id);
    assert.ok(node);
    assert.equal(node.parent?.label, 'attribution');
    assert.equal(node.parent?.parent?.label, 'a.md');
  });

  test('nodeOf builds the same path (ids, labels, counts) as walking roots() and children()', () => {
    /** The reference: search the tree as the view lists it. */
    const walk = (m: ReviewModel, doc: string, id: string): TagNode | undefined => {
      const visit = (nodes: ReviewNode[]): TagNode | undefined => {
        for (const n of nodes) {
          if (n.type === 'tag') {
            if (n.doc === doc && n.tag.id === id) return n;
          } else {
            const found = visit(m.children(n));
            if (found) return found;
          }
        }
        return undefined;
      };
      return visit(m.roots());
    };
    const path = (n: ReviewNode | undefined) => {
      const out: string[] = [];
      for (let p: ReviewNode | undefined = n; p; p = p.parent) out.push(p.type === 'group' ? `${p.id}|${p.label}|${p.count}|${p.group}|${p.doc ?? ''}|${p.kind ?? ''}|${p.status ?? ''}` : p.id);
      return out;
    };
    const quotes = ['the bridge will cost 310 million euros', 'disgrace', 'Officials disagree.', 'The mayor said', 'Critics called it a disgrace.'];
    const tagArb = fc.record({
      kind: fc.constantFrom('claim', 'attribution', 'opinion', 'quote-check'),
      quote: fc.constantFrom(...quotes),
      status: fc.constantFrom(undefined, 'verified', 'false', 'unreviewed'),
      orphaned: fc.boolean(),
      author: fc.constantFrom('ana', 'ben'),
    });
    const docArb = fc.record({ detached: fc.boolean(), tags: fc.array(tagArb, { maxLength: 6 }) });
    fc.assert(fc.property(
      fc.array(docArb, { minLength: 1, maxLength: 5 }),
      fc.constantFrom<'document' | 'kind' | 'status'>('document', 'kind', 'status'),
      fc.constantFrom<ReviewFilter[]>({}, { kinds: ['claim'] }, { authors: ['ben'] }, { text: 'disgrace' }),
      (specs, grouping, filter) => {
        const m = new ReviewModel(grouping);
        m.setFilter(filter);
        specs.forEach((spec, i) => m.upsert({
          key: `file:///ws/d${i}.md`, name: `d${i}.md`, sidecar: `file:///ws/d${i}.md.tags.json`, detached: spec.detached,
          tags: spec.tags.map((t) => tag(t.kind, t.quote, { author: t.author, ...(t.status ? { status: t.status as Tag['status'] } : {}), ...(t.orphaned ? { anchor: { state: 'orphaned' as const } } : {}) })),
        }));
        for (const d of m.documents()) for (const t of d.tags) assert.deepEqual(path(m.nodeOf(d.key, t.id)), path(walk(m, d.key, t.id)));
      },
    ), { numRuns: 300 });
  });

  test('filter helpers', () => {
    assert.equal(isFilterActive({}), false);
    assert.equal(isFilterActive({ text: '  ' }), false);
    assert.equal(describeFilter({ kinds: ['claim'], statuses: ['false'], authors: ['ana'], text: 'x' }), 'claim · false · by ana · "x"');
    assert.ok(matches(tag('claim', 'Officials disagree.'), { statuses: ['unreviewed'] }));
    assert.ok(!matches(tag('opinion', 'disgrace'), { statuses: ['unreviewed'] }));
  });
});
