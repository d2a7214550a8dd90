// Writing the CLI's output: content as one string or a sequence of chunks (a large report is rendered in parts),
// with back-pressure; a reader that goes away early (`| head -c1`, EPIPE) is normal and ends the output quietly,
// any other write error is reported. Messages for a terminal pass through stripControls.
import { Writable } from 'node:stream';
import { stripControls } from '../util/terminal';

export type Output = string | Iterable<string>;

export function isBrokenPipe(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED' || code === 'ERR_STREAM_WRITE_AFTER_END';
}

/** Writes every chunk in order, waiting for each to be flushed; rejects with the stream's write error. */
export async function writeOutput(stream: NodeJS.WritableStream, content: Output): Promise<void> {
  for (const chunk of typeof content === 'string' ? [content] : content) {
    if (!chunk) continue;
    const destroyed = (stream as Partial<Writable>).destroyed;
    if (destroyed) throw Object.assign(new Error('output closed'), { code: 'ERR_STREAM_DESTROYED' });
    await new Promise<void>((resolve, reject) => {
      stream.write(chunk, (err?: Error | null) => (err ? reject(err) : resolve()));
    });
  }
}

/** Remembers the first error of `stream` (so an EPIPE is not an uncaught exception) for the command to judge. */
export function guardStream(stream: NodeJS.WritableStream): { readonly error: Error | undefined } {
  let error: Error | undefined;
  stream.on('error', (e: Error) => {
    error ??= e;
  });
  return {
    get error() {
      return error;
    },
  };
}

/** A stream that forwards text to `target` without control characters or escape sequences. */
export function terminalSafe(target: NodeJS.WritableStream): NodeJS.WritableStream {
  return new Writable({
    decodeStrings: false,
    write(chunk: string | Buffer, _encoding, callback) {
      target.write(stripControls(typeof chunk === 'string' ? chunk : chunk.toString('utf8')), (err?: Error | null) => callback(isBrokenPipe(err) ? null : err));
    },
  });
}
