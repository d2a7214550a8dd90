// Let the event loop run (input, other extensions' events) between slices of long work, on every host: Node's
// `setImmediate` where it exists (the desktop behaves as before), else a MessageChannel message, which a web
// worker delivers as a task without setTimeout's clamping, else setTimeout(0).

type Resolve = () => void;

export function yieldToEventLoop(): Promise<void> {
  return new Promise<void>((resolve) => schedule(resolve));
}

const schedule: (fn: Resolve) => void = pickScheduler();

function pickScheduler(): (fn: Resolve) => void {
  const g = globalThis as { setImmediate?: (fn: Resolve) => unknown; MessageChannel?: typeof MessageChannel };
  if (typeof g.setImmediate === 'function') {
    const immediate = g.setImmediate;
    return (fn) => void immediate(fn);
  }
  if (typeof g.MessageChannel === 'function') return viaMessageChannel(g.MessageChannel);
  return (fn) => void setTimeout(fn, 0);
}

/** One channel for all yields: each message runs the oldest waiting callback. */
function viaMessageChannel(Channel: typeof MessageChannel): (fn: Resolve) => void {
  const waiting: Resolve[] = [];
  const channel = new Channel();
  channel.port1.onmessage = () => waiting.shift()?.();
  return (fn) => {
    waiting.push(fn);
    channel.port2.postMessage(undefined);
  };
}
