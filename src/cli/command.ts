// One shape for every `claim-tagger` subcommand: its name, summary, positional arguments and options (the
// `node:util` parseArgs configuration, each option with its help line), and run(args, io). Parsing, `--help`
// and usage errors are handled here, so every command's help lists exactly the options it accepts.
import { parseArgs } from 'node:util';
import { CliIo, ExitCode } from './io';

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  readonly multiple?: boolean;
  /** The value's placeholder in help (string options), e.g. `<kind>` or `N`. */
  readonly value?: string;
  /** What the option does, for the help (may hold several lines). */
  readonly help: string;
  /** Shown in the synopsis without brackets (the command itself checks it, with its own message). */
  readonly required?: boolean;
  /** Options sharing a group name are alternatives, shown as `(--a X | --b Y)`. */
  readonly oneOf?: string;
}
export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

type ValueOf<S extends OptionSpec> = S['type'] extends 'boolean' ? boolean : S['multiple'] extends true ? string[] : string;

/** What parseArgs gives a command: option values by name (absent when not given) and the positionals. */
export interface ParsedArgs<O extends OptionSpecs> {
  values: { [K in keyof O]?: ValueOf<O[K]> };
  positionals: string[];
}

export interface Command<O extends OptionSpecs = OptionSpecs> {
  readonly name: string;
  /** One line: what the command does. */
  readonly summary: string;
  /** Positional arguments for the synopsis, e.g. `<file|dir>...`; empty when the command takes none. */
  readonly args: string;
  readonly options: O;
  /** Other forms of the command, shown under the synopsis (e.g. reading standard input). */
  readonly forms?: readonly string[];
  /** Text after the options in the command's own help. */
  readonly notes?: string;
  /** Arguments are handed over as given, unparsed: git runs the merge driver with paths, which may start with "-". */
  readonly raw?: boolean;
  run(args: ParsedArgs<O>, io: CliIo): Promise<ExitCode>;
}

/** Keeps the options' literal types, so `run` sees each value typed. */
export function defineCommand<const O extends OptionSpecs>(command: Command<O>): Command<O> {
  return command;
}

const HELP_OPTION: OptionSpec = { type: 'boolean', short: 'h', help: 'show this help' };

/** The options a command accepts, `--help` included, as its help lists them. */
export function acceptedOptions(command: Command): OptionSpecs {
  return { ...command.options, help: HELP_OPTION };
}

/** Parses `argv` for `command` and runs it; `--help` prints the command's help, a usage error exits 2. */
export async function runCommand<O extends OptionSpecs>(command: Command<O>, argv: string[], io: CliIo): Promise<ExitCode> {
  if (command.raw) {
    if (argv.includes('--help') || argv.includes('-h')) return printHelp(command, io);
    return command.run({ values: {}, positionals: argv }, io);
  }
  const options = Object.fromEntries(Object.entries(acceptedOptions(command)).map(([name, o]) => [name, { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) }]));
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: command.args !== '', options });
  } catch (e) {
    return usageError(command, io, (e as Error).message);
  }
  if (parsed.values.help) return printHelp(command, io);
  return command.run(parsed as unknown as ParsedArgs<O>, io);
}

/** Writes `claim-tagger <command>: <message>` and the command's usage to stderr; exit 2. */
export function usageError(command: Command, io: Pick<CliIo, 'stderr'>, message: string): ExitCode {
  io.stderr.write(`claim-tagger ${command.name}: ${message}\n${usage(command)}`);
  return ExitCode.badInput;
}

function printHelp(command: Command, io: CliIo): ExitCode {
  io.stdout.write(commandHelp(command));
  return ExitCode.ok;
}

const WIDTH = 110;
const COLUMN = 22;

/** `Usage: claim-tagger <name> <synopsis>` and the command's other forms, one per line. */
export function usage(command: Command): string {
  const lines = [`Usage: ${wrap(`claim-tagger ${synopsis(command)}`, 'Usage: claim-tagger '.length)}`];
  for (const form of command.forms ?? []) lines.push(`       claim-tagger ${command.name} ${form}`);
  return lines.join('\n') + '\n';
}

/** The command's help: usage, summary, every option it accepts, notes. */
export function commandHelp(command: Command): string {
  const rows = Object.entries(acceptedOptions(command)).map(([name, o]) => {
    const flags = `${o.short ? `-${o.short}, ` : ''}--${name}${o.type === 'string' ? ` ${o.value ?? '<value>'}` : ''}`;
    return formatRow(flags, o.help);
  });
  return `${usage(command)}\n${command.summary}\n\nOptions:\n${rows.join('')}${command.notes ? `\n${command.notes.trimEnd()}\n` : ''}`;
}

/** The overview: every command's synopsis and summary, the global options, the exit codes. */
export function overviewHelp(commands: readonly Command[], version: string): string {
  const list = commands.map((c) => `  ${wrap(synopsis(c), 4)}\n${formatRow('', c.summary)}`).join('');
  return `claim-tagger ${version}: tag claims, attributions and opinion language in text files.

Usage: claim-tagger <command> [options]

Commands:
${list}
Options:
${formatRow('-h, --help', 'show this help (or: claim-tagger <command> --help)')}${formatRow('-v, --version', 'print the version')}
Exit codes: ${ExitCode.ok} ok, ${ExitCode.finding} a finding (orphaned tags, --fail-on), ${ExitCode.badInput} unreadable input or bad usage.
Claim Tagger makes no network requests.
`;
}

/** `name args --required <v> (--a <v> | --b <v>) [--optional <v>]...`, from the definition. */
export function synopsis(command: Command): string {
  const parts = [command.name, ...(command.args ? [command.args] : [])];
  const entries = Object.entries(command.options);
  const flag = (name: string, o: OptionSpec) => `--${name}${o.type === 'string' ? ` ${o.value ?? '<value>'}` : ''}`;
  for (const [name, o] of entries) if (o.required) parts.push(flag(name, o));
  const groups = new Map<string, string[]>();
  for (const [name, o] of entries) if (o.oneOf) groups.set(o.oneOf, [...(groups.get(o.oneOf) ?? []), flag(name, o)]);
  for (const alternatives of groups.values()) parts.push(`(${alternatives.join(' | ')})`);
  for (const [name, o] of entries) if (!o.required && !o.oneOf) parts.push(`[${flag(name, o)}]`);
  return parts.join(' ');
}

/** `  flags   help` with the help in a column; help lines after the first, and flags too long, continue below. */
function formatRow(flags: string, help: string): string {
  const pad = ' '.repeat(COLUMN);
  const [first, ...rest] = help.split('\n');
  const head = flags === '' ? pad + first : `  ${flags}`.length < COLUMN ? `  ${flags}`.padEnd(COLUMN) + first : `  ${flags}\n${pad}${first}`;
  return [head, ...rest.map((l) => pad + l)].join('\n') + '\n';
}

/** Breaks a synopsis at spaces outside brackets to fit WIDTH; continuation lines are indented by `indent`. */
function wrap(text: string, indent: number): string {
  const words: string[] = [];
  let depth = 0;
  let word = '';
  for (const ch of text) {
    if (ch === ' ' && depth === 0) {
      words.push(word);
      word = '';
      continue;
    }
    if (ch === '[' || ch === '(') depth++;
    if (ch === ']' || ch === ')') depth--;
    word += ch;
  }
  words.push(word);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && indent + line.length + 1 + w.length > WIDTH) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  lines.push(line);
  return lines.join(`\n${' '.repeat(indent)}`);
}
