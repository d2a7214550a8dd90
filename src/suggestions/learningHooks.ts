// What suggestions ask of learning (issue 13): learned context for a run, decisions to record, and when to rerun.
// learn/learning.ts has this shape; extension.ts passes it in, so the two features do not import each other.
import * as vscode from 'vscode';
import { LearningContext } from '../core/learn/layer';
import { Suggestion } from '../core/suggest';

export interface LearningHooks {
  context(document: vscode.TextDocument): Promise<LearningContext | undefined>;
  decided(document: vscode.TextDocument, s: Suggestion, accepted: boolean): void;
  decidedAll(document: vscode.TextDocument, list: readonly Suggestion[], accepted: boolean): void;
  readonly onDidChange: vscode.Event<{ affects(document: vscode.TextDocument): boolean }>;
}
