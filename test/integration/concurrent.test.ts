// The editor and the command line writing one sidecar at the same time: both take the sidecar's lock file and
// merge by tag id before renaming, so neither loses the other's tags (issue 11, concurrent writers).
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, api, closeAllEditors, eventually, openFresh, readJson } from './helpers';

const WORDS = Array.from({ length: 24 }, (_, i) => `marker${String(i).padStart(2, '0')}x`);
const ARTICLE = WORDS.map((w, i) => `Sentence ${i + 1} mentions ${w} once.`).join('\n') + '\n';

function cliTag(cli: string, file: string, quote: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // ELECTRON_RUN_AS_NODE: on desktop VS Code the host's executable is Electron; in code-server it is Node.
    execFile(process.execPath, [cli, 'tag', file, '--kind', 'opinion', '--quote', quote], { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } },
      (err, _out, stderr) => (err ? reject(new Error(`claim-tagger tag "${quote}" failed: ${stderr}`)) : resolve()));
  });
}

suite('concurrent writers: the editor and the CLI on one sidecar', () => {
  teardown(closeAllEditors);

  test('tags written by the editor and by CLI processes at the same time are all in the sidecar', async function () {
    this.timeout(120_000);
    const claimTagger = await api();
    const editor = await openFresh('concurrent/both.txt', ARTICLE);
    const uri = editor.document.uri;
    const cli = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'dist', 'cli.js');
    const mine = WORDS.filter((_, i) => i % 2 === 0);
    const theirs = WORDS.filter((_, i) => i % 2 === 1);
    // Three CLI writers, one after another each, running beside the editor tagging and saving one word at a time.
    const lanes = [0, 1, 2].map(async (lane) => {
      for (const quote of theirs.filter((_, i) => i % 3 === lane)) await cliTag(cli, uri.fsPath, quote);
    });
    const editorLane = (async () => {
      for (const quote of mine) {
        const start = ARTICLE.indexOf(quote);
        await vscode.commands.executeCommand('claimTagger.tagClaim', { uri, ranges: [{ start, end: start + quote.length }] });
        await claimTagger.flush();
      }
    })();
    await Promise.all([...lanes, editorLane]);
    await claimTagger.flush();
    const quotes = async () => ((await readJson(vscode.Uri.file(uri.fsPath + '.tags.json'))) as { tags: { quote: string }[] }).tags.map((t) => t.quote).sort();
    // The editor picks up the CLI's last write through its watcher and writes nothing that drops it.
    await eventually(async () => (await quotes()).length === WORDS.length, 20_000).catch(() => undefined);
    assert.deepEqual(await quotes(), [...WORDS].sort(), 'every tag of both writers is in the sidecar');
    // The editor reads the CLI's last write when its file watcher reports it.
    const missing = async () => {
      const shown = await claimTagger.tags(uri);
      return WORDS.filter((w) => !shown.some((t) => t.quote === w));
    };
    await eventually(async () => (await missing()).length === 0, 20_000).catch(() => undefined);
    assert.deepEqual(await missing(), [], 'the editor shows every tag too');
  });
});
