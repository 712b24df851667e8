/**
 * A pipeline worker thread: builds the moderation stages once (rules, and the encoder-based
 * stages with the model in this thread), then moderates the messages the main thread sends.
 * Message text reaches this thread only to be moderated; nothing here logs it.
 *
 *   worker -> main  { type: 'ready', stages } | { type: 'error', code, message }
 *   main -> worker  { type: 'moderate', id, input } -> { type: 'result', id, result } | { type: 'failed', id, message }
 *   main -> worker  { type: 'close' }               -> stages closed, then the thread exits
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createPipeline, type ModerationResult, type StageInput } from '../../moderation/index.js';
import type { Config } from '../config.js';
import { buildStages } from '../moderation-stages.js';

export type ToWorker = { type: 'moderate'; id: number; input: StageInput } | { type: 'close' };
export type FromWorker =
  | { type: 'ready'; stages: string[] }
  | { type: 'error'; code: string; message: string }
  | { type: 'result'; id: number; result: ModerationResult }
  | { type: 'failed'; id: number; message: string };

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('worker-entry.ts runs in a worker thread');
  const config = workerData as Config;
  let built;
  try {
    built = await buildStages(config, { encoder: 'here' });
  } catch (error) {
    const code = typeof (error as { code?: unknown })?.code === 'string' ? (error as { code: string }).code : 'PIPELINE_START_FAILED';
    port.postMessage({ type: 'error', code, message: (error as Error)?.message ?? String(error) } satisfies FromWorker);
    return;
  }
  const pipeline = createPipeline(built.stages, { stageTimeoutMs: config.stageTimeoutMs });
  port.postMessage({ type: 'ready', stages: pipeline.stages.map((s) => s.name) } satisfies FromWorker);

  port.on('message', (msg: ToWorker) => {
    if (msg.type === 'close') {
      void built.close().finally(() => port.close());
      return;
    }
    pipeline.moderate(msg.input).then(
      (result) => port.postMessage({ type: 'result', id: msg.id, result } satisfies FromWorker),
      (error: unknown) => port.postMessage({ type: 'failed', id: msg.id, message: (error as Error)?.message ?? 'failed' } satisfies FromWorker),
    );
  });
}

void main();
