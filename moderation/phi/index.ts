/** Public surface of the PHI detector. */
export { detectPhi, detectPhiAsync, type DetectOptions } from './detect.js';
export { phiStage, resolvePhiPolicy, toFindings, type PhiStageOptions } from './stage.js';
export { tokenStatesOf } from './token-states.js';
export {
  PHI_DEFAULT_ACTIONS, PHI_POLICY_DEFAULTS, PHI_TYPES, isPhiType,
  type ExtraRecognizer, type PhiPolicyExtras, type PhiSpan, type PhiSubject, type PhiType,
} from './types.js';
