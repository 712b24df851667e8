/**
 * The sentence encoder served off the event loop: N worker threads (./encoder-worker.ts), each
 * loading the ONNX model once at start, with micro-batching under load.
 *
 *   const enc = await loadEncoderPool({ workers: 2 });   // rejects with EncoderError MODEL_MISSING / MODEL_CORRUPT
 *   const vecs = await enc.embed(texts);                 // same contract as loadEncoder(): Float32Array(512), |v| = 1
 *   await enc.close();
 *
 * Batching: texts wait in one FIFO queue. A dispatch runs on the next turn of the event loop after
 * an embed() call and whenever a worker finishes; it hands every idle worker an equal share of the
 * queue (at most maxBatch texts each). An idle pool therefore adds no delay (a lone request goes out
 * at once, alone), while under load everything that queued during a run goes out as one batch.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { EMBEDDING_DIM, EncoderError, type Encoder, type LoadEncoderOptions, type TokenStates } from './encoder.js';
import type { WorkerReply, WorkerRequest } from './encoder-worker.js';

export interface EncoderPoolOptions extends LoadEncoderOptions {
  /** Worker threads (default: min(2, available cores)). Each runs onnxruntime with `threads` intra-op threads (default 1). */
  workers?: number;
  /** Most texts sent to one worker at once (default 32). */
  maxBatch?: number;
  /** Most texts waiting in the queue; beyond it embed() rejects with code OVERLOADED (default 10000). */
  maxQueue?: number;
}

export interface EncoderPoolStats {
  workers: number;
  /** texts embedded so far */
  texts: number;
  /** worker runs so far (texts / batches = mean batch size) */
  batches: number;
  largestBatch: number;
  queued: number;
  inFlight: number;
  workerRestarts: number;
}

export interface EncoderPool extends Encoder {
  tokenStates(texts: string[]): Promise<TokenStates[]>;
  stats(): EncoderPoolStats;
}

export class EncoderOverloadedError extends Error {
  readonly code = 'OVERLOADED';
  constructor(queued: number) {
    super(`OVERLOADED: encoder queue is full (${queued} texts waiting)`);
    this.name = 'EncoderOverloadedError';
  }
}

/** One text waiting: for its sentence vector (`embed`) or its token states (`states`, the PHI tagger's input). */
type Item =
  | { kind: 'embed'; text: string; done: (v: Float32Array) => void; fail: (e: Error) => void }
  | { kind: 'states'; text: string; done: (v: TokenStates) => void; fail: (e: Error) => void };

interface Slot {
  worker: Worker;
  busy: Item[] | null;
  batchId: number;
  alive: boolean;
}

const RUNNING_TS = import.meta.url.endsWith('.ts');
const WORKER_URL = new URL(RUNNING_TS ? './encoder-worker.ts' : './encoder-worker.js', import.meta.url);

/**
 * Running from TypeScript source (tsx): Node 20 does not run the parent's `--import` loader hooks in
 * worker threads, and a worker that registers tsx itself pays for another loader thread. So the
 * worker module is bundled once with esbuild (installed with tsx), its package imports turned into
 * absolute file URLs, and run from a data: URL: no TypeScript loader in the workers (about 20 MB and
 * half a second less per worker than registering tsx there). If esbuild is unavailable, the worker
 * registers tsx itself, after importing transformers.js with Node's own loader (through tsx that
 * import costs ~125 MB more per thread).
 */
let bundle: Promise<URL | null> | undefined;
async function bundleWorker(): Promise<URL | null> {
  try {
    const { build, stop } = await import('esbuild');
    // build() starts esbuild's service process (~12 MB); stop it once the bundle exists (a later
    // esbuild call elsewhere would simply start it again).
    const out = await build({
      entryPoints: [fileURLToPath(WORKER_URL)],
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      write: false,
      logLevel: 'silent',
      // encoder.ts finds the default model folder from its own URL
      define: { 'import.meta.url': JSON.stringify(new URL('./encoder.ts', import.meta.url).href) },
      plugins: [
        {
          name: 'absolute-externals',
          setup(b) {
            b.onResolve({ filter: /^[^./]/ }, (a) => ({ path: a.path.startsWith('node:') ? a.path : import.meta.resolve(a.path), external: true }));
          },
        },
      ],
    }).finally(() => stop());
    const code = out.outputFiles[0]?.text;
    return code ? new URL('data:text/javascript;base64,' + Buffer.from(code).toString('base64')) : null;
  } catch {
    return null;
  }
}

async function spawn(options: LoadEncoderOptions): Promise<Worker> {
  if (!RUNNING_TS) return new Worker(WORKER_URL, { workerData: options });
  const url = await (bundle ??= bundleWorker());
  if (url) return new Worker(url, { workerData: options });
  const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const transformers = import.meta.resolve('@huggingface/transformers');
  const boot =
    `import(${JSON.stringify(transformers)})` +
    `.then(() => import(${JSON.stringify(tsxApi)}))` +
    `.then((api) => { api.register(); return import(${JSON.stringify(WORKER_URL.href)}); });`;
  return new Worker(boot, { eval: true, workerData: options });
}

async function startWorker(options: LoadEncoderOptions): Promise<Worker> {
  const worker = await spawn(options);
  return new Promise((resolve, reject) => {
    const onMessage = (msg: WorkerReply) => {
      cleanup();
      if (msg.type === 'ready') {
        if (msg.dim !== EMBEDDING_DIM) {
          void worker.terminate();
          reject(new EncoderError('MODEL_CORRUPT', `worker loaded a ${msg.dim}-d model`));
        } else resolve(worker);
      } else if (msg.type === 'error') {
        void worker.terminate();
        const code = msg.code === 'MODEL_MISSING' || msg.code === 'MODEL_CORRUPT' ? msg.code : 'MODEL_CORRUPT';
        reject(new EncoderError(code, msg.message.replace(/^[A-Z_]+: /, '')));
      }
    };
    const onError = (e: Error) => {
      cleanup();
      reject(new EncoderError('WORKER_FAILED', `encoder worker failed to start: ${e.message}`, { cause: e }));
    };
    const onExit = (code: number) => {
      cleanup();
      reject(new EncoderError('WORKER_FAILED', `encoder worker exited during start (code ${code})`));
    };
    const cleanup = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
  });
}

/** Starts the worker pool; resolves once every worker has loaded the model. */
export async function loadEncoderPool(options: EncoderPoolOptions = {}): Promise<EncoderPool> {
  const { workers: nWorkers, maxBatch: mb, maxQueue: mq, ...loadOptions } = options;
  const count = Math.max(1, nWorkers ?? Math.min(2, availableParallelism()));
  const maxBatch = Math.max(1, mb ?? 32);
  const maxQueue = Math.max(1, mq ?? 10_000);
  const workerOptions: LoadEncoderOptions = { ...loadOptions, maxBatch };

  const started = await Promise.allSettled(Array.from({ length: count }, () => startWorker(workerOptions)));
  const failed = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) {
    await Promise.all(started.map((r) => (r.status === 'fulfilled' ? r.value.terminate() : undefined)));
    throw failed.reason;
  }

  const queue: Item[] = [];
  const slots: Slot[] = [];
  const stats = { texts: 0, batches: 0, largestBatch: 0, workerRestarts: 0 };
  let nextBatch = 1;
  let closed = false;
  let scheduled = false;
  let drained: (() => void) | null = null;

  const idleSlots = () => slots.filter((s) => s.alive && !s.busy);
  const inFlight = () => slots.reduce((n, s) => n + (s.busy?.length ?? 0), 0);

  function finish(slot: Slot): void {
    slot.busy = null;
    if (closed && inFlight() === 0) drained?.();
    schedule();
  }

  function attach(worker: Worker): Slot {
    const slot: Slot = { worker, busy: null, batchId: 0, alive: true };
    worker.on('message', (msg: WorkerReply) => {
      if ((msg.type !== 'result' && msg.type !== 'states' && msg.type !== 'failed') || msg.id !== slot.batchId || !slot.busy) return;
      const items = slot.busy;
      if (msg.type === 'result') {
        items.forEach((it, i) => it.kind === 'embed' && it.done(msg.data.slice(i * EMBEDDING_DIM, (i + 1) * EMBEDDING_DIM)));
      } else if (msg.type === 'states') {
        items.forEach((it, i) => it.kind === 'states' && it.done(msg.items[i]!));
      } else {
        const err = new EncoderError('WORKER_FAILED', msg.message);
        for (const it of items) it.fail(err);
      }
      finish(slot);
    });
    worker.on('error', () => undefined); // followed by 'exit'
    worker.on('exit', () => {
      if (!slot.alive) return;
      slot.alive = false;
      const lost = slot.busy ?? [];
      slot.busy = null;
      const err = new EncoderError('WORKER_FAILED', 'encoder worker exited unexpectedly');
      for (const it of lost) it.fail(err);
      if (closed) {
        if (inFlight() === 0) drained?.();
        return;
      }
      // Replace the worker; until it is ready the others carry the load.
      stats.workerRestarts++;
      startWorker(workerOptions).then(
        (w) => {
          if (closed) return void w.terminate();
          slots[slots.indexOf(slot)] = attach(w);
          schedule();
        },
        (e: Error) => {
          if (!slots.some((s) => s.alive)) for (const it of queue.splice(0)) it.fail(e);
        },
      );
    });
    return slot;
  }

  function dispatch(): void {
    scheduled = false;
    const idle = idleSlots();
    if (idle.length === 0 || queue.length === 0) return;
    const share = Math.min(maxBatch, Math.ceil(queue.length / idle.length));
    for (const slot of idle) {
      if (queue.length === 0) break;
      // One kind per batch: the kind of the oldest waiting text, and the next texts of that kind.
      const kind = queue[0]!.kind;
      const items: Item[] = [];
      for (let i = 0; i < queue.length && items.length < share; ) {
        if (queue[i]!.kind === kind) items.push(queue.splice(i, 1)[0]!);
        else i++;
      }
      slot.busy = items;
      slot.batchId = nextBatch++;
      stats.batches++;
      stats.texts += items.length;
      stats.largestBatch = Math.max(stats.largestBatch, items.length);
      slot.worker.postMessage({ type: kind, id: slot.batchId, texts: items.map((i) => i.text) } satisfies WorkerRequest);
    }
  }

  function schedule(): void {
    if (scheduled || queue.length === 0) return;
    scheduled = true;
    setImmediate(dispatch);
  }

  for (const r of started) if (r.status === 'fulfilled') slots.push(attach(r.value));

  function enqueue(kind: 'embed', what: string, texts: string[]): Promise<Float32Array[]>;
  function enqueue(kind: 'states', what: string, texts: string[]): Promise<TokenStates[]>;
  function enqueue(kind: Item['kind'], what: string, texts: string[]): Promise<Array<Float32Array | TokenStates>> {
    if (closed) return Promise.reject(new EncoderError('ENCODER_CLOSED', `${what} after close()`));
    if (!Array.isArray(texts) || texts.some((x) => typeof x !== 'string')) return Promise.reject(new TypeError(`${what} takes an array of strings`));
    if (texts.length === 0) return Promise.resolve([]);
    if (queue.length + texts.length > maxQueue) return Promise.reject(new EncoderOverloadedError(queue.length));
    if (!slots.some((s) => s.alive)) return Promise.reject(new EncoderError('WORKER_FAILED', 'no encoder worker is running'));
    return new Promise((resolve, reject) => {
      const out = new Array<Float32Array | TokenStates>(texts.length);
      let left = texts.length;
      let failed = false;
      const done = (i: number) => (v: Float32Array | TokenStates) => {
        out[i] = v;
        if (--left === 0 && !failed) resolve(out);
      };
      const fail = (e: Error) => {
        if (failed) return;
        failed = true;
        reject(e);
      };
      texts.forEach((text, i) => queue.push(kind === 'embed' ? { kind, text, done: done(i), fail } : { kind, text, done: done(i), fail }));
      schedule();
    });
  }

  return {
    dim: EMBEDDING_DIM,
    embed(texts: string[]): Promise<Float32Array[]> {
      return enqueue('embed', 'embed()', texts);
    },
    tokenStates(texts: string[]): Promise<TokenStates[]> {
      return enqueue('states', 'tokenStates()', texts);
    },
    stats(): EncoderPoolStats {
      return { workers: slots.filter((s) => s.alive).length, ...stats, queued: queue.length, inFlight: inFlight() };
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      const err = new EncoderError('ENCODER_CLOSED', 'encoder pool closed');
      for (const it of queue.splice(0)) it.fail(err);
      if (inFlight() > 0) await new Promise<void>((r) => (drained = r));
      await Promise.all(
        slots.map(async (s) => {
          s.alive = false;
          const exited = new Promise((r) => s.worker.once('exit', r));
          s.worker.postMessage({ type: 'close' } satisfies WorkerRequest);
          const timer = setTimeout(() => void s.worker.terminate(), 2000);
          await exited;
          clearTimeout(timer);
        }),
      );
    },
  };
}
