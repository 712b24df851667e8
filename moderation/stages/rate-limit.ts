import { normalizeForComparison } from '../text.js';
import type { Finding, Stage, StageInput } from '../types.js';

/**
 * Flood and duplicate control. The caller supplies the author's recent messages in the
 * community; the stage holds (not rejects) so a person in distress who repeats themself
 * is still read by someone.
 */
export function rateLimitStage(): Stage {
  return {
    name: 'rate_limit',
    run(input: StageInput): Finding[] {
      const history = input.history;
      if (!history) return [];
      const { maxMessages, windowSeconds, duplicateWindowSeconds } = input.policy.rateLimit;
      const findings: Finding[] = [];
      const inWindow = history.recent.filter((m) => input.now - m.createdAt <= windowSeconds * 1000).length;
      if (maxMessages > 0 && inWindow >= maxMessages) {
        findings.push({
          stage: 'rate_limit', type: 'RATE_LIMIT', start: 0, end: 0, score: 0.4, rule: 'RATE_LIMIT', action: 'hold',
          message: `You are sending messages very quickly (more than ${maxMessages} in ${windowSeconds} seconds), so a moderator will check this one.`,
        });
      }
      const normalized = normalizeForComparison(input.text);
      if (normalized.length > 0) {
        const duplicate = history.recent.some(
          (m) => input.now - m.createdAt <= duplicateWindowSeconds * 1000 && normalizeForComparison(m.text) === normalized,
        );
        if (duplicate) {
          findings.push({
            stage: 'rate_limit', type: 'DUPLICATE', start: 0, end: 0, score: 0.3, rule: 'DUPLICATE', action: 'reject',
            message: 'You sent the same message a moment ago, so we did not post it twice.',
          });
        }
      }
      return findings;
    },
  };
}
