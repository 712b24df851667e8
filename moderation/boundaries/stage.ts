import type { Finding, FindingAction, Stage, StageInput } from '../types.js';
import { compileRuleSets, detect, type BoundaryHit } from './detect.js';
import { boundaryPolicyOf } from './policy.js';
import type { BoundaryRuleId, BoundaryRuleSet } from './rule-types.js';
import { CLINICIAN_BOUNDARIES_V1 } from './rules/clinician-boundaries.v1.js';
import { CLINICIAN_CLAIMS_V1 } from './rules/clinician-claims.v1.js';

/** Rule sets the stage uses unless told otherwise (shown to moderators as they are). */
export const DEFAULT_BOUNDARY_RULE_SETS: readonly BoundaryRuleSet[] = [CLINICIAN_BOUNDARIES_V1, CLINICIAN_CLAIMS_V1];

/**
 * Scores one sentence for one rule, 0..1 (for example an advice/directive classifier for
 * SPECIFIC_DOSING). Must not log or keep the text.
 */
export type SentenceScorer = (sentence: string, context: { ruleId: BoundaryRuleId; question?: string }) => number | Promise<number>;

export interface BoundaryStageOptions {
  ruleSets?: readonly BoundaryRuleSet[];
  /** Optional per-rule scorers blended with the lexical score: (1 - w) * lexical + w * scorer. */
  scorers?: Partial<Record<BoundaryRuleId, SentenceScorer>>;
  /** Weight w of a scorer in the blend (default 0.5). */
  scorerWeight?: number;
  /** A rule applies when its blended (or lexical) score reaches this (default 0.5). */
  threshold?: number;
  timeoutMs?: number;
}

export const DISCLAIMER_RULE = 'CLINICIAN_DISCLAIMER';

/**
 * Clinician boundary rules on clinician replies (with the question as context), the
 * unverified-clinician-claim check on member posts, and the community disclaimer on clinician
 * replies that pass. Findings never carry matched text: detail holds rule-set version and cue ids.
 */
export function boundaryStage(options: BoundaryStageOptions = {}): Stage {
  const compiled = compileRuleSets(options.ruleSets ?? DEFAULT_BOUNDARY_RULE_SETS);
  const threshold = options.threshold ?? 0.5;
  const w = Math.min(1, Math.max(0, options.scorerWeight ?? 0.5));
  const scorers = options.scorers ?? {};

  async function scoreHit(hit: BoundaryHit, question: string | undefined): Promise<{ score: number; classifier?: number; start: number; end: number }> {
    const scorer = scorers[hit.ruleId];
    if (!scorer || hit.rule.match.kind !== 'sentence') return { score: hit.lexical, start: hit.start, end: hit.end };
    let best = { score: -1, classifier: 0, start: hit.start, end: hit.end };
    for (const s of hit.sentences) {
      const raw = await scorer(s.span.text, { ruleId: hit.ruleId, ...(question !== undefined ? { question } : {}) });
      const clf = Number.isFinite(raw) ? Math.min(1, Math.max(0, raw)) : 0;
      const score = (1 - w) * s.lexical + w * clf;
      if (score > best.score) best = { score, classifier: clf, start: s.span.start, end: s.span.end };
    }
    return best;
  }

  return {
    name: 'boundaries',
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    async run(input: StageInput): Promise<Finding[]> {
      const policy = boundaryPolicyOf(input.policy);
      const role = input.authorRole;
      if (role === 'clinician' && !policy.enabled) return [];
      if (role === 'member' && !policy.checkUnverifiedClaims) return [];
      if (role !== 'clinician' && role !== 'member') return [];

      const question = input.replyTo?.text;
      const hits = detect(compiled, { text: input.text, ...(question !== undefined ? { question } : {}) }, role);
      const findings: Finding[] = [];
      for (const hit of hits) {
        const scored = await scoreHit(hit, question);
        if (scored.score < threshold) continue;
        const action: FindingAction = policy.actions[hit.ruleId] ?? hit.rule.defaultAction;
        findings.push({
          stage: 'boundaries',
          type: hit.rule.findingType,
          start: scored.start,
          end: scored.end,
          score: round(scored.score),
          rule: hit.ruleId,
          message: action === 'note' ? hit.rule.note : hit.rule.explanation,
          action,
          detail: {
            ruleSet: hit.set.id,
            ruleSetVersion: hit.set.version,
            cues: hit.cues,
            ...(scored.classifier !== undefined ? { classifierScore: round(scored.classifier) } : {}),
          },
        });
      }
      const violations = findings.filter((f) => f.action !== 'none');
      if (role === 'clinician' && violations.length === 0 && policy.appendDisclaimer) {
        const disclaimer = input.policy.clinicianDisclaimer?.trim() ?? '';
        if (disclaimer.length > 0) {
          findings.push({
            stage: 'boundaries', type: 'BOUNDARY', start: 0, end: 0, score: 0, rule: DISCLAIMER_RULE, action: 'note', message: disclaimer,
            detail: { ruleSet: compiled[0]?.set.id ?? 'clinician-boundaries', ruleSetVersion: compiled[0]?.set.version ?? '' },
          });
        }
      }
      return findings;
    },
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
