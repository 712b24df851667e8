/**
 * The moderation pipeline run in worker threads, so the event loop that serves sockets and
 * HTTP never waits for a detector or the model. Same contract as `createPipeline`: one
 * `moderate(input)` per message, and a message whose checks cannot finish (a worker that
 * crashed) gets a hold finding: it is never published unchecked.
 *
 * Each worker takes at most `maxInFlight` messages at a time; the rest wait here in arrival
 * order, so a burst queues instead of making every stage in a worker overrun its time budget.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { decide, stageFailure, type ModerationResult, type Pipeline, type StageInput } from '../../moderation/index.js';
import type { Config } from '../config.js';
import { ModelLoadError } from '../moderation-stages.js';
import type { FromWorker, ToWorker } from './worker-entry.js';

export interface WorkerPipeline extends Pipeline {
  close(): Promise<void>;
  stats(): { workers: number; inFlight: number; queued: number; restarts: number };
  /** Kills one worker as a crash would (tests prove that its messages are held, not lost). */
  terminateWorkerForTest(index: number): Promise<void>;
}

const RUNNING_TS = import.meta.url.endsWith('.ts');
const ENTRY = new URL(RUNNING_TS ? './worker-entry.ts' : './worker-entry.js', import.meta.url);

/**
 * From TypeScript sources (tsx), a worker thread does not inherit the parent's loader, so it
 * registers tsx itself. transformers.js is imported first with Node's own loader: through tsx
 * it would cost far more memory per thread.
 */
function spawn(config: Config): Worker {
  if (!RUNNING_TS) return new Worker(ENTRY, { workerData: config });
  const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const preload = config.models ? `import(${JSON.stringify(import.meta.resolve('@huggingface/transformers'))})` : 'Promise.resolve()';
  const boot = `${preload}.then(() => import(${JSON.stringify(tsxApi)})).then((api) => { api.register(); return import(${JSON.stringify(ENTRY.href)}); });`;
  return new Worker(boot, { eval: true, workerData: config });
}

function start(config: Config): Promise<{ worker: Worker; stages: string[] }> {
  const worker = spawn(config);
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onMessage = (msg: FromWorker) => {
      if (msg.type === 'ready') {
        cleanup();
        resolve({ worker, stages: msg.stages });
      } else if (msg.type === 'error') {
        cleanup();
        void worker.terminate();
        reject(msg.code === 'MODEL_MISSING' || msg.code === 'MODEL_CORRUPT' ? new ModelLoadError(msg.code, msg.message) : Object.assign(new Error(msg.message), { code: msg.code }));
      }
    };
    const onError = (error: Error) => {
      cleanup();
      reject(Object.assign(new Error(`pipeline worker failed to start: ${error.message}`), { code: 'PIPELINE_START_FAILED' }));
    };
    const onExit = (code: number) => {
      cleanup();
      reject(Object.assign(new Error(`pipeline worker exited during start (code ${code})`), { code: 'PIPELINE_START_FAILED' }));
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
  });
}

interface Job {
  id: number;
  input: StageInput;
  resolve(result: ModerationResult): void;
  started: number;
  /** When a worker took it. */
  dispatched?: number;
}

interface Slot {
  worker: Worker;
  alive: boolean;
  jobs: Map<number, Job>;
}

/** What a message gets when its worker died under it: held for a person, like a stage failure. */
function workerLost(job: Job): ModerationResult {
  const finding = stageFailure('pipeline', false);
  return { ...decide(job.input.text, [finding]), findings: [finding], ms: performance.now() - job.started, stageMs: {} };
}

export async function startWorkerPipeline(config: Config, options: { workers: number; maxInFlight?: number; jobDeadlineMs?: number }): Promise<WorkerPipeline> {
  const maxInFlight = options.maxInFlight ?? 16;
  // Stage budgets are enforced inside the worker; this deadline catches a worker that cannot
  // enforce them (a stage that blocks its thread). A job past it is held and its worker replaced.
  const deadlineMs = options.jobDeadlineMs ?? Math.max(config.stageTimeoutMs, config.modelStageTimeoutMs) + 5000;
  const started = await Promise.allSettled(Array.from({ length: Math.max(1, options.workers) }, () => start(config)));
  const failure = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failure) {
    await Promise.all(started.map((r) => (r.status === 'fulfilled' ? r.value.worker.terminate() : undefined)));
    throw failure.reason;
  }
  const stageNames = (started[0] as PromiseFulfilledResult<{ stages: string[] }>).value.stages;
  const slots: Slot[] = [];
  const waiting: Job[] = [];
  let nextId = 1;
  let restarts = 0;
  let restarting = 0;
  let closed = false;

  const dispatch = () => {
    while (waiting.length > 0) {
      let best: Slot | undefined;
      for (const s of slots) if (s.alive && s.jobs.size < maxInFlight && (!best || s.jobs.size < best.jobs.size)) best = s;
      if (!best) return;
      const job = waiting.shift()!;
      job.dispatched = performance.now();
      best.jobs.set(job.id, job);
      best.worker.postMessage({ type: 'moderate', id: job.id, input: job.input } satisfies ToWorker);
    }
  };

  /** Replaces a dead worker, retrying with backoff; messages wait meanwhile (the watchdog bounds the wait). */
  const replace = (slot: Slot, attempt = 0): void => {
    if (closed) return;
    restarting++;
    start(config).then(
      ({ worker: fresh }) => {
        restarting--;
        if (closed) return void fresh.terminate();
        slots[slots.indexOf(slot)] = attach(fresh);
        dispatch();
      },
      () => {
        restarting--;
        const retry = setTimeout(() => replace(slot, attempt + 1), Math.min(30_000, 1000 * 2 ** attempt));
        retry.unref();
      },
    );
  };

  const attach = (worker: Worker): Slot => {
    const slot: Slot = { worker, alive: true, jobs: new Map() };
    worker.on('message', (msg: FromWorker) => {
      if (msg.type !== 'result' && msg.type !== 'failed') return;
      const job = slot.jobs.get(msg.id);
      if (!job) return;
      slot.jobs.delete(msg.id);
      job.resolve(msg.type === 'result' ? msg.result : workerLost(job));
      dispatch();
    });
    worker.on('error', () => undefined); // followed by 'exit'
    worker.on('exit', () => {
      slot.alive = false;
      for (const job of slot.jobs.values()) job.resolve(workerLost(job));
      slot.jobs.clear();
      if (closed) return;
      restarts++;
      // The others (or the queue) carry the load meanwhile.
      replace(slot);
    });
    return slot;
  };
  for (const r of started) if (r.status === 'fulfilled') slots.push(attach(r.value.worker));

  // Watchdog: a worker whose job overran the deadline is stuck, so it is terminated (its jobs are
  // then held by the exit handler); a message that waited that long for any worker is held too.
  const watchdog = setInterval(() => {
    const now = performance.now();
    for (const slot of slots) {
      if (!slot.alive) continue;
      for (const job of slot.jobs.values()) {
        if (now - (job.dispatched ?? job.started) > deadlineMs) {
          void slot.worker.terminate();
          break;
        }
      }
    }
    while (waiting.length > 0 && now - waiting[0]!.started > deadlineMs) {
      const job = waiting.shift()!;
      job.resolve(workerLost(job));
    }
  }, 250);
  watchdog.unref();

  return {
    stages: [],
    stageNames,
    moderate(input: StageInput): Promise<ModerationResult> {
      return new Promise((resolve) => {
        const job: Job = { id: nextId++, input, resolve, started: performance.now() };
        if (closed || (!slots.some((s) => s.alive) && restarting === 0)) return resolve(workerLost(job));
        waiting.push(job);
        dispatch();
      });
    },
    async terminateWorkerForTest(index: number) {
      await slots[index]?.worker.terminate();
    },
    stats() {
      return { workers: slots.filter((s) => s.alive).length, inFlight: slots.reduce((n, s) => n + s.jobs.size, 0), queued: waiting.length, restarts };
    },
    async close() {
      if (closed) return;
      // Finish what was accepted: wait for the queue and the workers to drain (the watchdog bounds
      // every job, so this ends), then stop them.
      while (waiting.length > 0 || slots.some((s) => s.alive && s.jobs.size > 0)) await new Promise((r) => setTimeout(r, 10));
      closed = true;
      clearInterval(watchdog);
      await Promise.all(
        slots.map(async (s) => {
          if (!s.alive) return;
          s.alive = false;
          const exited = new Promise((r) => s.worker.once('exit', r));
          s.worker.postMessage({ type: 'close' } satisfies ToWorker);
          const timer = setTimeout(() => void s.worker.terminate(), 5000);
          await exited;
          clearTimeout(timer);
        }),
      );
    },
  };
}
