// Whether a path lies under a folder, for paths reported deleted or created (folderEvents.ts). Pure (no vscode),
// so the unit tests reach it.

/**
 * Whether `uri` (a URI string) lies strictly under one of `folders` (URI strings, no trailing slash): one set
 * lookup per ancestor, so a batch of thousands of deletions costs no more per entry than a deep path.
 */
export function underAny(uri: string, folders: ReadonlySet<string>): boolean {
  for (let at = uri.lastIndexOf('/'); at > 0; at = uri.lastIndexOf('/', at - 1)) {
    if (folders.has(uri.slice(0, at))) return true;
  }
  return false;
}

/** Whether `uri` is one of `paths` or lies under one of them (a deleted file, or a file in a deleted folder). */
export function atOrUnder(uri: string, paths: ReadonlySet<string>): boolean {
  return paths.has(uri) || underAny(uri, paths);
}

/**
 * The keys (URI strings) that are one of `paths` or lie under one of them, found from the paths' side: keys are
 * sorted once, and what lies under a path is one contiguous run after `path + '/'` (binary search). A batch of
 * thousands of deletions costs paths × log(keys) plus what matches, never keys × paths × depth.
 */
export class PathLookup<T> {
  private readonly sorted: string[];

  constructor(private readonly byKey: ReadonlyMap<string, T>) {
    this.sorted = [...byKey.keys()].sort();
  }

  /** The values whose key is at or under one of `paths`, each once. */
  atOrUnder(paths: Iterable<string>): Set<T> {
    const found = new Set<T>();
    for (const p of paths) {
      const exact = this.byKey.get(p);
      if (exact !== undefined) found.add(exact);
      const prefix = `${p}/`;
      for (let i = lowerBound(this.sorted, prefix); i < this.sorted.length && this.sorted[i].startsWith(prefix); i++) {
        found.add(this.byKey.get(this.sorted[i]) as T);
      }
    }
    return found;
  }
}

/** The first index whose string is not below `s`. */
function lowerBound(sorted: readonly string[], s: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < s) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
