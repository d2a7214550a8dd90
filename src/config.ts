// Typed configuration, read in one place and re-read when it changes.
import * as os from 'node:os';
import * as vscode from 'vscode';
import { SidecarLocation } from './core/sidecar/paths';

export type HighlightStyle = 'background' | 'underline' | 'border';

export interface ClaimTaggerConfig {
  author: string;
  sidecarLocation: SidecarLocation;
  highlightStyle: HighlightStyle;
  showGutterIcons: boolean;
}

export const SECTION = 'claimTagger';

export function readConfig(scope?: vscode.ConfigurationScope): ClaimTaggerConfig {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  return {
    author: c.get<string>('author')?.trim() || defaultAuthor(),
    sidecarLocation: c.get<SidecarLocation>('sidecar.location') === 'workspaceFolder' ? 'workspaceFolder' : 'beside',
    highlightStyle: oneOf(c.get<string>('highlightStyle'), ['background', 'underline', 'border'] as const, 'background'),
    showGutterIcons: c.get<boolean>('showGutterIcons') ?? true,
  };
}

function defaultAuthor(): string {
  try {
    return os.userInfo().username;
  } catch {
    return '';
  }
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T): T {
  return (allowed as readonly string[]).includes(value ?? '') ? (value as T) : fallback;
}

/** Fires `listener` when any Claim Tagger setting changes. */
export function onDidChangeConfig(listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(SECTION)) listener();
  });
}
