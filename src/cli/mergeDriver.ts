// `claim-tagger merge-driver %O %A %B %P`: git's custom merge driver for sidecars, and
// `claim-tagger install-merge-driver [--global]`, which registers it.
// Git contract: the merged result goes into %A; exit 0 = merged cleanly, non-zero = conflict (git then keeps
// %A as it is and all three versions in the index). We exit 1 only when an input cannot be merged, leaving %A
// untouched; conflicting edits of one tag are merged (both kept, flagged inside the file) and exit 0.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { mergeSidecarTexts } from '../core/team/mergeFiles';
import { CliIo, Exit } from './io';
import { writeFileAtomic } from './sidecarFiles';

const run = promisify(execFile);
const DRIVER_USAGE = 'Usage: claim-tagger merge-driver <base %O> <ours %A> <theirs %B> [<path %P>]\n';
const INSTALL_USAGE = 'Usage: claim-tagger install-merge-driver [--global] [--command "<how git should run claim-tagger>"]\n';
export const ATTRIBUTES_LINE = '*.tags.json merge=claim-tagger';

export async function runMergeDriver(argv: string[], io: CliIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout.write(DRIVER_USAGE);
    return Exit.ok;
  }
  if (argv.length < 3 || argv.length > 4) {
    io.stderr.write(`claim-tagger merge-driver: expected 3 or 4 arguments, got ${argv.length}.\n${DRIVER_USAGE}`);
    return Exit.badInput;
  }
  const [basePath, oursPath, theirsPath, shownPath] = argv;
  const name = shownPath ?? oursPath;
  const texts: string[] = [];
  for (const p of [basePath, oursPath, theirsPath]) {
    try {
      texts.push(await io.readFile(p));
    } catch (e) {
      io.stderr.write(`claim-tagger merge-driver: ${name}: cannot read ${p}: ${(e as Error).message}\n`);
      return Exit.finding;
    }
  }
  const result = mergeSidecarTexts(texts[0], texts[1], texts[2]);
  if (!result.ok) {
    const where = result.line !== undefined ? ` (line ${result.line}, column ${result.column})` : '';
    io.stderr.write(`claim-tagger merge-driver: ${name}: ${sideName[result.side]} cannot be merged${where}: ${result.message} Left as a conflict for you; nothing was changed.\n`);
    return Exit.finding;
  }
  await writeFileAtomic(oursPath, result.text);
  if (result.conflicts.length) {
    io.stderr.write(`claim-tagger merge-driver: ${name}: ${result.conflicts.length} tag(s) edited on both sides; both versions kept (labelled merge-conflict, listed under "conflicts").\n`);
  }
  return Exit.ok;
}

const sideName = { base: 'the common ancestor (%O)', ours: 'our version (%A)', theirs: 'their version (%B)' } as const;

export async function runInstallMergeDriver(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { global: { type: 'boolean' }, command: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (e) {
    io.stderr.write(`claim-tagger install-merge-driver: ${(e as Error).message}\n${INSTALL_USAGE}`);
    return Exit.badInput;
  }
  const o = parsed.values;
  if (o.help) {
    io.stdout.write(INSTALL_USAGE);
    return Exit.ok;
  }
  const scope = o.global ? ['--global'] : ['--local'];
  const git = async (...args: string[]) => (await run('git', args, { encoding: 'utf8' })).stdout.trim();
  let attributes: string;
  try {
    if (o.global) {
      const configured = await git('config', '--global', '--path', '--get', 'core.attributesFile').catch(() => '');
      attributes = configured || path.join(process.env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config'), 'git', 'attributes');
    } else {
      attributes = path.join(await git('rev-parse', '--show-toplevel'), '.gitattributes');
    }
    await git('config', ...scope, 'merge.claim-tagger.name', 'Claim Tagger sidecar merge (by tag id)');
    await git('config', ...scope, 'merge.claim-tagger.driver', `${o.command ?? selfCommand()} merge-driver %O %A %B %P`);
  } catch (e) {
    io.stderr.write(`claim-tagger install-merge-driver: git failed: ${(e as Error).message.trim()}\n`);
    return Exit.badInput;
  }
  const before = await fs.readFile(attributes, 'utf8').catch(() => '');
  if (!before.split(/\r?\n/).some((l) => l.trim() === ATTRIBUTES_LINE)) {
    const sep = before && !before.endsWith('\n') ? '\n' : '';
    await fs.mkdir(path.dirname(attributes), { recursive: true });
    await fs.writeFile(attributes, `${before}${sep}${ATTRIBUTES_LINE}\n`);
  }
  io.stdout.write(`Registered the merge driver (${o.global ? 'global' : 'this repository'}) and ${ATTRIBUTES_LINE.split(' ')[1]} for *.tags.json in ${attributes}.\n`);
  return Exit.ok;
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
