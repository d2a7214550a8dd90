// Tagging commands. Each accepts arguments so tests and other extensions can drive it without UI;
// without arguments it works on the active editor's selections (one tag per selection).
import * as vscode from 'vscode';
import { Tag, TagKind } from '../core/model';
import { trimRange } from '../core/tags';
import { sentenceAt, wordAt } from '../core/textUnits';
import { ClaimTaggerConfig, isLanguageEnabled } from '../config';
import { TagStore } from '../store/tagStore';
import { Disposable } from '../util/dispose';
import { attributionContent } from './attributionContent';
import { AttributionFlow, sourceArg } from './attributionFlow';
import { TAG_ARGS } from '../editor/tagArgs';
import { range, uri, withArgs } from '../editor/args';
import { Parsed, listOf, text } from '../util/args';
import { Commands } from '../commands';
import { resolveDocument, toOffsets } from '../editor/target';
import { withStoreErrors } from '../editor/storeErrors';
import { registerCommands } from '../editor/commands';

const TAG_COMMAND_ARGS = {
  /** Document to tag (default: the active editor's). */
  uri,
  /** Ranges to tag (default: the active editor's selections). */
  ranges: listOf(range),
  note: text,
  /** tagAs: the kind, skipping the quick pick (checked against the configured kinds there). */
  kind: text,
  /** Attributions: who said it (a range of the document or free text) and the reporting verb. */
  source: sourceArg,
  cue: range,
};
export type TagCommandArgs = Parsed<typeof TAG_COMMAND_ARGS>;
const REPIN_ARGS = { ...TAG_ARGS, range };

export class TaggingCommands extends Disposable {
  private readonly attribution: AttributionFlow;

  /** The status-bar prompt while a span is being picked ('' when none). */
  get spanPrompt(): string {
    return this.attribution.picker.prompt;
  }

  constructor(
    private readonly store: TagStore,
    private readonly config: () => ClaimTaggerConfig,
  ) {
    super();
    this.attribution = this._register(new AttributionFlow(store, config));
    this._register(
      registerCommands('tagging', {
        tagClaim: (raw?: unknown) => withArgs(Commands.tagClaim, raw, TAG_COMMAND_ARGS, (a) => this.tag('claim', a)),
        tagAttribution: (raw?: unknown) => withArgs(Commands.tagAttribution, raw, TAG_COMMAND_ARGS, (a) => this.tag('attribution', a)),
        tagOpinion: (raw?: unknown) => withArgs(Commands.tagOpinion, raw, TAG_COMMAND_ARGS, (a) => this.tag('opinion', a)),
        tagAs: (raw?: unknown) => withArgs(Commands.tagAs, raw, TAG_COMMAND_ARGS, (a) => this.tagAs(a)),
        repinTag: (raw?: unknown) => withArgs(Commands.repinTag, raw, REPIN_ARGS, (a) => this.repin(a)),
      }),
    );
  }

  private async tagAs(args?: TagCommandArgs): Promise<Tag[]> {
    let kind = args?.kind;
    if (!kind) {
      const pick = await vscode.window.showQuickPick(
        this.config().kinds.map((k) => ({ label: `$(${k.icon}) ${k.label}`, description: k.builtin ? undefined : k.id, id: k.id })),
        { placeHolder: vscode.l10n.t('Tag the selection as…') },
      );
      kind = pick?.id;
    }
    if (!kind) return [];
    if (!this.config().kinds.some((k) => k.id === kind)) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Unknown tag kind "{0}": add it to the claimTagger.kinds setting first.', kind));
      return [];
    }
    return this.tag(kind, args);
  }

  /** Tags each range (or selection) as `kind`; returns the new tags. */
  async tag(kind: TagKind, args?: TagCommandArgs): Promise<Tag[]> {
    const target = await resolveDocument(args?.uri);
    if (!target) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a document and select the text to tag.'));
      return [];
    }
    const { document, editor } = target;
    if (!isLanguageEnabled(this.config(), document.languageId)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Tagging is off for {0} documents (setting claimTagger.enabledLanguages).', document.languageId));
      return [];
    }
    const text = document.getText();
    // With nothing selected: the word for opinion, the sentence for claims, what was said in it for attributions.
    const atCursor = (at: number) => (kind === 'opinion' ? wordAt(text, at) : kind === 'attribution' ? attributionContent(text, sentenceAt(text, at)) : sentenceAt(text, at));
    const raw = args?.ranges?.map((r) => toOffsets(document, r)) ??
      editor?.selections.map((s) => ({ start: document.offsetAt(s.start), end: document.offsetAt(s.end) })) ?? [];
    const spans = raw
      .map((r) => (r.start === r.end ? atCursor(r.start) : trimRange(text, r.start, r.end)))
      .filter((r, i, all) => r.end > r.start && all.findIndex((o) => o.start === r.start && o.end === r.end) === i);
    if (!spans.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Nothing to tag here: select some text first.'));
      return [];
    }
    return withStoreErrors(async () => {
      const tags = await this.store.addTags(document, spans.map((s) => ({ kind, start: s.start, end: s.end, note: args?.note })));
      if (kind === 'attribution') {
        const automated = args?.ranges !== undefined || (args !== undefined && ('source' in args || 'cue' in args));
        for (const tag of tags) {
          if (automated) await this.attribution.apply(document, tag.id, args?.source, args?.cue);
          else if (tags.length === 1 && !(await this.attribution.ask(document, tag.id))) {
            // Escape at "Who said it?" cancels the whole command: no attribution is left behind.
            await this.store.removeTags(document, [tag.id]);
            return [];
          }
        }
      }
      return tags;
    }, []);
  }

  /** Re-pins a tag (typically orphaned) to a range or the current selection. */
  private async repin(args: Parsed<typeof REPIN_ARGS>): Promise<Tag | undefined> {
    const target = await resolveDocument(args?.uri);
    if (!target) return undefined;
    const { document } = target;
    // From the Tags view the document may not be shown yet: show it, so a selection can be made there.
    const editor = target.editor ?? (args?.uri && !args.range ? await vscode.window.showTextDocument(document) : undefined);
    const doc = await this.store.open(document);
    let id = args?.id;
    if (!id) {
      const orphans = doc.tags.filter((t) => t.anchor.state !== 'anchored');
      const pick = await vscode.window.showQuickPick(
        (orphans.length ? orphans : doc.tags).map((t) => ({ label: t.quote.slice(0, 80) || '(empty)', description: `${t.kind} · ${t.anchor.state}`, id: t.id })),
        { placeHolder: vscode.l10n.t('Tag to pin to the selection') },
      );
      id = pick?.id;
    }
    const range = args?.range ? toOffsets(document, args.range) : editor && { start: document.offsetAt(editor.selection.start), end: document.offsetAt(editor.selection.end) };
    if (!id) return undefined;
    if (!range || range.start === range.end) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Select the text this tag belongs to, then run Re-pin Tag to Selection again.'));
      return undefined;
    }
    const span = trimRange(document.getText(), range.start, range.end);
    return withStoreErrors(() => this.store.repin(document, id, span.start, span.end), undefined);
  }
}
