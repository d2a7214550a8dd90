// `claim-tagger <command>`: the same core as the extension, for scripts and CI.
import { version } from '../../package.json';
import { CliIo, Exit } from './io';
import { stripControls } from '../util/terminal';
import { guardStream, isBrokenPipe, terminalSafe } from './output';

const HELP = `claim-tagger ${version}: tag claims, attributions and opinion language in text files.

Usage: claim-tagger <command> [options]

Commands:
  tag <file> --kind <kind> (--quote <text> [--occurrence N] | --range <start>:<end>) [--note <text>] [--status <status>]
                      add a tag to the document's sidecar and print its id
  check <file|dir>... [--json] [--write]
                      re-anchor tags against the current text and report each tag's state
  suggest <file>... | -  [--jsonl] [--min-score N] [--kinds k1,k2] [--workspace DIR] [--no-learned] [--verbose]
                      propose candidate tags (JSON)
  report <file|dir>... --format md|html|csv|json|w3c|claimreview [--out FILE|-] [--fail-on unreviewed|orphaned|unattributed]
                      write a tag report
  agree <sidecar|file|dir>... [--authors a,b] [--json] [--format md|html]
                      agreement between annotators (tag authors, blind copies <file>.tags.<author>.json)
  merge-driver %O %A %B %P / install-merge-driver [--global]
                      git merge driver for sidecars (merges by tag id), and its registration

Options:
  -h, --help          show this help (or: claim-tagger <command> --help)
  -v, --version       print the version

Exit codes: 0 ok, 1 a finding (orphaned tags, --fail-on), 2 unreadable input or bad usage.
Claim Tagger makes no network requests.
`;

type Command = (argv: string[], io: CliIo) => Promise<number>;

/** Subcommands load lazily so `--help` stays instant. */
const commands: Record<string, () => Promise<Command>> = {
  tag: async () => (await import('./tag')).runTag,
  check: async () => (await import('./check')).runCheck,
  suggest: async () => (await import('./suggest')).runSuggest,
  report: async () => (await import('./report')).runReport,
  'merge-driver': async () => (await import('./mergeDriver')).runMergeDriver,
  'install-merge-driver': async () => (await import('./mergeDriver')).runInstallMergeDriver,
  agree: async () => (await import('./agree')).runAgree,
};

export async function main(argv: string[], io: CliIo): Promise<number> {
  // Listening for errors keeps an EPIPE (the reader went away) from becoming an uncaught exception.
  const out = guardStream(io.stdout);
  guardStream(io.stderr);
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    io.stdout.write(HELP);
    return first === undefined ? Exit.badInput : Exit.ok;
  }
  if (first === '-v' || first === '--version') {
    io.stdout.write(`${version}\n`);
    return Exit.ok;
  }
  const load = commands[first];
  if (!load) {
    io.stderr.write(`claim-tagger: unknown command "${stripControls(first)}". Run claim-tagger --help.\n`);
    return Exit.badInput;
  }
  return runGuarded(await load(), rest, io, out);
}

/**
 * Runs a command with its messages stripped of control characters, and with output errors judged here:
 * a reader that stopped reading (EPIPE) is not an error, any other failure to write the output exits 2.
 */
async function runGuarded(command: Command, argv: string[], io: CliIo, out: { readonly error: Error | undefined }): Promise<number> {
  const stderr = terminalSafe(io.stderr);
  let code: number;
  try {
    code = await command(argv, { ...io, stderr });
  } catch (e) {
    // An unexpected failure still gets one clean line (no stack trace, no control characters) and exit 2.
    if (!isBrokenPipe(e) && !isBrokenPipe(out.error)) {
      stderr.write(`claim-tagger: ${(e as Error).message ?? String(e)}\n`);
      code = Exit.badInput;
    } else code = Exit.ok;
  } finally {
    await new Promise<void>((resolve) => stderr.end(resolve));
  }
  if (out.error && !isBrokenPipe(out.error) && code !== Exit.badInput) {
    io.stderr.write(`claim-tagger: cannot write the output: ${(out.error as NodeJS.ErrnoException).code ?? out.error.message}\n`);
    return Exit.badInput;
  }
  return code;
}
