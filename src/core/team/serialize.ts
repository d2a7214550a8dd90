// Deterministic JSON for a sidecar with team fields. The sidecar writer (src/core/sidecar/format.ts) writes the
// fields it knows; this adds `derivedFrom` to tags (after `author`) and a top-level `conflicts` list, in a fixed
// place, so that files written here round-trip through it unchanged once it learns them.
import { serializeSidecar } from '../sidecar/format';
import { TeamSidecar } from './types';

export function serializeTeamSidecar(sidecar: TeamSidecar): string {
  const plain = serializeSidecar(sidecar);
  const derived = new Map(sidecar.tags.filter((t) => t.derivedFrom?.length).map((t) => [t.id, t.derivedFrom!]));
  const conflicts = sidecar.conflicts ?? [];
  if (!derived.size && !conflicts.length) return plain;
  let text = plain;
  if (derived.size) {
    // Rare and small (curated sidecars): re-read and rewrite with derivedFrom in its place.
    const out = JSON.parse(plain) as Record<string, unknown> & { tags: Record<string, unknown>[] };
    out.tags = out.tags.map((t) => (derived.has(t.id as string) ? withDerived(t, derived.get(t.id as string)!) : t));
    text = JSON.stringify(out, null, 2) + '\n';
  }
  if (!conflicts.length) return text;
  // `conflicts` goes last: append it to the object's text instead of re-serialising 10,000 tags.
  const seen = new Set<string>();
  const list = conflicts
    .filter((c) => !seen.has(c.id + '\0' + c.otherId) && seen.add(c.id + '\0' + c.otherId))
    .sort((a, b) => cmp(a.id, b.id) || cmp(a.otherId, b.otherId))
    .map((c) => ({ id: c.id, otherId: c.otherId }));
  const body = JSON.stringify({ conflicts: list }, null, 2);
  return `${text.slice(0, text.lastIndexOf('\n}'))},\n${body.slice(2, -2)}\n}\n`;
}

function withDerived(tag: Record<string, unknown>, ids: string[]): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(tag)) {
    if (k === 'created') o.derivedFrom = [...new Set(ids)];
    o[k] = v;
  }
  return o;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
