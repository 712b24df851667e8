/**
 * Summarises a V8 .cpuprofile (from `--cpu-prof`): self time per function and per file, and
 * inclusive time of the repository's own functions. Used by `npm run bench -- --profile`, or
 * alone: `tsx scripts/bench/profile-summary.ts <file.cpuprofile> [top]`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function where(url: string): string {
  if (!url) return '(native)';
  const file = url.startsWith('file://') ? fileURLToPath(url) : url;
  const rel = path.relative(root, file);
  return rel.startsWith('..') ? file : rel;
}

export interface ProfileSummary {
  totalMs: number;
  sampledMs: number;
  idleMs: number;
  gcMs: number;
  topSelf: Array<{ fn: string; where: string; selfMs: number; pct: number }>;
  topFilesSelf: Array<{ where: string; selfMs: number; pct: number }>;
  /** Inclusive time of functions in the repository's own code (server/, db/, moderation/). */
  topOwnInclusive: Array<{ fn: string; where: string; totalMs: number; pct: number }>;
}

export function summarizeProfile(file: string, top = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i]!;
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0));
  }
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const key = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'}\t${where(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
  const fnSelf = new Map<string, number>();
  const fileSelf = new Map<string, number>();
  const ownIncl = new Map<string, number>();
  let idle = 0;
  let gc = 0;
  for (const [id, us] of selfUs) {
    const n = byId.get(id)!;
    const name = n.callFrame.functionName;
    if (name === '(idle)') idle += us;
    if (name === '(garbage collector)') gc += us;
    fnSelf.set(key(n), (fnSelf.get(key(n)) ?? 0) + us);
    const w = where(n.callFrame.url) || '(native)';
    if (name !== '(idle)') fileSelf.set(w, (fileSelf.get(w) ?? 0) + us);
    // Inclusive: credit each distinct own frame on the stack once.
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const f = byId.get(cur)!;
      const w2 = where(f.callFrame.url);
      if (!/^(server|db|moderation)\//.test(w2)) continue;
      const k = key(f);
      if (seen.has(k)) continue;
      seen.add(k);
      ownIncl.set(k, (ownIncl.get(k) ?? 0) + us);
    }
  }
  const busy = total - idle;
  const ms = (us: number) => Math.round(us / 10) / 100;
  const pct = (us: number) => Math.round((us / Math.max(1, busy)) * 1000) / 10;
  const split = (k: string) => {
    const [fn, w] = k.split('\t');
    return { fn: fn!, where: w! };
  };
  return {
    totalMs: ms(profile.endTime - profile.startTime),
    sampledMs: ms(total),
    idleMs: ms(idle),
    gcMs: ms(gc),
    topSelf: [...fnSelf].filter(([k]) => !k.startsWith('(idle)')).sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, us]) => ({ ...split(k), selfMs: ms(us), pct: pct(us) })),
    topFilesSelf: [...fileSelf].sort((a, b) => b[1] - a[1]).slice(0, top).map(([w, us]) => ({ where: w, selfMs: ms(us), pct: pct(us) })),
    topOwnInclusive: [...ownIncl].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, us]) => ({ ...split(k), totalMs: ms(us), pct: pct(us) })),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('usage: tsx scripts/bench/profile-summary.ts <file.cpuprofile> [top]\n');
    process.exit(2);
  }
  process.stdout.write(`${JSON.stringify(summarizeProfile(file, Number(process.argv[3] ?? 20)), null, 2)}\n`);
}
