/**
 * Summarises a V8 `.cpuprofile` (what `node --cpu-prof` writes, e.g. `node dist/bench/api.bench.js 8 --profile <dir>`):
 * the share of samples by package and by function (self time), and the heaviest frames counting their callees
 * (inclusive), over the profile's last `seconds` (the load, not the boot).
 * Run: `node dist/bench/profile-summary.js <file.cpuprofile> [seconds] [rows]`.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  samples: number;
  byPackage: [string, number][];
  selfByFunction: [string, number][];
  inclusive: [string, number][];
}

/** `pg`, `@nestjs/core`, `node:net`, `ours:apps/api/src`, or the V8 pseudo-frame's name (`(idle)`, `writev`). */
function packageOf(frame: ProfileNode['callFrame']): string {
  const { url, functionName } = frame;
  const inModules = url.split('node_modules/')[1];
  if (inModules !== undefined) {
    const [scope, name] = inModules.split('/');
    return scope!.startsWith('@') ? `${scope}/${name}` : scope!;
  }
  if (url.startsWith('node:')) return url;
  const inDist = url.split('/dist/')[1];
  if (inDist !== undefined) return `ours:${inDist.split('/').slice(0, 3).join('/')}`;
  return functionName || url || '(native)';
}

function frameName(frame: ProfileNode['callFrame']): string {
  const file = frame.url.split('node_modules/')[1] ?? frame.url.split('/').pop() ?? '';
  return `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber}`;
}

function top(counts: Map<string, number>, total: number, rows: number): [string, number][] {
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, rows)
    .map(([name, count]) => [name, Math.round((count / total) * 1000) / 10]);
}

export function summariseProfile(profile: CpuProfile, lastSeconds = Infinity, rows = 30): ProfileSummary {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const times: number[] = [];
  let time = profile.startTime;
  for (const delta of profile.timeDeltas) times.push((time += delta));
  const from = (times.at(-1) ?? 0) - lastSeconds * 1e6;
  const samples = profile.samples.filter((_, i) => times[i]! >= from);
  const byPackage = new Map<string, number>();
  const selfByFunction = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const add = (counts: Map<string, number>, key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const id of samples) {
    const frame = nodes.get(id)!.callFrame;
    add(byPackage, packageOf(frame));
    add(selfByFunction, frameName(frame));
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = frameName(nodes.get(at)!.callFrame);
      if (!seen.has(name)) add(inclusive, name);
      seen.add(name);
    }
  }
  return {
    samples: samples.length,
    byPackage: top(byPackage, samples.length, rows),
    selfByFunction: top(selfByFunction, samples.length, rows),
    inclusive: top(inclusive, samples.length, rows),
  };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [file, seconds, rows] = process.argv.slice(2);
  if (!file) throw new Error('usage: profile-summary.js <file.cpuprofile> [seconds] [rows]');
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const summary = summariseProfile(profile, seconds ? Number(seconds) : Infinity, rows ? Number(rows) : 30);
  console.log(`${summary.samples} samples`);
  for (const part of ['byPackage', 'selfByFunction', 'inclusive'] as const) {
    console.log(`\n${part} (% of samples)`);
    for (const [name, share] of summary[part]) console.log(`${share.toFixed(1).padStart(5)}  ${name}`);
  }
}
