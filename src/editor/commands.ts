// Typed command registration: ids come from src/commands.ts, never string literals, and a module registers its
// whole group at once, so a command without a handler (or a handler for another module's command) does not compile.
import * as vscode from 'vscode';
import { CommandGroup, CommandGroups, CommandId } from '../commands';

/** A handler takes whatever its callers pass (keybinding args, tree nodes, executeCommand arguments). */
export type CommandHandler = (...args: never[]) => unknown;

export function registerCommand(id: CommandId, handler: CommandHandler): vscode.Disposable {
  return vscode.commands.registerCommand(id, handler as (...args: unknown[]) => unknown);
}

/** Registers a handler for every command of `group` (keyed by short name, as in `Commands`). */
export function registerCommands<G extends CommandGroup>(group: G, handlers: { [K in keyof (typeof CommandGroups)[G]]: CommandHandler }): vscode.Disposable {
  const ids = CommandGroups[group] as Record<string, CommandId>;
  const all = Object.entries(handlers as Record<string, CommandHandler>).map(([key, handler]) => registerCommand(ids[key], handler));
  return vscode.Disposable.from(...all);
}
