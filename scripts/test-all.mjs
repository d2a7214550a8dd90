#!/usr/bin/env node
// npm test: lint, type-check + compile, build, unit tests, browser tests, grammar tests, integration tests in a
// real VS Code (code-server runner), and the same portable suites in VS Code's web-worker extension host (runner
// --web). Runs every step even after a failure, then prints one line summing both test tiers:
// `N passed, N failed` (a failed lint, type-check or build step counts as one failure; so does every pending
// browser or web test: the XSS test and the web suites must run, a skip would silently drop them from the total;
// and a web run that reports no result line is a failure too).
//   node scripts/test-all.mjs [--only lint,compile,build,unit,browser,grammar,integration,web]
import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name) => path.join(root, 'node_modules/.bin', name);
const STEPS = ['lint', 'compile', 'build', 'unit', 'browser', 'grammar', 'integration', 'web'];
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
/** The runner's `##INTEGRATION mode=node|web passed=N failed=N pending=N` line, for one mode. */
const integrationCounts = (mode) => (out) => {
  const m = new RegExp(`##INTEGRATION mode=${mode} passed=(\\d+) failed=(\\d+) pending=(\\d+)`).exec(out);
  return m ? { passed: Number(m[1]), failed: Number(m[2]), pending: Number(m[3]) } : undefined;
};
/**
 * The web run may not skip (each pending test is a failure) and must report: no result line (a crash, a bundle
 * that failed to load) is a failure even on exit 0.
 */
const webCounts = (out) => {
  const c = integrationCounts('web')(out);
  if (!c) {
    console.log('=== the web run reported no "##INTEGRATION mode=web" line: counted as a failure');
    return { passed: 0, failed: 1 };
  }
  if (c.pending) console.log(`=== ${c.pending} pending web test(s) counted as failed: they must run`);
  return { passed: c.passed, failed: c.failed + c.pending };
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
    await run('integration tests (VS Code in code-server)', process.execPath, ['test/runners/server.mjs'], { parse: integrationCounts('node') });
  } else {
    console.log('\n=== integration tests skipped: compile or build failed');
    failed++;
  }
}
if (wanted('web')) {
  // The runner bundles the web suites itself (test/web/build.mjs); the extension's web entry comes from the build.
  if (built === 0) {
    await run('web integration tests (VS Code web-worker host in code-server)', process.execPath, ['test/runners/server.mjs', '--web'], { parse: webCounts });
  } else {
    console.log('\n=== web integration tests skipped: build failed');
    failed++;
  }
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
