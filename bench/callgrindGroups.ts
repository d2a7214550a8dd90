// Where the instructions of callgrind dumps go, by group: V8's garbage collector (with the write barrier, which
// costs most while incremental marking runs), V8's compilers, everything else (our JIT code, builtins, the runtime).
// Instruction counts of a pass that allocates much move with when V8 collects, and V8 decides that partly from
// timings: this tells the collector's share, which varies between passes, from the rest, which should not.
//   node out/bench/callgrindGroups.js <dump> [<dump> ...]     (e.g. the files suggest.bench.js --count --out DIR keeps)
import { spawnSync } from 'node:child_process';

const GROUPS: Array<[string, RegExp]> = [
  ['garbage collector + write barrier', /RecordWrite|MarkingBarrier|Heap|Mark|Scaveng|Sweep|Evacuat|Worklist|Remembered|SlotSet|Marking|GCTracer|Compact|MemoryAllocator|PagedSpace|NewSpace|ConcurrentAllocator|IterateObjectCache|RootVisitor|ObjectVisitor|IteratePointers|BodyDescriptor/],
  ['compilers (TurboFan, Maglev, Sparkplug, parser)', /compiler::|maglev::|baseline::|Parser|Turbofan|Pipeline|Zone|OptimizedCompilationJob|interpreter::BytecodeGenerator/],
];

/** A symbol without its template and call arguments (they name heap types in functions of every kind). */
function bare(symbol: string): string {
  let out = '';
  let depth = 0;
  for (const ch of symbol) {
    if (ch === '<' || ch === '(') depth++;
    else if ((ch === '>' || ch === ')') && depth > 0) depth--;
    else if (depth === 0) out += ch;
  }
  return out;
}

export function groups(dump: string): Map<string, number> {
  const res = spawnSync('callgrind_annotate', ['--inclusive=no', '--threshold=100', dump], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (res.status !== 0) throw new Error(`callgrind_annotate ${dump}: ${res.stderr}`);
  const sums = new Map<string, number>([...GROUPS.map(([g]) => [g, 0] as [string, number]), ['the rest (JIT code, builtins, runtime)', 0], ['total', 0]]);
  for (const line of res.stdout.split('\n')) {
    const m = /^\s*([\d,]+) \(\s*[\d.]+%\)\s+(.*)$/.exec(line);
    if (!m) continue;
    const ir = Number(m[1].replaceAll(',', ''));
    if (m[2].includes('PROGRAM TOTALS')) {
      sums.set('total', ir);
      continue;
    }
    // The rest is the total less the groups: the functions on the stack when callgrind dumps are listed with
    // their callees' cost (main, the microtask loop), so their lines cannot be summed.
    const group = GROUPS.find(([, re]) => re.test(bare(m[2])))?.[0];
    if (group !== undefined) sums.set(group, sums.get(group)! + ir);
  }
  sums.set('the rest (JIT code, builtins, runtime)', sums.get('total')! - GROUPS.reduce((n, [g]) => n + sums.get(g)!, 0));
  return sums;
}

if (require.main === module) {
  const dumps = process.argv.slice(2);
  const rows = dumps.map((d) => [d, groups(d)] as const);
  const names = [...rows[0][1].keys()];
  console.log(`| dump | ${names.join(' | ')} |`);
  console.log(`| --- | ${names.map(() => '---:').join(' | ')} |`);
  for (const [d, g] of rows) console.log(`| ${d.replace(/^.*\//, '')} | ${names.map((n) => `${(g.get(n)! / 1e6).toFixed(1)} M`).join(' | ')} |`);
}
