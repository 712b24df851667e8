/**
 * Encoder benchmark: the ONNX port (transformers.js + onnxruntime-node) against the same encoder
 * run by TF.js (@energetic-ai/embeddings on the TF.js WASM backend), in one run.
 *
 *   npm run bench:encoder [-- --dtype q8 --requests 3000 --workers 2 --threads 1 --json out.json]
 *
 * Each phase runs in its own child process (pinned with taskset when available) so memory
 * figures are not mixed up:
 *   latency     one 60-token message at a time, in-process encoder, 1 onnxruntime thread, 1 core
 *   throughput  encoder pool (--workers x --threads, default 2 x 1) on 2 cores, --requests concurrent single-message
 *               embed() calls (60-token messages, then the mixed-length parity sentences)
 *   tfjs        the reference: same message one at a time, and batches of 32
 * Memory: resident set size after loading and warming up, minus the RSS before loading.
 * Targets (issue): median <= 5 ms and p99 <= 20 ms on one core, >= 300 messages/s on two cores,
 * <= 200 MB added by the model.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_MODEL_DIR, loadEncoder, UseLiteTokenizer, type EncoderDtype } from '../../moderation/misinfo/encoder.js';
import { loadEncoderPool } from '../../moderation/misinfo/encoder-pool.js';
import { loadSentences } from './check-parity.js';
import { loadReference } from './reference.js';

const SELF = fileURLToPath(import.meta.url);
const BASE =
  'I was diagnosed with type 2 diabetes in March and my endocrinologist started me on metformin twice a day with meals. ' +
  'The stomach cramps were awful for the first two weeks, but switching to the extended release tablets helped a lot. ' +
  'Has anyone else noticed that their morning blood sugar readings are higher even when they skip dessert? ' +
  'I am trying to understand whether this is the dawn phenomenon or something I am doing wrong.';

function mb(bytes: number): number {
  return Math.round((bytes / 1048576) * 10) / 10;
}
function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}
function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** A message of exactly `n` tokens (prefix of BASE, cut at a word boundary that gives n tokens). */
async function messageOfTokens(n: number, tokenize: (s: string) => number[]): Promise<string> {
  const words = BASE.split(' ');
  for (let k = 1; k <= words.length; k++) {
    const s = words.slice(0, k).join(' ');
    const len = tokenize(s).length;
    if (len === n) return s;
    if (len > n) break;
  }
  throw new Error(`no prefix of the benchmark text has exactly ${n} tokens`);
}

type Result = Record<string, number | string>;

/** The encoder's tokenizer without loading a model (keeps transformers.js out of this process). */
function tokenizerOnly(): (s: string) => number[] {
  const tok = new UseLiteTokenizer(JSON.parse(readFileSync(join(DEFAULT_MODEL_DIR, 'tokenizer.json'), 'utf8')));
  return (s) => tok.encode(s).slice(0, tok.maxLength);
}

async function phaseLatency(dtype: EncoderDtype, iterations: number): Promise<Result> {
  gc();
  const rss0 = process.memoryUsage().rss;
  const enc = await loadEncoder({ dtype, threads: 1 });
  const msg = await messageOfTokens(60, enc.tokenize);
  for (let i = 0; i < 50; i++) await enc.embed([msg]);
  gc();
  const rss1 = process.memoryUsage().rss;
  const times: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < iterations; i++) {
    const t = performance.now();
    await enc.embed([msg]);
    times.push(performance.now() - t);
  }
  const cpu = process.cpuUsage(cpu0);
  times.sort((a, b) => a - b);
  const batch = Array.from({ length: 32 }, () => msg);
  const t = performance.now();
  for (let i = 0; i < 20; i++) await enc.embed(batch);
  const batchedPerSec = (20 * 32) / ((performance.now() - t) / 1000);
  gc();
  const rss2 = process.memoryUsage().rss;
  await enc.close();
  return {
    tokens: enc.tokenize(msg).length,
    median_ms: pct(times, 0.5),
    p99_ms: pct(times, 0.99),
    max_ms: times.at(-1)!,
    cpu_ms_per_msg: (cpu.user + cpu.system) / 1000 / iterations,
    batch32_msgs_per_s_1core: batchedPerSec,
    rss_added_mb: mb(rss1 - rss0),
    rss_added_after_batches_mb: mb(rss2 - rss0),
  };
}

async function phaseThroughput(dtype: EncoderDtype, requests: number, workers: number, threads: number): Promise<Result> {
  gc();
  const rss0 = process.memoryUsage().rss;
  const mainHeap0 = process.memoryUsage().heapTotal + process.memoryUsage().external;
  const pool = await loadEncoderPool({ dtype, workers, threads });
  const msg = await messageOfTokens(60, tokenizerOnly());
  await Promise.all(Array.from({ length: 64 }, () => pool.embed([msg])));
  gc();
  const rss1 = process.memoryUsage().rss;
  const run = async (texts: string[]) => {
    const before = pool.stats();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await Promise.all(texts.map((x) => pool.embed([x])));
    const secs = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const after = pool.stats();
    // CPU time of the whole process (main thread + workers) per message: unlike wall time it barely
    // depends on what else runs on the machine; 2 cores / (CPU s per message) = rate on 2 free cores.
    const cpuMsPerMsg = (cpu.user + cpu.system) / 1000 / texts.length;
    return { perSec: texts.length / secs, meanBatch: (after.texts - before.texts) / (after.batches - before.batches), cpuMsPerMsg };
  };
  const fixed = await run(Array.from({ length: requests }, () => msg));
  const sentences = loadSentences();
  const mixed = await run(Array.from({ length: requests }, (_, i) => sentences[i % sentences.length]!));
  // Event-loop responsiveness while the pool is saturated: how late does a 1 ms timer fire?
  const lags: number[] = [];
  const flood = run(Array.from({ length: requests }, () => msg));
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    lags.push(now - last - 1);
    last = now;
  }, 1);
  await flood;
  clearInterval(timer);
  lags.sort((a, b) => a - b);
  gc();
  const rss2 = process.memoryUsage().rss;
  const mainHeap2 = process.memoryUsage().heapTotal + process.memoryUsage().external;
  // single-message latency through the pool (includes the hop to the worker and back)
  const single: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    await pool.embed([msg]);
    single.push(performance.now() - t);
  }
  single.sort((a, b) => a - b);
  await pool.close();
  return {
    workers,
    threads_per_worker: threads,
    single_median_ms: pct(single, 0.5),
    single_p99_ms: pct(single, 0.99),
    msgs_per_s_60tok: fixed.perSec,
    cpu_ms_per_msg_60tok: fixed.cpuMsPerMsg,
    msgs_per_s_60tok_if_2_free_cores: 2000 / fixed.cpuMsPerMsg,
    mean_batch_60tok: fixed.meanBatch,
    msgs_per_s_mixed: mixed.perSec,
    cpu_ms_per_msg_mixed: mixed.cpuMsPerMsg,
    mean_batch_mixed: mixed.meanBatch,
    event_loop_lag_p99_ms: pct(lags, 0.99),
    rss_added_mb: mb(rss1 - rss0),
    rss_added_after_load_mb: mb(rss2 - rss0),
    // part of that growth that is the benchmark's own main-thread heap (promises, result arrays)
    main_thread_heap_growth_mb: mb(mainHeap2 - mainHeap0),
    pool_after_load_mb_excluding_bench_heap: mb(rss2 - rss0 - (mainHeap2 - mainHeap0)),
  };
}

async function phaseTfjs(iterations: number): Promise<Result> {
  gc();
  const rss0 = process.memoryUsage().rss;
  const ref = await loadReference();
  const msg = await messageOfTokens(60, tokenizerOnly());
  for (let i = 0; i < 10; i++) await ref.embed([msg]);
  gc();
  const rss1 = process.memoryUsage().rss;
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t = performance.now();
    await ref.embed([msg]);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const batch = Array.from({ length: 32 }, () => msg);
  const t = performance.now();
  for (let i = 0; i < 5; i++) await ref.embed(batch);
  return {
    backend: ref.backend,
    median_ms: pct(times, 0.5),
    p99_ms: pct(times, 0.99),
    batch32_msgs_per_s_1thread: (5 * 32) / ((performance.now() - t) / 1000),
    rss_added_mb_approx: mb(rss1 - rss0),
  };
}

function runPhase(phase: string, cores: string, args: string[]): Result {
  const hasTaskset = spawnSync('taskset', ['--version']).status === 0;
  const node = [...process.execArgv, '--expose-gc', SELF, '--phase', phase, ...args];
  const cmd = hasTaskset ? 'taskset' : process.execPath;
  const argv = hasTaskset ? ['-c', cores, process.execPath, ...node] : node;
  const out = execFileSync(cmd, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 });
  const line = out.trim().split('\n').at(-1)!;
  return JSON.parse(line) as Result;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      phase: { type: 'string' },
      dtype: { type: 'string', default: 'q8' },
      iterations: { type: 'string', default: '500' },
      requests: { type: 'string', default: '3000' },
      json: { type: 'string' },
      workers: { type: 'string', default: '2' },
      threads: { type: 'string', default: '1' },
    },
  });
  const dtype = values.dtype as EncoderDtype;
  const iterations = Number(values.iterations);
  if (values.phase) {
    const r =
      values.phase === 'latency' ? await phaseLatency(dtype, iterations) : values.phase === 'throughput' ? await phaseThroughput(dtype, Number(values.requests), Number(values.workers), Number(values.threads)) : await phaseTfjs(Math.min(iterations, 200));
    process.stdout.write(JSON.stringify(r) + '\n');
    process.exit(0);
  }
  const common = ['--dtype', dtype, '--iterations', String(iterations), '--requests', values.requests!, '--workers', values.workers!, '--threads', values.threads!];
  const cores2 = availableParallelism() >= 2 ? '0,1' : '0';
  const load0 = loadavg()[0]!;
  console.log(`encoder benchmark, dtype ${dtype}, ${availableParallelism()} cores visible, load average ${load0.toFixed(2)}`);
  const latency = runPhase('latency', '0', common);
  console.log('ONNX latency (1 core):', latency);
  const throughput = runPhase('throughput', cores2, common);
  console.log(`ONNX throughput (pool, cores ${cores2}):`, throughput);
  const tfjs = runPhase('tfjs', '0', common);
  console.log('TF.js reference (1 core):', tfjs);
  const ratio = Number(tfjs['median_ms']) / Number(latency['median_ms']);
  const checks = {
    'median <= 5 ms': Number(latency['median_ms']) <= 5,
    'p99 <= 20 ms': Number(latency['p99_ms']) <= 20,
    '>= 300 msgs/s on 2 cores (60 tokens)': Number(throughput['msgs_per_s_60tok']) >= 300,
    'model RSS <= 200 MB (pool after the load test, without the benchmark heap)': Number(throughput['pool_after_load_mb_excluding_bench_heap']) <= 200,
  };
  console.log(`speed-up vs TF.js (median, one 60-token message): ${ratio.toFixed(1)}x`);
  console.log(`load average (1 min) before ${load0.toFixed(2)}, after ${loadavg()[0]!.toFixed(2)}: other processes on these cores slow every figure above`);
  for (const [k, ok] of Object.entries(checks)) console.log(`${ok ? 'PASS' : 'FAIL'}  ${k}`);
  if (values.json) writeFileSync(resolve(values.json), JSON.stringify({ dtype, latency, throughput, tfjs, ratio, checks, loadavg: [load0, loadavg()[0]] }, null, 2) + '\n');
}

if (process.argv[1] && resolve(process.argv[1]) === SELF) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
