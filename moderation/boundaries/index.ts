/** Clinician boundary rules and unverified-clinician-claim check. */
export { boundaryStage, DEFAULT_BOUNDARY_RULE_SETS, DISCLAIMER_RULE, type BoundaryStageOptions, type SentenceScorer } from './stage.js';
export { boundaryPolicyOf, defaultBoundaryPolicy, type ClinicianBoundaryPolicy } from './policy.js';
export { CLINICIAN_BOUNDARIES_V1 } from './rules/clinician-boundaries.v1.js';
export { CLINICIAN_CLAIMS_V1 } from './rules/clinician-claims.v1.js';
export type { BoundaryRule, BoundaryRuleId, BoundaryRuleSet, BoundaryAction } from './rule-types.js';
export { compileRuleSets, detect, type BoundaryHit } from './detect.js';
