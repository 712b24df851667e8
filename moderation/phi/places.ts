/** Street addresses (with their city, state and ZIP when written together) and post-office boxes. */
import { before, type Candidate } from './candidates.js';
import { isEnglishWord, placePopulation } from './gazetteer.js';
import { COMMON_WORDS, DRUGS, US_STATE_ABBRS, US_STATES } from './lexicon.js';

const SUFFIX = String.raw`(?:Street|St|Avenue|Ave|Av|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Ter|Parkway|Pkwy|Highway|Hwy|Circle|Cir|Trail|Trl|Square|Sq|Loop|Alley|Crescent|Cres|Close|Grove|Path|Pike|Plaza|Ridge|Run|Walk|Heights|Hts|Crossing|Xing|Commons|Expressway|Expy|Freeway|Fwy|Route|Rte|Row|Mews|Gardens|Gdns|Green|Hill|Estates|Point|Pt|Landing|Manor|Park|View|Vista|Bend|Cove|Glen|Hollow)`;
const DIRECTION = String.raw`(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\.?`;
const STREET_WORD = String.raw`(?:[A-Z][A-Za-z'’.-]*|\d{1,3}(?:st|nd|rd|th)|[A-Z])`;
const UNIT = String.raw`(?:,?\s*(?:Apt|Apartment|Unit|Suite|Ste|Fl|Floor|Bldg|Building|Rm|Room|Lot|Box|#)\.?\s*#?[A-Za-z0-9-]{1,6}\b)`;
const STREET = new RegExp(
  String.raw`\b\d{1,6}[A-Za-z]?(?:-\d{1,4})?\s+(?:${DIRECTION}\s+)?(?:${STREET_WORD}\s+){1,4}?${SUFFIX}\b\.?(?:\s+${DIRECTION}(?![\w]))?${UNIT}?`,
  'g',
);
const STREET_LOWER = /\b\d{1,6}\s+(?:[a-z]+\s+){1,3}(?:street|st|avenue|ave|road|rd|lane|ln|drive|dr|court|ct|boulevard|blvd|way|place|terrace|circle|parkway)\b/gi;
const LOWER_CONTEXT = /\b(?:live|lives|living|lived|address|at|on|moved|house|home|apartment|apt|stay|staying)\b[^.!?\n]{0,12}$/;
const EURO_STREET = /\b[A-ZÀ-Þ][\p{L}'-]*(?:straße|strasse|str\.|weg|gasse|platz|allee|damm|ufer|steig|chaussee|laan|straat|gracht|plein|kade|singel|dreef|vej|gade|stræde|plads|gatan|gata|vägen|väg|gränd|veien|vegen|bakken|vegur|braut|stígur|katu|tie|polku|kuja|kaari|tänav|iela|gatve|utca|ulica|sokak|caddesi)\s+\d{1,4}[a-z]?\b/gu;
/** Hungarian "Király u. 23." (u. = utca, út, krt.): a capitalised name, the abbreviation, a house number. */
const HU_STREET = /\b\p{Lu}[\p{L}'-]+(?:[ \t]\p{Lu}[\p{L}'-]+)?[ \t](?:u\.|utca|út|krt\.|körút|tér)[ \t]+\d{1,4}\.?(?![\d])/gu;
const ROMANCE_STREET = /\b(?:Rue|Avenue|Av\.|Via|Viale|Vicolo|Corso|Calle|Avenida|Av|Rua|Travessa|Largo|Alameda|Estrada|Rodovia|Colonia|Vila|Camino|Carretera|Ronda|Carrer|Passeig|Rambla|Piazza|Plaza|Praça|Paseo|Boulevard|Chemin|Allée|Impasse|Quai|Strada)\s+(?:[\p{L}'’.-]+\s+){1,4}?\d{1,4}[a-z]?\b/gu;
const PO_BOX = /\b(?:P\.?\s?O\.?|Post Office)\s*Box\s+\d{1,6}\b/gi;
const STATE_NAMES = [...US_STATES.keys()].map((s) => s.replace(/\b\w/g, (c) => c.toUpperCase()).replace(/ /g, '\\s+')).join('|');
/** After a street: ", City, ST 12345" (each part optional, city only when a state or ZIP follows or it is a known place). */
const TAIL = new RegExp(
  String.raw`^(?:,?[ \t]*\n?[ \t]*((?:[A-Z][A-Za-z.'’-]+[ \t]){0,2}[A-Z][A-Za-z.'’-]+))?(?:,?[ \t]*\n?[ \t]*\b(${STATE_NAMES}|[A-Z]{2})\b\.?)?(?:,?[ \t]*(\d{5}(?:-\d{4})?)\b)?`,
);


function extend(text: string, end: number): number {
  const m = TAIL.exec(text.slice(end, end + 60));
  if (!m || m[0].length === 0) return end;
  const city = m[1];
  const state = m[2];
  const zip = m[3];
  const stateOk = state !== undefined && (state.length > 2 || US_STATE_ABBRS.has(state));
  if (zip) return end + m[0].length;
  if (stateOk) return end + m[0].lastIndexOf(state!) + state!.length;
  if (city && /^,/.test(m[0])) {
    const cityEnd = end + m[0].indexOf(city) + city.length;
    // A known place, or any capitalised town that closes the sentence or line ("…, 43 P.O. Box 41, Arsuk").
    if (placePopulation(city) !== undefined || /^[ \t]*(?:[.!?][ \t]*)?(?:\n|$)/.test(text.slice(cityEnd, cityEnd + 4))) return cityEnd;
  }
  return end;
}

export function addresses(text: string, out: Candidate[]): void {
  for (const m of text.matchAll(STREET)) {
    // "Dr" and "St" also mean Doctor and Saint: "3 Dr Patel" is not an address.
    const last = /(\S+)\s*$/.exec(m[0].replace(UNIT_TAIL, ''))?.[1] ?? '';
    if (/^(?:Dr|St)\.?$/.test(last) && /^\s+[A-Z][a-z]/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 4))) continue;
    const end = extend(text, m.index + m[0].length);
    out.push({ type: 'ADDRESS', start: leadingNumber(text, m.index), end, score: 0.9, source: 'address.street' });
  }
  for (const m of text.matchAll(STREET_LOWER)) {
    if (!LOWER_CONTEXT.test(before(text, m.index, 30))) continue;
    out.push({ type: 'ADDRESS', start: m.index, end: extend(text, m.index + m[0].length), score: 0.8, source: 'address.lower' });
  }
  for (const re of [EURO_STREET, ROMANCE_STREET, HU_STREET]) {
    for (const m of text.matchAll(re)) {
      if (re === EURO_STREET) {
        const w = /^[\p{L}'-]+/u.exec(m[0])![0];
        if (isEnglishWord(w) || COMMON_WORDS.has(w.toLowerCase())) continue; // "Auntie 2", "Bowtie 3"
      }
      // A street-type suffix ("-strasse", "-vej", "-katu") plus a house number outranks a place read of the same words.
      out.push({ type: 'ADDRESS', start: m.index, end: extend(text, m.index + m[0].length), score: re === EURO_STREET ? 0.8 : 0.75, source: 'address.intl' });
    }
  }
  for (const m of text.matchAll(PO_BOX)) out.push({ type: 'ADDRESS', start: leadingNumber(text, m.index), end: extend(text, m.index + m[0].length), score: 0.9, source: 'address.pobox' });
}

const UNIT_TAIL = new RegExp(`${UNIT}$`);
const LEADING_NUMBER = /(?:^|[\n,:]|\b(?:at|to|is|on|of|in)\b)[ \t]*(\d{1,5}[A-Za-z]?[ \t]+)$/;

/** A building or lot number written before the house number ("04 55 Halsey Road", "17151 2450 Crown St") belongs to the address. */
function leadingNumber(text: string, start: number): number {
  const m = LEADING_NUMBER.exec(text.slice(Math.max(0, start - 12), start));
  return m ? start - m[1]!.length : start;
}

// ---------------------------------------------------------------- international and block addresses
//
// Street addresses written the way most of the world writes them ("Kromwater 38", "ul. Słowicza 10",
// "12 Gralla 30 Suite 617, HELSINKI", multi-line blocks with a unit line, a town line and a postcode).
// A span is grown token by token from an anchor that makes an address likely:
//  - a unit marker followed by a number ("Apt. 305", "Suite 568"): the street is the run of address-like
//    tokens before it (same line, or the line above when the unit has its own line);
//  - an address cue right before ("my address is", "live at", "send it to", "deliver to", "corner of" …);
//  - "street word(s) + house number" followed by a comma/line break and a capitalised town.
// Address-like tokens: numbers, capitalised words (any script), street particles ("de", "rue", "ul.", "út"),
// unit markers, postcodes. Growing stops at a lower-case word, a sentence end or an unknown line.

const ADDRESS_CUE = /\b(?:address(?:\s+is|\?\s*it\s+is|\?\s*it'?s)?|addr|live[sd]?\s+(?:at|on)|living\s+(?:at|on)|located\s+at|based\s+at|sen[dt]\s+(?:it\s+|them\s+|this\s+|that\s+)?to|ship(?:ped|ping)?\s+(?:it\s+)?to|deliver(?:ed|y)?\s+(?:it\s+)?to|mail(?:ed)?\s+(?:it\s+)?to|post(?:ed)?\s+(?:it\s+)?to|return(?:ed)?\s+(?:it\s+)?to|forward(?:ed)?\s+to|arrived\s+at|drops?\s+(?:you\s+|me\s+)?off\s+at|dropped\s+(?:you\s+|me\s+)?off\s+at|pick(?:ed)?\s+(?:me\s+|you\s+|us\s+)?up\s+(?:at|from)|taxi\s+to|uber\s+to|stay(?:ing)?\s+at|enter\s+on|corner\s+of|moved\s+to|move\s+to|visit(?:ing)?\s+(?:us|me|her|him|them)\s+at|it'?s\s+(?:at|in|on))[ \t]*:?[ \t]*\n?[ \t]*/gi;
const UNIT_WORD = /^(?:apt|apartment|suite|ste|unit|flat|fl|floor|bldg|building|room|rm|box|lgh|app|appt|wohnung|piso|étage)\.?$/i;
const PARTICLES = new Set(`de del della delle dei di da do dos das du des la le les los las el van von der den het ter ten y e i am an im in auf bei sur sous en
rue via viale vicolo calle carrer avenida av avenue rua travessa largo praça praca estrada rodovia paseo plaza chemin allée allee impasse quai place route
ul ulica aleja al os u utca út ut tér ter körút korut krt köz koz sor fasor sétány setany nad pod na nám náměstí třída trida
str straße strasse gasse weg platz allee ring damm ufer chaussee
straat laan weg plein kade gracht singel dreef hof
vej gade allé alle stræde plads vei veien gate gata gatan vägen väg gränd torg
tie katu kuja polku tori rinne
sokak sokağı caddesi cad mahallesi
street st road rd avenue ave lane ln drive dr court ct way place pl close crescent square sq terrace boulevard blvd
north south east west n s e w ne nw se sw`.split(/\s+/));
const ADDR_STOP = new Set(`the a an and or but so if of to in on at by for from with as is it its be am are was were has had have do does did not no my me we us our
you your he she him her his they them their this that these those what when where who why how which all any some just also then than now here there very
too i please last tonight today yesterday tomorrow night morning evening afternoon week month year case issue here soon asap thanks thank
will would could should can may might must been being get got go going come coming meet meeting call called see`.split(/\s+/));
const WEEKDAY_MONTH = /^(?:mon|tues|wednes|thurs|fri|satur|sun)day$|^(?:january|february|march|april|may|june|july|august|september|october|november|december)$/i;
const ABBREV = /^(?:[\p{L}]{1,3}|str|ave|apt|blvd|bldg|ste|st|rd|dr|ln|ct|pl|sq|ul|al|av|krt|nám|cad|no|nr)\.$/iu;
const ADDR_TOKEN = /[\p{L}\p{M}\d#][\p{L}\p{M}\d'’.\-/#]*/uy;

interface AddrTok { start: number; end: number; word: string; kind: 'num' | 'cap' | 'particle' | 'unit' | 'lower' }

function classify(word: string, lowerText: boolean): AddrTok['kind'] {
  const w = word.replace(/\.$/, '');
  if (/^#?\d{1,6}[A-Za-z]?$|^\d{1,5}[-/]\d{1,5}[A-Za-z]?$|^[A-Z]\d[A-Z]$|^\d[A-Z]\d$|^[A-Z]{1,2}\d[A-Z\d]?$|^\d[A-Z]{2}$/.test(w)) return 'num';
  if (UNIT_WORD.test(w)) return 'unit';
  const lower = w.toLowerCase();
  if (PARTICLES.has(lower) || PARTICLES.has(lower.replace(/\.$/, ''))) return 'particle';
  const first = w[0]!;
  if (first !== first.toLowerCase()) return ADDR_STOP.has(lower) || WEEKDAY_MONTH.test(w) ? 'lower' : 'cap';
  // In all-lower-case text, other words may be names of streets and towns (never common words).
  if (lowerText && /^\p{L}[\p{L}\p{M}'’-]{2,}$/u.test(w) && !ADDR_STOP.has(lower) && !COMMON_WORDS.has(lower)) return 'cap';
  return 'lower';
}

/** Tokens of one line segment, from `pos` (stops at a newline). */
function lineTokens(text: string, pos: number, lowerText: boolean, limit = 24): AddrTok[] {
  const toks: AddrTok[] = [];
  let p = pos;
  while (toks.length < limit) {
    while (p < text.length && (text[p] === ' ' || text[p] === '\t' || text[p] === ',' || text[p] === '\u00a0')) p++;
    if (p >= text.length || text[p] === '\n' || text[p] === '\r') break;
    ADDR_TOKEN.lastIndex = p;
    const m = ADDR_TOKEN.exec(text);
    if (!m) {
      // Other punctuation ("?", "!", quotes, brackets) is a barrier.
      toks.push({ start: p, end: p + 1, word: text[p]!, kind: 'lower' });
      p++;
      continue;
    }
    toks.push({ start: p, end: p + m[0].length, word: m[0], kind: classify(m[0], lowerText) });
    p += m[0].length;
  }
  return toks;
}

/**
 * Grows an address from `start`; returns its end, or -1 when what follows does not look like an address.
 * `lines` lets it continue on the following lines (address blocks); each extra line must be address-like as a whole.
 */
function grow(text: string, start: number, lowerText: boolean, lines: number, firstLineDigit = false): number {
  let end = -1;
  let digits = 0;
  let words = 0;
  let pos = start;
  for (let line = 0; line <= lines; line++) {
    const toks = lineTokens(text, pos, lowerText);
    if (line > 0) {
      // A following line joins only when every token on it is address-like and it is short.
      if (toks.length === 0 || toks.length > 7 || toks.some((t) => t.kind === 'lower') || (text.slice(toks[0]!.start, toks[toks.length - 1]!.end).length > 60)) break;
    }
    let lineEnd = -1;
    let prevGapComma = false;
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i]!;
      const gap = text.slice(i === 0 ? t.start : toks[i - 1]!.end, t.start);
      const comma = gap.includes(',');
      if (comma && prevGapComma && i > 0 && toks[i - 1]!.kind !== 'num') { /* two commas in a row of words: a list */ }
      prevGapComma = comma;
      if (t.kind === 'lower') break;
      if (t.kind === 'unit' && !(toks[i + 1]?.kind === 'num')) break;
      if (t.kind === 'num') digits++;
      if (t.kind === 'cap') words++;
      let tokEnd = t.end;
      // A dot after a non-abbreviation ends the sentence ("... Austria 29614. Please call"), unless a unit follows.
      if (t.word.endsWith('.') && !ABBREV.test(t.word)) {
        const nxt = toks[i + 1];
        if (!(nxt && (nxt.kind === 'unit' || nxt.kind === 'num') ) ) { lineEnd = tokEnd - 1; i = toks.length; break; }
      }
      lineEnd = tokEnd;
    }
    if (lineEnd < 0) break;
    // After a cue, the first line must hold the number ("address: Sara Schwarz\n 28 Main St" starts with a name).
    if (line === 0 && firstLineDigit && digits === 0) return -1;
    end = lineEnd;
    // Only continue to the next line when this line was consumed to its end.
    const rest = text.slice(lineEnd, text.indexOf('\n', lineEnd) < 0 ? text.length : text.indexOf('\n', lineEnd));
    if (!/^[\s,.]*$/.test(rest)) break;
    const nl = text.indexOf('\n', lineEnd);
    if (nl < 0) break;
    pos = nl + 1;
  }
  if (end < 0 || digits === 0 || words === 0) return -1;
  // Trailing particles and separators do not belong to the address.
  let e = end;
  for (;;) {
    const tail = /[\s,]*([\p{L}.]+)\s*$/u.exec(text.slice(start, e));
    if (!tail || !PARTICLES.has(tail[1]!.toLowerCase()) || /^(?:st|rd|ave|str|street|road)\.?$/i.test(tail[1]!)) break;
    const cut = start + tail.index;
    if (cut <= start) break;
    e = cut;
  }
  while (e > start && /[\s,]/.test(text[e - 1]!)) e--;
  return e;
}

/** Start of the address-like run that ends right before `at` on the same line (does not cross commas or cues). */
function backStart(text: string, at: number, lowerText: boolean): number {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const seg = text.slice(lineStart, at);
  const toks = lineTokens(text, lineStart, lowerText, 40).filter((t) => t.end <= at);
  let s = -1;
  for (let i = toks.length - 1; i >= 0; i--) {
    const t = toks[i]!;
    const gapAfter = text.slice(t.end, i + 1 < toks.length ? toks[i + 1]!.start : at);
    if (gapAfter.includes(',') && s >= 0) break;
    if (t.kind === 'lower') break;
    if (t.word.endsWith('.') && !ABBREV.test(t.word) && s >= 0) break;
    s = t.start;
  }
  if (s < 0 && seg.trim() === '') return -1;
  return s;
}

const COUNT_AFTER = /^[ \t]*(?:years?|yrs?|months?|weeks?|days?|hours?|hrs?|minutes?|mins?|times?|am\b|pm\b|mg|kg|lbs?|miles?|km|kids|people)\b/i;
const UNIT_RE = /\b(?:Apt|Apartment|Suite|Ste|Unit|Flat)\.?[ \t]*#?\d{1,5}[A-Za-z]?\b/gi;
const STREET_NUMBER_RE = /(?<![\p{L}\d])(\p{Lu}[\p{L}\p{M}'’.-]+(?:[ \t]+[\p{L}\p{M}'’.-]+){0,3})[ \t]+\d{1,4}[a-zA-Z]?\b\.?(?:[ \t]*,[ \t]*|[ \t]*\n[ \t]*)(?=\p{Lu})/gu;
const STREET_NUMBER_GATE = /\p{L}[ \t]+\d{1,4}[a-zA-Z]?\.?[ \t]*[,\n][ \t]*\n?[ \t]*\p{Lu}/u;
const MILITARY = /\b(?:(?:PSC|CMR|Unit|psc|cmr|unit)[ \t]+\d{3,5},?[ \t]+[Bb]ox[ \t]+\d{1,5}|US[A-Z]{1,3}[ \t]+[\p{L}'’-]+(?:[ \t]+[\p{L}'’-]+)?)[ \t]*,?[ \t]*\n?[ \t]*(?:[ADF]PO[ \t]+A[AEP]|[adf]po[ \t]+a[aep])[ \t]+\d{5}\b/gu;

export function internationalAddresses(text: string, out: Candidate[]): void {
  if (!/\d/.test(text)) return;
  const lowerText = !/\p{Lu}/u.test(text);
  const seen = new Set<number>();
  const push = (start: number, end: number, score: number, source: string) => {
    if (end <= start || seen.has(start)) return;
    seen.add(start);
    out.push({ type: 'ADDRESS', start, end, score, source });
  };
  if (/PO\b|po\b/i.test(text)) for (const m of text.matchAll(MILITARY)) push(m.index, m.index + m[0].length, 0.9, 'address.military');
  // 1. Unit markers.
  for (const m of text.matchAll(UNIT_RE)) {
    let s = backStart(text, m.index, lowerText);
    if (s < 0) {
      // The unit has its own line: the street is the line above.
      const lineStart = text.lastIndexOf('\n', m.index - 1) + 1;
      if (text.slice(lineStart, m.index).trim() !== '' || lineStart === 0) continue;
      const prevStart = text.lastIndexOf('\n', lineStart - 2) + 1;
      const prevToks = lineTokens(text, prevStart, lowerText);
      if (prevToks.length === 0 || prevToks.some((t) => t.kind === 'lower') || !prevToks.some((t) => t.kind === 'num')) continue;
      s = prevToks[0]!.start;
    }
    const e = grow(text, s, lowerText, 4);
    if (e > m.index) push(s, e, 0.88, 'address.unit');
  }
  // 2. Address cues.
  ADDRESS_CUE.lastIndex = 0;
  for (const c of text.matchAll(ADDRESS_CUE)) {
    const p = c.index + c[0].length;
    if (p >= text.length || !/[\p{L}\d]/u.test(text[p]!)) continue;
    const b = c[0];
    let s = p;
    // "the corner of X and Y": also take the second street.
    if (/^the\s+/i.test(text.slice(s, s + 4))) continue;
    const e = grow(text, s, lowerText, 4, true);
    if (e < 0) continue;
    let end = e;
    const and = /^[ \t]+and[ \t]+/i.exec(text.slice(e, e + 6));
    if (and && /corner\s+of[ \t]*$/i.test(b)) {
      const e2 = grow(text, e + and[0].length, lowerText, 0);
      if (e2 > 0) end = e2;
      else {
        const t2 = /^(?:\p{Lu}[\p{L}\p{M}'’.-]*[ \t]+){0,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Drive|Way|Club|Coves?|Greens?|Turnpike|Union|\p{Lu}[\p{L}\p{M}'’.-]*)\b/u.exec(text.slice(e + and[0].length));
        if (t2) end = e + and[0].length + t2[0].length;
      }
    }
    // The span must look like a street: a number next to a word.
    // A city, state and ZIP alone ("Springfield, IL 62704") is not a street: the other recognizers handle those.
    const span = text.slice(s, end).replace(/[ \t,]+(?:[A-Z]{2}\.?[ \t,]+)?\d{5}(?:-\d{4})?$/, '');
    if (!/\p{L}{2,}[ \t.]+\d|\d[a-zA-Z]?[ \t,]+\p{L}{2,}/u.test(span)) continue;
    // "moved to Denver 5 years ago": a count after the place is not a house number.
    if (/\d$/.test(span) && COUNT_AFTER.test(text.slice(end, end + 12))) continue;
    push(s, end, 0.86, 'address.cue');
  }
  // "the corner of X and Y" (no house number needed).
  if (text.includes('orner of')) for (const m of text.matchAll(/\bcorner of[ \t]+((?:\d{1,5}[ \t]+)?(?:[\p{L}\p{M}'’.-]+[ \t]+){0,3}?[\p{L}\p{M}'’.-]+(?:[ \t]+\d{1,4}\.?)?)[ \t]+and[ \t]+((?:[\p{L}\p{M}'’.-]+[ \t]+){0,2}?[\p{L}\p{M}'’.-]+)/giu)) {
    const a = m.index + m[0].indexOf(m[1]!);
    const first = m[1]!.split(/[ \t]+/);
    const second = m[2]!.split(/[ \t]+/);
    const capsOk = (ws: string[]) => ws.every((w) => /^\d/.test(w) || /^\p{Lu}/u.test(w) || PARTICLES.has(w.toLowerCase()) || lowerText);
    if (!capsOk(first) || !capsOk(second)) continue;
    push(a, m.index + m[0].length, 0.85, 'address.corner');
  }
  // 3. "Streetname 12," + a capitalised town.
  if (!STREET_NUMBER_GATE.test(text)) return;
  for (const m of text.matchAll(STREET_NUMBER_RE)) {
    const words = m[1]!.split(/[ \t]+/);
    if (words.some((w) => ADDR_STOP.has(w.toLowerCase()) || WEEKDAY_MONTH.test(w))) continue;
    const low = words.map((w) => w.toLowerCase());
    if (low.some((w) => DRUGS.has(w))) continue;
    // Allow a house number in front ("61 Wiesenstrasse 31, Barzheim").
    let s = m.index;
    const pre = /(?:^|[\s,])(\d{1,5}[a-zA-Z]?[ \t]+)$/.exec(text.slice(Math.max(0, s - 8), s));
    if (pre) s -= pre[1]!.length;
    const e = grow(text, s, lowerText, 3);
    if (e > s) push(s, e, 0.8, 'address.street_number');
  }
}
