// Reading only regular files: a FIFO, device or socket given as a document or sidecar would block a read forever
// (or never end), so the file is opened without blocking and checked through the open handle before reading.
import { close as closeCb, constants, fstat as fstatCb, open as openCb, readFile as readFileCb } from 'node:fs';
import { promisify } from 'node:util';

const open = promisify(openCb);
const fstat = promisify(fstatCb);
const close = promisify(closeCb);
const readFd = promisify(readFileCb) as (fd: number, encoding: 'utf8') => Promise<string>;

export class NotRegularFileError extends Error {
  readonly code = 'ENOTREG';
  constructor(readonly file: string, readonly what: string) {
    super(`${file} is ${what}, not a regular file`);
    this.name = 'NotRegularFileError';
  }
}

/** What a non-regular entry is, in words for a message. */
export function describeEntry(st: { isDirectory(): boolean; isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean; isSymbolicLink(): boolean }): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  if (st.isSymbolicLink()) return 'a symbolic link';
  return 'not a file';
}

/**
 * The text of `file`; throws NotRegularFileError for anything but a regular file (following symlinks).
 * Callback calls under promisify: one round trip each (open, fstat, read, close), which matters when a report
 * reads ten thousand small files.
 */
export async function readRegularFile(file: string): Promise<string> {
  // O_NONBLOCK lets the open of a FIFO return at once (POSIX); Windows has no such flag and no such files.
  const fd = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const st = await fstat(fd);
    if (!st.isFile()) throw new NotRegularFileError(file, describeEntry(st));
    return await readFd(fd, 'utf8');
  } finally {
    await close(fd);
  }
}
