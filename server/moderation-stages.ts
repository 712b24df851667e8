/**
 * Which moderation stages the server runs, in order. Stages that need the encoder are built
 * here, once, at start: one pool of worker threads loads the model, and every stage that
 * needs embeddings shares it. A missing or corrupt model folder stops the start with a clear
 * error rather than running without the misinformation check.
 */
import { defaultStages, withModelStages, type Stage } from '../moderation/index.js';
import { loadEncoder } from '../moderation/misinfo/encoder.js';
import { loadEncoderPool } from '../moderation/misinfo/encoder-pool.js';
import type { Encoder } from '../moderation/misinfo/types.js';
import type { Config } from './config.js';
import { batchingEncoder } from './models/batching-encoder.js';

export interface ServerStages {
  stages: Stage[];
  close(): Promise<void>;
}

export interface BuildStagesOptions {
  /**
   * Where the encoder runs: 'pool' = its own worker threads (the pipeline runs on the main
   * thread); 'here' = in this thread, batched (the pipeline already runs in a worker).
   */
  encoder: 'pool' | 'here';
}

/** A model folder could not be loaded; `code` is MODEL_MISSING or MODEL_CORRUPT. */
export class ModelLoadError extends Error {
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ModelLoadError';
  }
}

export async function buildStages(config: Config, options: BuildStagesOptions = { encoder: 'pool' }): Promise<ServerStages> {
  if (!config.models) return { stages: defaultStages(), close: async () => undefined };

  let pool: Encoder | undefined;
  try {
    const modelDir = config.encoderDir ? { modelDir: config.encoderDir } : {};
    pool = options.encoder === 'pool'
      ? await loadEncoderPool({ workers: config.encoderWorkers, ...modelDir })
      : batchingEncoder(await loadEncoder({ threads: 1, ...modelDir }));
    const model = await withModelStages(pool, {
      ...(config.misinfoModelDir ? { misinfoModelDir: config.misinfoModelDir } : {}),
      timeoutMs: config.modelStageTimeoutMs,
      phiTransformer: config.phiTransformer,
    });
    const loaded = pool;
    return {
      stages: model.stages,
      async close() {
        await model.close();
        await loaded.close();
      },
    };
  } catch (error) {
    await pool?.close().catch(() => undefined);
    throw asModelLoadError(error);
  }
}

function asModelLoadError(error: unknown): unknown {
  const code = (error as { code?: unknown })?.code;
  if (code === 'MODEL_MISSING' || code === 'MODEL_CORRUPT') {
    return new ModelLoadError(
      code,
      `${(error as Error).message}. The model files ship in the repository's models/ folder: restore them (git checkout -- models), ` +
        'point HAVEN_ENCODER_DIR / HAVEN_MISINFO_MODEL_DIR at a good copy (models/crisis holds the crisis classifier), or start with HAVEN_MODELS=off (no misinformation check, crisis rules only).',
      { cause: error },
    );
  }
  if (error instanceof SyntaxError || (error as NodeJS.ErrnoException)?.code === 'ENOENT') {
    return new ModelLoadError(
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'MODEL_MISSING' : 'MODEL_CORRUPT',
      `a model file could not be read (${(error as Error).message}); restore the models/ folder (git checkout -- models) or set HAVEN_MODELS=off`,
      { cause: error },
    );
  }
  return error;
}
