// Inter-annotator agreement over documents tagged by several people (tag authors or blind copies).
// Per pair of annotators and per kind: span-level precision/recall/F1 with exact and overlap matching (the first
// annotator of the pair is the reference), tags only one side has, Cohen's kappa on token labels; claim-status
// kappa on overlap-matched claims; Krippendorff's alpha (nominal) over all annotators on token labels.
// A pair is compared only on documents both annotated (has tags there, or a blind copy of their own).
import { BUILTIN_KINDS, CLAIM_STATUSES, Tag } from '../model';
import { exactMatches, overlapMatches } from './matching';
import { Coincidences, Prf, cohenKappa, prf, squareMatrix } from './stats';

export interface AnnotatedDocument {
  name: string;
  /** The document text; without it the token-level figures leave this document out. */
  text?: string;
  /** Every annotator of this document and their tags (an empty list: annotated, found nothing). */
  annotators: ReadonlyMap<string, readonly Tag[]>;
}

export interface AgreementOptions {
  /** Only these annotators, in this order. */
  authors?: readonly string[];
}

export interface KindAgreement {
  /** A kind id, or `null` for all kinds together. */
  kind: string | null;
  /** Tags of each side. */
  a: number;
  b: number;
  exact: Prf;
  overlap: Prf;
  /** Tags with no overlapping tag of the same kind on the other side. */
  onlyA: number;
  onlyB: number;
  /** Token labels: this kind vs not (per kind), or the kind per token with "none" (all kinds). */
  tokenKappa: number | null;
}

export interface PairAgreement {
  a: string;
  b: string;
  documents: number;
  tokens: number;
  overall: KindAgreement;
  kinds: KindAgreement[];
  /** Statuses of overlap-matched claims. */
  status: { pairs: number; agree: number; kappa: number | null };
}

export interface AgreementResult {
  annotators: string[];
  kinds: string[];
  documents: { name: string; annotators: string[]; tokens: number | null }[];
  pairs: PairAgreement[];
  /** Krippendorff's alpha over every annotator, on token labels: all kinds, then per kind. */
  alpha: { overall: number | null; kinds: { kind: string; alpha: number | null }[]; units: number };
}

export const NONE = 'none';
const TOKEN = /[\p{L}\p{N}]+(?:['’.,-][\p{L}\p{N}]+)*/gu;

/** Word tokens as [start, end) pairs, flat. */
export function tokenize(text: string): Int32Array {
  const out: number[] = [];
  for (const m of text.matchAll(TOKEN)) out.push(m.index, m.index + m[0].length);
  return Int32Array.from(out);
}

interface Prepared {
  name: string;
  tokens: Int32Array | null;
  /** annotator -> kind -> tags placed in the text. */
  tags: Map<string, Map<string, Tag[]>>;
  /** annotator -> label index per token (0 = none, else 1 + kind index). */
  labels: Map<string, Uint16Array>;
  /** annotator -> per token, bit k set when a tag of kind k covers it (the first 16 kinds). */
  cover: Map<string, Uint32Array>;
}

export function computeAgreement(docs: readonly AnnotatedDocument[], options: AgreementOptions = {}): AgreementResult {
  const seen = new Set<string>();
  for (const d of docs) for (const a of d.annotators.keys()) seen.add(a);
  const annotators = options.authors ? options.authors.filter((a) => seen.has(a)) : [...seen].sort();
  const kindSet = new Set<string>();
  for (const d of docs) for (const [who, tags] of d.annotators) if (annotators.includes(who)) for (const t of tags) kindSet.add(t.kind);
  const builtin = BUILTIN_KINDS.filter((k) => kindSet.has(k));
  const kinds = [...builtin, ...[...kindSet].filter((k) => !(BUILTIN_KINDS as readonly string[]).includes(k)).sort()];
  const kindIndex = new Map(kinds.map((k, i) => [k, i]));

  const prepared = docs.map((d) => prepare(d, annotators, kindIndex));
  const pairs: PairAgreement[] = [];
  for (let i = 0; i < annotators.length; i++) {
    for (let j = i + 1; j < annotators.length; j++) pairs.push(comparePair(prepared, annotators[i], annotators[j], kinds));
  }
  return {
    annotators,
    kinds,
    documents: prepared.map((p) => ({ name: p.name, annotators: annotators.filter((a) => p.tags.has(a)), tokens: p.tokens ? p.tokens.length / 2 : null })),
    pairs,
    alpha: alphaOf(prepared, annotators, kinds),
  };
}

function prepare(d: AnnotatedDocument, annotators: readonly string[], kindIndex: Map<string, number>): Prepared {
  const tokens = d.text !== undefined ? tokenize(d.text) : null;
  const tags = new Map<string, Map<string, Tag[]>>();
  const labels = new Map<string, Uint16Array>();
  const cover = new Map<string, Uint32Array>();
  for (const who of annotators) {
    const list = d.annotators.get(who);
    if (!list) continue;
    const placed = list.filter((t) => t.anchor.state !== 'orphaned' && t.end > t.start && (d.text === undefined || t.end <= d.text.length));
    const byKind = new Map<string, Tag[]>();
    for (const t of placed) {
      const l = byKind.get(t.kind);
      if (l) l.push(t);
      else byKind.set(t.kind, [t]);
    }
    tags.set(who, byKind);
    if (tokens) {
      labels.set(who, tokenLabels(tokens, placed, kindIndex));
      cover.set(who, tokenCover(tokens, placed, kindIndex));
    }
  }
  return { name: d.name, tokens, tags, labels, cover };
}

/** Label per token: the kind of the shortest tag covering any of it (nested tags are the more specific ones). */
function tokenCover(tokens: Int32Array, tags: readonly Tag[], kindIndex: Map<string, number>): Uint32Array {
  const out = new Uint32Array(tokens.length / 2);
  for (const t of tags) {
    const k = kindIndex.get(t.kind);
    if (k === undefined || k > 15) continue;
    const bit = (1 << k) >>> 0;
    for (let i = firstToken(tokens, t.start); i < out.length && tokens[2 * i] < t.end; i++) out[i] |= bit;
  }
  return out;
}

/** Index of the first token ending after `offset`. */
function firstToken(tokens: Int32Array, offset: number): number {
  let lo = 0;
  let hi = tokens.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[2 * mid + 1] <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function tokenLabels(tokens: Int32Array, tags: readonly Tag[], kindIndex: Map<string, number>): Uint16Array {
  const n = tokens.length / 2;
  const out = new Uint16Array(n);
  const longestFirst = [...tags].sort((x, y) => y.end - y.start - (x.end - x.start) || (x.kind < y.kind ? 1 : x.kind > y.kind ? -1 : 0));
  for (const t of longestFirst) {
    const label = (kindIndex.get(t.kind) ?? -1) + 1;
    if (!label) continue;
    for (let k = firstToken(tokens, t.start); k < n && tokens[2 * k] < t.end; k++) out[k] = label;
  }
  return out;
}

function comparePair(docs: readonly Prepared[], a: string, b: string, kinds: readonly string[]): PairAgreement {
  const multi = squareMatrix(kinds.length + 1);
  const binary = kinds.map(() => squareMatrix(2));
  const counts = kinds.map(() => ({ a: 0, b: 0, exact: 0, overlap: 0 }));
  const statusMatrix = squareMatrix(CLAIM_STATUSES.length);
  const statusIndex = new Map<string, number>(CLAIM_STATUSES.map((s, i) => [s, i]));
  let statusPairs = 0;
  let statusAgree = 0;
  let documents = 0;
  let tokens = 0;
  for (const d of docs) {
    const ta = d.tags.get(a);
    const tb = d.tags.get(b);
    if (!ta || !tb) continue;
    documents++;
    kinds.forEach((kind, k) => {
      const sa = ta.get(kind) ?? [];
      const sb = tb.get(kind) ?? [];
      const c = counts[k];
      c.a += sa.length;
      c.b += sb.length;
      c.exact += exactMatches(sa, sb);
      const matched = overlapMatches(sa, sb);
      c.overlap += matched.length;
      if (kind === 'claim') {
        for (const [i, j] of matched) {
          const x = statusIndex.get(sa[i].status ?? 'unreviewed') ?? 0;
          const y = statusIndex.get(sb[j].status ?? 'unreviewed') ?? 0;
          statusMatrix[x][y]++;
          statusPairs++;
          if (x === y) statusAgree++;
        }
      }
    });
    const la = d.labels.get(a);
    const lb = d.labels.get(b);
    const ca = d.cover.get(a);
    const cb = d.cover.get(b);
    if (la && lb && ca && cb) {
      tokens += la.length;
      // Per kind: token covered by this kind or not; most tokens are untagged by both, counted at once.
      const both = new Map<number, number>();
      for (let t = 0; t < la.length; t++) {
        multi[la[t]][lb[t]]++;
        if (ca[t] | cb[t]) {
          const key = ca[t] * 65536 + cb[t];
          both.set(key, (both.get(key) ?? 0) + 1);
        } else both.set(0, (both.get(0) ?? 0) + 1);
      }
      for (const [key, n] of both) {
        const x = Math.floor(key / 65536);
        const y = key % 65536;
        for (let k = 0; k < binary.length && k < 16; k++) binary[k][(x >>> k) & 1][(y >>> k) & 1] += n;
      }
    }
  }
  const perKind: KindAgreement[] = kinds.map((kind, k) => figures(kind, counts[k], cohenKappa(binary[k])));
  const total = counts.reduce((s, c) => ({ a: s.a + c.a, b: s.b + c.b, exact: s.exact + c.exact, overlap: s.overlap + c.overlap }), { a: 0, b: 0, exact: 0, overlap: 0 });
  return {
    a,
    b,
    documents,
    tokens,
    overall: figures(null, total, cohenKappa(multi)),
    kinds: perKind,
    status: { pairs: statusPairs, agree: statusAgree, kappa: cohenKappa(statusMatrix) },
  };
}

function figures(kind: string | null, c: { a: number; b: number; exact: number; overlap: number }, tokenKappa: number | null): KindAgreement {
  return { kind, a: c.a, b: c.b, exact: prf(c.exact, c.a, c.b), overlap: prf(c.overlap, c.a, c.b), onlyA: c.a - c.overlap, onlyB: c.b - c.overlap, tokenKappa };
}

function alphaOf(docs: readonly Prepared[], annotators: readonly string[], kinds: readonly string[]): AgreementResult['alpha'] {
  // Tokens with the same labels from the same annotators are the same unit pattern: count patterns, then add.
  // A token's value per annotator is coded as label·2^16 + kind bits (< 2^22); two of them fit in one number.
  const patterns = new Map<number | string, { codes: number[]; times: number }>();
  let units = 0;
  for (const d of docs) {
    const who = annotators.filter((a) => d.labels.has(a));
    if (who.length < 2) continue;
    const labels = who.map((a) => d.labels.get(a)!);
    const cover = who.map((a) => d.cover.get(a)!);
    const n = labels[0].length;
    units += n;
    for (let t = 0; t < n; t++) {
      let key: number | string;
      if (who.length === 2) key = (labels[0][t] * 65536 + cover[0][t]) * 4194304 + labels[1][t] * 65536 + cover[1][t];
      else {
        key = '';
        for (let i = 0; i < who.length; i++) key += `${labels[i][t] * 65536 + cover[i][t]} `;
      }
      const p = patterns.get(key);
      if (p) p.times++;
      else patterns.set(key, { codes: labels.map((l, i) => l[t] * 65536 + cover[i][t]), times: 1 });
    }
  }
  const overall = new Coincidences();
  const perKind = kinds.map(() => new Coincidences());
  for (const { codes, times } of patterns.values()) {
    overall.addUnits(codes.map((c) => String(Math.floor(c / 65536))), times);
    perKind.forEach((c, k) => k < 16 && c.addUnits(codes.map((v) => String(((v % 65536) >>> k) & 1)), times));
  }
  return { overall: overall.alpha(), kinds: kinds.map((kind, k) => ({ kind, alpha: perKind[k].alpha() })), units };
}

