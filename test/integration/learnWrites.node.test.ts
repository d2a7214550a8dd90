// Learning from tags, the part that needs the disk itself: Accept All writes learned.json once, counted by the
// file's inode and mtime (workspace.fs has no inode, and its watcher may coalesce writes). Node host only; named
// to run after learn.test.ts, whose counts its tags would otherwise change.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { closeAllEditors, eventually, exec, openFresh, remove } from './helpers';
import { type S, isolate, learnedFile, learnedHere, learnedJson, suggestions } from './learnFixture';

suite('learning from tags: writes of learned.json', () => {
  let isolation: { restore: () => Promise<void> } | undefined;
  suiteSetup(async () => {
    isolation = await isolate('learn-writes');
  });
  suiteTeardown(async () => {
    await isolation?.restore();
  });
  teardown(closeAllEditors);

  test('Accept All counts one accept per suggestion accepted, in one write of learned.json', async () => {
    // Phrase memory: the made-up phrase tagged in another article.
    const tagged = 'The mayor called the tender a glimmering quorp on Monday.\n';
    const a = await openFresh('learn-writes/a.txt', tagged);
    const at = tagged.indexOf('glimmering quorp');
    await exec('claimTagger.tagOpinion', { uri: a.document.uri, ranges: [{ start: at, end: at + 'glimmering quorp'.length }] });
    await remove(learnedFile());
    const text = 'Pure glimmering quorp. More glimmering quorp here. A third glimmering quorp.\n';
    const f = await openFresh('learn-writes/f.txt', text);
    const shown = await eventually(async () => {
      const l = learnedHere(await suggestions(f.document.uri));
      return l.length === 3 ? l : undefined;
    }, 10_000) as S[];
    // Count the writes: each one replaces the file (a new inode) or changes its mtime.
    const writes: number[] = [];
    const watch = setInterval(() => {
      const st = fs.statSync(learnedFile().fsPath, { throwIfNoEntry: false });
      if (st && writes[writes.length - 1] !== st.mtimeMs + st.ino) writes.push(st.mtimeMs + st.ino);
    }, 5);
    try {
      const tags = await exec<unknown[]>('claimTagger.acceptSuggestions', { uri: f.document.uri, kind: 'opinion', confirm: false });
      assert.ok(tags.length >= shown.length, `${tags.length} tags`);
      const term = await eventually(async () => (await learnedJson())?.decisions.terms['learned.phrase']?.['glimmering quorp'], 10_000);
      await new Promise((r) => setTimeout(r, 600));
      assert.deepEqual(term, { accepted: 3, dismissed: 0 });
      assert.equal((await learnedJson())?.decisions.rules['learned.phrase'].accepted, 3);
      assert.equal(writes.length, 1, 'one write');
    } finally {
      clearInterval(watch);
    }
  });
});
