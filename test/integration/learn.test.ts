// Learning from the newsroom's own tags (issue 13), in the real editor: a phrase tagged in one article is
// suggested in another with where it was tagged; accepting and dismissing are counted in learned.json; a rule
// dismissed far more than accepted sinks, and says why; Forget removes a phrase; learning off does nothing.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { api, closeAllEditors, eventually, exec, openFresh, workspaceUri } from './helpers';

type S = { kind: string; start: number; end: number; rule: string; term?: string; text: string; explanation: string; score: number };
const learnedFile = () => workspaceUri('.claim-tags', 'learned.json');
const learnedJson = (): { decisions: { rules: Record<string, { accepted: number; dismissed: number }>; terms: Record<string, Record<string, { accepted: number; dismissed: number }>> }; forgotten?: Record<string, Record<string, number>> } | undefined =>
  fs.existsSync(learnedFile().fsPath) ? JSON.parse(fs.readFileSync(learnedFile().fsPath, 'utf8')) : undefined;

// Made-up words: no built-in rule knows them, so only phrase memory can suggest them.
const A = 'The mayor called the tender a glimmering quorp on Monday.\n';
const B = 'Residents fear another Glimmering Quorps. Nobody expected the glimmering, costly quorp either.\n';
const C = 'A plain note about the glimmering quorp.\n';

async function suggestions(uri: vscode.Uri): Promise<S[]> {
  return exec<S[]>('claimTagger.suggestTags', { uri });
}

// Only this suite's made-up phrase: tags other suites left in the shared workspace must not change its counts.
const learnedHere = (list: S[]) => list.filter((s) => s.rule === 'learned.phrase' && /quorp/i.test(s.text));

/**
 * The suite leaves the shared fixture workspace as it found it: learned.json as before (or absent), and none of
 * its documents, whose tags would otherwise be phrase memory for every later suite.
 */
function isolate(): { restore: () => Promise<void> } {
  const file = learnedFile().fsPath;
  const before = fs.existsSync(file) ? fs.readFileSync(file) : undefined;
  fs.rmSync(file, { force: true });
  return {
    restore: async () => {
      await closeAllEditors();
      await (await api()).flush(); // learned.json is written on a timer: nothing may land after the restore
      await new Promise((r) => setTimeout(r, 500));
      fs.rmSync(workspaceUri('learn').fsPath, { recursive: true, force: true });
      if (before) fs.writeFileSync(file, before);
      else fs.rmSync(file, { force: true });
    },
  };
}

suite('learning from tags', () => {
  let isolation: { restore: () => Promise<void> } | undefined;
  suiteSetup(() => {
    isolation = isolate();
  });
  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('claimTagger').update('suggestions.learn', undefined, vscode.ConfigurationTarget.Global);
    await isolation?.restore();
  });
  teardown(async () => {
    await vscode.workspace.getConfiguration('claimTagger').update('suggestions.learn', undefined, vscode.ConfigurationTarget.Global);
    await closeAllEditors();
  });

  test('a phrase tagged in one article is suggested in another, explained, with a link to where it was tagged', async () => {
    const a = await openFresh('learn/a.txt', A);
    const at = A.indexOf('glimmering quorp');
    await exec('claimTagger.tagOpinion', { uri: a.document.uri, ranges: [{ start: at, end: at + 'glimmering quorp'.length }] });
    const b = await openFresh('learn/b.txt', B);
    const found = await eventually(async () => {
      const l = learnedHere(await suggestions(b.document.uri));
      return l.length === 2 ? l : undefined;
    }, 10_000) as S[];
    assert.deepEqual(found.map((s) => s.text), ['Glimmering Quorps', 'glimmering, costly quorp']);
    assert.match(found[0].explanation, /^Tagged as opinion once in 1 other article \(e\.g\. learn\/a\.txt\)\.$/);
    assert.match(found[1].explanation, /with a word inserted/);
    const diag = vscode.languages.getDiagnostics(b.document.uri).find((d) => d.source === 'Claim Tagger' && d.range.start.character === B.indexOf('Glimmering'));
    assert.ok(diag && typeof diag.code === 'object', 'the diagnostic links to the article');
    assert.equal((diag.code as { target: vscode.Uri }).target.toString(), a.document.uri.toString());
    assert.match(diag.message, /Tagged as opinion once in 1 other article/);
    // Not suggested again where it is already tagged.
    assert.equal(learnedHere(await suggestions(a.document.uri)).length, 0);
  });

  test('accepting and dismissing are counted in learned.json; a rule dismissed far more than accepted sinks and says why', async () => {
    const b = await openFresh('learn/b.txt', B);
    const [first, second] = await eventually(async () => {
      const l = learnedHere(await suggestions(b.document.uri));
      return l.length === 2 ? l : undefined;
    }, 10_000) as S[];
    await exec('claimTagger._dismissSuggestion', { uri: b.document.uri.toString(), start: second.start, end: second.end, rule: second.rule }, false);
    await exec('claimTagger._acceptSuggestion', { uri: b.document.uri.toString(), start: first.start, end: first.end, rule: first.rule }, 'opinion');
    const counts = await eventually((): { accepted: number; dismissed: number } | undefined => {
      const r = learnedJson()?.decisions.rules['learned.phrase'];
      return r && r.accepted === 1 && r.dismissed === 1 ? r : undefined;
    });
    assert.deepEqual(counts, { accepted: 1, dismissed: 1 });
    assert.deepEqual(learnedJson()?.decisions.terms['learned.phrase']['glimmering quorp'], { accepted: 1, dismissed: 1 });

    // A teammate's decisions arrive (git pull): 3 of 5 dismissed lowers the score and the hover says why ...
    // (Remembered phrases are judged phrase by phrase: the counts of the phrase itself.)
    const write = (dismissed: number) => fs.writeFileSync(learnedFile().fsPath, JSON.stringify({ format: 'claim-tagger/learned', version: 1, decisions: { rules: {}, terms: { 'learned.phrase': { 'glimmering quorp': { accepted: 2, dismissed } } } } }, null, 2) + '\n');
    write(3);
    const c = await openFresh('learn/c.txt', C);
    const lowered = await eventually(async () => learnedHere(await suggestions(c.document.uri)).find((s) => /'glimmering quorp' dismissed 3 of 5 times in this workspace/.test(s.explanation)), 10_000) as S;
    const [, before, after] = /score (\d\.\d\d) → (\d\.\d\d)/.exec(lowered.explanation) ?? [];
    assert.ok(Number(after) < Number(before) && Math.abs(lowered.score - Number(after)) < 0.006, lowered.explanation);
    // ... and 14 of 16 sinks it below the threshold.
    write(14);
    await eventually(async () => learnedHere(await suggestions(c.document.uri)).length === 0, 10_000);
  });

  test('Forget restores a sunk phrase; Show What Claim Tagger Learned lists it; Forget removes a phrase until it is tagged again', async () => {
    // The previous test left 'glimmering quorp' dismissed 14 of 16 times: forgetting those decisions restores it.
    const c = await openFresh('learn/c.txt', C);
    assert.equal(learnedHere(await suggestions(c.document.uri)).length, 0);
    assert.equal(await exec<number>('claimTagger.forgetLearned', { terms: [{ rule: 'learned.phrase', term: 'glimmering quorp' }] }), 1);
    await eventually(async () => learnedHere(await suggestions(c.document.uri)).length === 1, 10_000);
    const page = await exec<vscode.TextDocument>('claimTagger.showLearned');
    await eventually(() => /glimmering quorp \| opinion \| 2 \|/.test(page.getText()) && page.getText().includes('learn/a.txt'), 10_000, { expected: 'the learned view to list glimmering quorp from learn/a.txt', seen: () => page.getText() });
    assert.equal(await exec<number>('claimTagger.forgetLearned', { phrases: [{ kind: 'opinion', key: 'glimmering quorp' }] }), 1);
    await eventually(() => learnedJson()?.forgotten?.opinion?.['glimmering quorp'] === 2, 10_000);
    await eventually(async () => learnedHere(await suggestions(c.document.uri)).length === 0, 10_000);
    await exec('claimTagger.forgetLearned', { all: true });
    await eventually(() => learnedJson() !== undefined && Object.keys(learnedJson()!.decisions.rules).length === 0, 10_000);
  });

  test('a new tag updates suggestions only where its phrase occurs: open documents without it are not run again', async () => {
    const unrelated = await openFresh('learn/g.txt', 'Officials said the harbour plan was approved on Monday.\n');
    const holder = await openFresh('learn/h.txt', 'Critics called it a plomby zark again.\n');
    await suggestions(unrelated.document.uri);
    await suggestions(holder.document.uri);
    const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Claim Tagger' && /plomby zark/i.test(holder.document.getText(d.range)));
    assert.equal(ours(holder.document.uri).length, 0);
    const touched: string[] = [];
    const listener = vscode.languages.onDidChangeDiagnostics((e) => touched.push(...e.uris.map((u) => u.toString())));
    try {
      const text = 'The plan is a plomby zark, she said.\n';
      const src = await openFresh('learn/i.txt', text);
      await exec('claimTagger.tagOpinion', { uri: src.document.uri, ranges: [{ start: text.indexOf('plomby'), end: text.indexOf('plomby') + 'plomby zark'.length }] });
      // Shown in the document holding the phrase without asking (the update reran it) ...
      await eventually(() => ours(holder.document.uri).length === 1, 10_000);
      await new Promise((r) => setTimeout(r, 1000));
      // ... and the other open document was left alone.
      assert.ok(touched.includes(holder.document.uri.toString()));
      assert.ok(!touched.includes(unrelated.document.uri.toString()), 'the document without the phrase was run again');
    } finally {
      listener.dispose();
    }
  });

  test('Accept All counts one accept per suggestion accepted, in one write of learned.json', async () => {
    fs.rmSync(learnedFile().fsPath, { force: true });
    const text = 'Pure glimmering quorp. More glimmering quorp here. A third glimmering quorp.\n';
    const f = await openFresh('learn/f.txt', text);
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
      const term = await eventually(() => learnedJson()?.decisions.terms['learned.phrase']?.['glimmering quorp'], 10_000);
      await new Promise((r) => setTimeout(r, 600));
      assert.deepEqual(term, { accepted: 3, dismissed: 0 });
      assert.equal(learnedJson()?.decisions.rules['learned.phrase'].accepted, 3);
      assert.equal(writes.length, 1, 'one write');
    } finally {
      clearInterval(watch);
    }
  });

  test('learning off: no phrase suggestions and no decisions written', async () => {
    fs.rmSync(learnedFile().fsPath, { force: true });
    await vscode.workspace.getConfiguration('claimTagger').update('suggestions.learn', false, vscode.ConfigurationTarget.Global);
    const d = await openFresh('learn/d.txt', 'Another glimmering quorp appeared. Officials said 40 percent of the budget went to consultants.\n');
    await exec('claimTagger.tagOpinion', { uri: d.document.uri, ranges: [{ start: 8, end: 24 }] });
    const e = await openFresh('learn/e.txt', 'Yet another glimmering quorp. Officials said 40 percent of the budget went to consultants.\n');
    const shown = await suggestions(e.document.uri);
    assert.equal(learnedHere(shown).length, 0);
    const s = shown[0];
    assert.ok(s, 'the engine still suggests');
    await exec('claimTagger._dismissSuggestion', { uri: e.document.uri.toString(), start: s.start, end: s.end, rule: s.rule }, false);
    await new Promise((r) => setTimeout(r, 800));
    assert.equal(fs.existsSync(learnedFile().fsPath), false);
  });
});
