// Small sidecars for the team tests: one article, tags by several authors.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SidecarFile, Tag } from '../../../src/core/model';
import { emptySidecar, serializeSidecar } from '../../../src/core/sidecar/format';
import { createTag } from '../../../src/core/tags';
import { tempDirPerTest } from '../cli/helpers';

export const ARTICLE = 'The council approved the budget on Monday. Critics called it reckless. The mayor said taxes will not rise. Turnout was 41 percent.\n';

export function tagOf(quote: string, kind: string, author?: string, extra: Partial<Tag> = {}): Tag {
  const start = ARTICLE.indexOf(quote);
  if (start < 0) throw new Error(`not in the article: ${quote}`);
  return { ...createTag(ARTICLE, { kind, start, end: start + quote.length, author, now: new Date('2026-11-20T10:00:00Z') }), ...extra };
}

export function sidecarOf(tags: Tag[], text = ARTICLE): SidecarFile {
  return { ...emptySidecar('article.md', text), tags };
}

export function sidecarText(tags: Tag[], text = ARTICLE): string {
  return serializeSidecar(sidecarOf(tags, text));
}

/** Two annotators' tags of ARTICLE: the same claim with different extents, the same opinion word. */
export function twoAnnotators(): { ana: Tag[]; ben: Tag[] } {
  return {
    ana: [tagOf('The council approved the budget on Monday.', 'claim', 'ana'), tagOf('reckless', 'opinion', 'ana')],
    ben: [tagOf('The council approved the budget', 'claim', 'ben'), tagOf('reckless', 'opinion', 'ben')],
  };
}

/** A temporary folder per test holding article.md (ARTICLE); read `dir` and `doc` inside a test. */
export function articlePerTest(): { dir: string; doc: string } {
  const at = { dir: '', doc: '' };
  tempDirPerTest((d) => {
    at.dir = d;
    at.doc = path.join(d, 'article.md');
    fs.writeFileSync(at.doc, ARTICLE);
  });
  return at;
}
