// "Show What Claim Tagger Learned": a readable Markdown page per workspace folder (decisions and how they move
// scores, remembered phrases with counts and source documents, forgotten phrases). Every user string escaped.
import { escapeMarkdown } from '../escape';
import { DecisionCounts, adjustment } from './decisions';
import { Learned } from './learnedFile';
import { PhraseMemory } from './phraseMemory';
import { LEARNED_PHRASE_RULE } from './layer';

export interface FolderLearning {
  name: string;
  learned?: Learned;
  /** Why learned.json is not used (corrupt, newer), when it is not. */
  problem?: string;
  memory?: PhraseMemory;
}

/** Rows kept per table: the page stays readable on a workspace with 100,000 tags. */
export const MAX_ROWS = 500;

export function learnedMarkdown(folders: readonly FolderLearning[], enabled: boolean): string {
  const out: string[] = ['# What Claim Tagger learned', ''];
  if (!enabled) out.push('_Learning is off (setting `claimTagger.suggestions.learn`): nothing below changes suggestions._', '');
  for (const f of folders) {
    out.push(`## ${escapeMarkdown(f.name)}`, '');
    if (f.problem) out.push(`**learned.json is not used:** ${escapeMarkdown(f.problem)}`, '');
    const d = f.learned?.decisions;
    const rules = d ? Object.entries(d.rules).sort(byKey) : [];
    out.push('### Decisions per rule', '');
    if (!rules.length) out.push('_No suggestion accepted or dismissed yet._', '');
    else {
      out.push('| rule | accepted | dismissed | score change |', '| --- | ---: | ---: | ---: |');
      for (const [rule, c] of rules.slice(0, MAX_ROWS)) out.push(`| ${cell(rule)} | ${c.accepted} | ${c.dismissed} | ${signed(adjustment({ rules: { [rule]: c }, terms: {} }, rule, undefined).delta)} |`);
      out.push('');
    }
    const terms: [string, string, DecisionCounts][] = [];
    if (d) for (const [rule, byTerm] of Object.entries(d.terms)) for (const [term, c] of Object.entries(byTerm)) terms.push([rule, term, c]);
    terms.sort((a, b) => (b[2].accepted + b[2].dismissed) - (a[2].accepted + a[2].dismissed) || cmp(a[0] + a[1], b[0] + b[1]));
    if (terms.length) {
      out.push('### Decisions per term', '', '| term | rule | accepted | dismissed | score change (with its rule) |', '| --- | --- | ---: | ---: | ---: |');
      for (const [rule, term, c] of terms.slice(0, MAX_ROWS)) out.push(`| ${cell(term)} | ${cell(rule)} | ${c.accepted} | ${c.dismissed} | ${signed(adjustment(d, rule, term).delta)} |`);
      if (terms.length > MAX_ROWS) out.push('', `_…and ${terms.length - MAX_ROWS} more._`);
      out.push('');
    }
    const entries = f.memory?.entries() ?? [];
    entries.sort((a, b) => b.sources.length - a.sources.length || cmp(a.kind + a.key, b.kind + b.key));
    out.push(`### Remembered phrases (${entries.length})`, '');
    if (!entries.length) out.push('_No tags in this folder yet: every tag becomes a remembered phrase._', '');
    else {
      out.push('| phrase | kind | tags | documents | decisions |', '| --- | --- | ---: | --- | --- |');
      for (const e of entries.slice(0, MAX_ROWS)) {
        const docs = [...new Set(e.sources.map((s) => s.name))];
        const c = d && Object.hasOwn(d.terms, LEARNED_PHRASE_RULE) && Object.hasOwn(d.terms[LEARNED_PHRASE_RULE], e.key) ? d.terms[LEARNED_PHRASE_RULE][e.key] : undefined;
        out.push(`| ${cell(e.quote)} | ${e.kind} | ${e.sources.length} | ${cell(docs.slice(0, 3).join(', ') + (docs.length > 3 ? ` (+${docs.length - 3})` : ''))} | ${c ? `${c.accepted} accepted, ${c.dismissed} dismissed` : ''} |`);
      }
      if (entries.length > MAX_ROWS) out.push('', `_…and ${entries.length - MAX_ROWS} more._`);
      out.push('');
    }
    const forgotten = Object.entries(f.learned?.forgotten ?? {}).flatMap(([kind, byKey]) => Object.entries(byKey).map(([key, n]) => [kind, key, n] as const));
    if (forgotten.length) {
      out.push('### Forgotten phrases', '', '_Suggested again once tagged more often than when forgotten._', '', '| phrase | kind | tags when forgotten |', '| --- | --- | ---: |');
      for (const [kind, key, n] of forgotten.slice(0, MAX_ROWS)) out.push(`| ${cell(key)} | ${kind} | ${n} |`);
      out.push('');
    }
  }
  return out.join('\n');
}

function cell(s: string): string {
  return escapeMarkdown(s.replace(/\s+/g, ' ')); // escapes | too
}

function signed(n: number): string {
  return n === 0 ? '0' : n > 0 ? `+${n.toFixed(2)}` : n.toFixed(2).replace('-', '−');
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byKey(a: [string, unknown], b: [string, unknown]): number {
  return cmp(a[0], b[0]);
}
