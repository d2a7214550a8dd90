// `claim-tagger check`: tag drift as a CI gate. Options: CHECK_OPTIONS in commands.ts.
import * as path from 'node:path';
import { AnchorResult, applyAnchorResults, reanchor } from '../core/anchor';
import { serializeSidecar, textHash } from '../core/sidecar/format';
import { ParsedArgs, usageError } from './command';
import { CHECK_OPTIONS, commandNamed } from './commands';
import { CliIo, ExitCode } from './io';
import { LockTimeoutError } from '../util/fileLock';
import { NotRegularFileError } from '../util/regularFile';
import { stripControls, terminalSafeJson } from '../util/terminal';
import { readDocument } from './document';
import { collectSidecars, missingInputs } from './sidecarCollector';
import { documentOf, readSidecarFile, sidecarReadOnly } from './sidecarFiles';
import { SidecarChangedError, commitSidecar, withSidecarLock, writeFailure } from './sidecarWrite';

interface CheckedTag {
  id: string;
  kind: string;
  start: number | null;
  end: number | null;
  quote: string;
  state: AnchorResult['state'];
  confidence: number;
}

interface CheckedDocument {
  file: string;
  sidecar: string;
  tags: CheckedTag[];
}

export async function check({ values: o, positionals }: ParsedArgs<typeof CHECK_OPTIONS>, io: CliIo): Promise<ExitCode> {
  if (!positionals.length) return usageError(commandNamed('check'), io, 'name at least one file or folder.');
  const collected = await collectSidecars(positionals, { cwd: io.cwd });
  const missing = missingInputs(collected);
  const sidecars = [...new Set(collected.flatMap((c) => c.found.flatMap((f) => (f.sidecar ? [f.sidecar] : []))))].sort();
  let unreadable = missing.length > 0;
  for (const m of missing) io.stderr.write(`claim-tagger check: ${m}: no such file or folder\n`);
  const documents: CheckedDocument[] = [];
  const counts = { anchored: 0, moved: 0, fuzzy: 0, orphaned: 0 };
  const rel = (p: string) => path.relative(io.cwd, p) || p;
  const warn = (message: string) => {
    io.stderr.write(`claim-tagger check: ${message}\n`);
    unreadable = true;
  };
  const checkOne = async (sidecar: string, file: string) => {
    const doc = await readDocument(file, io.readFile, { text: false });
    if (!doc.ok) {
      warn(`${rel(sidecar)}: its document ${rel(file)} ${/no such file/.test(doc.message) ? 'is missing (detached sidecar)' : `cannot be read (${doc.message})`}`);
      return;
    }
    const text = doc.text;
    let read;
    try {
      read = await readSidecarFile(sidecar, path.basename(file));
    } catch (e) {
      read = { ok: false as const, raw: undefined, error: { kind: 'json' as const, message: (e as Error).message, line: undefined, column: undefined } };
    }
    if (!read.ok) {
      const at = read.error.line ? `:${read.error.line}:${read.error.column}` : '';
      warn(`${rel(sidecar)}${at}: ${read.error.message} (left untouched)`);
      return;
    }
    const base = structuredClone(read.sidecar.tags);
    const results = reanchor(text, read.sidecar.tags);
    const byId = new Map(read.sidecar.tags.map((t) => [t.id, t]));
    const tags: CheckedTag[] = results.map((r) => {
      counts[r.state]++;
      const t = byId.get(r.id)!;
      return { id: r.id, kind: t.kind, start: r.start, end: r.end, quote: t.quote, state: r.state, confidence: r.confidence };
    });
    documents.push({ file: rel(file), sidecar: rel(sidecar), tags });
    if (!o.json) {
      io.stdout.write(`${stripControls(rel(file))}\n`);
      for (const t of tags) {
        const state = t.state === 'fuzzy' ? `fuzzy ${t.confidence.toFixed(2)}` : t.state;
        io.stdout.write(`  ${state.padEnd(11)} ${stripControls(t.kind).padEnd(12)} ${stripControls(JSON.stringify(shorten(t.quote)))}\n`);
      }
    }
    if (o.write && !read.readOnly) {
      applyAnchorResults(text, read.sidecar.tags, results);
      read.sidecar.textHash = textHash(text);
      if (serializeSidecar(read.sidecar) !== read.raw) await commitSidecar(sidecar, read.raw, base, read.sidecar, text);
    }
  };
  for (const sidecar of sidecars) {
    const file = documentOf(sidecar)!;
    try {
      if (!o.write) await checkOne(sidecar, file);
      else {
        const readOnly = await sidecarReadOnly(sidecar);
        if (readOnly) {
          warn(`${rel(sidecar)} ${readOnly}: not re-anchored on disk (left untouched)`);
          continue;
        }
        await withSidecarLock(sidecar, () => checkOne(sidecar, file));
      }
    } catch (e) {
      if (e instanceof LockTimeoutError || e instanceof SidecarChangedError || e instanceof NotRegularFileError) warn(e.message);
      else warn(`${writeFailure(rel(sidecar), e)} (left untouched)`);
    }
  }
  if (o.json) io.stdout.write(terminalSafeJson(JSON.stringify({ documents }, null, 2)) + '\n');
  else {
    const total = counts.anchored + counts.moved + counts.fuzzy + counts.orphaned;
    io.stdout.write(`\n${documents.length} document(s), ${total} tag(s): ${counts.anchored} anchored, ${counts.moved} moved, ${counts.fuzzy} fuzzy, ${counts.orphaned} orphaned\n`);
  }
  if (unreadable) return ExitCode.badInput;
  return counts.orphaned ? ExitCode.finding : ExitCode.ok;
}

function shorten(s: string): string {
  return s.length > 60 ? s.slice(0, 57) + '…' : s;
}
