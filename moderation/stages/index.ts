import type { Stage } from '../types.js';
import { boundaryStage } from '../boundaries/index.js';
import { createCrisisStage, crisisStage } from '../crisis/index.js';
import { createMisinformationStage } from '../misinfo/index.js';
import { sharedEncoder } from '../misinfo/shared-encoder.js';
import type { Encoder } from '../misinfo/types.js';
import { phiStage } from '../phi/index.js';
import { premoderationStage } from './premoderation.js';
import { rateLimitStage } from './rate-limit.js';
import { wordListStage } from './word-list.js';

/**
 * The rule stages every message passes, in the order their findings are listed. The stages
 * that need the sentence encoder are added by `withModelStages`.
 */
export function defaultStages(): Stage[] {
  return [wordListStage(), premoderationStage(), rateLimitStage(), phiStage(), boundaryStage(), crisisStage()];
}

export interface ModelStagesOptions {
  /** Folder with the misinformation head and claims (default models/misinfo). */
  misinfoModelDir?: string;
  /** Time budget of each model-based stage. */
  timeoutMs: number;
  /** The PHI stage reads the encoder's token states (default true); false keeps the rules and the plain tagger. */
  phiTransformer?: boolean;
}

/**
 * The default stages with the encoder-based ones: the PHI stage reading the encoder's token states,
 * misinformation after PHI (order only lists findings), and the crisis stage with its classifier beside the rules in place of the
 * rules-only one. Both stages share one embedding per message. `close()` leaves the encoder
 * open: its owner closes it after the stages.
 */
export async function withModelStages(encoder: Encoder, options: ModelStagesOptions): Promise<{ stages: Stage[]; close(): Promise<void> }> {
  const shared = sharedEncoder(encoder);
  const misinfo = await createMisinformationStage({
    encoder: shared,
    ...(options.misinfoModelDir ? { modelDir: options.misinfoModelDir } : {}),
    timeoutMs: options.timeoutMs,
  });
  const crisis = createCrisisStage({ encoder: shared, timeoutMs: options.timeoutMs });
  // The PHI stage with the tagger's transformer variant (it reads the encoder's token states).
  const phi = options.phiTransformer === false ? phiStage() : phiStage({ encoder: shared, timeoutMs: options.timeoutMs });
  return {
    stages: defaultStages().flatMap((s) => (s.name === 'phi' ? [phi, misinfo] : s.name === crisis.name ? [crisis] : [s])),
    close: async () => {
      await Promise.all([misinfo.close(), crisis.close()]);
    },
  };
}
