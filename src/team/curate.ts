// Curate Tags…: walks through every disagreement between the annotators of the active document (the editor
// selects it), asks accept one side / merge / reject, and writes the curated sidecar. The annotators' files are
// never changed: the curated tags go into the shared sidecar when it holds none of the annotators' tags (they
// worked in blind copies), else into `<document>.tags.curated.json` beside it.
import * as vscode from 'vscode';
import { emptySidecar } from '../core/sidecar/format';
import { baseName } from '../core/sidecar/paths';
import { blindCopyPath } from '../core/team/annotators';
import { CurationDecision, CurationItem, curate, curationItems } from '../core/team/curate';
import { serializeTeamSidecar } from '../core/team/serialize';
import { TagStore } from '../store/tagStore';
import { resolveDocument } from '../editor/target';
import { AnnotatorFileError, annotatedDocument } from '../editor/annotations';

export interface CurateArgs {
  uri?: vscode.Uri | string;
  /** Default: the `claimTagger.author` setting. */
  curator?: string;
  /** One decision per disagreement, in text order (tests and automation); otherwise asked one by one. */
  decisions?: CurationDecision[];
  /** Replace the tags already in the target file without asking. */
  replace?: boolean;
}

export interface CurateResult {
  target: string;
  tags: number;
  items: number;
  disagreements: number;
}

export async function curateDocument(store: TagStore, author: string, args: CurateArgs = {}): Promise<CurateResult | undefined> {
  const target = await resolveDocument(args.uri);
  if (!target) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a document to curate its tags.'));
    return undefined;
  }
  const { document, editor } = target;
  const curator = args.curator?.trim() || author || 'curator';
  let data;
  try {
    await store.flush(document.uri);
    data = await annotatedDocument(store, document);
  } catch (e) {
    if (!(e instanceof AnnotatorFileError)) throw e;
    void vscode.window.showErrorMessage(vscode.l10n.t('Claim Tagger cannot curate: {0}', e.message));
    return undefined;
  }
  const sidecarUri = data.sharedUri;
  if (!sidecarUri) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Save the document first: curated tags are kept beside it.'));
    return undefined;
  }
  const annotators = new Map([...data.annotated.annotators].filter(([who]) => who !== curator));
  if (annotators.size < 2) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Curating needs tags of at least two annotators besides {0}.', curator));
    return undefined;
  }
  const sharedHoldsAnnotators = data.shared.some((t) => (t.author ?? '') !== curator);
  const out = sharedHoldsAnnotators ? sidecarUri.with({ path: blindCopyPath(sidecarUri.path, 'curated') }) : sidecarUri;
  const items = curationItems(annotators);
  const disagreements = items.filter((i) => !i.agreed).length;
  const text = document.getText();
  const tags = await curate(items, (it, i) => args.decisions ? args.decisions[i] : ask(it, i, disagreements, document, editor), { curator, text });
  if (!tags) return undefined; // cancelled: nothing written
  const existing = await readExisting(out);
  if (existing && !args.replace) {
    const replace = vscode.l10n.t('Replace');
    const answer = await vscode.window.showWarningMessage(vscode.l10n.t('{0} already exists. Replace it with the curated tags?', baseName(out.path)), { modal: true }, replace);
    if (answer !== replace) return undefined;
  }
  const content = serializeTeamSidecar({ ...emptySidecar(baseName(document.uri.path), text), tags });
  await store.files.write(out, content);
  if (out.toString() === sidecarUri.toString()) await store.reload(document);
  void vscode.window.showInformationMessage(vscode.l10n.t('Curated {0} tag(s) from {1} disagreement(s) into {2}.', tags.length, disagreements, baseName(out.path)));
  return { target: out.toString(), tags: tags.length, items: items.length, disagreements };
}

async function readExisting(uri: vscode.Uri): Promise<boolean> {
  try {
    const raw = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    const parsed = JSON.parse(raw) as { tags?: unknown[] };
    return !Array.isArray(parsed.tags) || parsed.tags.length > 0;
  } catch (e) {
    // Missing: fine. Unreadable JSON: treat as existing, so the user is asked before it is replaced.
    return !(e instanceof vscode.FileSystemError);
  }
}

async function ask(it: CurationItem, index: number, total: number, document: vscode.TextDocument, editor: vscode.TextEditor | undefined): Promise<CurationDecision | undefined> {
  const range = new vscode.Range(document.positionAt(it.start), document.positionAt(it.end));
  const shown = editor ?? (await vscode.window.showTextDocument(document, { preserveFocus: true, preview: false }));
  shown.selection = new vscode.Selection(range.start, range.end);
  shown.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  type Pick = vscode.QuickPickItem & { decision: CurationDecision };
  const picks: Pick[] = [];
  for (const v of it.versions) {
    if (!v.tags.length) picks.push({ label: `$(circle-slash) ${v.author}`, description: vscode.l10n.t('no {0} tag here', it.kind), decision: { action: 'reject' } });
    for (const t of v.tags) {
      const detail = [t.status, t.note].filter(Boolean).join(' · ');
      picks.push({ label: `$(check) ${vscode.l10n.t('Accept {0}', v.author)}`, description: `“${shorten(t.quote)}”`, detail: detail || undefined, decision: { action: 'accept', tagId: t.id } });
    }
  }
  picks.push({ label: `$(merge) ${vscode.l10n.t('Merge')}`, description: vscode.l10n.t('union of the spans, notes and links combined'), decision: { action: 'merge' } });
  picks.push({ label: `$(trash) ${vscode.l10n.t('Reject')}`, description: vscode.l10n.t('no tag here'), decision: { action: 'reject' } });
  const pick = await vscode.window.showQuickPick(picks, { title: vscode.l10n.t('Curate {0} ({1} of {2})', it.kind, index + 1, total), ignoreFocusOut: true });
  return pick?.decision;
}

function shorten(s: string): string {
  return s.length > 60 ? s.slice(0, 57) + '…' : s;
}
