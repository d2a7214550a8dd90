// Statements of fact without numbers (issue 12): "The bridge is closed to traffic until Friday.", "The team counted
// fish at twelve sites.", "The company did not disclose the price.", "There are three bridges." A declarative
// sentence whose subject is a definite noun phrase or a name, followed by a finite verb: a copula with a state, place
// or time ("is closed", "is out in the east"), a past event ("counted", "was challenged"), a negated fact ("did not
// disclose") or an existence ("There are"). Read from the sentence's shape only, no word list of topics; the
// opinion-leaning sentences are left out afterwards by their opinion score (see settleFact in claims.ts).
import type { Sentence, Token } from './analyze';
import { INTERN_SIZE } from './text';
import { wordSet } from './wordLists';

export type FactRule = 'claim.fact-state' | 'claim.fact-event' | 'claim.fact-existence';

export interface FactMatch {
  rule: FactRule;
  start: number;
  end: number;
}

/** The subject's first word: a definite determiner or possessive pronoun (a name or "X's" also starts one). */
const DEFINITE = wordSet('facts.DEFINITE', ['the', 'its', 'their', 'his', 'her']);
/** Words whose presence makes the sentence a wish, duty, guess, question of the reader or the writer's own voice. */
const NOT_FACTUAL = wordSet('facts.NOT_FACTUAL', [
  'can', 'could', 'may', 'might', 'must', 'shall', 'should', 'would', 'ought', 'will', "won't", "can't", 'cannot',
  "couldn't", "shouldn't", "wouldn't", 'i', 'me', 'my', 'we', 'us', 'our', 'you', 'your', "i'm", "we're", "you're",
  "i've", "we've", 'if', 'unless', 'perhaps', 'maybe', 'probably', 'seems', 'seem', 'seemed', 'appears', 'let',
  'looks', 'look', 'looked', 'sounds', 'sounded', 'feels', 'felt',
]);
/** First words that cannot begin a subject of this rule (pronouns and demonstratives often judge: "It is a scandal"). */
const NOT_SUBJECT = wordSet('facts.NOT_SUBJECT', [
  'a', 'an', 'it', 'this', 'that', 'these', 'those', 'such', 'he', 'she', 'they', 'there', 'here', 'what', 'why',
  'how', 'who', 'which', 'when', 'where', 'while', 'as', 'and', 'but', 'or', 'so', 'yet', 'not', 'no', 'none', 'nothing',
  'all', 'some', 'many', 'most', 'few', 'every', 'each', 'any', 'only', 'even', 'also', 'still', 'however', 'in', 'on',
  'at', 'for', 'by', 'with', 'from', 'to', 'of', 'after', 'before', 'since', 'until', 'during', 'despite', 'although',
  'though', 'because', 'like', 'unlike', 'according', 'mr', 'mrs', 'ms', 'dr', 'then', 'now', 'today', 'yes',
  'whoever', 'anyone', 'everyone', 'someone', 'nobody', 'both', 'either', 'neither', 'other', 'another', 'one',
]);
/** Words that end a subject without a verb found: a clause or an apposition starts. */
const CLAUSE = wordSet('facts.CLAUSE', ['that', 'which', 'who', 'whom', 'whose', 'when', 'where', 'if', 'because', 'although', 'while', 'and', 'but', 'or']);
const BE = wordSet('facts.BE', ['is', 'are', 'was', 'were', "isn't", "aren't", "wasn't", "weren't"]);
const HAVE = wordSet('facts.HAVE', ['has', 'had', 'have', "hasn't", "hadn't", "haven't"]);
const DO_NOT = wordSet('facts.DO_NOT', ['did', 'does', 'do', "didn't", "doesn't", "don't"]);
/** Common irregular past tenses and participles (English grammar, not the texts' words). */
const IRREGULAR = wordSet('facts.IRREGULAR', [
  'began', 'begun', 'broke', 'broken', 'brought', 'built', 'bought', 'came', 'caught', 'chose', 'chosen', 'cut',
  'drew', 'drawn', 'drove', 'driven', 'fell', 'fallen', 'flew', 'flown', 'found', 'gave', 'given', 'went',
  'gone', 'grew', 'grown', 'held', 'hit', 'kept', 'knew', 'known', 'laid', 'led', 'left', 'lost', 'made', 'met',
  'paid', 'put', 'ran', 'rose', 'risen', 'sent', 'set', 'shut', 'sold', 'spent', 'stood', 'struck', 'taken', 'took',
  'told', 'thrown', 'threw', 'won', 'wrote', 'written', 'shown', 'seen', 'saw', 'sank', 'sunk', 'hung', 'shot',
  'split', 'spread', 'swept', 'withdrew', 'withdrawn', 'overtook', 'undertook', 'became', 'fought', 'sought', 'bound',
]);
/** Participles after "has", "had" that are also present forms ("had not yet come into force"). */
const PARTICIPLE = wordSet('facts.PARTICIPLE', ['come', 'become', 'done', 'run', 'overcome']);
/** Words ending in -ed that are not verbs. */
const NOT_ED_VERB = wordSet('facts.NOT_ED_VERB', ['need', 'needed', 'speed', 'seed', 'feed', 'breed', 'greed', 'indeed', 'hundred', 'bed', 'red', 'shed', 'wed', 'led', 'fled', 'bled', 'sacred', 'naked', 'wicked', 'kindred', 'rugged', 'ragged', 'crooked', 'beloved', 'alleged', 'supposed', 'so-called']);
/** Predicates of a copula that judge or reason rather than state: a noun phrase or a clause ("is a disgrace", "is why"). */
const NOMINAL = wordSet('facts.NOMINAL', ['a', 'an', 'the', 'this', 'that', 'these', 'those', 'such', 'why', 'what', 'how', 'who', 'where', 'whether', 'to', 'my', 'our', 'your', 'their', 'his', 'her', 'its', 'one', 'nothing', 'everything', 'something', 'anything', 'like', 'about', 'so', 'too', 'more', 'less', 'far', 'just', 'simply', 'merely', 'only', 'hardly', 'surely', 'clearly', 'certainly']);
/** Adverbs between an auxiliary and its verb or complement. */
const SKIPPED = wordSet('facts.SKIPPED', ['not', 'also', 'still', 'now', 'already', 'never', 'then', 'once', 'again', 'since', 'later', 'yet', 'first']);

/**
 * The word sets this rule tests on every word (most words are in none), as bits by interned word id (Token.id), as
 * claims.ts does: one array read instead of up to six Set look-ups per word. 0: not looked up yet.
 */
const NOT_FACTUAL_BIT = 1;
const IRREGULAR_BIT = 2;
/** An "-ed" word of five letters or more that may be a past form (not "need", "hundred"). */
const ED_BIT = 4;
const BE_BIT = 8;
const HAVE_BIT = 16;
const DO_NOT_BIT = 32;
const CLAUSE_BIT = 64;
const KNOWN_BIT = 128;
const bitsById = new Uint8Array(INTERN_SIZE);

function wordBits(w: string): number {
  const n = w.length;
  const ed = n >= 5 && w.charCodeAt(n - 1) === 100 && w.charCodeAt(n - 2) === 101 && !NOT_ED_VERB.has(w);
  return KNOWN_BIT | (NOT_FACTUAL.has(w) ? NOT_FACTUAL_BIT : 0) | (IRREGULAR.has(w) ? IRREGULAR_BIT : 0) | (ed ? ED_BIT : 0)
    | (BE.has(w) ? BE_BIT : 0) | (HAVE.has(w) ? HAVE_BIT : 0) | (DO_NOT.has(w) ? DO_NOT_BIT : 0) | (CLAUSE.has(w) ? CLAUSE_BIT : 0);
}

function bitsOf(tok: Token): number {
  const id = tok.id;
  if (id < 0) return wordBits(tok.lower);
  let k = bitsById[id];
  if (k === 0) bitsById[id] = k = wordBits(tok.lower);
  return k;
}

/** A past tense or participle: "-ed" (not "need", "hundred") or an irregular form. */
function isPast(tok: Token, prev: Token | undefined): boolean {
  const bits = bitsOf(tok);
  if (bits & IRREGULAR_BIT) return true;
  if (!(bits & ED_BIT) || tok.cap) return false;
  // After a determiner or an -ly adverb it modifies a noun ("the planned line", "a newly elected mayor").
  if (prev && (DEFINITE.has(prev.lower) || prev.lower === 'a' || prev.lower === 'an' || prev.lower.endsWith('ly'))) return false;
  return true;
}

/** Words after a present-tense verb in "-s" that show it is one: a place, time or object follows ("starts at nine"). */
const PLACE_OR_OBJECT = wordSet('facts.PLACE_OR_OBJECT', ['at', 'in', 'on', 'from', 'to', 'into', 'along', 'across', 'through', 'near', 'below', 'above', 'under', 'over', 'around', 'past', 'behind', 'beside', 'between', 'towards', 'toward', 'until', 'after', 'before', 'during', 'the', 'a', 'an', 'no', 'its', 'their']);

/** A present tense in "-s" ("starts", "crosses"), not a possessive, "-ss" or "-us" word. */
function isPresentS(tok: Token): boolean {
  const w = tok.lower;
  const n = w.length;
  if (n < 4 || tok.cap || tok.digit || w.charCodeAt(n - 1) !== 115) return false;
  const b = w.charCodeAt(n - 2);
  return b !== 115 && b !== 117 && b !== 39 && b !== 105;
}

/** Is there a comma, colon, semicolon or dash between tokens a and b? */
function punctuationBetween(text: string, a: Token, b: Token): boolean {
  for (let k = a.end; k < b.start; k++) {
    const c = text.charCodeAt(k);
    if (c === 44 || c === 58 || c === 59 || c === 0x2014 || c === 0x2013) return true;
  }
  return false;
}

/** The fact statement of a sentence, if it has that shape. */
export function factStatement(text: string, s: Sentence): FactMatch | undefined {
  const t = s.tokens;
  const n = t.length;
  if (n < 3 || s.question || s.exclamation) return undefined;
  const f = subjectStart(text, t);
  if (f < 0 || f + 2 >= n) return undefined;
  const first = t[f];
  if (s.quotes.length && first.start >= s.quotes[0].start && first.start < s.quotes[0].end) return undefined;
  const existence = first.lower === 'there' && BE.has(t[f + 1].lower);
  const indefinite = first.lower === 'a' || first.lower === 'an';
  const named = first.cap && !NOT_SUBJECT.has(first.lower) && !DEFINITE.has(first.lower) && !first.digit;
  if (!existence && !DEFINITE.has(first.lower) && !first.lower.endsWith("'s") && !named && !indefinite) return undefined;
  // Every word is read for a wish, duty, guess or the writer's voice only once the subject qualifies (most
  // sentences fail that first).
  for (let k = 0; k < n; k++) if (bitsOf(t[k]) & NOT_FACTUAL_BIT) return undefined;
  if (existence) return { rule: 'claim.fact-existence', start: first.start, end: t[f + 2].end };
  // The verb: the first auxiliary or past form within the next eight words, with no clause or comma before it.
  const last = Math.min(n - 1, f + 8);
  for (let v = f + 1; v <= last; v++) {
    const tok = t[v];
    const w = tok.lower;
    const bits = bitsOf(tok);
    if (punctuationBetween(text, t[v - 1], tok) || bits & CLAUSE_BIT) return undefined;
    if (bits & BE_BIT) return afterBe(t, v, v + 1, first);
    if (bits & HAVE_BIT) {
      let j = v + 1;
      while (j < n && SKIPPED.has(t[j].lower)) j++;
      if (j >= n) return undefined;
      if (t[j].lower === 'been') return afterBe(t, v, j + 1, first);
      if (isPast(t[j], undefined) || PARTICIPLE.has(t[j].lower)) return match('claim.fact-event', first, t[j]);
      if (t[j].lower === 'no' || t[j].lower === 'the' || t[j].lower === 'a' || t[j].lower === 'an') return match('claim.fact-state', first, t[j]);
      return undefined;
    }
    if (bits & DO_NOT_BIT) {
      const j = w.endsWith("n't") ? v + 1 : v + 2;
      if (!w.endsWith("n't") && (v + 1 >= n || t[v + 1].lower !== 'not')) return undefined;
      return j < n ? match('claim.fact-event', first, t[j]) : undefined;
    }
    if (isPast(tok, t[v - 1])) return match('claim.fact-event', first, tok);
    if (v + 1 < n && isPresentS(tok) && PLACE_OR_OBJECT.has(t[v + 1].lower)) return match('claim.fact-state', first, tok);
  }
  return undefined;
}

/** Prepositions that open a fronted place or time ("Above 1,800 metres the rain turns to snow"). */
const FRONT = wordSet('facts.FRONT', ['in', 'on', 'at', 'above', 'below', 'after', 'before', 'during', 'since', 'near', 'along', 'across', 'beyond', 'inside', 'outside']);
/** Adverbs of place or time that are a fronted phrase by themselves ("Downstream the land is flat"). */
const FRONT_ADVERB = wordSet('facts.FRONT_ADVERB', ['downstream', 'upstream', 'overnight', 'inland', 'offshore', 'nearby', 'today', 'yesterday', 'meanwhile']);

/**
 * Where the subject starts: 0, or after a fronted place or time: after its comma, or at the first "the" or "there"
 * that follows a word other than a preposition or determiner (the phrase is complete). -1: none found.
 */
function subjectStart(text: string, t: Token[]): number {
  if (FRONT_ADVERB.has(t[0].lower)) return punctuationBetween(text, t[0], t[1]) || DEFINITE.has(t[1].lower) || t[1].lower === 'there' ? 1 : -1;
  if (!FRONT.has(t[0].lower)) return 0;
  const last = Math.min(t.length - 3, 7);
  for (let k = 1; k <= last; k++) {
    if (punctuationBetween(text, t[k - 1], t[k])) return k;
    const w = t[k].lower;
    if ((w === 'the' || w === 'there') && !FRONT.has(t[k - 1].lower) && !PLACE_OR_OBJECT.has(t[k - 1].lower) && !DEFINITE.has(t[k - 1].lower)) return k;
  }
  return -1;
}

/** After a copula at v (its complement from j): a passive event, a state, or nothing (a noun phrase or a clause). */
function afterBe(t: Token[], v: number, j: number, first: Token): FactMatch | undefined {
  while (j < t.length && SKIPPED.has(t[j].lower)) j++;
  if (j >= t.length) return undefined;
  const next = t[j];
  if (NOMINAL.has(next.lower)) return undefined;
  if (isPast(next, undefined)) return match('claim.fact-event', first, next);
  return match('claim.fact-state', first, next.start > t[v].end ? next : t[v]);
}

function match(rule: FactRule, first: Token, last: Token): FactMatch {
  return { rule, start: first.start, end: last.end };
}
