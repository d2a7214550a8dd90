// Curation: settle several annotators' tags of one document into one set. Tags of one kind that overlap across
// annotators form an item (connected groups, so a long span overlapping two short ones is one item). An item
// on which every annotator of the document has the same span and the same content is agreed; every other item is
// a disagreement the curator decides: accept one annotator's tag, merge (union of the spans, one status, notes,
// labels and links combined), or reject. Curated tags are new tags by the curator with `derivedFrom` ids; the
// annotators' tags are never changed.
import { ClaimStatus, Tag, isSpanRef } from '../model';
import { newTagId, quoteAt } from '../tags';
import { TeamTag } from './types';

export interface CurationItem {
  kind: string;
  /** Each annotator's tags in this item (an annotator may have none or several). */
  versions: { author: string; tags: Tag[] }[];
  /** Every annotator of the document tagged exactly this, the same way. */
  agreed: boolean;
  start: number;
  end: number;
}

export type CurationDecision =
  | { action: 'accept'; tagId: string }
  | { action: 'merge'; status?: ClaimStatus }
  | { action: 'reject' };

/** Items of a document in text order; `annotators` maps author to their tags (orphaned tags left out). */
export function curationItems(annotators: ReadonlyMap<string, readonly Tag[]>): CurationItem[] {
  const all: { author: string; tag: Tag }[] = [];
  for (const [author, tags] of annotators) for (const tag of tags) if (tag.anchor.state !== 'orphaned' && tag.end > tag.start) all.push({ author, tag });
  const byKind = new Map<string, { author: string; tag: Tag }[]>();
  for (const x of all) byKind.set(x.tag.kind, [...(byKind.get(x.tag.kind) ?? []), x]);
  const items: CurationItem[] = [];
  const authors = [...annotators.keys()];
  for (const [kind, list] of byKind) {
    list.sort((a, b) => a.tag.start - b.tag.start || a.tag.end - b.tag.end);
    // Sweep: a group grows while the next tag starts before the group's end.
    let group: { author: string; tag: Tag }[] = [];
    let end = -1;
    const close = () => {
      if (group.length) items.push(item(kind, group, authors));
      group = [];
    };
    for (const x of list) {
      if (group.length && x.tag.start >= end) close();
      group.push(x);
      end = Math.max(group.length === 1 ? x.tag.end : end, x.tag.end);
    }
    close();
  }
  return items.sort((a, b) => a.start - b.start || a.end - b.end || (a.kind < b.kind ? -1 : 1));
}

function item(kind: string, group: { author: string; tag: Tag }[], authors: readonly string[]): CurationItem {
  const versions = authors.map((author) => ({ author, tags: group.filter((g) => g.author === author).map((g) => g.tag) }));
  const sig = (t: Tag) => JSON.stringify([t.start, t.end, t.status ?? '', t.note ?? '', sourceOf(t), t.cue ? [t.cue.start, t.cue.end] : null]);
  const first = versions[0]?.tags[0];
  const agreed = !!first && versions.every((v) => v.tags.length === 1 && sig(v.tags[0]) === sig(first));
  return { kind, versions, agreed, start: Math.min(...group.map((g) => g.tag.start)), end: Math.max(...group.map((g) => g.tag.end)) };
}

function sourceOf(t: Tag): string | null {
  return t.source ? (isSpanRef(t.source) ? `${t.source.start}:${t.source.end}` : t.source.text) : null;
}

export interface CurateOptions {
  curator: string;
  text: string;
  now?: Date;
}

/** The curated tag of one item, or undefined when rejected. */
export function curateItem(it: CurationItem, decision: CurationDecision, o: CurateOptions): TeamTag | undefined {
  const tags = it.versions.flatMap((v) => v.tags);
  const now = (o.now ?? new Date()).toISOString();
  const fresh = (from: Tag, start: number, end: number, derivedFrom: string[]): TeamTag => {
    const t: TeamTag = { ...structuredClone(from), id: newTagId(), start, end, ...quoteAt(o.text, start, end), author: o.curator, created: now, modified: now, anchor: { state: 'anchored' }, derivedFrom };
    if (t.labels) t.labels = t.labels.filter((l) => l !== 'merge-conflict');
    return t;
  };
  if (decision.action === 'reject') return undefined;
  if (decision.action === 'accept') {
    const chosen = tags.find((t) => t.id === decision.tagId);
    if (!chosen) throw new Error(`No tag ${decision.tagId} in this item.`);
    return fresh(chosen, chosen.start, chosen.end, [chosen.id]);
  }
  const [head] = tags;
  const merged = fresh(head, it.start, it.end, tags.map((t) => t.id));
  const notes = [...new Set(tags.map((t) => t.note?.trim()).filter((n): n is string => !!n))];
  if (notes.length) merged.note = notes.join('\n\n');
  else delete merged.note;
  const labels = [...new Set(tags.flatMap((t) => t.labels ?? []))].filter((l) => l !== 'merge-conflict');
  if (labels.length) merged.labels = labels;
  const links = [...new Set(tags.flatMap((t) => t.links ?? []))];
  if (links.length) merged.links = links;
  if (it.kind === 'claim') merged.status = decision.status ?? tags.find((t) => t.status && t.status !== 'unreviewed')?.status ?? 'unreviewed';
  const withSource = tags.find((t) => t.source);
  if (withSource?.source) merged.source = structuredClone(withSource.source);
  const withCue = tags.find((t) => t.cue);
  if (withCue?.cue) merged.cue = structuredClone(withCue.cue);
  return merged;
}

/**
 * Curates a whole document: agreed items are accepted as they are (from the first annotator), each disagreement
 * takes `decide(item, index)` (index among disagreements); `undefined` from `decide` stops: nothing is returned.
 */
export async function curate(items: readonly CurationItem[], decide: (it: CurationItem, index: number) => Promise<CurationDecision | undefined> | CurationDecision | undefined, o: CurateOptions): Promise<TeamTag[] | undefined> {
  const out: TeamTag[] = [];
  let index = 0;
  for (const it of items) {
    let decision: CurationDecision | undefined;
    if (it.agreed) decision = { action: 'accept', tagId: it.versions[0].tags[0].id };
    else {
      decision = await decide(it, index++);
      if (!decision) return undefined;
    }
    const t = curateItem(it, decision, o);
    if (t) {
      if (it.agreed) t.derivedFrom = it.versions.flatMap((v) => v.tags.map((x) => x.id));
      out.push(t);
    }
  }
  return out;
}
