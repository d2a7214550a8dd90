// Where `report --out` may write: a new file, or an existing regular file that is none of the inputs.
// Real paths are compared (symlinked folders, `..`), and files by device and inode (hard links), so the report
// never replaces an article, a sidecar, a link, a device or a pipe.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { isSidecarPath } from '../core/sidecar/paths';
import { describeEntry } from '../util/regularFile';

export type OutTarget = { ok: true; path: string } | { ok: false; message: string };

/** Checks `out` against the report's input files (documents and sidecars); gives the real path to write. */
export async function resolveOutTarget(out: string, inputs: readonly string[]): Promise<OutTarget> {
  const refuse = (why: string): OutTarget => ({ ok: false, message: `--out ${out}: ${why}; nothing was written. Use --out - for standard output.` });
  const abs = path.resolve(out);
  if (isSidecarPath(path.basename(abs))) return refuse('that name is a sidecar\'s (*.tags.json), which a report must never replace');
  const entry = await fs.lstat(abs).catch(() => undefined);
  if (entry?.isSymbolicLink()) return refuse('is a symbolic link; give the real file');
  if (entry && !entry.isFile()) return refuse(`is ${describeEntry(entry)}, not a regular file`);
  // Folders that do not exist yet are created; the nearest one that exists gives the real path.
  let existing = path.dirname(abs);
  while (!(await fs.lstat(existing).catch(() => undefined)) && path.dirname(existing) !== existing) existing = path.dirname(existing);
  const parent = await fs.realpath(existing).catch(() => undefined);
  const parentStat = parent === undefined ? undefined : await fs.stat(parent).catch(() => undefined);
  if (parent === undefined || !parentStat?.isDirectory()) return refuse(`${existing} is not a folder`);
  const real = path.join(parent, path.relative(existing, abs));
  if (isSidecarPath(real)) return refuse('that name is a sidecar\'s');
  const target = entry && (await fs.stat(real).catch(() => undefined));
  const identity = (st: { dev: number; ino: number }) => `${st.dev}:${st.ino}`;
  const inputIds = new Set<string>();
  const inputPaths = new Set<string>();
  await Promise.all(inputs.map(async (p) => {
    const st = await fs.stat(p).catch(() => undefined);
    if (st) inputIds.add(identity(st));
    inputPaths.add(await fs.realpath(p).catch(() => path.resolve(p)));
  }));
  if (inputPaths.has(real) || (target && inputIds.has(identity(target)))) return refuse('is one of the report\'s inputs');
  return { ok: true, path: real };
}
