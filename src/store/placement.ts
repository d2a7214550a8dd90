// Placing a document's tags on its text again by their quotes (after a load, a merge, an undone removal).
import { applyAnchorResults, reanchor } from '../core/anchor';
import { Tag } from '../core/model';
import { relocateParts } from '../core/relocate';
import { DocumentTags } from './documentTags';

/** Re-anchors every tag and its source and cue spans; marks the document moved when any placement changed. */
export function reanchorAll(doc: DocumentTags, text: string): void {
  if (!doc.tags.length) return;
  const before = doc.tags.map((t) => `${t.start}:${t.end}:${t.anchor.state}`);
  applyAnchorResults(text, doc.tags, reanchor(text, doc.tags));
  relocateParts(text, doc.tags);
  if (doc.tags.some((t, i) => `${t.start}:${t.end}:${t.anchor.state}` !== before[i])) doc.moved = true;
}

/** Re-anchors some of the document's tags (restored or merged in); the document is marked moved. */
export function reanchorSome(doc: DocumentTags, text: string, tags: Tag[]): void {
  if (tags.length) applyAnchorResults(text, tags, reanchor(text, tags));
  doc.moved = true;
}

