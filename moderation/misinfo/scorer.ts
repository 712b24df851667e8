/**
 * Scores messages for health misinformation: each sentence is embedded and scored by the
 * trained head, the whole message is scored too (for context: a sentence quoting a rumour in a
 * post that debunks it or asks about it reads differently from the same sentence said as fact),
 * and each sentence is compared with the knowledge base of known-false claims.
 *
 * Combination (HeadFile.combine):
 *   'max'      message score = max(whole-message score, every sentence score)
 *   'message'  message score = whole-message score; sentences only locate the span
 *   'geomean'  sentence score = sqrt(sentence score × whole-message score); message = max sentence
 *   'geomean-mean'  as 'geomean', but the message's vector is the normalised mean of its sentence
 *              vectors instead of a second encoder pass over the whole text (about half the work)
 * A sentence within `claimMatch.threshold` cosine of a known claim whose score is at least
 * `claimMatch.minClassifierScore` is a claim match and scores at least `claimMatch.score`, unless
 * exactly one of the sentence and the nearest phrasing carries a negation cue (claims.ts
 * isNegated): "Vaccines do not cause autism" is near "Vaccines cause autism" but does not state it.
 */
import { headScore, validateHead } from './head.js';
import { isNegated, type ClaimIndex, type ClaimMatch } from './claims.js';
import { splitSentences, type Span } from './sentences.js';
import type { Encoder, HeadFile } from './types.js';

export interface ScoredSentence extends Span {
  /** Head score of the sentence alone. */
  classifier: number;
  /** Score after combining with the message context and any claim match. */
  score: number;
  /** Nearest known claim, whether or not it counts as a match (absent when it could not match, see ScorerOptions.nearestForAll). */
  nearest?: ClaimMatch;
  /** False when exactly one of the sentence and the nearest claim phrasing is negated. */
  samePolarity?: boolean;
  /** Set when the sentence matches a known claim. */
  match?: ClaimMatch;
}

export interface ScoredText {
  /** Final score of the message (0..1). */
  score: number;
  /** Head score of the whole message. */
  messageScore: number;
  sentences: ScoredSentence[];
  /** The sentence that carries the score, if any. */
  top?: ScoredSentence;
}

export interface ScorerOptions {
  /** At most this many sentences are scored per message (default 64); later ones are skipped. */
  maxSentences?: number;
  /**
   * Look up the nearest claim of every sentence (default false: only of sentences whose score
   * reaches `claimMatch.minClassifierScore`, the only ones that can match). Training scripts that
   * tune the claim-match settings set it.
   */
  nearestForAll?: boolean;
}

export class MisinfoScorer {
  readonly maxSentences: number;
  readonly nearestForAll: boolean;

  constructor(
    readonly encoder: Encoder,
    readonly head: HeadFile,
    readonly claims?: ClaimIndex,
    options: ScorerOptions = {},
  ) {
    validateHead(head, encoder.dim);
    this.maxSentences = options.maxSentences ?? 64;
    this.nearestForAll = options.nearestForAll ?? false;
  }

  /** Scores many texts with one call to the encoder. */
  async scoreTexts(texts: string[]): Promise<ScoredText[]> {
    const plans = texts.map((text) => {
      const spans = splitSentences(text).slice(0, this.maxSentences);
      const whole = spans.length > 1 && this.head.combine !== 'geomean-mean' ? text.trim() : undefined;
      return { text, spans, whole };
    });
    const units: string[] = [];
    for (const p of plans) {
      for (const s of p.spans) units.push(p.text.slice(s.start, s.end));
      if (p.whole !== undefined) units.push(p.whole);
    }
    const vecs = units.length > 0 ? await this.encoder.embed(units) : [];
    let k = 0;
    return plans.map((p) => {
      const sentVecs = p.spans.map(() => vecs[k++]!);
      const wholeVec = p.whole !== undefined ? vecs[k++]! : undefined;
      return this.combine(p.spans, sentVecs, wholeVec, this.head, p.spans.map((s) => p.text.slice(s.start, s.end)));
    });
  }

  async scoreText(text: string): Promise<ScoredText> {
    return (await this.scoreTexts([text]))[0]!;
  }

  /** Combines precomputed embeddings (exposed for training scripts that cache embeddings). */
  combine(spans: Span[], sentVecs: ArrayLike<number>[], wholeVec?: ArrayLike<number>, head: HeadFile = this.head, texts?: readonly string[]): ScoredText {
    const cls = sentVecs.map((v) => headScore(head, v));
    if (spans.length === 0) return { score: 0, messageScore: 0, sentences: [] };
    const ctx = wholeVec ?? (head.combine === 'geomean-mean' && sentVecs.length > 1 ? meanUnit(sentVecs) : undefined);
    const messageScore = ctx ? headScore(head, ctx) : cls[0]!;
    const { threshold, minClassifierScore, score: matchScore } = head.claimMatch;
    const sentences: ScoredSentence[] = spans.map((span, i) => {
      const c = cls[i]!;
      let score = head.combine === 'geomean' || head.combine === 'geomean-mean' ? Math.sqrt(c * messageScore) : c;
      const nearest = this.nearestForAll || score >= minClassifierScore ? this.claims?.nearest(sentVecs[i]!) : undefined;
      let match: ClaimMatch | undefined;
      const text = texts?.[i];
      // "X does not cause Y" is close to the claim "X causes Y" but does not state it.
      const samePolarity = !nearest || text === undefined || isNegated(text) === isNegated(nearest.phrasing);
      if (nearest && samePolarity && nearest.similarity >= threshold && score >= minClassifierScore) {
        match = nearest;
        score = Math.max(score, matchScore);
      }
      return { ...span, classifier: c, score, ...(nearest ? { nearest, samePolarity } : {}), ...(match ? { match } : {}) };
    });
    let top = sentences[0]!;
    for (const s of sentences) if (s.score > top.score) top = s;
    let score: number;
    if (head.combine === 'message') score = top.match ? Math.max(messageScore, top.score) : messageScore;
    else if (head.combine === 'max') score = Math.max(messageScore, top.score);
    else score = top.score;
    return { score, messageScore, sentences, top };
  }
}

/** The L2-normalised mean of unit vectors. */
export function meanUnit(vecs: readonly ArrayLike<number>[]): Float32Array {
  const dim = vecs[0]!.length;
  const out = new Float32Array(dim);
  for (const v of vecs) for (let i = 0; i < dim; i++) out[i]! += v[i]!;
  let n = 0;
  for (let i = 0; i < dim; i++) n += out[i]! * out[i]!;
  n = Math.sqrt(n) || 1;
  for (let i = 0; i < dim; i++) out[i]! /= n;
  return out;
}
