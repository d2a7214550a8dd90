// Claim and attribution suggestions of a sentence, with their explanations.
import type { Attribution } from './attributions';
import { explainAttribution } from './attributions';
import type { Sentence } from './analyze';
import type { Cue } from './claims';
import { suggestion } from './made';
import { round, Run } from './run';
import type { Span, Suggestion } from './types';

export function pushClaim(run: Run, s: Sentence, cues: Cue[], claimScore: number): void {
  const text = run.text;
  const ignored = run.ignored;
  const usable = run.filterIgnored ? cues.filter((c) => !c.term || !ignored.has(c.term)) : cues;
  if (!usable.length) return;
  let top = usable[0];
  for (let ci = 0; ci < usable.length; ci++) if (usable[ci].weight > top.weight) top = usable[ci];
  const start = s.start;
  const end = s.end;
  const explanation = claimExplanation(text, usable);
  run.suggestions.push(suggestion('claim', start, end, text.slice(start, end), top.rule, explanation, claimScore, top.term ? top.term : undefined));
}

export function pushAttributions(run: Run, attributions: Attribution[]): void {
  const text = run.text;
  for (const a of attributions) {
    const score = round(a.score);
    if (score < run.minScore || (run.filterIgnored && run.ignored.has(a.term))) continue;
    const parts = partsOf(a);
    run.suggestions.push(suggestion('attribution', a.start, a.end, text.slice(a.start, a.end), a.rule, explainAttribution(a, text), score, a.term, parts, a.unnamedSource));
  }
}

/**
 * { source?, cue?, content? } of an attribution: only the parts it has, in that order, each shape built by one
 * object literal. Adding the parts one by one made objects of "transition" hidden classes, which V8 keeps only
 * while some object has them: when the editor (or a benchmark) had dropped the last suggestions, a full GC
 * dropped those classes and threw away the optimised code of every function that had stored the parts
 * (pushAttributions, suggestSentence, suggestParagraph, suggestRange…, "reason: weak objects" under
 * --trace-deopt), so the next passes ran unoptimised while TurboFan compiled them again on another thread.
 */
function partsOf(a: Attribution): NonNullable<Suggestion['parts']> {
  const source = a.source ? copy(a.source) : undefined;
  const cue = a.cue ? copy(a.cue) : undefined;
  const content = a.content ? copy(a.content) : undefined;
  if (source) {
    if (cue) return content ? { source, cue, content } : { source, cue };
    return content ? { source, content } : { source };
  }
  if (cue) return content ? { cue, content } : { cue };
  return content ? { content } : {};
}

/**
 * The parts are copies, made here: content may be a quotation span shared with other attributions, and the
 * attribution's own spans are short-lived (most attributions are never shown). Had the shown suggestions kept
 * them, V8 would see the objects of the span literals in attributions.ts outlive a scavenge, mark those
 * allocation sites "tenure", and from then on allocate every attribution's spans in the old generation.
 */
function copy(span: Span): Span {
  return { start: span.start, end: span.end };
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
  'claim.fact-state': 'a statement of fact (a subject and its state, place or time)',
  'claim.fact-event': 'a statement of fact (a subject and what happened or did not)',
  'claim.fact-existence': 'a statement that something exists',
};
