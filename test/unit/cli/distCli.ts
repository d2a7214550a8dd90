// The bundled CLI (dist/cli.js) for tests that run it as a real process: built once when missing; when the
// build is impossible the caller skips with the reason instead of failing.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '../../../..');
export const CLI = path.join(ROOT, 'dist', 'cli.js');

let built: { ok: true } | { ok: false; reason: string } | undefined;

/** Undefined when dist/cli.js is there (building it first if needed), else why it is not. */
export function cliUnavailable(): string | undefined {
  if (!built) {
    if (fs.existsSync(CLI)) built = { ok: true };
    else {
      const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
      built = r.status === 0 && fs.existsSync(CLI) ? { ok: true } : { ok: false, reason: `dist/cli.js is missing and the build failed: ${(r.stderr || r.error?.message || '').trim().slice(0, 300)}` };
    }
  }
  return built.ok ? undefined : built.reason;
}
