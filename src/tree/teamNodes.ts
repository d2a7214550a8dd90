// Rows of the Tags view for teams: the "Merge conflicts" group (each conflict with its two versions) and the
// grouping by author. Built from the workspace index; the review model keeps the other groupings.
import { Tag } from '../core/model';
import { ReviewFilter, TagNode, tagNodeId } from '../core/review/model';
import { authorCounts, tagsOfAuthor } from '../core/team/authorTree';
import { ConflictEntry } from '../core/team/types';
import { WorkspaceIndex } from '../store/workspaceIndex';

export interface ConflictsNode { type: 'conflicts'; id: string; count: number }
export interface ConflictNode { type: 'conflict'; id: string; doc: string; name: string; entry: ConflictEntry; ours: Tag; theirs: Tag; parent: ConflictsNode }
export interface VersionNode { type: 'version'; id: string; doc: string; tag: Tag; which: 'this' | 'other'; parent: ConflictNode }
export interface AuthorNode { type: 'author'; id: string; author: string; count: number }
export interface AuthorDocNode { type: 'authorDoc'; id: string; author: string; doc: string; name: string; count: number; parent: AuthorNode }
export type TeamNode = ConflictsNode | ConflictNode | VersionNode | AuthorNode | AuthorDocNode;

export const CONFLICTS_ID = 'team:conflicts';

/** The "Merge conflicts" group, when any document lists a conflict still standing. */
export function conflictsRoot(index: WorkspaceIndex): ConflictsNode | undefined {
  let count = 0;
  for (const key of index.documentsWithConflicts()) count += index.conflicts(key).length;
  return count ? { type: 'conflicts', id: CONFLICTS_ID, count } : undefined;
}

export function conflictRows(index: WorkspaceIndex, parent: ConflictsNode): ConflictNode[] {
  const out: ConflictNode[] = [];
  const docs = index.documentsWithConflicts().map((k) => index.model.document(k)!).filter(Boolean).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const d of docs) {
    const byId = new Map(d.tags.map((t) => [t.id, t]));
    for (const entry of index.conflicts(d.key)) {
      out.push({ type: 'conflict', id: `${CONFLICTS_ID}:${d.key}:${entry.id}:${entry.otherId}`, doc: d.key, name: d.name, entry, ours: byId.get(entry.id)!, theirs: byId.get(entry.otherId)!, parent });
    }
  }
  return out;
}

export function versionRows(node: ConflictNode): VersionNode[] {
  return [
    { type: 'version', id: `${node.id}:this`, doc: node.doc, tag: node.ours, which: 'this', parent: node },
    { type: 'version', id: `${node.id}:other`, doc: node.doc, tag: node.theirs, which: 'other', parent: node },
  ];
}

export function authorRoots(index: WorkspaceIndex, filter: ReviewFilter): AuthorNode[] {
  return authorCounts(index.model.documents(), filter).map((c) => ({ type: 'author', id: `team:author:${c.author}`, author: c.author, count: c.count }));
}

export function authorDocRows(index: WorkspaceIndex, filter: ReviewFilter, parent: AuthorNode): AuthorDocNode[] {
  return tagsOfAuthor(index.model.documents(), parent.author, filter).map((r) => ({ type: 'authorDoc', id: `${parent.id}:doc:${r.doc.key}`, author: parent.author, doc: r.doc.key, name: r.doc.name, count: r.tags.length, parent }));
}

export function authorTagRows(index: WorkspaceIndex, filter: ReviewFilter, node: AuthorDocNode): TagNode[] {
  const row = tagsOfAuthor([index.model.document(node.doc)!].filter(Boolean), node.author, filter)[0];
  return (row?.tags ?? []).map((tag) => ({ type: 'tag', id: tagNodeId(node.doc, tag.id), doc: node.doc, tag }));
}

export function isTeamNode(node: { type: string }): node is TeamNode {
  return node.type === 'conflicts' || node.type === 'conflict' || node.type === 'version' || node.type === 'author' || node.type === 'authorDoc';
}
