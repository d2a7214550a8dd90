// What a CLI command may touch, passed in so tests can run commands in memory.
export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  readFile(path: string): Promise<string>;
}

/** Exit codes shared by every subcommand. */
export const Exit = { ok: 0, finding: 1, badInput: 2 } as const;
