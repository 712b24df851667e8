/**
 * The Presidio synthetic PII set (../shared/data/pii-presidio-synthetic): its fixed dev/test split and the mapping
 * of its labels to our PHI types. Shared by `npm run eval:phi` and `npm run train:phi-tagger`, so both read the
 * same halves and the same gold (training uses the dev half only).
 */
import { readFileSync } from 'node:fs';
import { COUNTRIES, US_STATES } from '../../moderation/phi/lexicon.js';
import { isPhiType } from '../../moderation/phi/types.js';

export interface GoldSpan { start: number; end: number; type: string }
export interface PresidioExample { text: string; spans: GoldSpan[]; ignore: Array<{ start: number; end: number }>; dateAll: GoldSpan[]; template: string }
export type PresidioMapping = Map<string, { count: number; to: string; ignored: number }>;

/** FNV-1a over UTF-16 code units. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193); }
  return h >>> 0;
}
/** A text's template: the `masked` field lower-cased, every {{placeholder}} written as {{}}, whitespace collapsed. */
export function templateKey(masked: string): string {
  return masked.toLowerCase().replace(/\{\{[^}]*\}\}/g, '{{}}').replace(/\s+/g, ' ').trim();
}
/** The fixed Presidio split: by template, see the header of scripts/eval-phi.ts. */
export function presidioHalf(masked: string): 'dev' | 'test' {
  return fnv1a(templateKey(masked)) % 2 === 0 ? 'dev' : 'test';
}
/**
 * Inside the dev half, the templates the tagger's validation run holds out (`npm run train:phi-tagger -- --val-out`)
 * and `npm run eval:phi -- --split dev-val` scores: one template in VALIDATION_MOD. Development data only.
 */
export const VALIDATION_MOD = 3;
/** The validation fold (0 .. VALIDATION_MOD-1) of a template; fold 0 is `--split dev-val`. */
export function validationFold(masked: string): number {
  return fnv1a(`val:${templateKey(masked)}`) % VALIDATION_MOD;
}
export function isValidationTemplate(masked: string): boolean {
  return presidioHalf(masked) === 'dev' && validationFold(masked) === 0;
}
export type PresidioSplit = 'dev' | 'test' | 'all' | 'dev-fit' | 'dev-val';
function inSplit(masked: string, split: PresidioSplit): boolean {
  if (split === 'all') return true;
  if (split === 'dev-fit') return presidioHalf(masked) === 'dev' && !isValidationTemplate(masked);
  if (split === 'dev-val') return isValidationTemplate(masked);
  return presidioHalf(masked) === split;
}

export const PRESIDIO_MAP: Record<string, string> = {
  PERSON: 'PERSON', STREET_ADDRESS: 'ADDRESS', ADDRESS: 'ADDRESS', GPE: 'LOCATION', LOCATION: 'LOCATION', CREDIT_CARD: 'ACCOUNT_NUMBER',
  IBAN_CODE: 'ACCOUNT_NUMBER', DATE_TIME: 'DATE', PHONE_NUMBER: 'PHONE', AGE: 'AGE_OVER_89', EMAIL_ADDRESS: 'EMAIL', ZIP_CODE: 'ZIP',
  DOMAIN_NAME: 'URL', US_SSN: 'SSN', IP_ADDRESS: 'IP_ADDRESS', US_DRIVER_LICENSE: 'LICENSE_NUMBER',
  ORGANIZATION: '(ignored: not a Safe Harbor identifier)', TITLE: '(ignored: job title or honorific)', PREFIX: '(ignored: honorific)',
  NRP: '(ignored: nationality, religion or political group)',
};
const WEEKDAY = /^(?:mon|tues|wednes|thurs|fri|satur|sun)day$/i;

/** Why a Presidio span mapped to one of our types is still not a Safe Harbor identifier (or undefined when it is). */
const PROVINCES = new Set(['ontario', 'quebec', 'british columbia', 'alberta', 'manitoba', 'saskatchewan', 'nova scotia', 'new brunswick',
  'newfoundland and labrador', 'prince edward island', 'yukon', 'northwest territories', 'nunavut']);
/** Faker output read with the wrong encoding ("SÃ£o TomÃ©"): decoded back before the country test. */
const unmojibake = (v: string) => (/[ÃÅÄ][\x80-\xbf¡-¿]/.test(v) ? Buffer.from(v, 'latin1').toString('utf8') : v);
export function presidioIgnoreReason(type: string, value: string): string | undefined {
  const v = value.trim();
  if (v === 'nan') return 'empty value (nan)';
  if (type === 'LOCATION') {
    const key = unmojibake(v).replace(/\s*\([^)]*\)\s*$/, '').toLowerCase().normalize('NFD').replace(/\p{M}+/gu, '');
    if (COUNTRIES.has(key) || US_STATES.has(key) || PROVINCES.has(key)) return 'country or state';
    if (/^[A-Z]{2}$/.test(v)) return 'country or state';
  }
  if (type === 'PERSON' && /^(?:mr|mrs|ms|miss|mx|dr|prof|sir|madam|mme|herr|frau)\.?$/i.test(v)) return 'honorific alone';
  if (type === 'DATE') {
    if (/^\d{4}$/.test(v)) return 'bare year';
    if (WEEKDAY.test(v)) return 'weekday';
    if (/^\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]m)?$/i.test(v)) return 'time of day';
  }
  return undefined;
}


/** Reads one Presidio JSON file, keeping the texts of one half (or all), with gold mapped to our types. */
export function readPresidio(path: string, split: PresidioSplit): { examples: PresidioExample[]; mapping: PresidioMapping } {
  const all = JSON.parse(readFileSync(path, 'utf8')) as Array<{ full_text: string; masked?: string; spans: Array<{ entity_type: string; entity_value: string; start_position: number; end_position: number }> }>;
  const rows = all.filter((r) => inSplit(r.masked ?? r.full_text, split));
  const mapping: PresidioMapping = new Map();
  const examples = rows.map((r) => {
    const spans: GoldSpan[] = [];
    const dateAll: GoldSpan[] = [];
    const ignore: Array<{ start: number; end: number }> = [];
    for (const s of r.spans) {
      const to = PRESIDIO_MAP[s.entity_type] ?? '(ignored: unmapped)';
      const entry = mapping.get(s.entity_type) ?? { count: 0, to, ignored: 0 };
      entry.count++;
      mapping.set(s.entity_type, entry);
      const span = { start: s.start_position, end: s.end_position, type: to };
      if (!isPhiType(to)) { ignore.push(span); entry.ignored++; continue; }
      if (to === 'AGE_OVER_89') {
        // Ages under 90 are not identifiers: dropped from the gold, so flagging one is a false positive.
        if (!(Number(s.entity_value) >= 90)) { entry.ignored++; continue; }
      }
      if (to === 'DATE') dateAll.push(span);
      const why = presidioIgnoreReason(to, s.entity_value);
      if (why) { ignore.push(span); entry.ignored++; continue; }
      spans.push(span);
    }
    return { text: r.full_text, spans, ignore, dateAll, template: templateKey(r.masked ?? r.full_text) };
  });
  return { examples, mapping };
}
