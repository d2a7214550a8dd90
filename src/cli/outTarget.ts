// Where `report --out` may write: a new file, or an existing regular file that is none of the inputs and holds
// nothing of Claim Tagger's. Real paths are compared (symlinked folders, `..`), and files by device and inode
// (hard links), so the report never replaces an article, a sidecar, an annotator's copy or the curated tags,
// anything under `.claim-tags/` (learned.json), a link, a device or a pipe.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { LEARNED_FORMAT } from '../core/learn/learnedFile';
import { SIDECAR_FORMAT } from '../core/model';
import { SIDECAR_FOLDER, isSidecarPath } from '../core/sidecar/paths';
import { parseBlindCopyPath } from '../core/team/annotators';
import { describeEntry, readRegularFile } from '../util/regularFile';
import { findSidecar } from './sidecarFiles';

export type OutTarget = { ok: true; path: string } | { ok: false; message: string };

/**
 * Checks `out` against the report's input files (documents and sidecars) and Claim Tagger's own files; gives the
 * real path to write. `cwd` bounds the search for a `.claim-tags/` sidecar of an existing file, as for any document.
 */
export async function resolveOutTarget(out: string, inputs: readonly string[], cwd = process.cwd()): Promise<OutTarget> {
  const refuse = (why: string): OutTarget => ({ ok: false, message: `--out ${out}: ${why}; nothing was written. Use --out - for standard output.` });
  const abs = path.resolve(out);
  const named = ownFileName(abs);
  if (named) return refuse(named);
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
  const realNamed = ownFileName(real);
  if (realNamed) return refuse(realNamed);
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
  if (target) {
    const held = await claimTaggerContent(real);
    if (held) return refuse(`holds ${held}, which a report must never replace`);
    const sidecar = await findSidecar(real, cwd);
    if (sidecar) return refuse(`is a tagged document (its tags are in ${sidecar}); a report must never replace it`);
  }
  return { ok: true, path: real };
}

/** Why a path's name alone marks it as Claim Tagger's own file, or undefined. */
function ownFileName(p: string): string | undefined {
  const name = path.basename(p);
  if (isSidecarPath(name)) return 'that name is a sidecar\'s (*.tags.json), which a report must never replace';
  if (parseBlindCopyPath(name)) return 'that name is an annotator\'s copy of a sidecar or the curated tags (*.tags.<author>.json), which a report must never replace';
  if (path.dirname(p).split(path.sep).includes(SIDECAR_FOLDER)) return `is inside a ${SIDECAR_FOLDER} folder, where Claim Tagger keeps sidecars and learned.json; a report must never write there`;
  return undefined;
}

/** What of Claim Tagger's an existing file holds (a sidecar, learned suggestions), whatever its name. */
async function claimTaggerContent(file: string): Promise<string | undefined> {
  const text = await readRegularFile(file).catch(() => undefined);
  if (!text?.includes('claim-tagger/')) return undefined; // a quick test before parsing a large report
  let format: unknown;
  try {
    format = (JSON.parse(text.replace(/^\uFEFF/, '')) as { format?: unknown } | null)?.format;
  } catch {
    return undefined;
  }
  if (format === SIDECAR_FORMAT) return 'Claim Tagger tags (it is a sidecar, whatever its name)';
  if (format === LEARNED_FORMAT) return 'what Claim Tagger learned (a learned.json, whatever its name)';
  return undefined;
}
