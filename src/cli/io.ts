// What a CLI command may touch, passed in so tests can run commands in memory: commands write through these
// streams and read the working directory and environment from here, never from `process` or `console`.
import * as fs from 'node:fs/promises';

export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  readFile(path: string): Promise<string>;
  /** The working directory: relative paths in messages and names are relative to it. */
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
}

/** Exit codes shared by every subcommand. */
export const ExitCode = {
  /** Done; nothing found that fails a gate. */
  ok: 0,
  /** A finding: orphaned tags, a --fail-on rule, a merge left as a conflict. */
  finding: 1,
  /** Bad usage, or input that cannot be read or written. */
  badInput: 2,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** `io` completed with this process's standard streams, working directory and environment for what it leaves out. */
export function processIo(io: Partial<CliIo> = {}): CliIo {
  return {
    stdin: io.stdin ?? process.stdin,
    stdout: io.stdout ?? process.stdout,
    stderr: io.stderr ?? process.stderr,
    readFile: io.readFile ?? ((p) => fs.readFile(p, 'utf8')),
    cwd: io.cwd ?? process.cwd(),
    env: io.env ?? process.env,
  };
}
