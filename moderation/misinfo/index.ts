/** Public surface of the misinformation module: the stage, the scorer, the encoder (./encoder.ts) and its worker pool (./encoder-pool.ts). */
export type { Encoder, MisinfoPolicy, Claim, ClaimsFile, HeadFile } from './types.js';
export { ClaimIndex, type ClaimMatch } from './claims.js';
export { MisinfoScorer, type ScoredText, type ScoredSentence } from './scorer.js';
export { splitSentences } from './sentences.js';
export {
  createMisinformationStage,
  misinformationStage,
  resolveMisinfoPolicy,
  contextNote,
  DEFAULT_MISINFO_POLICY,
  STAGE_NAME,
  FINDING_TYPE,
  type LoadedMisinformationStage,
  type CreateMisinformationStageOptions,
} from './stage.js';
export { MisinfoModelError, type MisinfoErrorCode } from './errors.js';
export { EncoderError, loadEncoder, type LoadEncoderOptions, type LoadedEncoder } from './encoder.js';
export { loadEncoderPool, EncoderOverloadedError, type EncoderPool, type EncoderPoolOptions, type EncoderPoolStats } from './encoder-pool.js';
