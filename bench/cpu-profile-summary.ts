/**
 * Summarises .cpuprofile files (node --cpu-prof): self time by function and by file, to find where a
 * benchmark phase spends its CPU. Usage:
 *   npx tsx bench/cpu-profile-summary.ts <file.cpuprofile>... [--top 25] [--from S] [--to S]
 * --from/--to keep only the samples between S seconds after the profile started (one phase of a run).
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const args = process.argv.slice(2);
const option = (name: string): number | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : undefined;
};
const top = option('top') ?? 25;
const fromMs = (option('from') ?? 0) * 1000;
const toMs = (option('to') ?? Infinity) * 1000;
const files = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));

const shortUrl = (url: string) => url.replace(/^file:\/\//, '').replace(/^.*\/node_modules\//, 'nm:').replace(/^\/work\/main\//, '');

for (const file of files) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfMs = new Map<number, number>();
  let atMs = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    const deltaMs = (profile.timeDeltas[i] ?? 0) / 1000;
    atMs += deltaMs;
    if (atMs < fromMs || atMs > toMs) continue;
    selfMs.set(id, (selfMs.get(id) ?? 0) + deltaMs);
  }
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  let total = 0;
  let idle = 0;
  for (const [id, ms] of selfMs) {
    const node = byId.get(id)!;
    const { functionName, url, lineNumber } = node.callFrame;
    total += ms;
    if (functionName === '(idle)') idle += ms;
    const key = `${functionName || '(anonymous)'} ${shortUrl(url)}:${lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
    const f = shortUrl(url) || functionName;
    byFile.set(f, (byFile.get(f) ?? 0) + ms);
  }
  const wall = (profile.endTime - profile.startTime) / 1000;
  console.log(`\n== ${file}\n   wall ${wall.toFixed(0)} ms, sampled ${total.toFixed(0)} ms, idle ${idle.toFixed(0)} ms, busy ${(total - idle).toFixed(0)} ms`);
  const print = (title: string, map: Map<string, number>) => {
    console.log(`-- ${title}`);
    for (const [k, v] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${v.toFixed(0).padStart(8)} ms  ${k}`);
  };
  print('self time by file', byFile);
  print('self time by function', byFunction);
}
