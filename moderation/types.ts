/**
 * The moderation pipeline's shared vocabulary. This module is a plain library:
 * it must not import Fastify, the database or anything with side effects, so the
 * same code runs in the server, in `npm run moderate` and in evaluation scripts.
 */

/** What the pipeline decides for one message, in increasing order of severity. */
export type Action = 'publish' | 'redact' | 'hold' | 'reject';

/** The action one finding asks for. `note` publishes with an appended note; `none` only records. */
export type FindingAction = 'none' | 'note' | 'redact' | 'hold' | 'reject';

export type AuthorRole = 'member' | 'clinician' | 'moderator' | 'admin';

/**
 * One thing a stage noticed. `start`/`end` are UTF-16 offsets into the text the stage
 * was given (end exclusive); a finding about the whole message uses 0..0.
 * Findings never carry the matched text itself, so they are safe to store and audit.
 */
export interface Finding {
  stage: string;
  type: string;
  start: number;
  end: number;
  score: number;
  rule: string;
  /** Explanation written for the author: plain words, no jargon. */
  message: string;
  /** What this finding asks the policy to do. */
  action: FindingAction;
  /** Replacement text when action is `redact` (e.g. "[PHONE]"). */
  replacement?: string;
  /** Marks findings that must jump the review queue (crisis). */
  urgent?: boolean;
  /** Extra, stage-specific, PHI-free details (matched claim id, crisis kind, ...). */
  detail?: Record<string, unknown>;
  /** Set by the server: the span mapped onto the redacted text that is stored and shown. */
  bodyStart?: number;
  bodyEnd?: number;
}

export interface WordListPolicy {
  /** Words or phrases that reject the message. */
  block: string[];
  /** Words or phrases that hold the message for review. */
  hold: string[];
  /** Words or phrases replaced by asterisks; the message is published. */
  censor: string[];
}

export interface CommunityPolicy {
  wordLists: WordListPolicy;
  premoderation: {
    /** Hold a member's messages until this many of theirs have been approved (0 = off). */
    approvedMessagesRequired: number;
  };
  rateLimit: {
    /** At most this many messages per author in `windowSeconds`. */
    maxMessages: number;
    windowSeconds: number;
    /** The same text again within this many seconds is a duplicate. */
    duplicateWindowSeconds: number;
  };
  phi: {
    /** Per finding type: what to do with the author's own identifiers. */
    actions: Record<string, FindingAction>;
    /** Default for types not listed. */
    defaultAction: FindingAction;
    /** Identifying details of someone other than the author (a named doctor, a child's birthday). */
    otherPersonAction: FindingAction;
    /** Any identifier in a clinician's message. */
    clinicianAction: FindingAction;
    /** Spans scoring below this are not reported. */
    minScore: number;
  };
  reports: {
    /** Summed report weight at which a published message is hidden pending review. */
    hideThreshold: number;
  };
  /** Clinician boundary rules (moderation/boundaries): per-rule actions, claim checks, disclaimer. */
  clinicianBoundaries?: {
    enabled?: boolean;
    actions?: Partial<Record<string, 'hold' | 'note' | 'none'>>;
    checkUnverifiedClaims?: boolean;
    appendDisclaimer?: boolean;
  };
  /** Crisis detection (moderation/crisis): which kinds, for which author roles. */
  crisis?: { enabled?: boolean; kinds?: string[]; roles?: AuthorRole[] };
  /**
   * Misinformation (moderation/misinfo): hold at or above `holdThreshold`, publish with a context
   * note at or above `noteThreshold` (calibrated scores 0..1); `exemptRoles` are only recorded.
   */
  misinfo?: { enabled?: boolean; holdThreshold?: number; noteThreshold?: number; exemptRoles?: AuthorRole[] };
  /** Shown to an author whose message mentions a crisis. */
  crisisResources: string[];
  /** Appended to clinician replies that pass the boundary rules. */
  clinicianDisclaimer: string;
}

/** The author's recent activity, supplied by the caller (the pipeline itself keeps no state). */
export interface AuthorHistory {
  /** Messages this author has had approved or published in this community. */
  approvedCount: number;
  /** The author's recent messages in this community, newest first. */
  recent: Array<{ text: string; createdAt: number }>;
}

export interface StageInput {
  text: string;
  authorRole: AuthorRole;
  policy: CommunityPolicy;
  /** The message this one replies to (for clinician replies: the question). */
  replyTo?: { text: string; authorRole?: AuthorRole };
  /** Absent when the pipeline runs without a server (CLI, evaluation). */
  history?: AuthorHistory;
  /** Milliseconds since epoch, injectable for tests. */
  now: number;
}

/** One step of the pipeline. Stages are independent and may run concurrently. */
export interface Stage {
  readonly name: string;
  /** Overrides the pipeline's default time budget for this stage. */
  readonly timeoutMs?: number;
  run(input: StageInput): Finding[] | Promise<Finding[]>;
}

export interface ModerationResult {
  action: Action;
  /** Text with redactions and censoring applied (what others see if it is published). */
  publishedText: string;
  findings: Finding[];
  /** Why, in words the author understands. Empty for a plain publish. */
  reason: string;
  /** True when a finding asks the queue to treat this as urgent. */
  urgent: boolean;
  /** Highest finding score among findings that hold or reject (0..1), used to order the queue. */
  risk: number;
  /** Notes appended to the published text (e.g. clinician disclaimer, context notes). */
  notes: string[];
  ms: number;
  stageMs: Record<string, number>;
}
