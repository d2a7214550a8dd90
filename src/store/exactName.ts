// Whether a path is on disk under its exact name. On case-insensitive file systems (macOS, Windows) a stat of
// "Report.md" succeeds when only "report.md" is there, and "é" composed or not is one name: after a rename that
// changes only case or normalization, the old name would look present still. Confirmed by the name in its folder's
// listing. Pure (the file system is passed in), so the unit tests simulate a case-insensitive one.

/** The file system calls the check makes, on paths or URIs of type `U`. */
export interface NameOps<U> {
  /** Whether a stat of `uri` succeeds (on some systems under another case or normalization too). */
  exists(uri: U): Promise<boolean>;
  /** The names listed in the folder holding `uri`, as stored. */
  siblings(uri: U): Promise<readonly string[]>;
  /** The key of the folder holding `uri` (one listing per folder). */
  folderOf(uri: U): string;
  /** The last segment of `uri`, decoded. */
  nameOf(uri: U): string;
}

/**
 * A check for one batch of paths: each folder is listed once, the first time a name in it is confirmed. A folder
 * that cannot be listed trusts the stat (keeping an entry is the safe side: nothing is dropped on a doubt).
 */
export function exactExists<U>(ops: NameOps<U>): (uri: U) => Promise<boolean> {
  const listings = new Map<string, Promise<ReadonlySet<string> | undefined>>();
  return async (uri) => {
    if (!(await ops.exists(uri))) return false;
    const folder = ops.folderOf(uri);
    let listing = listings.get(folder);
    if (!listing) {
      listing = ops.siblings(uri).then((names) => new Set(names), () => undefined);
      listings.set(folder, listing);
    }
    const names = await listing;
    return names === undefined || names.has(ops.nameOf(uri));
  };
}

/**
 * The deleted path an entry was matched by: `key` itself or its nearest folder in `gone` (URI strings or paths,
 * written alike). Walks up `key`, so the cost is its depth.
 */
export function matchedBy(key: string, gone: ReadonlySet<string>): string | undefined {
  for (let k = key; k; k = k.slice(0, Math.max(0, k.lastIndexOf('/')))) {
    if (gone.has(k)) return k;
  }
  return undefined;
}

/**
 * exactExists for a path reported gone under a deleted path `via` (the path itself or a folder above it): `via` is
 * confirmed under its exact name first, once per batch, since a folder renamed by case only (`git mv Drafts drafts`)
 * still stats, and so does every file under it; `via` missing, everything under it is gone.
 */
export function exactUnder<U>(ops: NameOps<U>): (uri: U, via?: U) => Promise<boolean> {
  const exact = exactExists(ops);
  const confirmed = new Map<string, Promise<boolean>>();
  return async (uri, via) => {
    if (via !== undefined) {
      const key = `${ops.folderOf(via)}\u0000${ops.nameOf(via)}`;
      let present = confirmed.get(key);
      if (!present) {
        present = exact(via);
        confirmed.set(key, present);
      }
      if (!(await present)) return false;
    }
    return exact(uri);
  };
}
