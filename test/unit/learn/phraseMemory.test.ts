// Phrase memory: normalisation, variants, overlaps, the trie against a naive matcher (property test).
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { WordBuffer, findWords, hashString, mentionsAny, normHash, normWord, phraseKey, words } from '../../../src/core/learn/normalize';
import { IntSet } from '../../../src/core/learn/intSet';
import { PhraseMemory, SourceTag } from '../../../src/core/learn/phraseMemory';

function tag(quote: string, kind = 'opinion', document = 'a.md', extra: Partial<SourceTag> = {}): SourceTag {
  return { document, name: document, kind, quote, start: 0, end: quote.length, ...extra };
}

suite('learn: phrase memory', () => {
  test('normalises case, possessives and simple plurals the same way on both sides', () => {
    assert.equal(normWord('Council’s'), 'council');
    assert.equal(normWord("council's"), 'council');
    assert.equal(normWord('Plans'), 'plan');
    assert.equal(normWord('churches'), 'church');
    assert.equal(normWord('boxes'), 'box');
    assert.equal(normWord('class'), 'class');
    assert.equal(phraseKey('The Council’s  reckless plans'), phraseKey('the council reckless plan'));
  });

  test('finds a tagged phrase in another text: case, inflection, possessive, one word inserted', () => {
    const m = new PhraseMemory([tag('reckless spending plan')]);
    const cases: [string, string, boolean][] = [
      ['This is a Reckless Spending Plan.', 'Reckless Spending Plan', false],
      ['Two reckless spending plans were tabled.', 'reckless spending plans', false],
      ['The reckless, wasteful spending plan failed.', 'reckless, wasteful spending plan', true],
    ];
    for (const [text, found, inserted] of cases) {
      const r = m.match(text);
      assert.equal(r.length, 1, text);
      assert.equal(text.slice(r[0].start, r[0].end), found);
      assert.equal(r[0].inserted, inserted);
    }
  });

  test('never more than one inserted word, never across a sentence end or a paragraph', () => {
    const m = new PhraseMemory([tag('reckless plan')]);
    assert.equal(m.match('A reckless and costly plan.').length, 0);
    assert.equal(m.match('It was reckless. Plan B follows.').length, 0);
    assert.equal(m.match('It was reckless\n\nplan ahead').length, 0);
    assert.equal(m.match('A reckless\nplan').length, 1, 'a hard-wrapped line is one paragraph');
  });

  test('overlapping matches of one kind: the longest wins; different kinds are both kept', () => {
    const m = new PhraseMemory([tag('deeply flawed'), tag('flawed'), tag('deeply flawed report', 'claim')]);
    const r = m.match('A deeply flawed report.');
    assert.deepEqual(r.map((x) => [x.entry.kind, x.entry.key]), [['claim', 'deeply flawed report'], ['opinion', 'deeply flawed']]);
  });

  test('counts tags per phrase and document; custom kinds and one-letter phrases are not remembered', () => {
    const m = new PhraseMemory([tag('Shameful', 'opinion', 'a.md'), tag('shameful', 'opinion', 'b.md'), tag('shameful', 'opinion', 'b.md'), tag('x', 'opinion'), tag('whatever', 'myKind')]);
    assert.equal(m.size, 1);
    assert.equal(m.get('opinion', 'shameful')?.sources.length, 3);
  });

  test('a tag whose text changed since is remembered by its quote (the words the editor tagged)', () => {
    const m = new PhraseMemory([tag('utterly shameful', 'opinion', 'a.md', { start: 500, end: 516 })]);
    assert.equal(m.match('That was utterly shameful.').length, 1);
  });

  test('skip leaves forgotten phrases out', () => {
    const m = new PhraseMemory([tag('shameful'), tag('reckless')], (_k, key) => key === 'shameful');
    assert.deepEqual(m.entries().map((e) => e.key), ['reckless']);
  });

  // Incremental updates (a document's tags changed) against building the memory again from every tag.
  // Words whose hashString collide in pairs (aan/ac0, aao/ac1, aap/ac2): the index is keyed by hashes, and chains
  // heads, second words and whole keys that share one.
  const COLLIDING = ['aan', 'ac0', 'aao', 'ac1', 'aap', 'AC2'];
  test('colliding words are told apart', () => {
    assert.equal(hashString('aan'), hashString('ac0'));
    const m = new PhraseMemory([tag('aan aao'), tag('ac0 ac1'), tag('aan ac1'), tag('ac0'), tag('aao aap ac2')]);
    assert.deepEqual(m.entries().map((e) => e.key), ['aan aao', 'ac0 ac1', 'aan ac1', 'ac0', 'aao aap ac2']);
    assert.deepEqual(m.match('x ac0 ac1 y').map((r) => r.entry.key), ['ac0 ac1']);
    assert.deepEqual(m.match('x aan aao y').map((r) => r.entry.key), ['aan aao']);
    assert.deepEqual(m.match('x ac0 aao y').map((r) => r.entry.key), ['ac0']);
    assert.equal(m.get('opinion', 'ac0 ac1')?.key, 'ac0 ac1');
    assert.equal(m.get('opinion', 'aan aan'), undefined);
  });

  for (const [name, vocab] of [['', ['bad', 'plan', 'very', 'costly', 'idea', 'Plans']], [' (colliding hashes)', [...COLLIDING, 'costly', 'idea']]] as const) {
  test(`property: update(document, its tags now) gives the memory a rebuild gives; returns the first words that changed${name}`, () => {
    const tagArb = fc.record({
      document: fc.constantFrom('a.md', 'b.md', 'c.md'),
      kind: fc.constantFrom('opinion', 'claim'),
      words: fc.array(fc.constantFrom(...vocab), { minLength: 1, maxLength: 3 }),
    }).map(({ document, kind, words: w }) => tag(w.join(' '), kind, document));
    const view = (m: PhraseMemory) => m.entries().map((e) => `${e.kind}|${e.key}|${e.sources.map((x) => x.document).sort().join(',')}`).sort();
    fc.assert(fc.property(fc.array(tagArb, { maxLength: 12 }), fc.constantFrom('a.md', 'b.md', 'd.md'), fc.array(tagArb, { maxLength: 4 }), fc.array(fc.constantFrom(...vocab), { maxLength: 12 }), (before, doc, now, textWords) => {
      const mine = now.map((t) => ({ ...t, document: doc, name: doc }));
      // Forgotten while tagged at most twice: updates must apply it too.
      const skip = (_k: string, key: string, count: number) => key === 'costly idea' && count <= 2;
      const m = new PhraseMemory(before, skip);
      const beforeEntries = new Map(m.entries().map((e) => [`${e.kind}|${e.key}`, e.sources.length]));
      const firsts = m.update(doc, mine);
      const fresh = new PhraseMemory([...before.filter((t) => t.document !== doc), ...mine], skip);
      assert.deepEqual(view(m), view(fresh));
      assert.equal(m.size, fresh.size);
      const text = textWords.join(' ');
      const at = (x: PhraseMemory) => x.match(text).map((r) => `${r.start}:${r.end}:${r.entry.kind}:${r.entry.key}:${r.entry.sources.length}`).sort();
      assert.deepEqual(at(m), at(fresh), text);
      // Every phrase whose tags changed starts with a word reported.
      for (const e of fresh.entries()) if (beforeEntries.get(`${e.kind}|${e.key}`) !== e.sources.length) assert.ok(firsts.has(e.key.split(' ')[0]), e.key);
      for (const key of beforeEntries.keys()) if (!fresh.get(key.split('|')[0] as 'opinion', key.split('|')[1])) assert.ok(firsts.has(key.split('|')[1].split(' ')[0]), key);
    }), { numRuns: 300 });
  });
  }

  test('mentionsAny: a word normalising to one of the set, in any inflection or case; nothing else', () => {
    assert.equal(mentionsAny('The Council’s Plans were costly.', new Set(['plan'])), true);
    assert.equal(mentionsAny('The council’s planning was costly.', new Set(['plan'])), false);
    assert.equal(mentionsAny('Ça coûte CHER, Élodie.', new Set(['élodie'])), true);
    assert.equal(mentionsAny('anything', new Set()), false);
    fc.assert(fc.property(fc.array(fc.constantFrom('bad', 'Plans', 'véry', 'idea’s', 'x'), { maxLength: 8 }), fc.constantFrom('bad', 'plan', 'véry', 'idea', 'zzz'), (ws, w) => {
      const text = ws.join(' ');
      assert.equal(mentionsAny(text, new Set([w])), words(text).some((x) => x.norm === w), text);
    }), { numRuns: 300 });
  });

  // The char loop that finds words against the regex it replaced (for speed), on text mixing every kind of unit.
  test('property: words are what /[\\p{L}\\p{N}]+(?:[\'’-][\\p{L}\\p{N}]+)*/u finds, normalised by normWord; normHash agrees with hashString', () => {
    const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
    const unit = fc.constantFrom('a', 'B', 's', 'S', 'e', 'x', 'z', 'c', 'h', '9', 'é', 'İ', 'ß', 'Σ', '中', '𝒜', '😀', '\u0301', "'", '’', '-', ' ', '.', '\n', ',', '\ud800');
    fc.assert(fc.property(fc.array(unit, { maxLength: 40 }).map((u) => u.join('')), (text) => {
      const expected = [...text.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length, norm: normWord(m[0]) }));
      assert.deepEqual(words(text), expected);
      for (const w of expected) {
        const h = normHash(text, w.start, w.end);
        if (h !== undefined) assert.equal(h, hashString(w.norm), text.slice(w.start, w.end));
      }
    }), { numRuns: 2000 });
    for (const w of ['boxes', 'ashes', 'churches', 'classes', 'buses', "Council’s", "James's", 'news', 'Plans', 'class', 'is', 'ss']) assert.equal(normHash(w, 0, w.length), hashString(normWord(w)), w);
  });

  // The buffer of match() and of the quote keys against the two functions it stands for, on any range of such text.
  test('property: findWords finds the words scanWords finds, with normHash where it is defined', () => {
    const unit = fc.constantFrom('a', 'B', 's', 'S', 'e', 'x', 'z', 'c', 'h', '9', 'é', 'İ', 'Σ', '𝒜', '😀', '\u0301', "'", '’', '-', ' ', '.', '\n', '\ud800', '\udc00');
    const buf = new WordBuffer();
    fc.assert(fc.property(fc.array(unit, { maxLength: 300 }).map((u) => u.join('')), fc.nat(), fc.nat(), (text, a, b) => {
      const start = a % (text.length + 1);
      const end = start + (b % (text.length - start + 1));
      const n = findWords(text, start, end, buf);
      const expected = words(text, start, end);
      assert.equal(n, expected.length, text);
      expected.forEach((w, i) => {
        assert.deepEqual([buf.starts[i], buf.ends[i]], [w.start, w.end], text);
        const h = normHash(text, w.start, w.end);
        assert.equal(buf.hashed[i], h === undefined ? 0 : 1, text);
        if (h !== undefined) assert.equal(buf.hashes[i], h, text);
      });
    }), { numRuns: 1000 });
  });

  test('property: IntSet holds exactly what a Set<number> holds', () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.integer(), fc.constantFrom(0, -1, 1, 2 ** 31 - 1, -(2 ** 31))), { maxLength: 3000 }), fc.array(fc.integer(), { maxLength: 50 }), (added, probes) => {
      const set = new IntSet();
      for (const x of added) set.add(x);
      const ref = new Set(added);
      assert.equal(set.size, ref.size);
      for (const x of [...added, ...probes]) assert.equal(set.has(x), ref.has(x), String(x));
    }), { numRuns: 200 });
  });

  // Keys are built from slices of the lower-cased quote where they can be: the same keys as normalising every
  // word, and the phrase found again in its own quote (the lengths of its first two words are right).
  test('property: a tag\'s key is its quote\'s normalised words joined by spaces; the phrase matches its own quote', () => {
    const piece = fc.constantFrom('plan', 'Plans', 'boxes', 'churches', 'class', "council's", 'Council’s', 'is', 'ab', 'é', 'İx', 'ÉTÉ', 'well-known', "don't", '9', 'z');
    const gap = fc.constantFrom(' ', ' ', ' ', '  ', ', ', ' - ', '\n', ' (');
    fc.assert(fc.property(fc.array(fc.tuple(piece, gap), { minLength: 1, maxLength: 8 }), fc.constantFrom('', ' ', '"', ')', '.', ',', '!.', '-'), (parts, tail) => {
      const quote = parts.map(([p, g], i) => (i ? g : '') + p).join('') + tail;
      const lower = quote.toLowerCase();
      const expected = phraseKey(lower.length === quote.length ? lower : quote);
      const m = new PhraseMemory([tag(quote)]);
      if (expected.length - expected.split(' ').length + 1 < 3) return assert.equal(m.size, 0, quote);
      assert.deepEqual(m.entries().map((e) => e.key), [expected], quote);
      const ws = words(quote);
      const r = m.match(quote);
      assert.ok(r.some((x) => x.start === ws[0].start && x.end === ws[ws.length - 1].end && !x.inserted), quote);
    }), { numRuns: 1000 });
  });

  // The trie against the obvious matcher: every (start word, phrase) pair tried exactly and with one skip.
  for (const [name, vocab] of [['', ['bad', 'plan', 'very', 'the', 'costly', 'idea', 'plans', 'Plans', 'BAD', 'idea’s', 'véry', 'Véry']], [' (colliding hashes)', [...COLLIDING, 'aans', 'Aan’s', 'véry']]] as const) {
  test(`property: the trie finds exactly what a naive matcher finds (before overlap resolution)${name}`, () => {
    const wordArb = fc.constantFrom(...vocab);
    fc.assert(fc.property(
      fc.array(fc.array(wordArb, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 5 }),
      fc.array(wordArb, { maxLength: 25 }),
      (phrases, textWords) => {
        const quotes = phrases.map((p) => p.join(' ')).filter((q) => phraseKey(q).replace(/ /g, '').length >= 3);
        const m = new PhraseMemory(quotes.map((q) => tag(q)));
        const text = textWords.join(' ');
        const ws = words(text);
        const naive = new Set<string>();
        for (const key of new Set(quotes.map(phraseKey))) {
          const p = key.split(' ');
          for (let i = 0; i < ws.length; i++) {
            // exact
            if (p.every((w, k) => ws[i + k]?.norm === w)) naive.add(`${i}:${i + p.length - 1}:${key}`);
            // one word inserted after phrase word j (0 <= j < p.length - 1)
            for (let j = 0; j < p.length - 1; j++) {
              const ok = p.every((w, k) => ws[i + k + (k > j ? 1 : 0)]?.norm === w);
              if (ok) naive.add(`${i}:${i + p.length}:${key}`);
            }
          }
        }
        const all = new Set(m.matchAll(text, ws).map((r) => `${ws.findIndex((w) => w.start === r.start)}:${ws.findIndex((w) => w.end === r.end)}:${r.entry.key}`));
        assert.deepEqual([...all].sort(), [...naive].sort(), text);
        // match() rules words out by a hash before normalising them: it must keep every match (or one as long
        // of its kind overlapping it) and invent none.
        const id = (r: { start: number; end: number; entry: { key: string } }) => `${r.start}:${r.end}:${r.entry.key}`;
        const every = m.matchAll(text, ws);
        const kept = m.match(text);
        assert.ok(kept.every((r) => every.some((x) => id(x) === id(r))), text);
        assert.ok(every.every((x) => kept.some((r) => r.entry.kind === x.entry.kind && r.start < x.end && x.start < r.end && r.end - r.start >= x.end - x.start)), text);
      },
    ), { numRuns: 300 });
  });
  }
});
