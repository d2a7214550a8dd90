import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, api, closeAllEditors, eventually, openFresh } from './helpers';

// The extension host cannot read syntax tokens (VS Code's _workbench.captureSyntaxTokens hook is not in the web
// build); the tokens themselves are tested with vscode-tmgrammar-test against these same grammar files
// (test/grammar). Here: the running VS Code has the contribution that makes .txt articles tokenized at all.
suite('grammar in the editor', () => {
  teardown(closeAllEditors);

  test('plain-text articles have a grammar (text.plain) that the quotation/reporting-verb injection applies to', async () => {
    const editor = await openFresh('grammar/article.txt', 'The council met. "We will pay," the mayor said on Tuesday.\n');
    assert.equal(editor.document.languageId, 'plaintext');
    const grammars: { language?: string; scopeName: string; injectTo?: string[] }[] = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.grammars;
    const plain = grammars.find((g) => g.language === 'plaintext');
    assert.equal(plain?.scopeName, 'text.plain');
    assert.ok(grammars.some((g) => g.injectTo?.includes(plain.scopeName)), 'the injection targets the plain-text scope');
  });
});

suite('word wrap offer', () => {
  teardown(closeAllEditors);

  test('tagging an article with long lines while word wrap is off offers it once', async () => {
    const claimTagger = await api();
    const alreadyOffered = claimTagger.wordWrapOffered();
    await vscode.workspace.getConfiguration('editor').update('wordWrap', 'off', vscode.ConfigurationTarget.Global);
    try {
      const short = await openFresh('wrap/short.txt', 'A short line.\nAnother one.\n');
      await vscode.commands.executeCommand('claimTagger.tagClaim', { uri: short.document.uri, ranges: [{ start: 0, end: 13 }] });
      await new Promise((r) => setTimeout(r, 300));
      // (Another suite may have tagged a long-line article before: the offer is made once per user.)
      if (!alreadyOffered) assert.equal(claimTagger.wordWrapOffered(), false, 'no offer for short lines');
      const long = await openFresh('wrap/long.txt', `${'The council approved the budget after a long debate, '.repeat(6)}\n`);
      await vscode.commands.executeCommand('claimTagger.tagClaim', { uri: long.document.uri, ranges: [{ start: 0, end: 20 }] });
      await eventually(() => claimTagger.wordWrapOffered());
    } finally {
      await vscode.workspace.getConfiguration('editor').update('wordWrap', undefined, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('notifications.clearAll');
    }
  });
});
