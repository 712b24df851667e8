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
  /** Skip the sentences of messages that cannot score (see scoreTexts; default true). */
  cascade?: boolean;
  /** Whole-message score below which sentences are skipped (default 0.25). */
  cascadeGate?: number;
  /** …unless the whole message is at least this similar to a known claim (default 0.7). */
  cascadeClaimFloor?: number;
}

/**
 * Cascade defaults, chosen on the dev splits (`npm run eval:misinfo -- --shared ../shared/data
 * --split dev`): F1 unchanged on own dev (0.911) and covid dev (0.867 → 0.868), while the bench mix
 * needs 1.5 encoder runs per message instead of 6.8. 0.25 = 0.5², so at the default note threshold
 * (0.5) the classifier part is exact: a skipped message's sentences could not have reached it.
 */
export const DEFAULT_CASCADE_GATE = 0.25;
export const DEFAULT_CASCADE_CLAIM_FLOOR = 0.7;

export class MisinfoScorer {
  readonly maxSentences: number;
  readonly nearestForAll: boolean;
  readonly cascade: boolean;
  readonly cascadeAt: number;
  readonly cascadeClaimFloor: number;

  constructor(
    readonly encoder: Encoder,
    readonly head: HeadFile,
    readonly claims?: ClaimIndex,
    options: ScorerOptions = {},
  ) {
    validateHead(head, encoder.dim);
    this.maxSentences = options.maxSentences ?? 64;
    this.nearestForAll = options.nearestForAll ?? false;
    this.cascade = options.cascade ?? true;
    this.cascadeAt = options.cascadeGate ?? DEFAULT_CASCADE_GATE;
    this.cascadeClaimFloor = options.cascadeClaimFloor ?? DEFAULT_CASCADE_CLAIM_FLOOR;
  }

  /**
   * Scores many texts. With the 'geomean' combination a sentence never scores above
   * sqrt(whole-message score), so a message whose whole score is below `cascadeGate()` (0.25 =
   * 0.5²) cannot reach the default note threshold through the classifier: its sentences are not
   * embedded at all, unless the whole message is close to a known claim (`cascadeClaimFloor`).
   * Most messages in a support group are like that, and they then cost one encoder run instead
   * of one per sentence plus one. This is an approximation for claim matching: a claim sentence
   * inside a long, otherwise harmless message whose whole vector is far from every claim is not
   * matched (dev F1 unchanged; see MODEL_CARD.md). `cascade: false` scores every sentence.
   */
  async scoreTexts(texts: string[], options: { minScore?: number } = {}): Promise<ScoredText[]> {
    const plans = texts.map((text) => {
      const spans = splitSentences(text).slice(0, this.maxSentences);
      const whole = spans.length > 1 && this.head.combine !== 'geomean-mean' ? text.trim() : undefined;
      return { text, spans, whole };
    });
    // A caller that reports lower scores (a community's lower note threshold) lowers the gate with it.
    const gate = options.minScore !== undefined ? Math.min(this.cascadeGate(), options.minScore ** 2) : this.cascadeGate();
    const cascaded = new Map<number, Float32Array>();
    if (gate > 0) {
      const first = plans.flatMap((p, i) => (p.whole !== undefined ? [i] : []));
      const wholeVecs = first.length > 0 ? await this.encoder.embed(first.map((i) => plans[i]!.whole!)) : [];
      first.forEach((i, k) => cascaded.set(i, wholeVecs[k]!));
    }
    const skipped = new Set<number>();
    const near = this.cascadeClaimFloor;
    for (const [i, v] of cascaded) {
      if (headScore(this.head, v) >= gate) continue;
      // A message close to a known claim is read sentence by sentence whatever its score.
      if (this.claims && (this.claims.nearest(v)?.similarity ?? 0) >= near) continue;
      skipped.add(i);
    }
    const units: string[] = [];
    plans.forEach((p, i) => {
      if (skipped.has(i)) return;
      for (const s of p.spans) units.push(p.text.slice(s.start, s.end));
      if (p.whole !== undefined && !cascaded.has(i)) units.push(p.whole);
    });
    const vecs = units.length > 0 ? await this.encoder.embed(units) : [];
    let k = 0;
    return plans.map((p, i) => {
      if (skipped.has(i)) {
        const messageScore = headScore(this.head, cascaded.get(i)!);
        // An upper bound of every sentence's score, below the gate: nothing to report.
        return { score: Math.sqrt(messageScore), messageScore, sentences: [] };
      }
      const sentVecs = p.spans.map(() => vecs[k++]!);
      const wholeVec = p.whole !== undefined ? (cascaded.get(i) ?? vecs[k++]!) : undefined;
      return this.combine(p.spans, sentVecs, wholeVec, this.head, p.spans.map((s) => p.text.slice(s.start, s.end)));
    });
  }

  /**
   * Whole-message score below which no sentence can score `claimMatch.minClassifierScore` or
   * more (0 = no cascade: other combinations, or no gate to rely on).
   */
  cascadeGate(): number {
    if (!this.cascade || this.head.combine !== 'geomean') return 0;
    return Math.max(this.cascadeAt, this.exactGate());
  }

  /** Below this whole-message score no sentence can even reach the claim-match gate. */
  private exactGate(): number {
    if (!this.cascade || this.head.combine !== 'geomean') return 0;
    const g = this.head.claimMatch.minClassifierScore;
    return g > 0 ? g * g : 0;
  }

  async scoreText(text: string, options: { minScore?: number } = {}): Promise<ScoredText> {
    return (await this.scoreTexts([text], options))[0]!;
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
