// Finding every annotator's sidecar of each document for the CLI: shared sidecars and blind copies
// (`<document>.tags.<author>.json`) under the given files and folders, grouped by document.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { applyAnchorResults, reanchor } from '../core/anchor';
import { SIDECAR_SUFFIX, Tag } from '../core/model';
import { parseSidecar, textHash } from '../core/sidecar/format';
import { isSidecarPath } from '../core/sidecar/paths';
import { AnnotatedDocument } from '../core/team/agreement';
import { annotatorsOf, parseBlindCopyPath } from '../core/team/annotators';
import { withoutBom } from './document';
import { CliIo } from './io';
import { collectSidecars } from './sidecarCollector';
import { documentOf, exists } from './sidecarFiles';

export interface DocumentSidecars {
  document: string;
  shared?: string;
  blind: { author: string; file: string }[];
}

export async function collectTeamSidecars(inputs: string[], cwd: string): Promise<{ documents: DocumentSidecars[]; missing: string[] }> {
  // Keyed by the shared sidecar's path (present or not): blind copies sit beside it.
  const byDoc = new Map<string, DocumentSidecars>();
  const missing: string[] = [];
  const entry = (sharedPath: string) => {
    let e = byDoc.get(sharedPath);
    if (!e) byDoc.set(sharedPath, (e = { document: documentOf(sharedPath)!, blind: [] }));
    return e;
  };
  const addFile = (file: string) => {
    const abs = path.resolve(file);
    const blind = parseBlindCopyPath(abs);
    if (isSidecarPath(abs)) entry(abs).shared = abs;
    else if (blind) {
      const e = entry(blind.sharedSidecarPath);
      if (!e.blind.some((b) => b.file === abs)) e.blind.push({ author: blind.author, file: abs });
    }
  };
  for (const { input, kind, found } of await collectSidecars(inputs, { cwd, blindCopies: true })) {
    if (kind === 'missing') missing.push(input);
    else if (kind !== 'document') for (const f of found) addFile(f.sidecar!);
    else {
      // A document: its shared sidecar (beside it or under .claim-tags/) and the blind copies beside that.
      const shared = found[0].sidecar ?? found[0].document + SIDECAR_SUFFIX;
      if (await exists(shared)) addFile(shared);
      for (const f of await siblingsOf(shared)) addFile(f);
      if (!byDoc.has(shared)) missing.push(`${input} (no sidecar)`);
    }
  }
  // Whatever was named, take the document's whole set: its shared sidecar and every blind copy beside it.
  for (const shared of [...byDoc.keys()]) {
    if (await exists(shared)) addFile(shared);
    for (const f of await siblingsOf(shared)) addFile(f);
  }
  const documents = [...byDoc.values()].sort((a, b) => (a.document < b.document ? -1 : a.document > b.document ? 1 : 0));
  for (const d of documents) d.blind.sort((a, b) => (a.author < b.author ? -1 : a.author > b.author ? 1 : 0));
  return { documents, missing };
}

async function siblingsOf(sharedSidecar: string): Promise<string[]> {
  const dir = path.dirname(sharedSidecar);
  const stem = path.basename(sharedSidecar).slice(0, -'.tags.json'.length);
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  return names.filter((n) => n.startsWith(stem + '.tags.') && parseBlindCopyPath(path.join(dir, n))?.sharedSidecarPath === sharedSidecar).map((n) => path.join(dir, n));
}

/**
 * Every annotator's tags of the documents named (files, sidecars, blind copies, folders), placed against the
 * current text as `check` does (nothing is written). Problems are written to stderr as `claim-tagger <command>:
 * <file>[:line:column]: message`; `unreadable` says whether any input could not be read. `missingIsError: false`
 * passes over inputs with no sidecar at all (a report lists such documents with no tags).
 */
export async function loadAnnotated(inputs: string[], io: Pick<CliIo, 'stderr' | 'readFile' | 'cwd'>, command: string, rel: (p: string) => string, options: { missingIsError?: boolean } = {}): Promise<{ annotated: AnnotatedDocument[]; unreadable: boolean }> {
  const { documents, missing } = await collectTeamSidecars(inputs, io.cwd);
  const missingIsError = options.missingIsError ?? true;
  let unreadable = missingIsError && missing.length > 0;
  if (missingIsError) for (const m of missing) io.stderr.write(`claim-tagger ${command}: ${m}: no such file or folder, or no sidecar\n`);
  const annotated: AnnotatedDocument[] = [];
  for (const d of documents) {
    let text: string | undefined;
    try {
      text = withoutBom(await io.readFile(d.document));
    } catch {
      io.stderr.write(`claim-tagger ${command}: ${rel(d.document)}: document missing; token-level figures leave it out\n`);
    }
    const read = async (file: string): Promise<Tag[] | undefined> => {
      let raw: string;
      try {
        raw = await io.readFile(file);
      } catch (e) {
        io.stderr.write(`claim-tagger ${command}: ${rel(file)}: ${(e as Error).message}\n`);
        return undefined;
      }
      const r = parseSidecar(raw);
      if (!r.ok) {
        const at = r.error.line ? `:${r.error.line}:${r.error.column}` : '';
        io.stderr.write(`claim-tagger ${command}: ${rel(file)}${at}: ${r.error.message}\n`);
        return undefined;
      }
      if (text !== undefined && r.sidecar.textHash !== textHash(text)) applyAnchorResults(text, r.sidecar.tags, reanchor(text, r.sidecar.tags));
      return r.sidecar.tags;
    };
    const shared = d.shared ? await read(d.shared) : undefined;
    if (d.shared && !shared) unreadable = true;
    const blind: { author: string; tags: Tag[] }[] = [];
    for (const b of d.blind) {
      const tags = await read(b.file);
      if (tags) blind.push({ author: b.author, tags });
      else unreadable = true;
    }
    annotated.push({ name: rel(d.document), text, annotators: annotatorsOf(shared, blind) });
  }
  return { annotated, unreadable };
}

/** Inputs with each blind copy replaced by its document (others as given, in order, without repeats). */
export async function documentsForBlindCopies(inputs: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    const blind = isSidecarPath(input) ? undefined : parseBlindCopyPath(path.resolve(input));
    const stat = blind && (await fs.stat(input).catch(() => undefined));
    const doc = blind && stat?.isFile() ? documentOf(blind.sharedSidecarPath) : undefined;
    const next = doc ?? input;
    if (!out.includes(next)) out.push(next);
  }
  return out;
}
