// Finding every annotator's sidecar of each document for the CLI: shared sidecars and blind copies
// (`<document>.tags.<author>.json`) under the given files and folders, grouped by document.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { isSidecarPath } from '../core/sidecar/paths';
import { parseBlindCopyPath } from '../core/team/annotators';
import { documentOf, exists, findSidecar, walkSidecars } from './sidecarFiles';

export interface DocumentSidecars {
  document: string;
  shared?: string;
  blind: { author: string; file: string }[];
}

export async function collectTeamSidecars(inputs: string[]): Promise<{ documents: DocumentSidecars[]; missing: string[] }> {
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
  for (const input of inputs) {
    const stat = await fs.stat(input).catch(() => undefined);
    if (!stat) missing.push(input);
    else if (stat.isDirectory()) for await (const f of walkSidecars(input, (name, file) => isSidecarPath(name) || !!parseBlindCopyPath(file))) addFile(f);
    else if (isSidecarPath(input) || parseBlindCopyPath(path.resolve(input))) addFile(input);
    else {
      // A document: its shared sidecar (beside it or under .claim-tags/) and the blind copies beside that.
      const shared = (await findSidecar(input)) ?? path.resolve(input) + '.tags.json';
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
