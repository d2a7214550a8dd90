// Claims: check-worthy statements of fact. Each sentence gets a claim score from a hand-weighted logistic
// combination of cues (numbers, money, percentages, dates, named actors doing things, superlatives and
// firsts, comparisons, changes, causal links, official acts, reported statements), minus signs that the
// sentence is not a checkable statement (questions, normative modals, first-person opinion, hedges).
import { inside, Match, Sentence, Token } from './analyze';

export interface Cue {
  /** Rule id, e.g. claim.number. */
  rule: string;
  /** Contribution to the logit. */
  weight: number;
  /** What matched, for the explanation. */
  text: string;
  term?: string;
  start: number;
  end: number;
}

export interface ClaimScore {
  score: number;
  cues: Cue[];
}

const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);
const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
const NUMBER_WORDS = new Set(['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'dozen', 'dozens', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety', 'hundred', 'hundreds', 'thousand', 'thousands', 'million', 'millions', 'billion', 'billions', 'trillion', 'half', 'quarter', 'third', 'two-thirds', 'one-third', 'three-quarters', 'twice', 'percent', 'century', 'centuries', 'decade', 'decades']);
const SCALE_WORDS = new Set(['million', 'billion', 'trillion', 'thousand', 'hundred', 'bn', 'm', 'k']);
const MONEY_WORDS = new Set(['dollars', 'dollar', 'euros', 'euro', 'pounds', 'pound', 'yen', 'yuan', 'rupees', 'francs', 'cents', 'usd', 'eur', 'gbp']);
const PERCENT_WORDS = new Set(['percent', 'percentage', 'per']);
const DURATION_WORDS = new Set(['years', 'year', 'months', 'month', 'weeks', 'week', 'days', 'day', 'hours', 'hour', 'decades', 'decade', 'minutes']);
/** A number right after these is a label, not a quantity: "Chapter 3", "No. 7", "Route 66". */
const LABELS = new Set(['chapter', 'section', 'page', 'pages', 'article', 'figure', 'fig', 'no', 'nos', 'route', 'room', 'episode', 'season', 'part', 'verse', 'step', 'item', 'paragraph', 'line', 'table', 'appendix', 'version', 'v', 'highway', 'interstate', 'gate', 'flight', 'platform', 'apartment', 'suite', 'box', 'bill', 'amendment', 'covid-19', 'windows', 'iphone', 'level', 'phase', 'stage', 'grade', 'ward', 'district', 'precinct', 'channel', 'track', 'vol', 'pp', 'p', 'ch', 'art', 'sec']);
const NOT_SUPERLATIVE = new Set(['interest', 'honest', 'forest', 'suggest', 'protest', 'test', 'west', 'rest', 'request', 'arrest', 'guest', 'latest', 'modest', 'contest', 'harvest', 'manifest', 'invest', 'digest', 'chest', 'nest', 'quest', 'pest', 'vest', 'crest', 'earnest', 'conquest', 'inquest', 'behest', 'midwest', 'southwest', 'northwest', 'unrest', 'priest', 'detest', 'attest', 'contest', 'infest', 'divest', 'protest', 'fest', 'zest', 'best', 'worst', 'lest', 'est', 'nearest', 'biggest', 'dearest', 'interest', 'forest', 'honest', 'alongside', 'amidst', 'amongst', 'whilst', 'midst', 'against']);
const FIRST_NOT_CLAIM = [['at', 'first'], ['first', 'of', 'all'], ['first', 'and', 'foremost'], ['first', 'glance'], ['first', 'sight'], ['first', 'place'], ['first', 'things'], ['first', 'hand'], ['first', 'step']];
/** Sentence-initial capitalised words that are not names. */
const NOT_NAMES = new Set(['i', 'i\'m', 'i\'ve', 'i\'d', 'i\'ll', 'the', 'a', 'an', 'but', 'and', 'or', 'so', 'yet', 'this', 'that', 'these', 'those', 'it', 'he', 'she', 'they', 'we', 'you', 'in', 'on', 'at', 'for', 'if', 'when', 'while', 'as', 'after', 'before', 'since', 'there', 'here', 'what', 'why', 'how', 'who', 'many', 'some', 'most', 'all', 'no', 'not', 'now', 'then', 'still', 'however', 'meanwhile', 'today', 'yesterday', 'last', 'next', 'one', 'our', 'their', 'his', 'her', 'its', 'my', 'your', 'by', 'with', 'from', 'to', 'of', 'instead', 'even', 'also', 'such', 'both', 'each', 'every', 'only', 'just', 'perhaps', 'maybe', 'according', 'despite', 'although', 'though', 'because', 'unlike', 'like', 'under', 'over', 'during', 'among', 'between', 'mr', 'mrs', 'ms', 'dr', 'yes', 'well', 'indeed', 'of', 'more', 'less', 'few', 'several', 'other', 'another']);

function cue(rule: string, weight: number, text: string, a: Token, b: Token = a, term?: string): Cue {
  return { rule, weight, text: text.slice(a.start, b.end), term, start: a.start, end: b.end };
}

/** Is token i a number used as a list marker at the very start of the sentence ("1." / "2)")? */
function isListMarker(text: string, s: Sentence, i: number): boolean {
  if (i !== 0) return false;
  const t = s.tokens[0];
  return /^\d{1,2}$/.test(t.lower) && /^[.)]/.test(text.slice(t.end, t.end + 1));
}

export function numberCues(text: string, s: Sentence): Cue[] {
  const out: Cue[] = [];
  const t = s.tokens;
  for (let i = 0; i < t.length; i++) {
    const tok = t[i];
    const prev = i > 0 ? t[i - 1] : undefined;
    const next = i + 1 < t.length ? t[i + 1] : undefined;
    if (tok.digit) {
      if (isListMarker(text, s, i)) continue;
      if (prev && LABELS.has(prev.lower)) continue;
      if (!/\d/.test(tok.lower[0]) && !/^[a-z]{0,2}\d/.test(tok.lower)) continue; // "covid-19", "g7" are names
      const before = text.slice(Math.max(s.start, tok.start - 1), tok.start);
      const afterChar = text.slice(tok.end, tok.end + 1);
      if (afterChar === '%' || (next && PERCENT_WORDS.has(next.lower))) out.push(cue('claim.percentage', 1.6, text, tok, next && afterChar !== '%' ? next : tok));
      else if (/[$€£¥]/.test(before) || (next && MONEY_WORDS.has(next.lower)) || (next && SCALE_WORDS.has(next.lower) && /[$€£¥]/.test(before))) out.push(cue('claim.money', 1.6, text, tok, next && (MONEY_WORDS.has(next.lower) || SCALE_WORDS.has(next.lower)) ? next : tok));
      else if (/^(1[89]|20)\d\d$/.test(tok.lower) || (prev && MONTHS.has(prev.lower)) || (next && MONTHS.has(next.lower))) out.push(cue('claim.date', 0.9, text, prev && MONTHS.has(prev.lower) ? prev : tok, tok));
      else if (/^\d{1,2}[:.]\d\d$/.test(tok.lower) || (next && /^[ap]\.?m$/.test(next.lower))) out.push(cue('claim.date', 0.6, text, tok));
      else out.push(cue('claim.number', next && DURATION_WORDS.has(next.lower) ? 1.3 : 1.4, text, tok, next && (SCALE_WORDS.has(next.lower) || DURATION_WORDS.has(next.lower)) ? next : tok));
    } else if (NUMBER_WORDS.has(tok.lower)) {
      if (tok.lower === 'half' && next && next.lower === 'of' && i === 0) continue;
      if (tok.lower === 'third' && prev && prev.lower === 'a' && next && next.lower === 'party') continue;
      out.push(cue('claim.number', 1.0, text, tok, next && (SCALE_WORDS.has(next.lower) || DURATION_WORDS.has(next.lower)) ? next : tok));
    } else if (WEEKDAYS.has(tok.lower) || (MONTHS.has(tok.lower) && tok.cap && tok.lower !== 'may' && tok.lower !== 'march')) {
      out.push(cue('claim.date', 0.7, text, tok));
    }
  }
  return out;
}

function nameCues(s: Sentence): Cue[] {
  const t = s.tokens;
  const out: Cue[] = [];
  for (let i = 0; i < t.length; i++) {
    const tok = t[i];
    if (!tok.cap || tok.digit) continue;
    if (i === 0 || inside(s.quotes, tok.start)) {
      if (NOT_NAMES.has(tok.lower)) continue;
      if (i === 0 && !(t.length > 1 && t[1].cap)) continue;
    }
    if (tok.lower === 'i' || NOT_NAMES.has(tok.lower) && i === 0) continue;
    let e = i;
    while (e + 1 < t.length && t[e + 1].cap && !t[e + 1].digit) e++;
    out.push({ rule: 'claim.named-actor', weight: 0.8, text: '', start: tok.start, end: t[e].end, term: undefined });
    i = e;
  }
  return out;
}

const LEX_WEIGHTS: Record<string, number> = {
  'claim.superlative': 1.4,
  'claim.comparison': 0.9,
  'claim.change': 1.0,
  'claim.causal': 0.7,
  'claim.official-act': 1.0,
  'claim.custom': 1.5,
};

function superlativeSuffix(s: Sentence, lexMatched: Set<number>): Cue[] {
  const out: Cue[] = [];
  const t = s.tokens;
  for (let i = 1; i < t.length; i++) {
    const w = t[i].lower;
    if (w.length < 6 || !w.endsWith('est') || NOT_SUPERLATIVE.has(w) || lexMatched.has(i) || t[i].cap) continue;
    const p = t[i - 1].lower;
    if (p === 'the' || p === 'its' || p === 'their' || p === 'his' || p === 'her' || p.endsWith("'s")) {
      out.push({ rule: 'claim.superlative', weight: 1.0, text: '', term: w, start: t[i].start, end: t[i].end });
    }
  }
  return out;
}

/** Claim cues and score of one sentence. opinionLogit and hasAttribution come from the other detectors. */
export function scoreClaim(text: string, s: Sentence, hasAttribution: boolean): ClaimScore {
  const t = s.tokens;
  const cues: Cue[] = [];
  cues.push(...numberCues(text, s));
  const lexMatched = new Set<number>();
  let hedges = 0;
  let modal = 0;
  let firstPerson = 0;
  for (const m of s.matches as Match[]) {
    const cat = m.entry.category;
    if (cat in LEX_WEIGHTS) {
      if (m.entry.term === 'first' && FIRST_NOT_CLAIM.some((p) => p.every((w, k) => t[m.first - p.indexOf('first') + k]?.lower === w))) continue;
      lexMatched.add(m.first);
      cues.push({ rule: cat, weight: LEX_WEIGHTS[cat] * (0.5 + m.entry.weight), text: text.slice(m.start, m.end), term: m.entry.term, start: m.start, end: m.end });
    } else if (cat === 'opinion.hedge' || cat === 'opinion.weasel') hedges++;
    else if (cat === 'opinion.modal') modal++;
    else if (cat === 'opinion.first-person') firstPerson++;
  }
  cues.push(...superlativeSuffix(s, lexMatched).map((c) => ({ ...c, text: text.slice(c.start, c.end) })));
  const names = nameCues(s).map((c) => ({ ...c, text: text.slice(c.start, c.end) }));
  if (names.length) cues.push({ ...names[0], weight: names.length > 1 ? 1.0 : 0.8 });
  if (hasAttribution) cues.push({ rule: 'claim.reported', weight: 1.3, text: '', start: s.start, end: s.start });
  // Several cues of the same rule add with diminishing returns.
  const byRule = new Map<string, number>();
  let logit = -1.9;
  for (const c of cues.sort((a, b) => b.weight - a.weight)) {
    const n = byRule.get(c.rule) ?? 0;
    byRule.set(c.rule, n + 1);
    logit += c.weight / (1 + n);
  }
  if (byRule.size >= 3) logit += 0.3;
  if (s.question) logit -= 2.5;
  logit -= 0.6 * Math.min(hedges, 2) + 0.9 * Math.min(modal, 2) + 1.2 * Math.min(firstPerson, 1);
  if (t.length < 5 && !cues.some((c) => c.rule === 'claim.number' || c.rule === 'claim.percentage' || c.rule === 'claim.money')) logit -= 1.0;
  if (t.length > 0 && (t[0].lower === 'if' || t[0].lower === 'imagine')) logit -= 0.8;
  return { score: 1 / (1 + Math.exp(-logit)), cues: cues.filter((c) => c.rule !== 'claim.reported') };
}
