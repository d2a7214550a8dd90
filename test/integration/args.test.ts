import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Tag } from '../../src/core/model';
import { api, closeAllEditors, exec, openFresh } from './helpers';

const TEXT = 'The council said the budget grew by 4 percent.\n';

suite('command arguments', () => {
  teardown(closeAllEditors);

  test('wrong arguments stop the command before it changes anything; right ones in every accepted shape work', async () => {
    const claimTagger = await api();
    const editor = await openFresh('args/doc.txt', TEXT);
    const uri = editor.document.uri;
    assert.equal(await exec('claimTagger.tagClaim', { uri, ranges: [{ start: 'four', end: 11 }] }), undefined, 'a range of words is refused');
    assert.equal(await exec('claimTagger.tagClaim', { uri, ranges: { start: 4, end: 11 } }), undefined, 'ranges must be a list');
    assert.equal(await exec('claimTagger.tagAs', 'claim'), undefined, 'arguments must be an object');
    assert.deepEqual(await claimTagger.tags(uri), [], 'nothing was tagged');
    // Offsets, a vscode.Range, a plain {line, character} pair and the uri as a string are all accepted.
    const byOffsets = await exec<Tag[]>('claimTagger.tagClaim', { uri: uri.toString(), ranges: [{ start: 4, end: 11 }] });
    const byRange = await exec<Tag[]>('claimTagger.tagClaim', { uri, ranges: [new vscode.Range(0, 21, 0, 27)] });
    const byPlain = await exec<Tag[]>('claimTagger.tagClaim', { uri, ranges: [{ start: { line: 0, character: 36 }, end: { line: 0, character: 45 } }] });
    assert.deepEqual([byOffsets, byRange, byPlain].map((t) => t[0].quote), ['council', 'budget', '4 percent']);
    assert.equal(await exec('claimTagger.setStatus', { uri, id: byOffsets[0].id, value: 7 }), undefined, 'a status must be a string');
    assert.equal((await claimTagger.tags(uri)).find((t) => t.id === byOffsets[0].id)?.status ?? 'unreviewed', 'unreviewed');
  });

  test('Set Source with {source: undefined} from a script clears the source without asking', async () => {
    const claimTagger = await api();
    const editor = await openFresh('args/source.txt', TEXT);
    const uri = editor.document.uri;
    const [tag] = await exec<Tag[]>('claimTagger.tagAttribution', { uri, ranges: [{ start: 0, end: TEXT.length - 1 }], source: { text: 'The council' } });
    assert.deepEqual(tag.source, { text: 'The council' });
    // Were the key dropped, the command would ask "Who said it?" and this call would never return.
    await exec('claimTagger.setSource', { uri, id: tag.id, source: undefined });
    assert.equal((await claimTagger.tags(uri)).find((t) => t.id === tag.id)?.source, undefined);
  });
});
