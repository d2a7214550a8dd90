// Learning from the newsroom's own tags (issue 13), in the real editor: a phrase tagged in one article is
// suggested in another with where it was tagged; accepting and dismissing are counted in learned.json; a rule
// dismissed far more than accepted sinks, and says why; Forget removes a phrase; learning off does nothing.
// (Counting the writes of learned.json needs the disk's inode: learnWrites.node.test.ts, which runs after this.)
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, eventually, exec, exists, openFresh, remove, writeFile } from './helpers';
import { type S, isolate, learnedFile, learnedHere, learnedJson, suggestions } from './learnFixture';

// Made-up words: no built-in rule knows them, so only phrase memory can suggest them.
const A = 'The mayor called the tender a glimmering quorp on Monday.\n';
const B = 'Residents fear another Glimmering Quorps. Nobody expected the glimmering, costly quorp either.\n';
const C = 'A plain note about the glimmering quorp.\n';

suite('learning from tags', () => {
  let isolation: { restore: () => Promise<void> } | undefined;
  suiteSetup(async () => {
    isolation = await isolate('learn');
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
    const counts = await eventually(async (): Promise<{ accepted: number; dismissed: number } | undefined> => {
      const r = (await learnedJson())?.decisions.rules['learned.phrase'];
      return r && r.accepted === 1 && r.dismissed === 1 ? r : undefined;
    });
    assert.deepEqual(counts, { accepted: 1, dismissed: 1 });
    assert.deepEqual((await learnedJson())?.decisions.terms['learned.phrase']['glimmering quorp'], { accepted: 1, dismissed: 1 });

    // A teammate's decisions arrive (git pull): 3 of 5 dismissed lowers the score and the hover says why ...
    // (Remembered phrases are judged phrase by phrase: the counts of the phrase itself.)
    const write = (dismissed: number) => writeFile(learnedFile(), JSON.stringify({ format: 'claim-tagger/learned', version: 1, decisions: { rules: {}, terms: { 'learned.phrase': { 'glimmering quorp': { accepted: 2, dismissed } } } } }, null, 2) + '\n');
    await write(3);
    const c = await openFresh('learn/c.txt', C);
    const lowered = await eventually(async () => learnedHere(await suggestions(c.document.uri)).find((s) => /'glimmering quorp' dismissed 3 of 5 times in this workspace/.test(s.explanation)), 10_000) as S;
    const [, before, after] = /score (\d\.\d\d) → (\d\.\d\d)/.exec(lowered.explanation) ?? [];
    assert.ok(Number(after) < Number(before) && Math.abs(lowered.score - Number(after)) < 0.006, lowered.explanation);
    // ... and 14 of 16 sinks it below the threshold.
    await write(14);
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
    await eventually(async () => (await learnedJson())?.forgotten?.opinion?.['glimmering quorp'] === 2, 10_000);
    await eventually(async () => learnedHere(await suggestions(c.document.uri)).length === 0, 10_000);
    await exec('claimTagger.forgetLearned', { all: true });
    await eventually(async () => {
      const learned = await learnedJson();
      return learned !== undefined && Object.keys(learned.decisions.rules).length === 0;
    }, 10_000);
  });

  test('a new tag updates suggestions only where its phrase occurs: open documents without it are not run again', async () => {
    const unrelated = await openFresh('learn/g.txt', 'Officials said the harbour plan was approved on Monday.\n');
    const holder = await openFresh('learn/h.txt', 'Critics called it a plomby zark again.\n');
    await suggestions(unrelated.document.uri);
    await suggestions(holder.document.uri);
    const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Claim Tagger' && /^plomby zark$/i.test(holder.document.getText(d.range)));
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

  test('claim evidence: claims tagged in one article raise a similar neutral sentence just under the threshold in another, explained; off with learning off', async () => {
    // 20 claim sentences with the made-up word "zarble", tagged, and 20 other sentences: enough of each sort.
    const nouns = ['fund', 'grant', 'levy', 'board', 'depot', 'harbour', 'tunnel', 'market', 'school', 'clinic', 'ferry', 'bridge', 'museum', 'library', 'station', 'stadium', 'airport', 'hospital', 'college', 'theatre'];
    let text = '';
    const ranges: { start: number; end: number }[] = [];
    nouns.forEach((n, i) => {
      const claim = `The zarble ${n} paid ${i + 3} grants last year.`;
      ranges.push({ start: text.length, end: text.length + claim.length });
      text += `${claim} Walkers liked the quiet ${n} path. `;
    });
    text = text.trimEnd() + '\n';
    const a = await openFresh('learn/claims-a.txt', text);
    await exec('claimTagger.tagClaim', { uri: a.document.uri, ranges });
    // The engine scores this sentence 0.49 for claims, neutral, no opinion term: not suggested on its own. (With a
    // definite subject, "The zarble council approved the accord.", it is a statement of fact, a claim already.)
    const B2 = 'This week they approved the zarble accord.\n';
    const b = await openFresh('learn/claims-b.txt', B2);
    const raised = (list: S[]) => list.filter((s) => s.rule === 'learned.claim-evidence');
    const [s] = await eventually(async () => {
      const l = raised(await suggestions(b.document.uri));
      return l.length ? l : undefined;
    }, 15_000) as S[];
    assert.deepEqual([s.kind, s.text, s.term], ['claim', 'This week they approved the zarble accord.', 'zarble']);
    assert.match(s.explanation, /^Claim score 0\.\d\d raised to 0\.5\d: sentences with 'zarble' were tagged as claims 20 of 20 times, in 1 of 1 article here \(e\.g\. learn\/claims-a\.txt\)\.$/);
    const diag = vscode.languages.getDiagnostics(b.document.uri).find((d) => d.source === 'Claim Tagger' && /zarble/.test(d.message));
    assert.ok(diag, 'shown in the editor');
    // Learning off: the engine's own suggestions only.
    await vscode.workspace.getConfiguration('claimTagger').update('suggestions.learn', false, vscode.ConfigurationTarget.Global);
    await eventually(async () => raised(await suggestions(b.document.uri)).length === 0, 10_000);
  });

  test('learning off: no phrase suggestions and no decisions written', async () => {
    await remove(learnedFile());
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
    assert.equal(await exists(learnedFile()), false);
  });
});
