// An attribution's source or cue span after its text changed: found again by its quote, near its tag.
import { SpanRef, Tag, isSpanRef } from './model';
import { findNear } from './spans';

/**
 * The span where its quote now is: unchanged when the text still reads so at its offsets, else the occurrence
 * nearest `near` (within findNear's radius). Kept as it was, quote included, when the text is gone.
 */
export function relocate(text: string, span: SpanRef, near: number): SpanRef {
  if (text.slice(span.start, span.end) === span.quote) return span;
  const at = findNear(text, span.quote, near);
  return at === undefined ? span : { start: at, end: at + span.quote.length, quote: span.quote };
}

/** Relocates the source and cue spans of every tag, near the tag itself. */
export function relocateParts(text: string, tags: readonly Tag[]): void {
  for (const tag of tags) {
    if (isSpanRef(tag.source)) tag.source = relocate(text, tag.source, tag.start);
    if (tag.cue) tag.cue = relocate(text, tag.cue, tag.start);
  }
}
