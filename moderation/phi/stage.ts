/**
 * The PHI stage of the moderation pipeline (replaces stages/phi-basic.ts).
 * Policy, read from `input.policy.phi` with fallbacks for fields a stored policy may lack:
 * - the author's own identifiers: `actions[type]` (default redact), else `defaultAction`;
 * - someone else's identifier: `otherPersonAction` (default hold);
 * - anything in a clinician's reply: `clinicianAction` (default hold);
 * - `actions[type] === 'none'` turns a type off everywhere (the community allows it);
 * - spans scoring under `minScore` (default 0.5) are not reported.
 */
import type { Finding, FindingAction, Stage, StageInput } from '../types.js';
import type { Encoder, TokenStates } from '../misinfo/types.js';
import { detectPhi, detectPhiAsync } from './detect.js';
import { taggerModel } from './tagger.js';
import { tokenStatesOf } from './token-states.js';
import { PHI_DEFAULT_ACTIONS, PHI_POLICY_DEFAULTS, type ExtraRecognizer, type PhiSpan, type PhiType } from './types.js';

const FINDING_ACTIONS: ReadonlySet<string> = new Set(['none', 'note', 'redact', 'hold', 'reject']);

/** What the author is told when their own detail is hidden. */
const OWN_MESSAGES: Record<PhiType, string> = {
  PERSON: 'We hid a name to protect your privacy.',
  ADDRESS: 'We hid a street address to protect your privacy.',
  LOCATION: 'We hid a place name (a town, county or named place) that could help someone find you.',
  ZIP: 'We hid a ZIP code that could help someone find you.',
  DATE: 'We hid a date (such as a birthday or a hospital date) that could identify you.',
  AGE_OVER_89: 'We hid an age over 89, because so few people are that age that it can identify someone.',
  PHONE: 'We hid a phone number to protect your privacy.',
  FAX: 'We hid a fax number to protect your privacy.',
  EMAIL: 'We hid an email address to protect your privacy.',
  SSN: 'We hid what looks like a Social Security number. Please never share it online.',
  MRN: 'We hid a medical record number. Please keep it private.',
  HEALTH_PLAN_ID: 'We hid an insurance member or policy number. Please keep it private.',
  ACCOUNT_NUMBER: 'We hid an account or card number. Please never share it online.',
  LICENSE_NUMBER: 'We hid a licence or registration number to protect your privacy.',
  VEHICLE_ID: 'We hid a vehicle number (VIN or licence plate) to protect your privacy.',
  DEVICE_ID: 'We hid a device serial number to protect your privacy.',
  URL: 'We hid a web link; links can identify people or lead somewhere unsafe.',
  IP_ADDRESS: 'We hid an internet (IP) address to protect your privacy.',
  OTHER_ID: 'We hid an ID number to protect your privacy.',
};
const OTHER_MESSAGE =
  'Your message seems to include personal details about someone else (like a name, phone number or birthday), so a moderator will check it first to protect their privacy.';
const CLINICIAN_MESSAGE =
  'Replies from clinicians that include personal details (like a name, date or number) are checked by a moderator first, to protect patient privacy.';

export interface PhiStageOptions {
  /** An extra recognizer (e.g. a transformer NER) whose spans join the rule-based ones. */
  extra?: ExtraRecognizer;
  /** Time budget for the stage in ms (the pipeline default applies when absent). */
  timeoutMs?: number;
  /**
   * The sentence encoder (with `tokenStates`): the tagger then reads its token states (the transformer variant,
   * models/phi-tagger/model-transformer.json). Without it, or when it has not answered within `statesTimeoutMs`, or
   * fails, the stage runs the rules and the tagger alone: an encoder problem never lets a message through unchecked
   * nor holds it for no reason.
   */
  encoder?: Encoder;
  /** How long to wait for the encoder's token states (default 1000 ms). */
  statesTimeoutMs?: number;
}

interface ResolvedPhiPolicy {
  actions: Record<string, FindingAction>;
  defaultAction: FindingAction;
  otherPersonAction: FindingAction;
  clinicianAction: FindingAction;
  minScore: number;
}

function action(value: unknown, fallback: FindingAction): FindingAction {
  return typeof value === 'string' && FINDING_ACTIONS.has(value) ? (value as FindingAction) : fallback;
}

/** Reads `policy.phi`, tolerating missing or malformed fields. */
export function resolvePhiPolicy(phi: unknown): ResolvedPhiPolicy {
  const p = (phi && typeof phi === 'object' ? phi : {}) as Record<string, unknown>;
  const actions: Record<string, FindingAction> = { ...PHI_DEFAULT_ACTIONS };
  if (p.actions && typeof p.actions === 'object') {
    for (const [k, v] of Object.entries(p.actions as Record<string, unknown>)) actions[k] = action(v, actions[k] ?? 'redact');
  }
  const minScore = typeof p.minScore === 'number' && p.minScore >= 0 && p.minScore <= 1 ? p.minScore : PHI_POLICY_DEFAULTS.minScore;
  return {
    actions,
    defaultAction: action(p.defaultAction, 'redact'),
    otherPersonAction: action(p.otherPersonAction, PHI_POLICY_DEFAULTS.otherPersonAction),
    clinicianAction: action(p.clinicianAction, PHI_POLICY_DEFAULTS.clinicianAction),
    minScore,
  };
}

/** Turns detected spans into findings under the community's policy. */
export function toFindings(spans: PhiSpan[], input: Pick<StageInput, 'authorRole' | 'policy'>): Finding[] {
  const policy = resolvePhiPolicy(input.policy.phi);
  const findings: Finding[] = [];
  for (const s of spans) {
    if (s.score < policy.minScore) continue;
    const own = policy.actions[s.type] ?? policy.defaultAction;
    let act: FindingAction;
    let message: string;
    let reason: 'own' | 'other_person' | 'clinician';
    if (own === 'none') {
      act = 'none';
      message = '';
      reason = 'own';
    } else if (input.authorRole === 'clinician') {
      act = policy.clinicianAction;
      message = CLINICIAN_MESSAGE;
      reason = 'clinician';
    } else if (s.subject === 'other') {
      act = policy.otherPersonAction;
      message = OTHER_MESSAGE;
      reason = 'other_person';
    } else {
      act = own;
      message = OWN_MESSAGES[s.type];
      reason = 'own';
    }
    findings.push({
      stage: 'phi', type: s.type, start: s.start, end: s.end, score: s.score, rule: `PHI_${s.type}`, message, action: act,
      replacement: `[${s.type}]`,
      // PHI-free: which recognizer, whose identifier, and why this action. Never the matched text.
      detail: { source: s.source, subject: s.subject, reason },
    });
  }
  return findings;
}

/** Factory for the full PHI stage. */
export function phiStage(options: PhiStageOptions = {}): Stage {
  const extra = options.extra;
  const encoder = options.encoder?.tokenStates ? options.encoder : undefined;
  const statesTimeoutMs = options.statesTimeoutMs ?? 1000;
  // Read the transformer variant's weights now: a missing or broken file stops the start with a clear error instead
  // of failing (and so holding) every message later.
  if (encoder) taggerModel(true);
  return {
    name: 'phi',
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    run(input: StageInput): Finding[] | Promise<Finding[]> {
      const minScore = resolvePhiPolicy(input.policy.phi).minScore;
      if (!extra && !encoder) return toFindings(detectPhi(input.text, { minScore }), input);
      const states = encoder && input.text.length > 0 ? statesWithin(encoder, input.text, statesTimeoutMs) : Promise.resolve(undefined);
      return states.then((tokenStates) => {
        const opts = tokenStates ? { minScore, tokenStates } : { minScore };
        if (!extra) return toFindings(detectPhi(input.text, opts), input);
        return detectPhiAsync(input.text, extra, opts).then((spans) => toFindings(spans, input));
      });
    },
  };
}

/** The encoder's token states for `text`, or undefined if it fails or takes longer than `ms`. */
function statesWithin(encoder: Encoder, text: string, ms: number): Promise<TokenStates | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(resolve, ms, undefined)));
  const states = tokenStatesOf(encoder, [text]).then((r) => r[0], () => undefined);
  return Promise.race([states, late]).finally(() => clearTimeout(timer));
}
