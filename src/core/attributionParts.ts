// Source and cue candidates for an attribution the editor just tagged: who said it and the reporting verb,
// found by the attribution detector in the paragraph(s) around the content, nearest first.
import { suggestRange } from './suggest';
import { paragraphAt } from './textUnits';

export interface PartCandidate {
  start: number;
  end: number;
  text: string;
  /** The source is a group rather than a named person ("officials", "critics"). */
  unnamed?: boolean;
}

export interface AttributionCandidates {
  sources: PartCandidate[];
  cues: PartCandidate[];
}

export function attributionCandidates(text: string, start: number, end: number): AttributionCandidates {
  const from = paragraphAt(text, start).start;
  const to = paragraphAt(text, Math.max(start, end - 1)).end;
  const found = suggestRange(text, from, to, { kinds: ['attribution'], minScore: 0 }).suggestions;
  const distance = (s: { start: number; end: number }) => (s.end <= start ? start - s.end : s.start >= end ? s.start - end : 0);
  const sources = new Map<string, PartCandidate>();
  const cues = new Map<string, PartCandidate>();
  const ranked = [...found].sort((a, b) => distance(a) - distance(b));
  for (const s of ranked) {
    const { source, cue } = s.parts ?? {};
    if (source && source.end > source.start) {
      sources.set(`${source.start}:${source.end}`, { ...source, text: text.slice(source.start, source.end), unnamed: s.unnamedSource });
    }
    if (cue && cue.end > cue.start) cues.set(`${cue.start}:${cue.end}`, { ...cue, text: text.slice(cue.start, cue.end) });
  }
  const byDistance = (a: PartCandidate, b: PartCandidate) => distance(a) - distance(b) || a.start - b.start;
  return { sources: [...sources.values()].sort(byDistance), cues: [...cues.values()].sort(byDistance) };
}
