// What the fold scripts (eval-folds.mjs, eval-claim-folds.mjs) share: the engine bundled from src/ with esbuild (no
// tsc needed) into a temporary file, with the evaluation markup and metrics, and the tune half's texts (dev/ then
// tune/, each in name order: the order the folds number them in). Never reads heldout/.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const root = path.resolve(import.meta.dirname, '..');

/** Runs `use(lib, texts)` with the bundled engine and metrics and the parsed tune texts; the bundle is removed after. */
export async function withTuneTexts(use) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'eval-folds-'));
  const outfile = path.join(tmp, 'engine.cjs');
  try {
    await esbuild.build({
      stdin: {
        contents: `export { suggest } from './src/core/suggest/index';
export { parseMarkup, registerOf } from './bench/evalMarkup';
export { spanCounts, sentenceCounts, prf, addCounts, zero } from './bench/evalMetrics';`,
        resolveDir: root, loader: 'ts',
      },
      bundle: true, platform: 'node', format: 'cjs', outfile, logLevel: 'warning',
    });
    const lib = createRequire(import.meta.url)(outfile);
    const dir = path.join(root, 'test/fixtures/suggest-eval');
    const texts = [];
    for (const split of ['dev', 'tune']) {
      for (const f of fs.readdirSync(path.join(dir, split)).filter((x) => x.endsWith('.txt')).sort()) {
        texts.push(lib.parseMarkup(fs.readFileSync(path.join(dir, split, f), 'utf8'), f, split, lib.registerOf(f)));
      }
    }
    return await use(lib, texts);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
