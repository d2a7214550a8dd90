// Words and sentences of a chunk in one scan.
//
// Words: the same as WORD_RE (letters/digits joined by inner ' ’ . - and by "," before three digits), found by
// a char-code loop with an ASCII fast path; other BMP characters are classified once with /[\p{L}\p{N}]/u and
// cached. WORD_RE itself stays exported (the benchmark's floor and termWords use the same pattern).
//
// Sentences: the rules of sentenceEnds.ts, applied to the gap between two words.
//
// Measured on Node 20.20 (shared 2-core machine; bench/suggest.bench.ts, "segmentation on 50 KB" table):
//   Intl.Segmenter sentences, one call ........ 227 ms / 50 KB (superlinear: 1 MB in one call took seconds)
//   Intl.Segmenter sentences, per paragraph ...  2.5 ms / 50 KB (+ slices and the repairs: ~180 ms per MB
//                                                in the old sentenceRanges, measured with --cpu-prof)
//   Intl.Segmenter words, per paragraph ....... 28 ms / 50 KB
//   WORD_RE.exec over the text (the floor) ....  2.9 ms / 50 KB
//   scanChunk: words AND sentences ............  2.0 ms / 50 KB (token objects included)
// The scan replaced "Intl.Segmenter per paragraph + repairs + WORD_RE per sentence": on 8,206 sentences (the
// benchmark text, our evaluation texts, NewsSD-ENG train and val run together) both give identical sentences
// and identical suggestions.
import { bmpClass, isDigit, isLineBreak, isSpace, isTerm, isUpperAt, wordCharAt } from './chars';
import { reusableChunk, ScannedChunk, SentenceSpan, Span, Token } from './chunk';
import { FNV_OFFSET, FNV_PRIME, lowerSlow, WORDS } from './intern';
import { GapEnd, sentenceEndInGap } from './sentenceEnds';

/**
 * Words and sentences of text[start, end) (one paragraph or chunk from paragraphRanges); into a reusableChunk
 * when one is given (its objects are overwritten), else into a fresh chunk whose arrays are exactly
 * tokenCount / sentenceCount / quoteMarkCount long.
 */
export function scanChunk(text: string, start: number, end: number, into?: ScannedChunk): ScannedChunk {
  // A new chunk takes the same path as a reused one (its arrays start with the same element kind, see
  // reusableChunk, so the optimised scan serves both).
  return scanInto(text, start, end, into ?? reusableChunk());
}

function scanInto(text: string, start: number, end: number, into: ScannedChunk): ScannedChunk {
  const tokens = into.tokens;
  const sentences = into.sentences;
  const quoteMarks = into.quoteMarks;
  // Imported bindings read once: in the CommonJS build each use would be a property load per character.
  const words = WORDS;
  const charClass = bmpClass;
  const prime = FNV_PRIME;
  const gap: GapEnd = { next: 0 };
  let nTok = 0;
  let nSent = 0;
  let nQuote = 0;
  let sentStart = start;
  let sentFirst = 0;
  let prevEnd = start;
  // Has the gap since the last word a terminator (. ! ?) or a line break? Only then can a sentence end in it
  // (sentenceEndInGap looks at nothing else): most gaps are one space, and the call is skipped for them.
  let gapMark = false;
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c < 128 ? charClass[c] !== 1 : wordCharAt(text, i, end) === 0) {
      if (c !== 32) {
        if (isTerm(c) || isLineBreak(c)) gapMark = true;
        // Quote marks are never part of a word: noted here, the quotation pass need not read the text again.
        else if (c === 34 || c === 0x201c || c === 0x201d) {
          if (nQuote < quoteMarks.length) quoteMarks[nQuote] = i;
          else quoteMarks.push(i);
          nQuote++;
        }
      }
      i++;
      continue;
    }
    // A word starts at i. First, does the gap before it end a sentence?
    if (i > prevEnd && nTok > sentFirst) {
      if (gapMark) {
        const lone = nTok - sentFirst === 1 && tokens[sentFirst].start === sentStart ? tokens[sentFirst] : undefined;
        const e = sentenceEndInGap(text, prevEnd, i, end, sentStart, lone, tokens[nTok - 1], gap);
        if (e >= 0) {
          let se = e;
          while (se > sentStart && isSpace(text.charCodeAt(se - 1))) se--;
          putSentence(sentences, nSent++, sentStart, se, sentFirst, nTok);
          let ns = Math.min(gap.next, i);
          while (ns < i && isSpace(text.charCodeAt(ns))) ns++;
          sentStart = ns;
          sentFirst = nTok;
        }
      }
    } else if (nTok === sentFirst && i > prevEnd) {
      // No word yet in this sentence: a line break before the first word starts it afresh.
      for (let k = prevEnd; k < i; k++) if (isLineBreak(text.charCodeAt(k))) sentStart = k + 1;
      while (sentStart < i && isSpace(text.charCodeAt(sentStart))) sentStart++;
    }
    gapMark = false;
    const s = i;
    let digit = false;
    let curly = false;
    // The intern hash (as Interner.lower computes it) is taken on the way, unless a letter is not ASCII.
    let h = FNV_OFFSET;
    let ascii = true;
    for (;;) {
      // A run of letters/digits.
      while (i < end) {
        const d = text.charCodeAt(i);
        if (d < 128) {
          if (charClass[d] !== 1) break;
          if (d <= 57) digit = true;
          h = Math.imul(h ^ (d >= 65 && d <= 90 ? d + 32 : d), prime);
          i++;
        } else {
          const k = wordCharAt(text, i, end);
          if (!k) break;
          ascii = false;
          i += k;
        }
      }
      if (i + 1 >= end) break;
      const j = text.charCodeAt(i);
      if (j === 39 || j === 46 || j === 45 || j === 0x2019) {
        if (!wordCharAt(text, i + 1, end)) break;
        if (j === 0x2019) curly = true;
        h = Math.imul(h ^ (j === 0x2019 ? 39 : j), prime);
        i++;
      } else if (j === 44 && i + 3 < end && isDigit(text.charCodeAt(i + 1)) && isDigit(text.charCodeAt(i + 2)) && isDigit(text.charCodeAt(i + 3))) {
        h = Math.imul(h ^ 44, prime);
        i++;
      } else break;
    }
    let lower: string;
    let id: number;
    if (ascii) {
      lower = words.hashed(text, s, i, curly, h);
      id = words.lastId;
    } else {
      id = -1;
      lower = lowerSlow(text, s, i, curly);
    }
    const tok = tokens[nTok];
    if (tok === undefined) tokens.push(new Token(s, i, lower, isUpperAt(c), digit, id));
    else {
      tok.start = s;
      tok.end = i;
      tok.lower = lower;
      tok.cap = isUpperAt(c);
      tok.digit = digit;
      tok.id = id;
    }
    nTok++;
    prevEnd = i;
  }
  if (nTok > sentFirst) {
    // A break in the last gap leaves only marks after it ("Done. —"): the sentence ends at the break.
    const lone = nTok - sentFirst === 1 && tokens[sentFirst].start === sentStart ? tokens[sentFirst] : undefined;
    const e = prevEnd < end ? sentenceEndInGap(text, prevEnd, end, end, sentStart, lone, tokens[nTok - 1], gap) : -1;
    let se = e >= 0 ? e : end;
    while (se > sentStart && isSpace(text.charCodeAt(se - 1))) se--;
    putSentence(sentences, nSent++, sentStart, se, sentFirst, nTok);
  }
  into.tokenCount = nTok;
  into.sentenceCount = nSent;
  into.quoteMarkCount = nQuote;
  return into;
}

function putSentence(sentences: SentenceSpan[], k: number, start: number, end: number, first: number, last: number): void {
  const old = sentences[k];
  if (old === undefined) sentences.push({ start, end, first, last });
  else {
    old.start = start;
    old.end = end;
    old.first = first;
    old.last = last;
  }
}

/** Sentence ranges inside text[start, end) (one paragraph or chunk), trimmed, abbreviations repaired. */
export function sentenceRanges(text: string, start: number, end: number): Span[] {
  return scanChunk(text, start, end).sentences.map((s) => ({ start: s.start, end: s.end }));
}
