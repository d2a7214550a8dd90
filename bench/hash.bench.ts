// textHash runs on every save: SHA-256 of a 1 MB article, node:crypto (native) beside the portable
// @noble/hashes path the web build needs (src/core/hash.ts: TextEncoder + pure-JS SHA-256), and the UTF-8
// encoding alone. Passes interleaved after a warm-up; median of --runs N (default 21). Budget: ~20 ms per MB.
//
//   npm run bench -- hash [--runs=N]
import { createHash } from 'node:crypto';
import { sha1Hex, sha256Hex } from '../src/core/hash';

const TARGET_BYTES = 1 << 20;

/** A news-like text of about 1 MB of UTF-8 with some non-ASCII (quotes, accents, an emoji now and then). */
function article(): string {
  const lines = [
    'The council said the bridge budget grew by 12 percent last year, the largest rise in a decade.',
    '“This is clearly a record,” Mayor Müller told reporters on Tuesday, citing figures from the treasury.',
    'Critics argued the numbers were misleading; officials did not respond to requests for comment. 📰',
  ];
  const parts: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < TARGET_BYTES; i++) {
    const line = `${lines[i % lines.length]} (${i})\n`;
    parts.push(line);
    bytes += Buffer.byteLength(line, 'utf8');
  }
  return parts.join('');
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function runsOption(fallback: number): number {
  const eq = process.argv.find((a) => a.startsWith('--runs='));
  const at = process.argv.indexOf('--runs');
  const n = Number(eq !== undefined ? eq.slice('--runs='.length) : at > 0 ? process.argv[at + 1] : NaN);
  return Number.isFinite(n) ? Math.max(1, Math.floor(n)) : fallback;
}

function main(): void {
  const text = article();
  const mb = Buffer.byteLength(text, 'utf8') / TARGET_BYTES;
  const utf8 = new TextEncoder();
  const passes: Array<{ name: string; run: () => string }> = [
    { name: 'node:crypto sha256 (native, desktop)', run: () => createHash('sha256').update(text, 'utf8').digest('hex') },
    { name: 'sha256Hex (@noble/hashes, portable)', run: () => sha256Hex(text) },
    { name: 'TextEncoder.encode alone', run: () => `${utf8.encode(text).length} bytes` },
    { name: 'node:crypto sha1 (native)', run: () => createHash('sha1').update(text, 'utf8').digest('hex') },
    { name: 'sha1Hex (@noble/hashes, portable)', run: () => sha1Hex(text) },
  ];
  if (passes[0].run() !== passes[1].run() || passes[3].run() !== passes[4].run()) throw new Error('portable hash differs from node:crypto');
  for (let i = 0; i < 3; i++) for (const p of passes) p.run(); // warm-up (JIT)

  const runs = runsOption(21);
  const wall = passes.map(() => [] as number[]);
  for (let r = 0; r < runs; r++) {
    passes.forEach((p, i) => {
      const t0 = process.hrtime.bigint();
      p.run();
      wall[i].push(Number(process.hrtime.bigint() - t0) / 1e6);
    });
  }
  console.log(`Text: ${(mb * TARGET_BYTES).toLocaleString('en')} bytes of UTF-8 (${mb.toFixed(2)} MB); Node ${process.version}; median of ${runs} runs (passes interleaved, after 3 warm-up rounds).\n`);
  console.log('| pass | ms (median) | min–max | ms per MB (median) |');
  console.log('| --- | ---: | ---: | ---: |');
  passes.forEach((p, i) => {
    const m = median(wall[i]);
    console.log(`| ${p.name} | ${m.toFixed(2)} | ${Math.min(...wall[i]).toFixed(2)}–${Math.max(...wall[i]).toFixed(2)} | ${(m / mb).toFixed(2)} |`);
  });
  const ratio = median(wall[1]) / median(wall[0]);
  console.log(`\nsha256: portable / native = ${ratio.toFixed(1)}×; portable ${(median(wall[1]) / mb).toFixed(1)} ms per MB (budget ~20).`);
}

main();
