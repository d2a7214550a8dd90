// Keeps a document's tags in step with its edits: typing moves them by edit tracking (core/edits), a reload,
// revert or bulk replacement places what it touched by quote (core/outside), Undo heals or restores them.
import * as vscode from 'vscode';
import { TextChange, healAfterUndo } from '../core/edits';
import { Dismissal, Tag, isSpanRef } from '../core/model';
import { ReconcileResult, describeOutcomes, reconcileChange } from '../core/outside';
import { relocate } from '../core/relocate';
import { mapSpan, shiftSpans } from '../core/spans';
import { DocumentTags } from './documentTags';
import { OutsideChanges } from './outsideChanges';
import { reanchorAll } from './placement';
import { TagChangeReason } from './storeEvents';
import { UntitledHandOver } from './untitledHandOver';
import { log } from '../util/log';

/** What edit tracking needs from the store. */
export interface EditHost {
  readonly outside: OutsideChanges;
  readonly untitled: UntitledHandOver;
  fire(doc: DocumentTags, reason: TagChangeReason): void;
  scheduleSave(doc: DocumentTags): void;
}

/** Applies one change event of a loaded document to its tags. */
export function trackEdit(doc: DocumentTags, e: vscode.TextDocumentChangeEvent, host: EditHost): void {
  // Dirty-state changes come as events without content changes, so this is the state just before this change.
  const wasDirty = doc.documentDirty;
  doc.documentDirty = e.document.isDirty;
  let changes: TextChange[] = e.contentChanges.map((c) => ({ start: c.rangeOffset, end: c.rangeOffset + c.rangeLength, text: c.text }));
  const oldLength = doc.textLength;
  if (!changes.length) {
    // An end-of-line switch may come without content changes (only dirty-state events come so otherwise):
    // every offset after the first line break moved, so the tags are placed again by quote.
    const last = e.document.lineAt(e.document.lineCount - 1).range.end;
    if (e.document.offsetAt(last) === oldLength) return;
    changes = [{ start: 0, end: oldLength, text: e.document.getText() }];
  }
  doc.textLength += changes.reduce((n, c) => n + c.text.length - (c.end - c.start), 0);
  shiftDismissals(doc, changes);
  if (!doc.tags.length) return;
  const only = changes.length === 1 ? changes[0] : undefined;
  const emptiedUntitled = e.document.isUntitled && only?.start === 0 && only.end === oldLength && oldLength > 0 && only.text === '';
  if (emptiedUntitled) {
    // Saving an untitled document empties it: keep its tags for the file it becomes.
    host.untitled.keep(doc, doc.tags, oldLength);
    host.untitled.handOver();
  }
  let text: string | undefined;
  const textNow = () => (text ??= e.document.getText());
  const { mode, dropsUnsaved } = host.outside.decide(e, changes, oldLength, wasDirty, textNow);
  const before = mode === 'outside' ? host.outside.snapshot(doc, oldLength) : undefined;
  let result: ReconcileResult;
  try {
    // Typing moves tags by edit tracking; a reload, revert or bulk replacement places what it touched by quote.
    result = reconcileChange(textNow, doc.tags, changes, { mode });
  } catch (err) {
    // Overlapping changes (never sent by VS Code itself): place every tag by its quote instead.
    log.warn(`Edit tracking: placing the tags of ${e.document.uri.fsPath} by their quotes`, err);
    reanchorAll(doc, textNow());
    host.fire(doc, 'edit');
    return;
  }
  const affected = result.changed;
  const doc2 = e.document;
  for (const tag of doc.tags) {
    // An attribution's source and cue spans move with the text too; those of a tag placed again are looked
    // for near it.
    if (isSpanRef(tag.source)) tag.source = result.outcomes.has(tag) ? relocate(textNow(), tag.source, tag.start) : mapSpan(tag.source, changes);
    if (tag.cue) tag.cue = result.outcomes.has(tag) ? relocate(textNow(), tag.cue, tag.start) : mapSpan(tag.cue, changes);
  }
  let reshaped = false;
  for (const tag of affected) {
    // Shifted tags keep their text; only tags whose extent changed need their quote read again.
    if (tag.anchor.state === 'orphaned') {
      reshaped = true;
      continue;
    }
    if (tag.quote.length === tag.end - tag.start) continue;
    reshaped = true;
    doc.rememberQuote(tag, tag.quote);
    tag.quote = doc2.getText(new vscode.Range(doc2.positionAt(tag.start), doc2.positionAt(tag.end)));
  }
  let restored: Tag[] = [];
  if (undoOrRedo(e)) {
    const healed = healAfterUndo(textNow(), doc.tags, changes, (t) => [t.quote, ...doc.history(t)]);
    // Undo of an outside change: the placement from before it, exactly.
    restored = host.outside.restore(doc, textNow());
    if (healed.length || restored.length) {
      affected.push(...healed, ...restored);
      reshaped = true;
    }
  }
  if (mode === 'outside' && before && !restored.length) {
    // After a reload or revert the document is the file on disk: tags made on text that never reached it go.
    // An Undo or Redo that replaced the whole text removes none: at worst they are orphaned.
    const removed = dropsUnsaved ? host.outside.dropUnsaved(doc) : [];
    host.outside.remember(doc, before, removed);
    if (!emptiedUntitled && !undoOrRedo(e)) host.outside.report(doc.uri, describeOutcomes(result.outcomes, removed.length));
    // Placed again by quote on the file's text: nothing typed here is left to keep over the sidecar's placement.
    doc.moved = true;
    doc.typed = false;
    doc.changes++;
    if (removed.length) doc.dirty = true;
    // The text is the one on disk again: write the placement now, so the sidecar matches the file.
    if (!doc2.isDirty) host.scheduleSave(doc);
    host.fire(doc, 'external');
    return;
  }
  if (affected.length) {
    doc.moved = true;
    doc.typed = true;
    doc.changes++;
    // Tags that only shifted are moved on screen by VS Code itself; tell listeners only when one grew,
    // shrank, was orphaned or healed.
    if (reshaped) host.fire(doc, 'edit');
  }
}

function undoOrRedo(e: vscode.TextDocumentChangeEvent): boolean {
  return e.reason === vscode.TextDocumentChangeReason.Undo || e.reason === vscode.TextDocumentChangeReason.Redo;
}

/** Dismissed occurrences move with the text; one whose text was edited may be suggested again. */
function shiftDismissals(doc: DocumentTags, changes: readonly TextChange[]): void {
  if (!doc.dismissed.some((d) => d.start !== undefined)) return;
  const everywhere = doc.dismissed.filter((d) => d.start === undefined || d.end === undefined);
  const occurrences = doc.dismissed.filter((d): d is Dismissal & { start: number; end: number } => d.start !== undefined && d.end !== undefined);
  doc.dismissed = [...everywhere, ...shiftSpans(occurrences, changes)];
}
