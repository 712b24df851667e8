import type { AuthorRole, CommunityPolicy } from '../types.js';
import type { CrisisKind } from './lexicons.v1.js';

/**
 * Per-community settings for the crisis stage, intended for `CommunityPolicy.crisis`.
 * The resources themselves stay in `CommunityPolicy.crisisResources`.
 */
export interface CrisisPolicy {
  enabled: boolean;
  /** Kinds to detect (default: all five). */
  kinds: CrisisKind[];
  /** Whose messages are checked (default: members; clinicians' replies quote symptoms by nature). */
  roles: AuthorRole[];
  /** Run the encoder classifier where the stage has one (default true). */
  classifier: boolean;
  /**
   * Override of the classifier's threshold (0..1; default: the model's own, chosen for recall).
   * Higher means fewer false alarms on everyday posts and more missed crises: see models/crisis/MODEL_CARD.md.
   */
  classifierThreshold?: number;
  /**
   * Override of the classifier's threshold for a message with no lexical evidence at all (0..1;
   * default: the model's `soloThreshold`, chosen for few false alarms on ordinary posts). Lower
   * finds more crises worded unlike any rule, at more everyday false alarms (trade-off in the model card).
   */
  classifierSoloThreshold?: number;
}

export const ALL_CRISIS_KINDS: readonly CrisisKind[] = ['suicidal', 'self_harm', 'overdose', 'medical_emergency', 'abuse'];
const ROLES: readonly AuthorRole[] = ['member', 'clinician', 'moderator', 'admin'];

export function defaultCrisisPolicy(): CrisisPolicy {
  return { enabled: true, kinds: [...ALL_CRISIS_KINDS], roles: ['member'], classifier: true };
}

/** Reads `policy.crisis` (any shape) over the defaults; unknown values are ignored. */
export function crisisPolicyOf(policy: CommunityPolicy): CrisisPolicy {
  const base = defaultCrisisPolicy();
  const raw = (policy as unknown as { crisis?: unknown }).crisis;
  if (!raw || typeof raw !== 'object') return base;
  const r = raw as Record<string, unknown>;
  const kinds = Array.isArray(r.kinds) ? r.kinds.filter((k): k is CrisisKind => ALL_CRISIS_KINDS.includes(k as CrisisKind)) : base.kinds;
  const roles = Array.isArray(r.roles) ? r.roles.filter((x): x is AuthorRole => ROLES.includes(x as AuthorRole)) : base.roles;
  const threshold = r.classifierThreshold;
  const solo = r.classifierSoloThreshold;
  return {
    enabled: typeof r.enabled === 'boolean' ? r.enabled : base.enabled,
    kinds,
    roles,
    classifier: typeof r.classifier === 'boolean' ? r.classifier : base.classifier,
    ...(typeof threshold === 'number' && threshold > 0 && threshold < 1 ? { classifierThreshold: threshold } : {}),
    ...(typeof solo === 'number' && solo > 0 && solo < 1 ? { classifierSoloThreshold: solo } : {}),
  };
}
