import { PHI_DEFAULT_ACTIONS, PHI_POLICY_DEFAULTS } from './phi/types.js';
import type { Action, CommunityPolicy, Finding, FindingAction } from './types.js';

/** Defaults a new community starts with; admins change them per community. */
export function defaultPolicy(): CommunityPolicy {
  return {
    wordLists: { block: [], hold: [], censor: [] },
    premoderation: { approvedMessagesRequired: 0 },
    rateLimit: { maxMessages: 20, windowSeconds: 60, duplicateWindowSeconds: 300 },
    phi: {
      // A member's own identifiers are redacted (and they are told why); another person's
      // identifying details, or any identifier in a clinician's reply, hold the message.
      actions: { ...PHI_DEFAULT_ACTIONS },
      defaultAction: 'redact',
      ...PHI_POLICY_DEFAULTS,
    },
    reports: { hideThreshold: 3 },
    crisisResources: [
      'If you are in the US, call or text 988 (Suicide & Crisis Lifeline), any time.',
      'If you or someone else is in danger right now, call your local emergency number (911 in the US, 112 in Europe, 999 in the UK).',
    ],
    clinicianDisclaimer:
      'General information from a verified clinician, not medical advice for you. Talk to your own care team about your situation.',
  };
}

/** Deep-merges a partial policy (as stored or sent by an admin) over the defaults. */
export function resolvePolicy(partial: unknown): CommunityPolicy {
  const base = defaultPolicy();
  if (!partial || typeof partial !== 'object') return base;
  return mergeDeep(base, partial as Record<string, unknown>) as CommunityPolicy;
}

function mergeDeep(base: unknown, over: unknown): unknown {
  if (Array.isArray(over)) return [...over];
  if (over && typeof over === 'object' && base && typeof base === 'object' && !Array.isArray(base)) {
    const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
    for (const [key, value] of Object.entries(over as Record<string, unknown>)) {
      out[key] = key in out ? mergeDeep(out[key], value) : value;
    }
    return out;
  }
  return over === undefined ? base : over;
}

const SEVERITY: Record<Action, number> = { publish: 0, redact: 1, hold: 2, reject: 3 };

function actionOf(finding: FindingAction): Action {
  switch (finding) {
    case 'reject':
      return 'reject';
    case 'hold':
      return 'hold';
    case 'redact':
      return 'redact';
    default:
      return 'publish';
  }
}

export interface Decision {
  action: Action;
  publishedText: string;
  reason: string;
  urgent: boolean;
  risk: number;
  notes: string[];
}

/**
 * Turns findings into one action: the most severe finding wins, redactions are applied
 * to the text whatever the action (a held message is approved in its redacted form), and
 * the author gets one sentence per distinct reason.
 */
export function decide(text: string, findings: Finding[]): Decision {
  let action: Action = 'publish';
  for (const f of findings) {
    const a = actionOf(f.action);
    if (SEVERITY[a] > SEVERITY[action]) action = a;
  }
  const publishedText = applyRedactions(text, findings);
  // A redact finding that changed nothing (empty span) should not mark the message redacted.
  if (action === 'redact' && publishedText === text) action = 'publish';

  const urgent = findings.some((f) => f.urgent === true);
  const risk = findings
    .filter((f) => f.action === 'hold' || f.action === 'reject')
    .reduce((max, f) => Math.max(max, f.score), 0);
  const notes = unique(findings.filter((f) => f.action === 'note').map((f) => f.message));
  return { action, publishedText: action === 'reject' ? '' : publishedText, reason: explain(action, findings), urgent, risk, notes };
}

interface RedactionSpan {
  start: number;
  end: number;
  replacement: string;
}

function redactionSpans(findings: Finding[]): RedactionSpan[] {
  const spans = findings
    // A held finding that names a replacement (PHI about someone else) is redacted too: the
    // stored and, once approved, published text never carries it; moderators can reveal it.
    .filter((f) => (f.action === 'redact' || (f.action === 'hold' && f.replacement !== undefined)) && f.end > f.start)
    .map((f) => ({ start: f.start, end: f.end, replacement: f.replacement ?? `[${f.type}]` }))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: typeof spans = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start < last.end) {
      if (span.end > last.end) last.end = span.end;
      continue;
    }
    merged.push({ ...span });
  }
  return merged;
}

/** Replaces redacted spans right to left so earlier offsets stay valid; overlapping spans merge. */
export function applyRedactions(text: string, findings: Finding[]): string {
  const merged = redactionSpans(findings);
  let out = text;
  for (let i = merged.length - 1; i >= 0; i--) {
    const s = merged[i]!;
    out = out.slice(0, s.start) + s.replacement + out.slice(s.end);
  }
  return out;
}

function explain(action: Action, findings: Finding[]): string {
  const relevant = (kinds: FindingAction[]) => unique(findings.filter((f) => kinds.includes(f.action)).map((f) => f.message));
  switch (action) {
    case 'publish':
      return '';
    case 'redact':
      return `Your message was published with some parts hidden. ${relevant(['redact']).join(' ')}`.trim();
    case 'hold': {
      // A person in crisis reads help first and only: other reasons (a misinformation score,
      // a word list) are for the moderator who sees the urgent item, not for them now.
      const urgent = unique(findings.filter((f) => f.urgent === true).map((f) => f.message));
      const why = urgent.length > 0 ? urgent : relevant(['hold']);
      return `Your message is waiting for a volunteer moderator to look at it before others can see it. ${why.join(' ')}`.trim();
    }
    case 'reject':
      return `Your message was not published. ${relevant(['reject']).join(' ')}`.trim();
  }
}

function unique(items: string[]): string[] {
  return [...new Set(items.filter((s) => s.length > 0))];
}

/**
 * Maps each finding's span on the original text onto the redacted text, so a moderator can
 * see findings highlighted on what is stored. A span inside a redaction maps to its label.
 */
export function mapSpansToPublished(findings: Finding[]): Array<{ start: number; end: number }> {
  const merged = redactionSpans(findings);
  const map = (pos: number, isEnd: boolean): number => {
    let shift = 0;
    for (const r of merged) {
      if (pos <= r.start) break;
      // Inside a redaction: snap to the label's edges.
      if (pos < r.end) return r.start + shift + (isEnd ? r.replacement.length : 0);
      shift += r.replacement.length - (r.end - r.start);
    }
    return pos + shift;
  };
  return findings.map((f) => ({ start: map(f.start, false), end: Math.max(map(f.start, false), map(f.end, true)) }));
}
