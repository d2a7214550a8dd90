// Commands that change an existing tag: remove (with Undo), note, claim status, kind, evidence links.
// Each takes { uri, id, value } arguments to run without UI; otherwise it acts on the tag at the cursor.
import * as vscode from 'vscode';
import { CLAIM_STATUSES, ClaimStatus, Tag, isClaimStatus } from '../core/model';
import { isHttpUrl } from '../core/url';
import { ClaimTaggerConfig, kindLabel } from '../config';
import { TagPatch, TagStore } from '../store/tagStore';
import { Disposable } from '../util/dispose';
import { STATUS_GLYPHS, STATUS_LABELS, shorten } from '../editor/describe';
import { NoteDocuments } from './noteDocuments';
import { Commands } from '../commands';
import { TAG_ARGS, tagRef } from '../editor/tagArgs';
import { withArgs } from '../editor/args';
import { Parsed, listOf, text } from '../util/args';
import { PickedTag, pickTag } from './pickTag';
import { resolveDocument } from '../editor/target';
import { withStoreErrors } from '../editor/storeErrors';
import { registerCommands } from '../editor/commands';

const VALUE_ARGS = { ...TAG_ARGS, value: text };
const REMOVE_ARGS = { ...TAG_ARGS, ids: listOf(text) };
export type ValueArgs = Parsed<typeof VALUE_ARGS>;
export type RemoveArgs = Parsed<typeof REMOVE_ARGS>;

export class EditCommands extends Disposable {
  private readonly notes: NoteDocuments;

  constructor(
    private readonly store: TagStore,
    private readonly config: () => ClaimTaggerConfig,
  ) {
    super();
    this.notes = this._register(new NoteDocuments(store));
    this._register(
      registerCommands('editTags', {
        removeTag: (raw?: unknown, all?: unknown[]) => (many(all) ? this.removeMany(all!) : withArgs(Commands.removeTag, raw, REMOVE_ARGS, (a) => this.remove(a))),
        editNote: (raw?: unknown) => withArgs(Commands.editNote, raw, VALUE_ARGS, (a) => this.editNote(a)),
        setStatus: (raw?: unknown, all?: unknown[]) => withArgs(Commands.setStatus, raw, VALUE_ARGS, (a) => (many(all) ? this.setStatusMany(all!, a) : this.setStatus(a))),
        changeKind: (raw?: unknown) => withArgs(Commands.changeKind, raw, VALUE_ARGS, (a) => this.changeKind(a)),
        addLink: (raw?: unknown) => withArgs(Commands.addLink, raw, VALUE_ARGS, (a) => this.addLink(a)),
      }),
    );
  }

  private async remove(args?: RemoveArgs): Promise<Tag[]> {
    if (args?.ids?.length) {
      const target = await resolveDocument(args.uri);
      if (!target) return [];
      return withStoreErrors(async () => {
        const removed = await this.store.removeTags(target.document, args.ids!);
        this.offerUndo(target.document, removed);
        return removed;
      }, []);
    }
    const picked = await pickTag(this.store, this.config(), args, undefined, vscode.l10n.t('Several tags overlap here: which one should be removed?'));
    if (!picked) return [];
    return withStoreErrors(async () => {
      const removed = await this.store.removeTags(picked.document, [picked.tag.id]);
      this.offerUndo(picked.document, removed);
      return removed;
    }, []);
  }

  /** A notification with Undo; not awaited, so the command returns at once. */
  private offerUndo(document: vscode.TextDocument, removed: Tag[]): void {
    if (!removed.length) return;
    const undo = vscode.l10n.t('Undo');
    const what = removed.length === 1
      ? vscode.l10n.t('Removed {0} "{1}".', kindLabel(this.config(), removed[0].kind).toLowerCase(), shorten(removed[0].quote, 40))
      : vscode.l10n.t('Removed {0} tags.', removed.length);
    void vscode.window.showInformationMessage(what, undo).then((choice) => {
      if (choice === undo) void withStoreErrors(() => this.store.restoreTags(document, removed), undefined);
    });
  }

  private async removeMany(nodes: unknown[]): Promise<Tag[]> {
    const removed: Tag[] = [];
    for (const [uri, ids] of groupByDocument(nodes)) removed.push(...(await this.remove({ uri: vscode.Uri.parse(uri), ids })));
    return removed;
  }

  private async setStatusMany(nodes: unknown[], first?: ValueArgs): Promise<Tag[]> {
    const claims = nodes.map(tagRef).filter((a): a is { uri: string; id: string } => !!a?.id);
    let value = first?.value;
    if (value === undefined) {
      const pick = await vscode.window.showQuickPick(
        CLAIM_STATUSES.map((s) => ({ label: `${STATUS_GLYPHS[s]}  ${STATUS_LABELS[s]}`, status: s })),
        { title: vscode.l10n.t('Status of {0} claims', claims.length) },
      );
      value = pick?.status;
    }
    if (value === undefined) return [];
    const out: Tag[] = [];
    for (const a of claims) {
      const t = await this.setStatus({ uri: vscode.Uri.parse(a.uri), id: a.id, value });
      if (t) out.push(t);
    }
    return out;
  }

  private async editNote(args?: ValueArgs): Promise<Tag | undefined> {
    const picked = await pickTag(this.store, this.config(), args);
    if (!picked) return undefined;
    if (args?.value === undefined) {
      // Without a value: the note as a Markdown document of its own, saved back into the tag (Ctrl+S).
      await this.notes.open(picked.document, picked.tag.id, picked.tag.quote);
      return picked.tag;
    }
    return this.patch(picked, { note: args.value.trim() || undefined });
  }

  private async setStatus(args?: ValueArgs): Promise<Tag | undefined> {
    const picked = await pickTag(this.store, this.config(), args, (t) => t.kind === 'claim');
    if (!picked) return undefined;
    if (picked.tag.kind !== 'claim') {
      void vscode.window.showInformationMessage(vscode.l10n.t('Only claims have a review status.'));
      return undefined;
    }
    let value: string | undefined = args?.value;
    if (value === undefined) {
      const pick = await vscode.window.showQuickPick(
        CLAIM_STATUSES.map((s) => ({ label: `${STATUS_GLYPHS[s]}  ${STATUS_LABELS[s]}`, description: s === picked.tag.status ? vscode.l10n.t('current') : undefined, status: s })),
        { title: vscode.l10n.t('Status of "{0}"', shorten(picked.tag.quote, 40)) },
      );
      value = pick?.status;
    }
    if (value === undefined) return undefined;
    if (!isClaimStatus(value)) throw new Error(`Unknown claim status "${value}"; expected one of ${CLAIM_STATUSES.join(', ')}`);
    return this.patch(picked, { status: value as ClaimStatus });
  }

  private async changeKind(args?: ValueArgs): Promise<Tag | undefined> {
    const picked = await pickTag(this.store, this.config(), args);
    if (!picked) return undefined;
    const kinds = this.config().kinds;
    let value = args?.value;
    if (value === undefined) {
      const pick = await vscode.window.showQuickPick(
        kinds.map((k) => ({ label: `$(${k.icon}) ${k.label}`, description: k.id === picked.tag.kind ? vscode.l10n.t('current') : undefined, id: k.id })),
        { title: vscode.l10n.t('Change the kind of "{0}"', shorten(picked.tag.quote, 40)) },
      );
      value = pick?.id;
    }
    if (value === undefined || value === picked.tag.kind) return undefined;
    if (!kinds.some((k) => k.id === value)) throw new Error(`Unknown tag kind "${value}"`);
    // A claim keeps (or gets) a review status; other kinds drop it. Source and cue stay: nothing is lost.
    return this.patch(picked, { kind: value, status: value === 'claim' ? picked.tag.status ?? 'unreviewed' : undefined });
  }

  private async addLink(args?: ValueArgs): Promise<Tag | undefined> {
    const picked = await pickTag(this.store, this.config(), args);
    if (!picked) return undefined;
    const value = args?.value ?? (await vscode.window.showInputBox({
      title: vscode.l10n.t('Evidence link for "{0}"', shorten(picked.tag.quote, 40)),
      placeHolder: 'https://…',
      validateInput: (v) => (isHttpUrl(v.trim()) ? undefined : vscode.l10n.t('Enter an http(s) address.')),
    }));
    if (value === undefined) return undefined;
    if (!isHttpUrl(value.trim())) throw new Error(`Not an http(s) address: ${value}`);
    const links = [...new Set([...(picked.tag.links ?? []), value.trim()])];
    return this.patch(picked, { links });
  }

  private patch(picked: PickedTag, patch: TagPatch): Promise<Tag | undefined> {
    return withStoreErrors(() => this.store.updateTag(picked.document, picked.tag.id, patch), undefined);
  }
}

function many(all: unknown[] | undefined): boolean {
  return Array.isArray(all) && all.length > 1;
}

/** Tag nodes (or { uri, id } objects) grouped by document URI. */
function groupByDocument(nodes: unknown[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const n of nodes) {
    const a = tagRef(n);
    if (!a?.id) continue;
    const key = a.uri;
    out.set(key, [...(out.get(key) ?? []), a.id]);
  }
  return out;
}
