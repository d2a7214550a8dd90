// Arguments of commands that act on one tag: from the palette, a keybinding, a hover link or a Tags view row.
import * as vscode from 'vscode';

export interface TagArgs {
  uri?: vscode.Uri | string;
  id?: string;
}

/** Tree nodes (and anything with `{ doc, tag }`) passed by the Tags view, normalised to `{ uri, id }`. */
export function normaliseTagArgs<T extends TagArgs>(args: unknown): T | undefined {
  const a = args as { type?: string; doc?: string; tag?: { id: string } } | undefined;
  if (a && a.type === 'tag' && typeof a.doc === 'string' && a.tag) return { uri: a.doc, id: a.tag.id } as T;
  return args as T | undefined;
}
