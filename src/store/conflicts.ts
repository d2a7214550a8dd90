// The store's side of merge conflicts: what a merge with the file on disk leaves listed.
import { MergeConflict } from '../core/merge';
import { liveConflicts } from '../core/team/conflicts';
import { ConflictEntry } from '../core/team/types';

/**
 * Conflicts after merging our unsaved tags with the sidecar on disk: those we held, those the file lists
 * (e.g. left by the git merge driver), and the tags this merge found edited on both sides. Entries whose tags
 * are gone are dropped when the sidecar is written (liveConflicts).
 */
export function mergedConflicts(ours: readonly ConflictEntry[], disk: readonly ConflictEntry[], merge: readonly MergeConflict[]): ConflictEntry[] {
  return [...ours, ...disk, ...merge.map((c) => ({ id: c.id, otherId: c.theirsId }))];
}

export { liveConflicts };
