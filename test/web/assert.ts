// The part of `node:assert/strict` the integration suites use, for the web-worker test bundle (which has no
// Node built-ins): test/web/build.mjs maps `node:assert/strict` here. Same names, same strict semantics
// (Object.is for equal, structural equality with matching prototypes for deepEqual), messages that show both sides.

export class AssertionError extends Error {
  override readonly name = 'AssertionError';
  constructor(message: string, readonly actual?: unknown, readonly expected?: unknown, readonly operator?: string) {
    super(message);
  }
}

function show(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'bigint') return `${v}n`;
  if (v instanceof RegExp || typeof v === 'function' || typeof v === 'symbol') return String(v);
  try {
    return JSON.stringify(v, (_k, x) => (x instanceof Map ? { Map: [...x] } : x instanceof Set ? { Set: [...x] } : x === undefined ? '(undefined)' : x)) ?? String(v);
  } catch {
    return String(v);
  }
}

function fail3(message: string | Error | undefined, fallback: string, actual: unknown, expected: unknown, operator: string): never {
  if (message instanceof Error) throw message;
  throw new AssertionError(message ?? fallback, actual, expected, operator);
}

export function ok(value: unknown, message?: string | Error): asserts value {
  if (!value) fail3(message, `The expression evaluated to a falsy value: ${show(value)}`, value, true, '==');
}

export function equal<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T {
  if (!Object.is(actual, expected)) fail3(message, `Expected values to be strictly equal:\n  actual:   ${show(actual)}\n  expected: ${show(expected)}`, actual, expected, 'strictEqual');
}

export function notEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  if (Object.is(actual, expected)) fail3(message, `Expected "actual" to be strictly unequal to: ${show(expected)}`, actual, expected, 'notStrictEqual');
}

export function deepEqual<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T {
  if (!same(actual, expected, [])) fail3(message, `Expected values to be strictly deep-equal:\n  actual:   ${show(actual)}\n  expected: ${show(expected)}`, actual, expected, 'deepStrictEqual');
}

export function notDeepEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  if (same(actual, expected, [])) fail3(message, `Expected "actual" not to be strictly deep-equal to: ${show(expected)}`, actual, expected, 'notDeepStrictEqual');
}

export function match(actual: string, re: RegExp, message?: string | Error): void {
  if (typeof actual !== 'string' || !re.test(actual)) fail3(message, `The input did not match the regular expression ${re}. Input:\n  ${show(actual)}`, actual, re, 'match');
}

export function doesNotMatch(actual: string, re: RegExp, message?: string | Error): void {
  if (typeof actual !== 'string' || re.test(actual)) fail3(message, `The input was expected to not match the regular expression ${re}. Input:\n  ${show(actual)}`, actual, re, 'doesNotMatch');
}

export function fail(message: string | Error = 'Failed'): never {
  return fail3(message, 'Failed', undefined, undefined, 'fail');
}

type Expected = RegExp | ((e: unknown) => boolean) | (new (...args: never[]) => unknown) | Record<string, unknown>;

/** Awaits `what` (a promise or a function returning one) and asserts that it rejects, optionally as `expected` says. */
export async function rejects(what: Promise<unknown> | (() => Promise<unknown>), expected?: Expected | string, message?: string | Error): Promise<void> {
  if (typeof expected === 'string') [message, expected] = [expected, undefined];
  try {
    await (typeof what === 'function' ? what() : what);
  } catch (error) {
    if (expected === undefined || matches(error, expected)) return;
    fail3(message, `The rejection did not match ${show(expected)}: ${error instanceof Error ? error.message : show(error)}`, error, expected, 'rejects');
  }
  fail3(message, 'Missing expected rejection.', undefined, expected, 'rejects');
}

function matches(error: unknown, expected: Expected): boolean {
  if (expected instanceof RegExp) return expected.test(error instanceof Error ? error.message : String(error));
  if (typeof expected === 'function') {
    if (expected.prototype !== undefined && error instanceof (expected as new () => unknown)) return true;
    if (Object.prototype.isPrototypeOf.call(Error, expected)) return false;
    return (expected as (e: unknown) => boolean)(error) === true;
  }
  return typeof error === 'object' && error !== null && Object.entries(expected).every(([k, v]) => same((error as Record<string, unknown>)[k], v, []) || (v instanceof RegExp && typeof (error as Record<string, unknown>)[k] === 'string' && v.test((error as Record<string, string>)[k])));
}

/** Strict structural equality; `seen` guards against cycles. */
function same(a: unknown, b: unknown, seen: [object, object][]): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (seen.some(([x, y]) => x === a && y === b)) return true;
  seen = [...seen, [a, b]];
  if (a instanceof Date) return a.getTime() === (b as Date).getTime();
  if (a instanceof RegExp) return String(a) === String(b);
  if (a instanceof Map) return a.size === (b as Map<unknown, unknown>).size && pairUp([...a], [...(b as Map<unknown, unknown>)], seen);
  if (a instanceof Set) return a.size === (b as Set<unknown>).size && pairUp([...a], [...(b as Set<unknown>)], seen);
  if (ArrayBuffer.isView(a)) {
    const x = a as unknown as ArrayLike<unknown>;
    const y = b as unknown as ArrayLike<unknown>;
    return x.length === y.length && Array.prototype.every.call(x, (v, i) => Object.is(v, y[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], seen));
}

/** Whether each entry of `xs` deep-equals a distinct entry of `ys` (Set members and Map entries, keys included). */
function pairUp(xs: unknown[], ys: unknown[], seen: [object, object][]): boolean {
  const left = [...ys];
  return xs.every((x) => {
    const i = left.findIndex((y) => same(x, y, seen));
    return i >= 0 && left.splice(i, 1).length === 1;
  });
}
