// The learning context of a folder for the CLI (issue 13): the phrase memory from every sidecar below it and
// the decisions in its .claim-tags/learned.json, the same core the editor uses; claim evidence derived from the
// documents with claim tags, as in the editor. Read only: the CLI never writes learned.json.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { ClaimEvidence, documentClaims } from '../core/learn/claimEvidence';
import { parseLearned, isForgotten, Learned, LEARNED_FILE } from '../core/learn/learnedFile';
import { PhraseMemory, SourceTag } from '../core/learn/phraseMemory';
import { SIDECAR_FOLDER } from '../core/sidecar/paths';
import { readRegularFile } from '../util/regularFile';
import { collectSidecars } from './sidecarCollector';
import { exists, readSidecarFile } from './sidecarFiles';

export interface CliWorkspace {
  dir: string;
  memory: PhraseMemory;
  learned?: Learned;
  /** Claim evidence derived from the documents with claim tags. */
  claims: ClaimEvidence;
  /** Sidecars that could not be read (left out of the memory), one message each. */
  skipped: string[];
  /** How many sidecars were read into the memory. */
  learnedFrom: number;
}

/** The nearest folder from `file`'s folder upwards holding `.claim-tags` or `.git`, or undefined. */
export async function nearestWorkspace(file: string): Promise<string | undefined> {
  for (let dir = path.dirname(path.resolve(file)); ; dir = path.dirname(dir)) {
    if ((await exists(path.join(dir, SIDECAR_FOLDER))) || (await exists(path.join(dir, '.git')))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

export class LearnedFileError extends Error {}

/** Reads a workspace; throws LearnedFileError when its learned.json is corrupt or newer (it is never rewritten here). */
export async function loadWorkspace(dir: string): Promise<CliWorkspace> {
  const root = path.resolve(dir);
  let learned: Learned | undefined;
  const file = path.join(root, SIDECAR_FOLDER, LEARNED_FILE);
  if (await exists(file)) {
    const read = parseLearned(await readRegularFile(file));
    if (!read.ok) {
      const at = read.line !== undefined ? `:${read.line}:${read.column}` : '';
      throw new LearnedFileError(`${file}${at}: ${read.message}. Fix the file, or pass --no-learned.`);
    }
    learned = read.learned;
  }
  const tags: SourceTag[] = [];
  const skipped: string[] = [];
  let learnedFrom = 0;
  const claims = new ClaimEvidence();
  const [folder] = await collectSidecars([root], { cwd: root });
  for (const { sidecar, document } of folder.found) {
    if (!sidecar) continue;
    let read;
    try {
      read = await readSidecarFile(sidecar);
    } catch (e) {
      skipped.push(`${sidecar}: ${(e as Error).message}`);
      continue;
    }
    if (!read.ok) {
      skipped.push(`${sidecar}${read.error.line !== undefined ? `:${read.error.line}:${read.error.column}` : ''}: ${read.error.message}`);
      continue;
    }
    learnedFrom++;
    const name = path.relative(root, document).split(path.sep).join('/');
    for (const t of read.sidecar.tags) tags.push({ document, name, kind: t.kind, quote: t.quote, start: t.start, end: t.end, status: t.status });
    const claimTags = read.sidecar.tags.filter((t) => t.kind === 'claim');
    // A document gone (its sidecar detached) gives phrases but no claim evidence: its sentences are unknown.
    if (claimTags.length) {
      const text = await fs.readFile(document, 'utf8').catch(() => undefined);
      if (text !== undefined) claims.set(document, name, documentClaims(text.replace(/^\uFEFF/, ''), claimTags));
    }
  }
  const memory = new PhraseMemory(tags, (kind, key, count) => isForgotten(learned, kind, key, count));
  return { dir: root, memory, learned, claims, skipped, learnedFrom };
}

/** Whether `p` names a folder. */
export async function isFolder(p: string): Promise<boolean> {
  return (await fs.stat(p).catch(() => undefined))?.isDirectory() ?? false;
}
