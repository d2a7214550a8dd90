// NewsSD-ENG (Antici et al., LREC-COLING 2024, CC BY 4.0): the reader shared by bench/quality.bench.ts and
// scripts/train-opinion-model.mjs (which loads the compiled out/bench/newssd.js). The data is read from outside the
// repository (../shared/data/newssd-eng, or NEWSSD_DIR) and never copied into it.
import fs from 'node:fs';
import path from 'node:path';

export interface LabelledSentence {
  text: string;
  /** 1 for SUBJ, 0 for OBJ. */
  y: number;
}

/**
 * Where the splits live: NEWSSD_DIR, else ../shared/data/newssd-eng beside the repository, else two levels up
 * (a git worktree such as /work/wt/<name> beside /work/shared).
 */
export function newsSdDir(root: string): string {
  if (process.env.NEWSSD_DIR) return process.env.NEWSSD_DIR;
  const near = path.resolve(root, '..', 'shared', 'data', 'newssd-eng');
  const far = path.resolve(root, '..', '..', 'shared', 'data', 'newssd-eng');
  return fs.existsSync(near) || !fs.existsSync(far) ? near : far;
}

/** RFC 4180 CSV, read leniently: quoted fields may hold commas, doubled quotes and newlines; blank rows are skipped. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endRow = () => {
    row.push(field);
    field = '';
    if (row.some((f) => f !== '')) rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else field += c;
  }
  endRow();
  return rows;
}

/** The sentences and labels of one split file (columns Sentence and Label). */
export function loadNewsSd(file: string): LabelledSentence[] {
  const [header, ...rows] = parseCsv(fs.readFileSync(file, 'utf8'));
  const si = header.indexOf('Sentence');
  const li = header.indexOf('Label');
  if (si < 0 || li < 0) throw new Error(`${file}: expected the columns Sentence and Label`);
  return rows.map((r) => ({ text: r[si].trim(), y: r[li].trim() === 'SUBJ' ? 1 : 0 }));
}

/** Mean of the F1 of class 1 and class 0 (the trainer's own measure). */
export { macroF1 } from '../src/core/suggest/train';
