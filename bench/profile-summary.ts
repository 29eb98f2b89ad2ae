/**
 * Where a .cpuprofile spends its time: self time by function (top 25) and by file or package, in percent of the
 * sampled time that is not idle. Usage: node --import tsx bench/profile-summary.ts FILE.cpuprofile [top]
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const file = process.argv[2];
if (!file) throw new Error('usage: profile-summary.ts FILE.cpuprofile [top]');
const top = Number(process.argv[3] ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfTime = new Map<number, number>();
profile.samples.forEach((id, i) => selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

/** node_modules/<pkg> or the repo-relative file, so the table reads by owner. */
const where = (url: string) => {
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1]!;
  const repo = /\/(src|routes|bench|test)\/(.*)$/.exec(url);
  return repo ? `${repo[1]}/${repo[2]}` : url.startsWith('node:') ? url : url || '(native/V8)';
};

const functions = new Map<string, number>();
const files = new Map<string, number>();
let busy = 0;
for (const [id, us] of selfTime) {
  const node = byId.get(id)!;
  const name = node.callFrame.functionName || '(anonymous)';
  if (name === '(idle)' || name === '(program)') continue;
  busy += us;
  const key = `${name} ${where(node.callFrame.url)}:${node.callFrame.lineNumber + 1}`;
  functions.set(key, (functions.get(key) ?? 0) + us);
  const owner = name === '(garbage collector)' ? '(garbage collector)' : where(node.callFrame.url);
  files.set(owner, (files.get(owner) ?? 0) + us);
}

const print = (title: string, m: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [k, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${((us / busy) * 100).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(0).padStart(6)} ms  ${k}`);
  }
};
console.log(`busy ${(busy / 1000).toFixed(0)} ms`);
print('self time by function', functions);
print('self time by file / package', files);
