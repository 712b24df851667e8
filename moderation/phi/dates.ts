/**
 * Dates tied to a person (birth, admission, surgery, appointment...) and ages over 89.
 * Not reported: bare years, weekdays, times, durations ("3 years"), ages under 90.
 */
import { after, before, type Candidate } from './candidates.js';
import { isAnyName, isEnglishWord, isFirstName, isLastName } from './gazetteer.js';
import { COMMON_WORDS } from './lexicon.js';

const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
const DAY = String.raw`(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?`;
const YEAR = String.raw`(?:(?:19|20)\d\d|'\d\d)`;
const TIME = String.raw`(?:,?\s*(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?)?`;

const MONTH_DAY = new RegExp(String.raw`\b(${MONTH})\.?\s+(?:the\s+)?(${DAY})\b(?:,?\s+${YEAR}\b)?`, 'gi');
const DAY_MONTH = new RegExp(String.raw`\b(?:the\s+)?(${DAY})\s+(?:of\s+)?(${MONTH})\b\.?(?:,?\s+${YEAR}\b)?`, 'gi');
const MONTH_YEAR = new RegExp(String.raw`\b(${MONTH})\.?,?\s+(?:of\s+)?(${YEAR})\b`, 'gi');
const NUMERIC = /(?<![\w/.-])(\d{1,4})([/.-])(\d{1,2})\2(\d{2,4})(?![\w/]|[.-]\d)/g;
const ISO_TIME = /^[ T]\d{2}:\d{2}(?::\d{2})?/;
const SHORT = /(?<![\w/.-])(\d{1,2})\/(\d{1,2})(?![\w/]|[.-]\d)/g;
const SHORT_CONTEXT =
  /\b(?:on|since|from|until|till|til|by|before|after|dob|d\.o\.b\.?|born|birthday|bday|b-day|due|scheduled|appt|appointment|surgery|admitted|discharged|dated|date|died|passed|diagnosed|dx'?d|started|starting|next|last|of)\b[^.!?\n]{0,12}$/;
const UNIT_AFTER = /^\s*(?:mg|mcg|ml|units?|iu|pills?|tabs?|tablets?|capsules?|doses?|times|x\b|pain|scale|hours?|hrs?|mins?|minutes|days?|weeks?|%|lbs?|kg|pounds)/i;

function validMonthDay(month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

export function dates(text: string, out: Candidate[]): void {
  for (const m of text.matchAll(MONTH_DAY)) {
    // "may" is usually the verb: only a date when capitalised or clearly a day ("may 3rd").
    if (/^may$/i.test(m[1]!) && m[1] !== 'May' && !/(?:st|nd|rd|th)$/i.test(m[2]!)) continue;
    const end = m.index + m[0].length;
    if (UNIT_AFTER.test(text.slice(end, end + 12))) continue;
    const t = new RegExp(`^${TIME}`, 'i').exec(text.slice(end, end + 16));
    out.push({ type: 'DATE', start: m.index, end: end + (t?.[0].length ?? 0), score: 0.9, source: 'date.month_day' });
  }
  for (const m of text.matchAll(DAY_MONTH)) {
    if (/^may$/i.test(m[2]!) && m[2] !== 'May') continue;
    const start = m.index + (m[0].toLowerCase().startsWith('the ') ? 4 : 0);
    out.push({ type: 'DATE', start, end: m.index + m[0].length, score: 0.88, source: 'date.day_month' });
  }
  for (const m of text.matchAll(MONTH_YEAR)) {
    if (/^may$/i.test(m[1]!) && m[1] !== 'May') continue;
    out.push({ type: 'DATE', start: m.index, end: m.index + m[0].length, score: 0.75, source: 'date.month_year' });
  }
  for (const m of text.matchAll(NUMERIC)) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const c = m[4]!;
    const sep = m[2]!;
    let ok = false;
    if (m[1]!.length === 4) ok = a >= 1900 && a <= 2099 && validMonthDay(b, Number(c)) && c.length <= 2;
    else if (c.length === 4 || (c.length === 2 && sep === '/')) {
      const y = Number(c);
      ok = (c.length === 2 || (y >= 1900 && y <= 2099)) && (validMonthDay(a, b) || validMonthDay(b, a));
    }
    if (!ok) continue;
    let end = m.index + m[0].length;
    const t = ISO_TIME.exec(text.slice(end, end + 10));
    if (t) end += t[0].length;
    out.push({ type: 'DATE', start: m.index, end, score: 0.92, source: 'date.numeric' });
  }
  for (const m of text.matchAll(SHORT)) {
    if (!validMonthDay(Number(m[1]), Number(m[2]))) continue;
    if (!SHORT_CONTEXT.test(before(text, m.index, 30))) continue;
    const end = m.index + m[0].length;
    if (UNIT_AFTER.test(text.slice(end, end + 12))) continue;
    out.push({ type: 'DATE', start: m.index, end, score: 0.75, source: 'date.short' });
  }
}

// ---------------------------------------------------------------- ages over 89

const AGE_NUM = String.raw`(9\d|1[01]\d)`;
const AGE_WORD = String.raw`(ninety(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|(?:one|a) hundred(?:[- ]and[- ](?:one|two|three|four|five|six|seven|eight|nine|ten))?)`;
/** Not an age when one of these follows the number (doses, lab values, vitals, percentages, times). */
const NOT_AGE_AFTER = String.raw`(?!\s*(?:mg|mcg|%|lbs?|kg|units?|min|minutes|mins|days|percent|pounds|degrees|bpm|mmhg|mg\/dl|fasting|\/|\.\d|:\d|am\b|pm\b|a\.m|p\.m|on\s+(?:the|my|his|her)\s+(?:scale|meter|glucometer)))`;
/** Family members and other people whose age gets mentioned ("my great-grandpa", "father-in-law", "MIL"). */
const AGE_PERSON = String.raw`(?:(?:great[- ]?)*grand(?:ma|pa|mother|father|dad|mom|mum)|nana|nan|granny|gran|grams|gramps|mom|mum|mother|dad|father|aunt|auntie|uncle|husband|wife|neighbou?r|patient|pt|(?:mother|father|mom|dad)[- ]in[- ]law|mil|fil|friend|sister|brother|cousin)`;
const AGE_PATTERNS: RegExp[] = [
  // "grandma, who is 94", "my uncle who's 96 now".
  new RegExp(String.raw`\bwho(?:\s+is|\s+was|'s|’s|\s+will\s+be|\s+just\s+turned)\s+(?:now\s+|almost\s+|nearly\s+)?${AGE_NUM}\b${NOT_AGE_AFTER}`, 'gi'),
  // "Mom's 92 now", "my great-grandpa just hit 100", "grandpa reached 101".
  new RegExp(String.raw`\b${AGE_PERSON}(?:'s|’s|\s+(?:is|was|will\s+be|just\s+(?:hit|turned)|hit|reached|turned|turns))\s+(?:now\s+|almost\s+|nearly\s+|just\s+)?${AGE_NUM}\b${NOT_AGE_AFTER}`, 'gi'),
  // "She'll be 91", "he's almost 99", "I'm nearly 90".
  new RegExp(String.raw`\b(?:she|he|they|i)(?:'ll|’ll|\s+will)\s+be\s+(?:almost\s+|nearly\s+)?${AGE_NUM}\b${NOT_AGE_AFTER}`, 'gi'),
  new RegExp(String.raw`\b(?:she|he|i)(?:'s|’s|'m|’m|\s+is|\s+am)\s+(?:now\s+|almost\s+|nearly\s+|just\s+)${AGE_NUM}\b${NOT_AGE_AFTER}`, 'gi'),
  // "my father-in-law (96)", "my aunt, 97, still lives alone".
  new RegExp(String.raw`\b${AGE_PERSON}\s*(?:\(\s*${AGE_NUM}\s*\)|,\s*${AGE_NUM}\s*,)`, 'gi'),
  // Clinical shorthand: "Pt: 95F", "patient 92 M".
  new RegExp(String.raw`\b(?:pt|patient)\s*[:,]?\s*${AGE_NUM}\s*(?:f|m|yo|y\/o)\b`, 'gi'),
  // "she celebrated her 102nd".
  new RegExp(String.raw`\bcelebrat\w*\s+(?:her|his|their|my|our)\s+${AGE_NUM}(?:st|nd|rd|th)\b`, 'gi'),
  new RegExp(String.raw`\b${AGE_NUM}(?:\s*|-)(?:years?|yrs?|y\.?o\.?|yo|y\/o)(?![\w/])(?:[\s-]*old)?`, 'gi'),
  // Ages in words: "ninety-three years old", "she is ninety-one", "turned a hundred".
  new RegExp(String.raw`\b${AGE_WORD}[\s-]+(?:years?|yrs?)[\s-]+old\b`, 'gi'),
  new RegExp(String.raw`\b(?:age|aged|turned|turning|turns|is|was|she'?s|he'?s|i'?m|will be)\s+(?:now\s+|almost\s+|nearly\s+)?${AGE_WORD}\b(?!\s*(?:percent|%|pounds|lbs|degrees|minutes|mins|days|mg|dollars|bucks|times|miles|steps))`, 'gi'),
  new RegExp(String.raw`\b(?:age|aged|ages|turned|turning|turns|will be|she'?s|he'?s|i'?m)\s+${AGE_NUM}\b(?!\s*(?:mg|mcg|%|lbs?|kg|units?|min|minutes|mins|days|percent|pounds|degrees|bpm|mmhg|\/|\.\d|:\d|am|pm|a\.m|p\.m))`, 'gi'),
  new RegExp(String.raw`\b${AGE_NUM}(?:st|nd|rd|th)\s+birthday`, 'gi'),
  new RegExp(String.raw`\b(?:grand(?:ma|pa|mother|father|dad|mom)|nana|granny|gran|mom|mum|mother|dad|father|aunt|uncle|patient|neighbor|neighbour)\s+(?:is|was|just turned|turned|will be)\s+(?:now\s+)?${AGE_NUM}\b(?!\s*(?:mg|%|lbs?|kg|units?|min|minutes|days|percent|pounds|degrees|bpm|\/|\.\d|:\d))`, 'gi'),
  new RegExp(String.raw`\b(?:he|she|they)\s+(?:is|was|will be|turned|just turned|turns)\s+(?:now\s+)?${AGE_NUM}\b(?!\s*(?:mg|%|lbs?|kg|units?|min|minutes|days|percent|pounds|degrees|bpm|\/|\.\d|:\d))`, 'gi'),
  /\bin\s+(?:his|her|their|my|our)\s+(?:late\s+|early\s+|mid[-\s])?((?:9|10)0'?s|nineties)\b/gi,
  // "at 93 she still…", "at age 96", "age: 91", "93 years young", "a 94-yr-old", "grandma (95)".
  new RegExp(String.raw`\bat\s+(?:the\s+age\s+of\s+|age\s+)?${AGE_NUM}\b(?=\s*,?\s*(?:she|he|they|i|my|her|his|grand\w*|mom|dad|years?\b))`, 'gi'),
  new RegExp(String.raw`\bage\s*:\s*${AGE_NUM}\b`, 'gi'),
  new RegExp(String.raw`\b${AGE_NUM}(?:\s*|-)(?:years?|yrs?)[\s-]+young\b`, 'gi'),
  new RegExp(String.raw`\b(?:grand(?:ma|pa|mother|father|dad|mom)|nana|granny|gran|mom|mum|mother|dad|father|aunt|uncle|husband|wife|neighbou?r)\s*\(${AGE_NUM}\)`, 'gi'),
];

/** "Ethan is 94": a census name right before "is". */
const NAME_IS_AGE = new RegExp(String.raw`\b([A-Z][\p{Ll}]+)(?:\s+[A-Z][\p{Ll}'’-]+)?\s+(?:is|was|turned|just turned|turns)\s+${AGE_NUM}\b(?!\s*(?:mg|%|lbs?|kg|units?|min|minutes|days|percent|pounds|degrees|bpm|\/|\.\d|:\d))`, 'gu');

/** Every age pattern needs a number from 90 to 119 or a number word: skip the scans when there is none. */
const AGE_GATE = /(?<!\d)(?:9\d|1[01]\d)(?!\d)|ninet|hundred/i;

const AGE_GATE_G = new RegExp(AGE_GATE.source, 'gi');

/** Runs the age patterns only on windows around the numbers and number words that could be an age over 89. */
export function ages(text: string, out: Candidate[]): void {
  if (!AGE_GATE.test(text)) return;
  const windows: Array<[number, number]> = [];
  for (const g of text.matchAll(AGE_GATE_G)) {
    let a = Math.max(0, g.index - 70);
    // Start the window between words, so that a \b at its edge is a real word boundary.
    while (a > 0 && /[\p{L}\d'’]/u.test(text[a - 1]!)) a--;
    const b = Math.min(text.length, g.index + g[0].length + 40);
    const last = windows[windows.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else windows.push([a, b]);
  }
  for (const [a, b] of windows) agesIn(text, text.slice(a, b), a, out);
}

function agesIn(text: string, w: string, base: number, out: Candidate[]): void {
  for (const m of w.matchAll(NAME_IS_AGE)) {
    const name = m[1]!;
    if (COMMON_WORDS.has(name.toLowerCase()) || !(isFirstName(name) || isLastName(name) || (isAnyName(name) && !isEnglishWord(name)))) continue;
    const start = base + m.index + m[0].length - m[2]!.length;
    out.push({ type: 'AGE_OVER_89', start, end: start + m[2]!.length, score: 0.8, source: 'age.name' });
  }
  for (const re of AGE_PATTERNS) {
    for (const m of w.matchAll(re)) {
      const num = m[1] ?? m[2]!;
      const offset = m[0].indexOf(num);
      const start = base + m.index + offset;
      const context = /\b(?:age|aged|years?|yrs?|yo|y\/o|birthday|old|young|turned|nineties)\b|\(/i.test(m[0]) || /\bold\b/i.test(after(text, start + num.length, 12));
      out.push({ type: 'AGE_OVER_89', start, end: start + num.length, score: context ? 0.92 : 0.75, source: 'age' });
    }
  }
}
