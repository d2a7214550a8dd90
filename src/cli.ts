// Entry point of the `claim-tagger` command (bundled to dist/cli.js): the only place that sets the exit code.
import { main } from './cli/main';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: Error) => {
    process.stderr.write(`claim-tagger: ${err.message}\n`);
    process.exitCode = 2;
  },
);
