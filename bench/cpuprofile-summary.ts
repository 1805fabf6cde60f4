// Self time of a .cpuprofile (node:inspector or --cpu-prof) summed by function and by file, the
// largest first, as a share of the sampled time. TOTAL=1 adds inclusive time by function.
// Run: node -r ./test/support/ts-register.js bench/cpuprofile-summary.ts file.cpuprofile [rows]
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

function shortUrl(url: string): string {
  const i = url.lastIndexOf('/node_modules/');
  if (i >= 0) return url.slice(i + '/node_modules/'.length);
  const src = url.search(/\/(src|bench|models)\//);
  return src >= 0 ? url.slice(src + 1) : url.replace(/^file:\/\//, '') || '(native)';
}

function print(title: string, totals: Map<string, number>, all: number, rows: number): void {
  process.stdout.write(`\n${title}\n`);
  for (const [key, us] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, rows)) {
    process.stdout.write(`${(100 * us / all).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms  ${key}\n`);
  }
}

function main(): void {
  const profile = JSON.parse(readFileSync(process.argv[2], 'utf8')) as Profile;
  const rows = Number(process.argv[3] ?? 40);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let all = 0;
  for (const [id, us] of self) {
    const node = byId.get(id)!;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)' || functionName === '(program)') continue;
    all += us;
    const file = shortUrl(url);
    const fn = `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
    byFile.set(file, (byFile.get(file) ?? 0) + us);
    // Each function counted once per sample, however deep it recurses.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const f = byId.get(at)!.callFrame;
      const key = `${f.functionName || '(anonymous)'} ${shortUrl(f.url)}:${f.lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + us);
    }
  }
  process.stdout.write(`sampled (idle and program left out): ${(all / 1000).toFixed(0)} ms\n`);
  print('self time by function', byFunction, all, rows);
  print('self time by file', byFile, all, rows);
  if (process.env.TOTAL) print('inclusive time by function', inclusive, all, rows);
}

main();
