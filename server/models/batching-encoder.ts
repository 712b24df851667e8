import type { Encoder } from '../../moderation/misinfo/types.js';

/**
 * Micro-batching for an encoder in this thread: while one model run is in flight, new texts
 * wait, and the next run takes all of them (up to `maxBatch`). An idle encoder adds no delay;
 * under load the model runs fewer, larger batches, which cost less per text.
 */
export function batchingEncoder(inner: Encoder, maxBatch = 32): Encoder {
  interface Waiting {
    text: string;
    resolve(v: Float32Array): void;
    reject(e: unknown): void;
  }
  const queue: Waiting[] = [];
  let running = false;

  const pump = (): void => {
    if (running || queue.length === 0) return;
    running = true;
    const batch = queue.splice(0, maxBatch);
    inner.embed(batch.map((w) => w.text)).then(
      (vectors) => batch.forEach((w, i) => w.resolve(vectors[i]!)),
      (error: unknown) => batch.forEach((w) => w.reject(error)),
    ).finally(() => {
      running = false;
      pump();
    });
  };

  return {
    dim: inner.dim,
    embed(texts: string[]): Promise<Float32Array[]> {
      const out = Promise.all(texts.map((text) => new Promise<Float32Array>((resolve, reject) => queue.push({ text, resolve, reject }))));
      pump();
      return out;
    },
    // Token states (the PHI tagger's input) are one text per call already; they go straight through.
    ...(inner.tokenStates ? { tokenStates: (texts: string[]) => inner.tokenStates!(texts) } : {}),
    close: () => inner.close(),
  };
}
