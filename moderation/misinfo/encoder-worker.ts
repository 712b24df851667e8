/**
 * Worker thread for ./encoder-pool.ts: loads the encoder once at start, then answers embed
 * requests. Protocol (all messages plain objects):
 *   worker -> parent  { type: 'ready', dim, dtype } | { type: 'error', code, message }
 *   parent -> worker  { type: 'embed', id, texts }  -> { type: 'result', id, data: Float32Array(n*dim) }
 *                                                    | { type: 'failed', id, message }
 *   parent -> worker  { type: 'states', id, texts } -> { type: 'states', id, items: TokenStates[] } | { type: 'failed', id, message }
 *   parent -> worker  { type: 'close' }             -> worker closes the model and exits
 */
import { parentPort, workerData } from 'node:worker_threads';
import { EncoderError, loadEncoder, type LoadEncoderOptions, type LoadedEncoder, type TokenStates } from './encoder.js';

export type WorkerRequest = { type: 'embed' | 'states'; id: number; texts: string[] } | { type: 'close' };
export type WorkerReply =
  | { type: 'ready'; dim: number; dtype: string }
  | { type: 'error'; code: string; message: string }
  | { type: 'result'; id: number; data: Float32Array }
  | { type: 'states'; id: number; items: TokenStates[] }
  | { type: 'failed'; id: number; message: string };

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('encoder-worker.ts must run in a worker thread');
  const options = (workerData ?? {}) as LoadEncoderOptions;
  let encoder: LoadedEncoder;
  try {
    encoder = await loadEncoder(options);
  } catch (e) {
    const code = e instanceof EncoderError ? e.code : 'MODEL_CORRUPT';
    port.postMessage({ type: 'error', code, message: (e as Error).message } satisfies WorkerReply);
    return;
  }
  // Loading leaves garbage behind (tokenizer JSON, file buffers); collect it now if gc is exposed.
  (globalThis as { gc?: () => void }).gc?.();
  port.postMessage({ type: 'ready', dim: encoder.dim, dtype: encoder.dtype } satisfies WorkerReply);

  port.on('message', (msg: WorkerRequest) => {
    if (msg.type === 'close') {
      void encoder.close().finally(() => port.close());
      return;
    }
    if (msg.type === 'states') {
      encoder.tokenStates(msg.texts).then(
        (items) => port.postMessage({ type: 'states', id: msg.id, items } satisfies WorkerReply, items.flatMap((x) => [x.starts.buffer, x.ends.buffer, x.states.buffer, ...(x.vector ? [x.vector.buffer] : [])] as ArrayBuffer[])),
        (e: Error) => port.postMessage({ type: 'failed', id: msg.id, message: e.message } satisfies WorkerReply),
      );
      return;
    }
    encoder.embed(msg.texts).then(
      (vecs) => {
        const data = new Float32Array(vecs.length * encoder.dim);
        vecs.forEach((v, i) => data.set(v, i * encoder.dim));
        port.postMessage({ type: 'result', id: msg.id, data } satisfies WorkerReply, [data.buffer]);
      },
      (e: Error) => port.postMessage({ type: 'failed', id: msg.id, message: e.message } satisfies WorkerReply),
    );
  });
}

void main();
