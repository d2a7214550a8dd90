// The gold markup of test/fixtures/suggest-eval (format and guideline in its README): parser and loader.
// Kept apart from the metrics so the unit test and scripts/suggest-snapshot.mjs can load texts without running
// the engine.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface Span {
  start: number;
  end: number;
}

export interface GoldSentence extends Span {
  claim: boolean;
  opinion: boolean;
}

/** The half a text belongs to: decided once (README, "Split"); the old dev/ texts count as tune. */
export type Half = 'tune' | 'heldout';

export interface EvalText {
  /** File name inside its split folder (`<eval dir>/<split>/<name>` is the file; no sub-folders, see README). */
  name: string;
  /** Folder under test/fixtures/suggest-eval: 'dev', 'tune' or 'heldout'. */
  split: string;
  half: Half;
  /** state-media, editorial, column, wire, readout; 'earlier' for the issue-6 texts directly in dev/ and heldout/. */
  register: string;
  text: string;
  sentences: GoldSentence[];
  cues: Span[];
  opinionTerms: Span[];
  sources: Span[];
  contents: Span[];
  /** False for the issue-6 texts, written before source and content markup existed: not scored on those kinds. */
  hasAttributionParts: boolean;
}

type SpanKind = 'cues' | 'opinionTerms' | 'sources' | 'contents';

const PAIRS: readonly { open: string; close: string; kind: SpanKind }[] = [
  { open: '{{', close: '}}', kind: 'cues' },
  { open: '<<', close: '>>', kind: 'opinionTerms' },
  { open: '((', close: '))', kind: 'sources' },
  { open: '[[', close: ']]', kind: 'contents' },
];

const LABEL = /^\[(C|O|CO|-)\] /;

/** Line and column (1-based) of an offset in the marked-up file, for error messages. */
function where(marked: string, i: number): string {
  const before = marked.slice(0, i);
  const line = before.split('\n').length;
  return `${line}:${i - before.lastIndexOf('\n')}`;
}

/**
 * Strips the inline markup and returns the clean text with gold spans as UTF-16 offsets into it. Spans of
 * different kinds may nest (an opinion term inside a content); a span of one kind may not nest in itself.
 * Throws "<name>:<line>:<column>: ..." on an unmatched or nested marker, an empty span or a text without labels.
 */
export function parseMarkup(marked: string, name = '', split = '', register = '', half?: Half): EvalText {
  let text = '';
  const sentences: GoldSentence[] = [];
  const spans: Record<SpanKind, Span[]> = { cues: [], opinionTerms: [], sources: [], contents: [] };
  const open: Partial<Record<SpanKind, { at: number; from: number }>> = {};
  const fail = (i: number, msg: string): never => {
    throw new Error(`${name}:${where(marked, i)}: ${msg}`);
  };
  const closeSentence = () => {
    const last = sentences[sentences.length - 1];
    if (!last || last.end >= 0) return;
    let e = text.length;
    while (e > last.start && /\s/.test(text[e - 1])) e--;
    last.end = e;
  };
  for (let i = 0; i < marked.length;) {
    const label = LABEL.exec(marked.slice(i, i + 5));
    if (label) {
      closeSentence();
      sentences.push({ start: text.length, end: -1, claim: label[1].includes('C'), opinion: label[1].includes('O') });
      i += label[0].length;
      continue;
    }
    const pair = PAIRS.find((p) => marked.startsWith(p.open, i) || marked.startsWith(p.close, i));
    if (!pair) {
      text += marked[i];
      i++;
      continue;
    }
    const o = open[pair.kind];
    if (marked.startsWith(pair.open, i)) {
      if (o) fail(i, `"${pair.open}" inside another "${pair.open}" (opened at ${where(marked, o.at)})`);
      open[pair.kind] = { at: i, from: text.length };
    } else {
      if (!o) fail(i, `"${pair.close}" without "${pair.open}"`);
      else {
        if (text.slice(o.from).trim() === '') fail(i, `empty "${pair.open}${pair.close}"`);
        spans[pair.kind].push({ start: o.from, end: text.length });
        open[pair.kind] = undefined;
      }
    }
    i += 2;
  }
  closeSentence();
  for (const p of PAIRS) {
    const o = open[p.kind];
    if (o) fail(o.at, `"${p.open}" never closed`);
  }
  if (!sentences.length && text.trim()) fail(0, 'no sentence label ([C] [O] [CO] [-])');
  for (const k of Object.keys(spans) as SpanKind[]) spans[k].sort((a, b) => a.start - b.start || a.end - b.end);
  return {
    name, split, register, half: half ?? (split === 'heldout' ? 'heldout' : 'tune'), text, sentences, ...spans,
    hasAttributionParts: register !== 'earlier',
  };
}

export const EVAL_DIR = path.resolve(__dirname, '..', '..', 'test', 'fixtures', 'suggest-eval');

const txtFiles = (d: string) => (fs.existsSync(d) ? fs.readdirSync(d).filter((f) => f.endsWith('.txt')).sort() : []);

export const REGISTERS = ['state-media', 'editorial', 'column', 'wire', 'readout', 'plain'] as const;
const REGISTER_PREFIX = new RegExp(`^(${REGISTERS.join('|')})-\\d+-`);

/** The register named by a file name's prefix ("wire-03-court-ruling.txt"); 'earlier' for the issue-6 texts. */
export function registerOf(file: string): string {
  return REGISTER_PREFIX.exec(file)?.[1] ?? 'earlier';
}

/** Every evaluation text: dev/ (half tune), tune/ and heldout/, in file-name order. */
export function loadEvalTexts(dir = EVAL_DIR): EvalText[] {
  const out: EvalText[] = [];
  for (const split of ['dev', 'tune', 'heldout']) {
    for (const f of txtFiles(path.join(dir, split))) {
      out.push(parseMarkup(fs.readFileSync(path.join(dir, split, f), 'utf8'), f, split, registerOf(f)));
    }
  }
  return out;
}
