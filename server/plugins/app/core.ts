import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { openDatabase, type DbHandle } from '../../../db/client.js';
import { createRepositories, type Repositories } from '../../../db/repositories/index.js';
import { createPipeline, type Pipeline, type Stage } from '../../../moderation/index.js';
import { buildStages } from '../../moderation-stages.js';
import { startWorkerPipeline } from '../../pipeline/worker-pipeline.js';
import { ConfigError, type Config } from '../../config.js';
import { createSealer, loadKeys } from '../../lib/sealed-text.js';
import { createLocalBus, type EventBus } from '../../realtime/bus.js';
import { SocketHub } from '../../realtime/hub.js';
import { createRedisBus } from '../../realtime/redis-bus.js';
import { createServices, type Services } from '../../services/index.js';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    services: Services;
    repos: Repositories;
    pipeline: Pipeline;
    hub: SocketHub;
    bus: EventBus;
    dbHandle: DbHandle;
    /** Clock used by services; tests may move it. */
    now: () => number;
    /** Work that must finish before shutdown completes (in-flight moderation). */
    inflight: Set<Promise<unknown>>;
  }
}

export interface CoreOptions {
  config: Config;
  now?: () => number;
  stages?: Stage[];
}

/**
 * Stages given by the caller (tests, benchmarks) run on this thread; otherwise the configured
 * stages run in worker threads, or here when HAVEN_PIPELINE_WORKERS=0.
 */
async function startPipeline(config: Config, stages: Stage[] | undefined): Promise<{ pipeline: Pipeline; close(): Promise<void> }> {
  if (stages) return { pipeline: createPipeline(stages, { stageTimeoutMs: config.stageTimeoutMs }), close: async () => undefined };
  if (config.pipelineWorkers > 0) {
    const pipeline = await startWorkerPipeline(config, { workers: config.pipelineWorkers });
    return { pipeline, close: () => pipeline.close() };
  }
  const built = await buildStages(config);
  return { pipeline: createPipeline(built.stages, { stageTimeoutMs: config.stageTimeoutMs }), close: () => built.close() };
}

/** Haven's own decorators: storage, the pipeline, live delivery, and the services over them. */
export const corePlugin = fp(async (app: FastifyInstance, options: CoreOptions) => {
  const { config } = options;
  const now = options.now ?? Date.now;
  const dbHandle = await openDatabase(config.databaseUrl);
  const repos = createRepositories(dbHandle);
  if (dbHandle.dialect === 'postgres' && !config.encryptionKeys.trim()) {
    await dbHandle.close();
    // Instances sharing a database must share the key that seals originals, or one could not read another's.
    throw new ConfigError('HAVEN_ENCRYPTION_KEYS is required with a PostgreSQL DATABASE_URL (all instances must share it)');
  }
  const { keys, generated } = loadKeys(config.encryptionKeys, config.dataDir);
  if (generated) app.log.warn({ dataDir: config.dataDir }, 'no HAVEN_ENCRYPTION_KEYS set: generated a local key file; back it up or set the variable');
  const sealer = createSealer(keys);
  const { pipeline, close: closePipeline } = await startPipeline(config, options.stages).catch(async (error: unknown) => {
    await dbHandle.close();
    throw error;
  });
  const bus = config.redisUrl
    ? await createRedisBus(config.redisUrl, app.log).catch(async (error: unknown) => {
      await closePipeline();
      await dbHandle.close();
      throw error;
    })
    : createLocalBus();
  const hub = new SocketHub(bus);
  const services = createServices({ config, repos, pipeline, bus, sealer, log: app.log, now });

  app.decorate('config', config);
  app.decorate('repos', repos);
  app.decorate('pipeline', pipeline);
  app.decorate('bus', bus);
  app.decorate('hub', hub);
  app.decorate('services', services);
  app.decorate('dbHandle', dbHandle);
  app.decorate('now', now);
  app.decorate('inflight', new Set<Promise<unknown>>());

  const recovered = await services.messages.recoverPending();
  if (recovered > 0) app.log.info({ recovered }, 'moderated messages left pending by the last shutdown');

  // Originals of redacted or held items are kept at most the retention period.
  const purge = async () => {
    const purged = await repos.messages.purgeOriginals(now() - config.originalRetentionHours * 3_600_000);
    if (purged > 0) app.log.info({ purged }, 'purged sealed originals past retention');
  };
  await purge();
  const timer = setInterval(() => void purge().catch((err: unknown) => app.log.error({ err }, 'purge failed')), 10 * 60_000);
  timer.unref();

  // Graceful shutdown: requests that were already running finish, and their keep-alive
  // connections are closed after the response instead of holding the server open.
  let shuttingDown = false;
  app.addHook('preClose', async () => {
    shuttingDown = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    if (shuttingDown) reply.header('connection', 'close');
  });

  app.addHook('onClose', async () => {
    clearInterval(timer);
    await Promise.allSettled([...app.inflight]);
    await closePipeline();
    await bus.close();
    await dbHandle.close();
  });
}, { name: 'haven-core' });
