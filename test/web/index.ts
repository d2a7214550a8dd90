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
import '../integration/storeReview16.test';
import '../integration/suggestions.test';
import '../integration/tagging.test';
import '../integration/team.test';
import '../integration/teamBlind.test';
import '../integration/teamConflicts.test';
import '../integration/tree.test';
import '../integration/untitledHandOver2.test';
import '../integration/zz-tour.test';
// END WEB SUITES
import { runMocha } from '../integration/mochaRun';

export function run(): Promise<void> {
  return runMocha(mocha, 'web');
}
