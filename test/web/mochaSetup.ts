// Mocha's browser build, set up for the web worker before any suite file is evaluated (index.ts imports this
// first; ES module imports run in order): the tdd UI defines `suite`/`test` on the worker's global.
import 'mocha/mocha.js';

mocha.setup({ ui: 'tdd', reporter: 'spec', timeout: 30_000, color: false });
// --grep narrows the run, but the proof that it ran in the worker (host.test.ts) always runs.
const grep = process.env.CLAIM_TAGGER_TEST_GREP;
if (grep) mocha.grep(new RegExp(`^web host |${grep}`));
