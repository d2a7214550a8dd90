import * as assert from 'node:assert/strict';
import { api, baseName, closeAllEditors, eventually, exec, openFresh, remove, sidecarUri, workspaceUri, writeFile } from './helpers';


suite('log', () => {
  teardown(closeAllEditors);

  test('a corrupt sidecar: the Tags view still lists the others and the log names the file', async () => {
    const claimTagger = await api();
    const good = await openFresh('logged/good.txt', 'The council said the budget grew by 4 percent.\n');
    await exec('claimTagger.tagClaim', { ranges: [{ start: 4, end: 11 }] });
    await claimTagger.flush();
    await closeAllEditors();
    const bad = workspaceUri('logged', 'corrupt.txt');
    await writeFile(bad, 'Nothing to see.\n');
    await writeFile(sidecarUri(bad), '{ "version": 1, "tags": [ { "id": ');
    try {
      await exec('claimTagger.refreshTags');
      const labels = await eventually(async () => {
        const all = await claimTagger.tree.rootLabels();
        return all.includes('logged/good.txt (1)') ? all : undefined;
      }, 10_000).catch(async () => assert.fail(`the Tags view should list logged/good.txt (1); it shows ${JSON.stringify(await claimTagger.tree.rootLabels())}`));
      assert.ok(labels);
      const line = await eventually(() => claimTagger.logLines().find((l) => l.includes('corrupt.txt.tags.json')), 10_000).catch(() =>
        assert.fail(`the log should name corrupt.txt.tags.json; its latest lines: ${JSON.stringify(claimTagger.logLines().slice(-5))}`),
      );
      assert.match(line!, /^\[warn\] Tags view: .*corrupt\.txt\.tags\.json is not a valid sidecar/);
      assert.ok(!claimTagger.logLines().some((l) => l.includes(baseName(good.document.uri) + '.tags.json')), 'the good sidecar is not logged');
      // The command that opens the log runs.
      await exec('claimTagger.showLog');
    } finally {
      await remove(sidecarUri(bad));
      await remove(bad);
    }
  });
});
