/**
 * Pattern recognizers: contact details, network identifiers and numbered identifiers, each checked
 * by a validator where one exists and scored up or down by context words (as Presidio does).
 * All regexes are compiled once at module load.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { after, before, type Candidate } from './candidates.js';
import { PLACES, ZIP_CODES, fold } from './gazetteer.js';
import { COMMON_WORDS, COUNTRIES, MONTHS, US_STATE_ABBRS, US_STATES } from './lexicon.js';
import type { PhiType } from './types.js';
import {
  cardValid, deaValid, digitsOf, ibanValid, imeiValid, ipv4Valid, ipv6Valid, mbiValid, nhsValid, npiValid, ssnValid, vinValid,
} from './validators.js';

// ---------------------------------------------------------------- email, url, ip

const EMAIL = /(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w-])/g;
const URL_SCHEME = /\b(?:https?:\/\/|www\.)[^\s<>"')\]]*[^\s<>"').,;:!?\]]/gi;
const BARE_DOMAIN =
  /(?<![\w@./-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:com|org|net|edu|gov|io|info|health|care|us|ca|co\.uk|org\.uk|com\.au|ly|app|blog)(?:\/[^\s<>"')\]]*[^\s<>"').,;:!?\]])?(?![\w@-])/gi;
const IPV4 = /(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w]|\.\d)/g;
const IPV6 = /(?<![\w:.])(?:[0-9a-f]{0,4}:){2,7}(?:[0-9a-f]{1,4}|:)(?![\w:])/gi;

export function emails(text: string, out: Candidate[]): void {
  if (!text.includes('@')) return;
  for (const m of text.matchAll(EMAIL)) out.push({ type: 'EMAIL', start: m.index, end: m.index + m[0].length, score: 0.99, source: 'email' });
}

export function urls(text: string, out: Candidate[]): void {
  if (!text.includes('.')) return;
  for (const m of text.matchAll(URL_SCHEME)) {
    if (m[0].length < 8) continue;
    out.push({ type: 'URL', start: m.index, end: m.index + m[0].length, score: 0.95, source: 'url.scheme' });
  }
  for (const m of text.matchAll(BARE_DOMAIN)) out.push({ type: 'URL', start: m.index, end: m.index + m[0].length, score: 0.85, source: 'url.domain' });
}

export function ipAddresses(text: string, out: Candidate[]): void {
  for (const m of text.matchAll(IPV4)) {
    if (!ipv4Valid(m[0])) continue;
    const b = before(text, m.index, 12);
    if (/\bv(?:ersion)?\s*$/.test(b)) continue;
    out.push({ type: 'IP_ADDRESS', start: m.index, end: m.index + m[0].length, score: /\bip\b/.test(before(text, m.index, 30)) ? 0.99 : 0.9, source: 'ip.v4' });
  }
  if (!text.includes(':')) return;
  for (const m of text.matchAll(IPV6)) {
    if ((m[0].match(/:/g)?.length ?? 0) < 3 || !ipv6Valid(m[0])) continue;
    out.push({ type: 'IP_ADDRESS', start: m.index, end: m.index + m[0].length, score: 0.95, source: 'ip.v6' });
  }
}

// ---------------------------------------------------------------- phone, fax

/** Digit runs that could be a phone number; libphonenumber decides. */
const PHONE_CANDIDATE =
  /(?<![\w@/.+$-])(?:\+[ \t]?\d{1,3}[ \t.-]?)?(?:\(\d{1,5}\)[ \t.-]?)?\d[\d \t.-]{4,18}\d(?:[ \t]*(?:x|ext\.?|extension)[ \t]*\d{1,6})?(?![\w@]|[/.]\d|%)/gi;
const PHONE_CONTEXT = /\b(?:phone|call|calls|calling|called|cell|cellphone|mobile|tel|telephone|text|txt|texts|sms|messages?|number|reach|contact|contacted|whatsapp|signal|landline|hotline|helpline|switchboard|pager|line|office|ring|dial|fax|ph|mob|voicemail|telefon|tlf|handy)\b[^.!?\n]{0,30}$/;
/** The label word nearest before the number decides phone vs fax ("fax: 1..., phone: 2..."). */
/** One-letter labels of a letterhead: "F: 415-…  P: 415-…". */
const LETTER_LABEL = /(?:^|[\s|,;])(f|fx|p|ph|t|m|c)[ \t]*[:.][ \t]*$/;
/** A label written right after the number: "555-0142 (cell)", "0479 50 54 03 office", "(503) 284-7719-Fax". */
const LABEL_AFTER = /^[ \t]*[-–,(\[/]?[ \t]*(fax|office|mobile|cell|cellphone|home|work|tel|phone|landline|direct|main|mob)\b(?![^.!?\n]{0,14}\d)/i;
/** A label glued to the number with a hyphen or bracket, whatever follows: "9885 1152-Office,…", "(22) 154-300-office". */
const LABEL_GLUED = /^(?:-|[ \t]*\()(fax|office|mobile|cell|home|work|phone|landline|direct|main)\b/i;
/** A label said in a short clause after the number: "… is their fax", "… for faxes", "(that's the fax)". */
const LABEL_CLAUSE = /^[ \t]*(?:,[ \t]*|\([ \t]*)?(?:is|was|that'?s|it'?s|=|for|as)[ \t]+(?:(?:the|their|our|my|his|her|its|a)[ \t]+)?(?:(?:main|direct|office|clinic|new|old|only|secure)[ \t]+)?(e?fax(?:es)?|cell|mobile|landline|phone|front desk|desk|reception|voicemail)\b/i;
/** Words that name a phone line in the clause before a number; the nearest one decides (phone words beat an earlier "fax"). */
const LABEL_ANY_BEFORE = /\b(e?fax(?:es|ed|ing)?|phone|cell|mobile|tel|telephone|call|calls|text|texts|office|home|work|landline|whatsapp|desk|reception|voicemail|hotline)\b/g;
/** Codes that are not phone numbers: drug, billing and product codes ("NDC 0002-1433-80", "CPT 99213", "lot 4471-22"). */
const CODE_CONTEXT = /\b(?:ndc|cpt|icd(?:-?10|-?9)?|hcpcs|lot|batch|model|version|ver|form|error|err|code|isbn|upc|sku|part)\b[ \t]*(?:number|no\.?|#|:)?[ \t]*$/;
/** Strong phone words: enough for a short (6-digit) grouped number. */
const STRONG_PHONE_WORD = /\b(?:phone|call|cell|mobile|tel|telephone|text|txt|sms|whatsapp|landline|fax|dial|ring)\b(?:[ \t]+(?:me|us|her|him|them|on|at|is|no\.?|number|#))*[ \t:#.]*$/;
const EXTENSION = /[ \t]*(?:x|ext\.?|extension)[ \t]*\d{1,6}$/i;
/** North American shape (valid or not by the numbering plan): (555)123-4567, 555.123.4567, +1-555-123-4567, 001-555-123-4567. */
const NANP_SHAPE = /^(?:\+?1[ \t.-]?|001[ \t.-]?)?(?:\(\d{3}\)[ \t]?|\d{3}[ \t.-])\d{3}[ \t.-]\d{4}$/;
/** National format with a trunk 0, grouped: 0479 50 54 03, 082 490 1693, (027) 7972-805, 06-10446904. */
const TRUNK_SHAPE = /^(?:\(0\d{1,4}\)|0\d{1,4})(?:[ \t.-]{1,2}\d{2,8}){1,4}$/;
/** An identifier keyword right before the digits: the number is that identifier, not a phone. */
const ID_CONTEXT = /\b(?:account|acct|mrn|mr|emr|ehr|record|chart|hospital|patient|appeal|grievance|auth|member|subscriber|policy|group|claim|case|prescription|rx|serial|licen[cs]e|npi|dea|vin|plate|confirmation|reference|ref|ticket|order|invoice|routing|card|ssn|social security|passport|employee|student|tracking|authori[sz]ation|referral|imei|device|transmitter|sensor|participant|subject|study|trial|donor|registry|application|receipt|booking|docket|rma|wristband|bracelet|id)\b(?:\s*(?:number|no\.?|#|id|is|was|:)){0,3}\s*\(?\s*$/;
const DATE_LIKE = /^\d{1,2}[ .-]\d{1,2}[ .-](?:19|20)\d\d$/;
/** A year ("1998", "2024"): never a postcode or an ID on its own. */
const YEAR = /^(?:19|20)\d\d$/;

/** Group boundaries of a number without country code fall where the US ones do (3-3-4, optional 1/001 first). */
function nanpGrouping(v: string): boolean {
  const groups = v.replace(EXTENSION, '').split(/[^\d]+/).filter(Boolean);
  if (groups.length <= 1) return true;
  const lens = groups.map((g) => g.length);
  if (lens[0] === 1 || (lens[0] === 3 && groups[0] === '001' && lens.length > 3)) lens.shift();
  const joined = lens.join(',');
  return joined === '3,3,4' || joined === '3,7' || joined === '6,4' || joined === '10';
}

/** Regions tried for numbers without a country code, by their first digit (trunk 0 or not); first valid wins. */
const TRUNK_REGIONS = ['GB', 'DE', 'FR', 'NL', 'BE', 'AU', 'JP', 'KR', 'BR', 'IN', 'ZA', 'NZ', 'CH', 'HU', 'FI', 'SE', 'IT'] as const;
const PLAIN_REGIONS = ['PL', 'CZ', 'ES', 'DK', 'NO', 'PT', 'GR', 'IS', 'SK', 'GL', 'IT', 'BR', 'CN'] as const;
/** A quantity unit, currency or count noun right after the digits. */
const QUANTITY_AFTER = /^[ \t]*(?:%|[a-zµ]{0,3}(?:g|l|mol)\b|units?\b|iu\b|steps?\b|people\b|patients?\b|cases\b|copies\b|times\b|cells\b|kr\b|won\b|yen\b|ft\b|huf\b|eur|euros?\b|usd\b|dollars?\b|pounds?\b|rubles?\b|zł|pln\b|czk\b|sek\b|nok\b|dkk\b|forints?\b|km\b|miles?\b|m\b|cm\b|mm\b|years?\b|days?\b|hours?\b|minutes?\b|calories\b|kcal\b|words\b|views\b|members\b|users\b|votes\b|visits\b|[x×*/+=<>])/i;
const QUANTITY_BEFORE = /(?:[$€£¥₩]|\b(?:cost|costs|paid|pay|price|priced|total|totals|population|sum|budget|salary|income|revenue|scores?|readings?|values?|counts?|levels?|doses?|between|from|to|and|or|of|x|times|about|around|over|under|approx|approximately|roughly|nearly|almost|than)\b)[ \t:]*$/i;

/** The number stands on a line of its own (a contact block): "Jana Novak\n603 481 227". */
function aloneOnLine(text: string, start: number, end: number): boolean {
  return /(?:^|\n)[ \t]*$/.test(text.slice(Math.max(0, start - 12), start)) && /^[ \t]*(?:\n|$)/.test(text.slice(end, end + 4));
}

function otherRegion(core: string, nd: number, grouped: boolean, context: boolean, text: string, start: number, end: number): boolean {
  if (nd < 7 || nd > 12) return false;
  const groups = core.split(/[ \t.()-]+/).filter(Boolean);
  const trunk = core.replace(/^\(/, '').startsWith('0');
  if (!context) {
    if (!grouped ? !(trunk && nd >= 10 && nd <= 11) : groups.length < 2) return false;
    // Lists of small numbers ("98 97 99 96"), thousands ("1 250 000", but "603 118 442" is a number), years, dates, SSNs.
    if (!trunk && groups.every((g) => g.length <= 2)) return false;
    if (/^\d{1,3}(?:[ ,.]\d{3})+$/.test(core) && !/^\d{3} \d{3} \d{3}$/.test(core)) return false;
    if (/^\d{1,2}(?:[ .,]\d{3})+$/.test(core)) return false;
    if (groups.filter((g) => YEAR.test(g)).length >= 1 && groups.length <= 3) return false;
    // Dates, SSNs ("123 45 6789"), ZIP+4 ("94107-1234"), dotted version or IP-like numbers ("10.0.12.255").
    if (DATE_LIKE.test(core) || /^\d{3}[- ]\d{2}[- ]\d{4}$/.test(core) || /^\d{5}-\d{4}$/.test(core)) return false;
    if (/[.,]/.test(core) && !(/^\d+(?:\.\d+){2,}$/.test(core) && groups.every((g) => g.length >= 2) && !(groups.length === 4 && groups.every((g) => g.length <= 3)))) return false;
    // A house number then a postcode inside an address: "Leopoldstraße 12 80331 München", "Słowicza 10 53-320 Wrocław".
    if (/^\d{1,3}[a-z]?[ \t]+(?:\d{4,5}|\d{2}-\d{3}|\d{3}[ \t]\d{2}|\d{4}-\d{3})$/.test(core)
      && /\p{L}{3}\.?[ \t,]*$/u.test(text.slice(Math.max(0, start - 6), start)) && /^[ \t,]*\p{Lu}\p{Ll}/u.test(text.slice(end, end + 4))) return false;
    // A building number before a street that starts with its own number: "93262 2437 Main St", "3482 71 Via Roma".
    if (groups.length === 2 && /^[ \t]+\p{Lu}\p{Ll}/u.test(text.slice(end, end + 3))) return false;
    if (QUANTITY_AFTER.test(text.slice(end, end + 12)) || QUANTITY_BEFORE.test(text.slice(Math.max(0, start - 16), start))) return false;
  }
  for (const r of trunk ? TRUNK_REGIONS : PLAIN_REGIONS) if (parsePhoneNumberFromString(core, r)?.isValid()) return true;
  return false;
}

/** The clause before a phone candidate: back to the previous number's end (or its label), a line break or a sentence end. */
function clauseBefore(text: string, index: number, floor: number): string {
  const w = text.slice(Math.max(floor, index - 70), index).toLowerCase();
  let cut = -1;
  for (const m of w.matchAll(/[!?\n]|\.(?=\s+[a-z])|\.\s*$/g)) {
    const pre = w.slice(Math.max(0, m.index - 4), m.index);
    if (m[0].startsWith('.') && /\b(?:dr|mr|mrs|ms|st|no|tel|ph|ext)$/.test(pre)) continue;
    cut = m.index;
  }
  return cut >= 0 ? w.slice(cut + 1) : w;
}

export function phones(text: string, out: Candidate[]): void {
  // Where the previous number (and a label said after it) ends: labels before that belong to it.
  let claimed = 0;
  for (const m of text.matchAll(PHONE_CANDIDATE)) {
    const raw = m[0];
    const raw0 = raw.replace(/[ \t.-]+$/, '');
    const core = raw0.replace(EXTENSION, '');
    const nd = digitsOf(core).length;
    if (nd < 6 || nd > 15) continue;
    // "Fax no. 206-…": the abbreviation's dot does not end the phrase.
    const b = before(text, m.index, 40).replace(/\bno\.(?=\s)/g, 'no');
    if (ID_CONTEXT.test(b) || CODE_CONTEXT.test(b)) continue;
    const tail = text.slice(m.index + raw0.length, m.index + raw0.length + 40);
    const labelAfter = LABEL_GLUED.exec(tail) ?? LABEL_AFTER.exec(tail.slice(0, 16)) ?? LABEL_CLAUSE.exec(tail);
    const clause = clauseBefore(text, m.index, claimed);
    let labelBefore: RegExpExecArray | null = null;
    for (const l of clause.matchAll(LABEL_ANY_BEFORE)) labelBefore = l;
    const letter = LETTER_LABEL.exec(b);
    const context = !!labelAfter || !!letter || PHONE_CONTEXT.test(b);
    claimed = m.index + raw0.length + (labelAfter ? labelAfter.index + labelAfter[0].length : 0);
    // The nearest label decides: one written right after the number, else the last one before it in its clause.
    const label = (labelAfter?.[1] ?? (letter ? (letter[1]!.startsWith('f') ? 'fax' : 'phone') : labelBefore?.[1]) ?? '').toLowerCase();
    const type: PhiType = /^e?fax/.test(label) ? 'FAX' : 'PHONE';
    const grouped = /[ \t.()-]/.test(core.trim());
    if (nd < 7 && !(grouped && (labelAfter || STRONG_PHONE_WORD.test(b)))) continue;
    // libphonenumber validates the number for its region (US by default, or any region when written with +).
    // The candidate may carry a stray digit group at either end: try it whole, then without the end groups.
    let found = false;
    const variants: Array<[number, string]> = [[0, raw0]];
    const lastGap = raw0.search(/[ \t]+\d+$/);
    if (lastGap > 0 && !EXTENSION.test(raw0)) variants.push([0, raw0.slice(0, lastGap)]);
    const firstGap = /^\d+[ \t]+/.exec(raw0);
    if (firstGap && !raw0.startsWith('+')) variants.push([firstGap[0].length, raw0.slice(firstGap[0].length)]);
    for (const [offset, v] of variants) {
      if (digitsOf(v).length < 7) continue;
      // "0031 20 …", "0049 176 …": the 00 international prefix is a "+".
      const intl = v.startsWith('+') ? v : /^00[1-9]/.test(v) ? `+${v.slice(2)}` : undefined;
      // Without a country code the US reading needs the US grouping: "98 97 99 96 95" is a list, not (989) 799-9695.
      if (!intl && !nanpGrouping(v)) continue;
      // "+41 (0)38 ..." : the bracketed trunk 0 is not dialled from abroad.
      const n = parsePhoneNumberFromString(intl ? intl.replace(/\(0\)[ \t]?/, '') : v, 'US');
      if (!n) continue;
      const ok = n.isValid() || (!!intl && n.isPossible());
      if (!ok) continue;
      found = true;
      out.push({ type, start: m.index + offset, end: m.index + offset + v.length, score: context ? 0.97 : n.isValid() ? 0.9 : 0.85, source: 'phone.lib' });
      break;
    }
    if (found) continue;
    // National numbers of other countries written without a country code ("603 118 442", "12 421 88 37",
    // "08152993817"): a phone-like grouping, nothing around it that makes it a quantity, and valid for one of the
    // regions whose numbers start that way.
    const region = !raw0.startsWith('+') && !/^00/.test(core) ? otherRegion(core, nd, grouped, context || aloneOnLine(text, m.index, m.index + raw0.length), text, m.index, m.index + raw0.length) : false;
    if (region) {
      out.push({ type, start: m.index, end: m.index + raw0.length, score: context ? 0.8 : 0.7, source: 'phone.region' });
      continue;
    }
    // Phone-shaped numbers that libphonenumber does not validate (national formats of other countries, unassigned
    // area codes): the North American 3-3-4 shape, or a grouped national number with a trunk 0.
    const shape = NANP_SHAPE.test(core) || (TRUNK_SHAPE.test(core) && nd >= 9 && nd <= 12 && !DATE_LIKE.test(core));
    if (!context && !shape) continue;
    // International numbers written without a country code: only with a phone word nearby.
    if (!shape && !grouped && nd > 11) continue;
    let start = m.index;
    let end = m.index + raw0.length;
    while (end > start && /[ \t.-]/.test(text[end - 1]!)) end--;
    while (start < end && /[ \t.-]/.test(text[start]!)) start++;
    if (start > 0 && text[start - 1] === '(' && !/^\(/.test(raw) && /\)/.test(raw)) start--;
    out.push({ type, start, end, score: context ? 0.8 : 0.75, source: shape ? 'phone.shape' : 'phone.context' });
  }
}

// ---------------------------------------------------------------- SSN

const SSN = /(?<![\w-])(\d{3})([- ]?)(\d{2})\2(\d{4})(?![\w-]|\.\d)/g;
const SSN_CONTEXT = /\b(?:ssn|ss#|ss #|social security|social sec|social)\b[^.!?\n]{0,25}$/;

export function ssns(text: string, out: Candidate[]): void {
  for (const m of text.matchAll(SSN)) {
    if (!ssnValid(m[0])) continue;
    const context = SSN_CONTEXT.test(before(text, m.index, 40));
    const separated = m[2] !== '';
    if (!separated && !context) continue;
    out.push({ type: 'SSN', start: m.index, end: m.index + m[0].length, score: context ? 0.99 : m[2] === '-' ? 0.85 : 0.6, source: 'ssn' });
  }
}

// ---------------------------------------------------------------- identifiers introduced by a keyword

const N = String.raw`(?:\s*(?:number|num|no\.?|nbr|#|id|code)\b)?`;
const KEYWORDS: Array<[PhiType, string]> = [
  ['MRN', String.raw`mrn|m\.r\.n\.?|medical id (?:number|no\.?|#)|pt\.? ?(?:id|number|no\.?|#)|hosp(?:ital)?\.? ?#|emr${N}|ehr${N}|mychart (?:id|number|#)|medical record${N}|med(?:ical)? rec(?:ord)?${N}|chart (?:number|no\.?|#|id)|patient (?:id|number|no\.?|#)|hospital (?:number|id|no\.?|#)|record (?:number|no\.?|#)|mr #|mr#|mr number|health record (?:number|no\.?|#)|(?:patient|hospital|clinic) registration (?:number|no\.?|#)|clinic (?:number|no\.?|#|id)|(?:wrist|id|hospital|patient) ?band(?: (?:number|no\.?|#|id))?|bracelet(?: (?:number|no\.?|#|id))?`],
  ['HEALTH_PLAN_ID', String.raw`member(?:ship)? (?:id|number|no\.?|#)|member#|subscriber (?:id|number|no\.?|#)|policy (?:id|number|no\.?|#)|policy|insurance (?:id|number|no\.?|#|card (?:number|no\.?|#))|(?:health )?plan (?:id|number|no\.?|#)|group (?:id|number|no\.?|#)|medicaid (?:id|number|no\.?|#|card)|medicare (?:id|number|no\.?|#|card)|mbi|beneficiary (?:id|number|#)|bcbs (?:id|number|#)|(?:blue cross|blue shield|aetna|cigna|humana|kaiser|anthem|united ?healthcare|uhc|tricare|molina|ambetter|wellcare|medi-cal|ohip|health card) (?:id|number|no\.?|#|card (?:number|no\.?|#))|nhs (?:number|no\.?|#|num)|chi (?:number|no\.?|#)|insurance`],
  ['ACCOUNT_NUMBER', String.raw`account (?:number|no\.?|#)|acct\.?${N}|bank account|checking account|savings account|routing (?:number|no\.?|#)|card (?:number|no\.?|#)|credit card${N}|debit card${N}|visa card|iban|billing (?:account|number|id|#)|patient account${N}|hsa${N}|fsa${N}|invoice (?:number|no\.?|#)|guarantor(?: account)?${N}|hospital account${N}|(?:card|account|acct) ending(?: in)?|routing|account|invoice`],
  ['LICENSE_NUMBER', String.raw`driver'?s?'? licen[cs]e${N}|driving licen[cs]e${N}|dl (?:number|no\.?|#)|dl#|licen[cs]e (?:number|no\.?|#)|npi${N}|dea${N}|medical licen[cs]e${N}|nursing licen[cs]e${N}|state licen[cs]e${N}|certificate (?:number|no\.?|#|id)|permit (?:number|no\.?|#)|licen[cs]e(?! plate)`],
  ['VEHICLE_ID', String.raw`vin${N}|vehicle identification number|licen[cs]e plate${N}|plate (?:number|no\.?|#)|plates? (?:is|are|reads?|says)|tag (?:number|no\.?|#)|registration (?:number|no\.?|#)`],
  ['DEVICE_ID', String.raw`serial${N}|s/n|sn:|device (?:id|number|no\.?|#|serial)|imei${N}|udi${N}|mac address|transmitter (?:id|serial|number|no\.?|#|sn)|sensor (?:id|serial|number|no\.?|#|sn)|pump (?:id|serial|number|no\.?|#|sn)|pacemaker (?:id|serial|number|no\.?|#)|implant (?:id|serial|number|#)|model and serial`],
  ['OTHER_ID', String.raw`case (?:number|no\.?|#|id)|visit (?:number|no\.?|#|id)|encounter (?:number|no\.?|#|id)|request (?:number|no\.?|#|id)|appointment (?:number|no\.?|#|id)|transaction (?:number|no\.?|#|id)|pa#|pa #|voucher|confirmation|reference|appeal (?:number|no\.?|#|id)|grievance (?:number|no\.?|#|id)|complaint (?:number|no\.?|#)|incident (?:number|no\.?|#)|prior auth(?:orization)? (?:number|no\.?|#|id|code)|pa (?:number|no\.?|#)|claim (?:number|no\.?|#|id)|confirmation (?:number|no\.?|#|code)|reference (?:number|no\.?|#|code)|ref\.? ?#|ticket (?:number|no\.?|#)|prescription (?:number|no\.?|#)|rx ?(?:number|no\.?|#)|rx#|order (?:number|no\.?|#)|employee (?:id|number|no\.?|#)|student (?:id|number|no\.?|#)|badge (?:id|number|#)|passport${N}|visa (?:number|no\.?|#)|accession (?:number|no\.?|#)|specimen (?:id|number|#)|requisition (?:number|#)|referral (?:number|no\.?|#|id)|authori[sz]ation (?:number|no\.?|#|code)|auth (?:number|no\.?|#|code)|tracking (?:number|no\.?|#)|file (?:number|no\.?|#)|enrollment (?:id|number|#)|patient portal (?:id|username)|username|user ?id|login|pin|voucher (?:number|code|#)|lab (?:id|number)|kit (?:id|number|#)|barcode|(?:study|trial|participant|subject|research|enrol?lment) (?:id|number|no\.?|#|code)|participant|(?:application|receipt|case file|registry|donor|recipient|benefits?) (?:id|number|no\.?|#)|booking (?:reference|ref|number|no\.?|id|#|code)|(?:activation|access|enrollment) code|rma${N}|work order${N}|docket${N}|(?:alien|a-|uscis|green card) (?:number|no\.?|#)|id (?:number|no\.?|num|#)|id#|id(?=\s*:|\s+(?:is|was)\b)|(?:waitlist|wait list|transplant|voter|library|gym) (?:id|number|no\.?|#)|ticket|case|claim|order|appeal|grievance|referral|booking|receipt|incident|complaint|transaction|accession|requisition`],
];
const KEYWORD_RE = new RegExp(KEYWORDS.map(([type, re]) => `(?<${type}>\\b(?:${re}))`).join('|'), 'gi');
const FILLER = new Set(['is', 'was', 'are', 'number', 'num', 'no', 'no.', '#', ':', 'id', "it's", 'its', 'reads', 'says', 'on', 'the', 'my', 'card', 'of', 'ends', 'ending', 'in', 'with', 'be', 'should', 'you', 'need', 'me', 'for', 'their', 'his', 'her', 'our', 'code', 'and', '-', '=', 'at', 'listed', 'as', 'still', 'currently', 'new', 'old', 'a', 'there', 'here', 'now', 'then', 'printed', 'written', 'shown']);
const TOKEN = /[^\s,;!?()"'<>]+/y;
/** Keywords written without "number" ("ticket 88412093", "case 4471902"): weak, the ID must follow closely and hold 3+ digits. */
const BARE_ID_WORDS = new Set(['ticket', 'case', 'claim', 'order', 'appeal', 'grievance', 'referral', 'booking', 'receipt', 'incident', 'complaint',
  'transaction', 'accession', 'requisition', 'invoice']);
const VIA_CLAUSE = /^\s+(?:(?:at|with|for|from|in|on)\s+(?:[\w'’-]+\s+){0,4}?|(?:that\s+|which\s+)?(?:they|she|he|i|we|you|the\s+\w+)\s+(?:[\w'’-]+\s+){0,5}?)(?:is|was|:)(?=\s)/i;
const VIA_COLON = /^[^.!?\n:\d]{1,40}:(?=\s)/;
/** Further digit groups after a number: " 476 5919", "-5678 9012". */
const DIGIT_GROUPS = /^(?:[ -]\d{2,6}){1,5}(?![\w])/;
const NON_HEALTH_MEMBER = /\b(?:gym|library|loyalty|rewards?|club|costco|frequent[- ]flyer|airline|store|shop)\s*$/i;

function looksLikeId(token: string, type: PhiType): boolean {
  if (token.length < 4 || token.length > 34) return false;
  if (!/^[A-Za-z0-9][A-Za-z0-9-/.]*[A-Za-z0-9]$/.test(token)) return false;
  const digits = digitsOf(token).length;
  if (type === 'VEHICLE_ID') return digits >= 1 && token.length <= 17;
  if (type === 'OTHER_ID' && digits >= 3) return true;
  if (digits < 3) return false;
  // Doses, lab values and measures are not identifiers.
  if (/^\d{1,4}(?:\.\d+)?(?:mg|mcg|ml|units?|iu|mmol|kg|lbs?|%)$/i.test(token)) return false;
  if (/^\d+\.\d+$/.test(token)) return false;
  return true;
}

/** Finds `KEYWORD [filler words] ID` and reports the ID with the keyword's type. */
export function keywordIds(text: string, out: Candidate[]): void {
  for (const m of text.matchAll(KEYWORD_RE)) {
    const groups = m.groups!;
    let type: PhiType | undefined;
    for (const [t] of KEYWORDS) if (groups[t] !== undefined) { type = t; break; }
    if (!type) continue;
    const kw = m[0].toLowerCase();
    // A bare "ID" needs "ID:" or a determiner before it ("my ID is …"); a lookbehind in KEYWORD_RE would double its cost.
    if (kw === 'id' && !/^\s*:/.test(text.slice(m.index + 2, m.index + 6)) && !/\b(?:my|your|his|her|their|our|the|an?)\s$/.test(before(text, m.index, 7))) continue;
    // "policy", "insurance", "account", "license" alone are weak: the ID must follow closely.
    const weak = BARE_ID_WORDS.has(kw) || kw === 'policy' || kw === 'insurance' || kw === 'account' || kw === 'routing' || kw === 'voucher' || kw === 'confirmation' || kw === 'reference' || kw === 'license' || kw === 'licence' || kw === 'pin' || kw === 'login' || kw === 'username' || kw === 'participant' || kw === 'bracelet' || /band$/.test(kw);
    let pos = m.index + m[0].length;
    // Bare keywords ("case", "order") are common words: only worth a scan when a digit follows soon.
    if (BARE_ID_WORDS.has(kw) && !/\d/.test(text.slice(pos, pos + 16))) continue;
    // "record number at the cancer center is X": a short place phrase between the keyword and the ID.
    // "reference they gave me over the phone was X", "booking ID in case the desk asks: X": a short clause that ends in
    // "is/was" or a colon.
    const via = VIA_CLAUSE.exec(text.slice(pos, pos + 60)) ?? (weak ? null : VIA_COLON.exec(text.slice(pos, pos + 45)));
    if (via) pos += via[0].length;
    let skipped = 0;
    let found = false;
    while (pos < text.length && skipped < (weak ? 3 : 6)) {
      while (pos < text.length && /[\s:=,(\[]/.test(text[pos]!)) pos++;
      // "the MRN's 7733019": a possessive 's after the keyword.
      if (/^['’]s\s/.test(text.slice(pos, pos + 3))) { pos += 2; continue; }
      TOKEN.lastIndex = pos;
      const t = TOKEN.exec(text);
      if (!t) break;
      let tok = t[0];
      let end = pos + tok.length;
      while (/[.:]$/.test(tok)) { tok = tok.slice(0, -1); end--; }
      const lower = tok.toLowerCase();
      if (FILLER.has(lower) || lower === '') { pos = t.index + t[0].length; skipped++; continue; }
      if (/^#/.test(tok) && tok.length > 1) { pos++; tok = tok.slice(1); }
      // Where the ID starts in the text; `tok` below may drop the spaces inside it, the span keeps them.
      const tokStart = end - tok.length;
      if (type === 'VEHICLE_ID') {
        // Plates are often written in two groups: "ZME 118", "7ABC 123".
        const plate = /^[A-Za-z0-9]{2,4}[ -][A-Za-z0-9]{2,4}(?![\w-])/.exec(text.slice(tokStart, tokStart + 12));
        if (plate && /\d/.test(plate[0])) { end = tokStart + plate[0].length; tok = plate[0].replace(/[ -]/, ''); }
      }
      // "HAR 77120934": a short letter prefix, a space, then the digits.
      const prefixed = /^[A-Z]{2,4}$/.test(tok) ? /^[ -]\d{4,}(?![\w-])/.exec(text.slice(end, end + 20)) : null;
      if (prefixed) { end += prefixed[0].length; tok = tok + prefixed[0].slice(1); }
      // "943 476 5919": an ID written in digit groups, read as one before judging its length.
      const grouped = !prefixed && /^\d{2,3}$/.test(tok) ? DIGIT_GROUPS.exec(text.slice(end, end + 40)) : null;
      if (grouped) { end += grouped[0].length; tok = tok + grouped[0].replace(/[ -]/g, ''); }
      if (!looksLikeId(tok, type)) break;
      if (YEAR.test(tok)) break;
      if (weak && (tok.length < 5 || digitsOf(tok).length < (type === 'OTHER_ID' ? 3 : 4))) break;
      let start = tokStart;
      // Digit groups separated by single spaces belong to the same number ("1234 5678 9012").
      const rest = DIGIT_GROUPS.exec(text.slice(end, end + 40));
      if (rest && /\d$/.test(tok)) end += rest[0].length;
      let finalType: PhiType = type;
      let score = weak ? (via ? 0.82 : 0.75) : 0.93;
      // Membership and loyalty numbers of shops, gyms and libraries are identifiers, not health plan or bank numbers.
      if ((type === 'HEALTH_PLAN_ID' || type === 'ACCOUNT_NUMBER') && NON_HEALTH_MEMBER.test(before(text, m.index, 24))) finalType = 'OTHER_ID';
      const kwLower = kw.replace(/\s+/g, ' ');
      // "registration number 7781203 at the hospital": a registration number said with a place of care is a patient's.
      if (type === 'VEHICLE_ID' && kwLower.startsWith('registration') && CARE_PLACE.test(text.slice(end, end + 32))) finalType = 'MRN';
      if (type === 'LICENSE_NUMBER' && kwLower.startsWith('npi')) score = npiValid(tok) ? 0.99 : 0.85;
      if (type === 'LICENSE_NUMBER' && kwLower.startsWith('dea')) score = deaValid(tok) ? 0.99 : 0.85;
      if (type === 'DEVICE_ID' && kwLower.startsWith('imei')) score = imeiValid(tok) ? 0.99 : 0.85;
      if (type === 'HEALTH_PLAN_ID' && mbiValid(tok)) score = 0.99;
      // An NHS number (a health service's beneficiary number) with its check digit: "NHS number 943 476 5919".
      if (type === 'HEALTH_PLAN_ID' && /^(?:nhs|chi)/.test(kwLower) && nhsValid(text.slice(start, end))) score = 0.99;
      if (type === 'ACCOUNT_NUMBER' && cardValid(text.slice(start, end))) score = 0.99;
      if (type === 'VEHICLE_ID' && tok.length === 17) score = vinValid(tok) ? 0.99 : 0.9;
      if (start < 0) start = 0;
      out.push({ type: finalType, start, end, score, source: `id.${type.toLowerCase()}` });
      found = true;
      break;
    }
    // "00448127 is my MRN", "R2291004 (my hospital number)", "KPX4491 -- that is my member ID", "they wrote 7781203 as
    // my MRN": the ID written first.
    if (!found && !weak) {
      const lead = text.slice(Math.max(0, m.index - 48), m.index);
      const back = /\d/.test(lead) ? ID_BEFORE.exec(lead) : null;
      if (back) {
        const tok = back[1]!;
        const start = m.index - back[0].length;
        if (looksLikeId(tok, type) && !YEAR.test(tok) && !DATE_TOKEN.test(tok) && digitsOf(tok).length >= 4 && tok.length >= 5) {
          out.push({ type, start, end: start + tok.length, score: 0.8, source: `id.${type.toLowerCase()}.before` });
        }
      }
    }
  }
}
const CARE_PLACE = /^[^.!?\n]{0,12}\b(?:hospital|clinic|infirmary|surgery|ward|a&e|er|gp|oncology|cancer (?:centre|center)|practice)\b/i;
/** An ID-shaped token, then a connector ("is my", "as my", "(my", "-- that is my", "the") right before the keyword. */
const ID_BEFORE = /(?<![\w-])([A-Za-z0-9][A-Za-z0-9-/.]*[A-Za-z0-9])[ \t]*(?:(?:\(|--|–|—|,)[ \t]*(?:(?:that|it)[ \t]+is|that'?s|it'?s)?|(?:is|was|as|=|that'?s|that[ \t]+is|it'?s)|)[ \t]*(?:my|her|his|their|our|the|your)[ \t]+(?:(?:new|old|current)[ \t]+)?$/i;
const DATE_TOKEN = /^\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{1,4})?$/;

// ---------------------------------------------------------------- identifiers recognised by their own structure

const CARD = /(?<![\w+-])\d(?:[ -]?\d){11,18}(?![\w-])/g;
const IBAN = /\b[A-Za-z]{2}\d{2}(?:[ ]?[A-Za-z0-9]{4}){2,7}(?:[ ]?[A-Za-z0-9]{1,4})?\b/g;
const VIN = /\b[A-HJ-NPR-Za-hj-npr-z0-9]{17}\b/g;
const MBI_RE = /\b[1-9][A-Za-z][A-Za-z0-9]\d-?[A-Za-z][A-Za-z0-9]\d-?[A-Za-z]{2}\d{2}\b/g;
const MAC = /\b(?:[0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}\b/g;
const DEA = /\b[A-Za-z][A-Za-z9]\d{7}\b/g;

export function structuredIds(text: string, out: Candidate[]): void {
  for (const m of text.matchAll(CARD)) {
    if (cardValid(m[0])) out.push({ type: 'ACCOUNT_NUMBER', start: m.index, end: m.index + m[0].length, score: 0.88, source: 'id.card' });
  }
  for (const m of text.matchAll(IBAN)) {
    if (ibanValid(m[0])) out.push({ type: 'ACCOUNT_NUMBER', start: m.index, end: m.index + m[0].length, score: 0.97, source: 'id.iban' });
  }
  for (const m of text.matchAll(VIN)) {
    const letters = m[0].replace(/\d/g, '').length;
    if (letters < 3 || letters > 14) continue;
    if (vinValid(m[0])) out.push({ type: 'VEHICLE_ID', start: m.index, end: m.index + m[0].length, score: 0.9, source: 'id.vin' });
  }
  for (const m of text.matchAll(MBI_RE)) {
    if (mbiValid(m[0])) out.push({ type: 'HEALTH_PLAN_ID', start: m.index, end: m.index + m[0].length, score: 0.85, source: 'id.mbi' });
  }
  if (text.includes(':') || text.includes('-')) {
    for (const m of text.matchAll(MAC)) out.push({ type: 'DEVICE_ID', start: m.index, end: m.index + m[0].length, score: 0.85, source: 'id.mac' });
  }
  for (const m of text.matchAll(DEA)) {
    if (deaValid(m[0])) out.push({ type: 'LICENSE_NUMBER', start: m.index, end: m.index + m[0].length, score: 0.6, source: 'id.dea' });
  }
}

// ---------------------------------------------------------------- ZIP codes

const ZIP = /(?<![\w$.,/-])(\d{5})(?:-(\d{4}))?(?![\w-]|[.,/]\d)/g;
const STATE_NAMES = [...US_STATES.keys()].map((s) => s.replace(/ /g, '\\s+')).join('|');
const ID_NOT_IDAHO = /\b(?:member|patient|photo|student|plan|user|group|subscriber|insurance|medicaid|medicare|employee|policy|my|your|his|her|their|our|the|an?)\s+ID\.?,?[ \t]*$/i;
const STATE_BEFORE = new RegExp(String.raw`(?:\b([A-Z]{2})|\b(${STATE_NAMES}))\.?,?[ \t]*\n?[ \t]*$`, 'i');
/**
 * The words that name a postcode. Longest first: with "zip" first, "zip code is 3520" matched "zip" + "code" and never
 * reached the number.
 */
const ZIP_LABEL = String.raw`(?:zip code|zipcode|postal code|post code|postcode|zip)`;
const ZIP_CONTEXT = new RegExp(String.raw`\b${ZIP_LABEL}s?\b[^.!?\n]{0,20}$`, 'i');
// A second part has a digit ("K1A 0B1", "462 57"), so a word after the code is not taken ("4817 if").
const ZIP_INTL = new RegExp(String.raw`\b${ZIP_LABEL}\s*(?:is|was|:|#)?\s*([A-Za-z0-9]{2,5}(?:[- ](?=[A-Za-z]*\d)[A-Za-z0-9]{2,4})?)\b`, 'gi');

/** Postcodes of other countries: 4 to 6 digits, 123 45, 12-345, 1234-567, 01310-100, 100-0001, 1234 AB, UK and Canadian forms. */
const POSTCODE = String.raw`(?:\d{4}[ \t]?[A-Z]{2}(?![\w])|\d{4}-\d{3}|\d{5}-\d{3,4}|\d{3}-\d{4}|\d{3}[ \t]\d{2}(?!\d)|\d{2}-\d{3}|\d{4,6}|[A-Z]{1,2}\d[A-Z\d]?[ \t]\d[A-Z]{2}|[A-Z]\d[A-Z][ \t]?\d[A-Z]\d)`;
/** "in Bjert 6091", "in Quinta de São Tiago 3610-114", "Kraków 30-001": a town then its postcode. */
const TOWN_POSTCODE = new RegExp(String.raw`(?<![\p{L}\d])(\p{Lu}[\p{L}\p{M}'’.-]*(?:[ \t]+(?:\p{Lu}[\p{L}\p{M}'’.-]*|de|da|do|del|la|le|sur|am|an|im|nad|u)){0,3})[ \t]*,?[ \t]+(${POSTCODE})(?![\w-]|[.,]\d|[ \t]\d)`, 'gu');
/** "75008 Paris", "1000 Bruxelles": a postcode then a known town. */
const POSTCODE_TOWN = new RegExp(String.raw`(?<![\w$.,/-])((?:[A-Z]{1,2}-)?\d{4,5}|\d{2}-\d{3}|\d{3}[ \t]\d{2})[ \t]+(\p{Lu}[\p{L}\p{M}'’-]+(?:[ \t]+\p{Lu}[\p{L}\p{M}'’-]+)?)`, 'gu');
const CANADA_POSTCODE = /\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ \t]?\d[ABCEGHJ-NPRSTV-Z]\d\b/g;

function townOk(words: string): boolean {
  const ws = words.split(/[ \t]+/);
  const first = fold(ws[0]!);
  if (COMMON_WORDS.has(first) || MONTHS.has(first) || /^(?:room|suite|apt|unit|stage|phase|level|floor|building|bldg|box|step|week|day|page|chapter|version|model|type|grade|class|section|ward|bed|cpt|icd|ndc|hcpcs|lot|batch|model|form|code|error|ver|part|sku|upc|rx|mrn|id|pin|dose|size|tier|group)$/.test(first)) return false;
  // Short all-capital codes ("CPT", "ICD") are not towns unless the gazetteer knows a sizeable one.
  if (/^[A-Z]{2,4}$/.test(words) && (PLACES.get(fold(words)) ?? -1) < 10000) return false;
  if (US_STATE_ABBRS.has(ws[ws.length - 1]!) || US_STATES.has(fold(words))) return false;
  return !COUNTRIES.has(fold(words));
}

export function postcodes(text: string, out: Candidate[]): void {
  for (const m of text.matchAll(TOWN_POSTCODE)) {
    const town = m[1]!;
    const code = m[2]!;
    if (YEAR.test(code)) continue;
    if (!townOk(town)) {
      // "Bangladesh 71366", "Brazil, 01310-100": a country, then a postcode that ends the phrase (no "12000 cases").
      if (COUNTRIES.has(fold(town)) && /\d{4}/.test(code) && /^[ \t]*(?:$|[\n,.;:!?)])/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 3))) {
        const at = m.index + m[0].length - code.length;
        out.push({ type: 'ZIP', start: at, end: at + code.length, score: 0.75, source: 'zip.country' });
      }
      continue;
    }
    const b = before(text, m.index, 12);
    const known = (PLACES.get(fold(town)) ?? -1) >= 1000;
    const cue = /(?:\b(?:in|at|from|near|to|of|around|outside|visit|visiting|visited|via)|[,:\n])[ \t]*$/.test(b) || m.index === 0;
    if (!known && !cue) continue;
    const codeStart = m.index + m[0].length - code.length;
    out.push({ type: 'ZIP', start: codeStart, end: codeStart + code.length, score: 0.8, source: 'zip.town' });
    out.push({ type: 'LOCATION', start: m.index, end: m.index + town.length, score: 0.75, source: 'location.postcode' });
  }
  for (const m of text.matchAll(POSTCODE_TOWN)) {
    const code = m[1]!;
    if (YEAR.test(code)) continue;
    const town = m[2]!;
    const single = town.split(/[ \t]+/)[0]!;
    const known = (PLACES.get(fold(town)) ?? PLACES.get(fold(single)) ?? -1) >= 1000;
    // "00-950 Warszawa", "D-80331 München": a postal shape of its own, then any town at the start of a line or after a comma.
    const shaped = /^(?:\d{2}-\d{3}|[A-Z]{1,2}-\d{4,5})$/.test(code) && (m.index === 0 || /(?:^|[,:\n]|\b(?:in|at|to|from))[ \t]*$/.test(before(text, m.index, 8)));
    if ((!known && !shaped) || !townOk(town)) continue;
    out.push({ type: 'ZIP', start: m.index, end: m.index + code.length, score: 0.75, source: 'zip.town' });
  }
  for (const m of text.matchAll(CANADA_POSTCODE)) out.push({ type: 'ZIP', start: m.index, end: m.index + m[0].length, score: 0.8, source: 'zip.ca' });
  // UK postcodes are distinctive when the area letters are real ones ("SW1A 1AA", "M1 1AE").
  for (const m of text.matchAll(UK_POSTCODE)) {
    if (UK_AREAS.has(m[1]!)) out.push({ type: 'ZIP', start: m.index, end: m.index + m[0].length, score: 0.8, source: 'zip.uk' });
  }
  if (text.includes('\n')) postcodeLines(text, out);
  lowerTownPostcodes(text, out);
}

const UK_POSTCODE = /\b([A-Z]{1,2})\d[A-Z\d]?[ \t]\d[ABD-HJLNP-UW-Z]{2}\b/g;
const UK_AREAS = new Set(('AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY E EC EH EN EX FK FY G GL '
  + 'GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA LD LE LL LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR '
  + 'RG RH RM S SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV YO ZE').split(' '));

/** A postcode alone on the last lines of an address block ("…\n   Tujetsch\n   nan\n   7188"). */
const POSTCODE_LINE = new RegExp(String.raw`\n[ \t]*(${POSTCODE}|\d{3}|[A-Z]{1,2}-\d{4,5})[ \t]*(?=\n|$)`, 'g');
function postcodeLines(text: string, out: Candidate[]): void {
  for (const m of text.matchAll(POSTCODE_LINE)) {
    const code = m[1]!;
    if (YEAR.test(code)) continue;
    const lines = text.slice(Math.max(0, m.index - 160), m.index).split('\n').slice(-4);
    const prev = lines[lines.length - 1]!.trim();
    // The line above is a town, a state or region code, or Faker's empty "nan"; a street (digits and words) or the word
    // "address" comes before it in the same block.
    if (!prev || prev.length > 40 || /\d|[.!?]$/.test(prev) || !/^\p{Lu}|^nan$/u.test(prev)) continue;
    if (!lines.some((l) => /\p{L}{2}.*\d|\d.*\p{L}{2}/u.test(l)) && !/address/i.test(lines.join(' '))) continue;
    const start = m.index + m[0].indexOf(code);
    out.push({ type: 'ZIP', start, end: start + code.length, score: 0.75, source: 'zip.line' });
  }
}

/** "in barra de carrasco 15000": a known town written in lower case, then a postcode (gazetteer only). */
const BARE_CODE = /(?<![\w$.,/-])\d{4,5}(?![\w-]|[.,]\d)/g;
const LOWER_WORDS_BEFORE = /(?:^|[^\p{L}\d])((?:\p{Ll}[\p{Ll}\p{M}'’-]*[ \t]+){1,3})$/u;
function lowerTownPostcodes(text: string, out: Candidate[]): void {
  for (const m of text.matchAll(BARE_CODE)) {
    const code = m[0];
    const end = m.index + code.length;
    if (YEAR.test(code) || m.index < 4 || !/\p{Ll}[ \t]$/u.test(text.slice(m.index - 2, m.index))) continue;
    const lw = LOWER_WORDS_BEFORE.exec(text.slice(Math.max(0, m.index - 48), m.index));
    if (!lw || QUANTITY_AFTER.test(text.slice(end, end + 12))) continue;
    const run = lw[1]!;
    const words = run.trim().split(/[ \t]+/);
    for (let k = words.length; k >= 1; k--) {
      const town = words.slice(words.length - k).join(' ');
      if (k === 1 && town.length < 5) continue;
      if ((PLACES.get(fold(town)) ?? -1) < 1000 || COMMON_WORDS.has(fold(words[words.length - k]!))) continue;
      const lead = text.slice(Math.max(0, m.index - run.length - 8), m.index - run.length) + run.slice(0, run.length - town.length - 1) + ' ';
      if (!/\b(?:in|at|from|near|to)[ \t]+$/.test(lead)) continue;
      out.push({ type: 'ZIP', start: m.index, end, score: 0.7, source: 'zip.town.lower' });
      break;
    }
  }
}

const RESIDENCE_POSTCODE = new RegExp(String.raw`\b(?:live[sd]?|living|moved|moving|relocated|relocating|based|located|reside[sd]?|residing|grew up)[ \t]+(?:in|to|at|near)[ \t]+(?:the[ \t]+)?(${POSTCODE}|\d{5}-\d{4})(?![\w-]|[.,]\d|[ \t]\d)`, 'gi');
const ZIP_LABEL_AFTER = new RegExp(String.raw`^[ \t]*(?:\(|,|-)?[ \t]*(?:(?:is|was)[ \t]+)?(?:(?:my|our|the|their|his|her)[ \t]+)?${ZIP_LABEL}\b`, 'i');

export function zips(text: string, out: Candidate[]): void {
  for (const m of text.matchAll(ZIP)) {
    const five = m[1]!;
    const b = text.slice(Math.max(0, m.index - 30), m.index);
    const st = STATE_BEFORE.exec(b);
    // "ID" is Idaho after a town ("Boise, ID 83702"), not after a word that makes it an identifier ("member ID 88231-0045").
    const stateOk = st ? (st[1] ? US_STATE_ABBRS.has(st[1]) && !(st[1] === 'ID' && ID_NOT_IDAHO.test(b)) : true) : false;
    const context = ZIP_CONTEXT.test(b);
    const known = ZIP_CODES.has(five);
    let score = 0;
    if (context) score = 0.97;
    else if (stateOk) score = known ? 0.97 : 0.85;
    else if (m[2] && known) score = 0.85;
    else if (known && /\b(?:area|neighborhood|zone)\b/i.test(after(text, m.index + m[0].length, 15))) score = 0.7;
    else if (ZIP_LABEL_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 30))) score = 0.9;
    if (score > 0) out.push({ type: 'ZIP', start: m.index, end: m.index + m[0].length, score, source: 'zip' });
  }
  // "we live in 94107", "moved to 02139 last spring", "60614 is my zip": a residence verb before, or the label after.
  for (const m of text.matchAll(RESIDENCE_POSTCODE)) {
    const code = m[1]!;
    const end = m.index + m[0].length;
    if (YEAR.test(code) || QUANTITY_AFTER.test(text.slice(end, end + 12))) continue;
    out.push({ type: 'ZIP', start: end - code.length, end, score: 0.75, source: 'zip.residence' });
  }
  for (const m of text.matchAll(ZIP_INTL)) {
    const v = m[1]!;
    if (!/\d/.test(v)) continue;
    const start = m.index + m[0].length - v.length;
    out.push({ type: 'ZIP', start, end: start + v.length, score: 0.9, source: 'zip.context' });
  }
}
