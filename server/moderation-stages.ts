/**
 * Which moderation stages the server runs, in order. Stages that need loaded models are
 * created here, once, at start.
 */
import { defaultStages, type Stage } from '../moderation/index.js';
import type { Config } from './config.js';

export async function buildStages(_config: Config): Promise<Stage[]> {
  return defaultStages();
}
