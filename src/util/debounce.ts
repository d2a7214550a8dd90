// One way to debounce: a pending call per key (a document URI, or '' for a single timer), replaced when
// scheduled again, run now by flush, dropped by cancel, and all cleared on dispose. Pure (no vscode).

export class KeyedDebounce<K = string> {
  private readonly timers = new Map<K, { timer: ReturnType<typeof setTimeout>; run: () => void }>();

  /** Runs `fn` after `ms`, unless scheduled again (the later call wins) or cancelled before. */
  schedule(key: K, ms: number, fn: () => void): void {
    this.cancel(key);
    const run = () => {
      this.timers.delete(key);
      fn();
    };
    this.timers.set(key, { timer: setTimeout(run, ms), run });
  }

  /** Drops the pending call of `key`; true if there was one. */
  cancel(key: K): boolean {
    const entry = this.timers.get(key);
    if (!entry) return false;
    clearTimeout(entry.timer);
    this.timers.delete(key);
    return true;
  }

  isPending(key: K): boolean {
    return this.timers.has(key);
  }

  /** Keys with a pending call, in the order they were scheduled. */
  pendingKeys(): K[] {
    return [...this.timers.keys()];
  }

  /** Runs the pending call of `key` now; true if there was one. */
  flush(key: K): boolean {
    const entry = this.timers.get(key);
    if (!entry) return false;
    clearTimeout(entry.timer);
    entry.run();
    return true;
  }

  dispose(): void {
    for (const { timer } of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
