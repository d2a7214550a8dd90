// `claim-tagger check <file|dir>... [--json] [--write]`: tag drift as a CI gate.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { AnchorResult, applyAnchorResults, reanchor } from '../core/anchor';
import { serializeSidecar, textHash } from '../core/sidecar/format';
import { CliIo, Exit } from './io';
import { collectSidecars, documentOf, readSidecarFile, writeFileAtomic } from './sidecarFiles';

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

const USAGE = 'Usage: claim-tagger check <file|dir>... [--json] [--write]\n';

export async function runCheck(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: 'boolean' }, write: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  } catch (e) {
    io.stderr.write(`claim-tagger check: ${(e as Error).message}\n${USAGE}`);
    return Exit.badInput;
  }
  const { values: o, positionals } = parsed;
  if (o.help) {
    io.stdout.write(USAGE);
    return Exit.ok;
  }
  if (!positionals.length) {
    io.stderr.write(`claim-tagger check: name at least one file or folder.\n${USAGE}`);
    return Exit.badInput;
  }
  const { sidecars, missing } = await collectSidecars(positionals);
  let unreadable = missing.length > 0;
  for (const m of missing) io.stderr.write(`claim-tagger check: ${m}: no such file or folder\n`);
  const documents: CheckedDocument[] = [];
  const counts = { anchored: 0, moved: 0, fuzzy: 0, orphaned: 0 };
  for (const sidecar of sidecars) {
    const file = documentOf(sidecar)!;
    const rel = (p: string) => path.relative(process.cwd(), p) || p;
    let text: string;
    try {
      text = await io.readFile(file);
    } catch {
      io.stderr.write(`claim-tagger check: ${rel(sidecar)}: its document ${rel(file)} is missing (detached sidecar)\n`);
      unreadable = true;
      continue;
    }
    let read;
    try {
      read = await readSidecarFile(sidecar, path.basename(file));
    } catch (e) {
      read = { ok: false as const, error: { kind: 'json' as const, message: (e as Error).message } };
    }
    if (!read.ok) {
      const at = read.error.line ? `:${read.error.line}:${read.error.column}` : '';
      io.stderr.write(`claim-tagger check: ${rel(sidecar)}${at}: ${read.error.message} (left untouched)\n`);
      unreadable = true;
      continue;
    }
    const results = reanchor(text, read.sidecar.tags);
    const byId = new Map(read.sidecar.tags.map((t) => [t.id, t]));
    const tags: CheckedTag[] = results.map((r) => {
      counts[r.state]++;
      const t = byId.get(r.id)!;
      return { id: r.id, kind: t.kind, start: r.start, end: r.end, quote: t.quote, state: r.state, confidence: r.confidence };
    });
    documents.push({ file: rel(file), sidecar: rel(sidecar), tags });
    if (!o.json) {
      io.stdout.write(`${rel(file)}\n`);
      for (const t of tags) {
        const state = t.state === 'fuzzy' ? `fuzzy ${t.confidence.toFixed(2)}` : t.state;
        io.stdout.write(`  ${state.padEnd(11)} ${t.kind.padEnd(12)} ${JSON.stringify(shorten(t.quote))}\n`);
      }
    }
    if (o.write && !read.readOnly) {
      applyAnchorResults(text, read.sidecar.tags, results);
      read.sidecar.textHash = textHash(text);
      const out = serializeSidecar(read.sidecar);
      if (out !== (await fs.readFile(sidecar, 'utf8'))) await writeFileAtomic(sidecar, out);
    }
  }
  if (o.json) io.stdout.write(JSON.stringify({ documents }, null, 2) + '\n');
  else {
    const total = counts.anchored + counts.moved + counts.fuzzy + counts.orphaned;
    io.stdout.write(`\n${documents.length} document(s), ${total} tag(s): ${counts.anchored} anchored, ${counts.moved} moved, ${counts.fuzzy} fuzzy, ${counts.orphaned} orphaned\n`);
  }
  if (unreadable) return Exit.badInput;
  return counts.orphaned ? Exit.finding : Exit.ok;
}

function shorten(s: string): string {
  return s.length > 60 ? s.slice(0, 57) + '…' : s;
}
