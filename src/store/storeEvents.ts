// What the store tells the rest of the extension: change events and user-facing messages.
import * as vscode from 'vscode';
import { DocumentTags } from './documentTags';

export type TagChangeReason = 'load' | 'edit' | 'user' | 'external';

export interface TagChangeEvent {
  uri: vscode.Uri;
  reason: TagChangeReason;
}

/**
 * Shows a message to the user (the document, when given, lets the message offer to open its sidecar; `offer`
 * 'showLog': the message points to the log, so it offers to show it).
 */
export type StoreMessages = (kind: 'info' | 'warning' | 'error', message: string, document?: DocumentTags, offer?: 'showLog') => void;
