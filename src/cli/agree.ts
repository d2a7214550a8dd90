// `claim-tagger agree`: agreement between annotators, from shared sidecars (by tag author) and blind copies
// `<document>.tags.<author>.json`. Options: AGREE_OPTIONS in commands.ts.
import * as path from 'node:path';
import { computeAgreement } from '../core/team/agreement';
import { AGREEMENT_FORMATS, AgreementFormat, renderAgreement } from '../core/team/report';
import { ParsedArgs, usageError } from './command';
import { AGREE_OPTIONS, commandNamed } from './commands';
import { CliIo, ExitCode } from './io';
import { loadAnnotated } from './teamFiles';

export async function agree({ values: o, positionals }: ParsedArgs<typeof AGREE_OPTIONS>, io: CliIo): Promise<ExitCode> {
  const command = commandNamed('agree');
  const format = (o.json ? 'json' : o.format ?? 'md') as AgreementFormat;
  if (!AGREEMENT_FORMATS.includes(format)) return usageError(command, io, `unknown --format "${o.format}" (md, html or json).`);
  const authors = o.authors?.split(',').map((a) => a.trim()).filter(Boolean);
  if (o.authors !== undefined && (!authors || authors.length < 2)) {
    io.stderr.write('claim-tagger agree: --authors needs at least two names, comma-separated.\n');
    return ExitCode.badInput;
  }
  if (!positionals.length) return usageError(command, io, 'name at least one sidecar, document or folder.');
  const rel = (p: string) => path.relative(io.cwd, p) || p;
  const { annotated, unreadable } = await loadAnnotated(positionals, io, 'agree', rel);
  if (unreadable) {
    io.stderr.write('claim-tagger agree: some input could not be read (see above); no report.\n');
    return ExitCode.badInput;
  }
  const result = computeAgreement(annotated, { authors });
  io.stdout.write(renderAgreement(format, result, { title: o.title }));
  if (result.annotators.length < 2) io.stderr.write('claim-tagger agree: fewer than two annotators found.\n');
  return ExitCode.ok;
}
