// Notes are Markdown, often several lines: Edit Tag Note… opens the note as a small Markdown document of its own
// (scheme claim-tagger-note) that saves back into the tag with Ctrl+S, instead of a one-line input box.
import * as vscode from 'vscode';
import { TagStore, TagStoreError } from '../store/tagStore';
import { Disposable } from '../util/dispose';
import { shorten } from '../editor/describe';
import { showStoreError } from '../editor/storeErrors';

export const NOTE_SCHEME = 'claim-tagger-note';

interface NoteRef {
  uri: string;
  id: string;
}

export class NoteDocuments extends Disposable implements vscode.FileSystemProvider {
  private readonly changes = this._register(new vscode.EventEmitter<vscode.FileChangeEvent[]>());
  readonly onDidChangeFile = this.changes.event;

  constructor(private readonly store: TagStore) {
    super();
    this._register(vscode.workspace.registerFileSystemProvider(NOTE_SCHEME, this, { isCaseSensitive: true }));
  }

  /** Opens a tag's note for editing beside the article. */
  async open(document: vscode.TextDocument, id: string, quote: string): Promise<vscode.TextEditor> {
    const name = shorten(quote, 40).replace(/[\\/:*?"<>|#%]/g, ' ').trim() || 'note';
    const uri = vscode.Uri.from({ scheme: NOTE_SCHEME, path: `/Note on ${name}.md`, query: JSON.stringify({ uri: document.uri.toString(), id } satisfies NoteRef) });
    const note = await vscode.workspace.openTextDocument(uri);
    await vscode.languages.setTextDocumentLanguage(note, 'markdown');
    return vscode.window.showTextDocument(note, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  }

  private ref(uri: vscode.Uri): NoteRef {
    try {
      const r = JSON.parse(uri.query) as NoteRef;
      if (typeof r.uri === 'string' && typeof r.id === 'string') return r;
    } catch {
      // fall through
    }
    throw vscode.FileSystemError.FileNotFound(uri);
  }

  private tagOf(uri: vscode.Uri) {
    const r = this.ref(uri);
    const tag = this.store.get(vscode.Uri.parse(r.uri))?.find(r.id);
    if (!tag) throw vscode.FileSystemError.FileNotFound(uri);
    return { r, tag };
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    const { tag } = this.tagOf(uri);
    const mtime = Date.parse(tag.modified) || 0;
    return { type: vscode.FileType.File, ctime: Date.parse(tag.created) || 0, mtime, size: new TextEncoder().encode(tag.note ?? '').length };
  }

  readFile(uri: vscode.Uri): Uint8Array {
    return new TextEncoder().encode(this.tagOf(uri).tag.note ?? '');
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const { r } = this.tagOf(uri);
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(r.uri));
    const note = new TextDecoder().decode(content).replace(/\s+$/, '');
    try {
      await this.store.updateTag(document, r.id, { note: note || undefined });
    } catch (e) {
      if (e instanceof TagStoreError) {
        showStoreError(e);
        throw vscode.FileSystemError.NoPermissions(e.message);
      }
      throw e;
    }
    this.changes.fire([{ type: vscode.FileChangeType.Changed, uri }]);
  }

  watch(): vscode.Disposable {
    return { dispose: () => undefined };
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }

  createDirectory(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  delete(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  rename(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
}
