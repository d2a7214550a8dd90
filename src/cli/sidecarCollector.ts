// The one way the CLI finds sidecars: the files and folders named on the command line, expanded into the
// sidecars they stand for (and the blind copies `<document>.tags.<author>.json`, for commands that want them).
// Folders are walked in name order, skipping node_modules and dot-folders other than .claim-tags; links are
// never followed (neither into a folder nor to a file), so the walk cannot leave the folder named.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { SIDECAR_FOLDER, isSidecarPath } from '../core/sidecar/paths';
import { parseBlindCopyPath } from '../core/team/annotators';
import { documentOf, findSidecar } from './sidecarFiles';

export interface FoundSidecar {
  /** Absolute path of the document. */
  document: string;
  /** Display name: relative to the folder walked (with `/`); for a file named, relative to the working directory when inside it, else as given. */
  name: string;
  /** The sidecar (absolute), or undefined for a document named that has none. */
  sidecar?: string;
  /** Set when `sidecar` is a blind copy: its author. */
  author?: string;
}

/** One input as given, what it is, and the sidecars it stands for (in the walk's order for a folder). */
export interface CollectedInput {
  input: string;
  /** `missing`: no such file or folder; `blind`: a blind copy named (only with `blindCopies`). */
  kind: 'missing' | 'folder' | 'sidecar' | 'blind' | 'document';
  found: FoundSidecar[];
}

export interface CollectOptions {
  /** Names of files named are relative to it; it bounds the search for `.claim-tags/` outside a repository. */
  cwd: string;
  /** Whether blind copies count (in folders and when named); without, a blind copy named is taken for a document. */
  blindCopies?: boolean;
}

/** Expands each input, in order; nothing is read but folder listings. */
export async function collectSidecars(inputs: readonly string[], options: CollectOptions): Promise<CollectedInput[]> {
  const blindOf = (file: string) => (options.blindCopies && !isSidecarPath(file) ? parseBlindCopyPath(file) : undefined);
  const slash = (p: string) => p.split(path.sep).join('/');
  // Files given by path are named relative to the working directory when inside it, else as given.
  const fileName = (abs: string, given: string) => {
    const rel = path.relative(options.cwd, abs);
    return slash(rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : path.normalize(given));
  };
  const collected: CollectedInput[] = [];
  for (const input of inputs) {
    const stat = await fs.stat(input).catch(() => undefined);
    const abs = path.resolve(input);
    const blind = blindOf(abs);
    if (!stat) collected.push({ input, kind: 'missing', found: [] });
    else if (stat.isDirectory()) {
      const found: FoundSidecar[] = [];
      for await (const file of walkSidecars(abs, (name, p) => isSidecarPath(name) || !!blindOf(p))) {
        const b = blindOf(file);
        const document = documentOf(b ? b.sharedSidecarPath : file)!;
        found.push({ document, name: slash(path.relative(abs, document)), sidecar: file, ...(b ? { author: b.author } : {}) });
      }
      collected.push({ input, kind: 'folder', found });
    } else if (isSidecarPath(input)) {
      const document = documentOf(abs)!;
      collected.push({ input, kind: 'sidecar', found: [{ document, name: fileName(document, documentOf(input)!), sidecar: abs }] });
    } else if (blind) {
      const document = documentOf(blind.sharedSidecarPath)!;
      collected.push({ input, kind: 'blind', found: [{ document, name: fileName(document, document), sidecar: abs, author: blind.author }] });
    } else {
      collected.push({ input, kind: 'document', found: [{ document: abs, name: fileName(abs, input), sidecar: await findSidecar(input, options.cwd) }] });
    }
  }
  return collected;
}

/** The inputs that do not exist, as given. */
export function missingInputs(collected: readonly CollectedInput[]): string[] {
  return collected.filter((c) => c.kind === 'missing').map((c) => c.input);
}

/** Sidecar files below `dir` in name order (see the top of this file for what is skipped); `accept` says which files count. */
async function* walkSidecars(dir: string, accept: (name: string, file: string) => boolean): AsyncGenerator<string> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    // Dirent types come from the entry itself: a link is neither a directory nor a file here, so it is passed over.
    if (e.isDirectory()) {
      if (e.name === 'node_modules' || (e.name.startsWith('.') && e.name !== SIDECAR_FOLDER)) continue;
      yield* walkSidecars(p, accept);
    } else if (e.isFile() && accept(e.name, p)) yield p;
  }
}
