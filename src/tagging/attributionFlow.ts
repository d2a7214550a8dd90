// Attributions as source -> cue -> content: after the content is tagged, ask who said it and with which
// reporting verb, offering what the detector found nearby, free text, or a span picked in the editor.
import * as vscode from 'vscode';
import { attributionCandidates, PartCandidate } from '../core/attributionParts';
import { SourceRef, SpanRef, isSpanRef } from '../core/model';
import { relocate } from '../core/relocate';
import { ClaimTaggerConfig } from '../config';
import { TagStore } from '../store/tagStore';
import { Disposable } from '../util/dispose';
import { TAG_ARGS } from '../editor/tagArgs';
import { range, withArgs } from '../editor/args';
import { ArgCheck, Parsed, anyOf, isRecord, nullable, text } from '../util/args';
import { Commands } from '../commands';
import { pickTag } from './pickTag';
import { SpanPicker } from './spanPicker';
import type { Span } from '../core/spans';
import { toOffsets } from '../editor/target';
import { withStoreErrors } from '../editor/storeErrors';
import { registerCommands } from '../editor/commands';

export type PartArg = vscode.Range | Span;

/** A source given as free text (an unnamed or absent speaker) rather than a range. */
const sourceText: ArgCheck<{ text: string }> = (v, name) => ({ text: text(isRecord(v) ? v.text : v, `${name}.text`) });
/** Who said it: a range of the document or free text. */
export const sourceArg = anyOf<PartArg | { text: string }>('a range or {text}', range, sourceText);
/** null: explicitly none (clears it). */
const SET_SOURCE_ARGS = { ...TAG_ARGS, source: nullable(sourceArg), cue: nullable(range) };

type Choice = { label: string; description?: string; detail?: string; part?: PartCandidate; action?: 'type' | 'span' | 'none' };

export class AttributionFlow extends Disposable {
  readonly picker = this._register(new SpanPicker());

  constructor(
    private readonly store: TagStore,
    private readonly config: () => ClaimTaggerConfig,
  ) {
    super();
    this._register(registerCommands('attribution', { setSource: (raw?: unknown) => withArgs(Commands.setSource, raw, SET_SOURCE_ARGS, (a) => this.setSource(a)) }));
  }

  private async setSource(args: Parsed<typeof SET_SOURCE_ARGS>): Promise<void> {
    const picked = await pickTag(this.store, this.config(), args, (t) => t.kind === 'attribution');
    if (!picked) return;
    if (picked.tag.kind !== 'attribution') {
      void vscode.window.showInformationMessage(vscode.l10n.t('Sources and cues belong to attributions; this tag is a {0}.', picked.tag.kind));
      return;
    }
    if ('source' in args || 'cue' in args) return this.apply(picked.document, picked.tag.id, args.source ?? undefined, args.cue ?? undefined);
    await this.ask(picked.document, picked.tag.id);
  }

  /** Sets source and cue from arguments (ranges or free text), without UI. */
  async apply(document: vscode.TextDocument, id: string, source?: PartArg | { text: string }, cue?: PartArg): Promise<void> {
    const text = document.getText();
    const span = (r: PartArg): SpanRef => {
      const o = toOffsets(document, r);
      return { start: o.start, end: o.end, quote: text.slice(o.start, o.end) };
    };
    const src: SourceRef | undefined = source === undefined ? undefined : isSourceText(source) ? { text: source.text } : span(source);
    await withStoreErrors(() => this.store.updateTag(document, id, { source: src, cue: cue ? span(cue) : undefined }), undefined);
  }

  /**
   * Asks for the source, then the cue. Returns false when the user cancelled the source question (Escape): the
   * caller that just created the attribution removes it again. Escape at the cue keeps the source, without a cue.
   */
  async ask(document: vscode.TextDocument, id: string): Promise<boolean> {
    const tag = this.store.get(document.uri)?.find(id);
    if (!tag) return false;
    const found = attributionCandidates(document.getText(), tag.start, tag.end);
    const source = await this.choose(document, vscode.l10n.t('Who said it? (source of the attribution)'), vscode.l10n.t('the source'), found.sources, true);
    if (source === undefined) return false;
    const cue = await this.choose(document, vscode.l10n.t('Reporting verb or phrase (cue), e.g. "said", "according to"'), vscode.l10n.t('the reporting verb'), found.cues, false);
    const src = source === null ? undefined : source;
    const text = document.getText();
    // The document may have changed while the pickers were open: find the chosen spans again near the tag.
    const current = this.store.get(document.uri)?.find(id);
    if (!current) return false;
    const fix = (span: SpanRef): SpanRef => relocate(text, span, current.start);
    await withStoreErrors(() => this.store.updateTag(document, id, { source: src && isSpanRef(src) ? fix(src) : src, cue: cue && isSpanRef(cue) ? fix(cue) : undefined }), undefined);
    return true;
  }

  /** undefined: cancelled; null: explicitly none. */
  private async choose(document: vscode.TextDocument, title: string, what: string, candidates: PartCandidate[], allowText: boolean): Promise<SourceRef | null | undefined> {
    const items: Choice[] = candidates.map((c) => ({
      label: `$(quote) ${c.text}`,
      description: c.unnamed ? vscode.l10n.t('unnamed source') : vscode.l10n.t('found nearby'),
      part: c,
    }));
    if (allowText) items.push({ label: `$(edit) ${vscode.l10n.t('Type a source…')}`, detail: vscode.l10n.t('For a source that is not in the text'), action: 'type' });
    items.push({ label: `$(selection) ${vscode.l10n.t('Pick a span in the editor…')}`, action: 'span' });
    items.push({ label: `$(circle-slash) ${vscode.l10n.t('None')}`, detail: allowText ? vscode.l10n.t('Flagged as unattributed: nobody is said to have made it') : undefined, action: 'none' });
    const pick = await vscode.window.showQuickPick(items, { title, placeHolder: title, ignoreFocusOut: true });
    if (!pick) return undefined;
    if (pick.part) return { start: pick.part.start, end: pick.part.end, quote: pick.part.text };
    if (pick.action === 'none') return null;
    if (pick.action === 'type') {
      const value = await vscode.window.showInputBox({ title, prompt: vscode.l10n.t('Name of the person or body'), ignoreFocusOut: true });
      return value?.trim() ? { text: value.trim() } : undefined;
    }
    return this.picker.pick(document, what);
  }
}

function isSourceText(s: PartArg | { text: string }): s is { text: string } {
  return 'text' in s && typeof s.text === 'string';
}
