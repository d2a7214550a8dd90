// `claim-tagger merge-driver %O %A %B %P`: git's custom merge driver for sidecars, and
// `claim-tagger install-merge-driver`, which registers it.
// Git contract: the merged result goes into %A; exit 0 = merged cleanly, non-zero = conflict (git then keeps
// %A as it is and all three versions in the index). We exit 1 only when an input cannot be merged, leaving %A
// untouched; conflicting edits of one tag are merged (both kept, flagged inside the file) and exit 0.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { mergeSidecarTexts } from '../core/team/mergeFiles';
import { ParsedArgs, usageError } from './command';
import { INSTALL_MERGE_DRIVER_OPTIONS, commandNamed } from './commands';
import { CliIo, ExitCode } from './io';
import { writeFileAtomic } from './sidecarFiles';

const run = promisify(execFile);
export const ATTRIBUTES_LINE = '*.tags.json merge=claim-tagger';

/** Arguments as git gives them (the command is `raw`: nothing is parsed as an option). */
export async function mergeDriver({ positionals: argv }: ParsedArgs<Record<never, never>>, io: CliIo): Promise<ExitCode> {
  if (argv.length < 3 || argv.length > 4) return usageError(commandNamed('merge-driver'), io, `expected 3 or 4 arguments, got ${argv.length}.`);
  const [basePath, oursPath, theirsPath, shownPath] = argv;
  const name = shownPath ?? oursPath;
  const texts: string[] = [];
  for (const p of [basePath, oursPath, theirsPath]) {
    try {
      texts.push(await io.readFile(p));
    } catch (e) {
      io.stderr.write(`claim-tagger merge-driver: ${name}: cannot read ${p}: ${(e as Error).message}\n`);
      return ExitCode.finding;
    }
  }
  const result = mergeSidecarTexts(texts[0], texts[1], texts[2]);
  if (!result.ok) {
    const where = result.line !== undefined ? ` (line ${result.line}, column ${result.column})` : '';
    io.stderr.write(`claim-tagger merge-driver: ${name}: ${sideName[result.side]} cannot be merged${where}: ${result.message} Left as a conflict for you; nothing was changed.\n`);
    return ExitCode.finding;
  }
  await writeFileAtomic(oursPath, result.text);
  if (result.conflicts.length) {
    io.stderr.write(`claim-tagger merge-driver: ${name}: ${result.conflicts.length} tag(s) edited on both sides; both versions kept (labelled merge-conflict, listed under "conflicts").\n`);
  }
  return ExitCode.ok;
}

const sideName = { base: 'the common ancestor (%O)', ours: 'our version (%A)', theirs: 'their version (%B)' } as const;

export async function installMergeDriver({ values: o }: ParsedArgs<typeof INSTALL_MERGE_DRIVER_OPTIONS>, io: CliIo): Promise<ExitCode> {
  const scope = o.global ? ['--global'] : ['--local'];
  const git = async (...args: string[]) => (await run('git', args, { encoding: 'utf8', cwd: io.cwd })).stdout.trim();
  let attributes: string;
  try {
    if (o.global) {
      const configured = await git('config', '--global', '--path', '--get', 'core.attributesFile').catch(() => '');
      attributes = configured || path.join(io.env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config'), 'git', 'attributes');
    } else {
      attributes = path.join(await git('rev-parse', '--show-toplevel'), '.gitattributes');
    }
    await git('config', ...scope, 'merge.claim-tagger.name', 'Claim Tagger sidecar merge (by tag id)');
    await git('config', ...scope, 'merge.claim-tagger.driver', `${o.command ?? selfCommand()} merge-driver %O %A %B %P`);
  } catch (e) {
    io.stderr.write(`claim-tagger install-merge-driver: git failed: ${(e as Error).message.trim()}\n`);
    return ExitCode.badInput;
  }
  const before = await fs.readFile(attributes, 'utf8').catch(() => '');
  if (!before.split(/\r?\n/).some((l) => l.trim() === ATTRIBUTES_LINE)) {
    const sep = before && !before.endsWith('\n') ? '\n' : '';
    await fs.mkdir(path.dirname(attributes), { recursive: true });
    await fs.writeFile(attributes, `${before}${sep}${ATTRIBUTES_LINE}\n`);
  }
  io.stdout.write(`Registered the merge driver (${o.global ? 'global' : 'this repository'}) and ${ATTRIBUTES_LINE.split(' ')[1]} for *.tags.json in ${attributes}.\n`);
  return ExitCode.ok;
}

/** How git should start this CLI: the bundled script when run as `node .../cli.js`, else the installed command. */
function selfCommand(): string {
  const script = process.argv[1];
  if (script && /cli\.js$/.test(script)) return `${quote(process.execPath)} ${quote(path.resolve(script))}`;
  return 'claim-tagger';
}

function quote(s: string): string {
  return /^[\w./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
