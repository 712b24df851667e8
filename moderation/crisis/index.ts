/** Crisis detection stage. */
export { crisisStage, createCrisisStage, type CrisisStageOptions, type CreateCrisisStageOptions, type CrisisStage } from './stage.js';
export { crisisPolicyOf, defaultCrisisPolicy, ALL_CRISIS_KINDS, type CrisisPolicy } from './policy.js';
export { CRISIS_LEXICON_V1, type CrisisKind, type CrisisLexicon, type CrisisKindEntry } from './lexicons.v1.js';
export { classifierGate, classifierVetoes, CLASSIFIER_EXCEPTIONS, CLASSIFIER_VETO_CUES, compileLexicon, detectCrisis, type CrisisHit } from './detect.js';
export {
  CrisisClassifier,
  CrisisModelError,
  DEFAULT_CRISIS_MODEL_DIR,
  loadCrisisModel,
  predictCrisis,
  predictedKinds,
  thresholdFor,
  type CrisisModelFile,
  type CrisisPrediction,
} from './classifier.js';
