// Where a pass spends its time: the functions with the most self time in a V8 CPU profile, counting only samples
// taken inside one function's calls (e.g. perParagraph) plus the garbage collector's, since generation and warm-up
// share the profile.
//   node --cpu-prof --cpu-prof-interval 100 --cpu-prof-dir /tmp/prof out/bench/suggestPath.js --only bench --runs 10 --kb 1024
//   node out/bench/cpuProfileTop.js /tmp/prof/<file>.cpuprofile [--within perParagraph] [--top 10]
import * as fs from 'node:fs';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

export function topSelf(profile: Profile, within: string, top: number): Array<{ name: string; share: number; ms: number }> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inside = new Map<number, boolean>();
  const isInside = (id: number): boolean => {
    const known = inside.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id)!;
    const up = parent.get(id);
    const v = node.callFrame.functionName === within || (up !== undefined && isInside(up));
    inside.set(id, v);
    return v;
  };
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id)!;
    const gc = node.callFrame.functionName === '(garbage collector)';
    if (!gc && !isInside(id)) return;
    const dt = profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0; // a sample's time is the gap to the next
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url.replace(/^.*\/(out|dist)\//, '');
    const name = gc ? functionName : `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
    self.set(name, (self.get(name) ?? 0) + dt);
    total += dt;
  });
  return [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, us]) => ({ name, share: us / total, ms: us / 1000 }));
}

if (require.main === module) {
  const file = process.argv[2];
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  if (!file) {
    console.error('usage: node out/bench/cpuProfileTop.js <file.cpuprofile> [--within perParagraph] [--top 10]');
    process.exit(2);
  }
  const within = arg('--within') ?? 'perParagraph';
  const rows = topSelf(JSON.parse(fs.readFileSync(file, 'utf8')) as Profile, within, Number(arg('--top') ?? 10));
  console.log(`| function (self time, inside ${within} or the garbage collector) | share | ms |`);
  console.log('| --- | ---: | ---: |');
  for (const r of rows) console.log(`| \`${r.name}\` | ${(r.share * 100).toFixed(1)} % | ${r.ms.toFixed(0)} |`);
}
