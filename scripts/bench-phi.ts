/**
 * `npm run bench:phi [-- --rounds 20 --length 500 --data PATH] [--against DIR] [--transformer]`
 * Times the non-transformer PHI detector per ~500-character post on one core (single-threaded Node):
 * posts are built by joining the fixture texts (or a JSONL file given with --data) to the requested length.
 * Prints median, p95, p99 and max per post (wall clock), the same for this thread's CPU time (robust to other load on
 * a shared machine), the load average, and module load time. Prints no message text.
 * `--against DIR` also loads DIR/moderation/phi/detect.ts (another checkout, e.g. `git worktree add /tmp/phi-prev HEAD~3`)
 * and times both detectors alternately on the same posts, so that a busy shared machine slows both alike; it prints
 * the median of the per-round medians for each.
 * `--transformer` also times the transformer part, reported separately: the encoder's token states for the post
 * (models/use-lite on onnxruntime, one intra-op thread, in this thread as `loadEncoder` runs it) and the detector
 * reading them (the tagger's transformer variant), over min(rounds, 5) rounds.
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : fallback;
};
const rounds = Number(opt('rounds', '20'));
const length = Number(opt('length', '500'));
const here = dirname(fileURLToPath(import.meta.url));
const files = args.includes('--data') ? [opt('data', '')] : [join(here, '..', 'test', 'fixtures', 'phi', 'dev.jsonl'), join(here, '..', 'test', 'fixtures', 'phi', 'test.jsonl')];

const texts: string[] = [];
for (const f of files) {
  for (const line of readFileSync(f, 'utf8').split('\n')) if (line.trim()) texts.push((JSON.parse(line) as { text: string }).text);
}
const posts: string[] = [];
let cur = '';
for (let i = 0; posts.length < 300; i++) {
  cur += (cur ? ' ' : '') + texts[i % texts.length]!;
  if (cur.length >= length) { posts.push(cur.slice(0, length)); cur = ''; }
}

const t0 = performance.now();
const { detectPhi } = await import('../moderation/phi/detect.js');
const loadMs = performance.now() - t0;

// Warm-up so the JIT has compiled the hot paths (a long-running server is in this state).
let sink = 0;
for (let r = 0; r < 3; r++) for (const p of posts) sink += detectPhi(p).length;

const samples: number[] = [];
// CPU time of this thread per post as well (getrusage via process.threadCpuUsage where available, else
// process.cpuUsage): on a shared machine other processes stretch wall-clock time but not this thread's CPU time.
const threadCpu = (process as unknown as { threadCpuUsage?: () => NodeJS.CpuUsage }).threadCpuUsage;
const cpuNow = (): number => { const u = threadCpu ? threadCpu.call(process) : process.cpuUsage(); return (u.user + u.system) / 1000; };
const cpuSamples: number[] = [];
for (let r = 0; r < rounds; r++) {
  for (const p of posts) {
    const c = cpuNow();
    const s = performance.now();
    sink += detectPhi(p).length;
    samples.push(performance.now() - s);
    cpuSamples.push(cpuNow() - c);
  }
}
samples.sort((a, b) => a - b);
cpuSamples.sort((a, b) => a - b);
let againstLine = '';
if (args.includes('--against')) {
  const dir = opt('against', '');
  const other = (await import(pathToFileURL(join(dir, 'moderation', 'phi', 'detect.ts')).href)) as { detectPhi: (t: string) => unknown[] };
  for (let r = 0; r < 3; r++) for (const p of posts) sink += other.detectPhi(p).length;
  const medians: Record<'this' | 'other', number[]> = { this: [], other: [] };
  for (let r = 0; r < rounds; r++) {
    // Alternate which one goes first, so neither profits from running right after the other's warm caches.
    const pair = [['this', detectPhi], ['other', other.detectPhi]] as const;
    for (const [name, fn] of r % 2 === 0 ? pair : [pair[1], pair[0]]) {
      const xs: number[] = [];
      for (const p of posts) { const s = performance.now(); sink += fn(p).length; xs.push(performance.now() - s); }
      xs.sort((a, b) => a - b);
      medians[name].push(xs[Math.floor(xs.length / 2)]!);
    }
  }
  const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  // Paired per round, so that load changes between rounds cancel out.
  const ratio = mid(medians.this.map((x, i) => x / medians.other[i]!));
  againstLine = `alternating with ${dir}: median per post, median over ${rounds} rounds: this ${mid(medians.this).toFixed(3)} ms, other ${mid(medians.other).toFixed(3)} ms; paired ratio this/other ${ratio.toFixed(3)}\n`;
}
let transformerLine = '';
if (args.includes('--transformer')) {
  const { loadEncoder } = await import('../moderation/misinfo/encoder.js');
  const { tokenStatesOf } = await import('../moderation/phi/token-states.js');
  const encoder = await loadEncoder({ threads: 1 });
  for (const p of posts.slice(0, 50)) sink += detectPhi(p, { tokenStates: (await tokenStatesOf(encoder, [p]))[0]! }).length;
  const enc: number[] = [];
  const det: number[] = [];
  const whole: number[] = [];
  for (let r = 0; r < Math.min(rounds, 5); r++) {
    for (const p of posts) {
      const s = performance.now();
      const [states] = await tokenStatesOf(encoder, [p]);
      const m = performance.now();
      sink += detectPhi(p, { tokenStates: states! }).length;
      const e = performance.now();
      enc.push(m - s);
      det.push(e - m);
      whole.push(e - s);
    }
  }
  await encoder.close();
  const stat = (xs: number[]) => {
    xs.sort((a, b) => a - b);
    const at = (x: number) => xs[Math.min(xs.length - 1, Math.floor(x * xs.length))]!;
    return `median ${at(0.5).toFixed(3)} ms, p99 ${at(0.99).toFixed(3)} ms`;
  };
  transformerLine =
    `transformer part (${enc.length} runs): encoder token states ${stat(enc)}; detector reading them ${stat(det)}; ` +
    `whole stage ${stat(whole)}\n`;
}
const cpuTotal = cpuSamples.reduce((a, b) => a + b, 0);
const cq = (x: number) => cpuSamples[Math.min(cpuSamples.length - 1, Math.floor(x * cpuSamples.length))]!;
const q = (x: number) => samples[Math.min(samples.length - 1, Math.floor(x * samples.length))]!;
const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
process.stdout.write(
  `PHI detector benchmark: ${posts.length} posts of ${length} chars x ${rounds} rounds = ${samples.length} runs (node ${process.version}, single thread)\n` +
  `module load (gazetteers): ${loadMs.toFixed(0)} ms\n` +
  `per post: median ${q(0.5).toFixed(3)} ms, p95 ${q(0.95).toFixed(3)} ms, p99 ${q(0.99).toFixed(3)} ms, max ${samples[samples.length - 1]!.toFixed(3)} ms, mean ${mean.toFixed(3)} ms\n` +
  `CPU time per post (this thread): median ${cq(0.5).toFixed(3)} ms, p99 ${cq(0.99).toFixed(3)} ms, mean ${(cpuTotal / cpuSamples.length).toFixed(3)} ms; load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores\n` +
  againstLine +
  transformerLine +
  `targets for the non-transformer part (wall clock): median <= 0.3 ms, p99 <= 2 ms -> ${q(0.5) <= 0.3 && q(0.99) <= 2 ? 'MET' : 'NOT MET'}  (spans found: ${sink})\n`,
);
