// `claim-tagger suggest <file>... | -  [--jsonl] [--min-score N] [--kinds k1,k2] [--workspace DIR] [--no-learned] [--verbose]`:
// candidate tags as JSON, with what the workspace's tags and decisions taught (issue 13), as in the editor.
import * as path from 'node:path';
import * as readline from 'node:readline';
import { parseArgs } from 'node:util';
import { LearnedSuggestion, LearningContext, suggestLearnedRange } from '../core/learn/layer';
import { DEFAULT_MIN_SCORE, SUGGESTION_KINDS, SuggestionKind, SuggestOptions, SuggestResult } from '../core/suggest';
import { stripControls, terminalSafeJson } from '../util/terminal';
import { DocumentRead, readDocument } from './document';
import { CliIo, Exit } from './io';
import { CliWorkspace, LearnedFileError, isFolder, loadWorkspace, nearestWorkspace } from './learnedWorkspace';
import { writeOutput } from './output';

const USAGE = `Usage: claim-tagger suggest <file>... | -  [--min-score N] [--kinds claim,attribution,opinion] [--workspace DIR] [--no-learned] [--verbose]
       claim-tagger suggest --jsonl  < lines of {"id": ..., "text": ...}
Prints {"file", "suggestions", "sentences"} per input (an array when several files are given); with --jsonl,
one {"id", "suggestions", "sentences"} line per input line. Offsets are UTF-16 offsets into the text.
Learning: the tags in every sidecar under the workspace are remembered as phrases, and the decisions in its
.claim-tags/learned.json move scores, as in the editor. The workspace is --workspace DIR, else the nearest folder
above each file (above the working directory for - and --jsonl) holding .claim-tags or .git; --no-learned turns
learning off. Sidecars that cannot be read are skipped and counted in one line; --verbose names each.
Defaults: --min-score ${DEFAULT_MIN_SCORE}, --kinds ${SUGGESTION_KINDS.join(',')}.
`;

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
  const text = await readAll(stdin);
  return text.includes('\u0000') ? { ok: false, message: 'standard input looks like binary data: only text can be read.' } : { ok: true, text };
}

export function parseKinds(value: string): SuggestionKind[] | string {
  const kinds = value.split(',').map((k) => k.trim()).filter(Boolean);
  const bad = kinds.filter((k) => !(SUGGESTION_KINDS as readonly string[]).includes(k));
  if (bad.length || !kinds.length) return `unknown kind "${bad[0] ?? value}" (use ${SUGGESTION_KINDS.join(', ')})`;
  return kinds as SuggestionKind[];
}

export async function runSuggest(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv, allowPositionals: true,
      options: {
        jsonl: { type: 'boolean' }, 'min-score': { type: 'string' }, kinds: { type: 'string' }, help: { type: 'boolean', short: 'h' },
        workspace: { type: 'string' }, 'no-learned': { type: 'boolean' }, verbose: { type: 'boolean' },
      },
    });
  } catch (e) {
    io.stderr.write(`claim-tagger suggest: ${(e as Error).message}\n${USAGE}`);
    return Exit.badInput;
  }
  const { values: o, positionals } = parsed;
  if (o.help) {
    io.stdout.write(USAGE);
    return Exit.ok;
  }
  const options: SuggestOptions = {};
  if (o['min-score'] !== undefined) {
    const n = Number(o['min-score']);
    if (o['min-score'].trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) {
      io.stderr.write(`claim-tagger suggest: --min-score must be a number between 0 and 1, got "${o['min-score']}"\n`);
      return Exit.badInput;
    }
    options.minScore = n;
  }
  if (o.kinds !== undefined) {
    const kinds = parseKinds(o.kinds);
    if (typeof kinds === 'string') {
      io.stderr.write(`claim-tagger suggest: --kinds: ${kinds}\n`);
      return Exit.badInput;
    }
    options.kinds = kinds;
  }

  if (o.workspace !== undefined && !(await isFolder(o.workspace))) {
    io.stderr.write(`claim-tagger suggest: --workspace: ${o.workspace} is not a folder\n`);
    return Exit.badInput;
  }
  const workspaces = new Map<string, CliWorkspace>();
  /** The learning context for a file (undefined: standard input), or an error message. */
  const contextFor = async (file: string | undefined): Promise<LearningContext | string> => {
    if (o['no-learned']) return {};
    const dir = o.workspace ?? (await nearestWorkspace(file ?? path.join(process.cwd(), '-')));
    if (dir === undefined) return {};
    const key = path.resolve(dir);
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
    return { memory: ws.memory, learned: ws.learned, document: file === undefined ? undefined : path.resolve(file) };
  };

  if (o.jsonl) {
    if (positionals.length) {
      io.stderr.write(`claim-tagger suggest: --jsonl reads standard input; do not name files.\n${USAGE}`);
      return Exit.badInput;
    }
    const ctx = await contextFor(undefined);
    if (typeof ctx === 'string') {
      io.stderr.write(`claim-tagger suggest: ${ctx}\n`);
      return Exit.badInput;
    }
    return runJsonl(io, options, ctx);
  }

  if (!positionals.length) {
    io.stderr.write(`claim-tagger suggest: name at least one file, or - for standard input.\n${USAGE}`);
    return Exit.badInput;
  }
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
  return failed ? Exit.badInput : Exit.ok;
}

/** "learned from N sidecars in DIR; M unreadable skipped, see --verbose". */
export function skippedSummary(ws: Pick<CliWorkspace, 'dir' | 'learnedFrom' | 'skipped'>, hint: boolean): string {
  const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  return `learned from ${n(ws.learnedFrom, 'sidecar', 'sidecars')} in ${ws.dir}; ${ws.skipped.length} unreadable skipped${hint ? ', see --verbose' : ''}`;
}

async function runJsonl(io: CliIo, options: SuggestOptions, ctx: LearningContext): Promise<number> {
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
  return failed ? Exit.badInput : Exit.ok;
}
