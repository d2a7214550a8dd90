// The small object activate() returns: for tests and for other extensions.
import * as vscode from 'vscode';
import { Tag } from './core/model';
import { Decorator } from './decorations/decorator';
import { TagStatusBar } from './statusBar';
import { TagStore } from './store/tagStore';
import { ReportCommands } from './report/commands';
import { SuggestionCommands } from './suggestions/commands';
import { TaggingCommands } from './tagging/commands';
import { Navigation } from './tagging/navigation';
import { WordWrapPrompt } from './tagging/wordWrapPrompt';
import { TagsView } from './tree/view';
import { recentLogLines } from './util/log';

export interface ClaimTaggerApi {
  /** Tags of a document (loading its sidecar if needed). */
  tags(uri: vscode.Uri): Promise<readonly Tag[]>;
  /** Ranges currently decorated per kind in the visible editors of `uri` (`$orphaned` for orphaned tags). */
  decoratedRanges(uri: vscode.Uri): Record<string, vscode.Range[]>;
  /**
   * How a decoration type is rendered (a kind id or a mark such as `$gutter:claim`): its options, theme colours
   * given as `{ themeColor: id }`, URIs as strings; undefined for an unknown key.
   */
  decorationStyle(key: string): Record<string, unknown> | undefined;
  /** Writes pending sidecars now and repaints decorations (tests use this instead of waiting for debounces). */
  flush(): Promise<void>;
  /** Holds the debounced sidecar saves until disposed, so a test can change a sidecar on disk while tags are unsaved. */
  holdSaves(): vscode.Disposable;
  /** State of a document's tags: `ok`, `broken` (unreadable sidecar) or `readOnly`; undefined when not loaded. */
  documentState(uri: vscode.Uri): { state: string; error?: string; warnings: string[] } | undefined;
  /** Text of the status bar item for the active document. */
  statusBarText(): string;
  /** Its screen-reader label (plain words). */
  statusBarAccessibilityLabel(): string;
  /** The message of the last Go to Next/Previous Tag that wrapped around ('' when it did not). */
  lastNavigationWrap(): string;
  /** The Tags view, as shown: first-level labels with counts, the description (active filter) and the selection. */
  tree: {
    rootLabels(): Promise<string[]>;
    description(): string | undefined;
    selectedTagIds(): string[];
    unreviewedClaims(): number;
    /** Rows under a path of label prefixes: label, description, expanded (undefined for leaves). */
    items(path?: readonly string[]): Promise<{ id?: string; label: string; description?: string; expanded?: boolean }[]>;
  };
  /** HTML shown in the report preview ('' when closed). */
  previewHtml(): string;
  /** Milliseconds the last Accept All spent in the extension host (a logged figure, not a contract). */
  lastAcceptMs(): number;
  /** The status-bar prompt while a span is picked in the editor for an attribution ('' when none). */
  spanPrompt(): string;
  /** Whether the one-time word-wrap offer was made in this session. */
  wordWrapOffered(): boolean;
  /** The latest lines of the "Claim Tagger" log ("[warn] message"), oldest first. */
  logLines(): readonly string[];
}

export interface ApiParts {
  store: TagStore;
  decorator: Decorator;
  statusBar: TagStatusBar;
  tagsView: TagsView;
  reports: ReportCommands;
  suggestionCommands: SuggestionCommands;
  tagging: TaggingCommands;
  wordWrap: WordWrapPrompt;
  navigation: Navigation;
}

export function createApi({ store, decorator, statusBar, tagsView, reports, suggestionCommands, tagging, wordWrap, navigation }: ApiParts): ClaimTaggerApi {
  return {
    async tags(uri) {
      const document = await vscode.workspace.openTextDocument(uri);
      return (await store.open(document)).tags;
    },
    decoratedRanges: (uri) => decorator.decoratedRanges(uri),
    decorationStyle: (key) => {
      const options = decorator.renderOptions(key);
      return options && (plain(options) as Record<string, unknown>);
    },
    async flush() {
      await store.flush();
      decorator.refreshAll();
    },
    holdSaves: () => store.holdSaves(),
    documentState(uri) {
      const doc = store.get(uri);
      return doc && { state: doc.state, error: doc.error?.message, warnings: [...doc.warnings] };
    },
    statusBarText: () => statusBar.text,
    statusBarAccessibilityLabel: () => statusBar.accessibilityLabel,
    lastNavigationWrap: () => navigation.lastWrap,
    tree: {
      rootLabels: () => tagsView.rootLabels(),
      description: () => tagsView.description,
      selectedTagIds: () => tagsView.selection.flatMap((n) => (n.type === 'tag' ? [n.tag.id] : [])),
      unreviewedClaims: () => tagsView.model.unreviewedClaims(),
      items: (path) => tagsView.itemsAt(path),
    },
    previewHtml: () => reports.previewHtml,
    lastAcceptMs: () => suggestionCommands.lastAcceptMs,
    spanPrompt: () => tagging.spanPrompt,
    wordWrapOffered: () => wordWrap.offered,
    logLines: () => recentLogLines(),
  };
}

/** Render options as plain data: theme colours as `{ themeColor: id }`, URIs as strings. */
function plain(value: unknown): unknown {
  if (value instanceof vscode.ThemeColor) return { themeColor: (value as unknown as { id: string }).id };
  if (value instanceof vscode.Uri) return value.toString();
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, plain(v)]));
  return value;
}
