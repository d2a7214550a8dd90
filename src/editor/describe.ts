// One-line descriptions of tags for quick picks and notifications.
import * as vscode from 'vscode';
import { STATUS_LABELS, Tag } from '../core/model';

export { STATUS_LABELS };
import { ClaimTaggerConfig, kindLabel } from '../config';

export const STATUS_GLYPHS: Record<string, string> = {
  unreviewed: '○',
  verified: '✓',
  false: '✗',
  misleading: '≈',
  disputed: '⚖',
  unverifiable: '?',
};


export function shorten(text: string, max = 60): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? one.slice(0, max - 1) + '…' : one;
}

export function kindIcon(config: ClaimTaggerConfig, kind: string): string {
  return config.kinds.find((k) => k.id === kind)?.icon ?? 'tag';
}

export function describeTag(tag: Tag, config: ClaimTaggerConfig): vscode.QuickPickItem {
  const bits = [kindLabel(config, tag.kind)];
  if (tag.status) bits.push(STATUS_LABELS[tag.status]);
  if (tag.anchor.state !== 'anchored') bits.push(tag.anchor.state);
  return {
    label: `$(${kindIcon(config, tag.kind)}) ${shorten(tag.quote) || '(empty)'}`,
    description: bits.join(' · '),
    detail: tag.note ? shorten(tag.note, 100) : undefined,
  };
}
