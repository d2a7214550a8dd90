// Claim evidence in the editor (issue 13): derived per workspace folder from the Tags view's index, like the
// phrase memory, with the text of each document that has claim tags (open: its buffer; else read from disk).
// Only a document's derived counts are kept, not its text; a document is read again only when its claim tags
// change. Nothing is written: every editor with the same sidecars derives the same evidence.
import * as vscode from 'vscode';
import { ClaimEvidence, documentClaims } from '../core/learn/claimEvidence';
import { ReviewDocument } from '../core/review/model';

/** A document's claim tags as one comparable string ('' for none). */
export function claimPrint(d: ReviewDocument): string {
  if (d.error || d.detached) return '';
  let out = '';
  for (const t of d.tags) if (t.kind === 'claim') out += `${t.start}-${t.end},`;
  return out;
}

export class DerivedClaims {
  /** Folder URI -> its evidence. */
  private readonly byFolder = new Map<string, ClaimEvidence>();
  /** Document key -> the claim print its contribution was derived from. */
  private readonly prints = new Map<string, string>();

  of(folder: string): ClaimEvidence | undefined {
    return this.byFolder.get(folder);
  }

  clear(): void {
    this.byFolder.clear();
    this.prints.clear();
  }

  /**
   * Derives the contributions of the documents whose claim tags changed (and drops those of documents gone);
   * returns the folders whose evidence changed.
   */
  async update(documents: readonly ReviewDocument[], folderOf: (key: string) => string): Promise<Set<string>> {
    const changed = new Set<string>();
    const present = new Set<string>();
    const work: Promise<void>[] = [];
    for (const d of documents) {
      present.add(d.key);
      const print = claimPrint(d);
      if ((this.prints.get(d.key) ?? '') === print) continue;
      this.prints.set(d.key, print);
      const folder = folderOf(d.key);
      changed.add(folder);
      work.push(this.derive(d, folder, print));
    }
    for (const key of [...this.prints.keys()]) {
      if (present.has(key)) continue;
      const folder = folderOf(key);
      this.prints.delete(key);
      this.byFolder.get(folder)?.set(key, '', undefined);
      changed.add(folder);
    }
    await Promise.all(work);
    return changed;
  }

  private async derive(d: ReviewDocument, folder: string, print: string): Promise<void> {
    let evidence = this.byFolder.get(folder);
    if (!evidence) this.byFolder.set(folder, (evidence = new ClaimEvidence()));
    if (!print) {
      evidence.set(d.key, d.name, undefined);
      return;
    }
    const text = await documentText(d.key);
    // Tags changed again while the text was read: the later update derives it.
    if (this.prints.get(d.key) !== print) return;
    const tags = d.tags.filter((t) => t.kind === 'claim');
    evidence.set(d.key, d.name, text === undefined ? undefined : documentClaims(text, tags));
  }
}

/** The document's text: its editor buffer when open, else the file's; undefined when it cannot be read. */
async function documentText(key: string): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((t) => t.uri.toString() === key);
  if (open) return open.getText();
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(key)));
  } catch {
    return undefined;
  }
}
