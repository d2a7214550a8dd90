// Runtime checks for command arguments. Commands are run from keybindings (JSON args), menus and the Tags view
// (tree nodes), hover links and other extensions' executeCommand: nothing about their shape is guaranteed, so each
// value is checked, and a wrong one gives a message naming the argument instead of a failure deep inside.
// Pure (no vscode): the editor layer adds the checks for Uri and Range (src/editor/args.ts).

/** A wrong argument; `message` names it and says what was expected. */
export class ArgError extends Error {}

/** Checks one value (never undefined: absent arguments are skipped) and returns it typed, or throws ArgError. */
export type ArgCheck<T> = (value: unknown, name: string) => T;

export interface Offsets {
  start: number;
  end: number;
}

function shown(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

function fail(name: string, expected: string, value: unknown): never {
  throw new ArgError(`\`${name}\` must be ${expected}, not ${shown(value)}`);
}

export const text: ArgCheck<string> = (v, name) => (typeof v === 'string' ? v : fail(name, 'a string', v));

export const flag: ArgCheck<boolean> = (v, name) => (typeof v === 'boolean' ? v : fail(name, 'true or false', v));

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `{start, end}` as non-negative character offsets (in either order). */
export const offsets: ArgCheck<Offsets> = (v, name) => {
  const ok = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n >= 0;
  return isRecord(v) && ok(v.start) && ok(v.end) ? { start: v.start, end: v.end } : fail(name, '{start, end} offsets', v);
};

/** One of `values` (e.g. the configured tag kinds). */
export function oneOf<T extends string>(values: readonly T[]): ArgCheck<T> {
  return (v, name) => (typeof v === 'string' && (values as readonly string[]).includes(v) ? (v as T) : fail(name, `one of ${values.join(', ')}`, v));
}

export function listOf<T>(item: ArgCheck<T>): ArgCheck<T[]> {
  return (v, name) => (Array.isArray(v) ? v.map((x, i) => item(x, `${name}[${i}]`)) : fail(name, 'a list', v));
}

/** The first check that accepts the value; otherwise the message of `expected`. */
export function anyOf<T>(expected: string, ...checks: ArgCheck<T>[]): ArgCheck<T> {
  return (v, name) => {
    for (const check of checks) {
      try {
        return check(v, name);
      } catch (e) {
        if (!(e instanceof ArgError)) throw e;
      }
    }
    return fail(name, expected, v);
  };
}

/** Accepts null as an explicit "none" (e.g. no source), where other checks treat null as absent. */
export function nullable<T>(check: ArgCheck<T>): ArgCheck<T | null> {
  return Object.assign((v: unknown, name: string) => (v === null ? null : check(v, name)), { nullable: true });
}

export type ArgSpec = Record<string, ArgCheck<unknown>>;
export type Parsed<S extends ArgSpec> = { [K in keyof S]?: S[K] extends ArgCheck<infer T> ? T : never };

/** An object (an item of a list, say) with every key of `spec` present and passing its check. */
export function shape<S extends ArgSpec>(spec: S): ArgCheck<{ [K in keyof S]: S[K] extends ArgCheck<infer T> ? T : never }> {
  return (v, name) => {
    if (!isRecord(v)) fail(name, 'an object', v);
    return Object.fromEntries(Object.entries(spec).map(([key, check]) => [key, check(v[key], `${name}.${key}`)])) as { [K in keyof S]: S[K] extends ArgCheck<infer T> ? T : never };
  };
}

/**
 * The arguments object of a command, checked against `spec` (keys given as undefined, or null unless `nullable`,
 * are present with the value undefined; absent keys stay absent; other keys are ignored). Nothing passed: {}. A Tags view tag row ({type: 'tag', doc, tag: {id}})
 * gives {uri, id}; its other keys (a `value` a caller adds to a row) are read as usual.
 */
export function parseArgs<S extends ArgSpec>(raw: unknown, spec: S): Parsed<S> {
  if (raw === undefined || raw === null) return {};
  if (!isRecord(raw)) fail('arguments', 'an object', raw);
  const source = raw.type === 'tag' && typeof raw.doc === 'string' && isRecord(raw.tag) ? { ...raw, uri: raw.doc, id: raw.tag.id } : raw;
  const out: Record<string, unknown> = {};
  for (const [key, check] of Object.entries(spec)) {
    if (!(key in source)) continue;
    const value = source[key];
    // A key given without a value stays present (as undefined): "clear it" differs from "not said" (Set Source).
    out[key] = value === undefined || (value === null && !('nullable' in check)) ? undefined : check(value, key);
  }
  return out as Parsed<S>;
}
