// Runs a mocha instance set up by a runner's entry (test/integration/index.ts in the Node host, test/web/index.ts in
// the web worker) and prints the one machine-readable line scripts/test-all.mjs sums, labelled with the host.
// Portable: no Node built-in, so the web bundle can use it too.

interface Runnable {
  run(done: (failures: number) => void): { on(event: 'pass' | 'pending', listener: () => void): unknown };
}

export function runMocha(mocha: Runnable, mode: 'node' | 'web'): Promise<void> {
  return new Promise((resolve, reject) => {
    let passed = 0;
    let pending = 0;
    const runner = mocha.run((failures) => {
      console.log(`##INTEGRATION mode=${mode} passed=${passed} failed=${failures} pending=${pending}`);
      if (failures > 0) reject(new Error(`${failures} ${mode === 'web' ? 'web' : 'integration'} test(s) failed.`));
      else resolve();
    });
    runner.on('pass', () => passed++);
    runner.on('pending', () => pending++);
  });
}
