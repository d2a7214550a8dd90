// Merge conflicts listed in a sidecar (`conflicts`, written by the git merge driver or the editor's own merge):
// which entries still stand, and how one is resolved. Pure: the store applies the result and writes it.
import { CONFLICT_LABEL } from '../merge';
import { Tag } from '../model';
import { ConflictEntry } from './types';

export type ConflictChoice = 'this' | 'other' | 'both';

/**
 * The entries that still stand: both tags present, each pair once. An entry whose tag was deleted is settled
 * (someone removed one version), so it is dropped.
 */
export function liveConflicts(conflicts: readonly ConflictEntry[], tags: readonly Tag[]): ConflictEntry[] {
  const ids = new Set(tags.map((t) => t.id));
  const seen = new Set<string>();
  const out: ConflictEntry[] = [];
  for (const c of conflicts) {
    const key = `${c.id}\u0000${c.otherId}`;
    if (c.id === c.otherId || !ids.has(c.id) || !ids.has(c.otherId) || seen.has(key)) continue;
    seen.add(key);
    out.push({ id: c.id, otherId: c.otherId });
  }
  return out;
}

export interface Resolution {
  tags: Tag[];
  conflicts: ConflictEntry[];
}

/**
 * Settles one conflict: `this` keeps our version (`id`) and removes the other; `other` keeps the other version's
 * content under the original id (so links to the tag still work) and removes the copy; `both` keeps the two as
 * separate tags. The `merge-conflict` label goes from what is kept, and the entry is dropped.
 * Throws when the entry is not listed or a tag is missing.
 */
export function resolveConflict(tags: readonly Tag[], conflicts: readonly ConflictEntry[], entry: ConflictEntry, choice: ConflictChoice, now = new Date().toISOString()): Resolution {
  const listed = conflicts.some((c) => c.id === entry.id && c.otherId === entry.otherId);
  const ours = tags.find((t) => t.id === entry.id);
  const theirs = tags.find((t) => t.id === entry.otherId);
  if (!listed || !ours || !theirs) throw new Error(`No merge conflict between tags ${entry.id} and ${entry.otherId}.`);
  const unlabel = (t: Tag): Tag => {
    const labels = (t.labels ?? []).filter((l) => l !== CONFLICT_LABEL);
    const out: Tag = { ...t, modified: now };
    if (labels.length) out.labels = labels;
    else delete out.labels;
    return out;
  };
  let next: Tag[];
  if (choice === 'this') next = tags.filter((t) => t.id !== theirs.id).map((t) => (t.id === ours.id ? unlabel(t) : t));
  else if (choice === 'other') next = tags.filter((t) => t.id !== theirs.id).map((t) => (t.id === ours.id ? unlabel({ ...theirs, id: ours.id }) : t));
  else next = tags.map((t) => (t.id === ours.id || t.id === theirs.id ? unlabel(t) : t));
  const rest = conflicts.filter((c) => !(c.id === entry.id && c.otherId === entry.otherId));
  return { tags: next, conflicts: liveConflicts(rest, next) };
}
