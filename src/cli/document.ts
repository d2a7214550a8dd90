// Reading a document for a CLI command: regular files only (a FIFO or device would hang the command), text only.
// The read itself goes through CliIo.readFile (in-memory in tests).
import * as fs from 'node:fs/promises';
import { NotRegularFileError, describeEntry } from '../util/regularFile';

export type DocumentRead = { ok: true; text: string } | { ok: false; message: string };

/** The document's text, or a message that names the file and says why it cannot be used. */
export async function readDocument(file: string, readFile: (p: string) => Promise<string>, options: { text?: boolean } = {}): Promise<DocumentRead> {
  let text: string;
  try {
    // Checked before reading: opening a FIFO for reading blocks until a writer comes, which may be never.
    const st = await fs.stat(file).catch(() => undefined);
    if (st && !st.isFile()) throw new NotRegularFileError(file, describeEntry(st));
    text = await readFile(file);
  } catch (e) {
    if (e instanceof NotRegularFileError) return { ok: false, message: `${e.message}: only text files can be read.` };
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, message: `cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code ?? (e as Error).message}` };
  }
  if (options.text !== false && text.includes('\u0000')) return { ok: false, message: `${file} looks like a binary file: only text documents can be tagged.` };
  return { ok: true, text };
}
