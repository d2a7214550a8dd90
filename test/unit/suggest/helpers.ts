import { suggest, Suggestion, SuggestOptions } from '../../../src/core/suggest';

/** Suggestions of one kind, as [text, rule] pairs, with the default threshold unless options say otherwise. */
export function found(text: string, kind: Suggestion['kind'], options: SuggestOptions = {}): Suggestion[] {
  return suggest(text, options).suggestions.filter((s) => s.kind === kind);
}

export function slice(text: string, span: { start: number; end: number } | undefined): string | undefined {
  return span && text.slice(span.start, span.end);
}
