// Attributions: reporting verbs ("said", "told", "argued"), "according to" and passive hearsay ("is said to"),
// extracted as source -> cue -> content spans where they can be found.
import { Match, Sentence, Token } from './analyze';
import { UNNAMED_SOURCES, WEAK_CUES } from './lexicon';
import { Span } from './text';

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
  explanation: string;
}

const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our', 'your', 'my', 'this', 'these', 'those', 'any', 'no', 'such', 'every', 'each', 'whose']);
/** Words that may sit between a source and its verb: "officials also said", "she has repeatedly argued". */
const BETWEEN = new Set([
  'also', 'has', 'have', 'had', 'was', 'were', 'is', 'are', 'will', 'would', 'could', 'may', 'might', 'did', 'does',
  'do', 'again', 'later', 'previously', 'earlier', 'repeatedly', 'publicly', 'privately', 'recently', 'once', 'then',
  'reportedly', 'allegedly', 'separately', 'further', 'first', 'often', 'frequently', 'long', 'already', 'had', 'been',
  'flatly', 'firmly', 'angrily', 'quietly', 'bluntly', 'openly', 'explicitly', 'strongly', 'simply', 'just', 'still',
]);
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'who', 'one']);
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
const PASSIVE_AUX = new Set(['is', 'are', 'was', 'were', 'been', 'be']);
const PASSIVE_VERBS = new Set(['said', 'reported', 'believed', 'thought', 'understood', 'rumoured', 'rumored', 'alleged', 'claimed', 'known', 'expected', 'feared']);

function phraseAt(tokens: Token[], i: number, phrase: string[], anchor: number): boolean {
  // phrase[anchor] sits at token i
  const s = i - anchor;
  if (s < 0 || s + phrase.length > tokens.length) return false;
  for (let k = 0; k < phrase.length; k++) if (tokens[s + k].lower !== phrase[k]) return false;
  return true;
}

function isFixedExpression(tokens: Token[], i: number): boolean {
  const w = tokens[i].lower;
  for (const p of NOT_ATTRIBUTION) {
    for (let a = 0; a < p.length; a++) if (p[a] === w && phraseAt(tokens, i, p, a)) return true;
  }
  return false;
}

/** Any of these characters between offsets [a, b) of text? */
function hasCharBetween(text: string, a: number, b: number, chars: string): boolean {
  for (let i = a; i < b; i++) if (chars.includes(text[i])) return true;
  return false;
}

const CLAUSE_BREAK = ',;:()“”"—–';
const CLAUSE_WORDS = new Set(['that', 'and', 'but', 'while', 'because', 'as', 'when', 'although', 'though', 'whereas', 'after', 'before', 'since', 'if', 'which', 'where']);

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
  while (e + 1 < t.length && e - k < 6 && !hasCharBetween(text, t[e].end, t[e + 1].start, CLAUSE_BREAK + '.') && !CLAUSE_WORDS.has(t[e + 1].lower)) e++;
  return { start: t[k].start, end: t[e].end };
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /[\s.!?,;:]/.test(text[end - 1])) end--;
  return end;
}

function isUnnamed(s: Sentence, source: Span | undefined): boolean {
  if (!source) return true;
  const toks = s.tokens.filter((t) => t.start >= source.start && t.end <= source.end);
  if (!toks.length) return true;
  const head = toks[toks.length - 1];
  if (UNNAMED_SOURCES.has(head.lower) && !(head.cap && head.start !== s.tokens[0].start)) return true;
  const named = toks.some((t) => t.cap && t.start !== s.tokens[0].start && t.lower !== 'i');
  return !named && toks.some((t) => UNNAMED_SOURCES.has(t.lower)) && !PRONOUNS.has(head.lower);
}

function quoteEndingBefore(text: string, s: Sentence, offset: number): Span | undefined {
  let best: Span | undefined;
  for (const q of s.quotes) if (q.end <= offset && !hasCharBetween(text, q.end, offset, '.!?')) best = q;
  return best;
}

function quoteStartingAfter(text: string, s: Sentence, offset: number): Span | undefined {
  for (const q of s.quotes) if (q.start >= offset && q.start - offset < 40 && !hasCharBetween(text, offset, q.start, '.!?')) return q;
  return undefined;
}

function explain(a: Omit<Attribution, 'explanation'>, text: string): string {
  const cue = a.cue ? `“${text.slice(a.cue.start, a.cue.end)}”` : 'a quotation';
  const src = a.source ? `“${text.slice(a.source.start, a.source.end)}”` : undefined;
  if (a.rule === 'attribution.passive') return `Passive hearsay ${cue}: the statement is attributed to no one in particular.`;
  if (a.rule === 'attribution.quote') return 'Quotation with no reporting verb nearby: who said it?';
  let s = `Reporting cue ${cue}`;
  s += src ? ` attributes the statement to ${src}` : ' attributes a statement';
  if (a.unnamedSource) s += src ? ', an unnamed source' : ' without naming the source';
  return s + '.';
}

export function findAttributions(text: string, s: Sentence): Attribution[] {
  const out: Attribution[] = [];
  const t = s.tokens;
  const cues: Match[] = s.matches.filter((m) => m.entry.category.startsWith('attribution.'));
  for (const m of cues) {
    const i = m.first;
    const w = t[i].lower;
    const category = m.entry.category;
    // Cues inside a quotation are the source's own words, not the writer's attribution.
    if (s.quotes.some((q) => m.start > q.start && m.end < q.end)) continue;
    // "in a statement" modifies a reporting verb when there is one.
    if (category === 'attribution.according-to' && m.entry.words[0] !== 'according' && s.matches.some((x) => x !== m && x.entry.category === 'attribution.reporting-verb')) continue;
    if (category === 'attribution.reporting-verb') {
      if (isFixedExpression(t, i)) continue;
      const prev = i > 0 ? t[i - 1] : undefined;
      const next = i + 1 < t.length ? t[i + 1] : undefined;
      // "the said property", "its stated aim", "the reported cases": an adjective, not a verb.
      if (prev && DETERMINERS.has(prev.lower) && !hasCharBetween(text, prev.end, t[i].start, CLAUSE_BREAK)) continue;
      // Passive hearsay: "it is said that", "he is believed to".
      if (prev && PASSIVE_AUX.has(prev.lower) && PASSIVE_VERBS.has(w)) {
        const a = { start: i > 1 ? t[i - 2].start : t[i - 1].start, end: m.end, rule: 'attribution.passive' as const, term: w, score: 0.6, cue: { start: t[i - 1].start, end: m.end }, unnamedSource: true };
        const contentStart = next ? next.start : m.end;
        const content = next ? { start: contentStart, end: trimEnd(text, contentStart, s.end) } : undefined;
        const full = { ...a, end: content ? content.end : a.end, content };
        out.push({ ...full, explanation: explain(full, text) });
        continue;
      }
      if (prev && PASSIVE_AUX.has(prev.lower)) continue; // "was told", "is reported" without hearsay sense
      const after = text.slice(m.end, Math.min(s.end, m.end + 3));
      const quoteAfter = quoteStartingAfter(text, s, m.end);
      const quoteBefore = quoteEndingBefore(text, s, m.start);
      const thatAfter = next !== undefined && (next.lower === 'that' || next.lower === 'whether' || next.lower === 'out' || next.lower === 'how' || next.lower === 'why');
      const punctAfter = /^\s*[:,]/.test(after) || next === undefined;
      const strongContext = quoteAfter !== undefined || quoteBefore !== undefined || thatAfter || /^\s*:/.test(after);
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
        if (inverted && source) k = t.findIndex((x) => x.start >= source!.end);
        if (k >= 0 && k < t.length && (w.startsWith('tell') || w === 'told') && (PRONOUNS.has(t[k].lower) || ['reporters', 'journalists', 'me', 'us', 'him', 'her', 'them', 'lawmakers', 'the'].includes(t[k].lower))) {
          while (k < t.length && t[k].lower !== 'that' && !hasCharBetween(text, t[k].end, t[Math.min(k + 1, t.length - 1)].start, ',:')) k++;
          k++;
        }
        if (k >= 0 && k < t.length && t[k].lower === 'that') k++;
        if (k >= 0 && k < t.length && !inverted) content = { start: t[k].start, end: trimEnd(text, t[k].start, s.end) };
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
      const spans = [m, source, content].filter((x): x is Span => x !== undefined);
      const a = {
        start: Math.min(...spans.map((x) => x.start)), end: Math.max(...spans.map((x) => x.end)),
        rule: 'attribution.reporting-verb' as const, term: w, score, cue: { start: m.start, end: m.end }, source, content, unnamedSource,
      };
      out.push({ ...a, explanation: explain(a, text) });
    } else {
      // "according to X", "in a statement", custom cues.
      let source: Span | undefined;
      let content: Span | undefined;
      const j = m.last + 1;
      if (m.entry.words[0] === 'according' || m.entry.words[0] === 'as' || m.entry.words[m.entry.words.length - 1] === 'with') {
        if (j < t.length) {
          let e = j;
          while (e + 1 < t.length && e - j < 9 && !hasCharBetween(text, t[e].end, t[e + 1].start, CLAUSE_BREAK + '.')) e++;
          source = { start: t[j].start, end: t[e].end };
          const after = t.findIndex((x) => x.start > source!.end);
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
      const spans = [m, source, content].filter((x): x is Span => x !== undefined);
      const a = {
        start: Math.min(...spans.map((x) => x.start)), end: Math.max(...spans.map((x) => x.end)),
        rule: category === 'attribution.custom' ? 'attribution.custom' as const : 'attribution.according-to' as const,
        term: m.entry.term, score: Math.min(1, m.entry.weight * 0.8 + (source ? 0.15 : 0) + (content ? 0.05 : 0)),
        cue: { start: m.start, end: m.end }, source, content, unnamedSource: isUnnamed(s, source),
      };
      out.push({ ...a, explanation: explain(a, text) });
    }
  }
  // Quotations of four or more words that no cue in the sentence accounts for.
  for (const q of s.quotes) {
    if (out.some((a) => a.content && a.content.start <= q.start && a.content.end >= q.end - 1)) continue;
    if (out.length) continue;
    const words = s.tokens.filter((x) => x.start >= q.start && x.end <= q.end).length;
    if (words < 4) continue;
    const a = { start: q.start, end: q.end, rule: 'attribution.quote' as const, term: 'quotation', score: 0.5, content: q, unnamedSource: true };
    out.push({ ...a, explanation: explain(a, text) });
  }
  return out;
}
