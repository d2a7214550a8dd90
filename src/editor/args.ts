// Command argument checks that need VS Code types: a document as a Uri or its string form, a range as a
// vscode.Range, a plain {start: {line, character}, end} (JSON from a keybinding) or {start, end} offsets.
// The rest (strings, kinds, offsets, lists) is in src/util/args.ts.
import * as vscode from 'vscode';
import { CommandId } from '../commands';
import { ArgError, ArgCheck, ArgSpec, Offsets, Parsed, anyOf, isRecord, offsets, parseArgs } from '../util/args';

export const uri: ArgCheck<vscode.Uri> = (v, name) => {
  if (v instanceof vscode.Uri) return v;
  // A Uri that went through JSON (a command link built with JSON.stringify(uri)).
  if (isRecord(v) && typeof v.scheme === 'string' && v.scheme && typeof v.path === 'string') {
    const part = (k: string) => (typeof v[k] === 'string' ? (v[k] as string) : undefined);
    return vscode.Uri.from({ scheme: v.scheme, authority: part('authority'), path: v.path, query: part('query'), fragment: part('fragment') });
  }
  if (typeof v === 'string' && v.length) {
    try {
      return vscode.Uri.parse(v);
    } catch {
      // falls through to the message
    }
  }
  throw new ArgError(`\`${name}\` must be a document Uri or its string form, not ${typeof v === 'string' ? `"${v}"` : typeof v}`);
};

const position = (v: unknown): v is { line: number; character: number } =>
  isRecord(v) && Number.isInteger(v.line) && Number.isInteger(v.character) && (v.line as number) >= 0 && (v.character as number) >= 0;

const lineRange: ArgCheck<vscode.Range> = (v, name) => {
  if (v instanceof vscode.Range) return v;
  if (isRecord(v) && position(v.start) && position(v.end)) return new vscode.Range(v.start.line, v.start.character, v.end.line, v.end.character);
  throw new ArgError(`\`${name}\` is not a range`);
};

export const range: ArgCheck<vscode.Range | Offsets> = anyOf<vscode.Range | Offsets>('a Range, {start: {line, character}, end} or {start, end} offsets', lineRange, offsets);

/**
 * Parses a command's arguments; a wrong one is shown (naming the command and the argument) and gives undefined,
 * so the command stops before doing anything.
 */
export function commandArgs<S extends ArgSpec>(command: CommandId, raw: unknown, spec: S): Parsed<S> | undefined {
  try {
    return parseArgs(raw, spec);
  } catch (e) {
    if (!(e instanceof ArgError)) throw e;
    void vscode.window.showErrorMessage(vscode.l10n.t('Claim Tagger: wrong arguments for {0}: {1}', command, e.message));
    return undefined;
  }
}

/** Runs `run` with the parsed arguments; wrong ones are shown and nothing runs (undefined). */
export function withArgs<S extends ArgSpec, R>(command: CommandId, raw: unknown, spec: S, run: (args: Parsed<S>) => R): R | undefined {
  const args = commandArgs(command, raw, spec);
  return args && run(args);
}
