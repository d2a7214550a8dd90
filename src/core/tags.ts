// Creating tags and keeping their TextQuoteSelector (quote, prefix, suffix) in step with the text.
import { randomUuid, sha1Bytes, uuidV5FromSha1 } from './hash';
import { CONTEXT_LENGTH, Tag, TagKind } from './model';

export interface QuoteSelector {
  quote: string;
  prefix: string;
  suffix: string;
}

export function quoteAt(text: string, start: number, end: number): QuoteSelector {
  return {
    quote: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: text.slice(end, end + CONTEXT_LENGTH),
  };
}

export function newTagId(): string {
  return randomUuid();
}

/**
 * A safe id derived from an id that breaks the id pattern (see TAG_ID_PATTERN): a name-based UUID
 * (version 5 layout over SHA-1), so every reader of the same file (editor, CLI, another machine)
 * derives the same id and merges by id keep working.
 */
export function derivedTagId(unsafe: string): string {
  return uuidV5FromSha1(sha1Bytes(`claim-tagger:tag-id\u0000${unsafe}`));
}

export interface NewTagInit {
  kind: TagKind;
  start: number;
  end: number;
  author?: string;
  note?: string;
  now?: Date;
}

/** A new, anchored tag over `text[start, end)`; claims start `unreviewed`. */
export function createTag(text: string, init: NewTagInit): Tag {
  const now = (init.now ?? new Date()).toISOString();
  const tag: Tag = {
    id: newTagId(),
    kind: init.kind,
    start: init.start,
    end: init.end,
    ...quoteAt(text, init.start, init.end),
    created: now,
    modified: now,
    anchor: { state: 'anchored' },
  };
  if (init.kind === 'claim') tag.status = 'unreviewed';
  if (init.note) tag.note = init.note;
  if (init.author) tag.author = init.author;
  return tag;
}

/** Refreshes quote/prefix/suffix of anchored tags from the current text (orphaned ones keep theirs). */
export function refreshQuotes(text: string, tags: Iterable<Tag>): void {
  for (const tag of tags) {
    if (tag.anchor.state === 'orphaned') continue;
    const sel = quoteAt(text, tag.start, tag.end);
    tag.quote = sel.quote;
    tag.prefix = sel.prefix;
    tag.suffix = sel.suffix;
  }
}

/** Trims white space around [start, end) of `text`; returns the trimmed range (possibly empty). */
export function trimRange(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}
