// The "Claim Tagger" log (a LogOutputChannel: levels, timestamps, the user's log-level setting). Failures that do
// not deserve a notification — a sidecar the Tags view skips, a preview that could not render, a watcher callback
// that threw — are written here instead of vanishing, so a user (or a bug report) can see what happened.
import * as vscode from 'vscode';

let channel: vscode.LogOutputChannel | undefined;
/** The latest lines, for tests (the channel itself cannot be read back through the API). */
const recent: string[] = [];
const RECENT_MAX = 200;

function write(level: 'error' | 'warn' | 'info', line: string): void {
  if (!channel) return;
  channel[level](line);
  recent.push(`[${level}] ${line}`);
  if (recent.length > RECENT_MAX) recent.splice(0, recent.length - RECENT_MAX);
}

/** The latest lines written (level in brackets, then the message), oldest first. */
export function recentLogLines(): readonly string[] {
  return [...recent];
}

/** Creates the channel; activate() registers the returned disposable. Before that (or after dispose) logging is a no-op. */
export function createLog(): vscode.Disposable {
  const created = vscode.window.createOutputChannel('Claim Tagger', { log: true });
  channel = created;
  return new vscode.Disposable(() => {
    if (channel === created) channel = undefined;
    created.dispose();
  });
}

/** Shows the log (the "Show Log" command). */
export function showLog(): void {
  channel?.show(true);
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

export const log = {
  error(message: string, error?: unknown): void {
    write('error', error === undefined ? message : `${message}: ${describe(error)}`);
  },
  warn(message: string, error?: unknown): void {
    write('warn', error === undefined ? message : `${message}: ${describe(error)}`);
  },
  info(message: string): void {
    write('info', message);
  },
};

/** Runs an event handler and logs what it throws or rejects with, instead of an unhandled rejection. */
export function logFailures<A extends unknown[]>(what: string, handler: (...args: A) => unknown): (...args: A) => void {
  return (...args: A) => {
    try {
      const result = handler(...args);
      if (result instanceof Promise) result.catch((e: unknown) => log.error(what, e));
    } catch (e) {
      log.error(what, e);
    }
  };
}
