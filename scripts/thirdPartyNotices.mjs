// dist/ThirdPartyNotices.txt: the licence of every npm package esbuild bundled into dist/ (read from the build
// metafiles), so the .vsix carries the notices that MIT and similar licences ask copies to keep. The bundles
// themselves are built with `legalComments: 'none'`.
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

function licenceText(dir) {
  const file = fs.readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
  return file ? fs.readFileSync(path.join(dir, file), 'utf8').trim() : undefined;
}

/** Writes the notices; throws when a bundled package ships no licence text (someone must look at it). */
export function writeThirdPartyNotices(root, metafiles, outfile) {
  const entries = bundledPackages(metafiles).map((rel) => {
    const dir = path.join(root, rel);
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    const text = licenceText(dir);
    if (!text) throw new Error(`${pkg.name}@${pkg.version} (bundled into dist/) has no LICENSE file: add its notice by hand`);
    return { name: pkg.name, version: pkg.version, licence: pkg.license ?? 'see below', text };
  });
  // One entry per name@version, sorted, so the file is the same on every build.
  const unique = [...new Map(entries.map((e) => [`${e.name}@${e.version}`, e])).values()].sort((a, b) => a.name.localeCompare(b.name));
  const out = [
    'Claim Tagger bundles the following third-party npm packages into dist/. Their licences follow.',
    '',
    ...unique.map((e) => `- ${e.name} ${e.version} (${e.licence})`),
    '',
    ...unique.flatMap((e) => [`${'='.repeat(78)}`, `${e.name} ${e.version}`, `${'='.repeat(78)}`, e.text, '']),
  ].join('\n');
  fs.mkdirSync(path.dirname(outfile), { recursive: true });
  fs.writeFileSync(outfile, out);
  return unique.map((e) => e.name);
}
