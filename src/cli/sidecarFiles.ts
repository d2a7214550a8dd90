// Sidecars on the local file system, for the CLI: find, read and validate, write atomically.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { SIDECAR_SUFFIX, SidecarFile } from '../core/model';
import { SidecarReadResult, parseSidecar } from '../core/sidecar/format';
import { SIDECAR_FOLDER, documentPathFor, isSidecarPath } from '../core/sidecar/paths';
import { writeFileAtomic } from '../util/atomicWrite';

export { writeFileAtomic };

/** The sidecar of `document`: beside it, or in a `.claim-tags/` folder of an ancestor that mirrors its path. */
export async function findSidecar(document: string): Promise<string | undefined> {
  const abs = path.resolve(document);
  const beside = abs + SIDECAR_SUFFIX;
  if (await exists(beside)) return beside;
  for (let dir = path.dirname(abs); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, SIDECAR_FOLDER, path.relative(dir, abs) + SIDECAR_SUFFIX);
    if (await exists(candidate)) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** Where a new sidecar for `document` goes: under an ancestor's `.claim-tags/` when one exists, else beside it. */
export async function newSidecarPath(document: string): Promise<string> {
  const abs = path.resolve(document);
  for (let dir = path.dirname(abs); ; dir = path.dirname(dir)) {
    if (await exists(path.join(dir, SIDECAR_FOLDER))) return path.join(dir, SIDECAR_FOLDER, path.relative(dir, abs) + SIDECAR_SUFFIX);
    if (path.dirname(dir) === dir || (await exists(path.join(dir, '.git')))) return abs + SIDECAR_SUFFIX;
  }
}

/** The document a sidecar belongs to (handles `.claim-tags/` mirrors). */
export function documentOf(sidecar: string): string | undefined {
  const abs = path.resolve(sidecar).split(path.sep).join('/');
  const i = abs.lastIndexOf(`/${SIDECAR_FOLDER}/`);
  const doc = documentPathFor(abs, i >= 0 ? abs.slice(0, i) : undefined);
  return doc?.split('/').join(path.sep);
}

export async function readSidecarFile(sidecar: string, documentName?: string): Promise<SidecarReadResult> {
  return parseSidecar(await fs.readFile(sidecar, 'utf8'), documentName);
}

/** Every sidecar under the given files and folders (skipping node_modules and dot-folders other than .claim-tags). */
export async function collectSidecars(inputs: string[]): Promise<{ sidecars: string[]; missing: string[] }> {
  const sidecars = new Set<string>();
  const missing: string[] = [];
  for (const input of inputs) {
    const stat = await fs.stat(input).catch(() => undefined);
    if (!stat) missing.push(input);
    else if (stat.isDirectory()) for await (const f of walkSidecars(input)) sidecars.add(path.resolve(f));
    else if (isSidecarPath(input)) sidecars.add(path.resolve(input));
    else {
      const s = await findSidecar(input);
      if (s) sidecars.add(s);
    }
  }
  return { sidecars: [...sidecars].sort(), missing };
}

/** Sidecars below `dir` in name order, skipping node_modules and dot-folders other than .claim-tags. */
export async function* walkSidecars(dir: string): AsyncGenerator<string> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name === 'node_modules' || (e.name.startsWith('.') && e.name !== SIDECAR_FOLDER)) continue;
      yield* walkSidecars(p);
    } else if (e.isFile() && isSidecarPath(e.name)) yield p;
  }
}

export async function exists(p: string): Promise<boolean> {
  return fs.access(p).then(() => true, () => false);
}

export type { SidecarFile };
