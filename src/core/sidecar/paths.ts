// Where a document's sidecar lives. Paths are POSIX-style (URI paths), so the same rules serve the
// editor (vscode.Uri paths) and the CLI (after converting native paths).
import { SIDECAR_SUFFIX } from '../model';

export type SidecarLocation = 'beside' | 'workspaceFolder';
export const SIDECAR_FOLDER = '.claim-tags';

/**
 * `beside`: `dir/article.md` -> `dir/article.md.tags.json`.
 * `workspaceFolder`: `<root>/dir/article.md` -> `<root>/.claim-tags/dir/article.md.tags.json`, mirroring the path;
 * a document outside `root` falls back to `beside`.
 */
export function sidecarPathFor(documentPath: string, location: SidecarLocation, root?: string): string {
  if (location === 'workspaceFolder' && root !== undefined) {
    const rel = relativeInside(root, documentPath);
    if (rel !== undefined) return `${trimSlash(root)}/${SIDECAR_FOLDER}/${rel}${SIDECAR_SUFFIX}`;
  }
  return documentPath + SIDECAR_SUFFIX;
}

/** The document a sidecar belongs to, or undefined when the path is not a sidecar path. */
export function documentPathFor(sidecarPath: string, root?: string): string | undefined {
  if (!isSidecarPath(sidecarPath)) return undefined;
  const doc = sidecarPath.slice(0, -SIDECAR_SUFFIX.length);
  if (root !== undefined) {
    const rel = relativeInside(`${trimSlash(root)}/${SIDECAR_FOLDER}`, doc);
    if (rel !== undefined) return `${trimSlash(root)}/${rel}`;
  }
  return doc;
}

/**
 * Folders whose `.claim-tags/` may hold the sidecar of `documentPath`, nearest first: from the document's folder
 * up to `boundary` (the workspace folder or repository root) inclusive, never above it. A document outside
 * `boundary` (or with none given) gets its own folder only, so a `.claim-tags/` planted higher up, e.g. in a
 * shared parent directory, is never used.
 */
export function claimTagsFolders(documentPath: string, boundary?: string): string[] {
  const dir = parentOf(documentPath);
  if (dir === undefined) return [];
  const root = boundary === undefined ? undefined : trimSlash(boundary) || '/';
  const inside = root !== undefined && (dir === root || root === '/' || relativeInside(root, dir) !== undefined);
  if (!inside) return [dir];
  const out: string[] = [];
  for (let d: string | undefined = dir; d !== undefined; d = parentOf(d)) {
    out.push(d);
    if (d === root) break;
  }
  return out;
}

function parentOf(p: string): string | undefined {
  const t = p === '/' ? p : trimSlash(p);
  const i = t.lastIndexOf('/');
  if (i < 0) return undefined;
  return i === 0 ? (t === '/' ? undefined : '/') : t.slice(0, i);
}

export function isSidecarPath(path: string): boolean {
  return path.endsWith(SIDECAR_SUFFIX) && path.length > SIDECAR_SUFFIX.length && !path.endsWith('/' + SIDECAR_SUFFIX);
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function trimSlash(p: string): string {
  return p.endsWith('/') ? p.slice(0, -1) : p;
}

function relativeInside(root: string, path: string): string | undefined {
  const r = trimSlash(root) + '/';
  return path.startsWith(r) && path.length > r.length ? path.slice(r.length) : undefined;
}
