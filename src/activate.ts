// Wiring only, shared by the desktop (extension.ts) and web (extension.web.ts) entries: build the pieces,
// register their disposables, return the API object. What differs per platform comes in as a Platform.
import * as vscode from 'vscode';
import { ClaimTaggerApi, createApi } from './api';
import { onDidChangeConfig, readConfig } from './config';
import { HighlightCommands } from './decorations/commands';
import { Decorator } from './decorations/decorator';
import { TagHoverProvider } from './decorations/hover';
import { registerCommands } from './editor/commands';
import { TagUndo } from './editor/tagUndo';
import { showStoreMessage } from './messages';
import { TagStatusBar } from './statusBar';
import { Autoload } from './store/autoload';
import { tagFilesMoved } from './store/blindMode';
import { SidecarFiles } from './store/sidecarIO';
import { TagStore } from './store/tagStore';
import { TagFileWatcher } from './store/tagFileWatcher';
import { SidecarWatcher } from './store/watcher';
import { TaggingCommands } from './tagging/commands';
import { CursorContext } from './tagging/cursorContext';
import { EditCommands } from './tagging/editCommands';
import { Navigation } from './tagging/navigation';
import { SidecarCommands } from './tagging/sidecarCommands';
import { WordWrapPrompt } from './tagging/wordWrapPrompt';
import { LearnCommands } from './learn/commands';
import { Learning } from './learn/learning';
import { ReportCommands } from './report/commands';
import { SuggestionCommands } from './suggestions/commands';
import { SuggestionController } from './suggestions/controller';
import { BlindMode } from './team/blindMode';
import { TeamCommands } from './team/commands';
import { TagsView } from './tree/view';
import { createLog, showLog } from './util/log';
import { WalkthroughCommands } from './walkthrough';

/** What the entry point provides for its platform. */
export interface Platform {
  /** Sidecar (and learned.json, curated tags) file access. */
  files: SidecarFiles;
  /** The author when the `claimTagger.author` setting is empty. */
  defaultAuthor(): string | undefined;
}

/** Every kind of document Claim Tagger may show tags in; TagStore.isTaggable decides per document. */
const ANY_DOCUMENT: vscode.DocumentSelector = [{ scheme: '*' }];

let store: TagStore | undefined;

export function activateOn(context: vscode.ExtensionContext, platform: Platform): ClaimTaggerApi {
  // First, so everything built below can log.
  context.subscriptions.push(createLog(), registerCommands('log', { showLog }));
  const read = () => readConfig(undefined, platform.defaultAuthor);
  let config = read();
  const getConfig = () => config;
  store = new TagStore(getConfig, platform.files, showStoreMessage);
  const tagFiles = new TagFileWatcher();
  const decorator = new Decorator(store, getConfig, context.extensionUri);
  const statusBar = new TagStatusBar(store, getConfig, (kind) => decorator.isHidden(kind));
  const autoload = new Autoload(store, getConfig);
  const tagsView = new TagsView(store, getConfig, context.workspaceState, tagFiles);
  const learning = new Learning(tagsView.index, getConfig, platform.files);
  const suggestions = new SuggestionController(store, getConfig, learning);
  const reports = new ReportCommands(store, tagsView, getConfig);
  const undo = new TagUndo();
  const tagging = new TaggingCommands(store, getConfig);
  const wordWrap = new WordWrapPrompt(store, context.globalState);
  const navigation = new Navigation(store, getConfig);
  const suggestionCommands = new SuggestionCommands(suggestions, undo, getConfig);
  context.subscriptions.push(
    store,
    tagFiles,
    decorator,
    statusBar,
    autoload,
    tagsView,
    learning,
    new LearnCommands(learning),
    new WalkthroughCommands(context.extensionUri),
    suggestions,
    undo,
    suggestionCommands,
    reports,
    new SidecarWatcher(store, tagFiles),
    new CursorContext(store),
    tagging,
    wordWrap,
    new EditCommands(store, getConfig),
    navigation,
    decorator.onDidChangeVisibility(() => statusBar.update()),
    new HighlightCommands(decorator, getConfig),
    new SidecarCommands(store, getConfig),
    new TeamCommands(store, getConfig),
    new BlindMode(read),
    vscode.languages.registerHoverProvider(ANY_DOCUMENT, new TagHoverProvider(store, getConfig)),
    onDidChangeConfig(async () => {
      const before = config;
      config = read();
      // Tags in other files now (sidecar location, annotate blind): write what is pending where it was read from,
      // then read from the new place.
      if (tagFilesMoved(before, config)) await store?.resetAll();
      decorator.restyle();
      statusBar.update();
      autoload.loadOpen();
      suggestions.rerunShown();
    }),
  );
  return createApi({ store, decorator, statusBar, tagsView, reports, suggestionCommands, tagging, wordWrap, navigation });
}

export async function deactivateAll(): Promise<void> {
  await store?.flush();
}
