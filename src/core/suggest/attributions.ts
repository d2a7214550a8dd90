// Attributions: reporting verbs ("said", "told", "argued"), "according to" and passive hearsay ("is said to"),
// extracted as source -> cue -> content spans where they can be found.
import { Match, Sentence, Token, tokenAt } from './analyze';
import { UNNAMED_SOURCES, WEAK_CUES } from './cueWords';
import { Span } from './text';
import { wordSet } from './wordLists';

export interface Attribution {
  start: number;
  end: number;
  rule: 'attribution.reporting-verb' | 'attribution.according-to' | 'attribution.passive' | 'attribution.custom' | 'attribution.quote';
  term: string;
  score: number;
  cue?: Span;
  source?: Span;
  content?: Span;
  unnamedSource: boolean;
}

const DETERMINERS = wordSet('attributions.DETERMINERS', ['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our', 'your', 'my', 'this', 'these', 'those', 'any', 'no', 'such', 'every', 'each', 'whose']);
/** Words that may sit between a source and its verb: "officials also said", "she has repeatedly argued". */
const BETWEEN = wordSet('attributions.BETWEEN', [
  'also', 'has', 'have', 'had', 'was', 'were', 'is', 'are', 'will', 'would', 'could', 'may', 'might', 'did', 'does',
  'do', 'again', 'later', 'previously', 'earlier', 'repeatedly', 'publicly', 'privately', 'recently', 'once', 'then',
  'reportedly', 'allegedly', 'separately', 'further', 'first', 'often', 'frequently', 'long', 'already', 'been',
  'flatly', 'firmly', 'angrily', 'quietly', 'bluntly', 'openly', 'explicitly', 'strongly', 'simply', 'just', 'still',
]);
const PRONOUNS = wordSet('attributions.PRONOUNS', ['he', 'she', 'they', 'it', 'we', 'i', 'you', 'who', 'one']);
/** Fixed expressions where a reporting verb reports nothing. */
const NOT_ATTRIBUTION: string[][] = [
  ['that', 'said'], ['having', 'said'], ['that', 'being', 'said'], ['easier', 'said'], ['said', 'and', 'done'],
  ['all', 'told'], ['truth', 'be', 'told'], ['needless', 'to', 'say'], ['to', 'say', 'nothing'], ['suffice', 'it', 'to', 'say'],
  ['so', 'to', 'say'], ['let\'s', 'say'], ['let', 'us', 'say'], ['i\'d', 'say'], ['i', 'would', 'say'], ['you', 'could', 'say'],
  ['one', 'could', 'say'], ['one', 'might', 'say'], ['goes', 'without', 'saying'], ['says', 'who'], ['to', 'say', 'the', 'least'],
  ['is', 'to', 'say'], ['declined', 'to', 'say'], ['refused', 'to', 'say'], ['would', 'not', 'say'], ['wouldn\'t', 'say'],
  ['i', 'believe'], ['we', 'believe'], ['i', 'said'], ['point', 'of'], ['points', 'of'], ['pointed', 'at'], ['state', 'of'],
  ['states', 'of'], ['added', 'to'], ['add', 'to'], ['adds', 'to'], ['tell', 'the', 'difference'], ['told', 'to'],
  ['say', 'in'], ['said', 'nothing'], ['say', 'nothing'], ['says', 'nothing'], ['said', 'little'], ['have', 'a', 'say'], ['has', 'a', 'say'], ['had', 'a', 'say'], ['the', 'final', 'say'], ['warned', 'off'],
];
/** Passive hearsay: "it is said", "he is believed to", "were reported to". */
const PASSIVE_AUX = wordSet('attributions.PASSIVE_AUX', ['is', 'are', 'was', 'were', 'been', 'be']);
const PASSIVE_VERBS = wordSet('attributions.PASSIVE_VERBS', ['said', 'reported', 'believed', 'thought', 'understood', 'rumoured', 'rumored', 'alleged', 'claimed', 'known', 'expected', 'feared']);

function phraseAt(tokens: Token[], i: number, phrase: string[], anchor: number): boolean {
  // phrase[anchor] sits at token i
  const s = i - anchor;
  if (s < 0 || s + phrase.length > tokens.length) return false;
  for (let k = 0; k < phrase.length; k++) if (tokens[s + k].lower !== phrase[k]) return false;
  return true;
}

/** NOT_ATTRIBUTION by word: the phrases holding it, with the word's position in each. */
const FIXED_BY_WORD = new Map<string, Array<[string[], number]>>();
for (const p of NOT_ATTRIBUTION) {
  p.forEach((w, a) => {
    let list = FIXED_BY_WORD.get(w);
    if (!list) FIXED_BY_WORD.set(w, (list = []));
    list.push([p, a]);
  });
}

function isFixedExpression(tokens: Token[], i: number): boolean {
  const list = FIXED_BY_WORD.get(tokens[i].lower);
  if (list === undefined) return false;
  for (let k = 0; k < list.length; k++) if (phraseAt(tokens, i, list[k][0], list[k][1])) return true;
  return false;
}

/** Any of these characters between offsets [a, b) of text? (b - a is a gap between words: a few characters.) */
function hasCharBetween(text: string, a: number, b: number, chars: string): boolean {
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    // Letters, digits and spaces are in none of our sets.
    if (c === 32 || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) continue;
    if (chars.includes(text[i])) return true;
  }
  return false;
}

const CLAUSE_BREAK = ',;:()“”"—–';
const CLAUSE_BREAK_DOT = CLAUSE_BREAK + '.';
const CLAUSE_WORDS = wordSet('attributions.CLAUSE_WORDS', ['that', 'and', 'but', 'while', 'because', 'as', 'when', 'although', 'though', 'whereas', 'after', 'before', 'since', 'if', 'which', 'where']);

/** Subject of the cue: walk left inside the clause, over auxiliaries/adverbs, then over the noun phrase. */
function findSourceLeft(text: string, s: Sentence, cue: number): Span | undefined {
  const t = s.tokens;
  let j = cue - 1;
  while (j >= 0 && BETWEEN.has(t[j].lower) && !hasCharBetween(text, t[j].end, t[j + 1].start, CLAUSE_BREAK)) j--;
  if (j < 0 || hasCharBetween(text, t[j].end, t[j + 1].start, CLAUSE_BREAK)) return undefined;
  const last = j;
  let first = j;
  while (first > 0 && last - first < 7) {
    const prev = t[first - 1];
    if (hasCharBetween(text, prev.end, t[first].start, CLAUSE_BREAK)) break;
    if (CLAUSE_WORDS.has(prev.lower) || PRONOUNS.has(t[first].lower)) break;
    first--;
  }
  if (PRONOUNS.has(t[last].lower)) first = last;
  if (CLAUSE_WORDS.has(t[first].lower) && first < last) first++;
  return { start: t[first].start, end: t[last].end };
}

/** Inverted source after the cue: "…,” said Jane Doe, a spokeswoman." */
function findSourceRight(text: string, s: Sentence, cue: number): Span | undefined {
  const t = s.tokens;
  const k = cue + 1;
  if (k >= t.length) return undefined;
  if (!(t[k].cap || DETERMINERS.has(t[k].lower) || PRONOUNS.has(t[k].lower))) return undefined;
  let e = k;
  while (e + 1 < t.length && e - k < 6 && !hasCharBetween(text, t[e].end, t[e + 1].start, CLAUSE_BREAK_DOT) && !CLAUSE_WORDS.has(t[e + 1].lower)) e++;
  return { start: t[k].start, end: t[e].end };
}

function trimEnd(text: string, start: number, end: number): number {
  for (; end > start; end--) {
    const c = text.charCodeAt(end - 1);
    if (c === 46 || c === 33 || c === 63 || c === 44 || c === 59 || c === 58) continue;
    if (c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x3000 || c === 0xfeff || (c >= 0x2000 && c <= 0x200a)) continue;
    break;
  }
  return end;
}

function isUnnamed(s: Sentence, source: Span | undefined): boolean {
  if (!source) return true;
  const t = s.tokens;
  let a = tokenAt(t, source.start);
  while (a < t.length && t[a].start < source.start) a++;
  let b = a;
  while (b < t.length && t[b].end <= source.end) b++;
  if (b === a) return true;
  const head = t[b - 1];
  const first = t[0].start;
  if (UNNAMED_SOURCES.has(head.lower) && !(head.cap && head.start !== first)) return true;
  let named = false;
  let unnamedWord = false;
  for (let k = a; k < b; k++) {
    if (t[k].cap && t[k].start !== first && t[k].lower !== 'i') named = true;
    if (UNNAMED_SOURCES.has(t[k].lower)) unnamedWord = true;
  }
  return !named && unnamedWord && !PRONOUNS.has(head.lower);
}

function quoteEndingBefore(text: string, s: Sentence, offset: number): Span | undefined {
  let best: Span | undefined;
  const quotes = s.quotes;
  for (let k = 0; k < quotes.length; k++) if (quotes[k].end <= offset && !hasCharBetween(text, quotes[k].end, offset, '.!?')) best = quotes[k];
  return best;
}

function quoteStartingAfter(text: string, s: Sentence, offset: number): Span | undefined {
  const quotes = s.quotes;
  for (let k = 0; k < quotes.length; k++) {
    const q = quotes[k];
    if (q.start >= offset && q.start - offset < 40 && !hasCharBetween(text, offset, q.start, '.!?')) return q;
  }
  return undefined;
}

/** The human explanation of an attribution (built only for the suggestions that are shown). */
export function explainAttribution(a: Attribution, text: string): string {
  const cue = a.cue ? `“${text.slice(a.cue.start, a.cue.end)}”` : 'a quotation';
  const src = a.source ? `“${text.slice(a.source.start, a.source.end)}”` : undefined;
  if (a.rule === 'attribution.passive') return `Passive hearsay ${cue}: the statement is attributed to no one in particular.`;
  if (a.rule === 'attribution.quote') return 'Quotation with no reporting verb nearby: who said it?';
  let s = `Reporting cue ${cue}`;
  s += src ? ` attributes the statement to ${src}` : ' attributes a statement';
  if (a.unnamedSource) s += src ? ', an unnamed source' : ' without naming the source';
  return s + '.';
}

function putAttribution(
  out: Attribution[], start: number, end: number, rule: Attribution['rule'], term: string, score: number,
  cue: Span | undefined, source: Span | undefined, content: Span | undefined, unnamedSource: boolean,
): void {
  out.push({ start, end, rule, term, score, cue, source, content, unnamedSource });
}

function minStart(a: Span, b: Span | undefined, c: Span | undefined): number {
  let x = a.start;
  if (b && b.start < x) x = b.start;
  if (c && c.start < x) x = c.start;
  return x;
}

function maxEnd(a: Span, b: Span | undefined, c: Span | undefined): number {
  let x = a.end;
  if (b && b.end > x) x = b.end;
  if (c && c.end > x) x = c.end;
  return x;
}

/** Phrase cues whose source follows them: "according to X", "as reported by X", "originally published in X", "in the words of X". */
const SOURCE_AFTER = wordSet('attributions.SOURCE_AFTER', ['according', 'as', 'originally', 'first']);
const SOURCE_BEFORE_LAST = wordSet('attributions.SOURCE_BEFORE_LAST', ['with', 'of']);

/** Whom "told" / "tells" reports to, when no pronoun: "told reporters that". */
const TOLD_WHOM = wordSet('attributions.TOLD_WHOM', ['reporters', 'journalists', 'me', 'us', 'him', 'her', 'them', 'lawmakers', 'the']);

/** Is the match strictly inside one of the quotations (the source's own words)? */
function strictlyInsideQuote(quotes: Span[], m: Match): boolean {
  for (let k = 0; k < quotes.length; k++) if (m.start > quotes[k].start && m.end < quotes[k].end) return true;
  return false;
}

function hasOtherReportingVerb(matches: Match[], m: Match): boolean {
  for (let k = 0; k < matches.length; k++) if (matches[k] !== m && matches[k].entry.category === 'attribution.reporting-verb') return true;
  return false;
}

/** Index of the first token starting after offset, or -1. */
function firstTokenAfter(t: Token[], offset: number): number {
  for (let k = 0; k < t.length; k++) if (t[k].start > offset) return k;
  return -1;
}

/** JavaScript's \s (what /^\s*[:,]/ skipped). */
function isJsSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** The first character after spaces in text[from, min(end, from + 3)), or -1 when there is none. */
function markWithin3(text: string, from: number, end: number): number {
  const limit = Math.min(end, from + 3);
  let i = from;
  while (i < limit && isJsSpace(text.charCodeAt(i))) i++;
  return i < limit ? text.charCodeAt(i) : -1;
}

/** The attributions of a sentence. */
export function findAttributions(text: string, s: Sentence): Attribution[] {
  const out: Attribution[] = [];
  const t = s.tokens;
  const matches = s.matches;
  for (let mi = 0; mi < matches.length; mi++) {
    const m = matches[mi];
    if (m.entry.family !== 'attribution') continue;
    const i = m.first;
    const w = t[i].lower;
    const category = m.entry.category;
    // Cues inside a quotation are the source's own words, not the writer's attribution.
    if (strictlyInsideQuote(s.quotes, m)) continue;
    // "in a statement" modifies a reporting verb when there is one.
    if (category === 'attribution.according-to' && m.entry.words[0] !== 'according' && hasOtherReportingVerb(s.matches, m)) continue;
    if (category === 'attribution.reporting-verb') {
      if (isFixedExpression(t, i)) continue;
      const prev = i > 0 ? t[i - 1] : undefined;
      const next = i + 1 < t.length ? t[i + 1] : undefined;
      // "the said property", "its stated aim", "the reported cases": an adjective, not a verb.
      if (prev && DETERMINERS.has(prev.lower) && !hasCharBetween(text, prev.end, t[i].start, CLAUSE_BREAK)) continue;
      // Passive hearsay: "it is said that", "he is believed to".
      if (prev && PASSIVE_AUX.has(prev.lower) && PASSIVE_VERBS.has(w)) {
        const cue = { start: t[i - 1].start, end: m.end };
        const contentStart = next ? next.start : m.end;
        const content = next ? { start: contentStart, end: trimEnd(text, contentStart, s.end) } : undefined;
        putAttribution(out, i > 1 ? t[i - 2].start : t[i - 1].start, content ? content.end : m.end, 'attribution.passive', w, 0.6, cue, undefined, content, true);
        continue;
      }
      if (prev && PASSIVE_AUX.has(prev.lower)) continue; // "was told", "is reported" without hearsay sense
      // What follows the cue, within three characters: "said:", "said, ".
      const markAfter = markWithin3(text, m.end, s.end);
      const quoteAfter = quoteStartingAfter(text, s, m.end);
      const quoteBefore = quoteEndingBefore(text, s, m.start);
      const thatAfter = next !== undefined && (next.lower === 'that' || next.lower === 'whether' || next.lower === 'out' || next.lower === 'how' || next.lower === 'why');
      const punctAfter = markAfter === 58 || markAfter === 44 || next === undefined;
      const strongContext = quoteAfter !== undefined || quoteBefore !== undefined || thatAfter || markAfter === 58;
      const isWeak = WEAK_CUES.has(w);
      // Noun readings of -s forms: "insurance claims rose", "the states". Need a subject pronoun or name, or strong context.
      if (isWeak && !strongContext) {
        const subj = prev && (PRONOUNS.has(prev.lower) || (prev.cap && prev.start !== t[0].start) || prev.lower === 'officials');
        if (!subj || !(punctAfter || (next && (next.cap || DETERMINERS.has(next.lower) || PRONOUNS.has(next.lower))))) continue;
      }
      let source: Span | undefined;
      let content: Span | undefined;
      let inverted = false;
      if (prev && (quoteBefore && quoteBefore.end <= prev.start ? false : true) && hasCharBetween(text, prev.end, t[i].start, ',”"')) {
        // ", said Jane Doe" / "…,” said the minister."
        source = findSourceRight(text, s, i);
        inverted = source !== undefined;
      }
      if (!source) source = findSourceLeft(text, s, i);
      if (!source && !inverted) source = findSourceRight(text, s, i);
      if (source && source.start > m.end) inverted = true;
      if (quoteBefore && (!source || quoteBefore.end <= source.start || source.start > m.end)) content = quoteBefore;
      else if (quoteAfter) content = quoteAfter;
      else {
        let k = i + 1;
        if (inverted && source) k = firstTokenAfter(t, source.end - 1);
        if (k >= 0 && k < t.length && (w.startsWith('tell') || w === 'told') && (PRONOUNS.has(t[k].lower) || TOLD_WHOM.has(t[k].lower))) {
          while (k < t.length && t[k].lower !== 'that' && !hasCharBetween(text, t[k].end, t[Math.min(k + 1, t.length - 1)].start, ',:')) k++;
          k++;
        }
        if (k >= 0 && k < t.length && t[k].lower === 'that') k++;
        // "people who complain about bus lanes were …", "complained about the noise": "about" names the topic of the
        // speech, not what was said (the clause after it may be the writer's own).
        const topicOnly = k === i + 1 && k < t.length && t[k].lower === 'about';
        if (topicOnly) content = undefined;
        else if (k >= 0 && k < t.length && !inverted) content = { start: t[k].start, end: trimEnd(text, t[k].start, s.end) };
        else if (source && source.start > 0) {
          // "Prices will rise, the minister said." — content before the attribution.
          const before = Math.min(source.start, m.start);
          const e = trimEnd(text, s.start, before);
          if (e > s.start + 3) content = { start: s.start, end: e };
        }
      }
      if (content && content.end <= content.start) content = undefined;
      const evidence = (source ? 0.15 : 0) + (content ? 0.1 : 0) + (strongContext ? 0.1 : 0);
      const score = Math.min(1, m.entry.weight * 0.75 + evidence + (isWeak ? -0.05 : 0.05));
      const unnamedSource = isUnnamed(s, source);
      putAttribution(out, minStart(m, source, content), maxEnd(m, source, content), 'attribution.reporting-verb', w, score, { start: m.start, end: m.end }, source, content, unnamedSource);
    } else {
      // "according to X", "in a statement", custom cues.
      let source: Span | undefined;
      let content: Span | undefined;
      const j = m.last + 1;
      if (SOURCE_AFTER.has(m.entry.words[0]) || SOURCE_BEFORE_LAST.has(m.entry.words[m.entry.words.length - 1])) {
        if (j < t.length) {
          let e = j;
          while (e + 1 < t.length && e - j < 9 && !hasCharBetween(text, t[e].end, t[e + 1].start, CLAUSE_BREAK_DOT)) e++;
          source = { start: t[j].start, end: t[e].end };
          const after = firstTokenAfter(t, source.end);
          if (m.first === 0 || (m.first <= 2 && !hasCharBetween(text, s.start, m.start, ','))) {
            if (after >= 0) content = { start: t[after].start, end: trimEnd(text, t[after].start, s.end) };
          } else {
            const e2 = trimEnd(text, s.start, m.start);
            if (e2 > s.start) content = { start: s.start, end: e2 };
          }
        }
      } else {
        source = findSourceLeft(text, s, m.first);
        if (j < t.length) content = { start: t[j].start, end: trimEnd(text, t[j].start, s.end) };
      }
      putAttribution(
        out, minStart(m, source, content), maxEnd(m, source, content), category === 'attribution.custom' ? 'attribution.custom' : 'attribution.according-to',
        m.entry.term, Math.min(1, m.entry.weight * 0.8 + (source ? 0.15 : 0) + (content ? 0.05 : 0)), { start: m.start, end: m.end }, source, content, isUnnamed(s, source),
      );
    }
  }
  // Quotations of four or more words that no cue in the sentence accounts for.
  for (let qi = 0; qi < s.quotes.length; qi++) {
    const q = s.quotes[qi];
    // (out is empty here whenever the quotation can be kept, so no attribution's content needs checking.)
    if (out.length) continue;
    let words = 0;
    for (let k = 0; k < t.length; k++) if (t[k].start >= q.start && t[k].end <= q.end) words++;
    if (words < 4) continue;
    putAttribution(out, q.start, q.end, 'attribution.quote', 'quotation', 0.5, undefined, undefined, q, true);
  }
  return out;
}
