// Waiting for the extension host to catch up, without `vscode`: unit-tested in test/unit/eventually.test.ts.
import * as assert from 'node:assert/strict';

/**
 * What a wait is for, named when it times out: the state expected, and optionally how to read the state seen
 * instead (read once, at the timeout) when the probe's own value (often `false`) would not say.
 */
export type Expectation = string | { expected: string; seen?: () => unknown };

/**
 * Polls `probe` until it returns a truthy value. After `ms` it throws the probe's last error (an assertion
 * already says what it expected and saw) or, when the probe only returned falsy values, an error naming what was
 * awaited (`what`, else the probe's source) and what was last seen (`what.seen()`, else the probe's last value).
 */
export async function eventually<T>(probe: () => T | Promise<T>, ms = 5000, what?: Expectation): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    let last: { value: T } | { error: unknown };
    try {
      const value = await probe();
      if (value) return value;
      last = { value };
    } catch (error) {
      last = { error };
    }
    if (Date.now() > until) {
      if ('error' in last) throw last.error;
      throw new Error(await timeoutMessage(probe, ms, what, last.value));
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function timeoutMessage(probe: () => unknown, ms: number, what: Expectation | undefined, value: unknown): Promise<string> {
  const expected = typeof what === 'string' ? what : what?.expected ?? `\`${clip(probe.toString())}\` to return a truthy value`;
  let seen = value;
  if (typeof what === 'object' && what.seen) {
    try {
      seen = await what.seen();
    } catch (e) {
      seen = `(reading it failed: ${e instanceof Error ? e.message : String(e)})`;
    }
  }
  return `timed out after ${ms} ms waiting for ${expected}; last seen: ${show(seen)}`;
}

function show(v: unknown): string {
  if (v === undefined) return 'undefined';
  if (typeof v === 'function') return 'a function';
  try {
    return clip(JSON.stringify(v) ?? String(v));
  } catch {
    return clip(String(v));
  }
}

function clip(s: string, max = 400): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max)}… (${one.length} characters)` : one;
}

/** Waits until `read()` deep-equals `expected`; on a timeout the assertion shows both (and `message`). */
export async function eventuallyEqual<T>(read: () => T | Promise<T>, expected: T, ms = 5000, message?: string): Promise<void> {
  await eventually(async () => {
    assert.deepEqual(await read(), expected, message);
    return true;
  }, ms);
}
