// `claim-tagger <command>`: the same core as the extension, for scripts and CI. Dispatches over COMMANDS.
import { version } from '../../package.json';
import { Command, overviewHelp, runCommand } from './command';
import { COMMANDS } from './commands';
import { CliIo, ExitCode, processIo } from './io';
import { stripControls } from '../util/terminal';
import { guardStream, isBrokenPipe, terminalSafe } from './output';

/** Runs `argv`; what `io` leaves out comes from this process (standard streams, working directory, environment). */
export async function main(argv: string[], partialIo: Partial<CliIo> = {}): Promise<ExitCode> {
  const io = processIo(partialIo);
  // Listening for errors keeps an EPIPE (the reader went away) from becoming an uncaught exception.
  const out = guardStream(io.stdout);
  guardStream(io.stderr);
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    io.stdout.write(overviewHelp(COMMANDS, version));
    return first === undefined ? ExitCode.badInput : ExitCode.ok;
  }
  if (first === '-v' || first === '--version') {
    io.stdout.write(`${version}\n`);
    return ExitCode.ok;
  }
  const command = COMMANDS.find((c) => c.name === first);
  if (!command) {
    io.stderr.write(`claim-tagger: unknown command "${stripControls(first)}". Run claim-tagger --help.\n`);
    return ExitCode.badInput;
  }
  return runGuarded(command, rest, io, out);
}

/**
 * Runs a command with its messages stripped of control characters, and with output errors judged here:
 * a reader that stopped reading (EPIPE) is not an error, any other failure to write the output exits 2.
 */
async function runGuarded(command: Command, argv: string[], io: CliIo, out: { readonly error: Error | undefined }): Promise<ExitCode> {
  const stderr = terminalSafe(io.stderr);
  let code: ExitCode;
  try {
    code = await runCommand(command, argv, { ...io, stderr });
  } catch (e) {
    // An unexpected failure still gets one clean line (no stack trace, no control characters) and exit 2.
    if (!isBrokenPipe(e) && !isBrokenPipe(out.error)) {
      stderr.write(`claim-tagger: ${(e as Error).message ?? String(e)}\n`);
      code = ExitCode.badInput;
    } else code = ExitCode.ok;
  } finally {
    await new Promise<void>((resolve) => stderr.end(resolve));
  }
  if (out.error && !isBrokenPipe(out.error) && code !== ExitCode.badInput) {
    io.stderr.write(`claim-tagger: cannot write the output: ${(out.error as NodeJS.ErrnoException).code ?? out.error.message}\n`);
    return ExitCode.badInput;
  }
  return code;
}
