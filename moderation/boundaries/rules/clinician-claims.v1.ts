/**
 * Unverified clinician claims, version 1: a member (not a verified clinician) presents
 * themselves as a clinician to lend authority to what they say. Held for a moderator, who can
 * invite the member to apply for verification.
 */
import type { BoundaryRuleSet } from '../rule-types.js';

const LEAD = String.raw`(?:^|[.!?;:]\s*|,\s*|\b(?:honestly|well|look|and|but|so)\s+)`;

export const CLINICIAN_CLAIMS_V1: BoundaryRuleSet = {
  id: 'clinician-claims',
  version: '1.0.0',
  updated: '2025-06-01',
  description: 'Members who present themselves as clinicians without verification are held for review.',
  rules: [
    {
      id: 'UNVERIFIED_CLINICIAN_CLAIM',
      title: 'Claims to be a clinician without verification',
      description:
        'A member (not a verified clinician) says they are a nurse, doctor, pharmacist or other clinician, usually to give weight to advice ("as a nurse I can tell you..."). Mentions of other people\u2019s jobs ("my mom is a nurse"), denials ("I\u2019m not a doctor") and wishes ("I wanted to be a nurse") pass.',
      defaultAction: 'hold',
      explanation:
        'Your message says you work as a clinician. To protect members, clinical roles here are shown only for verified accounts, so a moderator will look at your message first. If you are a clinician, you can ask the moderators to verify you.',
      note: 'This member\u2019s clinical role has not been verified.',
      guidance: [
        'FSMB Social Media and Electronic Communications (2019): identify yourself accurately when giving health information.',
        "GMC 'Doctors\u2019 use of social media' (2013, in Good medical practice 2024): if you identify yourself as a doctor, identify yourself by name.",
      ],
      appliesTo: ['member'],
      findingType: 'UNVERIFIED_CLINICIAN_CLAIM',
      match: {
        kind: 'sentence',
        cues: [
          { id: 'CLAIM_AS_A', pattern: String.raw`\b(?:as|speaking\s+as|being|coming\s+from)\s+(?:a|an|someone\s+who(?:'s|\s+is)\s+an?)\s+(?:(?:{QUAL})\s+)*(?:{ROLE})(?!')(?:\s+myself)?` },
          { id: 'CLAIM_I_AM', pattern: String.raw`\bI(?:'m|\s+am)\s+(?:(?:also|actually|literally|myself|really)\s+)?(?:a|an)\s+(?:(?:{QUAL})\s+)*(?:{ROLE})(?!')` },
          { id: 'CLAIM_WORK_AS', pattern: String.raw`\bI(?:\s+|'ve\s+|\s+have\s+)(?:work|worked|work\s+full-time|practi[cs]e|practi[cs]ed)\s+as\s+(?:a|an)\s+(?:(?:{QUAL})\s+)*(?:{ROLE})` },
          { id: 'CLAIM_BEEN_A', pattern: String.raw`\bI(?:'ve|\s+have)\s+been\s+(?:a|an)\s+(?:(?:{QUAL})\s+)*(?:{ROLE})` },
          { id: 'CLAIM_HERE', pattern: String.raw`${LEAD}(?:(?:{QUAL})\s+)*(?:{ROLE})(?:\s+of\s+\d+\s+years)?\s+here\b` },
          { id: 'CLAIM_TAKE_IT_FROM', pattern: String.raw`\btake\s+it\s+from\s+(?:someone\s+who(?:'s|\s+is)\s+)?(?:a|an)\s+(?:(?:{QUAL})\s+)*(?:{ROLE})|\btrust\s+me,?\s+I(?:'m|\s+am)\s+(?:a|an)\s+(?:{ROLE})` },
          { id: 'CLAIM_DEGREE', pattern: String.raw`\b(?:as\s+someone\s+with|I\s+have|I\s+hold)\s+(?:a\s+)?(?:medical|nursing|pharmacy)\s+(?:degree|licen[cs]e)\b` },
        ],
        unless: [
          { id: 'CLAIM_NEGATED', pattern: String.raw`\b(?:not|no|never|n't)\s+(?:(?:a|an)\s+)?(?:(?:{QUAL})\s+)*(?:{ROLE})(?!')|\bI'm\s+no\s+(?:expert|doctor)\b` },
        ],
      },
      examples: {
        violates: ['As a nurse I can tell you that dose is too high.', 'Physician here. This is reflux.'],
        passes: ['My mom is a nurse and she said to get it checked.', "I'm not a doctor, but I'd ask about that."],
      },
    },
  ],
};
