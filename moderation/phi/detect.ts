/**
 * The PHI detector: runs every recognizer, resolves overlaps, and decides whose identifier each span is.
 * Synchronous and allocation-light; the optional extra recognizer (e.g. a transformer NER) is async
 * and joins the same overlap resolution through `detectPhiAsync`.
 */
import type { Candidate } from './candidates.js';
import { ages, dates } from './dates.js';
import { locations, people, tokenize } from './names.js';
import { addresses, internationalAddresses } from './places.js';
import { taggedCandidates } from './tagger.js';
import { emails, ipAddresses, keywordIds, phones, postcodes, ssns, structuredIds, urls, zips } from './patterns.js';
import { CLINICIAN_ROLES, RELATIONS } from './lexicon.js';
import type { ExtraRecognizer, PhiSpan, PhiSubject, PhiType } from './types.js';
import type { TokenStates } from '../misinfo/types.js';

/** On equal scores, the more specific reading wins. */
const PRIORITY: Record<PhiType, number> = {
  EMAIL: 19, URL: 18, SSN: 17, IP_ADDRESS: 16, MRN: 15, HEALTH_PLAN_ID: 14, LICENSE_NUMBER: 13, VEHICLE_ID: 12, DEVICE_ID: 11,
  ACCOUNT_NUMBER: 10, OTHER_ID: 9, FAX: 8, PHONE: 7, ADDRESS: 6, DATE: 5, ZIP: 4, AGE_OVER_89: 3, PERSON: 2, LOCATION: 1,
};

export interface DetectOptions {
  /** Drop spans scoring below this (default 0.5). */
  minScore?: number;
  /** Run the learned tagger for names, places, addresses and ZIPs (default true; off only to measure the rules alone). */
  tagger?: boolean;
  /**
   * The sentence encoder's token states for this text (`Encoder.tokenStates`): the tagger then runs its transformer
   * variant (models/phi-tagger/model-transformer.json). Without them, the tagger alone (synchronous, no model).
   */
  tokenStates?: TokenStates;
}

function patternCandidates(text: string, tagger = true, states?: TokenStates): Candidate[] {
  const out: Candidate[] = [];
  emails(text, out);
  urls(text, out);
  ipAddresses(text, out);
  if (/\d/.test(text)) {
    phones(text, out);
    ssns(text, out);
    keywordIds(text, out);
    structuredIds(text, out);
    zips(text, out);
    postcodes(text, out);
    addresses(text, out);
    internationalAddresses(text, out);
    dates(text, out);
    ages(text, out);
  } else {
    dates(text, out);
    if (/ninet|hundred/i.test(text)) ages(text, out);
  }
  const tokens = tokenize(text);
  people(text, out, tokens);
  locations(text, out, tokens);
  if (tagger) taggedCandidates(text, out, undefined, states);
  return out;
}

/** Keeps the best non-overlapping spans: higher score first, then type priority, then the longer span. */
export function resolve(cands: Candidate[], minScore: number): Candidate[] {
  const live = cands.filter((c) => c.score >= minScore && c.end > c.start);
  // A full address absorbs the city, ZIP or name-like street words inside it.
  const addrs = live.filter((c) => c.type === 'ADDRESS');
  const sorted = live
    .filter((c) => c.type === 'ADDRESS' || !addrs.some((a) => a.start <= c.start && c.end <= a.end && (c.type === 'LOCATION' || c.type === 'ZIP' || c.type === 'PERSON')))
    .sort((a, b) => b.score - a.score || PRIORITY[b.type] - PRIORITY[a.type] || (b.end - b.start) - (a.end - a.start) || a.start - b.start);
  const kept: Candidate[] = [];
  for (const c of sorted) {
    let clash = false;
    for (const k of kept) {
      if (c.start < k.end && k.start < c.end) {
        clash = true;
        break;
      }
    }
    if (!clash) kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

const ROLE_WORDS = [...RELATIONS, ...CLINICIAN_ROLES].filter((w) => /^[a-z-]+$/.test(w)).join('|');
/** Words that, close before a span, say it belongs to someone else. */
const OTHER_CUE = new RegExp(
  String.raw`\b(?:(?:my|our|your)\s+(?:[a-z-]+\s+)?(?:${ROLE_WORDS})(?:'s|’s|s'|s)?|(?:his|her|their|he|she|they|him|them|hers|theirs|he's|she's|they're)|(?:dr|doctor|nurse|mr|mrs|ms)\.?\s+[a-z'-]+(?:'s|’s)?)\b`,
  'gi',
);
const SELF_CUE = /\b(?:i|me|mine|myself|i'm|im|i've|ive|i'd|my)\b/gi;

/** Cue matches over the whole lower-cased text, computed once per text and shared by every span (see subjectOf). */
export interface CueIndex {
  lower: string;
  other: Array<[number, number]>;
  self: Array<[number, number]>;
}

/** Builds the cue index, or undefined when lower-casing changes the text's length (offsets would not line up). */
export function cueIndex(text: string): CueIndex | undefined {
  const lower = text.toLowerCase();
  if (lower.length !== text.length) return undefined;
  const other: Array<[number, number]> = [];
  const self: Array<[number, number]> = [];
  for (const m of lower.matchAll(OTHER_CUE)) other.push([m.index, m.index + m[0].length]);
  for (const m of lower.matchAll(SELF_CUE)) self.push([m.index, m.index + m[0].length]);
  return { lower, other, self };
}

/** Whose identifier: the nearest cue before the span, within its sentence, decides; default self. */
export function subjectOf(text: string, c: Candidate, persons: Candidate[], cues?: CueIndex): PhiSubject {
  if (c.subject) return c.subject;
  let from = Math.max(0, c.start - 70);
  const window = text.slice(from, c.start);
  const cut = Math.max(window.lastIndexOf('\n'), window.search(/[!?][^!?]*$/), lastSentenceEnd(window));
  const w = cut >= 0 ? window.slice(cut + 1) : window;
  from = c.start - w.length;
  let otherAt = -1;
  let selfAt = -1;
  if (cues) {
    // Same rule as below, read from matches over the whole text (only those lying wholly in the window count).
    for (const [a, b] of cues.other) if (a >= from && b <= c.start) otherAt = Math.max(otherAt, b - from);
    for (const [a, b] of cues.self) {
      if (a < from || b > c.start) continue;
      if (b - a === 2 && cues.lower.startsWith('my', a) && /^\s+(?:[a-z-]+\s+)?[a-z-]+/.test(cues.lower.slice(a + 2, c.start)) && otherAt > a - from && otherAt - (a - from) < 30) continue;
      selfAt = Math.max(selfAt, b - from);
    }
  } else {
    const lower = w.toLowerCase();
    for (const m of lower.matchAll(OTHER_CUE)) otherAt = Math.max(otherAt, m.index + m[0].length);
    for (const m of lower.matchAll(SELF_CUE)) {
      // "my" directly before a relation word was already counted as another person.
      if (m[0] === 'my' && /^\s+(?:[a-z-]+\s+)?[a-z-]+/.test(lower.slice(m.index + 2)) && otherAt > m.index && otherAt - m.index < 30) continue;
      selfAt = Math.max(selfAt, m.index + m[0].length);
    }
  }
  // A named person just before ("Dr. Okafor's office number", "Jake's birthday") makes it theirs.
  for (const p of persons) {
    if (p.type !== 'PERSON' || p.end > c.start || p.end < from) continue;
    if (p.subject === 'self') continue;
    otherAt = Math.max(otherAt, p.end - from);
  }
  return otherAt > selfAt ? 'other' : 'self';
}

function lastSentenceEnd(window: string): number {
  let idx = -1;
  for (const m of window.matchAll(/\.\s+(?=[A-Z])/g)) {
    const before = window.slice(Math.max(0, m.index - 4), m.index).toLowerCase();
    if (/\b(?:dr|mr|mrs|ms|st|prof|mt)$/.test(before)) continue;
    idx = m.index;
  }
  return idx;
}

function finish(text: string, cands: Candidate[], minScore: number): PhiSpan[] {
  const kept = resolve(cands, minScore);
  const persons = kept.filter((k) => k.type === 'PERSON');
  const cues = kept.some((c) => c.type !== 'PERSON' && !c.subject) ? cueIndex(text) : undefined;
  return kept.map((c) => ({
    type: c.type, start: c.start, end: c.end, score: Math.round(c.score * 100) / 100, source: c.source,
    subject: c.type === 'PERSON' ? (c.subject ?? 'other') : subjectOf(text, c, persons, cues),
  }));
}

/** Finds Safe Harbor identifiers in `text`. Pure and synchronous. */
export function detectPhi(text: string, options: DetectOptions = {}): PhiSpan[] {
  if (text.length === 0) return [];
  return finish(text, patternCandidates(text, options.tagger ?? true, options.tokenStates), options.minScore ?? 0.5);
}

/** Same as detectPhi, plus the spans of an extra (possibly asynchronous) recognizer such as a NER model. */
export async function detectPhiAsync(text: string, extra: ExtraRecognizer | undefined, options: DetectOptions = {}): Promise<PhiSpan[]> {
  if (text.length === 0) return [];
  const cands = patternCandidates(text, options.tagger ?? true, options.tokenStates);
  if (extra) for (const s of await extra(text)) cands.push({ ...s });
  return finish(text, cands, options.minScore ?? 0.5);
}
