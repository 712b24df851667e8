/**
 * Builds the Haven Fastify app: external plugins, Haven's own decorators, then routes by
 * resource. `main.ts` starts it; tests build it with a temporary data folder.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import type { DestinationStream } from 'pino';
import type { Stage } from '../moderation/index.js';
import type { Config } from './config.js';
import { fastifyLogger } from './logging.js';
import { authPlugin } from './plugins/app/auth.js';
import { corePlugin } from './plugins/app/core.js';
import { registerErrorHandling } from './plugins/app/errors.js';
import { registerExternalPlugins } from './plugins/external/index.js';
import adminRoutes from './routes/admin.js';
import auditRoutes from './routes/audit.js';
import authRoutes from './routes/auth.js';
import communityRoutes from './routes/communities.js';
import healthRoutes from './routes/health.js';
import messageRoutes from './routes/messages.js';
import queueRoutes from './routes/queue.js';
import realtimeRoutes from './routes/realtime.js';
import rulesRoutes from './routes/rules.js';
import webRoutes from './routes/web.js';

export interface BuildOptions {
  config: Config;
  /** Where logs go (tests capture them to prove nothing private is written). */
  logStream?: DestinationStream;
  now?: () => number;
  /** Replaces the configured pipeline stages (benchmarks compare with and without). */
  stages?: Stage[];
}

export async function buildApp(options: BuildOptions): Promise<FastifyInstance> {
  const { config } = options;
  const app = Fastify({
    logger: fastifyLogger(config.logLevel, options.logStream),
    bodyLimit: config.bodyLimitBytes,
    // Ids come from our own UUIDs; generate request ids rather than trusting a header.
    genReqId: () => crypto.randomUUID(),
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } },
    // The core plugin waits for the pipeline workers to load their gazetteers and models (a few seconds; much longer
    // on a busy 2-core machine). Fastify's 10 s default would abort a healthy but slow start.
    pluginTimeout: 120_000,
  });
  registerErrorHandling(app);
  await registerExternalPlugins(app, config);
  await app.register(corePlugin, { config, ...(options.now ? { now: options.now } : {}), ...(options.stages ? { stages: options.stages } : {}) });
  await app.register(authPlugin);
  for (const routes of [healthRoutes, authRoutes, communityRoutes, messageRoutes, queueRoutes, auditRoutes, adminRoutes, rulesRoutes, realtimeRoutes, webRoutes]) {
    await app.register(routes);
  }
  return app;
}
