// `claim-tagger agree <sidecar|file|dir>... [--authors a,b] [--json] [--format md|html]`: agreement between
// annotators, from shared sidecars (by tag author) and blind copies `<document>.tags.<author>.json`.
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { applyAnchorResults, reanchor } from '../core/anchor';
import { Tag } from '../core/model';
import { parseSidecar, textHash } from '../core/sidecar/format';
import { AnnotatedDocument, computeAgreement } from '../core/team/agreement';
import { annotatorsOf } from '../core/team/annotators';
import { AGREEMENT_FORMATS, AgreementFormat, renderAgreement } from '../core/team/report';
import { CliIo, Exit } from './io';
import { collectTeamSidecars } from './teamFiles';

const USAGE = 'Usage: claim-tagger agree <sidecar|file|dir>... [--authors a,b] [--json] [--format md|html]\n';

export async function runAgree(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { authors: { type: 'string' }, json: { type: 'boolean' }, format: { type: 'string' }, title: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (e) {
    io.stderr.write(`claim-tagger agree: ${(e as Error).message}\n${USAGE}`);
    return Exit.badInput;
  }
  const { values: o, positionals } = parsed;
  if (o.help) {
    io.stdout.write(USAGE);
    return Exit.ok;
  }
  const format = (o.json ? 'json' : o.format ?? 'md') as AgreementFormat;
  if (!AGREEMENT_FORMATS.includes(format)) {
    io.stderr.write(`claim-tagger agree: unknown --format "${o.format}" (md, html or json).\n${USAGE}`);
    return Exit.badInput;
  }
  const authors = o.authors?.split(',').map((a) => a.trim()).filter(Boolean);
  if (o.authors !== undefined && (!authors || authors.length < 2)) {
    io.stderr.write('claim-tagger agree: --authors needs at least two names, comma-separated.\n');
    return Exit.badInput;
  }
  if (!positionals.length) {
    io.stderr.write(`claim-tagger agree: name at least one sidecar, document or folder.\n${USAGE}`);
    return Exit.badInput;
  }
  const rel = (p: string) => path.relative(process.cwd(), p) || p;
  const { documents, missing } = await collectTeamSidecars(positionals);
  let unreadable = missing.length > 0;
  for (const m of missing) io.stderr.write(`claim-tagger agree: ${m}: no such file or folder, or no sidecar\n`);
  const annotated: AnnotatedDocument[] = [];
  for (const d of documents) {
    let text: string | undefined;
    try {
      text = await io.readFile(d.document);
    } catch {
      io.stderr.write(`claim-tagger agree: ${rel(d.document)}: document missing; token-level figures leave it out\n`);
    }
    const read = async (file: string): Promise<Tag[] | undefined> => {
      let raw: string;
      try {
        raw = await io.readFile(file);
      } catch (e) {
        io.stderr.write(`claim-tagger agree: ${rel(file)}: ${(e as Error).message}\n`);
        return undefined;
      }
      const r = parseSidecar(raw);
      if (!r.ok) {
        const at = r.error.line ? `:${r.error.line}:${r.error.column}` : '';
        io.stderr.write(`claim-tagger agree: ${rel(file)}${at}: ${r.error.message}\n`);
        return undefined;
      }
      // Place the tags against the current text first, as `check` does (nothing is written).
      if (text !== undefined && r.sidecar.textHash !== textHash(text)) applyAnchorResults(text, r.sidecar.tags, reanchor(text, r.sidecar.tags));
      return r.sidecar.tags;
    };
    const shared = d.shared ? await read(d.shared) : undefined;
    if (d.shared && !shared) unreadable = true;
    const blind: { author: string; tags: Tag[] }[] = [];
    for (const b of d.blind) {
      const tags = await read(b.file);
      if (tags) blind.push({ author: b.author, tags });
      else unreadable = true;
    }
    annotated.push({ name: rel(d.document), text, annotators: annotatorsOf(shared, blind) });
  }
  if (unreadable) {
    io.stderr.write('claim-tagger agree: some input could not be read (see above); no report.\n');
    return Exit.badInput;
  }
  const result = computeAgreement(annotated, { authors });
  io.stdout.write(renderAgreement(format, result, { title: o.title }));
  if (result.annotators.length < 2) io.stderr.write('claim-tagger agree: fewer than two annotators found.\n');
  return Exit.ok;
}
