// Claim and attribution suggestions of a sentence, with their explanations.
import type { Attribution } from './attributions';
import { explainAttribution } from './attributions';
import type { Sentence } from './analyze';
import type { Cue } from './claims';
import { round, Run } from './run';
import type { Span, Suggestion } from './types';

export function pushClaim(run: Run, s: Sentence, cues: Cue[], claimScore: number): void {
  const text = run.text;
  const ignored = run.ignored;
  const usable = run.filterIgnored ? cues.filter((c) => !c.term || !ignored.has(c.term)) : cues;
  if (!usable.length) return;
  let top = usable[0];
  for (let ci = 0; ci < usable.length; ci++) if (usable[ci].weight > top.weight) top = usable[ci];
  const suggestion: Suggestion = {
    kind: 'claim', start: s.start, end: s.end, text: text.slice(s.start, s.end), rule: top.rule,
    explanation: claimExplanation(text, usable), score: claimScore,
  };
  if (top.term) suggestion.term = top.term;
  run.suggestions.push(suggestion);
}

export function pushAttributions(run: Run, attributions: Attribution[]): void {
  const text = run.text;
  for (const a of attributions) {
    if (a.score < run.minScore || (run.filterIgnored && run.ignored.has(a.term))) continue;
    const parts: NonNullable<Suggestion['parts']> = {};
    if (a.source) parts.source = a.source;
    if (a.cue) parts.cue = a.cue;
    // (content may be a quotation span shared with other attributions: copied.)
    if (a.content) parts.content = { start: a.content.start, end: a.content.end };
    run.suggestions.push({
      kind: 'attribution', start: a.start, end: a.end, text: text.slice(a.start, a.end), rule: a.rule,
      explanation: explainAttribution(a, text), score: round(a.score), term: a.term, parts, unnamedSource: a.unnamedSource,
    });
  }
}

/** Does a claim cue state a number, amount, percentage or date? (With a reporting cue: a wire-like sentence.) */
export function hasNumber(cues: Cue[]): boolean {
  for (let k = 0; k < cues.length; k++) {
    const r = cues[k].rule;
    if (r === 'claim.number' || r === 'claim.percentage' || r === 'claim.money' || r === 'claim.date') return true;
  }
  return false;
}

/** "Check-worthy statement: a number (“12 percent”), a named actor (“Mirela Kos”)." — from the first four cues. */
function claimExplanation(text: string, cues: Cue[]): string {
  let what = '';
  const n = Math.min(cues.length, 4);
  for (let i = 0; i < n; i++) {
    const c = cues[i];
    let dup = false;
    for (let k = 0; k < i && !dup; k++) dup = cues[k].rule === c.rule && sameText(text, cues[k], c);
    if (dup) continue;
    const item = (CLAIM_NAMES[c.rule] ?? c.rule) + ' (“' + text.slice(c.start, c.end) + '”)';
    what = what ? what + ', ' + item : item;
  }
  return 'Check-worthy statement: ' + what + '.';
}

function sameText(text: string, a: Span, b: Span): boolean {
  const n = a.end - a.start;
  if (n !== b.end - b.start) return false;
  for (let k = 0; k < n; k++) if (text.charCodeAt(a.start + k) !== text.charCodeAt(b.start + k)) return false;
  return true;
}

const CLAIM_NAMES: Record<string, string> = {
  'claim.number': 'a number',
  'claim.percentage': 'a percentage',
  'claim.money': 'an amount of money',
  'claim.date': 'a date or time',
  'claim.named-actor': 'a named actor, organisation or office',
  'claim.superlative': 'a superlative or first',
  'claim.comparison': 'a comparison',
  'claim.change': 'a reported change',
  'claim.causal': 'a causal link',
  'claim.official-act': 'an official act',
  'claim.event': 'a past action or event',
  'claim.custom': 'one of your extra claim terms',
};
