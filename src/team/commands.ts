// Team commands in the editor: Compare Annotators… (the agreement report of this document or the workspace) and
// Curate Tags… (./curate.ts).
// Each command takes arguments so tests and automation skip the pickers.
import * as vscode from 'vscode';
import { computeAgreement } from '../core/team/agreement';
import { AGREEMENT_FORMATS, AgreementFormat, renderAgreement } from '../core/team/report';
import { TagStore } from '../store/tagStore';
import { resolveDocument } from '../editor/target';
import { Disposable } from '../util/dispose';
import { ClaimTaggerConfig } from '../config';
import { AnnotatorFileError, annotatedDocument, annotatedWorkspace } from '../editor/annotations';
import { curateDocument } from './curate';
import { CurationDecision } from '../core/team/curate';
import { registerCommands } from '../editor/commands';
import { uri, withArgs } from '../editor/args';
import { Parsed, anyOf, flag, isRecord, listOf, oneOf, shape, text } from '../util/args';
import { CLAIM_STATUSES } from '../core/model';
import { Commands } from '../commands';

const COMPARE_ARGS = {
  scope: oneOf(['document', 'workspace'] as const),
  uri,
  format: oneOf<AgreementFormat>(AGREEMENT_FORMATS),
  /** Only these annotators, in this order. */
  authors: listOf(text),
};
export type CompareArgs = Parsed<typeof COMPARE_ARGS>;
const DECISION = anyOf<CurationDecision>(
  '{action: "accept", tagId}, {action: "merge", status?} or {action: "reject"}',
  shape({ action: oneOf(['accept'] as const), tagId: text }),
  (v, name) => ({ action: oneOf(['merge'] as const)(isRecord(v) ? v.action : v, `${name}.action`), ...(isRecord(v) && v.status !== undefined ? { status: oneOf(CLAIM_STATUSES)(v.status, `${name}.status`) } : {}) }),
  shape({ action: oneOf(['reject'] as const) }),
);
const CURATE_ARGS = {
  uri,
  /** Default: the `claimTagger.author` setting. */
  curator: text,
  /** One decision per disagreement, in text order (tests and automation); otherwise asked one by one. */
  decisions: listOf(DECISION),
  /** Replace the tags already in the target file without asking. */
  replace: flag,
};

export interface CompareResult {
  /** The untitled document holding the report. */
  target: string;
  annotators: string[];
  documents: number;
}

const LANGUAGE: Record<AgreementFormat, string> = { md: 'markdown', html: 'html', json: 'json' };

export class TeamCommands extends Disposable {
  constructor(
    private readonly store: TagStore,
    private readonly config: () => ClaimTaggerConfig,
  ) {
    super();
    this._register(
      registerCommands('team', {
        compareAnnotators: (raw?: unknown) => withArgs(Commands.compareAnnotators, raw, COMPARE_ARGS, (a) => this.compare(a)),
        curateTags: (raw?: unknown) => withArgs(Commands.curateTags, raw, CURATE_ARGS, (a) => curateDocument(this.store, this.config().author, a)),
      }),
    );
  }

  async compare(args: CompareArgs = {}): Promise<CompareResult | undefined> {
    const scope = args.scope ?? (await this.pickScope());
    if (!scope) return undefined;
    const format = args.format ?? 'md';
    let docs;
    try {
      if (scope === 'workspace') {
        const ws = await annotatedWorkspace(this.store);
        docs = ws.docs;
        if (ws.errors.length) {
          void vscode.window.showWarningMessage(vscode.l10n.t('Claim Tagger left out {0} unreadable file(s) (nothing was changed): {1}', ws.errors.length, ws.errors.join('; ')));
        }
      } else {
        const target = await resolveDocument(args.uri);
        if (!target) {
          void vscode.window.showInformationMessage(vscode.l10n.t('Open a document to compare its annotators.'));
          return undefined;
        }
        docs = [(await annotatedDocument(this.store, target.document)).annotated];
      }
    } catch (e) {
      if (!(e instanceof AnnotatorFileError)) throw e;
      void vscode.window.showErrorMessage(vscode.l10n.t('Claim Tagger cannot compare annotators: {0}', e.message));
      return undefined;
    }
    const result = computeAgreement(docs, { authors: args.authors });
    if (result.annotators.length < 2) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Fewer than two annotators found: tags count for their author, or for <author> in blind copies <document>.tags.<author>.json.'));
    }
    const report = await vscode.workspace.openTextDocument({ language: LANGUAGE[format], content: renderAgreement(format, result) });
    await vscode.window.showTextDocument(report, { preview: false });
    return { target: report.uri.toString(), annotators: result.annotators, documents: docs.length };
  }

  private async pickScope(): Promise<'document' | 'workspace' | undefined> {
    const items: (vscode.QuickPickItem & { scope: 'document' | 'workspace' })[] = [];
    if (vscode.window.activeTextEditor) items.push({ label: vscode.l10n.t('This document'), scope: 'document' });
    items.push({ label: vscode.l10n.t('Every document in the workspace'), scope: 'workspace' });
    const pick = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Compare Annotators') });
    return pick?.scope;
  }
}
