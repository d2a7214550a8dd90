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
