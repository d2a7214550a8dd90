// What the learning suites share (learn.test.ts runs in both hosts, learnWrites.node.test.ts only where the disk is
// reachable): learned.json, the suggestions of this suite's made-up phrase, and leaving the workspace as found.
import * as vscode from 'vscode';
import { api, closeAllEditors, exec, exists, readJson, readText, remove, workspaceUri, writeFile } from './helpers';

export type S = { kind: string; start: number; end: number; rule: string; term?: string; text: string; explanation: string; score: number };
type Counts = { accepted: number; dismissed: number };
export type LearnedJson = { decisions: { rules: Record<string, Counts>; terms: Record<string, Record<string, Counts>> }; forgotten?: Record<string, Record<string, number>> };

export const learnedFile = () => workspaceUri('.claim-tags', 'learned.json');

export async function learnedJson(): Promise<LearnedJson | undefined> {
  return (await exists(learnedFile())) ? ((await readJson(learnedFile())) as LearnedJson) : undefined;
}

export async function suggestions(uri: vscode.Uri): Promise<S[]> {
  return exec<S[]>('claimTagger.suggestTags', { uri });
}

// Only this suite's made-up phrase: tags other suites left in the shared workspace must not change its counts.
export const learnedHere = (list: S[]) => list.filter((s) => s.rule === 'learned.phrase' && /quorp/i.test(s.text));

/**
 * A learning suite leaves the shared fixture workspace as it found it: learned.json as before (or absent), and
 * none of its documents (under `folder`), whose tags would otherwise be phrase memory for every later suite.
 */
export async function isolate(folder: string): Promise<{ restore: () => Promise<void> }> {
  const file = learnedFile();
  const before = (await exists(file)) ? await readText(file) : undefined;
  await remove(file);
  return {
    restore: async () => {
      await closeAllEditors();
      await (await api()).flush(); // learned.json is written on a timer: nothing may land after the restore
      await new Promise((r) => setTimeout(r, 500));
      await remove(workspaceUri(folder));
      if (before !== undefined) await writeFile(file, before);
      else await remove(file);
    },
  };
}
