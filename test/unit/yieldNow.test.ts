// yieldToEventLoop (src/util/yieldNow.ts) on each kind of host: Node's setImmediate on the desktop, a MessageChannel
// where setImmediate is missing (VS Code's web worker), setTimeout where both are.
import * as assert from 'node:assert/strict';
import { MessageChannel as NodeMessageChannel } from 'node:worker_threads';

type YieldModule = typeof import('../../src/util/yieldNow');
const modulePath = require.resolve('../../src/util/yieldNow');
const g = globalThis as Record<string, unknown>;

/** Runs `fn` with some globals replaced (undefined hides one), then puts them back. */
async function withGlobals<T>(replaced: Record<string, unknown>, fn: () => Promise<T>): Promise<T> {
  const saved = Object.keys(replaced).map((name) => [name, Object.getOwnPropertyDescriptor(g, name)] as const);
  for (const [name, value] of Object.entries(replaced)) Object.defineProperty(g, name, { value, configurable: true, writable: true });
  try {
    return await fn();
  } finally {
    for (const [name, d] of saved) {
      if (d) Object.defineProperty(g, name, d);
      else delete g[name];
    }
  }
}

/** A fresh copy of the module, loaded with some globals replaced (it picks its scheduler on load). */
function load(replaced: Record<string, unknown>): Promise<YieldModule> {
  return withGlobals(replaced, async () => {
    delete require.cache[modulePath];
    try {
      return await import('../../src/util/yieldNow');
    } finally {
      delete require.cache[modulePath];
    }
  });
}

/** Several yields at once: each resolves, none synchronously, in the order they were asked for. */
async function checkOrderAndAsync(m: YieldModule): Promise<void> {
  const seen: number[] = [];
  const all = [0, 1, 2, 3, 4].map((i) => m.yieldToEventLoop().then(() => seen.push(i)));
  await Promise.resolve();
  await Promise.resolve();
  assert.deepEqual(seen, [], 'a macrotask, not a microtask');
  await Promise.all(all);
  assert.deepEqual(seen, [0, 1, 2, 3, 4]);
}

suite('yieldToEventLoop', () => {
  test('on Node it runs after the setImmediate callbacks queued before it, as the desktop did', async () => {
    const m = await load({});
    const seen: string[] = [];
    setImmediate(() => seen.push('immediate queued first'));
    await m.yieldToEventLoop();
    seen.push('after yield');
    assert.deepEqual(seen, ['immediate queued first', 'after yield']);
    await checkOrderAndAsync(m);
  });

  test('without setImmediate (web worker) it yields through one MessageChannel', async () => {
    let channels = 0;
    let posted = 0;
    class CountingChannel extends NodeMessageChannel {
      constructor() {
        super();
        channels++;
        const post = this.port2.postMessage.bind(this.port2);
        this.port2.postMessage = (v: unknown) => {
          posted++;
          post(v);
        };
      }
    }
    const m = await load({ setImmediate: undefined, MessageChannel: CountingChannel });
    await checkOrderAndAsync(m);
    await m.yieldToEventLoop();
    assert.equal(channels, 1);
    assert.equal(posted, 6);
  });

  test('without setImmediate and MessageChannel it falls back to setTimeout(0)', async () => {
    const m = await load({ setImmediate: undefined, MessageChannel: undefined });
    const delays: unknown[] = [];
    const realTimeout = setTimeout;
    const spy = (fn: () => void, ms?: number) => {
      delays.push(ms);
      return realTimeout(fn, ms);
    };
    await withGlobals({ setTimeout: spy }, () => checkOrderAndAsync(m));
    assert.deepEqual(delays, [0, 0, 0, 0, 0]);
  });
});
