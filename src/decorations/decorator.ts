// Paints tags in every visible editor of a document (split views alike): one decoration type per kind
// from theme colours (custom kinds: their setting colour), lighter styles for an attribution's source
// and cue, a glyph per claim status, and markers for nested, fuzzy, orphaned and unattributed tags.
// Types are created once per style; painting is debounced per document.
import { CUSTOM_KIND_COLOR } from '../core/kindColors';
import * as vscode from 'vscode';
import { Tag, isSpanRef } from '../core/model';
import { ClaimTaggerConfig, KindConfig } from '../config';
import { STATUS_GLYPHS } from '../editor/describe';
import { rangeOf } from '../editor/ranges';
import { TagStore } from '../store/tagStore';
import { Disposable } from '../util/dispose';
import { KeyedDebounce } from '../util/debounce';

const UPDATE_DELAY_MS = 30;

/** Keys of decoratedRanges() besides kind ids. */
export const Marks = {
  source: '$source',
  cue: '$cue',
  nested: '$nested',
  fuzzy: '$fuzzy',
  orphaned: '$orphaned',
  unattributed: '$unattributed',
  status: (s: string) => `$status:${s}`,
  /** One gutter icon per tag, on the row where it starts (not on every row or wrapped row it covers). */
  gutter: (kind: string) => `$gutter:${kind}`,
} as const;

export type DecoratedRanges = Record<string, vscode.Range[]>;

export class Decorator extends Disposable {
  private types = new Map<string, vscode.TextEditorDecorationType>();
  /** The options each type was created with (for tests and the API: the rendered style per theme kind). */
  private readonly options = new Map<string, vscode.DecorationRenderOptions>();
  private readonly decorated = new Map<string, DecoratedRanges>();
  private readonly repaints = new KeyedDebounce<string>();
  private readonly hidden = new Set<string>();
  private readonly visibilityEmitter = this._register(new vscode.EventEmitter<void>());
  readonly onDidChangeVisibility = this.visibilityEmitter.event;

  constructor(
    private readonly store: TagStore,
    private readonly config: () => ClaimTaggerConfig,
    private readonly extensionUri: vscode.Uri,
  ) {
    super();
    this.createTypes();
    this._register(store.onDidChange((e) => this.schedule(e.uri.toString())));
    this._register(vscode.window.onDidChangeVisibleTextEditors(() => this.refreshAll()));
    this._register({ dispose: () => this.disposeTypes() });
  }

  /** Ranges currently painted in editors of `uri`, per kind and per mark (for tests and the API). */
  decoratedRanges(uri: vscode.Uri): DecoratedRanges {
    return this.decorated.get(uri.toString()) ?? {};
  }

  /** The render options of a decoration type (a kind id or a Marks key). */
  renderOptions(key: string): vscode.DecorationRenderOptions | undefined {
    return this.options.get(key);
  }

  isHidden(kind: string): boolean {
    return this.hidden.has(kind);
  }

  /** Shows or hides the highlights of some kinds (all kinds when `kinds` is empty). */
  setHidden(kinds: readonly string[], hidden: boolean): void {
    const all = kinds.length ? kinds : this.config().kinds.map((k) => k.id);
    for (const k of all) {
      if (hidden) this.hidden.add(k);
      else this.hidden.delete(k);
    }
    this.visibilityEmitter.fire();
    this.refreshAll();
  }

  /** Re-creates decoration types (after a style, kind or colour setting changed) and repaints. */
  restyle(): void {
    this.disposeTypes();
    this.createTypes();
    this.refreshAll();
  }

  refreshAll(): void {
    const uris = new Set(vscode.window.visibleTextEditors.map((e) => e.document.uri.toString()));
    for (const uri of uris) this.paint(uri);
  }

  private schedule(uri: string): void {
    this.repaints.schedule(uri, UPDATE_DELAY_MS, () => this.paint(uri));
  }

  private paint(uri: string): void {
    const editors = vscode.window.visibleTextEditors.filter((e) => e.document.uri.toString() === uri);
    if (!editors.length) {
      this.decorated.delete(uri);
      return;
    }
    const document = editors[0].document;
    const ranges = this.compute(document, this.store.get(document.uri)?.tags ?? []);
    for (const [key, type] of this.types) {
      const list = ranges[key] ?? [];
      for (const editor of editors) editor.setDecorations(type, list);
    }
    this.decorated.set(uri, ranges);
  }

  private compute(document: vscode.TextDocument, tags: readonly Tag[]): DecoratedRanges {
    const out: DecoratedRanges = {};
    const add = (key: string, r: vscode.Range) => (out[key] ??= []).push(r);
    const showGlyphs = this.config().showStatusGlyphs;
    const visible = tags.filter((t) => !this.hidden.has(t.kind));
    const sorted = [...visible].sort((a, b) => a.start - b.start || b.end - a.end);
    // A tag inside another one gets an outline, so nested and overlapping tags stay distinguishable.
    let outerEnd = -1;
    for (const tag of sorted) {
      if (tag.anchor.state === 'orphaned') {
        add(Marks.orphaned, point(document, tag.start));
        continue;
      }
      const range = rangeOf(document, tag);
      const kindKey = this.types.has(tag.kind) ? tag.kind : '$custom-fallback';
      add(kindKey, range);
      if (this.types.has(Marks.gutter(kindKey))) add(Marks.gutter(kindKey), point(document, tag.start));
      if (tag.start < outerEnd || (tag.start === outerEnd && tag.end < outerEnd)) add(Marks.nested, range);
      outerEnd = Math.max(outerEnd, tag.end);
      if (tag.anchor.state === 'fuzzy') add(Marks.fuzzy, range);
      if (tag.kind === 'claim' && showGlyphs) add(Marks.status(tag.status ?? 'unreviewed'), range);
      if (tag.kind === 'attribution') {
        if (isSpanRef(tag.source)) add(Marks.source, rangeOf(document, tag.source));
        if (tag.cue) add(Marks.cue, rangeOf(document, tag.cue));
        if (!tag.source) add(Marks.unattributed, range);
      }
    }
    return out;
  }

  private createTypes(): void {
    const config = this.config();
    const create = (key: string, options: vscode.DecorationRenderOptions) => {
      this.options.set(key, options);
      return vscode.window.createTextEditorDecorationType(options);
    };
    const fallback: KindConfig = { id: '$custom-fallback', label: '', icon: 'tag', builtin: false, color: CUSTOM_KIND_COLOR };
    for (const kind of [...config.kinds, fallback]) {
      this.types.set(kind.id, create(kind.id, this.kindOptions(kind, config)));
      if (config.showGutterIcons) this.types.set(Marks.gutter(kind.id), create(Marks.gutter(kind.id), this.gutterOptions(kind)));
    }
    const attribution = new vscode.ThemeColor('claimTagger.attributionForeground');
    this.types.set(Marks.source, create(Marks.source, { borderStyle: 'none none dashed none', borderWidth: '0 0 2px 0', borderColor: attribution }));
    this.types.set(Marks.cue, create(Marks.cue, { borderStyle: 'none none dotted none', borderWidth: '0 0 2px 0', borderColor: attribution, fontStyle: 'italic' }));
    this.types.set(Marks.nested, create(Marks.nested, { outlineStyle: 'solid', outlineWidth: '1px', outlineColor: new vscode.ThemeColor('editor.foreground') }));
    for (const [status, glyph] of Object.entries(STATUS_GLYPHS)) {
      this.types.set(Marks.status(status), create(Marks.status(status), {
        after: { contentText: glyph, color: new vscode.ThemeColor(`claimTagger.status.${status}`), margin: '0 0 0 3px', fontWeight: 'bold' },
      }));
    }
    const fuzzy = new vscode.ThemeColor('claimTagger.fuzzyForeground');
    this.types.set(Marks.fuzzy, create(Marks.fuzzy, { after: { contentText: '~', color: fuzzy, margin: '0 0 0 2px' }, overviewRulerColor: fuzzy, overviewRulerLane: vscode.OverviewRulerLane.Left }));
    const orphan = new vscode.ThemeColor('claimTagger.orphanedForeground');
    this.types.set(Marks.orphaned, create(Marks.orphaned, { after: { contentText: '⚠', color: orphan, margin: '0 0 0 2px' }, overviewRulerColor: orphan, overviewRulerLane: vscode.OverviewRulerLane.Left }));
    this.types.set(Marks.unattributed, create(Marks.unattributed, { before: { contentText: '?', color: orphan, margin: '0 2px 0 0', fontWeight: 'bold' } }));
  }

  private kindOptions(kind: KindConfig, config: ClaimTaggerConfig): vscode.DecorationRenderOptions {
    const style = config.highlightStyle;
    const fg = kind.builtin ? new vscode.ThemeColor(`claimTagger.${kind.id}Foreground`) : kind.color!;
    const bg = kind.builtin ? new vscode.ThemeColor(`claimTagger.${kind.id}Background`) : translucent(kind.color!);
    return {
      backgroundColor: style === 'background' ? bg : undefined,
      // High-contrast themes use no backgrounds: there the outline colour is opaque (transparent elsewhere).
      // An outline takes no room, so the text never shifts when the theme changes.
      outlineStyle: style === 'background' && kind.builtin ? 'solid' : undefined,
      outlineWidth: style === 'background' && kind.builtin ? '1px' : undefined,
      outlineColor: style === 'background' && kind.builtin ? new vscode.ThemeColor(`claimTagger.${kind.id}Outline`) : undefined,
      // Borders take theme colours (text-decoration cannot), so the underline style is a bottom border.
      borderStyle: style === 'background' ? undefined : 'solid',
      borderWidth: style === 'underline' ? '0 0 2px 0' : style === 'border' ? '1px' : undefined,
      borderColor: style === 'background' ? undefined : fg,
      borderRadius: style === 'border' ? '3px' : undefined,
      overviewRulerColor: fg,
      overviewRulerLane: vscode.OverviewRulerLane.Right,
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    };
  }

  private gutterOptions(kind: KindConfig): vscode.DecorationRenderOptions {
    const icon = (theme: 'light' | 'dark') => vscode.Uri.joinPath(this.extensionUri, 'media', theme, `${kind.builtin ? kind.id : 'custom'}.svg`);
    return { light: { gutterIconPath: icon('light') }, dark: { gutterIconPath: icon('dark') }, gutterIconSize: '70%' };
  }

  private disposeTypes(): void {
    for (const t of this.types.values()) t.dispose();
    this.types.clear();
    this.options.clear();
  }

  override dispose(): void {
    this.repaints.dispose();
    super.dispose();
  }
}

/** #rgb / #rrggbb -> the same colour at 20 % opacity, for backgrounds of custom kinds. */
function translucent(hex: string): string {
  const h = hex.length === 4 ? `#${hex[1]}${hex[1]}${hex[2]}${hex[2]}${hex[3]}${hex[3]}` : hex;
  return `${h}33`;
}

function point(document: vscode.TextDocument, offset: number): vscode.Range {
  const p = document.positionAt(offset);
  return new vscode.Range(p, p);
}

