import type { Finding, Stage, StageInput } from '../types.js';

/**
 * New-member pre-moderation: a member's messages are held until the community has
 * approved enough of them. Staff roles are trusted; without history (CLI) it does nothing.
 */
export function premoderationStage(): Stage {
  return {
    name: 'premoderation',
    run(input: StageInput): Finding[] {
      const required = input.policy.premoderation.approvedMessagesRequired;
      if (required <= 0 || !input.history) return [];
      if (input.authorRole === 'moderator' || input.authorRole === 'admin') return [];
      if (input.history.approvedCount >= required) return [];
      return [
        {
          stage: 'premoderation',
          type: 'NEW_MEMBER',
          start: 0,
          end: 0,
          score: 0.2,
          rule: 'NEW_MEMBER_PREMODERATION',
          action: 'hold',
          message: `Welcome! In this community a moderator reads a new member\u2019s first ${required} message${required === 1 ? '' : 's'} before they appear.`,
          detail: { approvedCount: input.history.approvedCount, required },
        },
      ];
    },
  };
}
