/**
 * Encoder-based crisis classifier: logistic heads over the project's sentence encoder (USE-lite,
 * 512-d unit vectors of the whole message). One head says "a person in crisis now" (any kind);
 * one head per kind says which kind. Trained by `npm run train:crisis` (scripts/train-crisis.ts)
 * on the project's own labeled posts; weights in models/crisis/head.json, see MODEL_CARD.md.
 * Pure except for reading the model file; never logs or keeps message text.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Encoder } from '../misinfo/types.js';
import type { CrisisKind } from './lexicons.v1.js';

export const DEFAULT_CRISIS_MODEL_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'models', 'crisis');

/** A logistic unit: p = sigmoid(w·x + b). */
export interface LogisticHead {
  weights: number[];
  bias: number;
}

/** models/crisis/head.json */
export interface CrisisModelFile {
  version: 1;
  id: string;
  /** Model version (bump on retraining with other data or settings). */
  modelVersion: string;
  /** Encoder that produced the training embeddings, and its dimension. */
  encoder: string;
  dim: number;
  /** What is embedded: the whole message, trimmed. */
  input: 'message';
  /** "Crisis now" (any kind). */
  any: LogisticHead;
  /** One-vs-rest head per kind. */
  kinds: Record<CrisisKind, LogisticHead>;
  /**
   * The any-crisis head reports at p >= threshold when the message has some lexical evidence of a
   * crisis (a rule cue of any weight, even below the rules' own threshold; chosen for recall on
   * cross-validated training predictions).
   */
  threshold: number;
  /**
   * Stricter threshold for a message with no lexical evidence at all (classifier alone), chosen on
   * cross-validated training predictions for a low false-alarm rate on ordinary posts. Absent in
   * models before 1.4.0: then `threshold` applies to every message.
   */
  soloThreshold?: number;
  /** Besides the most likely kind, every kind at p >= kindThreshold is reported. */
  kindThreshold: number;
  /** Training provenance for the model card (settings and counts, no text). */
  meta?: Record<string, unknown>;
}

export const CRISIS_KINDS: readonly CrisisKind[] = ['suicidal', 'self_harm', 'overdose', 'medical_emergency', 'abuse'];

export class CrisisModelError extends Error {
  readonly code: 'MODEL_MISSING' | 'MODEL_CORRUPT';
  constructor(code: 'MODEL_MISSING' | 'MODEL_CORRUPT', message: string, options?: { cause?: unknown }) {
    super(`${code}: ${message}`, options);
    this.name = 'CrisisModelError';
    this.code = code;
  }
}

export function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

export function logistic(head: LogisticHead, x: ArrayLike<number>): number {
  let s = head.bias;
  const w = head.weights;
  for (let i = 0; i < w.length; i++) s += w[i]! * x[i]!;
  return sigmoid(s);
}

const isHead = (h: unknown, dim: number): h is LogisticHead =>
  !!h &&
  typeof h === 'object' &&
  Array.isArray((h as LogisticHead).weights) &&
  (h as LogisticHead).weights.length === dim &&
  (h as LogisticHead).weights.every((v) => Number.isFinite(v)) &&
  Number.isFinite((h as LogisticHead).bias);

/** Throws CrisisModelError MODEL_CORRUPT when the value is not a usable model for `dim`. */
export function validateCrisisModel(model: unknown, dim?: number): CrisisModelFile {
  const m = model as CrisisModelFile;
  const bad = (why: string) => new CrisisModelError('MODEL_CORRUPT', `crisis head.json: ${why}`);
  if (!m || typeof m !== 'object' || m.version !== 1) throw bad('unsupported version');
  if (!Number.isInteger(m.dim) || m.dim <= 0) throw bad('bad dim');
  if (dim !== undefined && m.dim !== dim) throw bad(`trained on ${m.dim}-d embeddings, encoder gives ${dim}`);
  if (!isHead(m.any, m.dim)) throw bad('bad "any" head');
  for (const k of CRISIS_KINDS) if (!isHead(m.kinds?.[k], m.dim)) throw bad(`bad head for kind ${k}`);
  for (const t of [m.threshold, m.kindThreshold, ...(m.soloThreshold === undefined ? [] : [m.soloThreshold])])
    if (!(typeof t === 'number' && t > 0 && t < 1)) throw bad('thresholds must be in (0, 1)');
  return m;
}

/** Reads and validates `<dir>/head.json` (default models/crisis). */
export function loadCrisisModel(dir: string = DEFAULT_CRISIS_MODEL_DIR, dim?: number): CrisisModelFile {
  const path = join(dir, 'head.json');
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CrisisModelError('MODEL_MISSING', `cannot read ${path}`, { cause: error });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    throw new CrisisModelError('MODEL_CORRUPT', `${path} is not JSON`, { cause: error });
  }
  return validateCrisisModel(parsed, dim);
}

export interface CrisisPrediction {
  /** Probability of a crisis now (any kind). */
  p: number;
  /** Per-kind probabilities, in CRISIS_KINDS order. */
  kinds: Record<CrisisKind, number>;
}

/** Scores one embedding. */
export function predictCrisis(model: CrisisModelFile, x: ArrayLike<number>): CrisisPrediction {
  const kinds = {} as Record<CrisisKind, number>;
  for (const k of CRISIS_KINDS) kinds[k] = logistic(model.kinds[k], x);
  return { p: logistic(model.any, x), kinds };
}

/**
 * Kinds the classifier reports for a prediction at or over the threshold: the likeliest kind plus
 * any kind at kindThreshold or more, then only those in `allowed` (a kind a community turned off is
 * dropped, never relabelled as another kind).
 */
export function predictedKinds(
  model: CrisisModelFile,
  pred: CrisisPrediction,
  allowed: readonly CrisisKind[] = CRISIS_KINDS,
  threshold: number = model.threshold,
): CrisisKind[] {
  if (pred.p < threshold) return [];
  const best = CRISIS_KINDS.reduce((a, b) => (pred.kinds[b] > pred.kinds[a] ? b : a));
  return CRISIS_KINDS.filter((k) => (k === best || pred.kinds[k] >= model.kindThreshold) && allowed.includes(k));
}

/**
 * The any-crisis threshold for one message: `threshold` (or the community's `classifierThreshold`)
 * when the lexicon found some evidence; otherwise the community's `classifierSoloThreshold`, else the
 * stricter of that threshold and the model's `soloThreshold`.
 */
export function thresholdFor(model: CrisisModelFile, lexicalEvidence: boolean, override?: number, soloOverride?: number): number {
  const base = override ?? model.threshold;
  if (lexicalEvidence) return base;
  return soloOverride ?? Math.max(base, model.soloThreshold ?? base);
}

/** The text the classifier embeds for a message (the same string the misinformation stage embeds for a multi-sentence message). */
export function classifierInput(text: string): string {
  return text.trim();
}

export class CrisisClassifier {
  constructor(
    readonly encoder: Encoder,
    readonly model: CrisisModelFile,
  ) {
    validateCrisisModel(model, encoder.dim);
  }

  async predict(text: string): Promise<CrisisPrediction> {
    const [vec] = await this.encoder.embed([classifierInput(text)]);
    if (!vec) throw new Error('encoder returned no vector');
    return predictCrisis(this.model, vec);
  }

  async predictMany(texts: string[]): Promise<CrisisPrediction[]> {
    const vecs = texts.length > 0 ? await this.encoder.embed(texts.map(classifierInput)) : [];
    return vecs.map((v) => predictCrisis(this.model, v));
  }
}
