import type { Stage } from '../types.js';
import { boundaryStage } from '../boundaries/index.js';
import { crisisStage } from '../crisis/index.js';
import { phiStage } from '../phi/index.js';
import { premoderationStage } from './premoderation.js';
import { rateLimitStage } from './rate-limit.js';
import { wordListStage } from './word-list.js';

/**
 * The stages every message passes, in the order their findings are listed.
 * Later capabilities (full PHI detector, misinformation, clinician boundaries, crisis)
 * are added here.
 */
export function defaultStages(): Stage[] {
  return [wordListStage(), premoderationStage(), rateLimitStage(), phiStage(), boundaryStage(), crisisStage()];
}
