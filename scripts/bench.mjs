#!/usr/bin/env node
// npm run bench [-- name ...]: compiles, then runs every bench/<name>.bench.ts (or the named ones) one after
// another, so that no two benchmarks compete for the machine's two cores. Each prints its own Markdown table.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.test.json'], { cwd: root, stdio: 'inherit' });
const benches = fs.readdirSync(path.join(root, 'bench')).filter((f) => f.endsWith('.bench.ts')).map((f) => f.replace(/\.bench\.ts$/, ''))
  .filter((n) => !wanted.length || wanted.includes(n)).sort();
let failed = 0;
for (const name of benches) {
  console.log(`\n## bench: ${name}\n`);
  try {
    execFileSync(process.execPath, ['--expose-gc', path.join(root, 'out/bench', `${name}.bench.js`), ...process.argv.slice(2).filter((a) => a.startsWith('-'))], { cwd: root, stdio: 'inherit' });
  } catch {
    failed++;
    console.error(`bench ${name} failed`);
  }
}
process.exit(failed ? 1 : 0);
