// Claims: check-worthy statements of fact. Each sentence gets a claim score from a hand-weighted logistic
// combination of cues (numbers, money, percentages, dates, named actors doing things, superlatives and
// firsts, comparisons, changes, causal links, official acts, reported statements), minus signs that the
// sentence is not a checkable statement (questions, normative modals, first-person opinion, hedges).
import { inside, Match, Sentence, Token } from './analyze';
import { factStatement } from './factStatements';
import { INTERN_SIZE } from './text';
import { wordSet } from './wordLists';

export interface Cue {
  /** Rule id, e.g. claim.number. */
  rule: string;
  /** Contribution to the logit. */
  weight: number;
  /** What matched is text[start, end) (sliced only for the explanation). */
  term?: string;
  start: number;
  end: number;
}

export interface ClaimScore {
  score: number;
  cues: Cue[];
  /** The logit behind score. */
  logit: number;
  /** What a fact-statement cue added to the logit (0 without one): settleFact takes it back in opinion-leaning sentences. */
  fact: number;
}

const MONTHS = wordSet('claims.MONTHS', ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);
const WEEKDAYS = wordSet('claims.WEEKDAYS', ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
const NUMBER_WORDS = wordSet('claims.NUMBER_WORDS', ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'dozen', 'dozens', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety', 'hundred', 'hundreds', 'thousand', 'thousands', 'million', 'millions', 'billion', 'billions', 'trillion', 'half', 'quarter', 'third', 'two-thirds', 'one-third', 'three-quarters', 'twice', 'percent', 'century', 'centuries', 'decade', 'decades']);
const SCALE_WORDS = wordSet('claims.SCALE_WORDS', ['million', 'billion', 'trillion', 'thousand', 'hundred', 'bn', 'm', 'k']);
const MONEY_WORDS = wordSet('claims.MONEY_WORDS', ['dollars', 'dollar', 'euros', 'euro', 'pounds', 'pound', 'yen', 'yuan', 'rupees', 'francs', 'cents', 'usd', 'eur', 'gbp']);
const PERCENT_WORDS = wordSet('claims.PERCENT_WORDS', ['percent', 'percentage', 'per']);
const DURATION_WORDS = wordSet('claims.DURATION_WORDS', ['years', 'year', 'months', 'month', 'weeks', 'week', 'days', 'day', 'hours', 'hour', 'decades', 'decade', 'minutes']);
/** A number right after these is a label, not a quantity: "Chapter 3", "No. 7", "Route 66". */
const LABELS = wordSet('claims.LABELS', ['chapter', 'section', 'page', 'pages', 'article', 'figure', 'fig', 'no', 'nos', 'route', 'room', 'episode', 'season', 'part', 'verse', 'step', 'item', 'paragraph', 'line', 'table', 'appendix', 'version', 'v', 'highway', 'interstate', 'gate', 'flight', 'platform', 'apartment', 'suite', 'box', 'bill', 'amendment', 'covid-19', 'windows', 'iphone', 'level', 'phase', 'stage', 'grade', 'ward', 'district', 'precinct', 'channel', 'track', 'vol', 'pp', 'p', 'ch', 'art', 'sec']);
const NOT_SUPERLATIVE = wordSet('claims.NOT_SUPERLATIVE', ['interest', 'honest', 'forest', 'suggest', 'protest', 'test', 'west', 'rest', 'request', 'arrest', 'guest', 'latest', 'modest', 'contest', 'harvest', 'manifest', 'invest', 'digest', 'chest', 'nest', 'quest', 'pest', 'vest', 'crest', 'earnest', 'conquest', 'inquest', 'behest', 'midwest', 'southwest', 'northwest', 'unrest', 'priest', 'detest', 'attest', 'infest', 'divest', 'fest', 'zest', 'best', 'worst', 'lest', 'est', 'nearest', 'biggest', 'dearest', 'alongside', 'amidst', 'amongst', 'whilst', 'midst', 'against']);
const FIRST_NOT_CLAIM = [['at', 'first'], ['first', 'of', 'all'], ['first', 'and', 'foremost'], ['first', 'glance'], ['first', 'sight'], ['first', 'place'], ['first', 'things'], ['first', 'hand'], ['first', 'step']];
/** Sentence-initial capitalised words that are not names. */
const NOT_NAMES = wordSet('claims.NOT_NAMES', ['i', 'i\'m', 'i\'ve', 'i\'d', 'i\'ll', 'the', 'a', 'an', 'but', 'and', 'or', 'so', 'yet', 'this', 'that', 'these', 'those', 'it', 'he', 'she', 'they', 'we', 'you', 'in', 'on', 'at', 'for', 'if', 'when', 'while', 'as', 'after', 'before', 'since', 'there', 'here', 'what', 'why', 'how', 'who', 'many', 'some', 'most', 'all', 'no', 'not', 'now', 'then', 'still', 'however', 'meanwhile', 'today', 'yesterday', 'last', 'next', 'one', 'our', 'their', 'his', 'her', 'its', 'my', 'your', 'by', 'with', 'from', 'to', 'of', 'instead', 'even', 'also', 'such', 'both', 'each', 'every', 'only', 'just', 'perhaps', 'maybe', 'according', 'despite', 'although', 'though', 'because', 'unlike', 'like', 'under', 'over', 'during', 'among', 'between', 'mr', 'mrs', 'ms', 'dr', 'yes', 'well', 'indeed', 'more', 'less', 'few', 'several', 'other', 'another']);

function cue(rule: string, weight: number, a: Token, b: Token = a): Cue {
  return newCue(rule, weight, undefined, a.start, b.end);
}

function newCue(rule: string, weight: number, term: string | undefined, start: number, end: number): Cue {
  return { rule, weight, term, start, end };
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** $ € £ ¥ */
function isCurrency(c: number): boolean {
  return c === 36 || c === 0x20ac || c === 0xa3 || c === 0xa5;
}

/** A year 1800–2099 written as four digits. */
function isYear(w: string): boolean {
  if (w.length !== 4 || !isDigitCode(w.charCodeAt(2)) || !isDigitCode(w.charCodeAt(3))) return false;
  const a = w.charCodeAt(0);
  const b = w.charCodeAt(1);
  return (a === 49 && (b === 56 || b === 57)) || (a === 50 && b === 48);
}

/** Is token i a number used as a list marker at the very start of the sentence ("1." / "2)")? */
function isListMarker(text: string, s: Sentence, i: number): boolean {
  if (i !== 0) return false;
  const t = s.tokens[0];
  const after = text.charCodeAt(t.end);
  return isShortNumber(t.lower) && (after === 46 || after === 41);
}

// Char-code versions of the regex tests numberCues ran per number token (claims.test.ts checks them against
// the regexes on generated words).

function isLowerAscii(c: number): boolean {
  return c >= 97 && c <= 122;
}

/** /^\d{1,2}$/ */
export function isShortNumber(w: string): boolean {
  return (w.length === 1 || w.length === 2) && isDigitCode(w.charCodeAt(0)) && (w.length === 1 || isDigitCode(w.charCodeAt(1)));
}

/** /^[a-z]{0,2}\d/: a digit after at most two letters ("g7", "covid19" is not). */
export function isDigitAfterShortPrefix(w: string): boolean {
  for (let k = 0; k < 3; k++) {
    const c = w.charCodeAt(k);
    if (isDigitCode(c)) return true;
    if (!isLowerAscii(c)) return false;
  }
  return false;
}

/** /^\d{1,2}[:.]\d\d$/: a clock time ("9:30", "10.45"). */
export function isClockTime(w: string): boolean {
  const n = w.length;
  if (n !== 4 && n !== 5) return false;
  const sep = w.charCodeAt(n - 3);
  return (sep === 58 || sep === 46) && isDigitCode(w.charCodeAt(0)) && (n === 4 || isDigitCode(w.charCodeAt(1))) && isDigitCode(w.charCodeAt(n - 2)) && isDigitCode(w.charCodeAt(n - 1));
}

/** /^[ap]\.?m$/: "am", "pm", "a.m", "p.m". */
export function isAmPm(w: string): boolean {
  const n = w.length;
  if (n !== 2 && n !== 3) return false;
  const a = w.charCodeAt(0);
  return (a === 97 || a === 112) && w.charCodeAt(n - 1) === 109 && (n === 2 || w.charCodeAt(1) === 46);
}

/** Periods that a time anchor turns into a date: "last week", "this year". */
const PERIODS = wordSet('claims.PERIODS', ['week', 'month', 'year', 'weekend', 'spring', 'summer', 'autumn', 'fall', 'winter', 'quarter', 'morning', 'afternoon', 'evening', 'night']);
const ANCHORS = wordSet('claims.ANCHORS', ['last', 'next', 'this', 'earlier', 'later', 'late', 'early', 'mid', 'since', 'until', 'yesterday', 'tomorrow']);
const MONTH_PREPOSITIONS = wordSet('claims.MONTH_PREPOSITIONS', ['in', 'since', 'until', 'by', 'from', 'through', 'during', 'of', 'before', 'after']);

/** Words the non-digit branches of numberCues look at (one look-up rules most words out). */
const DATE_OR_NUMBER_WORDS = new Set([...NUMBER_WORDS, ...WEEKDAYS, ...MONTHS, ...PERIODS]);
/**
 * The word sets that the claim cues test on every word (most words are in none), as bits by interned word id (Token.id): one
 * array read instead of a Set look-up per word. 0: not looked up yet.
 */
const DATE_OR_NUMBER_BIT = 1;
const OFFICE_BIT = 2;
const NOT_NAME_BIT = 4;
/** An "-est" word of six letters or more that may be a superlative (not "interest", "protest"…): see superlativeSuffix. */
const EST_BIT = 8;
const KNOWN_BIT = 128;
const wordBitsById = new Uint8Array(INTERN_SIZE);

function wordBits(lower: string): number {
  return KNOWN_BIT | (DATE_OR_NUMBER_WORDS.has(lower) ? DATE_OR_NUMBER_BIT : 0) | (OFFICES.has(lower) ? OFFICE_BIT : 0) | (NOT_NAMES.has(lower) ? NOT_NAME_BIT : 0)
    | (mayBeSuperlative(lower) ? EST_BIT : 0);
}

function mayBeSuperlative(w: string): boolean {
  const n = w.length;
  return n >= 6 && w.charCodeAt(n - 1) === 116 && w.charCodeAt(n - 2) === 115 && w.charCodeAt(n - 3) === 101 && !NOT_SUPERLATIVE.has(w);
}

function bitsOf(tok: Token): number {
  const id = tok.id;
  if (id < 0) return wordBits(tok.lower);
  let k = wordBitsById[id];
  if (k === 0) wordBitsById[id] = k = wordBits(tok.lower);
  return k;
}

export function numberCues(text: string, s: Sentence, out: Cue[] = []): Cue[] {
  const t = s.tokens;
  for (let i = 0; i < t.length; i++) {
    const tok = t[i];
    const prev = i > 0 ? t[i - 1] : undefined;
    const next = i + 1 < t.length ? t[i + 1] : undefined;
    if (tok.digit) {
      if (isListMarker(text, s, i)) continue;
      if (prev && LABELS.has(prev.lower)) continue;
      if (!isDigitCode(tok.lower.charCodeAt(0)) && !isDigitAfterShortPrefix(tok.lower)) continue; // "covid-19", "g7" are names
      const currency = tok.start - 1 >= s.start && isCurrency(text.charCodeAt(tok.start - 1));
      const percentSign = text.charCodeAt(tok.end) === 37;
      if (percentSign || (next && PERCENT_WORDS.has(next.lower))) out.push(cue('claim.percentage', 1.6, tok, next && !percentSign ? next : tok));
      else if (currency || (next && MONEY_WORDS.has(next.lower))) out.push(cue('claim.money', 1.6, tok, next && (MONEY_WORDS.has(next.lower) || SCALE_WORDS.has(next.lower)) ? next : tok));
      else if (isYear(tok.lower) || (prev && MONTHS.has(prev.lower)) || (next && MONTHS.has(next.lower))) out.push(cue('claim.date', 0.9, prev && MONTHS.has(prev.lower) ? prev : tok, tok));
      else if (isClockTime(tok.lower) || (next && isAmPm(next.lower))) out.push(cue('claim.date', 0.6, tok));
      else out.push(cue('claim.number', next && DURATION_WORDS.has(next.lower) ? 1.3 : 1.4, tok, next && (SCALE_WORDS.has(next.lower) || DURATION_WORDS.has(next.lower)) ? next : tok));
    } else if (!(bitsOf(tok) & DATE_OR_NUMBER_BIT)) {
      continue;
    } else if (NUMBER_WORDS.has(tok.lower)) {
      if (tok.lower === 'half' && next && next.lower === 'of' && i === 0) continue;
      if (tok.lower === 'third' && prev && prev.lower === 'a' && next && next.lower === 'party') continue;
      out.push(cue('claim.number', 1.0, tok, next && (SCALE_WORDS.has(next.lower) || DURATION_WORDS.has(next.lower)) ? next : tok));
    } else if (PERIODS.has(tok.lower)) {
      // Time anchors: "last week", "earlier this year", "next month".
      if (prev && ANCHORS.has(prev.lower)) out.push(cue('claim.date', 0.7, prev, tok));
    } else if (WEEKDAYS.has(tok.lower) || (MONTHS.has(tok.lower) && tok.cap && tok.lower !== 'may' && tok.lower !== 'march')) {
      // "on Tuesday", "last March": the anchor word is part of the date.
      out.push(cue('claim.date', prev && (ANCHORS.has(prev.lower) || prev.lower === 'on') ? 0.9 : 0.7, prev && ANCHORS.has(prev.lower) ? prev : tok, tok));
    } else if (MONTHS.has(tok.lower) && tok.cap && prev && (ANCHORS.has(prev.lower) || MONTH_PREPOSITIONS.has(prev.lower))) {
      // "May" and "March" only where they can only be months: "last March", "in May".
      out.push(cue('claim.date', 0.9, ANCHORS.has(prev.lower) ? prev : tok, tok));
    }
  }
  return out;
}

/** Runs of capitalised words that name an actor; returns how many (the first is pushed to out). */
function nameCues(s: Sentence, out: Cue[]): number {
  const t = s.tokens;
  let count = 0;
  for (let i = 0; i < t.length; i++) {
    const tok = t[i];
    if (!tok.cap || tok.digit) continue;
    // The first word after a list marker ("1. The first item") is sentence-initial too.
    const initial = i === 0 || (i === 1 && t[0].digit && isShortNumber(t[0].lower));
    if (initial || inside(s.quotes, tok.start)) {
      if (bitsOf(tok) & NOT_NAME_BIT) continue;
      if (initial && !(t.length > i + 1 && t[i + 1].cap)) continue;
    }
    if (tok.lower === 'i' || (i === 0 && bitsOf(tok) & NOT_NAME_BIT)) continue;
    let e = i;
    while (e + 1 < t.length && t[e + 1].cap && !t[e + 1].digit) e++;
    if (count === 0) out.push(newCue('claim.named-actor', 0.8, undefined, tok.start, t[e].end));
    count++;
    i = e;
  }
  if (count > 1) out[out.length - 1].weight = 1.0;
  if (count === 0) {
    // No name: an office or organisation still makes an actor ("the ministry signed", "the government appointed").
    for (let i = 0; i < t.length; i++) {
      if (bitsOf(t[i]) & OFFICE_BIT && !inside(s.quotes, t[i].start)) {
        out.push(newCue('claim.named-actor', 0.5, undefined, t[i].start, t[i].end));
        return 1;
      }
    }
  }
  return count;
}

/** Offices and organisations named without a proper name. */
const OFFICES = wordSet('claims.OFFICES', [
  'government', 'governments', 'ministry', 'minister', 'ministers', 'president', 'premier', 'parliament', 'council',
  'court', 'committee', 'commission', 'agency', 'embassy', 'ambassador', 'cabinet', 'senate', 'congress', 'authorities',
  'police', 'army', 'military', 'mayor', 'governor', 'delegation', 'delegations', 'leaders', 'central', 'bank', 'company',
  'union', 'regulator', 'prosecutors', 'judge', 'secretary-general', 'chancellor', 'legislature', 'assembly',
]);

const LEX_WEIGHTS: Record<string, number> = {
  'claim.superlative': 1.4,
  'claim.comparison': 0.9,
  'claim.change': 1.0,
  'claim.causal': 0.7,
  'claim.official-act': 1.0,
  'claim.event': 0.9,
  'claim.custom': 1.5,
};

/** lexMatched[0, lexMatchedCount): first token indices of the claim-lexicon matches of the sentence being scored. */
function superlativeSuffix(s: Sentence, lexMatched: number[], lexMatchedCount: number, out: Cue[]): void {
  const t = s.tokens;
  for (let i = 1; i < t.length; i++) {
    // (a bit by word id: this runs for every word)
    if (!(bitsOf(t[i]) & EST_BIT) || t[i].cap) continue;
    const w = t[i].lower;
    let matched = false;
    for (let k = 0; k < lexMatchedCount && !matched; k++) matched = lexMatched[k] === i;
    if (matched) continue;
    const p = t[i - 1].lower;
    if (p === 'the' || p === 'its' || p === 'their' || p === 'his' || p === 'her' || p.endsWith("'s")) {
      out.push(newCue('claim.superlative', 1.0, w, t[i].start, t[i].end));
    }
  }
}

/** Is the match of "first" part of a phrase where it claims nothing ("at first", "first of all")? */
function idiomaticFirst(t: Token[], m: Match): boolean {
  for (const p of FIRST_NOT_CLAIM) {
    const at = m.first - p.indexOf('first');
    let ok = at >= 0 && at + p.length <= t.length;
    for (let k = 0; ok && k < p.length; k++) ok = t[at + k].lower === p[k];
    if (ok) return true;
  }
  return false;
}

const RULE_ORDER = ['claim.percentage', 'claim.money', 'claim.number', 'claim.date', 'claim.named-actor', 'claim.superlative', 'claim.comparison', 'claim.change', 'claim.causal', 'claim.official-act', 'claim.event', 'claim.custom', 'claim.fact-state', 'claim.fact-event', 'claim.fact-existence'];

/**
 * A statement of fact without numbers (factStatements.ts): its cue weighs less than any other (so any other cue stays
 * the top rule and comes first in the explanation), and the shape adds FACT_SHAPE, so that the shape alone reaches
 * 0.5 (logit -1.9 + 2.0).
 */
const FACT_WEIGHT = 0.4;
const FACT_SHAPE = 1.6;
/** At or above this sentence opinion score a fact-shaped sentence is taken to judge ("The plan is reckless"). */
export const FACT_OPINION_GATE = 0.5;

/** Stable sort by weight, heaviest first (insertion sort: a sentence has a handful of cues). */
function sortByWeight(cues: Cue[]): void {
  for (let i = 1; i < cues.length; i++) {
    const c = cues[i];
    let j = i - 1;
    while (j >= 0 && cues[j].weight < c.weight) {
      cues[j + 1] = cues[j];
      j--;
    }
    cues[j + 1] = c;
  }
}
const seenScratch = new Uint8Array(RULE_ORDER.length);
/** RULE_ORDER.indexOf and LEX_WEIGHTS[…] as Maps (a keyed look-up with ever-changing keys was slow). */
const RULE_INDEX = new Map(RULE_ORDER.map((r, i) => [r, i]));
const LEX_WEIGHT = new Map(Object.entries(LEX_WEIGHTS));
const lexMatchedScratch: number[] = [];

/** Claim cues and score of one sentence. hasAttribution comes from the attribution detector. */
export function scoreClaim(text: string, s: Sentence, hasAttribution: boolean): ClaimScore {
  return scoreCues(text, s, s.tokens, [], hasAttribution);
}

function scoreCues(text: string, s: Sentence, t: Token[], cues: Cue[], hasAttribution: boolean): ClaimScore {
  numberCues(text, s, cues);
  let lexMatchedCount = 0;
  let hedges = 0;
  let modal = 0;
  let firstPerson = 0;
  for (let mi = 0; mi < s.matches.length; mi++) {
    const m = s.matches[mi];
    const cat = m.entry.category;
    const w = LEX_WEIGHT.get(cat);
    if (w !== undefined) {
      if (m.entry.term === 'first' && idiomaticFirst(t, m)) continue;
      lexMatchedScratch[lexMatchedCount++] = m.first;
      cues.push(newCue(cat, w * (0.5 + m.entry.weight), m.entry.term, m.start, m.end));
    } else if (cat === 'opinion.hedge' || cat === 'opinion.weasel') hedges++;
    else if (cat === 'opinion.modal') modal++;
    else if (cat === 'opinion.first-person') firstPerson++;
  }
  superlativeSuffix(s, lexMatchedScratch, lexMatchedCount, cues);
  nameCues(s, cues);
  const fact = factStatement(text, s);
  if (fact) cues.push(newCue(fact.rule, FACT_WEIGHT, undefined, fact.start, fact.end));
  sortByWeight(cues);
  // Several cues of the same rule add with diminishing returns.
  const seen = seenScratch;
  for (let k = 0; k < seen.length; k++) seen[k] = 0; // (a loop: fill() on 11 bytes cost more than the scoring)
  let rules = 0;
  let logit = -1.9;
  for (let ci = 0; ci < cues.length; ci++) {
    const c = cues[ci];
    const n = seen[RULE_INDEX.get(c.rule) ?? -1]++;
    // (a fact cue is not counted among the rules: settleFact can then take back exactly what it added)
    if (n === 0 && !(fact && c.rule === fact.rule)) rules++;
    logit += c.weight / (1 + n);
  }
  let factLogit = fact ? FACT_WEIGHT + FACT_SHAPE : 0;
  logit += fact ? FACT_SHAPE : 0;
  // A reported statement (the attribution detector found a cue) is one more rule.
  if (hasAttribution) {
    rules++;
    logit += 1.3;
  }
  if (rules >= 3) logit += 0.3;
  if (s.question) logit -= 2.5;
  logit -= 0.6 * Math.min(hedges, 2) + 0.9 * Math.min(modal, 2) + 1.2 * Math.min(firstPerson, 1);
  if (t.length < 5) {
    let quantity = false;
    for (let ci = 0; ci < cues.length; ci++) {
      const rule = cues[ci].rule;
      if (rule === 'claim.number' || rule === 'claim.percentage' || rule === 'claim.money') quantity = true;
    }
    // A short statement of fact ("The invitation was accepted.") is not cut short.
    if (!quantity && fact) factLogit += 1.0;
    else if (!quantity) logit -= 1.0;
  }
  if (t.length > 0 && (t[0].lower === 'if' || t[0].lower === 'imagine')) logit -= 0.8;
  return { score: sigmoid(logit), cues, logit, fact: factLogit };
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/**
 * Takes a fact-statement cue back when the sentence leans to opinion (its opinion score, which does not read fact
 * cues, is at or above FACT_OPINION_GATE): "The plan is reckless" has the shape of a fact but judges.
 */
export function settleFact(claim: ClaimScore, opinionScore: number): void {
  if (claim.fact === 0 || opinionScore < FACT_OPINION_GATE) return;
  const cues = claim.cues;
  let k = 0;
  for (let i = 0; i < cues.length; i++) if (!cues[i].rule.startsWith('claim.fact-')) cues[k++] = cues[i];
  cues.length = k;
  claim.logit -= claim.fact;
  claim.fact = 0;
  claim.score = sigmoid(claim.logit);
}
