// Function words: what derived claim evidence (claimEvidence.ts) leaves out of a sentence. Articles, pronouns,
// prepositions, conjunctions, auxiliaries, modals and particles carry a sentence's grammar, not its kind: "the"
// and "would" recur in claims and opinions alike, "ratified" and "percent" tell them apart.
// Lists are of normalised words (normalize.ts: plural and possessive endings dropped, so "this" is "thi").
import { normWord } from './normalize';

const WORDS = `a an the this that these those some any each every no none all both either neither
i me my mine we us our ours you your yours he him his she her hers it its they them their theirs one ones
myself ourselves yourself himself herself itself themselves who whom whose which what where when why how
there here then than as if so but and or nor not yet also too very just only even still again ever
of to in on at by for with from into onto upon about above below over under between among through during
before after since until till against without within across along around behind beyond near off out up down
be is am are was were been being have has had having do does did doing done get gets got
can could may might must shall should will would ought let
because while although though whether unless however therefore thus
such same other another own more most less least much many few several lot
mr mrs ms dr s t d ll re ve`;

/** Normalised function words (built once). */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean).map(normWord));

/** A word (normalised) that can carry a span's stance or kind: not a function word, not a number, 3+ letters. */
export function isContentWord(norm: string): boolean {
  if (norm.length < 3 || FUNCTION_WORDS.has(norm)) return false;
  for (let i = 0; i < norm.length; i++) {
    const c = norm.charCodeAt(i);
    if (!(c >= 48 && c <= 57)) return true;
  }
  return false; // digits only
}
