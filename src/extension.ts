// Wiring only: build the pieces, register their disposables, return the API object.
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

let store: TagStore | undefined;

export function activate(context: vscode.ExtensionContext): ClaimTaggerApi {
  // First, so everything built below can log.
  context.subscriptions.push(createLog(), registerCommands('log', { showLog }));
  let config = readConfig();
  const getConfig = () => config;
  store = new TagStore(getConfig, showStoreMessage);
  const tagFiles = new TagFileWatcher();
  const decorator = new Decorator(store, getConfig, context.extensionUri);
  const statusBar = new TagStatusBar(store, getConfig, (kind) => decorator.isHidden(kind));
  const autoload = new Autoload(store, getConfig);
  const tagsView = new TagsView(store, getConfig, context.workspaceState, tagFiles);
  const learning = new Learning(tagsView.index, getConfig);
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
    new BlindMode(),
    vscode.languages.registerHoverProvider([{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-remote' }, { scheme: 'vscode-vfs' }], new TagHoverProvider(store, getConfig)),
    onDidChangeConfig(async () => {
      const before = config;
      config = readConfig();
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

export async function deactivate(): Promise<void> {
  await store?.flush();
}
