// Deterministic JSON for a sidecar with team fields (`derivedFrom`, `conflicts`): the sidecar writer knows them,
// so this only removes duplicate conflict entries first.
import { serializeSidecar } from '../sidecar/format';
import { TeamSidecar } from './types';

export function serializeTeamSidecar(sidecar: TeamSidecar): string {
  const seen = new Set<string>();
  const conflicts = (sidecar.conflicts ?? []).filter((c) => !seen.has(c.id + '\0' + c.otherId) && seen.add(c.id + '\0' + c.otherId));
  return serializeSidecar({ ...sidecar, conflicts });
}
