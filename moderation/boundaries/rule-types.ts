import type { AuthorRole } from '../types.js';
import type { Cue } from './text.js';

/** The rule ids the issue fixes, plus the ones added from professional guidance. */
export type BoundaryRuleId =
  | 'INDIVIDUAL_DIAGNOSIS'
  | 'SPECIFIC_DOSING'
  | 'CONTACT_SOLICITATION'
  | 'UNDISCLOSED_PROMOTION'
  | 'PATIENT_CONFIDENTIALITY'
  | 'DISMISS_URGENT'
  | 'GUARANTEE'
  | 'DISPARAGING_REMARKS'
  | 'UNVERIFIED_CLINICIAN_CLAIM';

export type BoundaryAction = 'hold' | 'note';

/** Sentence rules: a sentence matching a cue, and no `unless` cue, is a candidate. */
export interface SentenceMatch {
  kind: 'sentence';
  cues: Cue[];
  /** Cues that, if the *first* term of the sentence is an imperative verb (compromise POS tag), also count. */
  imperativeCues?: Cue[];
  /** Cues that count only when the question being answered matches `questionCue` (pronoun references). */
  contextCues?: { questionCue: Cue; cues: Cue[] };
  /** Sentence-level exceptions (conditionals, hedges, negation, referral to the person's own clinician). */
  unless?: Cue[];
  /** Message-level exceptions (e.g. a disclosed interest anywhere in the reply). */
  unlessMessage?: Cue[];
}

/** Identifiable patient: a reference to a specific patient plus enough identifying details. */
export interface IdentifiablePatientMatch {
  kind: 'identifiable-patient';
  patientCues: Cue[];
  strongIdentifiers: Cue[];
  weakIdentifiers: Cue[];
  /** Weak identifiers needed when no strong one is present. */
  minWeak: number;
  unless?: Cue[];
}

/** Emergency in the question, and the reply does not send the person to urgent care. */
export interface UrgentQuestionMatch {
  kind: 'urgent-question';
  questionCues: Cue[];
  /** Question clauses that describe the past or ask in general ("last year", "what are the signs"). */
  questionUnless: Cue[];
  replyDirectsToCare: Cue[];
}

export interface BoundaryRule {
  id: BoundaryRuleId;
  title: string;
  /** What the rule checks, for moderators. */
  description: string;
  defaultAction: BoundaryAction;
  /** Shown to the clinician (the author) when the rule holds their reply. Plain words. */
  explanation: string;
  /** Appended to the published reply for readers when a community sets this rule to `note`. */
  note: string;
  /** Professional guidance the rule follows. */
  guidance: string[];
  /** Whose messages the rule checks. */
  appliesTo: AuthorRole[];
  /** Finding type for this rule. */
  findingType: 'BOUNDARY' | 'UNVERIFIED_CLINICIAN_CLAIM';
  match: SentenceMatch | IdentifiablePatientMatch | UrgentQuestionMatch;
  /** Short illustrations shown to moderators (written for this project). */
  examples: { violates: string[]; passes: string[] };
}

export interface BoundaryRuleSet {
  id: string;
  version: string;
  updated: string;
  description: string;
  rules: BoundaryRule[];
}
