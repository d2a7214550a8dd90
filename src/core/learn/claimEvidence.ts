// Claim evidence derived from the workspace's claim tags (issue 13): which words its claim sentences hold more
// often than its other sentences. Nothing is stored in learned.json: like the phrase memory it is worked out from
// the sidecars, here with the text of each document that has claim tags (its untagged sentences are the
// background the tagged ones are compared with). Each document contributes once, its contribution replaced when
// its tags or text change, so an article tagged again or opened twice counts once, and teammates' tags, shared
// through their sidecars, are seen once by everyone. A sentence the engine scored just under the threshold is
// raised when its words lean towards the claims here (a smoothed naive-Bayes log-odds, damped and bounded).
import { paragraphRanges, sentenceRanges, Span } from '../suggest/text';
import { isContentWord } from './functionWords';
import { asciiNormEquals, findWords, hashString, normSlice, WordBuffer } from './normalize';

export interface SentenceCounts {
  /** Claim-tagged sentences (holding the word). */
  tagged: number;
  /** Other sentences of the same documents (holding it). */
  untagged: number;
}

/** What one document contributes: its sentences, and per content word the sentences holding it. */
export interface DocumentClaims {
  sentences: SentenceCounts;
  /** Normalised content word -> this document's sentences holding it. */
  words: Map<string, SentenceCounts>;
}

/** A word's counts over the workspace: sentences, and the documents holding it. */
export interface WordEvidence extends SentenceCounts {
  /** Documents where a claim-tagged sentence holds it. */
  articles: number;
  /** Documents read that hold it at all. */
  seenIn: number;
}

/** Most a sentence's claim score rises (only sentences this close to the threshold can become suggestions). */
export const MAX_CLAIM_UP = 0.1;
/** Pseudo-sentences pulling a word's share towards the workspace's base rate. */
export const WORD_PRIOR = 4;
/** A word counts once seen in this many sentences (one sentence says nothing about a word). */
export const MIN_WORD_SENTENCES = 3;
/** Nothing is raised before this many sentences of each sort were read. */
export const MIN_SENTENCES = 20;
/** Naive Bayes counts every word as independent evidence, which they are not: its log-odds are damped. */
export const DAMPING = 0.5;

export interface EvidenceOptions {
  /** A word raises only when claim-tagged sentences of this many documents hold it (default 1). */
  minArticles?: number;
  /**
   * A fixed base rate of claims instead of the one read from the documents' untagged sentences (the benchmark's
   * "quotes only" variant, which reads no document text: every sentence it counts is a tagged one).
   */
  fixedBase?: number;
}

const buf = new WordBuffer();

/** The distinct content words of text[start, end), normalised. */
export function sentenceWords(text: string, start: number, end: number): Set<string> {
  const out = new Set<string>();
  const n = findWords(text, start, end, buf);
  for (let i = 0; i < n; i++) {
    const w = normSlice(text, buf.starts[i], buf.ends[i]);
    if (isContentWord(w)) out.add(w);
  }
  return out;
}

/**
 * One document's contribution: its sentences, as the engine splits them (per paragraph), each a claim when a
 * claim tag covers over half of it (editors tag claims as whole sentences; a clause tagged in a long sentence
 * counts when it is most of it).
 */
export function documentClaims(text: string, claimTags: readonly Span[]): DocumentClaims {
  const out: DocumentClaims = { sentences: { tagged: 0, untagged: 0 }, words: new Map() };
  for (const p of paragraphRanges(text)) {
    for (const s of sentenceRanges(text, p.start, p.end)) addSentence(out, text, s, coveredMostly(s, claimTags));
  }
  return out;
}

/** Sentences given as spans, each tagged or not (the benchmark's quotes-only variant, tests). */
export function addSentence(into: DocumentClaims, text: string, s: Span, tagged: boolean): void {
  const words = sentenceWords(text, s.start, s.end);
  if (!words.size) return;
  if (tagged) into.sentences.tagged++;
  else into.sentences.untagged++;
  for (const w of words) {
    let c = into.words.get(w);
    if (!c) into.words.set(w, (c = { tagged: 0, untagged: 0 }));
    if (tagged) c.tagged++;
    else c.untagged++;
  }
}

function coveredMostly(s: Span, tags: readonly Span[]): boolean {
  const len = s.end - s.start;
  for (const t of tags) if ((Math.min(s.end, t.end) - Math.max(s.start, t.start)) * 2 > len) return true;
  return false;
}

export interface ClaimRaise {
  /** Added to the engine's claim score, in (0, MAX_CLAIM_UP]. */
  delta: number;
  /** The word leaning most towards claims, and its counts. */
  word: string;
  counts: WordEvidence;
}

/** A word seen in enough sentences to count, with its lean, by hash (chained when two share one). */
interface Counted {
  word: string;
  counts: WordEvidence;
  /** Its smoothed log-odds against the base rate (0 when a positive lean is not counted: too few articles). */
  lo: number;
  other?: Counted;
}

/** The counted words of the sentence being raised (reused: raise is not re-entrant). */
const seen: Counted[] = [];

const logit = (p: number) => Math.log(p / (1 - p));

/** The workspace's claim evidence: the sum of its documents' contributions, one per document. */
export class ClaimEvidence {
  private readonly docs = new Map<string, { name: string; claims: DocumentClaims }>();
  private readonly totals = new Map<string, WordEvidence>();
  /** Sentences read: claim-tagged and not. */
  readonly sentences: SentenceCounts = { tagged: 0, untagged: 0 };
  /** The counted words by hash (ASCII words) and by word (the others); worked out again after a document changes. */
  private index: { byHash: Map<number, Counted>; byWord: Map<string, Counted>; leaning: number } | undefined;
  /** Word -> the example named by why() (the first by name; '' for none), per document asked for. */
  private examples = new Map<string, string>();
  private readonly minArticles: number;

  constructor(private readonly options: EvidenceOptions = {}) {
    this.minArticles = options.minArticles ?? 1;
  }

  /** Documents contributing. */
  get documents(): number {
    return this.docs.size;
  }

  has(document: string): boolean {
    return this.docs.has(document);
  }

  /** Sets what `document` contributes (replacing what it gave before; undefined: nothing any more). */
  set(document: string, name: string, claims: DocumentClaims | undefined): void {
    const old = this.docs.get(document);
    if (old) this.add(old.claims, -1);
    if (claims && (claims.sentences.tagged || claims.sentences.untagged)) {
      this.docs.set(document, { name, claims });
      this.add(claims, 1);
    } else this.docs.delete(document);
    if (old || claims) {
      this.index = undefined;
      this.examples = new Map();
    }
  }

  /** A word's counts (normalised), or undefined when no document read holds it. */
  counts(word: string): WordEvidence | undefined {
    return this.totals.get(word);
  }

  /**
   * How much the words of text[start, end) raise a claim score `score`: the sentence's odds move by the damped
   * sum of its words' smoothed log-odds against the base rate; undefined when they do not raise it (or too little
   * was read). Bounded by MAX_CLAIM_UP. A sentence without a leaning word is ruled out by hashes alone.
   */
  raise(text: string, start: number, end: number, score: number): ClaimRaise | undefined {
    const index = this.counted();
    // Nothing leans towards claims (or too little was read): no sentence is raised, no word looked up.
    if (!index?.leaning) return undefined;
    // The sentence's distinct counted words, found by hash and compared in place: no string built for an ASCII word.
    const n = findWords(text, start, end, buf);
    seen.length = 0;
    let sum = 0;
    let best: Counted | undefined;
    for (let i = 0; i < n; i++) {
      let c: Counted | undefined;
      if (buf.hashed[i]) {
        for (c = index.byHash.get(buf.hashes[i]); c; c = c.other) if (asciiNormEquals(text, buf.starts[i], buf.ends[i], c.word)) break;
      } else c = index.byWord.get(normSlice(text, buf.starts[i], buf.ends[i]));
      if (!c || seen.includes(c)) continue;
      seen.push(c);
      sum += c.lo;
      if (c.lo > 0 && (!best || c.lo > best.lo || (c.lo === best.lo && c.word < best.word))) best = c;
    }
    if (sum <= 0 || !best) return undefined;
    const s = Math.min(Math.max(score, 0.01), 0.99);
    const raised = 1 / (1 + Math.exp(-(logit(s) + DAMPING * sum)));
    const delta = Math.round(Math.min(MAX_CLAIM_UP, raised - score) * 1000) / 1000;
    return delta > 0 ? { delta, word: best.word, counts: best.counts } : undefined;
  }

  /**
   * "sentences with 'ratified' were tagged as claims 9 of 11 times, in 5 of 6 articles here (e.g. x.md)"; the
   * example is another document than `document` when there is one (the first by name: deterministic).
   */
  why(r: Pick<ClaimRaise, 'word' | 'counts'>, document?: string): string {
    const c = r.counts;
    const articles = `${c.articles} of ${c.seenIn} ${c.seenIn === 1 ? 'article' : 'articles'}`;
    return `sentences with '${r.word}' were tagged as claims ${c.tagged} of ${c.tagged + c.untagged} times, in ${articles} here (e.g. ${this.example(r.word, document)})`;
  }

  /** A document whose claims hold `word`: another than `document` when there is one, the first by name. */
  private example(word: string, document: string | undefined): string {
    const key = `${document ?? ''}\u0000${word}`;
    let name = this.examples.get(key);
    if (name !== undefined) return name;
    let other: string | undefined;
    let own: string | undefined;
    for (const [doc, d] of this.docs) {
      if (!d.claims.words.get(word)?.tagged) continue;
      if (doc === document) own = d.name;
      else if (other === undefined || d.name < other) other = d.name;
    }
    name = other ?? own ?? '?';
    this.examples.set(key, name);
    return name;
  }

  /** The workspace's share of claim sentences, or undefined while too few sentences of each sort were read. */
  private baseRate(): number | undefined {
    const { tagged, untagged } = this.sentences;
    if (this.options.fixedBase !== undefined) return tagged >= MIN_SENTENCES ? this.options.fixedBase : undefined;
    if (tagged < MIN_SENTENCES || untagged < MIN_SENTENCES) return undefined;
    return (tagged + 1) / (tagged + untagged + 2);
  }

  /** A word's smoothed log-odds against the base rate; undefined when it was seen too little to say. */
  private leanOf(c: WordEvidence, base: number, baseLogit: number): number | undefined {
    const n = c.tagged + c.untagged;
    if (n < MIN_WORD_SENTENCES) return undefined;
    const lo = logit((c.tagged + WORD_PRIOR * base) / (n + WORD_PRIOR)) - baseLogit;
    return lo > 0 && c.articles < this.minArticles ? 0 : lo;
  }

  /** The counted words and their leans, or undefined while too little was read. */
  private counted(): ClaimEvidence['index'] {
    if (this.index) return this.index;
    const base = this.baseRate();
    if (base === undefined) return undefined;
    const baseLogit = logit(base);
    const byHash = new Map<number, Counted>();
    const byWord = new Map<string, Counted>();
    let leaning = 0;
    for (const [w, counts] of this.totals) {
      if (!isContentWord(w)) continue;
      const lo = this.leanOf(counts, base, baseLogit);
      if (lo === undefined) continue;
      if (lo > 0) leaning++;
      const h = hashString(w);
      const c: Counted = { word: w, counts, lo, other: byHash.get(h) };
      byHash.set(h, c);
      byWord.set(w, c);
    }
    return (this.index = { byHash, byWord, leaning });
  }

  private add(claims: DocumentClaims, sign: 1 | -1): void {
    this.sentences.tagged += sign * claims.sentences.tagged;
    this.sentences.untagged += sign * claims.sentences.untagged;
    for (const [w, c] of claims.words) {
      let t = this.totals.get(w);
      if (!t) this.totals.set(w, (t = { tagged: 0, untagged: 0, articles: 0, seenIn: 0 }));
      t.tagged += sign * c.tagged;
      t.untagged += sign * c.untagged;
      if (c.tagged) t.articles += sign;
      t.seenIn += sign;
      if (!t.seenIn) this.totals.delete(w);
    }
  }
}
