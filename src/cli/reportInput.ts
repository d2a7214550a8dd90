// Input of `claim-tagger report`: finding sidecars for the given files and folders, and reading them with the
// same validated loader as every other command.
import { Tag } from '../core/model';
import { parseSidecar, textHash } from '../core/sidecar/format';
import { NotRegularFileError, readRegularFile } from '../util/regularFile';
import { collectSidecars, missingInputs } from './sidecarCollector';

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
export async function loadSidecar(file: string, readFile: (file: string) => Promise<string> = readText): Promise<LoadedSidecar> {
  let raw: string;
  try {
    raw = await readFile(file);
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

/** Expands files and folders into documents with their sidecars (the first found for each document), in path order. */
export async function collectReportInputs(inputs: string[], cwd: string): Promise<{ entries: ReportInput[]; missing: string[] }> {
  const collected = await collectSidecars(inputs, { cwd });
  const entries = new Map<string, ReportInput>();
  for (const { found } of collected) {
    for (const { document, name, sidecar } of found) if (!entries.has(document)) entries.set(document, { document, name, sidecar });
  }
  return { entries: [...entries.values()].sort((a, b) => (a.document < b.document ? -1 : a.document > b.document ? 1 : 0)), missing: missingInputs(collected) };
}
