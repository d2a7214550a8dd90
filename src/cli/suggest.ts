// `claim-tagger suggest` (options: SUGGEST_OPTIONS in commands.ts): candidate tags as JSON, with what the
// workspace's tags and decisions taught (issue 13), as in the editor.
import * as path from 'node:path';
import * as readline from 'node:readline';
import { LearnedSuggestion, LearningContext, suggestLearnedRange } from '../core/learn/layer';
import { SUGGESTION_KINDS, SuggestionKind, SuggestOptions, SuggestResult } from '../core/suggest';
import { stripControls, terminalSafeJson } from '../util/terminal';
import { DocumentRead, readDocument, withoutBom } from './document';
import { ParsedArgs, runCommand, usageError } from './command';
import { SUGGEST_OPTIONS, commandNamed } from './commands';
import { CliIo, ExitCode, processIo } from './io';
import { CliWorkspace, LearnedFileError, isFolder, loadWorkspace, nearestWorkspace } from './learnedWorkspace';
import { writeOutput } from './output';

function suggestWith(text: string, options: SuggestOptions, ctx: LearningContext): SuggestResult {
  return suggestLearnedRange(text, 0, text.length, options, ctx);
}

/** The JSON shape of one result (suggestions without undefined fields, offsets as numbers). */
function toJson(result: SuggestResult): Pick<SuggestResult, 'suggestions' | 'sentences'> {
  return {
    suggestions: result.suggestions.map((s) => ({
      kind: s.kind, start: s.start, end: s.end, text: s.text, rule: s.rule, explanation: s.explanation, score: s.score,
      ...(s.term !== undefined ? { term: s.term } : {}),
      ...(s.parts ? { parts: s.parts } : {}),
      ...(s.unnamedSource !== undefined ? { unnamedSource: s.unnamedSource } : {}),
      ...((s as LearnedSuggestion).example ? { example: { document: (s as LearnedSuggestion).example!.name, start: (s as LearnedSuggestion).example!.start, end: (s as LearnedSuggestion).example!.end } } : {}),
    })),
    sentences: result.sentences,
  };
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

function write(stream: NodeJS.WritableStream, json: string): Promise<void> {
  return writeOutput(stream, terminalSafeJson(json));
}

async function readStdin(stdin: NodeJS.ReadableStream): Promise<DocumentRead> {
  const text = withoutBom(await readAll(stdin));
  return text.includes('\u0000') ? { ok: false, message: 'standard input looks like binary data: only text can be read.' } : { ok: true, text };
}

export function parseKinds(value: string): SuggestionKind[] | string {
  const kinds = value.split(',').map((k) => k.trim()).filter(Boolean);
  const bad = kinds.filter((k) => !(SUGGESTION_KINDS as readonly string[]).includes(k));
  if (bad.length || !kinds.length) return `unknown kind "${bad[0] ?? value}" (use ${SUGGESTION_KINDS.join(', ')})`;
  return kinds as SuggestionKind[];
}

/** `claim-tagger suggest` with its arguments as given (tests and scripts); the rest of `io` from this process. */
export function runSuggest(argv: string[], io: Partial<CliIo>): Promise<ExitCode> {
  return runCommand(commandNamed('suggest'), argv, processIo(io));
}

export async function suggest({ values: o, positionals }: ParsedArgs<typeof SUGGEST_OPTIONS>, io: CliIo): Promise<ExitCode> {
  const command = commandNamed('suggest');
  const options: SuggestOptions = {};
  if (o['min-score'] !== undefined) {
    const n = Number(o['min-score']);
    if (o['min-score'].trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) {
      io.stderr.write(`claim-tagger suggest: --min-score must be a number between 0 and 1, got "${o['min-score']}"\n`);
      return ExitCode.badInput;
    }
    options.minScore = n;
  }
  if (o.kinds !== undefined) {
    const kinds = parseKinds(o.kinds);
    if (typeof kinds === 'string') {
      io.stderr.write(`claim-tagger suggest: --kinds: ${kinds}\n`);
      return ExitCode.badInput;
    }
    options.kinds = kinds;
  }

  if (o.workspace !== undefined && !(await isFolder(o.workspace))) {
    io.stderr.write(`claim-tagger suggest: --workspace: ${o.workspace} is not a folder\n`);
    return ExitCode.badInput;
  }
  const workspaces = new Map<string, CliWorkspace>();
  /** The learning context for a file (undefined: standard input), or an error message. */
  const contextFor = async (file: string | undefined): Promise<LearningContext | string> => {
    if (o['no-learned']) return {};
    const dir = o.workspace ?? (await nearestWorkspace(file === undefined ? path.join(io.cwd, '-') : path.resolve(io.cwd, file)));
    if (dir === undefined) return {};
    const key = path.resolve(io.cwd, dir);
    let ws = workspaces.get(key);
    if (!ws) {
      try {
        ws = await loadWorkspace(key);
      } catch (e) {
        if (e instanceof LearnedFileError) return e.message;
        throw e;
      }
      // A git checkout's root may hold many unrelated broken sidecars: one line, unless asked for each.
      if (o.verbose) for (const m of ws.skipped) io.stderr.write(`claim-tagger suggest: not learned from ${stripControls(m)}\n`);
      if (ws.skipped.length) io.stderr.write(`claim-tagger suggest: ${stripControls(skippedSummary(ws, !o.verbose))}\n`);
      workspaces.set(key, ws);
    }
    return { memory: ws.memory, learned: ws.learned, claims: ws.claims, document: file === undefined ? undefined : path.resolve(io.cwd, file) };
  };

  if (o.jsonl) {
    if (positionals.length) {
      return usageError(command, io, '--jsonl reads standard input; do not name files.');
    }
    const ctx = await contextFor(undefined);
    if (typeof ctx === 'string') {
      io.stderr.write(`claim-tagger suggest: ${ctx}\n`);
      return ExitCode.badInput;
    }
    return runJsonl(io, options, ctx);
  }

  if (!positionals.length) return usageError(command, io, 'name at least one file, or - for standard input.');
  const outputs: Array<{ file: string } & ReturnType<typeof toJson>> = [];
  let failed = false;
  for (const file of positionals) {
    const read = file === '-' ? await readStdin(io.stdin) : await readDocument(file, io.readFile);
    if (!read.ok) {
      io.stderr.write(`claim-tagger suggest: ${read.message}\n`);
      failed = true;
      continue;
    }
    const ctx = await contextFor(file === '-' ? undefined : file);
    if (typeof ctx === 'string') {
      io.stderr.write(`claim-tagger suggest: ${ctx}\n`);
      failed = true;
      continue;
    }
    outputs.push({ file, ...toJson(suggestWith(read.text, options, ctx)) });
  }
  if (outputs.length) await write(io.stdout, JSON.stringify(positionals.length === 1 ? outputs[0] : outputs) + '\n');
  return failed ? ExitCode.badInput : ExitCode.ok;
}

/** "learned from N sidecars in DIR; M unreadable skipped, see --verbose". */
export function skippedSummary(ws: Pick<CliWorkspace, 'dir' | 'learnedFrom' | 'skipped'>, hint: boolean): string {
  const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  return `learned from ${n(ws.learnedFrom, 'sidecar', 'sidecars')} in ${ws.dir}; ${ws.skipped.length} unreadable skipped${hint ? ', see --verbose' : ''}`;
}

async function runJsonl(io: CliIo, options: SuggestOptions, ctx: LearningContext): Promise<ExitCode> {
  const lines = readline.createInterface({ input: io.stdin, crlfDelay: Infinity });
  let n = 0;
  let failed = false;
  for await (const line of lines) {
    n++;
    if (!line.trim()) continue;
    let item: unknown;
    try {
      item = JSON.parse(line);
    } catch {
      io.stderr.write(`claim-tagger suggest: line ${n}: not valid JSON\n`);
      failed = true;
      continue;
    }
    const rec = item as { id?: unknown; text?: unknown };
    if (typeof item !== 'object' || item === null || typeof rec.text !== 'string') {
      io.stderr.write(`claim-tagger suggest: line ${n}: expected {"id": ..., "text": "..."}\n`);
      failed = true;
      continue;
    }
    await write(io.stdout, JSON.stringify({ id: rec.id ?? null, ...toJson(suggestWith(rec.text, options, ctx)) }) + '\n');
  }
  return failed ? ExitCode.badInput : ExitCode.ok;
}
