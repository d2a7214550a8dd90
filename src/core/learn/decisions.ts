// What the editors decided about suggestions, counted per rule and per rule + term, and how those counts move
// a suggestion's score. Counts (not a trained weight) so that two files merge by addition and the result does
// not depend on the order of the decisions.

export interface DecisionCounts {
  accepted: number;
  dismissed: number;
}

export interface Decisions {
  /** rule -> counts */
  rules: Record<string, DecisionCounts>;
  /** rule -> term -> counts */
  terms: Record<string, Record<string, DecisionCounts>>;
}

/** Pseudo-decisions of the prior (half accepted, half dismissed): a few clicks move the score only a little. */
export const PRIOR = 8;
/** Most a rule and its term can lower a score together. */
export const MAX_DOWN = 0.5;
/** Most they can raise it (kept smaller: a boost only brings back suggestions just under the threshold). */
export const MAX_UP = 0.2;
/** Terms count half as much as their rule (they have fewer decisions behind them). */
const TERM_WEIGHT = 0.5;
/** Terms longer than this (whole sentences of claims) are counted per rule only. */
export const MAX_TERM_LENGTH = 60;

// Asked once per paragraph: worked out once per Decisions object, until recordDecision changes it.
const raising = new WeakMap<Decisions, boolean>();
/** Per Decisions object, the rules with a term that raises scores (see raisingRules). */
const raisingRuleSets = new WeakMap<Decisions, Set<string>>();
/** Per Decisions object, the most a term raises a score (see maxRaise). */
const maxRaises = new WeakMap<Decisions, number>();
/** adjustment() per Decisions object, rule (prefixed with NUL when term-only) and term. */
const adjustments = new WeakMap<Decisions, Map<string, Map<string | undefined, Adjustment>>>();

export function emptyDecisions(): Decisions {
  return { rules: Object.create(null), terms: Object.create(null) };
}

/** The term a suggestion's decisions are counted under, or undefined (counted per rule only). */
export function decisionTerm(s: { term?: string; text: string }): string | undefined {
  const raw = s.term ?? s.text;
  // Asked for every suggestion of a rule the workspace decided about, on every paragraph: most are terms already
  // lower case and single-spaced, or sentences (claims) too long to count per term, told without building strings.
  const fast = termAsIs(raw);
  if (fast === 1) return raw;
  if (fast === 2) return undefined;
  const t = fast === 3 ? raw.toLowerCase() : raw.toLowerCase().replace(/\s+/g, ' ').trim();
  return t && t.length <= MAX_TERM_LENGTH ? t : undefined;
}

/**
 * 1 when `raw` is its own term (lower-case ASCII, single inner spaces, not too long), 2 when it has no term (longer
 * than MAX_TERM_LENGTH even with its white space collapsed: lower-casing never shortens a string), 3 when only
 * lower-casing is needed (its only white space is single inner spaces: short sentences of claims), 0 when the
 * slow path must tell.
 */
function termAsIs(raw: string): 0 | 1 | 2 | 3 {
  const n = raw.length;
  if (n > MAX_TERM_LENGTH) {
    let len = 0;
    let space = true; // leading white space counts for nothing
    for (let i = 0; i < n; i++) {
      if (isSpace(raw.charCodeAt(i))) {
        if (!space) len++;
        space = true;
      } else {
        len++;
        space = false;
      }
      // A trailing space counted above may be trimmed: one more than the limit is needed to be sure.
      if (len > MAX_TERM_LENGTH + 1) return 2;
    }
    return 0;
  }
  if (!n) return 0;
  let lower = true;
  for (let i = 0; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (c === 32) {
      if (i === 0 || i === n - 1 || raw.charCodeAt(i - 1) === 32) return 0;
    } else if (isSpace(c)) return 0;
    else if (c >= 128 || (c >= 65 && c <= 90)) lower = false;
  }
  return lower ? 1 : 3;
}

/** What /\s/ matches (white space and line terminators). */
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Adds one decision (in place) and returns `d`. */
export function recordDecision(d: Decisions, rule: string, term: string | undefined, accepted: boolean): Decisions {
  raising.delete(d);
  raisingRuleSets.delete(d);
  maxRaises.delete(d);
  adjustments.delete(d);
  const bump = (c: DecisionCounts) => (accepted ? c.accepted++ : c.dismissed++);
  bump((d.rules[rule] ??= { accepted: 0, dismissed: 0 }));
  if (term !== undefined) {
    const byTerm = (d.terms[rule] ??= Object.create(null) as Record<string, DecisionCounts>);
    bump((byTerm[term] ??= { accepted: 0, dismissed: 0 }));
  }
  return d;
}

/** Smoothed share of acceptances minus one half, in (-0.5, 0.5). */
function lean(c: DecisionCounts | undefined): number {
  if (!c) return 0;
  return (c.accepted + PRIOR / 2) / (c.accepted + c.dismissed + PRIOR) - 0.5;
}

export interface Adjustment {
  /** Added to the engine's score. */
  delta: number;
  /** Why, for the hover ("dismissed 14 of 16 times in this workspace"); undefined when nothing was learned. */
  why?: string;
}

/**
 * How the workspace's decisions move a suggestion of `rule` (and `term`). Bounded to [-MAX_DOWN, MAX_UP].
 * A rule's own record only lowers scores: its decisions were made on suggestions above the threshold, which says
 * little about those below it; a term's record moves them both ways (the same words, accepted again and again).
 * `termOnly`: the rule is a family of unrelated entries (remembered phrases), judged by the term alone.
 */
export function adjustment(d: Decisions | undefined, rule: string, term: string | undefined, termOnly = false): Adjustment {
  if (!d) return { delta: 0 };
  // The same rule and term come back paragraph after paragraph: worked out once per Decisions object, until
  // recordDecision changes it (callers read the result, never change it). A term nothing was decided about moves
  // nothing and is not named: its answer is the rule's, cached once (the cache holds decided terms only, not
  // every sentence of every claim).
  if (term !== undefined && !(Object.hasOwn(d.terms, rule) && Object.hasOwn(d.terms[rule], term))) term = undefined;
  let byRule = adjustments.get(d);
  if (!byRule) adjustments.set(d, (byRule = new Map()));
  const ruleKey = termOnly ? `\u0000${rule}` : rule;
  let byTerm = byRule.get(ruleKey);
  if (!byTerm) byRule.set(ruleKey, (byTerm = new Map()));
  let adj = byTerm.get(term);
  if (!adj) byTerm.set(term, (adj = workOut(d, rule, term, termOnly)));
  return adj;
}

function workOut(d: Decisions, rule: string, term: string | undefined, termOnly: boolean): Adjustment {
  const r = !termOnly && Object.hasOwn(d.rules, rule) ? d.rules[rule] : undefined;
  const t = term !== undefined && Object.hasOwn(d.terms, rule) && Object.hasOwn(d.terms[rule], term) ? d.terms[rule][term] : undefined;
  if (!r && !t) return { delta: 0 };
  const raw = Math.min(0, lean(r)) + (termOnly ? 1 : TERM_WEIGHT) * lean(t);
  const delta = round(raw < 0 ? Math.max(-MAX_DOWN, raw) : Math.min(MAX_UP, raw));
  const parts: string[] = [];
  if (t) parts.push(`'${term}' ${describe(t)}`);
  if (r) parts.push(`rule ${rule} ${describe(r)}`);
  return { delta, why: `${parts.join('; ')} in this workspace` };
}

function describe(c: DecisionCounts): string {
  const n = c.accepted + c.dismissed;
  return c.dismissed >= c.accepted ? `dismissed ${c.dismissed} of ${n} times` : `accepted ${c.accepted} of ${n} times`;
}

/** Whether any term would raise a score (then the engine must also report suggestions just under the threshold). */
export function canRaise(d: Decisions | undefined): boolean {
  if (!d) return false;
  let yes = raising.get(d);
  if (yes === undefined) {
    yes = false;
    for (const byTerm of Object.values(d.terms)) for (const c of Object.values(byTerm)) if (c.accepted > c.dismissed) yes = true;
    raising.set(d, yes);
  }
  return yes;
}

/**
 * The rules with a term accepted more often than dismissed: only their suggestions can rise (a rule's own record
 * and every other term only lower a score), so a suggestion under the threshold of any other rule is dropped
 * without working out its adjustment.
 */
export function raisingRules(d: Decisions): ReadonlySet<string> {
  let rules = raisingRuleSets.get(d);
  if (!rules) {
    rules = new Set();
    for (const [rule, byTerm] of Object.entries(d.terms)) for (const c of Object.values(byTerm)) if (c.accepted > c.dismissed) rules.add(rule);
    raisingRuleSets.set(d, rules);
  }
  return rules;
}

/**
 * The most any suggestion's score rises (0 when none does): the largest adjustment of a term accepted more often
 * than dismissed (with its rule's record), at most MAX_UP. A suggestion the engine scored more than this under
 * the threshold cannot reach it, so the engine is asked down by this much only, not by MAX_UP: on a workspace
 * whose raising terms have few decisions behind them (most), far fewer suggestions are made only to be dropped.
 */
export function maxRaise(d: Decisions | undefined): number {
  if (!d) return 0;
  let most = maxRaises.get(d);
  if (most === undefined) {
    most = 0;
    for (const rule of raisingRules(d)) {
      for (const [term, c] of Object.entries(d.terms[rule])) if (c.accepted > c.dismissed) most = Math.max(most, adjustment(d, rule, term).delta);
    }
    maxRaises.set(d, most);
  }
  return most;
}

/** Whether anything was decided about `rule` (else adjustment() is nothing, whatever the term). */
export function decidedAbout(d: Decisions | undefined, rule: string): boolean {
  return !!d && (Object.hasOwn(d.rules, rule) || Object.hasOwn(d.terms, rule));
}

/** a + b, count by count (commutative and associative: how two teammates' files merge). */
export function mergeDecisions(a: Decisions, b: Decisions): Decisions {
  const out = emptyDecisions();
  const add = (into: Record<string, DecisionCounts>, from: Record<string, DecisionCounts>) => {
    for (const [k, c] of Object.entries(from)) {
      const x = (into[k] ??= { accepted: 0, dismissed: 0 });
      x.accepted += c.accepted;
      x.dismissed += c.dismissed;
    }
  };
  for (const d of [a, b]) {
    add(out.rules, d.rules);
    for (const [rule, byTerm] of Object.entries(d.terms)) add((out.terms[rule] ??= Object.create(null) as Record<string, DecisionCounts>), byTerm);
  }
  return out;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
