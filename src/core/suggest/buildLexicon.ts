// Builds the lexicon from the word lists (lexicon.ts, cueWords.ts, the JSON tiers, hedges and weasels) and the
// user's extra and ignored terms: entries by their first word, longest first.
import { hedges } from 'hedges';
import { weasels } from 'weasels';
import { CUE_LISTS, REPORTING_VERBS } from './cueWords';
import {
  EVALUATIVE_NOUNS, HEDGES_NOISE, LexEntry, Lexicon, LexiconOptions, OPINION_LISTS, PHRASE_MODIFIERS, PLAIN_MODIFIERS, TermCategory, WEASELS_NOISE,
} from './lexicon';
import { CONTEXT_ENTRIES, DERIVED_NOUNS, EXPANSION_ENTRIES, SENTIMENT_ENTRIES } from './lexiconTiers';
import { wordSet } from './wordLists';

function splitEntries(spec: string): string[][] {
  const out: string[][] = [];
  const [single, ...phrases] = spec.split('|');
  for (const w of single.trim().split(/\s+/)) if (w) out.push([w]);
  for (const p of phrases) {
    const words = p.trim().split(/\s+/).filter(Boolean);
    if (words.length) out.push(words);
  }
  return out;
}

/** Prior weight of a sentiment-tier word: 0.6 at |valence| 1.5, up to 0.75 for the strongest (own lists: 0.75). */
function sentimentWeight(valence: number): number {
  return Math.min(0.75, 0.45 + 0.1 * Math.abs(valence));
}

/** The last word of a phrase in the plural ("regime" -> "regimes", "lackey" -> "lackeys", "mess" -> "messes"). */
function plural(words: string[]): string[] | undefined {
  const w = words[words.length - 1];
  if (/(?:s|ed|ing|ly)$/.test(w) || NO_PLURAL.has(w)) return undefined;
  const p = /(?:s|x|z|ch|sh)$/.test(w) ? w + 'es' : /[^aeiou]y$/.test(w) ? w.slice(0, -1) + 'ies' : w + 's';
  return [...words.slice(0, -1), p];
}

const NO_PLURAL = wordSet('buildLexicon.NO_PLURAL', ['away', 'go', 'on', 'correct', 'woke', 'left-wing', 'right-wing', 'rightwing', 'far-left', 'alt-right', 'loony', 'pre-owned', 'job-killing', 'zero-sum']);

function add(lex: Lexicon, words: string[], category: TermCategory, weight: number, ignored: Set<string>, note?: string): void {
  const term = words.join(' ');
  if (!words.length || ignored.has(term)) return;
  const list = lex.get(words[0]);
  const family = category.slice(0, category.indexOf('.')) as LexEntry['family'];
  const entry: LexEntry = note === undefined ? { words, term, category, family, weight } : { words, term, category, family, weight, note };
  if (!list) {
    lex.set(words[0], [entry]);
    return;
  }
  // One entry per (term, family): our own lists are added first and win over the generic ones.
  for (let k = 0; k < list.length; k++) if (list[k].family === family && list[k].term === term) return;
  // Longest first, otherwise in the order added (an insertion, not a sort per entry: "great" heads ~150 phrases).
  let at = list.length;
  while (at > 0 && list[at - 1].words.length < words.length) at--;
  list.splice(at, 0, entry);
}

/**
 * The contextual tier (lexicon-context.json: weaker or mainly noun/verb VADER words; lexicon-expansion.json:
 * reviewed word-vector neighbours of our evaluative words; lexicon-adjectives.json: nouns derived from evaluative
 * adjectives), by word. Kept out of the
 * main lexicon, so that its words are no features of the sentence model (not even as quoted opinion) and cannot
 * raise the score that gates them: contextual.ts looks them up only in opinion-leaning sentences, outside attributed
 * content and quotations, never in wire-like sentences. Words of the main lexicon's opinion family and ignored
 * terms are left out.
 */
export function buildContextLexicon(lex: Lexicon, ignoredTerms: string[] = []): Map<string, LexEntry> {
  const ignored = new Set(ignoredTerms.map((t) => termWords(t).join(' ')).filter(Boolean));
  const out = new Map<string, LexEntry>();
  for (const [word, valence, pos] of CONTEXT_ENTRIES) {
    if (ignored.has(word) || lex.get(word)?.some((e) => e.family === 'opinion' && e.words.length === 1)) continue;
    const note = `sentiment-laden ${pos} (VADER ${valence > 0 ? '+' : ''}${valence.toFixed(1)}) in an opinion-leaning sentence`;
    out.set(word, { words: [word], term: word, category: 'opinion.contextual', family: 'opinion', weight: sentimentWeight(valence) - 0.05, note });
  }
  for (const [word, seed, cosine] of EXPANSION_ENTRIES) {
    if (out.has(word) || ignored.has(word) || lex.get(word)?.some((e) => e.family === 'opinion' && e.words.length === 1)) continue;
    const note = `evaluative word (a reviewed word-vector neighbour of “${seed}”, cosine ${cosine.toFixed(2)}) in an opinion-leaning sentence`;
    out.set(word, { words: [word], term: word, category: 'opinion.contextual', family: 'opinion', weight: 0.6, note });
  }
  for (const [word, adjective] of DERIVED_NOUNS) {
    if (out.has(word) || ignored.has(word) || lex.get(word)?.some((e) => e.family === 'opinion' && e.words.length === 1)) continue;
    const note = `evaluative noun (of “${adjective}”, WordNet) in an opinion-leaning sentence`;
    out.set(word, { words: [word], term: word, category: 'opinion.contextual', family: 'opinion', weight: 0.6, note });
  }
  return out;
}

/** Tokenises a user-supplied term the same way the text is tokenised. */
export function termWords(term: string): string[] {
  return term.toLowerCase().match(/[\p{L}\p{N}]+(?:(?:['’.-]|,(?=\d{3}))[\p{L}\p{N}]+)*/gu)?.map(normaliseWord) ?? [];
}

export function normaliseWord(w: string): string {
  return w.includes('’') ? w.replace(/’/g, "'") : w;
}

export function buildLexicon(options: LexiconOptions = {}): Lexicon {
  const ignored = new Set((options.ignoredTerms ?? []).map((t) => termWords(t).join(' ')).filter(Boolean));
  const lex: Lexicon = new Map();
  const extra = options.extraTerms ?? {};
  for (const t of extra.opinion ?? []) add(lex, termWords(t), 'opinion.custom', 0.75, ignored);
  for (const t of extra.claim ?? []) add(lex, termWords(t), 'claim.custom', 0.7, ignored);
  for (const t of extra.attribution ?? []) add(lex, termWords(t), 'attribution.custom', 0.8, ignored);
  for (const [words, category, weight] of ownEntries(ignored)) add(lex, words, category, weight, ignored);
  for (const [word, valence, pos] of SENTIMENT_ENTRIES) {
    const note = `sentiment-laden ${pos} (VADER ${valence > 0 ? '+' : ''}${valence.toFixed(1)})`;
    add(lex, [word], 'opinion.sentiment', sentimentWeight(valence), ignored, note);
  }
  for (const [words, category, weight] of reportingVerbEntries()) add(lex, words, category, weight, ignored);
  for (const h of hedges) {
    if (HEDGES_NOISE.has(h) || /^(if|my|their|in my)\b/.test(h)) continue;
    add(lex, termWords(h), 'opinion.hedge', 0.4, ignored);
  }
  for (const w of weasels) {
    if (WEASELS_NOISE.has(w)) continue;
    add(lex, termWords(w), 'opinion.weasel', 0.45, ignored);
  }
  return lex;
}

export type OwnEntry = [words: string[], category: TermCategory, weight: number];

/**
 * Our own lists' entries in the order buildLexicon adds them (before the sentiment tier): the word lists with
 * the plurals of loaded labels, then the evaluative phrases (modifier + noun) whose words are not ignored.
 */
export function ownEntries(ignored: Set<string> = new Set()): OwnEntry[] {
  const out: OwnEntry[] = [];
  for (const [category, weight, spec] of [...OPINION_LISTS, ...CUE_LISTS]) {
    for (const words of splitEntries(spec)) {
      out.push([words, category, weight]);
      // Loaded labels in all their forms: "regime" also as "regimes" (possessives are matched by analyze.ts).
      const plurals = category === 'opinion.loaded' ? plural(words) : undefined;
      if (plurals) out.push([plurals, category, weight]);
    }
  }
  for (const a of PHRASE_MODIFIERS) {
    if (ignored.has(a)) continue;
    // A plain-sized modifier ("major step", "strong support") judges less than "resounding" or "blatant".
    const weight = PLAIN_MODIFIERS.has(a) ? 0.7 : 0.85;
    for (const b of EVALUATIVE_NOUNS) if (!ignored.has(b)) out.push([[a, b], 'opinion.phrase', weight]);
  }
  return out;
}

/** The reporting verbs' entries (added after the sentiment tier). */
export function reportingVerbEntries(): OwnEntry[] {
  const out: OwnEntry[] = [];
  for (const [weight, spec] of REPORTING_VERBS) for (const w of spec.split(/\s+/)) if (w) out.push([[w], 'attribution.reporting-verb', weight]);
  return out;
}
