// Which created or changed paths may be folders, told by the name alone (folderEvents.ts stats the rest). Pure
// (no vscode), so the unit tests reach it.

/** Folders no tag file lives in, whose events come by the hundred (npm ci, git's own refs). */
const SKIPPED_SEGMENT = /\/(?:node_modules|\.git)(?:\/|$)/;

/**
 * - `no`: never searched: inside node_modules or .git, or a `.json` name (tag files come from their own watcher);
 * - `likely`: a name without a dot, a hidden name (".claim-tags"), or digits after the last dot ("2026.11", "v1.2"):
 *   usually a folder, stat'ed to be sure;
 * - `dotted`: any other name with a dot ("www.example.com", but mostly "article.md"): only a stat tells, so these
 *   are stat'ed within a budget per batch.
 */
export type FolderGuess = 'no' | 'likely' | 'dotted';

export function guessFolder(path: string): FolderGuess {
  if (skippedPath(path)) return 'no';
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (name.endsWith('.json')) return 'no';
  const dot = name.lastIndexOf('.');
  return dot <= 0 || /^\d+$/.test(name.slice(dot + 1)) ? 'likely' : 'dotted';
}

/** Whether a path lies in node_modules or .git (or is one): no document or tag file is looked for there. */
export function skippedPath(path: string): boolean {
  return SKIPPED_SEGMENT.test(path);
}

/** Number of `/` in a path: outer folders are looked at first, so what lies inside one is not stat'ed again. */
export function depth(path: string): number {
  let n = 0;
  for (let at = path.indexOf('/'); at >= 0; at = path.indexOf('/', at + 1)) n++;
  return n;
}

/** A path to stat in one batch, and whether the stat counts against the batch's budget. */
export interface StatCandidate {
  readonly path: string;
  readonly budgeted: boolean;
}

/**
 * Which paths of one batch are stat'ed for folders, in order. Created paths come first, so what arrives has the
 * first claim on the budget; outer before inner within each group. Created: no-dot names always, dotted names
 * within the budget. Changed (and not created): dotted names never (a file saved, nearly always; a folder
 * replaced at once is reported by its no-dot name or as created), no-dot names within the budget (Makefile,
 * LICENSE, `chmod -R` on folders).
 */
export function statCandidates(created: readonly string[], changed: readonly string[]): StatCandidate[] {
  const isCreated = new Set(created);
  const byDepth = (paths: readonly string[]) => [...paths].sort((a, b) => depth(a) - depth(b));
  const out: StatCandidate[] = [];
  for (const path of byDepth(created)) {
    const guess = guessFolder(path);
    if (guess !== 'no') out.push({ path, budgeted: guess === 'dotted' });
  }
  for (const path of byDepth(changed)) {
    if (!isCreated.has(path) && guessFolder(path) === 'likely') out.push({ path, budgeted: true });
  }
  return out;
}
