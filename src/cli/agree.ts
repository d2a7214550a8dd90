// `claim-tagger agree <sidecar|file|dir>... [--authors a,b] [--json] [--format md|html]`: agreement between
// annotators, from shared sidecars (by tag author) and blind copies `<document>.tags.<author>.json`.
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { computeAgreement } from '../core/team/agreement';
import { AGREEMENT_FORMATS, AgreementFormat, renderAgreement } from '../core/team/report';
import { CliIo, Exit } from './io';
import { loadAnnotated } from './teamFiles';

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
  const { annotated, unreadable } = await loadAnnotated(positionals, io, 'agree', rel);
  if (unreadable) {
    io.stderr.write('claim-tagger agree: some input could not be read (see above); no report.\n');
    return Exit.badInput;
  }
  const result = computeAgreement(annotated, { authors });
  io.stdout.write(renderAgreement(format, result, { title: o.title }));
  if (result.annotators.length < 2) io.stderr.write('claim-tagger agree: fewer than two annotators found.\n');
  return Exit.ok;
}
