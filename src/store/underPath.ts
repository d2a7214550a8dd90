// Whether a path lies under a folder, for folders reported deleted (folderEvents.ts). Pure (no vscode), so the
// unit tests reach it.

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
