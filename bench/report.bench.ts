// `npm run bench -- report`: `claim-tagger report` over a generated archive of 10,000 tagged documents
// (a temporary folder under os.tmpdir(), removed afterwards), once per format. Prints a Markdown table.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import { runReport } from '../src/cli/report';
import { REPORT_FORMATS } from '../src/core/report';
import { Tag } from '../src/core/model';
import { quoteAt } from '../src/core/tags';

const DOCUMENTS = Number(process.env.BENCH_DOCUMENTS ?? 10_000);

// Sentences written for this benchmark; the generator varies names and numbers.
const SENTENCES = [
  'The harbour board said the ferry fare rose by {n} percent last year.',
  'According to the treasurer, the new terminal cost {n} million.',
  'Critics call the plan a reckless and shameful waste of money.',
  'Residents told reporters the service had never been so unreliable.',
  'The mayor insisted that {n} new jobs were created in the district.',
  'It is simply outrageous that nobody was held to account.',
  'Officials stated the budget would be balanced by {y}.',
  'Independent figures show the population grew by {n} thousand since {y}.',
];

function article(i: number): string {
  const lines: string[] = [];
  for (let p = 0; p < 4; p++) {
    const para: string[] = [];
    for (let s = 0; s < 5; s++) para.push(SENTENCES[(i + p * 5 + s) % SENTENCES.length].replace('{n}', String(((i * 7 + s) % 90) + 3)).replace('{y}', String(2000 + ((i + s) % 30))));
    lines.push(para.join(' '));
  }
  if (i % 50 === 0) lines.push('Note 🚢 with astral 𝒻𝒶𝓇𝑒 characters.');
  return lines.join('\n\n') + '\n';
}

function tagsFor(text: string, i: number): Tag[] {
  const tags: Tag[] = [];
  const add = (kind: string, needle: string, extra: Partial<Tag> = {}) => {
    const start = text.indexOf(needle);
    if (start < 0) return;
    const now = new Date(Date.UTC(2025, 0, 1 + (i % 300))).toISOString();
    tags.push({ id: `b${i}-${tags.length}`, kind, start, end: start + needle.length, ...quoteAt(text, start, start + needle.length), created: now, modified: now, anchor: { state: 'anchored' }, ...extra });
  };
  add('claim', 'the ferry fare rose by', { status: i % 3 ? 'verified' : 'unreviewed', note: 'Checked against the fare tables.', links: ['https://example.org/fares'] });
  add('claim', 'the new terminal cost', { status: 'false' });
  add('attribution', 'The harbour board said', { source: { start: text.indexOf('The harbour board'), end: text.indexOf('The harbour board') + 17, quote: 'The harbour board' } });
  add('attribution', 'Residents told reporters', { source: { text: 'residents' } });
  add('opinion', 'reckless and shameful waste', { labels: ['loaded'] });
  add('opinion', 'simply outrageous');
  add('opinion', 'so unreliable');
  add('claim', 'new jobs were created', { status: 'disputed' });
  return tags;
}

function generate(root: string): { tags: number; bytes: number } {
  let tags = 0;
  let bytes = 0;
  for (let i = 0; i < DOCUMENTS; i++) {
    const dir = path.join(root, `year-${2000 + (i % 25)}`, `desk-${i % 40}`);
    const file = path.join(dir, `article-${i}.md`);
    const text = article(i);
    const list = tagsFor(text, i);
    tags += list.length;
    // One in four uses the mirrored .claim-tags layout.
    const sidecar = i % 4 === 0 ? path.join(root, '.claim-tags', path.relative(root, file) + '.tags.json') : `${file}.tags.json`;
    const json = JSON.stringify({ format: 'claim-tagger/tags', version: 1, document: path.basename(file), textHash: 'sha256:' + createHash('sha256').update(text).digest('hex'), tags: list });
    fs.mkdirSync(path.dirname(sidecar), { recursive: true });
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(file, text);
    fs.writeFileSync(sidecar, json);
    bytes += text.length + json.length;
  }
  return { tags, bytes };
}

class Sink extends Writable {
  text = '';
  _write(chunk: Buffer, _enc: BufferEncoding, cb: () => void): void {
    this.text += chunk.toString();
    cb();
  }
}

async function main(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'claim-tagger-report-bench-'));
  try {
    let t = process.hrtime.bigint();
    const { tags, bytes } = generate(root);
    const genSeconds = Number(process.hrtime.bigint() - t) / 1e9;
    const rows: string[] = [];
    let worst = 0;
    for (const format of REPORT_FORMATS) {
      const out = path.join(root, `report.${format}`);
      const stderr = new Sink();
      (globalThis as { gc?: () => void }).gc?.();
      t = process.hrtime.bigint();
      const code = await runReport([root, '--format', format, '--out', out, '--fail-on', 'orphaned'], { stdout: new Sink(), stderr });
      const seconds = Number(process.hrtime.bigint() - t) / 1e9;
      if (code !== 0) throw new Error(`report --format ${format} exited ${code}: ${stderr.text.slice(0, 500)}`);
      worst = Math.max(worst, seconds);
      const size = fs.statSync(out).size;
      rows.push(`| ${format} | ${DOCUMENTS} | ${tags} | ${seconds.toFixed(2)} | ${(size / 1e6).toFixed(1)} | ${(process.memoryUsage().rss / 1e6).toFixed(0)} |`);
    }
    console.log(`Archive: ${DOCUMENTS} documents, ${tags} tags, ${(bytes / 1e6).toFixed(1)} MB of text and sidecars, generated in ${genSeconds.toFixed(1)} s.`);
    console.log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}.\n`);
    console.log('| format | documents | tags | seconds | output MB | RSS MB after |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
    for (const r of rows) console.log(r);
    console.log(`\nSlowest format: ${worst.toFixed(2)} s (budget: well under 60 s).`);
    if (worst >= 60) process.exitCode = 1;
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
