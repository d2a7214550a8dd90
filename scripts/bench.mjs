#!/usr/bin/env node
// npm run bench [-- name ... [--option value ...]]: compiles, then runs every bench/<name>.bench.ts (or the named ones) one after
// another, so that no two benchmarks compete for the machine's two cores. Each prints its own Markdown table.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
// Bench names come first; everything from the first option on goes to each bench as it is ("--runs 5" keeps its value).
const args = process.argv.slice(2);
const firstOption = args.findIndex((a) => a.startsWith('-'));
const wanted = firstOption < 0 ? args : args.slice(0, firstOption);
const forwarded = firstOption < 0 ? [] : args.slice(firstOption);
execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.test.json'], { cwd: root, stdio: 'inherit' });
const benches = fs.readdirSync(path.join(root, 'bench')).filter((f) => f.endsWith('.bench.ts')).map((f) => f.replace(/\.bench\.ts$/, ''))
  .filter((n) => !wanted.length || wanted.includes(n)).sort();
let failed = 0;
for (const name of benches) {
  console.log(`\n## bench: ${name}\n`);
  try {
    execFileSync(process.execPath, ['--expose-gc', path.join(root, 'out/bench', `${name}.bench.js`), ...forwarded], { cwd: root, stdio: 'inherit' });
  } catch {
    failed++;
    console.error(`bench ${name} failed`);
  }
}
process.exit(failed ? 1 : 0);
