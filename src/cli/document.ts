// Reading a document for a CLI command: regular files only (a FIFO or device would hang the command), text only,
// without a leading byte order mark. The read itself goes through CliIo.readFile (in-memory in tests).
import * as fs from 'node:fs/promises';
import { NotRegularFileError, describeEntry } from '../util/regularFile';

/**
 * The text as VS Code's getText() gives it: one leading U+FEFF (a UTF-8 BOM) dropped, so the CLI's offsets and
 * text hash match the editor's. Only read: the CLI never writes a document, so its BOM stays on disk.
 */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export type DocumentRead = { ok: true; text: string } | { ok: false; message: string };

/** The document's text, or a message that names the file and says why it cannot be used. */
export async function readDocument(file: string, readFile: (p: string) => Promise<string>, options: { text?: boolean } = {}): Promise<DocumentRead> {
  let text: string;
  try {
    // Checked before reading: opening a FIFO for reading blocks until a writer comes, which may be never.
    const st = await fs.stat(file).catch(() => undefined);
    if (st && !st.isFile()) throw new NotRegularFileError(file, describeEntry(st));
    text = withoutBom(await readFile(file));
  } catch (e) {
    if (e instanceof NotRegularFileError) return { ok: false, message: `${e.message}: only text files can be read.` };
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, message: `cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code ?? (e as Error).message}` };
  }
  if (options.text !== false && text.includes('\u0000')) return { ok: false, message: `${file} looks like a binary file: only text documents can be tagged.` };
  return { ok: true, text };
}
