/**
 * Speed and memory of the whole misinformation check (sentence split, USE-lite embeddings of each
 * sentence and of the whole message, head, calibration, claim matching: MisinfoScorer as the stage
 * runs it), against the same scorer on the TF.js reference encoder, in one run.
 *
 *   npm run bench:misinfo [-- --iterations 500 --requests 2000 --workers 2 --combine geomean-mean --json out.json]
 *
 * Each phase runs in its own child process, pinned with taskset when available:
 *   latency     one ~60-token message at a time, in-process ONNX encoder with 1 onnxruntime thread, core 0
 *   throughput  the encoder pool (2 worker threads x 1 onnxruntime thread) on cores 0,1; --requests
 *               concurrent scoreText() calls, batched by the pool
 *   tfjs        the same scorer on the reference TF.js encoder (@energetic-ai/embeddings, WASM backend), core 0
 * Memory: resident set size after loading the model (encoder, head, claims index) and warming up,
 * minus the RSS before loading. In-process, the import of transformers.js is reported apart; for
 * the pool (whose workers load a bundled copy, without tsx), everything the workers hold counts,
 * after start and after the load test.
 * Targets (issue 5): median <= 5 ms, p99 <= 20 ms on one core, >= 300 messages/s on two cores,
 * <= 200 MB resident memory added by the model. Prints figures only, never message text.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ClaimIndex } from '../moderation/misinfo/claims.js';
import { DEFAULT_MODEL_DIR as ENCODER_DIR, loadEncoder, UseLiteTokenizer } from '../moderation/misinfo/encoder.js';
import { loadEncoderPool } from '../moderation/misinfo/encoder-pool.js';
import { MisinfoScorer } from '../moderation/misinfo/scorer.js';
import { splitSentences } from '../moderation/misinfo/sentences.js';
import { DEFAULT_MODEL_DIR as MISINFO_DIR } from '../moderation/misinfo/stage.js';
import type { ClaimsFile, Encoder, HeadFile } from '../moderation/misinfo/types.js';
import { loadReference } from './model/reference.js';

const SELF = fileURLToPath(import.meta.url);
/** A typical forum post; the benchmark uses its longest prefix of at most 60 encoder tokens. */
const BASE =
  'I was diagnosed with type 2 diabetes in March and my endocrinologist started me on metformin twice a day with meals. ' +
  'The stomach cramps were awful for the first two weeks, but switching to the extended release tablets helped a lot. ' +
  'Has anyone else noticed that their morning blood sugar readings are higher even when they skip dessert? ' +
  'I am trying to understand whether this is the dawn phenomenon or something I am doing wrong.';

type Result = Record<string, number | string>;

const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
const r2 = (x: number) => Math.round(x * 100) / 100;
const gc = () => (globalThis as { gc?: () => void }).gc?.();

function message(): { text: string; tokens: number } {
  const tok = new UseLiteTokenizer(JSON.parse(readFileSync(join(ENCODER_DIR, 'tokenizer.json'), 'utf8')));
  const words = BASE.split(' ');
  let best = { text: words[0]!, tokens: 1 };
  for (let k = 1; k <= words.length; k++) {
    const text = words.slice(0, k).join(' ');
    const tokens = tok.encode(text).length;
    if (tokens > 60) break;
    best = { text, tokens };
  }
  return best;
}

/** --combine overrides head.json's combination rule (e.g. geomean-mean: one encoder pass per sentence, none over the whole text). */
let combineOverride: HeadFile['combine'] | undefined;

function modelFiles(): { head: HeadFile; claims: ClaimsFile } {
  const head = JSON.parse(readFileSync(join(MISINFO_DIR, 'head.json'), 'utf8')) as HeadFile;
  if (combineOverride) head.combine = combineOverride;
  return {
    head,
    claims: JSON.parse(readFileSync(join(MISINFO_DIR, 'claims.json'), 'utf8')) as ClaimsFile,
  };
}

async function timeOne(scorer: MisinfoScorer, text: string, iterations: number): Promise<{ median: number; p99: number; max: number }> {
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t = performance.now();
    await scorer.scoreText(text);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { median: pct(times, 0.5), p99: pct(times, 0.99), max: times.at(-1)! };
}

async function phaseLatency(iterations: number): Promise<Result> {
  const { text, tokens } = message();
  const { head, claims } = modelFiles();
  // The library itself (transformers.js, onnxruntime-node) is counted apart from the model: through
  // tsx's loader its import costs far more than it does from compiled JavaScript.
  gc();
  const rssLib0 = process.memoryUsage().rss;
  await import('@huggingface/transformers');
  gc();
  const rss0 = process.memoryUsage().rss;
  const enc = await loadEncoder({ threads: 1 });
  const scorer = new MisinfoScorer(enc, head, await ClaimIndex.build(claims, enc));
  for (let i = 0; i < 50; i++) await scorer.scoreText(text);
  gc();
  const rss1 = process.memoryUsage().rss;
  // Counted, not derived: the scorer's cascade skips the sentences of a message that cannot score.
  const units = splitSentences(text).length;
  let encoderInputs = 0;
  const counting = new MisinfoScorer({ dim: enc.dim, embed: (xs) => ((encoderInputs += xs.length), enc.embed(xs)), close: async () => undefined }, head, scorer.claims);
  await counting.scoreText(text);
  const cpu0 = process.cpuUsage();
  const full = await timeOne(scorer, text, iterations);
  const cpu = process.cpuUsage(cpu0);
  // The encoder alone on the whole message (one ONNX run), for comparison with bench:encoder.
  const encOnly: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t = performance.now();
    await enc.embed([text]);
    encOnly.push(performance.now() - t);
  }
  encOnly.sort((a, b) => a - b);
  await enc.close();
  return {
    tokens,
    sentences: units,
    encoder_inputs_per_message: encoderInputs,
    median_ms: r2(full.median),
    p99_ms: r2(full.p99),
    max_ms: r2(full.max),
    cpu_ms_per_msg: r2((cpu.user + cpu.system) / 1000 / iterations),
    encoder_only_median_ms: r2(pct(encOnly, 0.5)),
    encoder_only_p99_ms: r2(pct(encOnly, 0.99)),
    rss_library_import_mb: mb(rss0 - rssLib0),
    rss_added_by_model_mb: mb(rss1 - rss0),
  };
}

async function phaseThroughput(requests: number, workers: number): Promise<Result> {
  const { text } = message();
  const { head, claims } = modelFiles();
  gc();
  const rss0 = process.memoryUsage().rss;
  const heap0 = process.memoryUsage().heapTotal + process.memoryUsage().external;
  const pool = await loadEncoderPool({ workers, threads: 1 });
  const scorer = new MisinfoScorer(pool, head, await ClaimIndex.build(claims, pool));
  await Promise.all(Array.from({ length: 64 }, () => scorer.scoreText(text)));
  gc();
  const rss1 = process.memoryUsage().rss;
  const before = pool.stats();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(Array.from({ length: requests }, () => scorer.scoreText(text)));
  const secs = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const after = pool.stats();
  gc();
  const rss2 = process.memoryUsage().rss;
  const heap2 = process.memoryUsage().heapTotal + process.memoryUsage().external;
  // One message at a time through the pool (hop to a worker and back).
  const single: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    await scorer.scoreText(text);
    single.push(performance.now() - t);
  }
  single.sort((a, b) => a - b);
  await pool.close();
  const cpuMs = (cpu.user + cpu.system) / 1000 / requests;
  return {
    workers,
    msgs_per_s: Math.round(requests / secs),
    cpu_ms_per_msg: r2(cpuMs),
    // CPU time barely depends on other load: 2 cores / CPU time per message = the rate on 2 free cores.
    msgs_per_s_if_2_free_cores: Math.round(2000 / cpuMs),
    mean_batch: r2((after.texts - before.texts) / (after.batches - before.batches)),
    single_median_ms: r2(pct(single, 0.5)),
    single_p99_ms: r2(pct(single, 0.99)),
    rss_added_mb: mb(rss1 - rss0),
    rss_added_after_load_mb: mb(rss2 - rss0),
    bench_heap_growth_mb: mb(heap2 - heap0),
    rss_added_after_load_excluding_bench_heap_mb: mb(rss2 - rss0 - (heap2 - heap0)),
  };
}

/** The TF.js reference as an Encoder (vectors L2-normalised like the port's). */
async function referenceEncoder(): Promise<Encoder> {
  const ref = await loadReference();
  return {
    dim: 512,
    async embed(texts) {
      const rows = await ref.embed(texts);
      return rows.map((v) => {
        let n = 0;
        for (const x of v) n += x * x;
        n = Math.sqrt(n) || 1;
        return v.map((x) => x / n);
      });
    },
    close: async () => undefined,
  };
}

async function phaseTfjs(iterations: number): Promise<Result> {
  const { text } = message();
  const { head, claims } = modelFiles();
  gc();
  const rss0 = process.memoryUsage().rss;
  const enc = await referenceEncoder();
  const scorer = new MisinfoScorer(enc, head, await ClaimIndex.build(claims, enc));
  for (let i = 0; i < 10; i++) await scorer.scoreText(text);
  gc();
  const rss1 = process.memoryUsage().rss;
  const full = await timeOne(scorer, text, iterations);
  const encOnly: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t = performance.now();
    await enc.embed([text]);
    encOnly.push(performance.now() - t);
  }
  encOnly.sort((a, b) => a - b);
  return {
    median_ms: r2(full.median),
    p99_ms: r2(full.p99),
    encoder_only_median_ms: r2(pct(encOnly, 0.5)),
    rss_added_mb: mb(rss1 - rss0),
  };
}

function runPhase(phase: string, cores: string, args: string[]): Result {
  const hasTaskset = spawnSync('taskset', ['--version']).status === 0;
  const node = [...process.execArgv, '--expose-gc', SELF, '--phase', phase, ...args];
  const out = hasTaskset
    ? execFileSync('taskset', ['-c', cores, process.execPath, ...node], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
    : execFileSync(process.execPath, node, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Result;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      phase: { type: 'string' },
      iterations: { type: 'string', default: '500' },
      requests: { type: 'string', default: '2000' },
      workers: { type: 'string', default: '2' },
      json: { type: 'string' },
      combine: { type: 'string' },
    },
  });
  if (values.combine) {
    if (!['max', 'message', 'geomean', 'geomean-mean'].includes(values.combine)) throw new Error('--combine must be max, message, geomean or geomean-mean');
    combineOverride = values.combine as HeadFile['combine'];
  }
  const iterations = Number(values.iterations);
  const requests = Number(values.requests);
  const workers = Number(values.workers);
  if (values.phase) {
    const r = values.phase === 'latency' ? await phaseLatency(iterations) : values.phase === 'throughput' ? await phaseThroughput(requests, workers) : await phaseTfjs(Math.min(iterations, 200));
    process.stdout.write(JSON.stringify(r) + '\n');
    process.exit(0);
  }
  const common = ['--iterations', String(iterations), '--requests', String(requests), '--workers', String(workers), ...(values.combine ? ['--combine', values.combine] : [])];
  const cores2 = availableParallelism() >= 2 ? '0,1' : '0';
  const load0 = loadavg()[0]!;
  const { tokens } = message();
  console.log(`misinformation scorer benchmark: ${tokens}-token message, combine=${values.combine ?? 'as in head.json'}, ${availableParallelism()} cores visible, load average ${load0.toFixed(2)}`);
  const latency = runPhase('latency', '0', common);
  console.log('ONNX scorer, one message at a time (1 core):', latency);
  const throughput = runPhase('throughput', cores2, common);
  console.log(`ONNX scorer through the worker pool (cores ${cores2}):`, throughput);
  const tfjs = runPhase('tfjs', '0', common);
  console.log('same scorer on the TF.js reference encoder (1 core):', tfjs);
  const ratio = Number(tfjs['median_ms']) / Number(latency['median_ms']);
  const encRatio = Number(tfjs['encoder_only_median_ms']) / Number(latency['encoder_only_median_ms']);
  console.log(`speed-up vs TF.js, median: ${ratio.toFixed(1)}x for the whole scorer, ${encRatio.toFixed(1)}x for the encoder alone`);
  const load1 = loadavg()[0]!;
  console.log(`load average (1 min) before ${load0.toFixed(2)}, after ${load1.toFixed(2)}: other processes on these cores slow every figure above`);
  const checks = {
    'median <= 5 ms (1 core, whole scorer)': Number(latency['median_ms']) <= 5,
    'p99 <= 20 ms (1 core, whole scorer)': Number(latency['p99_ms']) <= 20,
    '>= 300 msgs/s batched on 2 cores (whole scorer)': Number(throughput['msgs_per_s']) >= 300,
    'model RSS <= 200 MB (pool after the load test, without the benchmark heap)': Number(throughput['rss_added_after_load_excluding_bench_heap_mb']) <= 200,
  };
  for (const [k, ok] of Object.entries(checks)) console.log(`${ok ? 'PASS' : 'FAIL'}  ${k}`);
  if (values.json) writeFileSync(resolve(values.json), JSON.stringify({ latency, throughput, tfjs, ratio, encoderRatio: encRatio, checks, loadavg: [load0, load1] }, null, 2) + '\n');
}

if (process.argv[1] && resolve(process.argv[1]) === SELF) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
