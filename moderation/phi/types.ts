import type { FindingAction } from '../types.js';

/** The Safe Harbor identifier types this detector reports (issue: "Use exactly these types"). */
export const PHI_TYPES = [
  'PERSON',
  'ADDRESS',
  'LOCATION',
  'ZIP',
  'DATE',
  'AGE_OVER_89',
  'PHONE',
  'FAX',
  'EMAIL',
  'SSN',
  'MRN',
  'HEALTH_PLAN_ID',
  'ACCOUNT_NUMBER',
  'LICENSE_NUMBER',
  'VEHICLE_ID',
  'DEVICE_ID',
  'URL',
  'IP_ADDRESS',
  'OTHER_ID',
] as const;

export type PhiType = (typeof PHI_TYPES)[number];

export function isPhiType(value: string): value is PhiType {
  return (PHI_TYPES as readonly string[]).includes(value);
}

/** Whose identifier this is, as far as the surrounding words tell. */
export type PhiSubject = 'self' | 'other';

/** One detected identifier. Offsets are UTF-16, end exclusive. Never carries the matched text. */
export interface PhiSpan {
  type: PhiType;
  start: number;
  end: number;
  /** 0..1 confidence. */
  score: number;
  /** Which recognizer produced it (e.g. `phone.lib`, `person.title`), for tuning; PHI-free. */
  source: string;
  subject: PhiSubject;
}

/** A recognizer that may be added later (e.g. a transformer NER); its spans join the same overlap resolution. */
export type ExtraRecognizer = (text: string) => Array<Omit<PhiSpan, 'subject'> & { subject?: PhiSubject }> | Promise<Array<Omit<PhiSpan, 'subject'> & { subject?: PhiSubject }>>;

/**
 * Extra fields this stage reads from `CommunityPolicy.phi`, with defaults used when absent.
 * The lead adds them to CommunityPolicy/defaultPolicy (see moderation/phi/README.md).
 */
export interface PhiPolicyExtras {
  /** Action for an identifier of someone other than the author (a named doctor, "my son's birthday"). */
  otherPersonAction: FindingAction;
  /** Action for any identifier in a reply written by a clinician (authorRole 'clinician'). */
  clinicianAction: FindingAction;
  /** Spans scoring below this are not reported. */
  minScore: number;
}

export const PHI_POLICY_DEFAULTS: PhiPolicyExtras = Object.freeze({
  otherPersonAction: 'hold',
  clinicianAction: 'hold',
  minScore: 0.5,
});

/** Per-type defaults for the author's own identifiers (merged under `policy.phi.actions`). */
export const PHI_DEFAULT_ACTIONS: Readonly<Record<PhiType, FindingAction>> = Object.freeze({
  PERSON: 'redact',
  ADDRESS: 'redact',
  LOCATION: 'redact',
  ZIP: 'redact',
  DATE: 'redact',
  AGE_OVER_89: 'redact',
  PHONE: 'redact',
  FAX: 'redact',
  EMAIL: 'redact',
  SSN: 'redact',
  MRN: 'redact',
  HEALTH_PLAN_ID: 'redact',
  ACCOUNT_NUMBER: 'redact',
  LICENSE_NUMBER: 'redact',
  VEHICLE_ID: 'redact',
  DEVICE_ID: 'redact',
  URL: 'redact',
  IP_ADDRESS: 'redact',
  OTHER_ID: 'redact',
});
