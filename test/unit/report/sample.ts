// Report test data: a short original article with overlapping, nested, orphaned and attribution tags,
// astral characters (offsets differ between UTF-16 and code points) and script-injection payloads.
import { ReportDocument } from '../../../src/core/report';
import { Tag } from '../../../src/core/model';
import { quoteAt } from '../../../src/core/tags';

export const GENERATED = new Date('2025-03-14T09:26:53.000Z');

export const ARTICLE = [
  'Harbour Council members said the ferry fare rose by 40 percent in a single year. 🚢',
  'According to the port authority, the new terminal is "a disastrous waste" of public money.',
  'Critics argue the 𝒻𝒶𝓇𝑒 change is simply outrageous <script>alert(1)</script>.',
].join('\n');

let seq = 0;
export function tagOf(text: string, kind: string, quote: string, extra: Partial<Tag> = {}, occurrence = 0): Tag {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(quote, start + 1);
  if (start < 0) throw new Error(`quote not found: ${quote}`);
  seq++;
  return {
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    kind,
    start,
    end: start + quote.length,
    ...quoteAt(text, start, start + quote.length),
    created: '2025-03-01T10:00:00.000Z',
    modified: '2025-03-02T11:30:00.000Z',
    anchor: { state: 'anchored' },
    ...extra,
  };
}

export function sampleDocs(): ReportDocument[] {
  seq = 0;
  const t = ARTICLE;
  const said = t.indexOf('said');
  const members = t.indexOf('Harbour Council members');
  const attribution = tagOf(t, 'attribution', 'Harbour Council members said the ferry fare rose by 40 percent in a single year.', {
    source: { start: members, end: members + 'Harbour Council members'.length, quote: 'Harbour Council members' },
    cue: { start: said, end: said + 4, quote: 'said' },
    author: 'ana',
  });
  const claim = tagOf(t, 'claim', 'the ferry fare rose by 40 percent in a single year', {
    status: 'false', note: 'Fare tables show 12 percent. <img src=x onerror=alert(1)> " onmouseover="alert(2)',
    links: ['https://example.org/fares?year=2024&port=1', 'javascript:alert(3)', 'data:text/html,<script>alert(4)</script>'],
    author: 'ana', labels: ['economy'],
  });
  const nested = tagOf(t, 'opinion', '40 percent', { note: 'nested inside the claim' });
  const port = t.indexOf('the port authority');
  const terminal = tagOf(t, 'attribution', 'the new terminal is "a disastrous waste" of public money', {
    source: { text: 'the port authority <b>' }, cue: { start: port - 13, end: port - 1, quote: 'According to' },
  });
  const disastrous = tagOf(t, 'opinion', 'a disastrous waste', { labels: ['loaded language'] });
  const overlap = tagOf(t, 'claim', 'waste" of public money', { status: 'unreviewed', anchor: { state: 'fuzzy', confidence: 0.82 } });
  const astral = tagOf(t, 'claim', 'the 𝒻𝒶𝓇𝑒 change', { status: 'misleading', author: '<script>alert(5)</script>' });
  const outrageous = tagOf(t, 'opinion', 'simply outrageous <script>alert(1)</script>', { labels: ['intensifier'] });
  const unattributed = tagOf(t, 'attribution', 'Critics argue', {});
  const orphan = tagOf(t, 'claim', 'ferry', { status: 'verified', anchor: { state: 'orphaned' }, start: 9999, end: 10010, quote: 'a deleted sentence', prefix: 'was ', suffix: ' here' });
  const custom = tagOf(t, 'numbers', '40', { note: 'custom kind' });
  return [
    { uri: 'file:///newsroom/2025/ferry-"fares"<script>.md', url: 'https://news.example/2025/ferry-fares?id=1&ref=a', name: 'ferry-"fares"<script>alert(6)</script>.md', text: t,
      tags: [claim, attribution, nested, terminal, disastrous, overlap, astral, outrageous, unattributed, orphan, custom] },
    { uri: 'file:///newsroom/2025/empty.md', name: 'empty.md', length: 120, tags: [] },
  ];
}

export const SAMPLE_KINDS = [
  { id: 'claim', label: 'Claim', color: '#0066cc' },
  { id: 'attribution', label: 'Attribution', color: '#1a8a4a' },
  { id: 'opinion', label: 'Opinion', color: '#c07000' },
  { id: 'numbers', label: 'Numbers', color: 'red;} body{display:none' },
];
