/**
 * A learned sequence tagger for the identifiers that patterns cannot pin down: PERSON, LOCATION, ADDRESS and ZIP.
 *
 * Why: the rule recognizers need a cue ("Dr.", "my son", "live in") or a gazetteer hit plus capitalisation, so they miss
 * names written in lower case, foreign names with no cue ("Has anyone heard how Sigrunn is doing?") and addresses in other
 * countries' forms. A tagger reads the same signals (word shape, gazetteers, context words, the tag just given) and
 * weighs them from labeled examples instead of hand-set rules.
 *
 * Model: greedy left-to-right averaged perceptron over BIO tags (the classic fast NER/POS design), with hand-built
 * features. The word itself is a feature only when it is an ordinary English word; any other word is seen through its
 * shape, suffix and gazetteer memberships, so the model cannot learn the particular names of its training data.
 * Weights: models/phi-tagger/model.json, trained by `npm run train:phi-tagger` (see models/phi-tagger/MODEL_CARD.md).
 * Synchronous: ~0.1 ms per 500-character post on its own (the lower-case dictionary words most of a post is made of
 * are not scored; word features are cached), ~0.14 ms inside the detector (`npm run bench:phi`).
 * Transformer variant (models/phi-tagger/model-transformer.json): the same, plus a dense layer over each scored
 * token's state from the project's sentence encoder (`tokenVector`), when the caller passes the encoder's token states.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Candidate } from './candidates.js';
import type { TokenStates } from '../misinfo/types.js';
import { GREETINGS } from './names.js';
import { fold, isAnyName, isDictionaryWord, isEnglishWord, isFirstName, isLastName, PLACES, US_PLACES } from './gazetteer.js';
import {
  BRANDS, CLINICIAN_ROLES, COMMON_WORDS, CONDITION_WORDS, COUNTRIES, DRUGS, EPONYMS, HEALTH_TERMS, MONTHS, PERSON_TITLES, PUBLIC_BODIES, RELATIONS, US_STATES,
} from './lexicon.js';
import type { PhiType } from './types.js';

export const TAGGED_TYPES = ['PERSON', 'LOCATION', 'ADDRESS', 'ZIP'] as const satisfies readonly PhiType[];
export type TaggedType = (typeof TAGGED_TYPES)[number];
export const TAGS: readonly string[] = ['O', ...TAGGED_TYPES.flatMap((t) => [`B-${t}`, `I-${t}`])];

export const DEFAULT_TAGGER_MODEL = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'models', 'phi-tagger', 'model.json');
/** The same tagger with a linear layer over the sentence encoder's token states (see `tokenVectors`). */
export const DEFAULT_TRANSFORMER_TAGGER_MODEL = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'models', 'phi-tagger', 'model-transformer.json');
/** Width of the encoder state read per token (models/use-lite `token_states`). */
export const STATE_DIM = 512;
/**
 * Length a token's state vector is scaled to. The perceptron has no learning rate, so this sets how much the dense
 * layer weighs against the binary features; chosen by cross-validation (1, 2 and 4 tried; MODEL_CARD.md).
 */
export const STATE_SCALE = 1;

export interface TagToken {
  start: number;
  end: number;
  /** 'w' word, 'n' number, 'l' line break, 'p' punctuation. */
  kind: 'w' | 'n' | 'l' | 'p';
  /** Folded (lower-case, accent-free) text. */
  lower: string;
  /** Context key: the word when it is ordinary English, else its shape class. */
  key: string;
  shape: string;
  /** Gazetteer and lexicon memberships, one letter each (see `flagsOf`). */
  flags: string;
  sentenceStart: boolean;
  /** Hashes of key, shape and flags, so features are integers built without string concatenation. */
  hk: number;
  hs: number;
  hg: number;
  /** A lower-case dictionary word or punctuation: tagged O without scoring when the previous tag is O (see decode). */
  plain: boolean;
}

/** Words (with inner apostrophes), runs of letters and digits ("B0J", "SW1A", "A1c"), numbers, line breaks, marks. */
const TOKEN = /[\p{L}\p{M}\p{N}]*\p{N}[\p{L}\p{M}\p{N}]*|[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*|\n|[^\s\p{L}\p{M}\p{N}]/gu;
const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

function shapeOf(raw: string, kind: TagToken['kind']): string {
  if (kind === 'n') {
    if (/^\d+$/.test(raw)) return `d${Math.min(raw.length, 6)}`;
    // Mixed letters and digits: the classes in order, runs collapsed ("B0J" -> "XdX", "12th" -> "dx").
    return raw.replace(/\p{Lu}+/gu, 'X').replace(/\p{Ll}+/gu, 'x').replace(/\d+/g, 'd').replace(/[^Xxd]/g, '').slice(0, 6);
  }
  if (kind === 'l') return 'NL';
  if (kind === 'p') return raw;
  const first = raw[0]!;
  const upper = first !== first.toLowerCase();
  if (!upper) return raw === raw.toLowerCase() ? 'x' : 'xX';
  if (raw.length > 1 && raw === raw.toUpperCase()) return 'X';
  return raw.slice(1) === raw.slice(1).toLowerCase() ? 'Xx' : 'XxX';
}

/** 32-bit FNV-1a of a string. */
export function hashString(str: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < str.length; i++) { h ^= str.charCodeAt(i); h = Math.imul(h, 0x01000193); }
  return h >>> 0;
}
/** Combines hashes (order matters); the feature template number goes first, so templates never share ids. */
function mix(a: number, b: number): number {
  let h = Math.imul(a ^ (b + 0x9e3779b9 + (a << 6) + (a >>> 2)), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Flags per folded word, cached: forum text repeats its words, and each miss costs a dozen gazetteer lookups.
 * Only ordinary words are kept (a dictionary or common word): names, places and numbers from members' messages are
 * never retained in memory after their message is checked. Bounded: cleared when full.
 */
const FLAG_CACHE = new Map<string, string>();
const FLAG_CACHE_MAX = 50_000;
const ORDINARY = /[ewc]/;
function cachedFlags(lower: string): string {
  let f = FLAG_CACHE.get(lower);
  if (f === undefined) {
    f = flagsOf(lower);
    if (ORDINARY.test(f)) {
      if (FLAG_CACHE.size >= FLAG_CACHE_MAX) FLAG_CACHE.clear();
      FLAG_CACHE.set(lower, f);
    }
  }
  return f;
}

/** One letter per list the word is in. */
function flagsOf(lower: string): string {
  let f = '';
  if (isFirstName(lower)) f += 'f';
  if (isLastName(lower)) f += 'l';
  if (isAnyName(lower)) f += 'a';
  const pop = PLACES.get(lower);
  if (pop !== undefined) f += pop >= 100_000 ? 'P' : 'p';
  if (US_PLACES.has(lower)) f += 'u';
  if (isEnglishWord(lower)) f += 'e';
  if (isDictionaryWord(lower)) f += 'w';
  if (COMMON_WORDS.has(lower)) f += 'c';
  if (COUNTRIES.has(lower) || US_STATES.has(lower)) f += 's';
  if (DRUGS.has(lower) || EPONYMS.has(lower) || CONDITION_WORDS.has(lower) || PUBLIC_BODIES.has(lower) || HEALTH_TERMS.has(lower) || BRANDS.has(lower)) f += 'd';
  if (PERSON_TITLES.has(lower)) f += 't';
  if (RELATIONS.has(lower) || CLINICIAN_ROLES.has(lower)) f += 'r';
  if (MONTHS.has(lower) || WEEKDAYS.has(lower)) f += 'm';
  // (+ 'x' for a word with letters beyond ASCII, added by the tokenizer)
  return f;
}

/** Whether a token's text is held in the tagger's caches (for tests and audits of what stays in memory). */
export function taggerCacheHolds(word: string): boolean {
  return WORD_CACHE.has(word) || FLAG_CACHE.has(fold(word));
}

const H_POSS = hashString("'s");
const H_EMPTY = hashString('');

/**
 * What a token's text alone determines; cached per distinct token text (forum posts repeat their words), for
 * ordinary words and punctuation only (see FLAG_CACHE: no name, place or number outlives its message here).
 */
type WordInfo = Pick<TagToken, 'kind' | 'lower' | 'key' | 'shape' | 'flags' | 'hk' | 'hs' | 'hg' | 'plain'>;
const WORD_CACHE = new Map<string, WordInfo>();
const WORD_CACHE_MAX = 50_000;

function wordInfo(raw: string): WordInfo {
  const cached = WORD_CACHE.get(raw);
  if (cached) return cached;
  const kind: TagToken['kind'] = raw === '\n' ? 'l' : /\p{N}/u.test(raw) ? 'n' : /^[\p{L}\p{M}]/u.test(raw) ? 'w' : 'p';
  const lower = kind === 'w' ? fold(raw) : raw;
  const flags = kind === 'w' ? cachedFlags(lower) + (/[^\x00-\x7f]/.test(raw) ? 'x' : '') : '';
  const known = kind !== 'w' || /[ewc]/.test(flags) || (lower.length <= 2 && /^[a-z]+$/.test(lower));
  const shape = shapeOf(raw, kind);
  const key = kind === 'n' ? shape : known ? lower : `?${shape}`;
  // Skipped after an O (see decode): lower-case dictionary words, and punctuation (no span starts with it).
  const plain = (kind === 'w' && shape === 'x' && /[ewc]/.test(flags)) || kind === 'p' || kind === 'l';
  const info: WordInfo = { kind, lower, key, shape, flags, hk: hashString(key), hs: hashString(shape), hg: hashString(flags), plain };
  if (kind === 'p' || kind === 'l' || (kind === 'w' && ORDINARY.test(flags))) {
    if (WORD_CACHE.size >= WORD_CACHE_MAX) WORD_CACHE.clear();
    WORD_CACHE.set(raw, info);
  }
  return info;
}

export function tagTokens(text: string): TagToken[] {
  const out: TagToken[] = [];
  let sentenceStart = true;
  for (const m of text.matchAll(TOKEN)) {
    let raw = m[0];
    const start = m.index;
    // A possessive is its own token, so "Ström's" is tagged as the name "Ström".
    let poss = false;
    if (raw.length > 3 && (raw.endsWith("'s") || raw.endsWith('’s') || raw.endsWith("'S")) && /^[\p{L}\p{M}]/u.test(raw)) { poss = true; raw = raw.slice(0, -2); }
    const info = wordInfo(raw);
    out.push({ start, end: start + raw.length, sentenceStart, ...info });
    if (poss) out.push({ start: start + raw.length, end: start + raw.length + 2, kind: 'p', lower: "'s", key: "'s", shape: "'s", flags: '', sentenceStart: false, hk: H_POSS, hs: H_POSS, hg: H_EMPTY, plain: true });
    sentenceStart = info.kind === 'l' || raw === '.' || raw === '!' || raw === '?' || raw === ':' || raw === '"';
  }
  return out;
}

const H_PAD = hashString('<pad>');
const PAD: TagToken = { start: 0, end: 0, kind: 'p', lower: '<pad>', key: '<pad>', shape: '<pad>', flags: '', sentenceStart: false, hk: H_PAD, hs: H_PAD, hg: H_EMPTY, plain: false };
const FLAG_HASH: Record<string, number> = Object.fromEntries([...'flaPpuewcsdtrmx'].map((c) => [c, hashString(c)]));

/**
 * The features of token i, given the two tags before it (indexes into TAGS), as 32-bit ids: each is a feature
 * template number mixed with the hashed values it reads. Same function for training and inference.
 * Templates: 1 bias; 2-5 the context keys k-1..k+1; 3, 8, 32 shapes; 9-11 previous tags; 12-15 key/shape pairs, the
 * shape trigram and the keys around; 17-19 flag sets of k-1..k+1; 22 previous tag with flags; 23-24 sentence start;
 * 25-26 single flags; (6, 7, 20, 21: the words two away, dropped: they fitted the synthetic templates, validation F2
 * rose without them);
 * 27-31 suffixes, prefix and length of a word outside the dictionary; 32 the next token's shape.
 */
export function featuresOf(tokens: TagToken[], i: number, prev: number, prev2: number, out: number[]): void {
  const t = tokens[i]!;
  const p1 = tokens[i - 1] ?? PAD;
  const n1 = tokens[i + 1] ?? PAD;
  out.length = 0;
  out.push(1, mix(2, t.hk), mix(3, t.hs), mix(4, p1.hk), mix(5, n1.hk),
    mix(8, p1.hs), mix(32, n1.hs), mix(9, prev), mix(mix(10, prev2), prev), mix(mix(11, prev), t.hs),
    mix(mix(12, p1.hk), t.hs), mix(mix(13, t.hs), n1.hk), mix(mix(mix(14, p1.hs), t.hs), n1.hs), mix(mix(15, p1.hk), n1.hk),
    mix(17, t.hg), mix(18, p1.hg), mix(19, n1.hg), mix(mix(22, prev), t.hg));
  if (t.sentenceStart) out.push(mix(23, t.hs), mix(24, t.hg));
  for (let j = 0; j < t.flags.length; j++) {
    const fh = FLAG_HASH[t.flags[j]!]!;
    out.push(mix(25, fh), mix(mix(26, fh), t.hs));
  }
  if (t.kind === 'w' && t.key.charCodeAt(0) === 63 /* ? */) {
    const l = t.lower;
    out.push(mix(27, hashString(l.slice(-3))), mix(28, hashString(l.slice(-4))), mix(29, hashString(l.slice(-2))), mix(30, hashString(l.slice(0, 3))), mix(31, Math.min(l.length, 10)));
  }
}

/**
 * Weights: feature id -> one float per tag, in an open-addressing table over typed arrays (a Map of rows costs
 * twice as much per lookup, and the tagger makes ~30 lookups per token).
 */
export class WeightTable {
  /** Open-addressing slots, two ints each: feature id, and 1 + its row number (0 = empty); one cache line per probe. */
  readonly slots: Int32Array;
  /** Rows packed one after another, in thousandths (the model file rounds to 3 decimals): half the bytes of floats. */
  readonly values: Int16Array;
  readonly mask: number;
  readonly size: number;
  constructor(rows: Map<number, ArrayLike<number>>, readonly width: number) {
    let cap = 16;
    while (cap < rows.size * 2) cap <<= 1;
    this.mask = cap - 1;
    this.slots = new Int32Array(cap * 2);
    this.values = new Int16Array(rows.size * width);
    this.size = rows.size;
    let r = 0;
    for (const [k, row] of rows) {
      let slot = k & this.mask;
      while (this.slots[slot * 2 + 1]) slot = (slot + 1) & this.mask;
      this.slots[slot * 2] = k | 0;
      this.slots[slot * 2 + 1] = r + 1;
      for (let j = 0; j < width; j++) {
        const v = Math.round(row[j]! * 1000);
        if (v > 32767 || v < -32768) throw new Error('tagger weight out of range');
        this.values[r * width + j] = v;
      }
      r++;
    }
  }
  /** Adds the row of feature `k` (if known) to `acc`, in thousandths. */
  addTo(k: number, acc: Float64Array): void {
    const key = k | 0;
    let slot = k & this.mask;
    let row: number;
    while ((row = this.slots[slot * 2 + 1]!) !== 0) {
      if (this.slots[slot * 2] === key) {
        const base = (row - 1) * this.width;
        for (let j = 0; j < this.width; j++) acc[j]! += this.values[base + j]!;
        return;
      }
      slot = (slot + 1) & this.mask;
    }
  }
}

export interface TaggerModel {
  version: string;
  tags: readonly string[];
  weights: WeightTable;
  /**
   * Subtracted from the O tag's score before choosing: > 0 trades precision for recall. Chosen by the training
   * script on held-out templates (best F2, the recall-weighted measure) and stored with the weights.
   */
  oMargin: number;
  /**
   * Transformer variant only: one row of STATE_DIM weights per tag, applied to the token's encoder state (the mean of
   * its pieces' states, scaled to length STATE_SCALE), added to the tag scores of the hashed features.
   */
  dense?: Float32Array;
}

interface ModelFile {
  version: string;
  tags: string[];
  oMargin?: number;
  dense?: number[][];
  /** feature id (see featuresOf) -> weights, one per tag, rounded. */
  weights: Record<string, number[]>;
}

export function parseTaggerModel(json: string): TaggerModel {
  const file = JSON.parse(json) as ModelFile;
  if (!file || typeof file.version !== 'string' || !Array.isArray(file.tags) || typeof file.weights !== 'object') throw new Error('invalid tagger model');
  if (file.tags.join() !== TAGS.join()) throw new Error('tagger model tags do not match this code');
  const rows = new Map<number, number[]>();
  for (const [k, v] of Object.entries(file.weights)) {
    if (!Array.isArray(v) || v.length !== TAGS.length || !/^\d+$/.test(k)) throw new Error('invalid tagger model row');
    rows.set(Number(k) >>> 0, v);
  }
  const oMargin = file.oMargin ?? 0;
  if (typeof oMargin !== 'number' || !Number.isFinite(oMargin)) throw new Error('invalid tagger model margin');
  const model: TaggerModel = { version: file.version, tags: file.tags, weights: new WeightTable(rows, TAGS.length), oMargin };
  if (file.dense !== undefined) {
    if (!Array.isArray(file.dense) || file.dense.length !== TAGS.length || file.dense.some((r) => !Array.isArray(r) || r.length !== STATE_DIM || r.some((x) => typeof x !== 'number' || !Number.isFinite(x))))
      throw new Error('invalid tagger model dense layer');
    model.dense = Float32Array.from(file.dense.flat());
  }
  return model;
}

/**
 * A tagger token's vector from the encoder's piece states: the mean of the states of the pieces that overlap the
 * token, scaled to length STATE_SCALE (undefined for a token no piece covers). A piece spanning two tokens ("12," in
 * one piece) counts for both. Same function in training and inference.
 */
export function tokenVector(token: Pick<TagToken, 'start' | 'end'>, states: TokenStates): Float32Array | undefined {
  const { starts, ends } = states;
  // First piece ending after the token starts (pieces are in text order).
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid]! <= token.start) lo = mid + 1;
    else hi = mid;
  }
  const all = states.states;
  let v: Float32Array | undefined;
  for (let k = lo; k < starts.length && starts[k]! < token.end; k++) {
    if (starts[k] === ends[k]) continue;
    if (v === undefined) v = all.slice(k * STATE_DIM, (k + 1) * STATE_DIM);
    else for (let j = 0, b = k * STATE_DIM; j < STATE_DIM; j++) v[j]! += all[b + j]!;
  }
  if (v === undefined) return undefined;
  let norm = 0;
  for (let j = 0; j < STATE_DIM; j++) norm += v[j]! * v[j]!;
  const f = norm > 0 ? STATE_SCALE / Math.sqrt(norm) : 0;
  for (let j = 0; j < STATE_DIM; j++) v[j]! *= f;
  return v;
}

/** Every token's vector (training); the detector computes only those it scores. */
export function tokenVectors(tokens: TagToken[], states: TokenStates): Array<Float32Array | undefined> {
  return tokens.map((t) => tokenVector(t, states));
}

/** Greedy decode: the best tag per token, and the softmax probability of that tag (for the span score). */
export function decode(
  model: TaggerModel, tokens: TagToken[], oMargin = model.oMargin, scratch: Float64Array = new Float64Array(TAGS.length),
  vectorOf?: (i: number) => Float32Array | undefined,
): { tags: Int8Array; probs: Float32Array } {
  const n = tokens.length;
  const tags = new Int8Array(n);
  const probs = new Float32Array(n);
  const feats: number[] = [];
  let prev = 0;
  let prev2 = 0;
  for (let i = 0; i < n; i++) {
    if (prev === 0 && tokens[i]!.plain) {
      // Most of a post: ordinary lower-case words outside any name. Names written in lower case that are also
      // dictionary words ("mark", "rose") are lost here; the name rules still read them with a cue ("my son mark").
      tags[i] = 0;
      probs[i] = 1;
      prev2 = prev;
      continue;
    }
    featuresOf(tokens, i, prev, prev2, feats);
    scratch.fill(0);
    for (const f of feats) model.weights.addTo(f, scratch);
    for (let k = 0; k < scratch.length; k++) scratch[k]! *= 0.001;
    const v = model.dense ? vectorOf?.(i) : undefined;
    if (v) addDense(model.dense!, v, scratch);
    scratch[0]! -= oMargin;
    let best = 0;
    for (let k = 1; k < scratch.length; k++) if (scratch[k]! > scratch[best]!) best = k;
    let z = 0;
    for (let k = 0; k < scratch.length; k++) z += Math.exp(scratch[k]! - scratch[best]!);
    tags[i] = best;
    probs[i] = 1 / z;
    prev2 = prev;
    prev = best;
  }
  return { tags, probs };
}

/** scores[k] += dense row k · v */
export function addDense(dense: Float32Array, v: Float32Array, scores: Float64Array): void {
  const n = scores.length;
  for (let k = 0; k < n; k++) {
    let d0 = 0;
    let d1 = 0;
    const base = k * STATE_DIM;
    // Two sums: shorter dependency chains, measurably faster in V8.
    for (let j = 0; j < STATE_DIM; j += 2) {
      d0 += dense[base + j]! * v[j]!;
      d1 += dense[base + j + 1]! * v[j + 1]!;
    }
    scores[k]! += d0 + d1;
  }
}

export interface TaggedSpan { type: TaggedType; start: number; end: number; score: number; firstToken: number; lastToken: number }

/** Spans from BIO tags; a span never begins or ends on punctuation or a line break. */
export function spansOf(tokens: TagToken[], tags: Int8Array, probs: Float32Array): TaggedSpan[] {
  const spans: TaggedSpan[] = [];
  let open: { type: TaggedType; from: number; to: number } | undefined;
  const close = () => {
    if (!open) return;
    let { from, to } = open;
    while (from <= to && (tokens[from]!.kind === 'p' || tokens[from]!.kind === 'l')) from++;
    while (to >= from && (tokens[to]!.kind === 'p' || tokens[to]!.kind === 'l')) to--;
    if (from <= to) {
      let sum = 0;
      for (let k = from; k <= to; k++) sum += probs[k]!;
      spans.push({ type: open.type, start: tokens[from]!.start, end: tokens[to]!.end, score: sum / (to - from + 1), firstToken: from, lastToken: to });
    }
    open = undefined;
  };
  for (let i = 0; i < tokens.length; i++) {
    const tag = TAGS[tags[i]!]!;
    if (tag === 'O') { close(); continue; }
    const type = tag.slice(2) as TaggedType;
    if (tag.startsWith('B-') || !open || open.type !== type) { close(); open = { type, from: i, to: i }; }
    else open.to = i;
  }
  close();
  return spans;
}

// Read when the module loads, like the gazetteers, so a pipeline worker reports ready with the model in memory and
// the first message does not pay for parsing it.
let loaded: TaggerModel = parseTaggerModel(readFileSync(DEFAULT_TAGGER_MODEL, 'utf8'));
// The transformer variant is read on first use: only a server with the encoder loaded needs it.
let loadedTransformer: TaggerModel | undefined;
/** The model the detector uses (the committed one unless a tool replaced it); `transformer`: the variant reading token states. */
export function taggerModel(transformer = false): TaggerModel {
  if (!transformer) return loaded;
  return (loadedTransformer ??= parseTaggerModel(readFileSync(DEFAULT_TRANSFORMER_TAGGER_MODEL, 'utf8')));
}

/** Replaces the model the detector uses (development tools: scoring a validation model with `eval:phi`). */
export function setTaggerModel(model: TaggerModel, transformer = false): void {
  if (transformer) loadedTransformer = model;
  else loaded = model;
}

const PLACE_TAGS = new Set(TAGS.flatMap((t, i) => (/LOCATION|ADDRESS/.test(t) ? [i] : [])));
function afterPlace(tokens: TagToken[], tags: Int8Array, at: number, rules: Candidate[]): boolean {
  const from = Math.max(0, at - 6);
  for (let k = from; k < at; k++) if (PLACE_TAGS.has(tags[k]!) || /[sPpu]/.test(tokens[k]!.flags)) return true;
  const start = tokens[at]!.start;
  return rules.some((c) => (c.type === 'LOCATION' || c.type === 'ADDRESS') && c.end <= start && start - c.end <= 40);
}

function allLowerCase(tokens: TagToken[], from: number, to: number): boolean {
  for (let k = from; k <= to; k++) if (tokens[k]!.kind === 'w' && tokens[k]!.shape !== 'x') return false;
  return true;
}
/** Every word is a census name, a city of 100k+ or written with letters beyond ASCII ("ruše"), not a dictionary word. */
function knownLowerCaseName(tokens: TagToken[], from: number, to: number): boolean {
  let words = 0;
  for (let k = from; k <= to; k++) {
    const t = tokens[k]!;
    if (t.kind !== 'w') continue;
    words++;
    // Not a dictionary word ("tad", "karma", "mac"), and a first name, a surname, a city or non-ASCII letters.
    if (t.lower.length < 3 || /['’]/.test(t.lower) || /[ewc]/.test(t.flags) || !/[flPx]/.test(t.flags)) return false;
  }
  return words > 0;
}

const STREET_WORDS = new Set(`street st avenue ave road rd lane ln drive dr court ct boulevard blvd way place pl terrace circle
parkway pkwy highway hwy route unit apt apartment suite ste box po apo fpo dpo psc flat floor fl bldg building`.split(/\s+/));
/**
 * A number and a word that names a street: a street or unit word ("12 main st", "unit 1009 box 0219") or a
 * capitalised word that is not a place name; "10 mins, then 20 mins" is not an address.
 */
function addressLike(tokens: TagToken[], from: number, to: number): boolean {
  let number = false;
  let named = false;
  for (let k = from; k <= to; k++) {
    const t = tokens[k]!;
    if (t.kind === 'n') number = true;
    // A street or unit word, or a capitalised (or non-ASCII) word that is not a town, state, country or two-letter
    // code: a town, state or country with a number is a postcode ("Springfield, IL 62704", "Bangladesh 71366").
    else if (t.kind === 'w' && (STREET_WORDS.has(t.lower) || ((t.shape !== 'x' || t.flags.includes('x')) && !/[spPu]/.test(t.flags) && !(t.shape === 'X' && t.lower.length === 2)))) named = true;
  }
  return number && named;
}

/** A greeting word just before token i, allowing "thank you (so) (much)". */
function greeted(tokens: TagToken[], i: number): boolean {
  let k = i - 1;
  while (k >= 0 && (tokens[k]!.lower === 'so' || tokens[k]!.lower === 'much' || tokens[k]!.lower === 'very')) k--;
  return k >= 0 && tokens[k]!.kind === 'w' && GREETINGS.has(tokens[k]!.lower);
}

/** No number and no word outside the dictionary. */
function onlyDictionaryWords(tokens: TagToken[], from: number, to: number): boolean {
  for (let k = from; k <= to; k++) {
    const t = tokens[k]!;
    if (t.kind === 'n' || (t.kind === 'w' && !/[ewc]/.test(t.flags))) return false;
  }
  return true;
}

/** Words that are never a person or a place on their own (medicines, conditions, public bodies, states, months). */
function onlyExcludedWords(tokens: TagToken[], from: number, to: number): boolean {
  for (let k = from; k <= to; k++) {
    const t = tokens[k]!;
    if (t.kind !== 'w') continue;
    if (!/[dsmt]/.test(t.flags) && !(/[ew]/.test(t.flags) && t.shape === 'x')) return false;
  }
  return true;
}

const NAME_TYPES: ReadonlySet<string> = new Set(TAGGED_TYPES);

/**
 * Adds the tagger's spans (PERSON, LOCATION, ADDRESS, ZIP) to `out` as candidates scored by the tagger's confidence.
 * The rules' candidates already in `out` come first: a validated pattern (phone, email, date, ID...) is never swallowed
 * by a tagged span, and where a name rule has read the same words the rule's type stands (it has a cue or a
 * gazetteer hit; the tagger's value is the names and places no rule reads). A tagged span is cut around them.
 */
export function taggedCandidates(text: string, out: Candidate[], model?: TaggerModel, states?: TokenStates): void {
  const tokens = tagTokens(text);
  if (tokens.length === 0) return;
  const m = model ?? taggerModel(states !== undefined);
  const { tags, probs } = decode(m, tokens, m.oMargin, undefined, states && m.dense ? (i) => tokenVector(tokens[i]!, states) : undefined);
  const rules = out.filter((c) => c.score >= 0.5);
  const blocked = (t: TagToken, spanType: TaggedType) => {
    for (const c of rules) {
      if (!(c.start < t.end && t.start < c.end)) continue;
      // An address holds the names, towns and postcodes in it, and joins the rules' reading of the same address.
      // Otherwise the rules' reading stands (measured: letting a confident tagged span override it lost recall).
      if (spanType === 'ADDRESS' && NAME_TYPES.has(c.type)) continue;
      // A name or place the rules read in part ("Teresa" of "Teresa Walker"): the tagged span joins it (below), so the
      // rest of the name is not left visible.
      if ((spanType === 'PERSON' || spanType === 'LOCATION') && c.type === spanType) continue;
      return true;
    }
    return false;
  };
  for (const s of spansOf(tokens, tags, probs)) {
    let from = -1;
    const emit = (a: number, b: number) => {
      while (a <= b && (tokens[a]!.kind === 'p' || tokens[a]!.kind === 'l')) a++;
      while (b >= a && (tokens[b]!.kind === 'p' || tokens[b]!.kind === 'l')) b--;
      if (a > b) return;
      if ((s.type === 'PERSON' || s.type === 'LOCATION') && onlyExcludedWords(tokens, a, b)) return;
      // One ordinary English word ("Hope", "Remission", "Keto") is a name only with a cue, and cues are the rules' job.
      if ((s.type === 'PERSON' || s.type === 'LOCATION') && a === b && /[ewc]/.test(tokens[a]!.flags)) return;
      // What is left of an address once phone numbers are cut out of it ("office", "fax") is not an address.
      if (s.type === 'ADDRESS' && (onlyDictionaryWords(tokens, a, b) || !addressLike(tokens, a, b))) return;
      // Written all in lower case, a name or place must be one the gazetteers know, word for word: chat slang and
      // contractions ("alot", "gonna", "n't") are unknown lower-case words too.
      // (A lower-case address is judged by addressLike below.)
      if ((s.type === 'PERSON' || s.type === 'LOCATION') && allLowerCase(tokens, a, b) && !knownLowerCaseName(tokens, a, b)) return;
      let start = tokens[a]!.start;
      let end = tokens[b]!.end;
      // A tagged ZIP is reported only right after a place (a tagged or found city or address, a state or country
      // within the last few words): a bare number alone is far more often a count or a lab value.
      // Not a year-like number, and not one that a lower-case word goes on from ("in Rome 2000 people marched").
      if (s.type === 'ZIP' && (!afterPlace(tokens, tags, a, rules) || tokens[b + 1]?.plain || /^(?:19|20)\d\d$/.test(text.slice(start, end)))) return;
      let sum = 0;
      for (let k = a; k <= b; k++) sum += probs[k]!;
      let score = sum / (b - a + 1);
      // Addressing a member by name ("thanks Jen", "thank you so much Oyelaran") is not disclosure: same rule and score
      // as the name rules, below the default reporting threshold.
      if (s.type === 'PERSON' && a === b && greeted(tokens, a)) score = Math.min(score, 0.45);
      let widened: Candidate | undefined;
      if (s.type === 'PERSON' || s.type === 'LOCATION') {
        // The rules' reading of the same name, widened to the tagged words around it: the rules' score and subject
        // stand (a greeting's 0.45, "I'm Dana" being the author's own name); only the span grows.
        const same = rules.filter((c) => c.type === s.type && c.start < end && start < c.end);
        if (same.length > 0) {
          if (same.some((c) => c.start <= start && end <= c.end)) return;
          const base = same.reduce((a, c) => (c.score > a.score ? c : a));
          widened = { ...base, start: Math.min(start, ...same.map((c) => c.start)), end: Math.max(end, ...same.map((c) => c.end)) };
        }
      }
      if (widened) {
        out.push(widened);
        return;
      }
      if (s.type === 'ADDRESS') {
        // One span for one address: the union with the rules' ADDRESS readings it overlaps, at the better score (the
        // longer span then wins the overlap resolution; a Faker-style block is often read in two parts).
        for (const c of rules) {
          if (c.type !== 'ADDRESS' || !(c.start < end && start < c.end)) continue;
          start = Math.min(start, c.start);
          end = Math.max(end, c.end);
          score = Math.max(score, c.score);
        }
      }
      out.push({ type: s.type, start, end, score: Math.round(score * 100) / 100, source: `tagger.${s.type.toLowerCase()}` });
    };
    for (let i = s.firstToken; i <= s.lastToken; i++) {
      if (blocked(tokens[i]!, s.type)) {
        if (from >= 0) emit(from, i - 1);
        from = -1;
      } else if (from < 0) from = i;
    }
    if (from >= 0) emit(from, s.lastToken);
  }
}
