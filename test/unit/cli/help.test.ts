import * as assert from 'node:assert/strict';
import { acceptedOptions } from '../../../src/cli/command';
import { COMMANDS } from '../../../src/cli/commands';
import { cli } from './helpers';

/** The long options listed in the "Options:" section of a command's help. */
function listedOptions(help: string): string[] {
  const section = help.split('\nOptions:\n')[1]?.split('\n\n')[0] ?? '';
  return section.split('\n').flatMap((line) => /^ {2}(?:-\w, )?--([\w-]+)/.exec(line)?.[1] ?? []).sort();
}

/** The lines of the overview that belong to `name` (its synopsis and summary). */
function overviewBlock(overview: string, name: string): string {
  const lines = overview.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`  ${name} `) || l === `  ${name}`);
  assert.ok(start >= 0, `the overview lists ${name}`);
  let end = start + 1;
  while (end < lines.length && /^ {4}/.test(lines[end])) end++;
  return lines.slice(start, end).join('\n');
}

suite('cli: help generated from the command definitions', () => {
  for (const command of COMMANDS) {
    test(`${command.name} --help lists exactly the options ${command.name} accepts`, async () => {
      const help = await cli([command.name, '--help']);
      assert.equal(help.code, 0, help.stderr);
      assert.match(help.stdout, new RegExp(`^Usage: claim-tagger ${command.name}\\b`));
      assert.deepEqual(listedOptions(help.stdout), Object.keys(acceptedOptions(command)).sort());
    });

    if (command.raw) continue;
    test(`every option in ${command.name}'s help is accepted, and an unlisted one is refused`, async () => {
      const help = (await cli([command.name, '--help'])).stdout;
      for (const name of listedOptions(help)) {
        const takesValue = new RegExp(`^ {2}(?:-\\w, )?--${name} \\S`, 'm').test(help);
        const run = await cli([command.name, `--${name}`, ...(takesValue ? ['x'] : []), '--help']);
        assert.equal(run.code, 0, `--${name}: ${run.stderr}`);
        assert.equal(run.stdout, help);
      }
      const unknown = await cli([command.name, '--not-an-option']);
      assert.equal(unknown.code, 2);
      assert.match(unknown.stderr, new RegExp(`^claim-tagger ${command.name}: .*--not-an-option[^\\n]*\\nUsage: claim-tagger ${command.name}`));
    });
  }

  test('claim-tagger --help names every command with every option it accepts', async () => {
    const overview = await cli(['--help']);
    assert.equal(overview.code, 0);
    for (const command of COMMANDS) {
      const block = overviewBlock(overview.stdout, command.name);
      for (const name of Object.keys(command.options)) assert.match(block, new RegExp(`--${name}\\b`), `${command.name} --${name} in the overview`);
    }
    // The options the hand-written help had lost.
    assert.match(overviewBlock(overview.stdout, 'tag'), /--author/);
    for (const name of ['title', 'author', 'bom']) assert.match(overviewBlock(overview.stdout, 'report'), new RegExp(`--${name}\\b`));
  });

  test('short options are listed with their long form and accepted', async () => {
    const help = (await cli(['report', '--help'])).stdout;
    assert.match(help, /^ {2}-f, --format /m);
    assert.match(help, /^ {2}-o, --out /m);
    assert.equal((await cli(['report', '-f', 'md', '-o', '-', '-h'])).code, 0);
  });

  test('the merge driver takes its arguments as given: a path starting with "-" is not an option', async () => {
    const run = await cli(['merge-driver', '-base', '-ours', '-theirs']);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /cannot read -base/);
  });

  test('no command: the overview on stdout, exit 2; an unknown command: exit 2', async () => {
    const none = await cli([]);
    assert.equal(none.code, 2);
    assert.match(none.stdout, /^claim-tagger .*\n\nUsage: claim-tagger <command>/);
    const unknown = await cli(['tga']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown command "tga"/);
  });
});
