/** Public surface of the misinformation module (the encoder lives in ./encoder.ts and ./encoder-pool.ts). */
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
