// Wiring only: build the pieces, register their disposables, return the API object.
import * as vscode from 'vscode';
import { ClaimTaggerApi, createApi } from './api';
import { onDidChangeConfig, readConfig } from './config';
import { Decorator } from './decorations/decorator';
import { showStoreMessage } from './messages';
import { Autoload } from './store/autoload';
import { SidecarCommands } from './store/commands';
import { TagStore } from './store/tagStore';
import { SidecarWatcher } from './store/watcher';
import { TaggingCommands } from './tagging/commands';

let store: TagStore | undefined;

export function activate(context: vscode.ExtensionContext): ClaimTaggerApi {
  let config = readConfig();
  const getConfig = () => config;
  store = new TagStore(getConfig, showStoreMessage);
  const decorator = new Decorator(store, getConfig, context.extensionUri);
  context.subscriptions.push(
    store,
    decorator,
    new SidecarWatcher(store),
    new Autoload(store),
    new TaggingCommands(store),
    new SidecarCommands(store, getConfig),
    onDidChangeConfig(() => {
      config = readConfig();
      decorator.restyle();
    }),
  );
  return createApi(store, decorator);
}

export async function deactivate(): Promise<void> {
  await store?.flush();
}
