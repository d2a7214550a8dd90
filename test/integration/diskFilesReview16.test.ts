// Sidecars on disk that the editor must leave alone (review s16, F4 and F5): a read-only sidecar is never replaced,
// even when VS Code runs as root (a container, CI); a sidecar that is a named pipe never hangs the loading of its
// document and is never written. Node host only: it needs chmod and mkfifo on the real disk.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { Tag } from '../../src/core/model';
import { api, closeAllEditors, openFresh, remove, sidecarUri, workspaceUri, writeFile } from './helpers';

const TEXT = 'Alpha beta gamma. The budget grew by 12 percent. Delta epsilon zeta.\n';
const CLAIM = 'The budget grew by 12 percent.';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function tag(uri: vscode.Uri, quote: string): Promise<Tag | undefined> {
  const start = TEXT.indexOf(quote);
  const made = (await vscode.commands.executeCommand('claimTagger.tagClaim', { uri, ranges: [{ start, end: start + quote.length }] })) as Tag[] | undefined;
  return made?.[0];
}

suite('disk files: read-only and FIFO sidecars (review16)', () => {
  teardown(closeAllEditors);

  test('R1 a read-only (0444) sidecar is never replaced by the editor, even as root; the new tag stays in memory', async () => {
    const editor = await openFresh('review16/read-only.txt', TEXT);
    const uri = editor.document.uri;
    assert.ok(await tag(uri, CLAIM), 'the first tag');
    await (await api()).flush();
    const side = sidecarUri(uri).fsPath;
    fs.chmodSync(side, 0o444);
    try {
      const before = fs.readFileSync(side, 'utf8');
      const second = await tag(uri, 'Delta epsilon zeta.');
      await (await api()).flush();
      await sleep(500);
      assert.equal(fs.readFileSync(side, 'utf8'), before, `uid ${process.getuid?.()}: the read-only sidecar was replaced`);
      assert.equal((fs.statSync(side).mode & 0o777).toString(8), '444', 'its mode is kept');
      assert.equal((await api()).documentState(uri)?.state, 'readOnly');
      if (second) assert.ok((await (await api()).tags(uri)).some((t) => t.id === second.id), 'the refused tag is kept in memory');
    } finally {
      fs.chmodSync(side, 0o644);
    }
  });

  test('R2 a sidecar that is a named pipe (FIFO): the document loads at once, broken with a message naming it, and the pipe is never written', async () => {
    const doc = workspaceUri('review16/fifo.txt');
    const side = sidecarUri(doc).fsPath;
    await writeFile(doc, TEXT);
    await remove(sidecarUri(doc));
    execFileSync('mkfifo', [side]);
    try {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(doc));
      const outcome = await Promise.race([
        (await api()).tags(doc).then((tags) => `loaded ${tags.length} tag(s)`, (e: Error) => `refused: ${e.message}`),
        sleep(5000).then(() => 'hung'),
      ]);
      assert.equal(outcome, 'loaded 0 tag(s)', 'reading the FIFO sidecar must neither block nor fail the load');
      const state = (await api()).documentState(doc);
      assert.equal(state?.state, 'broken');
      assert.match(state?.error ?? '', /fifo\.txt\.tags\.json is a named pipe \(FIFO\), not a regular file/);
      assert.equal(await tag(doc, CLAIM), undefined, 'tagging is refused while the sidecar is broken');
      await (await api()).flush();
      assert.ok(fs.lstatSync(side).isFIFO(), 'the pipe is still a pipe: nothing replaced it');
    } finally {
      // Release a reader still blocked on the pipe (before the fix): opening it for writing, then closing, gives EOF.
      try {
        fs.closeSync(fs.openSync(side, fs.constants.O_WRONLY | fs.constants.O_NONBLOCK));
      } catch {
        // no reader waiting: nothing to release
      }
      fs.rmSync(side, { force: true });
    }
  });
});
