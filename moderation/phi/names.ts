/**
 * Names of people and places. Patterns alone cannot find these, so each candidate combines:
 * capitalisation, the census and place gazetteers, context words ("Dr.", "my son", "named",
 * "live in", "X County", "St. Luke's Hospital") and exclusion lists (medicines, eponymous
 * conditions, public health bodies, common words, countries and states).
 */
import { before, type Candidate } from './candidates.js';
import { fold, isAnyName, isEnglishWord, isFirstName, isLastName, PLACES, US_PLACES } from './gazetteer.js';
import {
  CLINICIAN_ROLES, COMMON_WORDS, CONDITION_WORDS, COUNTRIES, DRUGS, EPONYMS, EPONYMS_STRONG, FACILITY_HEADS, KNOWN_FACILITIES,
  PUBLIC_BODIES, RELATIONS, US_STATE_ABBRS, US_STATES,
} from './lexicon.js';

interface Token {
  start: number;
  /** End of the word without a possessive "'s". */
  end: number;
  /** End including the possessive. */
  fullEnd: number;
  word: string;
  lower: string;
  cap: boolean;
  allCaps: boolean;
  possessive: boolean;
  sentenceStart: boolean;
}

const WORD = /\p{L}[\p{L}\p{M}]*(?:[-'’]\p{L}[\p{L}\p{M}]*)*\.?/gu;
const ABBREV_DOT = new Set(['dr', 'mr', 'mrs', 'ms', 'mx', 'st', 'prof', 'mt', 'ft', 'rev', 'jr', 'sr', 'no', 'vs', 'e.g', 'i.e', 'etc', 'approx', 'apt', 'ave', 'rd', 'blvd', 'ste', 'dept']);

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let boundary = true;
  let last = 0;
  for (const m of text.matchAll(WORD)) {
    let raw = m[0];
    const gap = text.slice(last, m.index);
    // Fast path: most gaps are one space.
    if (gap !== ' ' && /[!?\n]|\.\s|\.$|[:;"“]\s*$/.test(gap) && !(gap.startsWith('.') && tokens.length && ABBREV_DOT.has(tokens[tokens.length - 1]!.lower))) boundary = true;
    if (tokens.length === 0) boundary = true;
    let dot = false;
    if (raw.endsWith('.')) { raw = raw.slice(0, -1); dot = true; }
    let word = raw;
    let possessive = false;
    if (/['’]s$/i.test(word) && word.length > 3) { word = word.slice(0, -2); possessive = true; }
    else if (/s['’]$/.test(word)) { word = word.slice(0, -1); possessive = true; }
    const first = word[0]!;
    const cap = first !== first.toLowerCase();
    tokens.push({
      start: m.index, end: m.index + word.length, fullEnd: m.index + raw.length, word, lower: fold(word), cap,
      allCaps: word.length > 1 && word === word.toUpperCase(), possessive, sentenceStart: boundary,
    });
    boundary = false;
    last = m.index + raw.length;
    if (dot) {
      // The dot after an abbreviation does not end the sentence; other dots are handled by the gap test.
      last = m.index + raw.length;
    }
  }
  return tokens;
}

const FUNCTION_WORDS = new Set(`a an the and or but so if of to in on at by for from with as is it its be am are was were has had have do does did not no
yes my me we us our you your he she him her his hers they them their this that these those what when where who why how which all any
some just also then than now here there very too i im i'm ive i've id i'd ill i'll said says told tells asked was will would could should can
may might must today tomorrow yesterday tonight again please thanks thank sorry oh ok okay hi hey hello yeah lol omg`.split(/\s+/));
const TITLE_WORDS = new Set(['dr', 'doctor', 'doc', 'nurse', 'prof', 'professor', 'mr', 'mrs', 'ms', 'miss', 'mx', 'pastor', 'rev', 'reverend', 'rabbi', 'imam', 'coach', 'sister', 'father', 'judge', 'officer']);
/** Verbs before "with"/"to" whose object is a person ("talked with", "spoke to", "went out with"). */
const TALK_VERBS = new Set(['talked', 'talk', 'talking', 'spoke', 'speak', 'speaking', 'chatted', 'chat', 'chatting', 'texting', 'texted',
  'married', 'engaged', 'argued', 'wrote', 'writing', 'introduced', 'related', 'replied', 'listened', 'apologized', 'apologised', 'explained', 'complained']);
/** Verbs whose "with" (never "to": "drove to Austin" is a town) takes a person. */
const WITH_VERBS = new Set(['met', 'meet', 'meeting', 'out', 'lunch', 'dinner', 'coffee', 'dating', 'living', 'lives', 'stayed', 'staying', 'rode',
  'drove', 'went', 'walked', 'fought', 'broke', 'hung', 'hanging', 'friends', 'sat', 'shared', 'works', 'worked', 'working', 'played', 'prayed']);
const LIVES = new Set(['lives', 'lived', 'stays', 'stayed', 'resides', 'resided']);
/** Nouns that, after "X's", make X a person ("Konrad's address", "Oline's birthday"). */
const POSSESSED = new Set(['address', 'number', 'phone', 'email', 'birthday', 'bday', 'mom', 'mum', 'dad', 'mother', 'father', 'son', 'daughter', 'wife',
  'husband', 'kids', 'children', 'house', 'apartment', 'place', 'room', 'bed', 'funeral', 'wedding', 'diagnosis', 'surgery', 'appointment', 'doctor',
  'nurse', 'oncologist', 'chemo', 'treatment', 'meds', 'medication', 'condition', 'cancer', 'tumor', 'scan', 'results', 'biopsy', 'account', 'name',
  'boss', 'partner', 'boyfriend', 'girlfriend', 'sister', 'brother', 'family', 'parents', 'grandma', 'grandpa', 'baby', 'care', 'caregiver', 'insurance']);
/** Brands and characters written with a title ("Dr. Scholl's inserts", "Mr. Clean"): not a person to hide. */
const TITLE_BRANDS = new Set(['scholl', 'pepper', 'martens', 'bronner', 'clean', 'coffee', 'dash', 'potato', 'right', 'sandman', 'fixit', 'bean', 'yuk', 'teeth', 'whiskers',
  // role words and personifications after a title word ("Nurse Practitioner", "Father Time", "Mother Nature")
  'practitioner', 'practitioners', 'navigator', 'educator', 'manager', 'time', 'nature', 'christmas', 'winter', 'frost', 'earth',
  // shops, pageants and fictional characters ("Coach Outlet", "Miss Universe", "Doctor Strange")
  'outlet', 'universe', 'america', 'world', 'strange']);
const UPPER_TITLES = new Set(['NP', 'PA', 'RN', 'APRN', 'CNM']);
const POSSESSIVES = new Set(['my', 'our', 'his', 'her', 'their', 'your']);
/** Words before a first name that address a member rather than disclose someone ("thanks Jen"). */
export const GREETINGS: ReadonlySet<string> = new Set(['hi', 'hey', 'hello', 'thanks', 'thank', 'thx', 'ty', 'welcome', 'congrats', 'congratulations', 'dear', 'morning', 'hugs', 'sorry', 'bye', 'yes', 'no', 'ok', 'okay', 'agree', 'agreed', 'lol', 'you', 'evening', 'night', 'sending', 'cheers', 'love']);
const VERBISH = new Set(['said', 'says', 'told', 'tells', 'was', 'is', 'has', 'had', 'and', 'went', 'got', 'gets', 'called', 'texted', 'asked', 'thinks', 'thought', 'wants', 'needs', 'came', 'comes', 'started', 'did', 'does', 'will', 'would', 'can', 'could', 'just', 'also', 'still', 'saw', 'sees', 'loves', 'hates', 'cried', 'helped', 'drove', 'took']);
const ORG_WORDS = new Set(['association', 'foundation', 'society', 'institute', 'agency', 'department', 'council', 'board', 'company', 'inc', 'group', 'team', 'pharmacy', 'insurance', 'network', 'alliance', 'coalition', 'center', 'services']);
const SUBJECT_VERBS = new Set(['lives', 'lived', 'spent', 'works', 'worked', 'began', 'wrote', 'writes', 'married', 'died', 'passed', 'stayed', 'moved', 'visited', 'visits', 'loves', 'likes', 'needs', 'wanted', 'tried', 'tries', 'keeps', 'kept', 'feels', 'felt', 'seems', 'seemed', 'knows', 'knew', 'sent', 'sends', 'gave', 'gives', 'made', 'makes', 'helps', 'brought', 'found', 'left', 'called', 'calls', 'turned', 'turns']);
const PERSON_VERB_BEFORE = new Set(['said', 'told', 'asked', 'met', 'texted', 'messaged', 'emailed', 'visited', 'hugged', 'married', 'dating', 'thanked', 'called']);
const PERSON_VERB_AFTER = new Set(['said', 'says', 'told', 'asked', 'texted', 'messaged', 'thinks', 'thought', 'cried', 'laughed', 'replied', 'wrote']);
const STRONG_PREPS = new Set(['in', 'from', 'near', 'outside', 'around', 'visiting', 'town', 'city', 'village', 'suburb', 'suburbs']);
const WEAK_PREPS = new Set(['to', 'at', 'of', 'through', 'towards', 'toward', 'between', 'via']);
const SOURCE_AFTER = /^\s*(?:'s\s+)?(?:website|site|web\s?site|says|said|recommends|article|articles|guidelines|guide|study|studies|researchers|research|published|page|online|app|podcast|newsletter|calculator)\b/i;
const FACILITY_SET = new Set(FACILITY_HEADS.map((h) => h.toLowerCase()));
const FACILITY_FIRST = new Map<string, string[][]>();
for (const h of FACILITY_HEADS) {
  const parts = h.toLowerCase().split(' ');
  const list = FACILITY_FIRST.get(fold(parts[0]!.replace(/['’]s$/, ''))) ?? [];
  list.push(parts.map((p) => fold(p.replace(/['’]s$/, ''))));
  FACILITY_FIRST.set(fold(parts[0]!.replace(/['’]s$/, '')), list);
}
const GENERIC_FACILITY_WORDS = new Set(`medical health regional general community memorial university children women men family specialty cancer heart
pediatric urgent county city state public mental behavioral primary the of and & st saint care center centre hospital clinic local main new
big little old our my your their his her a an this that same other another rehab surgical surgery dialysis infusion emergency home nursing
private teaching veterans va er`.split(/\s+/));
const KNOWN_FACILITY_RE = new RegExp(`\\b(?:${KNOWN_FACILITIES.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')).join('|')})\\b`, 'g');
const PLACE_TRAILERS = new Set(['county', 'parish', 'borough']);
const NEIGHBORHOOD_WORDS = new Set(['neighborhood', 'neighbourhood', 'district', 'suburb', 'suburbs']);
/** Surname endings common in Europe and beyond (Kovalev, Eklund-sson, Ottarsdóttir, Tomić, Kowalski, Shevchenko …). */
const SURNAME_SUFFIX = /(?:ov|ova|ev|eva|ovich|evich|ovic|ović|ovič|evic|ević|ic|ić|ič|sson|ssen|sen|sdottir|sdóttir|dottir|dóttir|ski|ska|sky|skaya|cki|cka|enko|escu|poulos|opoulos|idis|akis|ian|yan|oglu|oğlu|nen|inen|ová|ová|ovà|dze|shvili|ak|ák|ek|ík|ín|uk|yk|czyk|wicz|stein|mann|berg|feld|ez|es|ini|elli|etti)$/i;
/** Role words after which capitalised words are a person's name: "Producer Sandy Lahtela", "directed by Maciej Borkowski". */
const ROLE_BEFORE = new Set(['producer', 'director', 'author', 'writer', 'singer', 'songwriter', 'actor', 'actress', 'artist', 'commenter', 'poster',
  'colleague', 'coworker', 'co-worker', 'boss', 'manager', 'neighbor', 'neighbour', 'roommate', 'classmate', 'teacher', 'pastor', 'lawyer', 'attorney',
  'caseworker', 'advocate', 'counselor', 'counsellor', 'therapist', 'dietitian', 'pharmacist', 'chaplain', 'landlord', 'tutor', 'player', 'speaker', 'user', 'founder', 'ceo']);
/** The phrases of PHRASE_BEFORE strong enough to take a lower-case name ("call me višeslav", "my name is vitoria"). */
const STRONG_PHRASE_BEFORE = /\b(?:call(?:s|ed)?\s+(?:me|him|her)|named\s+(?:him|her|them|it)|(?:first|last|maiden|full|middle|sur|given|nick)\s*name(?:\s+is|\s+was|'s|\?)?|name\s*:|name\?)[ \t]*:?[ \t]*$/i;
const STREET_WORDS = new Set(['street', 'st', 'road', 'rd', 'avenue', 'ave', 'lane', 'ln', 'drive', 'dr', 'boulevard', 'blvd', 'way', 'place', 'court', 'square', 'park', 'bridge', 'points', 'point', 'bypass', 'crescent', 'close', 'grove', 'terrace', 'hill', 'heights', 'gardens', 'row', 'walk', 'green', 'greens', 'cove', 'coves', 'turnpike', 'union', 'junction', 'estate', 'estates', 'village', 'square']);
const PHRASE_BEFORE = /\b(?:directed\s+by|written\s+by|starring|featuring|assistant\s+to|married\s+to|engaged\s+to|(?:daughter|son|wife|husband|widow|mother|father|child)\s+of|call(?:s|ed)?\s+(?:me|him|her)|named\s+(?:him|her|them|it)|(?:first|last|maiden|full|middle|sur|given|user|nick)\s*name(?:\s+is|\s+was|'s|\?)?|name\s*:|name\?|under\s+(?:(?:my|his|her|their)\s+(?:\w+'s\s+)?name\s+)?|beneficiary|add|added|adding|meet|met|ask\s+for|asked\s+for|speak\s+(?:to|with))[ \t]*:?[ \t]*$/i;

/** Positions right after a match of `re` (a pattern anchored with `[ \t]*$`): one pass over the text instead of one test per token. */
function endsOf(text: string, re: RegExp): Set<number> {
  const out = new Set<number>();
  for (const m of text.matchAll(re)) out.add(m.index + m[0].length);
  return out;
}
const unanchor = (re: RegExp) => new RegExp(re.source.replace(/\$$/, ''), re.flags.includes('g') ? re.flags : re.flags + 'g');

/** A word that looks like a name (census, international list or a surname ending), not an ordinary word. */
function nameLike(t: Token): boolean {
  if (COMMON_WORDS.has(t.lower) || FUNCTION_WORDS.has(t.lower)) return false;
  if (isFirstName(t.word) || isLastName(t.word)) return true;
  return intlName(t);
}

/** A name only the international list (or a surname ending) knows, and not an ordinary English word. */
function intlName(t: Token): boolean {
  if (COMMON_WORDS.has(t.lower) || FUNCTION_WORDS.has(t.lower) || MONTH_DAY.test(t.lower) || isEnglishWord(t.word)) return false;
  return isAnyName(t.word) || (t.word.length > 4 && SURNAME_SUFFIX.test(t.lower));
}

/** A word no list knows: not English, not a name, drug, month, title or code, at least 4 letters, no inner capital. */
function unknownPlaceWord(t: Token): boolean {
  const w = t.word;
  if (w.length < 4 || (t.allCaps && w.length < 5) || /\p{Ll}\p{Lu}/u.test(w) || /\d/.test(w)) return false;
  if (FUNCTION_WORDS.has(t.lower) || COMMON_WORDS.has(t.lower) || excluded(t) || EPONYMS.has(t.lower) || MONTH_DAY.test(t.lower) || TITLE_WORDS.has(t.lower)) return false;
  if (isEnglishWord(w) || isFirstName(w) || isLastName(w) || isAnyName(w) || ORG_WORDS.has(t.lower) || FACILITY_SET.has(t.lower)) return false;
  // Plural or -ing/-ed forms of English words ("in Stitches") are not towns.
  const stem = t.lower.replace(/(?:ies|es|s|ing|ed|ly)$/, '');
  return !(stem !== t.lower && (isEnglishWord(stem) || isEnglishWord(stem + 'e') || COMMON_WORDS.has(stem)));
}

/** Never a person or a place to hide. */
function excluded(t: Token): boolean {
  const l = t.lower;
  return DRUGS.has(l) || PUBLIC_BODIES.has(l) || US_STATES.has(l) || COUNTRIES.has(l) || (EPONYMS_STRONG.has(l) && (t.possessive || true));
}

function isEponymUse(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  if (EPONYMS_STRONG.has(t.lower)) return true;
  if (!EPONYMS.has(t.lower)) return false;
  for (let k = i + 1; k <= i + 2 && k < tokens.length; k++) if (CONDITION_WORDS.has(tokens[k]!.lower)) return true;
  return false;
}

function adjacent(text: string, a: Token, b: Token): boolean {
  const gap = text.slice(a.fullEnd, b.start);
  return /^[ \t]+$/.test(gap) || ((a.word.length === 1 || ABBREV_DOT.has(a.lower)) && /^\.[ \t]*$/.test(gap));
}

function nameTokenOk(t: Token, strongContext: boolean): boolean {
  if (FUNCTION_WORDS.has(t.lower) || excluded(t)) return false;
  if (t.cap) {
    if (t.allCaps && t.word.length > 3 && !strongContext) return false;
    if (COMMON_WORDS.has(t.lower) && !isFirstName(t.word) && !isLastName(t.word)) return strongContext && t.word.length > 2 && !FACILITY_SET.has(t.lower);
    return !FACILITY_SET.has(t.lower) && !PLACE_TRAILERS.has(t.lower);
  }
  // Lower-case names only right after a strong cue, and only when a census name and not an ordinary word.
  return strongContext && (isFirstName(t.word) || isLastName(t.word)) && !COMMON_WORDS.has(t.lower) && t.word.length > 2;
}

/** Collects up to `max` name tokens from index i; returns the index after the last one. */
function takeName(text: string, tokens: Token[], i: number, max: number, strong: boolean): number {
  let j = i;
  while (j < tokens.length && j - i < max) {
    const t = tokens[j]!;
    if (j > i) {
      const prev = tokens[j - 1]!;
      if (prev.possessive || !adjacent(text, prev, t)) break;
      // After the first token, only capitalised tokens continue a name.
      if (!t.cap || (COMMON_WORDS.has(t.lower) && !isLastName(t.word)) || FACILITY_SET.has(t.lower) || excluded(t)) break;
      if (FUNCTION_WORDS.has(t.lower)) break;
    } else if (!nameTokenOk(t, strong)) break;
    j++;
  }
  return j;
}

export function people(text: string, out: Candidate[], tokens: Token[] = tokenize(text)): void {
  const used = new Uint8Array(tokens.length);
  const emit = (i: number, j: number, score: number, source: string, subject?: 'self' | 'other') => {
    for (let k = i; k < j; k++) used[k] = 1;
    out.push({ type: 'PERSON', start: tokens[i]!.start, end: tokens[j - 1]!.end, score, source, ...(subject ? { subject } : {}) });
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    if (!next) break;
    // 1. Title + name: "Dr. Okafor", "dr patel", "Nurse Kelly", "NP Rivera".
    const isTitle = (TITLE_WORDS.has(t.lower) && (t.cap || ['dr', 'doctor', 'nurse'].includes(t.lower) || (['mr', 'mrs', 'ms'].includes(t.lower) && text[t.end] === '.')) && !(t.lower === 'father' || t.lower === 'sister') ) ||
      UPPER_TITLES.has(t.word) || ((t.lower === 'father' || t.lower === 'sister') && t.cap && !POSSESSIVES.has(tokens[i - 1]?.lower ?? ''));
    if (isTitle && adjacent(text, t, next) || (isTitle && /^\.\s+$/.test(text.slice(t.fullEnd, next.start)))) {
      if (next.cap && !next.allCaps && (DRUGS.has(next.lower) || PUBLIC_BODIES.has(next.lower) || FUNCTION_WORDS.has(next.lower) || /^(?:google|internet|appointment|office|visit|who)$/.test(next.lower) || TITLE_BRANDS.has(next.lower) ||
        // "Coach Outlet", "Miss Universe": an English word that is no census name is not a person's name.
        (isEnglishWord(next.word) && !isFirstName(next.word) && !isLastName(next.word)))) continue;
      const j = takeName(text, tokens, i + 1, 3, true);
      if (j > i + 1) {
        emit(i + 1, j, next.cap ? 0.93 : 0.75, 'person.title', 'other');
        i = j - 1;
        continue;
      }
    }
    // 2. Relation or clinician role: "my son Jake", "her neurologist, Anita Okafor", "my GP Dr. ..." (title handled above).
    if ((RELATIONS.has(t.lower) || CLINICIAN_ROLES.has(t.lower)) && !t.possessive) {
      let back = i - 1;
      let hops = 0;
      while (back >= 0 && hops < 2 && !POSSESSIVES.has(tokens[back]!.lower) && !tokens[back]!.cap) { back--; hops++; }
      if (back >= 0 && POSSESSIVES.has(tokens[back]!.lower)) {
        let k = i + 1;
        const gap = text.slice(t.fullEnd, tokens[k]?.start ?? t.fullEnd);
        if (/^\s*(?:,|\()?\s*$/.test(gap)) {
          while (k < tokens.length && ['is', 'was', 'named', 'called', 'whose', 'name'].includes(tokens[k]!.lower) && k < i + 4) k++;
          const cand = tokens[k];
          if (cand && !TITLE_WORDS.has(cand.lower) && (cand.cap || isFirstName(cand.word))) {
            const j = takeName(text, tokens, k, 3, true);
            if (j > k && !(tokens[k]!.cap === false && k === i + 1 && VERBISH.has(tokens[k]!.lower))) {
              emit(k, j, tokens[k]!.cap ? 0.88 : 0.72, 'person.relation', 'other');
              i = j - 1;
              continue;
            }
          }
        }
      }
    }
    // 3. "named X", "my name is X", "I'm X".
    // "she named him Mark", "people call me Snežana" (a common word such as Mark is still a name here).
    const objectNamed = (t.lower === 'named' || t.lower === 'call' || t.lower === 'calls' || t.lower === 'called') && ['him', 'her', 'them', 'me', 'it'].includes(next.lower) &&
      tokens[i + 2]?.cap && adjacent(text, next, tokens[i + 2]!) && !(t.lower !== 'named' && next.lower === 'it');
    if (objectNamed || t.lower === 'named' || t.lower === 'nicknamed' || (t.lower === 'called' && next.cap) || (t.lower === 'name' && next.lower === 'is') || (t.lower === "name's")) {
      const k = t.lower === 'name' || objectNamed ? i + 2 : i + 1;
      const cand = tokens[k];
      // "my name is vitoria": in writing without capitals, a word no list calls English is the name.
      const lowerName = cand && !cand.cap && !/\p{Lu}/u.test(text) && (t.lower === 'name' || t.lower === "name's") && /\bmy\s+name/i.test(text.slice(Math.max(0, t.start - 4), t.end + 1)) &&
        cand.word.length > 2 && !FUNCTION_WORDS.has(cand.lower) && !COMMON_WORDS.has(cand.lower) && !isEnglishWord(cand.word) && !excluded(cand);
      if (lowerName && cand) {
        emit(k, k + 1, 0.7, 'person.named', 'self');
        i = k;
        continue;
      }
      if (cand && (cand.cap || isFirstName(cand.word))) {
        const j = takeName(text, tokens, k, 3, true);
        if (j > k) {
          const self = /\bmy\s+name$/i.test(text.slice(Math.max(0, t.start - 10), t.end)) || /\b(?:i'?m|i am)\s+called$/i.test(text.slice(Math.max(0, t.start - 10), t.end)) || (objectNamed && next.lower === 'me');
          emit(k, j, 0.88, 'person.named', self ? 'self' : 'other');
          i = j - 1;
          continue;
        }
      }
    }
    if ((t.lower === "i'm" || t.lower === 'i’m' || t.lower === 'im' || (t.lower === 'i' && next.lower === 'am')) && (t.sentenceStart || /[,;]\s*$/.test(text.slice(0, t.start)) || i <= 2)) {
      const k = t.lower === 'i' ? i + 2 : i + 1;
      const cand = tokens[k];
      if (cand && cand.cap && isFirstName(cand.word) && !COMMON_WORDS.has(cand.lower) && !excluded(cand)) {
        const j = takeName(text, tokens, k, 2, true);
        // "I'm Amanda's daughter": the name is someone else's.
        emit(k, j, 0.75, 'person.intro', tokens[j - 1]!.possessive ? 'other' : 'self');
        i = j - 1;
        continue;
      }
    }
  }
  // 3b. Names after a role word or phrase ("Producer Sandy Lahtela", "directed by Maciej Borkowski", "call me Csanád",
  //     "Name: Toshimi Arata", "last name is Nyberg"), and names with a middle initial ("Faina D. Yefremova").
  const lowerText = !/\p{Lu}/u.test(text);
  const phraseEnds = tokens.some((t) => PHRASE_WORDS.has(t.lower) || t.lower.endsWith('name')) ? endsOf(text, PHRASE_BEFORE_G) : new Set<number>();
  const strongEnds = lowerText ? endsOf(text, STRONG_PHRASE_BEFORE_G) : new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    if (used[i]) continue;
    const t = tokens[i]!;
    if (!t.cap && !lowerText) continue;
    if (excluded(t) || FUNCTION_WORDS.has(t.lower) || TITLE_WORDS.has(t.lower) || DRUGS.has(t.lower)) continue;
    const prev = tokens[i - 1];
    const gapBefore = prev ? text.slice(prev.fullEnd, t.start) : '';
    const role = prev && ROLE_BEFORE.has(prev.lower) && !prev.possessive && /^[ \t]+$/.test(gapBefore) && t.cap;
    const phrase = !role && phraseEnds.has(t.start);
    const next = tokens[i + 1];
    const initial = t.cap && !t.allCaps && t.word.length > 1 && !isEnglishWord(t.word) && next && next.word.length === 1 && !/^\.\p{L}/u.test(text.slice(next.start + 1, next.start + 3)) && /\p{Lu}/u.test(next.word) && adjacent(text, t, next) && tokens[i + 2] &&
      tokens[i + 2]!.cap && adjacent(text, next, tokens[i + 2]!) && !excluded(tokens[i + 2]!) && !FACILITY_SET.has(tokens[i + 2]!.lower) && !COMMON_WORDS.has(t.lower);
    if (!role && !phrase && !initial) continue;
    if (!t.cap && !(lowerText && phrase && nameLike(t) && t.word.length > 2 && strongEnds.has(t.start))) continue;
    // Collect the name: capitalised tokens (initials included), at most 4.
    let j = i + 1;
    while (j < tokens.length && j - i < 4) {
      const n = tokens[j]!;
      const p = tokens[j - 1]!;
      if (p.possessive || !adjacent(text, p, n)) break;
      const particle = /^(?:van|von|de|der|den|ten|ter|da|di|del|la|le|bin|ibn|al|el)$/.test(n.lower) && tokens[j + 1]?.cap;
      if (lowerText ? !(nameLike(n) || n.word.length === 1) : !(n.cap || particle)) break;
      if (FUNCTION_WORDS.has(n.lower) && !particle) break;
      if (excluded(n) || FACILITY_SET.has(n.lower) || ORG_WORDS.has(n.lower) || PLACE_TRAILERS.has(n.lower)) break;
      j++;
    }
    const span = tokens.slice(i, j);
    const named = span.some((x) => x.word.length > 1 && nameLike(x));
    if (!initial && !named && !(role && span.length >= 2)) continue;
    // Title-case headlines ("Director Admits Ignoring Damage"): every word must be a name or at least not an English word.
    if (!initial && span.some((x) => isEnglishWord(x.word) && !isFirstName(x.word) && !isLastName(x.word))) continue;
    if (span.length === 1 && (COMMON_WORDS.has(t.lower) || (PLACES.get(t.lower) ?? -1) >= 100000)) continue;
    if (span.length === 1 && phrase && !role && !nameLike(t)) continue;
    for (let k = i; k < j; k++) used[k] = 1;
    out.push({ type: 'PERSON', start: t.start, end: tokens[j - 1]!.end, score: initial || role ? 0.8 : 0.72, source: initial ? 'person.initial' : 'person.cue', subject: 'other' });
    i = j - 1;
  }
  // 3c. Lists of names: "Kovalev, Lee and Phillips" (three or more capitalised single words, at least two of them names).
  //     A common word is accepted when it is also a census surname ("Bowman and Hill") and the others are names;
  //     in writing without capitals every member must be a name no list calls English ("smit, zhang and edwards").
  for (let i = 0; i + 2 < tokens.length; i++) {
    if ((!tokens[i]!.cap && !lowerText) || text[tokens[i]!.fullEnd] !== ',') continue;
    const members: number[] = [i];
    let k = i;
    while (k + 1 < tokens.length) {
      const gap = text.slice(tokens[k]!.fullEnd, tokens[k + 1]!.start);
      if (/^,[ \t]*$/.test(gap)) { members.push(k + 1); k++; continue; }
      if (/^,?[ \t]+$/.test(gap) && (tokens[k + 1]!.lower === 'and' || tokens[k + 1]!.lower === '&') && tokens[k + 2] && /^[ \t]+$/.test(text.slice(tokens[k + 1]!.fullEnd, tokens[k + 2]!.start))) {
        members.push(k + 2);
        k += 2;
        break;
      }
      break;
    }
    if (members.length < 3 || tokens[k]!.lower === 'and') continue;
    const toks = members.map((m) => tokens[m]!);
    const common = toks.filter((x) => COMMON_WORDS.has(x.lower)).length;
    const ok = toks.every((x) => (x.cap || (lowerText && nameLike(x) && !isEnglishWord(x.word))) && !x.allCaps && !excluded(x) && !FUNCTION_WORDS.has(x.lower) &&
      (!COMMON_WORDS.has(x.lower) || (x.cap && isLastName(x.word) && common === 1)) && !MONTH_DAY.test(x.lower) && !DRUGS.has(x.lower) && !isEponymUse(tokens, tokens.indexOf(x)) && (PLACES.get(x.lower) ?? -1) < 100000);
    const names = toks.filter((x) => nameLike(x)).length;
    const next = tokens[k + 1];
    if (!ok || names < 2 || (next && next.cap && adjacent(text, tokens[k]!, next))) { i = k; continue; }
    for (const m of members) {
      if (used[m]) continue;
      used[m] = 1;
      out.push({ type: 'PERSON', start: tokens[m]!.start, end: tokens[m]!.end, score: 0.6, source: 'person.list', subject: 'other' });
    }
    i = k;
  }
  // 3d. Writing without capitals: a census first name and a surname-like word ("claudia nakajima", "jared paavolainen").
  if (lowerText) {
    for (let i = 0; i + 1 < tokens.length; i++) {
      if (used[i] || used[i + 1]) continue;
      const t = tokens[i]!;
      const n = tokens[i + 1]!;
      if (t.possessive || !adjacent(text, t, n) || t.word.length < 3 || n.word.length < 3) continue;
      if (!isFirstName(t.word) || COMMON_WORDS.has(t.lower) || FUNCTION_WORDS.has(t.lower) || isEnglishWord(t.word) || excluded(t) || TITLE_WORDS.has(t.lower)) continue;
      if (COMMON_WORDS.has(n.lower) || FUNCTION_WORDS.has(n.lower) || isEnglishWord(n.word) || excluded(n) || DRUGS.has(n.lower) || STREET_WORDS.has(n.lower) || FACILITY_SET.has(n.lower)) continue;
      const pair = `${t.lower} ${n.lower}`;
      if ((PLACES.get(pair) ?? -1) >= 5000 || US_PLACES.has(pair) || MONTH_DAY.test(n.lower)) continue;
      if (!(isLastName(n.word) || isAnyName(n.word) || SURNAME_SUFFIX.test(n.lower) || (n.word.length >= 4 && /[^\x00-\x7f]/.test(n.word)))) continue;
      used[i] = 1;
      used[i + 1] = 1;
      out.push({ type: 'PERSON', start: t.start, end: n.end, score: 0.62, source: 'person.lower', subject: 'other' });
      i++;
    }
  }
  // 3e. A name with a possessive before a word about a person ("here's Konrad's address", "Oline's mom").
  for (let i = 0; i + 1 < tokens.length; i++) {
    const t = tokens[i]!;
    if (used[i] || !t.possessive || !t.cap || t.allCaps || t.sentenceStart || t.word.length < 3) continue;
    const n = tokens[i + 1]!;
    if (!POSSESSED.has(n.lower) || !/^[ \t]+$/.test(text.slice(t.fullEnd, n.start))) continue;
    const prev = tokens[i - 1];
    if (prev && prev.cap && adjacent(text, prev, t) && !FUNCTION_WORDS.has(prev.lower) && !COMMON_WORDS.has(prev.lower)) continue;
    if (FUNCTION_WORDS.has(t.lower) || COMMON_WORDS.has(t.lower) || excluded(t) || EPONYMS.has(t.lower) || isEponymUse(tokens, i) || isEnglishWord(t.word) || TITLE_BRANDS.has(t.lower) || ORG_WORDS.has(t.lower)) continue;
    if (!(isFirstName(t.word) || isLastName(t.word) || isAnyName(t.word)) || (PLACES.get(t.lower) ?? -1) >= 100000) continue;
    used[i] = 1;
    out.push({ type: 'PERSON', start: t.start, end: t.end, score: 0.7, source: 'person.possessive', subject: 'other' });
  }
  // 3f. Someone who "lives on/in/at …": a capitalised word no list calls English ("Timotea lives on Via Tasso 12").
  //     Speakers of a quoted line in a transcript ("Koppány: \"Who are you?\"").
  for (let i = 0; i < tokens.length; i++) {
    if (used[i]) continue;
    const t = tokens[i]!;
    if ((!t.cap && !lowerText) || t.allCaps || t.word.length < 3) continue;
    // Cheap cues first: the next word is "lives …", or the word opens a line and is followed by ': "'.
    const n = tokens[i + 1];
    const lives = !!n && LIVES.has(n.lower) && adjacent(text, t, n) && /^\s+(?:on|in|at|with|near)\b(?!\s+in\b)/i.test(text.slice(n.fullEnd, n.fullEnd + 9));
    const speaker = !lives && text[t.fullEnd] === ':' && (t.start === 0 || /\n[ \t]*$/.test(text.slice(Math.max(0, t.start - 4), t.start))) &&
      /^:[ \t]*(?:\\*["“”])/.test(text.slice(t.fullEnd, t.fullEnd + 5));
    if (!lives && !speaker) continue;
    if (!t.cap && !(speaker && nameLike(t))) continue;
    if (FUNCTION_WORDS.has(t.lower) || COMMON_WORDS.has(t.lower) || isEnglishWord(t.word) || excluded(t) || TITLE_WORDS.has(t.lower) || MONTH_DAY.test(t.lower)) continue;
    const prev = tokens[i - 1];
    if (prev && prev.cap && adjacent(text, prev, t)) continue;
    if (lives && (PLACES.get(t.lower) ?? -1) >= 100000) continue;
    used[i] = 1;
    out.push({ type: 'PERSON', start: t.start, end: t.end, score: 0.62, source: lives ? 'person.lives' : 'person.speaker', subject: 'other' });
  }
  // 3g. Someone you talk, meet or go out with: "talked with Kovalev", "spoke to Liam Ford", "had lunch with Roksana".
  for (let i = 2; i < tokens.length; i++) {
    if (used[i]) continue;
    const t = tokens[i]!;
    const prep = tokens[i - 1]!;
    if (!t.cap || t.allCaps || t.word.length < 3 || (prep.lower !== 'with' && prep.lower !== 'to')) continue;
    const verb = tokens[i - 2]!;
    if (!(prep.lower === 'with' ? TALK_VERBS.has(verb.lower) || WITH_VERBS.has(verb.lower) : TALK_VERBS.has(verb.lower)) || !/^[ \t]+$/.test(text.slice(verb.fullEnd, prep.start)) || !/^[ \t]+$/.test(text.slice(prep.fullEnd, t.start))) continue;
    if (FUNCTION_WORDS.has(t.lower) || excluded(t) || TITLE_WORDS.has(t.lower) || ORG_WORDS.has(t.lower) || MONTH_DAY.test(t.lower) || FACILITY_SET.has(t.lower)) continue;
    const j = takeName(text, tokens, i, 3, false);
    if (j <= i) continue;
    const span = tokens.slice(i, j);
    const nameish = (x: Token) => isFirstName(x.word) || isLastName(x.word) || isAnyName(x.word) || SURNAME_SUFFIX.test(x.lower);
    if (span.some((x) => (isEnglishWord(x.word) || COMMON_WORDS.has(x.lower)) && !isFirstName(x.word) && !isLastName(x.word))) continue;
    if (!span.some(nameish) || (span.length === 1 && (PLACES.get(t.lower) ?? -1) >= 100000 && !isFirstName(t.word))) continue;
    const follow = tokens[j];
    if (follow && adjacent(text, tokens[j - 1]!, follow) && (FACILITY_SET.has(follow.lower) || ORG_WORDS.has(follow.lower) || PLACE_TRAILERS.has(follow.lower))) continue;
    for (let k = i; k < j; k++) used[k] = 1;
    out.push({ type: 'PERSON', start: t.start, end: tokens[j - 1]!.end, score: 0.7, source: 'person.talk', subject: 'other' });
    i = j - 1;
  }
  // 4. Sign-off at the end: "— Dana", "Thanks, Dana".
  const lastTok = tokens[tokens.length - 1];
  if (lastTok && !used[tokens.length - 1] && lastTok.cap && isFirstName(lastTok.word) && !excluded(lastTok) && !COMMON_WORDS.has(lastTok.lower)) {
    const beforeSign = text.slice(Math.max(0, lastTok.start - 25), lastTok.start);
    if (/(?:^|\n|[.!?]\s*)[-–—~]+\s*$|\b(?:thanks|cheers|love|best|xoxo|hugs|regards)\s*[,!.]?\s*\n?\s*[-–—~]?\s*$/i.test(beforeSign) && /^\s*[.!]?\s*$/.test(text.slice(lastTok.fullEnd))) {
      used[tokens.length - 1] = 1;
      out.push({ type: 'PERSON', start: lastTok.start, end: lastTok.end, score: 0.75, source: 'person.signoff', subject: 'self' });
    }
  }
  // 5 and 6. Capitalised census names without a cue.
  for (let i = 0; i < tokens.length; i++) {
    if (used[i]) continue;
    const t = tokens[i]!;
    if (!t.cap || t.allCaps || excluded(t) || FUNCTION_WORDS.has(t.lower) || isEponymUse(tokens, i)) continue;
    if (text[t.start - 1] === '@' || text[t.start - 1] === '#') continue;
    const first = isFirstName(t.word);
    const prev = tokens[i - 1];
    const prevTitle = prev && (TITLE_WORDS.has(prev.lower) || UPPER_TITLES.has(prev.word));
    // Full names: First Last (Middle).
    const next = tokens[i + 1];
    if (next && !used[i + 1] && !t.possessive && !TITLE_WORDS.has(t.lower) && next.cap && !next.allCaps && adjacent(text, t, next) && !excluded(next) && !FUNCTION_WORDS.has(next.lower) &&
      !FACILITY_SET.has(next.lower) && !PLACE_TRAILERS.has(next.lower) && !isEponymUse(tokens, i + 1) && !NEIGHBORHOOD_WORDS.has(next.lower)) {
      const commonFirst = COMMON_WORDS.has(t.lower);
      const lastOk = isLastName(next.word) ? !COMMON_WORDS.has(next.lower) || !commonFirst : !COMMON_WORDS.has(next.lower) && next.word.length > 2;
      const pair = `${t.lower} ${next.lower}`;
      const pairPlace = (PLACES.get(pair) ?? -1) >= 5000 || US_PLACES.has(pair);
      // Names outside the census lists: both words in the international list or with a surname ending ("Tünde Hoffmann").
      const intl = !first && !commonFirst && !isEnglishWord(t.word) && !isEnglishWord(next.word) && nameLike(t) && nameLike(next) && !COMMON_WORDS.has(next.lower) && !STREET_WORDS.has(next.lower) && (PLACES.get(t.lower) ?? -1) < 100000;
      if ((first || intl) && lastOk && !pairPlace && !(commonFirst && !isLastName(next.word))) {
        let j = i + 2;
        const third = tokens[j];
        if (third && !next.possessive && third.cap && adjacent(text, next, third) && isLastName(third.word) && !COMMON_WORDS.has(third.lower) && !excluded(third) && !FACILITY_SET.has(third.lower)) j++;
        // A facility or county word right after makes it a place name ("Grace Memorial Hospital").
        const after = tokens[j];
        if (after && adjacent(text, tokens[j - 1]!, after) && (FACILITY_SET.has(after.lower) || PLACE_TRAILERS.has(after.lower))) { i = j; continue; }
        const score = commonFirst ? 0.6 : intl ? (t.sentenceStart ? 0.66 : 0.72) : t.sentenceStart ? 0.75 : 0.82;
        for (let k = i; k < j; k++) used[k] = 1;
        out.push({ type: 'PERSON', start: t.start, end: tokens[j - 1]!.end, score, source: 'person.fullname', subject: 'other' });
        i = j - 1;
        continue;
      }
    }
    // Names outside the census lists ("Priya", "Oluwaseun"): a capitalised unknown word between person verbs.
    if (!first && !t.sentenceStart && !prevTitle && !(prev && prev.cap && adjacent(text, prev, t)) && !ORG_WORDS.has(t.lower) && !COMMON_WORDS.has(t.lower) && !isEponymUse(tokens, i) && PLACES.get(t.lower) === undefined && t.word.length > 2 &&
      ((prev && PERSON_VERB_BEFORE.has(prev.lower) && /^[ \t]+$/.test(text.slice(prev.fullEnd, t.start))) || (next && PERSON_VERB_AFTER.has(next.lower) && adjacent(text, t, next)))) {
      used[i] = 1;
      out.push({ type: 'PERSON', start: t.start, end: t.end, score: 0.6, source: 'person.context', subject: 'other' });
      continue;
    }
    // A name from the international list, as the subject of a verb or with a possessive ("Kai spent", "here's Liam's address").
    if (!first && !prevTitle && !ORG_WORDS.has(t.lower) && t.word.length > 2 && !isLastName(t.word) && isAnyName(t.word) && intlName(t) &&
      (PLACES.get(t.lower) ?? -1) < 1000 && !(prev && prev.cap && adjacent(text, prev, t)) && !(next && next.cap && adjacent(text, t, next)) &&
      (t.possessive ? !t.sentenceStart && !(next && (FACILITY_SET.has(next.lower) || ORG_WORDS.has(next.lower) || isEnglishWord(next.word) === false && next.cap))
        : !!next && adjacent(text, t, next) && (PERSON_VERB_AFTER.has(next.lower) || SUBJECT_VERBS.has(next.lower) || (!t.sentenceStart && VERBISH.has(next.lower))))) {
      used[i] = 1;
      out.push({ type: 'PERSON', start: t.start, end: t.end, score: t.sentenceStart ? 0.6 : 0.62, source: 'person.intl', subject: 'other' });
      continue;
    }
    if (!first || COMMON_WORDS.has(t.lower) || prevTitle || TITLE_WORDS.has(t.lower)) continue;
    if (next && adjacent(text, t, next) && (FACILITY_SET.has(next.lower) || PLACE_TRAILERS.has(next.lower) || NEIGHBORHOOD_WORDS.has(next.lower))) continue;
    const greeted = prev && (GREETINGS.has(prev.lower) || (prev.lower === 'you' && tokens[i - 2]?.lower === 'thank'));
    let score: number;
    if (t.sentenceStart) score = (next && (VERBISH.has(next.lower) || LIVES.has(next.lower))) || t.possessive ? 0.6 : 0;
    else score = t.possessive ? 0.72 : 0.66;
    if (greeted && score > 0) score = 0.45; // addressing another member by first name is not disclosure
    if (score === 0) continue;
    used[i] = 1;
    out.push({ type: 'PERSON', start: t.start, end: t.end, score, source: 'person.firstname', subject: 'other' });
  }
}

/** Verbs and phrases after which a capitalised name is a place, even one missing from the gazetteer. */
const PLACE_VERB = /\b(?:grew\s+up\s+(?:in|near|around)|raised\s+in|born\s+in|(?:live|lives|lived|living)\s+in|(?:moved|move|moving|relocated|relocating)\s+(?:here\s+|there\s+|back\s+)?(?:to|from)|originally\s+from|(?:comes?|came)\s+from|hometown\s+(?:is|of)|native\s+of|based\s+in|arrived\s+(?:at|in)|(?:coming|going|went|flew|drove|travell?ed|trip|back)\s+to|visiting|vacation(?:ing)?\s+in|holiday\s+in|stationed\s+(?:in|at))[ \t]+$/i;
const STRONG_PLACE_VERB = /\b(?:grew\s+up\s+(?:in|near|around)|raised\s+in|born\s+in|(?:live|lives|lived|living)\s+in|(?:moved|relocated)\s+(?:here\s+|there\s+|back\s+)?(?:to|from)|originally\s+from|hometown\s+(?:is|of)|native\s+of|based\s+in)[ \t]+$/i;
const PLACE_PARTICLES = new Set(['nad', 'pod', 'u', 'de', 'del', 'della', 'di', 'da', 'do', 'dos', 'la', 'le', 'les', 'sur', 'sous', 'am', 'an', 'im', 'bei', 'of', 'upon', 'on', 'en', 'y']);
const LOWER_PLACE_STOP = new Set(['rehab', 'hope', 'church', 'home', 'work', 'school', 'nice', 'reading', 'mobile', 'paradise', 'bath', 'hospice', 'college', 'town', 'city', 'florida']);
const MONTH_DAY = /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;

/** Places named right after a place verb ("grew up in Kalatsova", "moved here from Črni Vrh nad Idrijo"). */
function placesAfterVerbs(text: string, out: Candidate[], tokens: Token[]): void {
  if (!tokens.some((t) => PLACE_VERB_WORDS.has(t.lower))) return;
  const verbEnds = endsOf(text, PLACE_VERB_G);
  if (verbEnds.size === 0) return;
  const strongEnds = endsOf(text, STRONG_PLACE_VERB_G);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!verbEnds.has(t.start)) continue;
    if (FUNCTION_WORDS.has(t.lower) || MONTH_DAY.test(t.lower) || DRUGS.has(t.lower) || PUBLIC_BODIES.has(t.lower)) continue;
    if (!t.cap) {
      // Lower-case writing: only a gazetteer town that is not an ordinary word.
      const pop = PLACES.get(t.lower) ?? -1;
      if (pop >= 1000 && t.word.length >= 4 && !COMMON_WORDS.has(t.lower) && !LOWER_PLACE_STOP.has(t.lower) && !isFirstName(t.word) && !isEnglishWord(t.word) &&
        strongEnds.has(t.start)) {
        out.push({ type: 'LOCATION', start: t.start, end: t.end, score: 0.7, source: 'location.verb' });
      }
      continue;
    }
    if (COMMON_WORDS.has(t.lower) || TITLE_WORDS.has(t.lower) || FACILITY_SET.has(t.lower)) continue;
    let j = i;
    while (j + 1 < tokens.length && j - i < 4) {
      const n = tokens[j + 1]!;
      const gap = text.slice(tokens[j]!.fullEnd, n.start);
      if (tokens[j]!.possessive || !/^[ \t]$|^-$/.test(gap)) break;
      if (n.cap && !FUNCTION_WORDS.has(n.lower)) { j++; continue; }
      const n2 = tokens[j + 2];
      if (PLACE_PARTICLES.has(n.lower) && n2 && n2.cap && /^[ \t]$/.test(text.slice(n.fullEnd, n2.start))) { j += 2; continue; }
      break;
    }
    const key = tokens.slice(i, j + 1).map((x) => x.lower).join(' ');
    if (COUNTRIES.has(key) || US_STATES.has(key)) { i = j; continue; }
    // "went to Hlíðarvegur 25": a house number after the name makes it a street address.
    const num = HOUSE_NUMBER_AFTER.exec(text.slice(tokens[j]!.fullEnd, tokens[j]!.fullEnd + 24));
    if (num && !tokens[j]!.possessive) {
      out.push({ type: 'ADDRESS', start: t.start, end: tokens[j]!.fullEnd + num[0].length, score: 0.8, source: 'address.verb' });
      i = j;
      continue;
    }
    out.push({ type: 'LOCATION', start: t.start, end: tokens[j]!.end, score: 0.78, source: 'location.verb' });
    i = j;
  }
}

export function locations(text: string, out: Candidate[], tokens: Token[] = tokenize(text)): void {
  placesAfterVerbs(text, out, tokens);
  // "the University of Nicosia": the town a university is named after (not a state or country).
  if (text.includes('niversity of') || text.includes('NIVERSITY OF')) {
    for (const m of text.matchAll(UNIVERSITY_OF)) {
      const name = m[1]!;
      const key = fold(name);
      if (US_STATES.has(key) || COUNTRIES.has(key) || COMMON_WORDS.has(key) || SOURCE_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 25))) continue;
      const start = m.index + m[0].length - name.length;
      out.push({ type: 'LOCATION', start, end: start + name.length, score: 0.72, source: 'location.university' });
    }
  }
  // "Where: Novo mesto Country Club", "palhais country club": the club's place name.
  if (/country club/i.test(text)) {
    for (const m of text.matchAll(COUNTRY_CLUB)) {
      const words = m[1]!.trim();
      if (words.split(/\s+/).every((w) => FUNCTION_WORDS.has(w.toLowerCase()) || COMMON_WORDS.has(fold(w)))) continue;
      const start = m.index + m[0].indexOf(m[1]!);
      out.push({ type: 'LOCATION', start, end: m.index + m[0].length, score: 0.75, source: 'location.club' });
    }
  }
  // Known facilities without a head word ("Johns Hopkins", "Mass General").
  for (const m of text.matchAll(KNOWN_FACILITY_RE)) {
    let end = m.index + m[0].length;
    const head = /^\s+(?:Clinic|Hospital|Medical Center|Health System|Health|Medicine|Cancer Center|Children's)\b/.exec(text.slice(end, end + 20));
    if (head) end += head[0].length;
    if (SOURCE_AFTER.test(text.slice(end, end + 25)) || /according to\s*(?:the\s*)?$/i.test(before(text, m.index, 20))) continue;
    out.push({ type: 'LOCATION', start: m.index, end, score: 0.85, source: 'location.known_facility' });
  }
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // Facility: "St. Luke's Hospital", "Riverside Medical Center", "Lincoln Elementary".
    const heads = FACILITY_FIRST.get(t.lower);
    if (heads && t.cap) {
      let headEnd = -1;
      for (const parts of heads) {
        let ok = true;
        for (let k = 0; k < parts.length; k++) {
          const tk = tokens[i + k];
          if (!tk || tk.lower !== parts[k] || !tk.cap || (k > 0 && !adjacent(text, tokens[i + k - 1]!, tk))) { ok = false; break; }
        }
        if (ok) headEnd = Math.max(headEnd, i + parts.length - 1);
      }
      if (headEnd >= 0) {
        let s = i;
        let specific = false;
        while (s > 0 && i - s < 5) {
          const p = tokens[s - 1]!;
          const joined = adjacent(text, p, tokens[s]!) || /^\s*(?:&|and|of|the|-)\s*$/i.test(text.slice(p.fullEnd, tokens[s]!.start));
          if (!joined) break;
          if (p.cap || (['of', 'the', 'and'].includes(p.lower) && s - 1 > 0 && tokens[s - 2]!.cap)) {
            if (p.cap && (FUNCTION_WORDS.has(p.lower) || TITLE_WORDS.has(p.lower) || excluded(p)) && !['st', 'saint', 'mt', 'mount'].includes(p.lower)) break;
            if (p.sentenceStart && GENERIC_FACILITY_WORDS.has(p.lower)) { s--; break; }
            s--;
            if (p.cap && !GENERIC_FACILITY_WORDS.has(p.lower)) specific = true;
          } else break;
        }
        while (s < i && !tokens[s]!.cap) s++;
        // "University of Michigan Hospital", "Hospital of St. Mary": also look after the head.
        let e = headEnd;
        if (tokens[e + 1]?.lower === 'of' && tokens[e + 2]?.cap && !excluded(tokens[e + 2]!)) {
          e = takeName(text, tokens, e + 2, 3, true) - 1;
          if (e > headEnd + 1) specific = true; else e = headEnd;
        }
        if (specific && !SOURCE_AFTER.test(text.slice(tokens[e]!.fullEnd, tokens[e]!.fullEnd + 25))) {
          out.push({ type: 'LOCATION', start: tokens[s]!.start, end: tokens[e]!.fullEnd > tokens[e]!.end && tokens[e]!.lower === 'children' ? tokens[e]!.fullEnd : tokens[e]!.end, score: 0.86, source: 'location.facility' });
          i = e;
          continue;
        }
      }
    }
    if (!t.cap || FUNCTION_WORDS.has(t.lower)) continue;
    // County / parish / borough.
    if (PLACE_TRAILERS.has(t.lower) && i > 0) {
      let s = i;
      while (s > 0 && i - s < 3 && tokens[s - 1]!.cap && adjacent(text, tokens[s - 1]!, tokens[s]!) && !FUNCTION_WORDS.has(tokens[s - 1]!.lower) && !TITLE_WORDS.has(tokens[s - 1]!.lower)) s--;
      if (s < i) {
        out.push({ type: 'LOCATION', start: tokens[s]!.start, end: t.end, score: 0.92, source: 'location.county' });
        continue;
      }
    }
    // Neighbourhood: "the Fenway neighborhood".
    // Longest known place starting here.
    let best = -1;
    let pop = -1;
    let key = '';
    for (let k = 0; k < 4 && i + k < tokens.length; k++) {
      const tk = tokens[i + k]!;
      if (!tk.cap && !(k > 0 && ['de', 'del', 'la', 'le', 'du', 'des', 'of', 'on', 'upon', 'sur', 'am', 'im', 'an', 'der'].includes(tk.lower))) break;
      if (k > 0 && !adjacent(text, tokens[i + k - 1]!, tk) && !/^-$/.test(text.slice(tokens[i + k - 1]!.fullEnd, tk.start))) break;
      key = k === 0 ? tk.lower : `${key} ${tk.lower}`;
      const p = PLACES.get(key);
      if (p !== undefined && tk.cap) { best = i + k; pop = p; }
      if (tk.possessive) break;
    }
    const stateAfter = (endTok: Token): boolean => {
      const m = /^,[ \t]*([A-Z]{2}|[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)\b/.exec(text.slice(endTok.fullEnd, endTok.fullEnd + 20));
      return !!m && (US_STATE_ABBRS.has(m[1]!) || US_STATES.has(m[1]!.toLowerCase()) || COUNTRIES.has(m[1]!.toLowerCase()));
    };
    // An unknown capitalised word right after "in" mid-sentence ("the following year at Nielsen in Kalatsova"): a town the
    // gazetteers do not know. Only words that are no English word, name, drug, month or code (camelCase, short capitals).
    if (best < 0 && i > 0 && !t.sentenceStart && tokens[i - 1]!.lower === 'in' && /^[ \t]+$/.test(text.slice(tokens[i - 1]!.fullEnd, t.start)) && unknownPlaceWord(t) &&
      !(tokens[i + 1] && tokens[i + 1]!.cap && adjacent(text, t, tokens[i + 1]!)) && !t.possessive) {
      out.push({ type: 'LOCATION', start: t.start, end: t.end, score: 0.6, source: 'location.unknown_in' });
      continue;
    }
    // "City, ST" even when the city is not in the gazetteer.
    if (best < 0) {
      let j = i;
      while (j + 1 < tokens.length && j - i < 2 && tokens[j + 1]!.cap && adjacent(text, tokens[j]!, tokens[j + 1]!)) j++;
      const endTok = tokens[j]!;
      if (stateAfter(endTok) && !COMMON_WORDS.has(t.lower) && !excluded(t) && !(j === i && isFirstName(t.word) && t.sentenceStart)) {
        out.push({ type: 'LOCATION', start: t.start, end: endTok.end, score: 0.8, source: 'location.city_state' });
        i = j;
      }
      continue;
    }
    const span = tokens.slice(i, best + 1);
    const single = span.length === 1;
    if (key === 'country club' || key === 'golf club') { i = best; continue; }
    if (span.some((s) => excluded(s)) && single) continue;
    if (COUNTRIES.has(key) || US_STATES.has(span.map((s) => s.lower).join(' '))) continue;
    const endTok = tokens[best]!;
    const prev = tokens[i - 1];
    const prevLower = prev && /^[ \t]+$/.test(text.slice(prev.fullEnd, t.start)) ? prev.lower : '';
    const strongPrep = STRONG_PREPS.has(prevLower) || /\b(?:live|lives|living|lived|moved|move|born|raised|grew up|based|relocated|stay|staying|drove|driving|flew|visit|visiting)\s+(?:in|to|from|near|up in|out to)?\s*$/i.test(before(text, t.start, 24));
    const weakPrep = WEAK_PREPS.has(prevLower);
    const common = single && (COMMON_WORDS.has(t.lower) || FUNCTION_WORDS.has(t.lower));
    const personLike = single && (isFirstName(t.word) || isLastName(t.word));
    const us = US_PLACES.has(span.map((s) => s.lower).join(' '));
    // A first name followed by another capitalised word is a person's full name ("from Kevin Lamovec's ...").
    const nextTok = tokens[best + 1];
    if (single && isFirstName(t.word) && nextTok && nextTok.cap && !nextTok.allCaps && adjacent(text, t, nextTok) && !FUNCTION_WORDS.has(nextTok.lower) &&
      !PLACE_TRAILERS.has(nextTok.lower) && !FACILITY_SET.has(nextTok.lower) && !COMMON_WORDS.has(nextTok.lower)) continue;
    let score = 0;
    if (stateAfter(endTok)) score = 0.93;
    else if (common) score = 0;
    else if (strongPrep) score = personLike && pop < 5000 && !us ? 0 : 0.85;
    else if (weakPrep) score = personLike ? 0 : pop >= 1000 || us ? 0.72 : 0;
    else if (!single) score = pop >= 1000 || us ? 0.7 : 0;
    else score = !personLike && pop >= 100000 && !t.sentenceStart ? 0.66 : pop >= 500000 && !isFirstName(t.word) ? 0.66 : 0;
    // A facility or neighbourhood word right after belongs to a longer name handled elsewhere.
    const follow = tokens[best + 1];
    if (follow && adjacent(text, endTok, follow) && (FACILITY_SET.has(follow.lower) || PLACE_TRAILERS.has(follow.lower))) score = 0;
    if (score > 0) {
      out.push({ type: 'LOCATION', start: t.start, end: endTok.end, score, source: 'location.gazetteer' });
      i = best;
    }
  }
}

const UNIVERSITY_OF = /\b(?:University|UNIVERSITY|university) (?:of|OF) ((?:\p{Lu}[\p{L}\p{M}'’-]+)(?:[ \t]\p{Lu}[\p{L}\p{M}'’-]+){0,2}|[\p{Ll}\p{M}'’-]{4,}(?:[ \t][\p{Ll}\p{M}]{1,2}(?![\p{L}]))?)(?=[.,;!?]|\s*$)/gu;
const COUNTRY_CLUB = /(?:^|[:,]|\bat|\bthe|\bwhere)[ \t]+((?:[\p{L}\p{M}'’.-]+(?:[ \t]+\([\p{L} ]+\))?[ \t]+){1,3}?)country club\b/giu;
/** A house number right after a place name, not a count, year, time or dose ("5 years", "2019", "3 pm", "2 times"). */
const HOUSE_NUMBER_AFTER = /^[ \t]+(?!(?:19|20)\d\d\b)\d{1,4}[a-zA-Z]?\b(?![ \t]*(?:years?|yrs?|months?|weeks?|days?|hours?|hrs?|minutes?|mins?|times?|am|pm|a\.m|p\.m|mg|kg|lbs?|miles?|km|kids|people|of|%|[:.,]\d|st\b|nd\b|rd\b|th\b))/i;
const PHRASE_BEFORE_G = unanchor(PHRASE_BEFORE);
const STRONG_PHRASE_BEFORE_G = unanchor(STRONG_PHRASE_BEFORE);
const PLACE_VERB_G = unanchor(PLACE_VERB);
const STRONG_PLACE_VERB_G = unanchor(STRONG_PLACE_VERB);
/** The last word of each PLACE_VERB / PHRASE_BEFORE phrase: without one of them in the text, the phrase scans are skipped. */
const PLACE_VERB_WORDS = new Set(['up', 'in', 'near', 'around', 'to', 'from', 'is', 'of', 'at', 'visiting']);
const PHRASE_WORDS = new Set(['by', 'starring', 'featuring', 'to', 'of', 'me', 'him', 'her', 'them', 'it', 'under', 'beneficiary', 'add', 'added', 'adding', 'meet', 'met', 'for', 'with', 'name', "name's", 'is', 'was']);
