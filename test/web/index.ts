// extensionTestsPath module for the web-worker run (test/runners/server.mjs --web): a worker cannot list a folder,
// so every portable suite is imported here by name. test/unit/webSuites.test.ts fails when a suite in
// test/integration that imports no Node built-in is missing from this list. mochaSetup must come first.
import './mochaSetup';
import './host.test';
// WEB SUITES (one import per line, sorted as the Node runner orders its files)
import '../integration/activation.test';
import '../integration/args.test';
import '../integration/attribution.test';
import '../integration/blindIndex.test';
import '../integration/decorations.test';
import '../integration/grammar.test';
import '../integration/learn.test';
import '../integration/log.test';
import '../integration/outside.test';
import '../integration/report.test';
import '../integration/slice.test';
import '../integration/store.test';
import '../integration/store2.test';
import '../integration/suggestions.test';
import '../integration/tagging.test';
import '../integration/team.test';
import '../integration/teamBlind.test';
import '../integration/teamConflicts.test';
import '../integration/tree.test';
import '../integration/zz-tour.test';
// END WEB SUITES

export function run(): Promise<void> {
  return new Promise((resolve, reject) => {
    let passed = 0;
    let pending = 0;
    const runner = mocha.run((failures) => {
      // The line scripts/test-all.mjs sums, labelled so it counts the web run apart from the Node one.
      console.log(`##INTEGRATION mode=web passed=${passed} failed=${failures} pending=${pending}`);
      if (failures > 0) reject(new Error(`${failures} web test(s) failed.`));
      else resolve();
    });
    runner.on('pass', () => passed++);
    runner.on('pending', () => pending++);
  });
}
