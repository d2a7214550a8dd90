// Entry point of the `claim-tagger` command (bundled to dist/cli.js).
import * as fs from 'node:fs/promises';
import { main } from './cli/main';

main(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  readFile: (p) => fs.readFile(p, 'utf8'),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err: Error) => {
    process.stderr.write(`claim-tagger: ${err.message}\n`);
    process.exitCode = 2;
  },
);
