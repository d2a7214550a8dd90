// `claim-tagger tag`: adds one tag to a document's sidecar, under its lock. Options: TAG_OPTIONS in commands.ts.
import * as path from 'node:path';
import { applyAnchorResults, reanchor } from '../core/anchor';
import { SIDECAR_FORMAT, SIDECAR_VERSION, SidecarFile, Tag, isClaimStatus, CLAIM_STATUSES } from '../core/model';
import { textHash, validateTag } from '../core/sidecar/format';
import { createTag } from '../core/tags';
import { ParsedArgs, usage } from './command';
import { TAG_OPTIONS, commandNamed } from './commands';
import { CliIo, ExitCode } from './io';
import { LockTimeoutError } from '../util/fileLock';
import { NotRegularFileError } from '../util/regularFile';
import { readDocument } from './document';
import { findSidecar, newSidecarPath, readSidecarFile, sidecarReadOnly } from './sidecarFiles';
import { SidecarChangedError, commitSidecar, withSidecarLock, writeFailure } from './sidecarWrite';

/** A reason to leave the sidecar alone, found while holding its lock. */
class Refusal extends Error {}

export async function tag({ values: o, positionals }: ParsedArgs<typeof TAG_OPTIONS>, io: CliIo): Promise<ExitCode> {
  const fail = (msg: string) => {
    io.stderr.write(`claim-tagger tag: ${msg}\n`);
    return ExitCode.badInput;
  };
  if (positionals.length !== 1) return fail(`give exactly one document.\n${usage(commandNamed('tag'))}`);
  if (!o.kind) return fail('--kind is required (claim, attribution, opinion or a custom kind).');
  if (!/^[A-Za-z][\w-]*$/.test(o.kind)) return fail(`--kind "${o.kind}" is not a valid kind id.`);
  if (!o.quote === !o.range) return fail('give either --quote or --range.');
  if (o.status !== undefined && !isClaimStatus(o.status)) return fail(`--status must be one of ${CLAIM_STATUSES.join(', ')}.`);
  if (o.status !== undefined && o.kind !== 'claim') return fail('--status applies to claims only.');
  const file = positionals[0];
  const doc = await readDocument(file, io.readFile);
  if (!doc.ok) return fail(doc.message);
  const text = doc.text;

  let start: number;
  let end: number;
  if (o.range) {
    const m = /^(\d+):(\d+)$/.exec(o.range);
    if (!m) return fail('--range must be <start>:<end> (UTF-16 offsets).');
    [start, end] = [Number(m[1]), Number(m[2])];
    if (start >= end || end > text.length) return fail(`--range ${o.range} is outside the document (length ${text.length}) or empty.`);
  } else {
    const quote = o.quote!;
    const hits: number[] = [];
    for (let i = text.indexOf(quote); i !== -1; i = text.indexOf(quote, i + 1)) hits.push(i);
    if (!hits.length) return fail(`the quote was not found in ${file}.`);
    let n = 1;
    if (o.occurrence !== undefined) {
      n = Number(o.occurrence);
      if (!Number.isInteger(n) || n < 1 || n > hits.length) return fail(`--occurrence must be between 1 and ${hits.length}.`);
    } else if (hits.length > 1) {
      return fail(`the quote occurs ${hits.length} times in ${file}; choose one with --occurrence 1..${hits.length}.`);
    }
    start = hits[n - 1];
    end = start + quote.length;
  }

  const target = (await findSidecar(file, io.cwd)) ?? (await newSidecarPath(file, io.cwd));
  const readOnly = await sidecarReadOnly(target);
  if (readOnly) return fail(`${target} ${readOnly}: it is left as it is (make it writable to tag this document).`);
  let created: Tag;
  try {
    created = await withSidecarLock(target, async () => {
      let read;
      try {
        read = await readSidecarFile(target, path.basename(file));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new Refusal(`cannot read ${target}: ${(e as Error).message}. Nothing was changed.`);
      }
      let sidecar: SidecarFile;
      const name = path.basename(file);
      if (read) {
        if (!read.ok) throw new Refusal(`${target}${read.error.line ? `:${read.error.line}:${read.error.column}` : ''}: ${read.error.message} Nothing was changed.`);
        if (read.readOnly) throw new Refusal(`${target} was written by a newer Claim Tagger (version ${read.sidecar.version}); it is not changed.`);
        sidecar = read.sidecar;
        if (sidecar.textHash !== textHash(text)) applyAnchorResults(text, sidecar.tags, reanchor(text, sidecar.tags));
      } else {
        sidecar = { format: SIDECAR_FORMAT, version: SIDECAR_VERSION, document: name, textHash: '', tags: [] };
      }
      const base = structuredClone(sidecar.tags);
      const made = createTag(text, { kind: o.kind!, start, end, note: o.note, author: o.author });
      if (o.status && isClaimStatus(o.status)) made.status = o.status;
      // A tag the schema rejects (e.g. a kind named "constructor") would make the sidecar unreadable next time.
      const check = validateTag(made);
      if (!check.ok) throw new Refusal(`cannot tag ${file}: the new ${check.message}. Nothing was changed.`);
      sidecar.tags.push(made);
      sidecar.textHash = textHash(text);
      sidecar.document = name;
      await commitSidecar(target, read?.raw, base, sidecar, text);
      return made;
    });
  } catch (e) {
    if (e instanceof Refusal || e instanceof LockTimeoutError || e instanceof SidecarChangedError || e instanceof NotRegularFileError) return fail(e.message);
    return fail(`${writeFailure(target, e)}. Nothing was changed.`);
  }
  io.stdout.write(`${created.id}\n`);
  return ExitCode.ok;
}
