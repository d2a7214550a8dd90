#!/usr/bin/env node
// npm test: lint, type-check + compile, build, unit tests, browser tests, grammar tests, integration tests in a
// real VS Code (code-server runner). Runs every step even after a failure, then prints one line summing both test tiers:
// `N passed, N failed` (a failed lint, type-check or build step counts as one failure; so does every pending
// browser test: the XSS test must run, a skip would silently drop it from the total).
//   node scripts/test-all.mjs [--only lint,compile,build,unit,browser,grammar,integration]
import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name) => path.join(root, 'node_modules/.bin', name);
const STEPS = ['lint', 'compile', 'build', 'unit', 'browser', 'grammar', 'integration'];
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt < 0 ? STEPS : (process.argv[onlyAt + 1] ?? '').split(',');
const unknown = only.filter((s) => !STEPS.includes(s));
if (unknown.length || !only.length) {
  console.error(`--only takes a comma-separated list of: ${STEPS.join(', ')} (got ${unknown.join(', ') || 'nothing'})`);
  process.exit(2);
}
const wanted = (step) => only.includes(step);
let passed = 0;
let failed = 0;

function run(label, cmd, args, { parse } = {}) {
  console.log(`\n=== ${label}: ${[path.basename(cmd), ...args].join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
    let out = '';
    child.stdout.on('data', (d) => { out += d; process.stdout.write(d); });
    child.stderr.on('data', (d) => { out += d; process.stderr.write(d); });
    child.on('close', (code) => {
      const counted = parse?.(out);
      if (counted) {
        passed += counted.passed;
        failed += counted.failed;
        if (code !== 0 && counted.failed === 0) failed++; // crashed without reporting a failing test
      } else if (code !== 0) failed++;
      if (code !== 0) console.log(`=== ${label} FAILED (exit ${code})`);
      resolve(code);
    });
  });
}

/** mocha's spec reporter: "N passing", "N failing", "N pending". */
const mochaCounts = (out) => {
  const p = /(\d+) passing/.exec(out);
  const f = /(\d+) failing/.exec(out);
  const s = /(\d+) pending/.exec(out);
  return p || f || s ? { passed: Number(p?.[1] ?? 0), failed: Number(f?.[1] ?? 0), pending: Number(s?.[1] ?? 0) } : undefined;
};
/** The browser tier may not skip: each pending test is a failure. */
const mochaCountsNoPending = (out) => {
  const c = mochaCounts(out);
  if (!c?.pending) return c;
  console.log(`=== ${c.pending} pending browser test(s) counted as failed: they must run`);
  return { passed: c.passed, failed: c.failed + c.pending };
};
const integrationCounts = (out) => {
  const m = /##INTEGRATION passed=(\d+) failed=(\d+)/.exec(out);
  return m ? { passed: Number(m[1]), failed: Number(m[2]) } : undefined;
};
const grammarCounts = (out) => {
  const ok = (out.match(/^✓ /gm) ?? []).length;
  const bad = (out.match(/^✗ /gm) ?? []).length;
  return ok || bad ? { passed: ok, failed: bad } : undefined;
};

// A step left out by --only counts as succeeded for the steps that depend on it.
if (wanted('lint')) await run('lint', bin('eslint'), ['src', 'test', 'bench', 'scripts']);
const compiled = wanted('compile') ? await run('typecheck + compile', bin('tsc'), ['-p', 'tsconfig.test.json']) : 0;
const built = wanted('build') ? await run('build', process.execPath, ['scripts/build.mjs']) : 0;
if (compiled === 0) {
  if (wanted('unit')) await run('unit tests', bin('mocha'), ['--config', '.mocharc.unit.json'], { parse: mochaCounts });
  if (wanted('browser')) await run('browser tests (headless Chromium)', bin('mocha'), ['--ui', 'tdd', '--timeout', '60000', 'out/test/browser/**/*.test.js'], { parse: mochaCountsNoPending });
}
if (wanted('grammar')) await run('grammar tests', bin('vscode-tmgrammar-test'), ['--config', 'test/grammar/package.json', 'test/grammar/**/*.test.*'], { parse: grammarCounts });
if (wanted('integration')) {
  if (compiled === 0 && built === 0) {
    await run('integration tests (VS Code in code-server)', process.execPath, ['test/runners/server.mjs'], { parse: integrationCounts });
  } else {
    console.log('\n=== integration tests skipped: compile or build failed');
    failed++;
  }
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
