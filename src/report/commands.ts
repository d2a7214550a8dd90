// Export Tag Report…, Preview Tag Report (a webview with a strict CSP, refreshed as tags change) and
// Import Web Annotations. Each command accepts arguments so tests and automation skip the dialogs.
import * as vscode from 'vscode';
import { randomHex } from '../core/hash';
import { tagsFromAnnotations } from '../core/importTags';
import { reportAgreement } from './agreement';
import { REPORT_FORMATS, ReportDocument, ReportFormat, ReportOptions, parseWebAnnotations, renderHtmlReport, renderReport, reportFileExtension, reportLanguageId } from '../core/report';
import { ClaimTaggerConfig, readConfig } from '../config';
import { TagStore } from '../store/tagStore';
import { resolveDocument } from '../editor/target';
import { withStoreErrors } from '../editor/storeErrors';
import { Disposable } from '../util/dispose';
import { ReportPalette, ReportScope, TagsSource, collectDocuments, reportKinds } from './collect';
import { registerCommands } from '../editor/commands';
import { uri, withArgs } from '../editor/args';
import { Parsed, anyOf, isRecord, oneOf, text } from '../util/args';
import { Commands } from '../commands';
import { log } from '../util/log';
import { KeyedDebounce } from '../util/debounce';

/** A file: a Uri, or a string (a URI with a scheme, else a path); see asUri. */
const place = anyOf<vscode.Uri | string>('a Uri, a URI string or a path', text, uri);
const EXPORT_ARGS = {
  scope: oneOf<ReportScope>(['document', 'workspace', 'selection']),
  /** Checked against the report formats where it is used (an unknown one is an error that names them). */
  format: text,
  /** `untitled` opens the report as an untitled document; a URI (or string) saves it there. */
  target: place,
  /** Document for scope `document` (default: the active editor's). */
  uri: place,
};
export type ExportArgs = Parsed<typeof EXPORT_ARGS>;
const IMPORT_ARGS = { uri: place, source: place, json: text };

export interface ExportResult {
  format: ReportFormat;
  target: string;
  documents: number;
  tags: number;
}

const FORMAT_LABELS: Record<ReportFormat, string> = {
  md: 'Markdown',
  html: 'HTML (self-contained, with charts)',
  csv: 'CSV (spreadsheets)',
  json: 'JSON',
  w3c: 'W3C Web Annotation (JSON-LD)',
  claimreview: 'ClaimReview (schema.org JSON-LD)',
};

export class ReportCommands extends Disposable {
  private preview: vscode.WebviewPanel | undefined;
  private previewUri: vscode.Uri | undefined;
  private readonly previewRender = new KeyedDebounce<''>();
  /** The HTML the preview shows now (for tests). */
  previewHtml = '';

  constructor(
    private readonly store: TagStore,
    private readonly view: TagsSource,
    private readonly config: () => ClaimTaggerConfig,
  ) {
    super();
    this._register(
      registerCommands('report', {
        // From a tag's context menu in the Tags view VS Code passes the node: report on the selected tags.
        exportReport: (raw?: unknown) => withArgs(Commands.exportReport, isRecord(raw) && raw.type === 'tag' ? { scope: 'selection' } : raw, EXPORT_ARGS, (a) => this.export(a)),
        previewReport: (raw?: unknown) => withArgs(Commands.previewReport, raw, { uri: place }, (a) => this.showPreview(a)),
        importAnnotations: (raw?: unknown) => withArgs(Commands.importAnnotations, raw, IMPORT_ARGS, (a) => this.import(a)),
      }),
    );
    this._register(store.onDidChange((e) => {
      if (this.preview && e.uri.toString() === this.previewUri?.toString()) this.schedulePreview();
    }));
    this._register(vscode.workspace.onDidRenameFiles((e) => this.followRename(e.files)));
    // The webview switches its body class with the theme by itself; the kinds' colours come from here.
    this._register(vscode.window.onDidChangeActiveColorTheme(() => {
      if (this.preview) this.schedulePreview();
    }));
    this._register({
      dispose: () => {
        this.previewRender.dispose();
        this.preview?.dispose();
      },
    });
  }

  /**
   * Render options. The author is the configured one only (never the OS user name); ClaimReview gets the outlet
   * and claimant, and the article URL when the report covers one document (settings are per folder).
   */
  private options(docs: readonly ReportDocument[], documentUri?: vscode.Uri, palette: ReportPalette = 'light') {
    const c = this.config();
    const scoped = documentUri ? readConfig(documentUri).report : c.report;
    const options: ReportOptions = {
      kinds: reportKinds(c, palette),
      author: c.authorConfigured ? c.author : undefined,
      csvBom: c.report.csvBom,
      outlet: scoped.outlet,
      claimant: scoped.claimant,
      articleUrl: docs.length === 1 ? scoped.articleUrl : undefined,
    };
    return options;
  }

  private async export(args: ExportArgs): Promise<ExportResult | undefined> {
    const scope = args?.scope ?? (await this.askScope());
    if (!scope) return undefined;
    const format = args?.format ?? (await this.askFormat());
    if (!format) return undefined;
    if (!isReportFormat(format)) throw new Error(`Unknown report format "${format}"; use one of ${REPORT_FORMATS.join(', ')}`);
    let docs;
    try {
      docs = await collectDocuments(scope, this.store, this.view, args?.uri ? asUri(args.uri) : undefined);
    } catch (e) {
      void vscode.window.showInformationMessage((e as Error).message);
      return undefined;
    }
    const documentUri = scope === 'document' ? (args?.uri ? asUri(args.uri) : vscode.window.activeTextEditor?.document.uri) : undefined;
    const options = this.options(docs, documentUri);
    // HTML reports of whole documents add the agreement between their annotators (two or more).
    const content = format === 'html' && scope !== 'selection'
      ? renderHtmlReport(docs, options, {}, { agreement: await reportAgreement(this.store, scope, documentUri) })
      : renderReport(format, docs, options);
    const tags = docs.reduce((n, d) => n + d.tags.length, 0);
    let target = args?.target;
    if (!target) {
      const save = vscode.l10n.t('Save to File…');
      const pick = await vscode.window.showQuickPick([{ label: vscode.l10n.t('Open as Untitled Document'), id: 'untitled' }, { label: save, id: 'file' }], { title: vscode.l10n.t('Where should the report go?') });
      if (!pick) return undefined;
      if (pick.id === 'file') {
        const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
        const chosen = await vscode.window.showSaveDialog({
          defaultUri: folder && vscode.Uri.joinPath(folder, `claim-tagger-report${reportFileExtension(format)}`),
          filters: { [FORMAT_LABELS[format]]: [reportFileExtension(format).slice(1)] },
        });
        if (!chosen) return undefined;
        target = chosen;
      } else target = 'untitled';
    }
    if (target === 'untitled') {
      const document = await vscode.workspace.openTextDocument({ language: reportLanguageId(format), content });
      await vscode.window.showTextDocument(document, { preview: false });
      return { format, target: document.uri.toString(), documents: docs.length, tags };
    }
    const uri = asUri(target);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
    if (!args?.target) {
      const open = vscode.l10n.t('Open');
      void vscode.window.showInformationMessage((tags === 1 ? vscode.l10n.t('Report with 1 tag written to {0}.', vscode.workspace.asRelativePath(uri)) : vscode.l10n.t('Report with {0} tags written to {1}.', tags, vscode.workspace.asRelativePath(uri))), open).then((c) => {
        if (c === open) void vscode.commands.executeCommand('vscode.open', uri);
      });
    }
    return { format, target: uri.toString(), documents: docs.length, tags };
  }

  private async askScope(): Promise<ReportScope | undefined> {
    const items: (vscode.QuickPickItem & { scope: ReportScope })[] = [];
    if (vscode.window.activeTextEditor) items.push({ label: `$(file) ${vscode.l10n.t('This document')}`, scope: 'document' });
    items.push({ label: `$(root-folder) ${vscode.l10n.t('Whole workspace')}`, scope: 'workspace' });
    if (this.view.selection.some((n) => n.type === 'tag')) items.push({ label: `$(list-selection) ${vscode.l10n.t('Tags selected in the Tags view')}`, scope: 'selection' });
    return (await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Report on…') }))?.scope;
  }

  private async askFormat(): Promise<ReportFormat | undefined> {
    const pick = await vscode.window.showQuickPick(REPORT_FORMATS.map((f) => ({ label: FORMAT_LABELS[f], description: reportFileExtension(f), format: f })), { title: vscode.l10n.t('Report format') });
    return pick?.format;
  }

  /** The HTML report of a document in a webview: no scripts, styles by nonce, nothing remote. */
  private async showPreview(args?: { uri?: vscode.Uri | string }): Promise<{ html: string } | undefined> {
    const target = await resolveDocument(args?.uri);
    if (!target) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a document to preview its report.'));
      return undefined;
    }
    this.previewUri = target.document.uri;
    if (!this.preview) {
      this.preview = vscode.window.createWebviewPanel('claimTagger.report', vscode.l10n.t('Tag Report'), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
        enableScripts: false,
        enableForms: false,
        localResourceRoots: [],
      });
      const panel = this.preview;
      const closed = panel.onDidDispose(() => {
        closed.dispose();
        if (this.preview === panel) {
          this.preview = undefined;
          this.previewHtml = '';
        }
      });
    }
    this.preview.title = vscode.l10n.t('Tag Report: {0}', target.document.uri.path.split('/').pop() ?? '');
    return { html: await this.renderPreview() };
  }

  /** The previewed document was renamed (or a folder above it): show the document under its new name. */
  private followRename(files: readonly { oldUri: vscode.Uri; newUri: vscode.Uri }[]): void {
    for (const { oldUri, newUri } of files) {
      const at = this.previewUri;
      if (!at || at.scheme !== oldUri.scheme) continue;
      if (at.toString() === oldUri.toString()) this.previewUri = newUri;
      else if (at.path.startsWith(oldUri.path + '/')) this.previewUri = newUri.with({ path: newUri.path + at.path.slice(oldUri.path.length) });
      else continue;
      if (this.preview) {
        this.preview.title = vscode.l10n.t('Tag Report: {0}', this.previewUri.path.split('/').pop() ?? '');
        this.schedulePreview();
      }
    }
  }

  private schedulePreview(): void {
    this.previewRender.schedule('', 300, () => {
      // Usually the document or panel went away meanwhile; logged in case it was something else.
      this.renderPreview().catch((e: unknown) => log.warn('Report preview: could not render', e));
    });
  }

  private async renderPreview(): Promise<string> {
    if (!this.preview || !this.previewUri) return '';
    const panel = this.preview;
    const docs = await collectDocuments('document', this.store, this.view, this.previewUri);
    if (this.preview !== panel) return ''; // closed meanwhile
    const nonce = randomHex(18);
    const agreement = await reportAgreement(this.store, 'document', this.previewUri);
    if (this.preview !== panel) return '';
    const html = renderHtmlReport(docs, this.options(docs, this.previewUri, themePalette(vscode.window.activeColorTheme.kind)), { nonce, cspSource: panel.webview.cspSource }, { agreement });
    panel.webview.html = html;
    this.previewHtml = html;
    return html;
  }

  /** Reads W3C Web Annotation JSON (ours, Hypothesis…) and anchors it on the document; nothing is dropped. */
  private async import(args?: { uri?: vscode.Uri | string; source?: vscode.Uri | string; json?: string }) {
    const target = await resolveDocument(args?.uri);
    if (!target) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open the document the annotations belong to.'));
      return undefined;
    }
    let json = args?.json;
    if (json === undefined) {
      const source = args?.source ? asUri(args.source) : (await vscode.window.showOpenDialog({ canSelectMany: false, filters: { 'Web Annotation JSON': ['json', 'jsonld'] }, title: vscode.l10n.t('Import Web Annotations') }))?.[0];
      if (!source) return undefined;
      json = new TextDecoder().decode(await vscode.workspace.fs.readFile(source));
    }
    const text = target.document.getText();
    let parsed;
    try {
      parsed = parseWebAnnotations(json, text, { knownKinds: this.config().kinds.map((k) => k.id) });
    } catch (e) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Cannot import: {0}', (e as Error).message));
      return undefined;
    }
    const doc = await this.store.open(target.document);
    const result = tagsFromAnnotations(text, parsed.annotations, new Set(doc.tags.map((t) => t.id)));
    if (!(await withStoreErrors(() => this.store.importTags(target.document, result.tags).then(() => true), false))) return undefined;
    const summary = {
      imported: result.tags.length,
      placed: result.placed,
      fuzzy: result.fuzzy,
      orphaned: result.orphaned.length,
      skipped: parsed.skipped.length + result.unusable,
      reasons: parsed.skipped.map((s) => `#${s.index + 1}: ${s.reason}`),
    };
    const counts = [summary.placed, summary.fuzzy, summary.orphaned, summary.skipped] as const;
    const message = summary.imported === 1
      ? vscode.l10n.t('Imported 1 annotation: {0} placed ({1} approximately), {2} not found in the text (kept as orphaned tags to re-pin), {3} unusable.', ...counts)
      : vscode.l10n.t('Imported {0} annotations: {1} placed ({2} approximately), {3} not found in the text (kept as orphaned tags to re-pin), {4} unusable.', summary.imported, ...counts);
    if (!summary.orphaned && !summary.skipped) {
      void vscode.window.showInformationMessage(message);
      return summary;
    }
    const details = vscode.l10n.t('Show Details');
    void vscode.window.showWarningMessage(message, ...(summary.reasons.length ? [details] : [])).then(async (choice) => {
      if (choice !== details) return;
      const report = await vscode.workspace.openTextDocument({ content: `${message}\n\n${summary.reasons.join('\n')}\n` });
      await vscode.window.showTextDocument(report);
    });
    return summary;
  }
}

function themePalette(kind: vscode.ColorThemeKind): ReportPalette {
  switch (kind) {
    case vscode.ColorThemeKind.Dark: return 'dark';
    case vscode.ColorThemeKind.HighContrast: return 'highContrast';
    case vscode.ColorThemeKind.HighContrastLight: return 'highContrastLight';
    default: return 'light';
  }
}

/**
 * A URI from a command argument: a URI string, an absolute path (in the first workspace folder's file system when
 * that is not the disk: github.dev's vscode-vfs:, the web), or a path relative to that folder. A scheme has two
 * letters or more, so `C:\\…` is a Windows path, not a URI with scheme `c`.
 */
function asUri(u: vscode.Uri | string): vscode.Uri {
  if (typeof u !== 'string') return u;
  if (/^[a-z][\w+.-]+:/i.test(u)) return vscode.Uri.parse(u);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const absolute = u.startsWith('/') || u.startsWith('\\') || /^[a-z]:[\\/]/i.test(u);
  if (!folder) return vscode.Uri.file(u);
  if (absolute) return folder.scheme === 'file' ? vscode.Uri.file(u) : folder.with({ path: u });
  return vscode.Uri.joinPath(folder, ...u.split(/[\\/]/).filter(Boolean));
}

function isReportFormat(f: string): f is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(f);
}
