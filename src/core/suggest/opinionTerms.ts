// Opinion-term suggestions of a sentence: matches of the main lexicon's opinion family, neighbouring ones joined
// into one phrase, and (in opinion-leaning sentences) the contextual tier of contextual.ts.
import { inside, Sentence, Token } from './analyze';
import type { Attribution } from './attributions';
import { carriesNumber } from './constructionJudges';
import { pushContextual } from './contextual';
import { LOADED_REPORTING_PAIRS, LOADED_REPORTING_VERBS } from './cueWords';
import { formulaAt } from './formulae';
import type { LexEntry } from './lexicon';
import type { SentenceOpinion } from './opinion';
import { suggestion } from './made';
import { opinionTermExplanation, opinionWhy } from './opinionWhy';
import { onlySpaces, round, Run } from './run';
import { INTERN_SIZE } from './text';
import { wordSet } from './wordLists';

/**
 * Sentence opinion score from which the contextual tier ('opinion.contextual') is shown: 0.35 since round 5 of
 * issue 12 (0.4 before; on the tune half's unread fold, 2 more hits for 3 more false alarms, F1 not lower).
 */
export const CONTEXT_MIN_SENTENCE_SCORE = 0.35;

export function pushOpinionTerms(run: Run, s: Sentence, opinion: SentenceOpinion, attributions: Attribution[], wireLike: boolean): void {
  // The contextual tier needs an opinion-leaning sentence that does not read like a wire report.
  run.whyOf = undefined;
  const from = run.suggestions.length;
  if (!wireLike && opinion.score >= CONTEXT_MIN_SENTENCE_SCORE && run.context.words.size > 0) pushContextual(run, s, opinion, attributions);
  const text = run.text;
  // What the sentence contributes to each term's explanation, worked out once per sentence.
  let why: string | undefined;
  const matches = s.matches;
  for (let mi = 0; mi < matches.length; mi++) {
    const m = matches[mi];
    if (m.entry.family !== 'opinion') continue;
    // Opinion words next to each other are one phrase ("deeply flawed", "utterly shameful decision", "shameful
    // cowardice"): one suggestion, so that an evaluative noun phrase counts once.
    let last = m;
    let top = m;
    let parts = 1;
    for (let k = mi + 1; k < matches.length; k++) {
      const next = matches[k];
      if (next.entry.family !== 'opinion') continue;
      if (next.first !== last.last + 1 || !onlySpaces(text, last.end, next.start) || !(intensifies(last.entry) || joinsPhrase(last.entry, next.entry))) break;
      last = next;
      if (next.entry.weight > top.entry.weight) top = next;
      parts++;
      mi = k;
    }
    const quoted = s.quotes.length > 0 && inside(s.quotes, m.start);
    // Reported speech ("He said health systems would have to…") is the source's voice too, like a quotation.
    const reported = !quoted && inReportedSpeech(attributions, m.start);
    const weight = Math.min(1, top.entry.weight + (parts > 1 ? 0.1 : 0));
    const score = round(Math.max(0, Math.min(1, 0.7 * weight + 0.3 * opinion.score - (quoted || reported ? 0.2 : 0))));
    if (score < run.minScore) continue;
    why ??= opinionWhy(opinion);
    const entry = top.entry;
    // "at best a gamble", "at worst a waste": the writer grades what follows; the phrase, not "best", is the term.
    const before = m.first > 0 ? s.tokens[m.first - 1] : undefined;
    if (parts === 1 && before !== undefined && before.lower === 'at' && AT_RANKS.has(entry.term) && onlySpaces(text, before.end, m.start)) {
      // With a figure ("At best, the bus takes forty minutes") it bounds a measure: the same rule as "by far".
      if (carriesNumber(s.tokens)) continue;
      const phrase = text.slice(before.start, m.end);
      const rankWhat = `“${phrase}”: ${AT_RANK_NOTE}${quoted ? ' (inside a quotation: the source\'s words)' : ''}${reported ? REPORTED : ''}`;
      run.suggestions.push(suggestion('opinion', before.start, m.end, phrase, entry.category, `${rankWhat}; sentence opinion score ${opinion.score.toFixed(2)}.${why}`, score, phrase.toLowerCase()));
      continue;
    }
    const term = text.slice(m.start, last.end);
    const head = parts > 1 ? `evaluative phrase; “${text.slice(top.start, top.end)}”: ` : '';
    const what = entry.note ? `“${term}”: ${head}${entry.note}${quoted ? ' (inside a quotation: the source\'s words)' : ''}` : parts > 1
      ? `“${term}”: evaluative phrase; ${opinionTermExplanation(entry.category, text.slice(top.start, top.end), quoted)}`
      : opinionTermExplanation(entry.category, term, quoted);
    const explanation = `${what}${reported ? REPORTED : ''}; sentence opinion score ${opinion.score.toFixed(2)}.${why}`;
    run.suggestions.push(suggestion('opinion', m.start, last.end, term, entry.category, explanation, score, entry.term));
  }
  pushFormulae(run, s, opinion, attributions, from);
  pushLoadedVerbs(run, s, opinion, attributions, from);
}

/**
 * Whether a word is a loaded reporting verb or the first word of one, by interned word id (Token.id): this runs for
 * every word and almost none is, so one array read replaces two look-ups. 0: not looked up yet, 1: no, 2: yes.
 */
const loadedById = new Uint8Array(INTERN_SIZE);

function mayBeLoadedVerb(tok: Token): boolean {
  const id = tok.id;
  if (id < 0) return LOADED_REPORTING_VERBS.has(tok.lower) || LOADED_REPORTING_PAIRS.has(tok.lower);
  let k = loadedById[id];
  if (k === 0) loadedById[id] = k = LOADED_REPORTING_VERBS.has(tok.lower) || LOADED_REPORTING_PAIRS.has(tok.lower) ? 2 : 1;
  return k === 2;
}

const LOADED_NOTE = 'loaded reporting verb: frames the speaker\'s manner or motive, where a neutral verb (said) records that they spoke';

/**
 * Loaded reporting verbs (cueWords.ts) in the writer's voice: outside quotations and reported content, not where an
 * opinion suggestion of the sentence already covers them.
 */
function pushLoadedVerbs(run: Run, s: Sentence, opinion: SentenceOpinion, attributions: Attribution[], from: number): void {
  const tokens = s.tokens;
  const n = tokens.length;
  const text = run.text;
  for (let i = 0; i < n; i++) {
    const tok = tokens[i];
    if (!mayBeLoadedVerb(tok)) continue;
    const lower = tok.lower;
    let last = -1;
    if (LOADED_REPORTING_VERBS.has(lower)) last = i;
    else if (i + 1 < n && LOADED_REPORTING_PAIRS.get(lower) === tokens[i + 1].lower && onlySpaces(text, tok.end, tokens[i + 1].start)) last = i + 1;
    if (last < 0) continue;
    const start = tok.start;
    const end = tokens[last].end;
    i = last;
    if ((s.quotes.length > 0 && inside(s.quotes, start)) || inContent(attributions, start)) continue;
    let covered = false;
    for (let k = from; k < run.suggestions.length && !covered; k++) {
      const o = run.suggestions[k];
      covered = o.kind === 'opinion' && o.start < end && o.end > start;
    }
    if (covered) continue;
    const term = text.slice(start, end).toLowerCase();
    if (run.filterIgnored && run.ignored.has(term)) continue;
    const score = round(Math.min(1, 0.7 * 0.7 + 0.3 * opinion.score));
    if (score < run.minScore) continue;
    const shown = text.slice(start, end);
    run.suggestions.push(suggestion('opinion', start, end, shown, 'opinion.loaded-verb', `“${shown}”: ${LOADED_NOTE}; sentence opinion score ${opinion.score.toFixed(2)}.${opinionWhy(opinion)}`, score, term));
  }
}

const FORMULA_NOTE = 'a formula of diplomatic or official praise (communiqué, readout, state commentary): the publisher\'s own evaluation';
const FORMULA_REPORTED = ' (in what an attribution reports: the register\'s ritual praise all the same)';

/**
 * Register formulae of diplomatic praise (formulae.ts), in any sentence whatever its opinion score and whether or not
 * it reads like a report: a readout's ritual praise sits in sentences that read like plain reports ("The two sides
 * reaffirmed their firm commitment …"), so, as the main lexicon's words, it is shown in reported speech too (without
 * the main lexicon's penalty there: a formula is the register's, whoever is said to voice it). Not inside a
 * quotation. Opinion suggestions of this sentence (from index from) inside it give way to it.
 */
function pushFormulae(run: Run, s: Sentence, opinion: SentenceOpinion, attributions: Attribution[], from: number): void {
  const tokens = s.tokens;
  const n = tokens.length;
  for (let i = 0; i < n; i++) {
    const last = formulaAt(run.text, tokens, n, i);
    if (last < 0) continue;
    const start = tokens[i].start;
    const end = tokens[last].end;
    i = last;
    if (s.quotes.length > 0 && inside(s.quotes, start)) continue;
    // Words of it already suggested ("cordial", "friendly") give way to the whole formula, one unit as an editor
    // marks it; a suggestion that reaches beyond it keeps its place and the formula is not shown.
    let beyond = false;
    let score = round(Math.min(1, 0.7 * FORMULA_WEIGHT + 0.3 * opinion.score));
    for (let k = from; k < run.suggestions.length && !beyond; k++) {
      const o = run.suggestions[k];
      if (o.kind !== 'opinion' || o.start >= end || o.end <= start) continue;
      beyond = o.start < start || o.end > end;
      if (o.score > score) score = o.score;
    }
    if (beyond) continue;
    const text = run.text.slice(start, end);
    const term = text.toLowerCase();
    if (run.filterIgnored && run.ignored.has(term)) continue;
    if (score < run.minScore) continue;
    for (let k = run.suggestions.length - 1; k >= from; k--) {
      const o = run.suggestions[k];
      if (o.kind === 'opinion' && o.start < end && o.end > start) run.suggestions.splice(k, 1);
    }
    const reported = inContent(attributions, start) ? FORMULA_REPORTED : '';
    const explanation = `“${text}”: ${FORMULA_NOTE}${reported}; sentence opinion score ${opinion.score.toFixed(2)}.${opinionWhy(opinion)}`;
    run.suggestions.push(suggestion('opinion', start, end, text, 'opinion.formula', explanation, score, term));
  }
}

/** The weight of a formula: 0.75, so that it is shown at the default minimum score (0.5) whatever the sentence's. */
const FORMULA_WEIGHT = 0.75;

/** Is offset inside what an attribution reports, before or after its cue? */
function inContent(attributions: Attribution[], offset: number): boolean {
  for (const a of attributions) if (a.content && offset >= a.content.start && offset < a.content.end) return true;
  return false;
}
const REPORTED = ' (in reported speech: the source\'s words)';
/** Superlatives that, after "at", grade what follows rather than praise or blame ("at best", "at worst"). */
const AT_RANKS = wordSet('opinionTerms.AT_RANKS', ['best', 'worst']);
const AT_RANK_NOTE = 'a construction that ranks or grades in the writer\'s voice (the best or worst case of what follows)';

/** Is offset inside what an attribution reports after its cue ("…told a briefing that <content>")? */
function inReportedSpeech(attributions: Attribution[], offset: number): boolean {
  // Only content after its cue: "X said that …" reports; in "…, critics argued." the clause may be the writer's own.
  for (const a of attributions) if (a.cue && a.content && a.content.start >= a.cue.end && offset >= a.content.start && offset < a.content.end) return true;
  return false;
}

/** Does the entry modify the word after it ("deeply", "woefully", "very")? Then the two are one phrase. */
function intensifies(e: LexEntry): boolean {
  return e.category === 'opinion.booster' || ((e.category === 'opinion.sentiment' || e.category === 'opinion.evaluative') && e.words.length === 1 && e.term.endsWith('ly'));
}

/** An evaluative word before an evaluative word ("shameful cowardice", "steadfast support"): one phrase. */
function joinsPhrase(a: LexEntry, b: LexEntry): boolean {
  return a.words.length === 1 && EVALUATIVE_CATEGORIES.has(a.category) && EVALUATIVE_CATEGORIES.has(b.category) && !subjectAndVerb(a.term, b.term);
}

/**
 * Is the first word a plural noun and the second a verb it governs ("sceptics scoffed", "critics sneered")? Two
 * judgements, the subject's and the act's, not one phrase. A plural noun ends in -s (not -ous, -ss, -us, -is, which
 * adjectives and singular nouns do); a verb in -ed.
 */
function subjectAndVerb(a: string, b: string): boolean {
  return a.endsWith('s') && !a.endsWith('ous') && !a.endsWith('ss') && !a.endsWith('us') && !a.endsWith('is') && b.endsWith('ed');
}
const EVALUATIVE_CATEGORIES = wordSet('opinionTerms.EVALUATIVE_CATEGORIES', ['opinion.evaluative', 'opinion.sentiment', 'opinion.phrase']);
