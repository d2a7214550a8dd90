// `claim-tagger report` (options: REPORT_OPTIONS in commands.ts). Writes a tag report of the documents'
// sidecars; with --fail-on it is a CI gate (exit 1 on a finding).
// Exit codes: 0 ok, 1 a --fail-on finding, 2 bad usage or unreadable input.
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import { FAIL_ON, FailOn, REPORT_FORMATS, ReportDocument, ReportFormat, ReportOptions, matchesFailOn, renderReportChunks } from '../core/report';
import { reportDocuments, resolveOptions } from '../core/report/common';
import { renderHtmlChunks } from '../core/report/html';
import { AgreementResult, computeAgreement } from '../core/team/agreement';
import { documentsForBlindCopies, loadAnnotated } from './teamFiles';
import { ReportInput, collectReportInputs, loadSidecar, readText, textHash } from './reportInput';
import { applyAnchorResults, reanchor } from '../core/anchor';
import { Tag } from '../core/model';
import { writeFileAtomic } from '../util/atomicWrite';
import { NotRegularFileError } from '../util/regularFile';
import { stripControls, terminalSafeJson } from '../util/terminal';
import { resolveOutTarget } from './outTarget';
import { RunReads } from './runReads';
import { withoutBom } from './document';
import { Output, isBrokenPipe, writeOutput } from './output';
import { ParsedArgs, runCommand, usageError } from './command';
import { REPORT_OPTIONS, commandNamed } from './commands';
import { CliIo, ExitCode, processIo } from './io';

/** Files read at once; enough to hide latency without exhausting file handles. */
const READ_CONCURRENCY = 32;

function fail(io: Pick<CliIo, 'stderr'>, message: string): ExitCode {
  io.stderr.write(`claim-tagger report: ${message}\n`);
  return ExitCode.badInput;
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

interface Loaded {
  doc?: ReportDocument;
  /** The tags re-anchored against the current text, for the `orphaned` gate (as `check` sees them). */
  gate?: Tag[];
  error?: string;
  warning?: string;
}

async function loadInput(input: ReportInput, reanchorForGate: boolean, read: (file: string) => Promise<string>): Promise<Loaded> {
  let tags: ReportDocument['tags'] = [];
  let hash: string | undefined;
  if (input.sidecar) {
    try {
      const sidecar = await loadSidecar(input.sidecar, read);
      tags = sidecar.tags;
      hash = sidecar.textHash;
    } catch (e) {
      return { error: (e as Error).message };
    }
  }
  const doc: ReportDocument = { uri: pathToFileURL(input.document).href, name: input.name, tags };
  let warning: string | undefined;
  let unreadable: string | undefined;
  const text = await read(input.document).then(withoutBom, (e: NodeJS.ErrnoException) => {
    unreadable = e instanceof NotRegularFileError ? `${input.name} is ${e.what}, not a regular file` : undefined;
    return undefined;
  });
  if (unreadable) return { error: unreadable };
  let gate: Tag[] | undefined;
  if (reanchorForGate && text !== undefined && tags.length) {
    gate = structuredClone(tags);
    applyAnchorResults(text, gate, reanchor(text, gate));
  }
  if (text === undefined) {
    if (!input.sidecar) return { error: `${input.name}: cannot read the document` };
    warning = `${input.name}: document not found; positions are reported as stored`;
  } else if (hash && textHash(text) !== hash) {
    // Offsets refer to another version of the text: leave the text out rather than misplace highlights.
    warning = `${input.name}: the text changed since it was tagged; run "claim-tagger check --write" to re-anchor. Text positions are left out of this report.`;
  } else {
    doc.text = text;
  }
  return { doc, warning, gate };
}

function reportDate(env: CliIo['env']): Date | undefined {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || !/^\d+$/.test(epoch)) return undefined;
  return new Date(Number(epoch) * 1000);
}

/** Report text bound for a terminal: controls stripped; JSON formats keep their data (C1 escaped instead). */
function* forTerminal(format: ReportFormat, content: Output): Iterable<string> {
  const json = format === 'json' || format === 'w3c' || format === 'claimreview';
  for (const chunk of typeof content === 'string' ? [content] : content) yield json ? terminalSafeJson(chunk) : stripControls(chunk);
}

/** `claim-tagger report` with its arguments as given (tests and benchmarks); the rest of `io` from this process. */
export function runReport(argv: string[], io: Partial<CliIo>): Promise<ExitCode> {
  return runCommand(commandNamed('report'), argv, processIo(io));
}

export async function report({ values: o, positionals }: ParsedArgs<typeof REPORT_OPTIONS>, io: CliIo): Promise<ExitCode> {
  const command = commandNamed('report');
  if (!o.format) return usageError(command, io, `--format is required (${REPORT_FORMATS.join(', ')}).`);
  if (!(REPORT_FORMATS as readonly string[]).includes(o.format)) return fail(io, `unknown format "${o.format}"; use one of ${REPORT_FORMATS.join(', ')}.`);
  const format = o.format as ReportFormat;
  const rules = (o['fail-on'] ?? []).flatMap((r) => r.split(',')).map((r) => r.trim());
  // An empty rule would silently turn the gate off.
  if (rules.some((r) => !r)) return fail(io, `--fail-on needs a rule (${FAIL_ON.join(', ')}); an empty one is not allowed.`);
  const badRule = rules.find((r) => !(FAIL_ON as readonly string[]).includes(r));
  if (badRule) return fail(io, `unknown --fail-on rule "${badRule}"; use ${FAIL_ON.join(', ')}.`);
  if (!positionals.length) return usageError(command, io, 'give at least one file or folder.');

  // A blind copy named stands for its document (its tags count in the agreement section).
  const { entries, missing } = await collectReportInputs(await documentsForBlindCopies(positionals), io.cwd);
  if (missing.length) return fail(io, `no such file or folder: ${missing.join(', ')}`);
  let outPath: string | undefined;
  if (o.out !== undefined && o.out !== '-') {
    // Never overwrite an input, a sidecar, a link or a device: only a new path or a regular non-input file.
    const target = await resolveOutTarget(o.out, entries.flatMap((e) => (e.sidecar ? [e.document, e.sidecar] : [e.document])), io.cwd);
    if (!target.ok) return fail(io, target.message);
    outPath = target.path;
  }

  const gateOrphans = rules.includes('orphaned');
  // The HTML report's agreement section reads the same files again: each is read once.
  const reads = new RunReads(readText, format === 'html');
  const loaded = await mapLimit(entries, READ_CONCURRENCY, (input) => loadInput(input, gateOrphans, reads.first));
  const errors = loaded.filter((l) => l.error).map((l) => l.error!);
  if (errors.length) return fail(io, `cannot read ${errors.length} input${errors.length === 1 ? '' : 's'}:\n  ${errors.join('\n  ')}`);
  for (const l of loaded) if (l.warning) io.stderr.write(`claim-tagger report: warning: ${l.warning}\n`);
  const docs = loaded.map((l) => l.doc!);
  if (!docs.length) io.stderr.write('claim-tagger report: warning: no tagged documents found.\n');

  let agreement: AgreementResult | undefined;
  if (format === 'html') {
    const team = await loadAnnotated(positionals, { stderr: io.stderr, readFile: reads.second, cwd: io.cwd }, 'report', (p) => path.relative(io.cwd, p) || p, { missingIsError: false });
    if (team.unreadable) return fail(io, 'an annotator\'s sidecar cannot be read (see above); no report.');
    agreement = computeAgreement(team.annotated);
  }

  const generated = reportDate(io.env);
  const options: ReportOptions = {
    ...(o.title ? { title: o.title } : {}),
    ...(o.author ? { author: o.author } : {}),
    ...(o.outlet ? { outlet: o.outlet } : {}),
    ...(o.claimant ? { claimant: o.claimant } : {}),
    ...(o['article-url'] ? { articleUrl: o['article-url'] } : {}),
    ...(generated ? { generated } : {}),
    csvBom: !!o.bom,
  };
  // Rendered in chunks of about 1 MB, so a huge note never has to fit in one string.
  const content: Output = format === 'html' && agreement && agreement.annotators.length > 1
    ? renderHtmlChunks(resolveOptions(options), reportDocuments(docs), {}, { agreement })
    : renderReportChunks(format, docs, options);
  try {
    if (outPath) await writeFileAtomic(outPath, content);
    else await writeOutput(io.stdout, (io.stdout as { isTTY?: boolean }).isTTY ? forTerminal(format, content) : content);
  } catch (e) {
    // A reader that stopped early (`| head`) is not an error; the gate below still decides the exit code.
    if (!isBrokenPipe(e)) return fail(io, `cannot write the report${outPath ? ` to ${outPath}` : ''}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }

  if (!rules.length) return ExitCode.ok;
  let found = 0;
  for (const rule of rules as FailOn[]) {
    const hits = loaded.flatMap(({ doc: d, gate }) => (gate ?? d!.tags).filter((t) => matchesFailOn(t, rule)).map((t) => ({ d: d!, t })));
    if (!hits.length) continue;
    found += hits.length;
    io.stderr.write(`claim-tagger report: ${hits.length} ${rule} tag${hits.length === 1 ? '' : 's'}:\n`);
    for (const { d, t } of hits.slice(0, 20)) io.stderr.write(`  ${d.name}:${t.start}-${t.end} ${t.kind} ${JSON.stringify(t.quote.length > 60 ? `${t.quote.slice(0, 57)}...` : t.quote)}\n`);
    if (hits.length > 20) io.stderr.write(`  ... and ${hits.length - 20} more\n`);
  }
  return found ? ExitCode.finding : ExitCode.ok;
}
