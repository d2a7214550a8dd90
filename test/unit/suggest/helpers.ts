import { suggest, Suggestion, SuggestOptions } from '../../../src/core/suggest';

/** Suggestions of one kind, as [text, rule] pairs, with the default threshold unless options say otherwise. */
export function found(text: string, kind: Suggestion['kind'], options: SuggestOptions = {}): Suggestion[] {
  return suggest(text, options).suggestions.filter((s) => s.kind === kind);
}

export function slice(text: string, span: { start: number; end: number } | undefined): string | undefined {
  return span && text.slice(span.start, span.end);
}

/** Opinion suggestions of `text`, shown as "text (rule: start of the explanation)" for assertion messages. */
export function shownOpinions(text: string): string[] {
  return found(text, 'opinion').map((s) => `${s.text} (${s.rule}: ${s.explanation.slice(0, 70)})`);
}

/** The opinion suggestion whose text is `term` in `text` (case as written); fails with what was found instead. */
export function oneOpinion(text: string, term: string): Suggestion {
  const hit = found(text, 'opinion').find((s) => s.text === term);
  if (!hit) throw new Error(`no "${term}" in "${text}": ${shownOpinions(text).join('; ')}`);
  return hit;
}
