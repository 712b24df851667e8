import type { Finding, Stage, StageInput } from '../types.js';
import { compileLexicon, detectCrisis } from './detect.js';
import { CRISIS_LEXICON_V1, type CrisisKind, type CrisisLexicon } from './lexicons.v1.js';
import { crisisPolicyOf } from './policy.js';

/**
 * Optional message-level scorer (e.g. a classifier on the project's encoder, later), called only
 * for kinds with some lexical evidence. Must not log or keep the text.
 */
export type CrisisScorer = (text: string, kind: CrisisKind) => number | Promise<number>;

export interface CrisisStageOptions {
  lexicon?: CrisisLexicon;
  /** Blended as (1 - w) * lexical + w * scorer against the lexicon threshold. */
  scorer?: CrisisScorer;
  scorerWeight?: number;
  timeoutMs?: number;
}

/**
 * Crisis detection: suicidal thoughts, self-harm, intentional overdose, a medical emergency now,
 * abuse in progress. Every finding is urgent with action 'hold': the server sends the community's
 * crisis resources to the author at once, puts the message at the top of the queue and alerts
 * moderators. The finding message (for the author) is warm and carries the resources.
 */
export function crisisStage(options: CrisisStageOptions = {}): Stage {
  const lex = compileLexicon(options.lexicon ?? CRISIS_LEXICON_V1);
  return {
    name: 'crisis',
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    async run(input: StageInput): Promise<Finding[]> {
      const policy = crisisPolicyOf(input.policy);
      if (!policy.enabled || !policy.roles.includes(input.authorRole)) return [];
      let hits = detectCrisis(lex, input.text, options.scorer ? 0 : lex.threshold).filter((h) => policy.kinds.includes(h.kind));
      if (options.scorer) {
        const w = Math.min(1, Math.max(0, options.scorerWeight ?? 0.5));
        const blended = [];
        for (const h of hits) {
          const raw = await options.scorer(input.text, h.kind);
          const clf = Number.isFinite(raw) ? Math.min(1, Math.max(0, raw)) : 0;
          const score = (1 - w) * h.score + w * clf;
          if (score >= lex.threshold) blended.push({ ...h, score });
        }
        hits = blended;
      }
      if (hits.length === 0) return [];
      // One wording for the whole message (the most pressing kind), so the author reads it once.
      const resources = (input.policy.crisisResources ?? []).map((r) => r.trim()).filter(Boolean);
      const message = [hits[0]!.entry.message, ...resources].join(' ');
      return hits.map((h) => ({
        stage: 'crisis',
        type: 'CRISIS',
        start: h.start,
        end: h.end,
        score: Math.round(h.score * 1000) / 1000,
        rule: h.entry.rule,
        message,
        action: 'hold',
        urgent: true,
        detail: { kind: h.kind, lexicon: lex.id, lexiconVersion: lex.version, cues: h.cues },
      }));
    },
  };
}
