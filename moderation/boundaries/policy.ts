import type { CommunityPolicy } from '../types.js';
import type { BoundaryRuleId } from './rule-types.js';

/**
 * Per-community settings for the boundary stage. Intended to live at
 * `CommunityPolicy.clinicianBoundaries`; until that field exists the stage reads it if present
 * and otherwise uses these defaults.
 */
export interface ClinicianBoundaryPolicy {
  /** Run the boundary rules on clinician replies. */
  enabled: boolean;
  /** Per-rule override of the rule file's default action; 'none' only records the finding. */
  actions: Partial<Record<BoundaryRuleId, 'hold' | 'note' | 'none'>>;
  /** Hold member posts that claim a clinical role. */
  checkUnverifiedClaims: boolean;
  /** Append `CommunityPolicy.clinicianDisclaimer` to clinician replies that pass. */
  appendDisclaimer: boolean;
}

export function defaultBoundaryPolicy(): ClinicianBoundaryPolicy {
  return { enabled: true, actions: {}, checkUnverifiedClaims: true, appendDisclaimer: true };
}

const ACTIONS = new Set(['hold', 'note', 'none']);

/** Reads `policy.clinicianBoundaries` (any shape) over the defaults; unknown values are ignored. */
export function boundaryPolicyOf(policy: CommunityPolicy): ClinicianBoundaryPolicy {
  const base = defaultBoundaryPolicy();
  const raw = (policy as unknown as { clinicianBoundaries?: unknown }).clinicianBoundaries;
  if (!raw || typeof raw !== 'object') return base;
  const r = raw as Record<string, unknown>;
  const actions: ClinicianBoundaryPolicy['actions'] = {};
  if (r.actions && typeof r.actions === 'object') {
    for (const [k, v] of Object.entries(r.actions as Record<string, unknown>)) {
      if (typeof v === 'string' && ACTIONS.has(v)) actions[k as BoundaryRuleId] = v as 'hold' | 'note' | 'none';
    }
  }
  return {
    enabled: typeof r.enabled === 'boolean' ? r.enabled : base.enabled,
    actions,
    checkUnverifiedClaims: typeof r.checkUnverifiedClaims === 'boolean' ? r.checkUnverifiedClaims : base.checkUnverifiedClaims,
    appendDisclaimer: typeof r.appendDisclaimer === 'boolean' ? r.appendDisclaimer : base.appendDisclaimer,
  };
}
