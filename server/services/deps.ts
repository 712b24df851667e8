import type { FastifyBaseLogger } from 'fastify';
import type { Pipeline } from '../../moderation/index.js';
import type { Repositories } from '../../db/repositories/index.js';
import type { Config } from '../config.js';
import type { TextSealer } from '../lib/sealed-text.js';
import type { EventBus } from '../realtime/bus.js';

/** What every service may use. The clock is injectable so tests can move time. */
export interface ServiceDeps {
  config: Config;
  repos: Repositories;
  pipeline: Pipeline;
  bus: EventBus;
  sealer: TextSealer;
  log: FastifyBaseLogger;
  now: () => number;
}
