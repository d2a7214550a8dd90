// Input of `claim-tagger report`: finding sidecars for the given files and folders, and reading them with the
// same validated loader as every other command.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { Tag } from '../core/model';
import { parseSidecar, textHash } from '../core/sidecar/format';
import { isSidecarPath } from '../core/sidecar/paths';
import { NotRegularFileError, readRegularFile } from '../util/regularFile';
import { documentOf, findSidecar, walkSidecars } from './sidecarFiles';

export { textHash };

/** Regular files only: a FIFO given as a document or sidecar would block the report forever. */
export function readText(file: string): Promise<string> {
  return readRegularFile(file);
}

export interface LoadedSidecar {
  /** Base name of the tagged document, as recorded in the sidecar. */
  document?: string;
  /** `sha256:<hex>` of the text the offsets refer to. */
  textHash?: string;
  tags: Tag[];
}

/** Reads and validates one sidecar; throws an Error whose message names the file, line and column, and what is wrong. */
export async function loadSidecar(file: string): Promise<LoadedSidecar> {
  let raw: string;
  try {
    raw = await readText(file);
  } catch (e) {
    if (e instanceof NotRegularFileError) throw new Error(`${e.message}: only regular files can be read`);
    throw new Error(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const read = parseSidecar(raw);
  if (!read.ok) throw new Error(`${file}${read.error.line ? `:${read.error.line}:${read.error.column}` : ''}: ${read.error.message}`);
  return { document: read.sidecar.document, textHash: read.sidecar.textHash, tags: read.sidecar.tags };
}

export interface ReportInput {
  /** Absolute path of the document. */
  document: string;
  /** Display name: path relative to the folder given, or the file as given. */
  name: string;
  /** Absolute path of the sidecar; undefined for a document that has none (reported with no tags). */
  sidecar?: string;
}

/** Expands files and folders into documents with their sidecars; folders are walked recursively. */
export async function collectReportInputs(inputs: string[], cwd: string): Promise<{ entries: ReportInput[]; missing: string[] }> {
  const entries = new Map<string, ReportInput>();
  const missing: string[] = [];
  const slash = (p: string) => p.split(path.sep).join('/');
  // Files given by path are named relative to the working directory when inside it, else as given.
  const fileName = (abs: string, given: string) => {
    const rel = path.relative(cwd, abs);
    return slash(rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : path.normalize(given));
  };
  for (const input of inputs) {
    const stat = await fs.stat(input).catch(() => undefined);
    if (!stat) {
      missing.push(input);
    } else if (stat.isDirectory()) {
      const root = path.resolve(input);
      for await (const sidecar of walkSidecars(root)) {
        const document = documentOf(sidecar)!;
        if (!entries.has(document)) entries.set(document, { document, name: slash(path.relative(root, document)), sidecar });
      }
    } else if (isSidecarPath(input)) {
      const sidecar = path.resolve(input);
      const document = documentOf(sidecar)!;
      if (!entries.has(document)) entries.set(document, { document, name: fileName(document, documentOf(input)!), sidecar });
    } else {
      const document = path.resolve(input);
      if (!entries.has(document)) entries.set(document, { document, name: fileName(document, input), sidecar: await findSidecar(document, cwd) });
    }
  }
  return { entries: [...entries.values()].sort((a, b) => (a.document < b.document ? -1 : a.document > b.document ? 1 : 0)), missing };
}
