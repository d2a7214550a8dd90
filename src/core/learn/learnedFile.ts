// `.claim-tags/learned.json`: what a workspace taught Claim Tagger. Deterministic (keys sorted, two-space indent,
// trailing newline) so git diffs stay small, and merge-friendly: decisions merge by addition, forgotten phrases
// by the larger count. Checked on read against the shape of schemas/learned.schema.json (a unit test keeps the
// two in step); a corrupt or newer file is reported with its position and never written back.
import { SUGGESTION_KINDS, SuggestionKind } from '../suggest';
import { DecisionCounts, Decisions, emptyDecisions, mergeDecisions } from './decisions';

export const LEARNED_FORMAT = 'claim-tagger/learned';
export const LEARNED_VERSION = 1;
export const LEARNED_FILE = 'learned.json';

export interface Learned {
  decisions: Decisions;
  /**
   * kind -> phrase key -> how many tags the phrase had when it was forgotten. It stays forgotten until it is
   * tagged more often than that (tagging it again is the user's word that it matters after all).
   */
  forgotten: Record<string, Record<string, number>>;
}

export type LearnedRead =
  | { ok: true; learned: Learned }
  | { ok: false; kind: 'json' | 'schema' | 'foreign' | 'newer'; message: string; line?: number; column?: number };

export function emptyLearned(): Learned {
  return { decisions: emptyDecisions(), forgotten: Object.create(null) };
}

/** Parses and checks a learned.json; never throws. */
export function parseLearned(raw: string): LearnedRead {
  const body = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (e) {
    const m = /position (\d+)/.exec((e as Error).message);
    const at = m ? lineColumn(body, Number(m[1])) : {};
    return { ok: false, kind: 'json', message: `not valid JSON (${(e as Error).message.replace(/^JSON\.parse: /, '')})`, ...at };
  }
  if (!isObject(data) || data.format !== LEARNED_FORMAT) return { ok: false, kind: 'foreign', message: `not a Claim Tagger learned file (expected "format": "${LEARNED_FORMAT}")` };
  if (typeof data.version === 'number' && Number.isInteger(data.version) && data.version > LEARNED_VERSION) {
    return { ok: false, kind: 'newer', message: `written by a newer Claim Tagger (version ${data.version}; this one understands ${LEARNED_VERSION}); left as it is` };
  }
  const problem = shapeProblem(data);
  if (problem) return { ok: false, kind: 'schema', message: problem, ...locate(body, problem) };
  const d = data as unknown as { decisions: { rules: Record<string, DecisionCounts>; terms: Record<string, Record<string, DecisionCounts>> }; forgotten?: Record<string, Record<string, number>> };
  const learned = emptyLearned();
  for (const [rule, c] of Object.entries(d.decisions.rules)) learned.decisions.rules[rule] = { accepted: c.accepted, dismissed: c.dismissed };
  for (const [rule, byTerm] of Object.entries(d.decisions.terms)) {
    const into = (learned.decisions.terms[rule] = Object.create(null) as Record<string, DecisionCounts>);
    for (const [term, c] of Object.entries(byTerm)) into[term] = { accepted: c.accepted, dismissed: c.dismissed };
  }
  for (const [kind, byKey] of Object.entries(d.forgotten ?? {})) learned.forgotten[kind] = Object.assign(Object.create(null) as Record<string, number>, byKey);
  return { ok: true, learned };
}

/**
 * The first way `data` departs from schemas/learned.schema.json, as "<json path>: <what>", or undefined.
 * Hand-written (the schema is small) so the bundle carries no validator compiler.
 */
export function shapeProblem(data: unknown): string | undefined {
  if (!isObject(data)) return '/: must be an object';
  const extra = Object.keys(data).find((k) => !['$schema', 'format', 'version', 'decisions', 'forgotten'].includes(k));
  if (extra !== undefined) return `/${extra}: unknown property`;
  if (data.format !== LEARNED_FORMAT) return '/format: must be "claim-tagger/learned"';
  if (data.version !== LEARNED_VERSION) return `/version: must be ${LEARNED_VERSION}`;
  if (data.$schema !== undefined && typeof data.$schema !== 'string') return '/$schema: must be a string';
  const d = data.decisions;
  if (!isObject(d)) return '/decisions: must be an object';
  const extraD = Object.keys(d).find((k) => k !== 'rules' && k !== 'terms');
  if (extraD !== undefined) return `/decisions/${extraD}: unknown property`;
  if (!isObject(d.rules)) return '/decisions/rules: must be an object';
  if (!isObject(d.terms)) return '/decisions/terms: must be an object';
  for (const [rule, c] of Object.entries(d.rules)) {
    const p = countsProblem(c);
    if (p) return `/decisions/rules/${pointer(rule)}${p}`;
  }
  for (const [rule, byTerm] of Object.entries(d.terms)) {
    if (!isObject(byTerm)) return `/decisions/terms/${pointer(rule)}: must be an object`;
    for (const [term, c] of Object.entries(byTerm)) {
      const p = countsProblem(c);
      if (p) return `/decisions/terms/${pointer(rule)}/${pointer(term)}${p}`;
    }
  }
  if (data.forgotten !== undefined) {
    if (!isObject(data.forgotten)) return '/forgotten: must be an object';
    for (const [kind, byKey] of Object.entries(data.forgotten)) {
      if (!(SUGGESTION_KINDS as readonly string[]).includes(kind)) return `/forgotten/${pointer(kind)}: unknown kind`;
      if (!isObject(byKey)) return `/forgotten/${kind}: must be an object`;
      for (const [key, n] of Object.entries(byKey)) if (!isCount(n)) return `/forgotten/${kind}/${pointer(key)}: must be a whole number >= 0`;
    }
  }
  return undefined;
}

function countsProblem(c: unknown): string | undefined {
  if (!isObject(c)) return ': must be an object';
  const extra = Object.keys(c).find((k) => k !== 'accepted' && k !== 'dismissed');
  if (extra !== undefined) return `/${extra}: unknown property`;
  if (!isCount(c.accepted)) return '/accepted: must be a whole number >= 0';
  if (!isCount(c.dismissed)) return '/dismissed: must be a whole number >= 0';
  return undefined;
}

function isCount(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
}

/** The file's text: keys sorted at every level, empty entries left out, two-space indent, trailing newline. */
export function serializeLearned(l: Learned): string {
  const counts = (c: DecisionCounts) => ({ accepted: c.accepted, dismissed: c.dismissed });
  const rules: Record<string, DecisionCounts> = dict();
  for (const rule of sortedKeys(l.decisions.rules)) {
    const c = l.decisions.rules[rule];
    if (c.accepted || c.dismissed) rules[rule] = counts(c);
  }
  const terms: Record<string, Record<string, DecisionCounts>> = dict();
  for (const rule of sortedKeys(l.decisions.terms)) {
    const byTerm: Record<string, DecisionCounts> = dict();
    for (const term of sortedKeys(l.decisions.terms[rule])) {
      const c = l.decisions.terms[rule][term];
      if (c.accepted || c.dismissed) byTerm[term] = counts(c);
    }
    if (Object.keys(byTerm).length) terms[rule] = byTerm;
  }
  const forgotten: Record<string, Record<string, number>> = dict();
  for (const kind of sortedKeys(l.forgotten)) {
    const byKey: Record<string, number> = dict();
    for (const key of sortedKeys(l.forgotten[kind])) byKey[key] = l.forgotten[kind][key];
    if (Object.keys(byKey).length) forgotten[kind] = byKey;
  }
  return JSON.stringify({ format: LEARNED_FORMAT, version: LEARNED_VERSION, decisions: { rules, terms }, forgotten }, null, 2) + '\n';
}

/** Two files in one: decisions added, forgotten phrases kept with the larger count (what a git merge should do). */
export function mergeLearned(a: Learned, b: Learned): Learned {
  const forgotten: Learned['forgotten'] = Object.create(null);
  for (const l of [a, b]) {
    for (const [kind, byKey] of Object.entries(l.forgotten)) {
      const into = (forgotten[kind] ??= Object.create(null) as Record<string, number>);
      for (const [key, n] of Object.entries(byKey)) into[key] = Math.max(into[key] ?? 0, n);
    }
  }
  return { decisions: mergeDecisions(a.decisions, b.decisions), forgotten };
}

/** Whether a phrase with `count` tags is still forgotten. */
export function isForgotten(l: Learned | undefined, kind: SuggestionKind, key: string, count: number): boolean {
  if (!l || !Object.hasOwn(l.forgotten, kind)) return false;
  const byKey = l.forgotten[kind];
  return Object.hasOwn(byKey, key) && count <= byKey[key];
}

/** A map without a prototype: a rule or term named "__proto__" is just a key. */
function dict<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

function sortedKeys(o: object): string[] {
  // Code-unit order, independent of locale: the same bytes on every machine.
  return Object.keys(o).sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function pointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

/** The position of the offending property's name, found by its last path segment (best effort). */
function locate(body: string, problem: string): { line?: number; column?: number } {
  const path = problem.slice(0, problem.indexOf(':'));
  const last = path.split('/').filter(Boolean).pop();
  if (!last) return {};
  const at = body.indexOf(JSON.stringify(last.replace(/~1/g, '/').replace(/~0/g, '~')) + ':');
  const at2 = at >= 0 ? at : body.indexOf(JSON.stringify(last.replace(/~1/g, '/').replace(/~0/g, '~')));
  return at2 >= 0 ? lineColumn(body, at2) : {};
}
