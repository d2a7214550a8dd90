// The `claim-tagger` subcommands: what each accepts and says in its help. Each runs from its own module, loaded
// only when the command is run (the definitions stay light, so `--help` is instant).
import { CLAIM_STATUSES } from '../core/model';
import { FAIL_ON, REPORT_FORMATS } from '../core/report/common';
import { DEFAULT_MIN_SCORE, SUGGESTION_KINDS } from '../core/suggest';
import { AGREEMENT_FORMATS } from '../core/team/report';
import { Command, OptionSpecs, defineCommand } from './command';

export const TAG_OPTIONS = {
  kind: { type: 'string', value: '<kind>', required: true, help: 'claim, attribution, opinion or a custom kind id' },
  quote: { type: 'string', value: '<text>', oneOf: 'anchor', help: 'the text to tag, as it appears in the document' },
  range: { type: 'string', value: '<start>:<end>', oneOf: 'anchor', help: 'the span to tag, as UTF-16 offsets' },
  occurrence: { type: 'string', value: 'N', help: 'which occurrence of --quote, when it occurs more than once' },
  note: { type: 'string', value: '<text>', help: 'a note on the tag' },
  status: { type: 'string', value: '<status>', help: `a claim's status: ${CLAIM_STATUSES.join(', ')}` },
  author: { type: 'string', value: '<name>', help: 'who made the tag' },
} as const satisfies OptionSpecs;

export const CHECK_OPTIONS = {
  json: { type: 'boolean', help: 'print the result as JSON' },
  write: { type: 'boolean', help: 're-anchor the sidecars on disk (a read-only sidecar is left untouched)' },
} as const satisfies OptionSpecs;

export const SUGGEST_OPTIONS = {
  jsonl: { type: 'boolean', help: 'read lines of {"id": ..., "text": ...} from standard input; one result line per input line' },
  'min-score': { type: 'string', value: 'N', help: 'drop suggestions scoring below N (0 to 1)' },
  kinds: { type: 'string', value: 'k1,k2', help: `the kinds to suggest: ${SUGGESTION_KINDS.join(', ')}` },
  workspace: { type: 'string', value: 'DIR', help: 'learn from the sidecars and decisions of DIR' },
  'no-learned': { type: 'boolean', help: 'suggest without what the workspace taught' },
  verbose: { type: 'boolean', help: 'name each sidecar that could not be learned from' },
} as const satisfies OptionSpecs;

export const REPORT_OPTIONS = {
  format: { type: 'string', short: 'f', value: REPORT_FORMATS.join('|'), required: true, help: 'md, html, csv, json, w3c (W3C Web Annotation JSON-LD) or claimreview (schema.org)' },
  out: { type: 'string', short: 'o', value: 'FILE', help: 'write the report to FILE (a new file or a regular file that is not an input,\na sidecar, a link or a device); --out - or no --out: standard output' },
  'fail-on': { type: 'string', multiple: true, value: FAIL_ON.join('|'), help: 'exit 1 when a tag matches: unreviewed (claims), orphaned, unattributed (attributions\nwithout a source); repeat or separate with commas for several rules' },
  title: { type: 'string', value: 'TEXT', help: 'report title' },
  author: { type: 'string', value: 'NAME', help: 'W3C creator for tags without an author' },
  outlet: { type: 'string', value: 'NAME', help: 'ClaimReview author: the fact-checking organisation publishing the reviews' },
  claimant: { type: 'string', value: 'NAME', help: 'ClaimReview claimant when no attribution names who made a claim' },
  'article-url': { type: 'string', value: 'URL', help: 'the article\'s public address (ClaimReview appearance, W3C target)' },
  bom: { type: 'boolean', help: 'start CSV output with a UTF-8 byte order mark' },
} as const satisfies OptionSpecs;

export const AGREE_OPTIONS = {
  authors: { type: 'string', value: 'a,b', help: 'compare these annotators only (at least two)' },
  json: { type: 'boolean', help: 'the result as JSON (same as --format json)' },
  format: { type: 'string', value: AGREEMENT_FORMATS.join('|'), help: 'md (default), html or json' },
  title: { type: 'string', value: 'TEXT', help: 'report title' },
} as const satisfies OptionSpecs;

export const INSTALL_MERGE_DRIVER_OPTIONS = {
  global: { type: 'boolean', help: 'register in your global git configuration and attributes file (default: this repository)' },
  command: { type: 'string', value: '"<command>"', help: 'how git should run claim-tagger (default: this CLI)' },
} as const satisfies OptionSpecs;

const FILES_NOTE = 'A document X has its tags in X.tags.json beside it or in <folder>/.claim-tags/<path>.tags.json;\nfolders are searched recursively (node_modules and dot-folders other than .claim-tags are skipped).';

export const COMMANDS: readonly Command[] = [
  defineCommand({
    name: 'tag',
    summary: 'Add a tag to the document\'s sidecar and print its id.',
    args: '<file>',
    options: TAG_OPTIONS,
    notes: 'Give either --quote or --range.',
    run: async (args, io) => (await import('./tag')).tag(args, io),
  }),
  defineCommand({
    name: 'check',
    summary: 'Re-anchor tags against the current text and report each tag\'s state.',
    args: '<file|dir>...',
    options: CHECK_OPTIONS,
    notes: `${FILES_NOTE}\nExit codes: 0 ok, 1 an orphaned tag, 2 bad usage or unreadable input.`,
    run: async (args, io) => (await import('./check')).check(args, io),
  }),
  defineCommand({
    name: 'suggest',
    summary: 'Propose candidate tags (JSON).',
    args: '<file>... | -',
    forms: ['--jsonl  < lines of {"id": ..., "text": ...}'],
    options: SUGGEST_OPTIONS,
    notes: `Prints {"file", "suggestions", "sentences"} per input (an array when several files are given); with --jsonl,
one {"id", "suggestions", "sentences"} line per input line. Offsets are UTF-16 offsets into the text.
Learning: the tags in every sidecar under the workspace are remembered as phrases, and the decisions in its
.claim-tags/learned.json move scores, as in the editor. The workspace is --workspace DIR, else the nearest folder
above each file (above the working directory for - and --jsonl) holding .claim-tags or .git; --no-learned turns
learning off. Sidecars that cannot be read are skipped and counted in one line; --verbose names each.
Defaults: --min-score ${DEFAULT_MIN_SCORE}, --kinds ${SUGGESTION_KINDS.join(',')}.`,
    run: async (args, io) => (await import('./suggest')).suggest(args, io),
  }),
  defineCommand({
    name: 'report',
    summary: 'Write a tag report.',
    args: '<file|dir>...',
    options: REPORT_OPTIONS,
    notes: `${FILES_NOTE}
With several annotators (tag authors in a sidecar, or blind copies X.tags.<author>.json beside it, which may
also be named) the HTML report adds an agreement section. SOURCE_DATE_EPOCH, when set, fixes the report's date.
Exit codes: 0 ok, 1 a --fail-on finding, 2 bad usage or unreadable input.`,
    run: async (args, io) => (await import('./report')).report(args, io),
  }),
  defineCommand({
    name: 'agree',
    summary: 'Agreement between annotators (tag authors, blind copies <file>.tags.<author>.json).',
    args: '<sidecar|file|dir>...',
    options: AGREE_OPTIONS,
    run: async (args, io) => (await import('./agree')).agree(args, io),
  }),
  defineCommand({
    name: 'merge-driver',
    summary: 'Git merge driver for sidecars: merges by tag id (git runs it; see install-merge-driver).',
    args: '<base %O> <ours %A> <theirs %B> [<path %P>]',
    options: {},
    raw: true,
    run: async (args, io) => (await import('./mergeDriver')).mergeDriver(args, io),
  }),
  defineCommand({
    name: 'install-merge-driver',
    summary: 'Register the merge driver with git, for *.tags.json.',
    args: '',
    options: INSTALL_MERGE_DRIVER_OPTIONS,
    run: async (args, io) => (await import('./mergeDriver')).installMergeDriver(args, io),
  }),
];

/** The command named `name`; throws when there is none (a programming error, not bad input). */
export function commandNamed(name: string): Command {
  const found = COMMANDS.find((c) => c.name === name);
  if (!found) throw new Error(`no command ${name}`);
  return found;
}
