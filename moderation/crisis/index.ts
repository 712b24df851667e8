/** Crisis detection stage. */
export { crisisStage, type CrisisStageOptions } from './stage.js';
export { crisisPolicyOf, defaultCrisisPolicy, ALL_CRISIS_KINDS, type CrisisPolicy } from './policy.js';
export { CRISIS_LEXICON_V1, type CrisisKind, type CrisisLexicon, type CrisisKindEntry } from './lexicons.v1.js';
export { compileLexicon, detectCrisis, type CrisisHit } from './detect.js';
