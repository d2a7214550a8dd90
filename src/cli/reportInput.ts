// Input of `claim-tagger report`: finding sidecars for the given files and folders, and reading them.
// `loadSidecar` is a small local reader (JSON.parse plus minimal checks) meant to be replaced by the
// store's validated loader; keep every sidecar read behind it.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs/promises';
import { readFile } from 'node:fs';
import { promisify } from 'node:util';
import * as path from 'node:path';
import { SIDECAR_FORMAT, SIDECAR_SUFFIX, Tag } from '../core/model';

export const SIDECAR_FOLDER = '.claim-tags';

// The callback API behind promisify reads a small file in one step; fs/promises' readFile takes
// several round trips (open, fstat, read, close), which dominates over archives of many small files.
const readFileCb = promisify(readFile);
export function readText(file: string): Promise<string> {
  return readFileCb(file, 'utf8');
}

export interface LoadedSidecar {
  /** Base name of the tagged document, as recorded in the sidecar. */
  document?: string;
  /** `sha256:<hex>` of the text the offsets refer to. */
  textHash?: string;
  tags: Tag[];
}

/** Reads one sidecar; throws an Error whose message names the file and what is wrong. */
export async function loadSidecar(file: string): Promise<LoadedSidecar> {
  let raw: string;
  try {
    raw = await readText(file);
  } catch (e) {
    throw new Error(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new Error(`${file}: not valid JSON (${(e as Error).message})`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error(`${file}: not a Claim Tagger sidecar (expected an object)`);
  const o = data as Record<string, unknown>;
  if (o.format !== undefined && o.format !== SIDECAR_FORMAT) throw new Error(`${file}: not a Claim Tagger sidecar (format ${JSON.stringify(o.format)})`);
  if (!Array.isArray(o.tags)) throw new Error(`${file}: not a Claim Tagger sidecar (no "tags" array)`);
  o.tags.forEach((t, i) => {
    const tag = t as Partial<Tag> | null;
    const ok = !!tag && typeof tag === 'object' && typeof tag.id === 'string' && typeof tag.kind === 'string'
      && Number.isInteger(tag.start) && Number.isInteger(tag.end) && typeof tag.quote === 'string';
    if (!ok) throw new Error(`${file}: tag ${i + 1} lacks an id, kind, start, end or quote`);
    // Fill what the renderers expect, without inventing data.
    if (typeof tag.prefix !== 'string') tag.prefix = '';
    if (typeof tag.suffix !== 'string') tag.suffix = '';
    if (!tag.anchor || typeof tag.anchor !== 'object') tag.anchor = { state: 'anchored' };
  });
  return {
    document: typeof o.document === 'string' ? o.document : undefined,
    textHash: typeof o.textHash === 'string' ? o.textHash : undefined,
    tags: o.tags as Tag[],
  };
}

export function textHash(text: string): string {
  return 'sha256:' + createHash('sha256').update(text, 'utf8').digest('hex');
}

export function isSidecarFile(p: string): boolean {
  const base = path.basename(p);
  return base.endsWith(SIDECAR_SUFFIX) && base.length > SIDECAR_SUFFIX.length;
}

/** The document of a sidecar: beside it, or mirrored out of a `.claim-tags/` folder. */
export function documentForSidecar(sidecar: string): string {
  const abs = path.resolve(sidecar);
  const doc = abs.slice(0, -SIDECAR_SUFFIX.length);
  const marker = `${path.sep}${SIDECAR_FOLDER}${path.sep}`;
  const i = doc.lastIndexOf(marker);
  return i >= 0 ? doc.slice(0, i) + path.sep + doc.slice(i + marker.length) : doc;
}

async function exists(p: string): Promise<boolean> {
  return fs.stat(p).then((s) => s.isFile(), () => false);
}

/** The sidecar of a document: `X.tags.json` beside it, or `<ancestor>/.claim-tags/<relative path>.tags.json`. */
export async function sidecarForDocument(document: string): Promise<string | undefined> {
  const abs = path.resolve(document);
  if (await exists(abs + SIDECAR_SUFFIX)) return abs + SIDECAR_SUFFIX;
  for (let dir = path.dirname(abs); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, SIDECAR_FOLDER, path.relative(dir, abs) + SIDECAR_SUFFIX);
    if (await exists(candidate)) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
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
export async function collectReportInputs(inputs: string[]): Promise<{ entries: ReportInput[]; missing: string[] }> {
  const entries = new Map<string, ReportInput>();
  const missing: string[] = [];
  const slash = (p: string) => p.split(path.sep).join('/');
  // Files given by path are named relative to the working directory when inside it, else as given.
  const fileName = (abs: string, given: string) => {
    const rel = path.relative(process.cwd(), abs);
    return slash(rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : path.normalize(given));
  };
  for (const input of inputs) {
    const stat = await fs.stat(input).catch(() => undefined);
    if (!stat) {
      missing.push(input);
    } else if (stat.isDirectory()) {
      const root = path.resolve(input);
      for await (const sidecar of walk(root)) {
        const document = documentForSidecar(sidecar);
        if (!entries.has(document)) entries.set(document, { document, name: slash(path.relative(root, document)), sidecar });
      }
    } else if (isSidecarFile(input)) {
      const sidecar = path.resolve(input);
      const document = documentForSidecar(sidecar);
      if (!entries.has(document)) entries.set(document, { document, name: fileName(document, documentForSidecar(input)), sidecar });
    } else {
      const document = path.resolve(input);
      if (!entries.has(document)) entries.set(document, { document, name: fileName(document, input), sidecar: await sidecarForDocument(document) });
    }
  }
  return { entries: [...entries.values()].sort((a, b) => (a.document < b.document ? -1 : a.document > b.document ? 1 : 0)), missing };
}

async function* walk(dir: string): AsyncGenerator<string> {
  const list = await fs.readdir(dir, { withFileTypes: true });
  list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of list) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name === 'node_modules' || (e.name.startsWith('.') && e.name !== SIDECAR_FOLDER)) continue;
      yield* walk(p);
    } else if (e.isFile() && isSidecarFile(e.name)) {
      yield p;
    }
  }
}
