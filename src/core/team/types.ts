// Team fields of the sidecar (schemas/tags.schema.json): curated tags name their sources, and the git merge
// driver records conflicting edits. The core model (src/core/model.ts) does not carry them yet.
import { SidecarFile, Tag } from '../model';

/** A tag that may have been curated from annotators' tags. */
export type TeamTag = Tag & { derivedFrom?: string[] };

/** Both versions of a tag edited differently on two branches: `id` is ours, `otherId` the other branch's copy. */
export interface ConflictEntry {
  id: string;
  otherId: string;
}

export type TeamSidecar = Omit<SidecarFile, 'tags'> & { tags: TeamTag[]; conflicts?: ConflictEntry[] };
