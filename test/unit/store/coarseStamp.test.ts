// The web store's optimistic update (src/util/optimisticUpdate.ts) on file systems whose stat is a poor change
// detector: a coarse `mtime:size` (a concurrent write in the same mtime tick with the same size, e.g. a status
// "verified" -> "disputed" or one ISO timestamp for another) and a provider whose mtime is fresh on every stat.
// Changes are found by comparing content, so neither loses a write nor blocks one.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { updateOptimistically } from '../../../src/util/optimisticUpdate';

/** A file whose stat says `${mtime}:${size}`, mtime from a clock the test controls; `hook` runs before each step. */
class StatFile {
  temps = new Map<number, string>();
  private next = 0;
  mtime = 1_000;

  constructor(public text: string | undefined, private readonly clock: () => number, private readonly hook: (step: string, f: StatFile) => void = () => undefined) {}

  writeByOther(text: string): void {
    this.text = text;
    this.mtime = this.clock();
  }

  io() {
    const step = async (s: string) => {
      this.hook(s, this);
      await Promise.resolve();
    };
    return {
      read: async () => (await step('read'), this.text),
      writeTemp: async (content: string) => {
        await step('writeTemp');
        this.temps.set(this.next, content);
        return this.next++;
      },
      replace: async (id: number) => {
        await step('replace');
        this.writeByOther(this.temps.get(id)!);
        this.temps.delete(id);
      },
      discard: async (id: number) => void this.temps.delete(id),
    };
  }
}

let tick = 0;
/** A stat that changes on every call (some virtual providers report "now"). */
function freshClock(): number {
  return ++tick;
}
/** A coarse clock: every write within the test lands in the same tick. */
const coarseClock = () => 1_000;

/** A JSON-ish record `status=...;by=...`: produce sets `by`, keeping the status it was given. */
const setBy = (by: string) => (current: string | undefined) => {
  const status = /status=(\w+)/.exec(current ?? '')?.[1] ?? 'none';
  return `status=${status};by=${by}`;
};

suite('optimistic update on coarse or noisy stats (web sidecar writes)', () => {
  test('a same-size write in the same mtime tick between our read and rename is merged, not overwritten', async () => {
    let struck = false;
    const file = new StatFile('status=verified;by=ann', coarseClock, (step, f) => {
      if (step === 'writeTemp' && !struck) {
        struck = true;
        f.writeByOther('status=disputed;by=ann'); // same length, same mtime
      }
    });
    await updateOptimistically('f', file.io(), setBy('bob'));
    assert.equal(file.text, 'status=disputed;by=bob');
    assert.equal(file.temps.size, 0);
  });

  test('a provider whose stat returns a fresh mtime each time still saves', async () => {
    const file = new StatFile('status=verified;by=ann', freshClock);
    assert.equal(await updateOptimistically('f', file.io(), setBy('bob')), true);
    assert.equal(file.text, 'status=verified;by=bob');
  });

  test('property: same-size same-tick writes by others before the last re-read are never lost', async () => {
    const statuses = ['verified', 'disputed', 'misleads', 'accurate'];
    await fc.assert(fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom('read', 'writeTemp'), fc.nat(4), fc.constantFrom(...statuses)), { maxLength: 4 }), async (strikes) => {
      const counts = new Map<string, number>();
      let last: string | undefined;
      const pending = strikes.map(([step, k, status]) => ({ step, k, status, done: false }));
      const file = new StatFile('status=verified;by=ann', coarseClock, (step, f) => {
        const k = counts.get(step) ?? 0;
        counts.set(step, k + 1);
        for (const s of pending) {
          if (!s.done && s.step === step && s.k === k) {
            s.done = true;
            last = s.status;
            f.writeByOther(`status=${s.status};by=ann`);
          }
        }
      });
      await updateOptimistically('f', file.io(), setBy('bob'));
      assert.equal(file.text, `status=${last ?? 'verified'};by=bob`);
    }), { numRuns: 300 });
  });
});
