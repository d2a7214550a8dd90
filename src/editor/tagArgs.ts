// Arguments of commands that act on one tag: from the palette, a keybinding, a hover link or a Tags view row
// (a tag row stands for {uri, id}: see parseArgs).
import * as vscode from 'vscode';
import { anyOf, parseArgs, text } from '../util/args';
import { uri } from './args';

export const TAG_ARGS = { uri, id: text };

export interface TagArgs {
  uri?: vscode.Uri | string;
  id?: string;
}

/** A document as the key the Tags view uses: the string form of its Uri. */
const uriKey = anyOf<string>('a document Uri or its string form', text, (v, name) => uri(v, name).toString());

/** The {uri (string form), id} a tree node or argument object names; undefined when it names none (or is malformed). */
export function tagRef(node: unknown): { uri: string; id?: string } | undefined {
  try {
    const a = parseArgs(node, { uri: uriKey, id: text });
    return a.uri === undefined ? undefined : { uri: a.uri, id: a.id };
  } catch {
    return undefined;
  }
}
