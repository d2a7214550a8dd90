// Sidecar load+validate and save of 100,000 tags, side by side in one run with bare JSON.parse and
// JSON.stringify + write (the floor). Target: within 3x of the floor.
//
//   npm run bench -- sidecar
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SIDECAR_FORMAT, SIDECAR_VERSION, SidecarFile, Tag } from '../src/core/model';
import { parseSidecar, serializeSidecar, textHash } from '../src/core/sidecar/format';
import { createTag } from '../src/core/tags';

const TAGS = 100_000;
const ROUNDS = 5;

function build(): { text: string; sidecar: SidecarFile } {
  const words = ['council', 'budget', 'said', 'record', 'percent', 'bridge', 'critics', 'clearly', 'officials', 'rose'];
  const parts: string[] = [];
  for (let i = 0; i < 400_000; i++) parts.push(words[(i * 7919) % words.length]);
  const text = parts.join(' ');
  const now = new Date(0);
  const tags: Tag[] = [];
  for (let i = 0; i < TAGS; i++) {
    const start = (i * 97) % (text.length - 200);
    const t = createTag(text, { kind: ['claim', 'attribution', 'opinion'][i % 3], start, end: start + 20 + (i % 150), now, author: 'bench' });
    if (i % 5 === 0) t.note = `Note ${i}: check the figure with the desk.`;
    if (i % 7 === 0) t.links = [`https://example.org/evidence/${i}`];
    tags.push(t);
  }
  return { text, sidecar: { format: SIDECAR_FORMAT, version: SIDECAR_VERSION, document: 'bench.md', textHash: textHash(text), tags } };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

function main(): void {
  const { sidecar } = build();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claim-tagger-bench-sidecar-'));
  const file = path.join(dir, 'bench.md.tags.json');
  try {
    const content = serializeSidecar(sidecar);
    fs.writeFileSync(file, content);
    const r = { parse: [] as number[], load: [] as number[], stringify: [] as number[], save: [] as number[] };
    for (let i = 0; i < ROUNDS; i++) {
      r.parse.push(time(() => JSON.parse(fs.readFileSync(file, 'utf8'))));
      r.load.push(time(() => {
        const read = parseSidecar(fs.readFileSync(file, 'utf8'), 'bench.md');
        if (!read.ok || read.sidecar.tags.length !== TAGS) throw new Error('load failed');
      }));
      const plain = JSON.parse(content);
      r.stringify.push(time(() => fs.writeFileSync(file + '.plain', JSON.stringify(plain, null, 2))));
      r.save.push(time(() => {
        const out = serializeSidecar(sidecar);
        const tmp = file + '.tmp';
        fs.writeFileSync(tmp, out);
        fs.renameSync(tmp, file);
      }));
    }
    const [parse, load, stringify, save] = [median(r.parse), median(r.load), median(r.stringify), median(r.save)];
    console.log(`Sidecar with ${TAGS.toLocaleString('en')} tags, ${(content.length / 1e6).toFixed(1)} MB; median of ${ROUNDS} rounds, one process.\n`);
    console.log('| Operation | Claim Tagger | Floor | Ratio (target ≤ 3×) |');
    console.log('| --- | ---: | ---: | ---: |');
    console.log(`| Load: read + parse + schema validation + duplicate-id check vs read + JSON.parse | ${load.toFixed(0)} ms | ${parse.toFixed(0)} ms | ${(load / parse).toFixed(2)}× |`);
    console.log(`| Save: ordered serialisation + atomic write (temp + rename) vs JSON.stringify + write | ${save.toFixed(0)} ms | ${stringify.toFixed(0)} ms | ${(save / stringify).toFixed(2)}× |`);
    if (load / parse > 3 || save / stringify > 3) process.exitCode = 1;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main();
