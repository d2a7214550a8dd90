// The generated tiers of the opinion vocabulary as entries, decoded once at load from the compact module
// scripts/build-lexicon.mjs writes (issue 17: the bundle ships words and numbers, not the JSON files with their
// provenance texts). The entries equal the JSON files' entries, in their order (a unit test compares them).
import { CODE_BASE, CONTEXT_TIER, DERIVED_NOUNS as NOUNS, DESCRIPTIVE_ADJECTIVES as ADJECTIVES, EXPANSION_TIER, SENTIMENT_TIER } from './lexiconTiers.generated';

export type SentimentEntry = [word: string, valence: number, pos: string];
export type ExpansionEntry = [word: string, seed: string, cosine: number];

interface CompactTier {
  pos: string;
  valences: string;
  words: string;
  codes: string;
}

/** A tier back to entries, in the JSON's order (the words are written in it). */
function decodeTier(tier: CompactTier): SentimentEntry[] {
  const pos = tier.pos.split(' ');
  const valences = tier.valences.split(' ').map(Number);
  const words = frontDecoded(tier.words);
  const codes = tier.codes;
  const out: SentimentEntry[] = new Array(words.length);
  for (let k = 0; k < words.length; k++) {
    out[k] = [words[k], valences[codes.charCodeAt(2 * k + 1) - CODE_BASE], pos[codes.charCodeAt(2 * k) - CODE_BASE]];
  }
  return out;
}

function decodeExpansion(spec: string): ExpansionEntry[] {
  const parts = spec.split(' ');
  const out: ExpansionEntry[] = [];
  for (let k = 0; k + 2 < parts.length; k += 3) out.push([parts[k], parts[k + 1], Number(parts[k + 2])]);
  return out;
}

/** The broad sentiment tier (lexicon-sentiment.json). */
export const SENTIMENT_ENTRIES: readonly SentimentEntry[] = decodeTier(SENTIMENT_TIER);
/** The contextual sentiment tier (lexicon-context.json). */
export const CONTEXT_ENTRIES: readonly SentimentEntry[] = decodeTier(CONTEXT_TIER);
/** Reviewed word-vector neighbours of our evaluative words (lexicon-expansion.json). */
export const EXPANSION_ENTRIES: readonly ExpansionEntry[] = decodeExpansion(EXPANSION_TIER);
/** Descriptive adjectives of WordNet for the contextual tier's patterns (lexicon-adjectives.json). */
export const DESCRIPTIVE_ADJECTIVES: readonly string[] = frontDecoded(ADJECTIVES);

/** Words front-coded by scripts/build-lexicon.mjs: a digit (letters shared with the word before), then the rest. */
function frontDecoded(spec: string): string[] {
  const out: string[] = [];
  let prev = '';
  for (let k = 0; k < spec.length;) {
    const shared = spec.charCodeAt(k) - 48;
    let end = k + 1;
    while (end < spec.length && !(spec.charCodeAt(end) >= 48 && spec.charCodeAt(end) <= 57)) end++;
    prev = prev.slice(0, shared) + spec.slice(k + 1, end);
    out.push(prev);
    k = end;
  }
  return out;
}
/** Evaluative nouns derived from evaluative adjectives (WordNet): [noun, adjective], as in lexicon-adjectives.json. */
export const DERIVED_NOUNS: ReadonlyArray<readonly [noun: string, adjective: string]> = pairs(NOUNS);

function pairs(spec: string): Array<[string, string]> {
  const parts = spec.split(' ');
  const out: Array<[string, string]> = [];
  // Each noun is written after the letters it shares with the noun before, its adjective after the letters it
  // shares with its noun (a digit, then the rest).
  let noun = '';
  for (let k = 0; k + 1 < parts.length; k += 2) {
    noun = noun.slice(0, parts[k].charCodeAt(0) - 48) + parts[k].slice(1);
    const adjective = parts[k + 1];
    out.push([noun, noun.slice(0, adjective.charCodeAt(0) - 48) + adjective.slice(1)]);
  }
  return out;
}
