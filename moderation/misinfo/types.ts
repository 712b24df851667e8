/** Types shared by the misinformation classifier, the claim matcher and the stage. */

/**
 * A sentence encoder: L2-normalised vectors of `dim` floats. Implemented by the ONNX port in
 * ./encoder.ts (and ./encoder-pool.ts over worker threads); declared here so this module does
 * not depend on which one the caller picks.
 */
export interface Encoder {
  dim: number;
  embed(texts: string[]): Promise<Float32Array[]>;
  /** Each piece's state after the last layer (the PHI tagger's input); absent on encoders that cannot give them. */
  tokenStates?(texts: string[]): Promise<TokenStates[]>;
  close(): Promise<void>;
}

/**
 * The encoder's per-piece states for one text (models/use-lite output `token_states`): piece k covers
 * text.slice(starts[k], ends[k]) (start === end for a piece that is only a word-boundary mark) and its state is
 * states[k * dim .. (k + 1) * dim). A text longer than the model's 128 pieces is read in windows.
 */
export interface TokenStates {
  starts: Int32Array;
  ends: Int32Array;
  states: Float32Array;
  /**
   * The text's sentence vector (what `embed([text])` gives) when the text fits one window: the same model run computes
   * it, so stages asking for both share one run (see ./shared-encoder.ts).
   */
  vector?: Float32Array;
}

/**
 * Per-community settings for the misinformation stage (`CommunityPolicy.misinfo`).
 * Scores are the calibrated probability (0..1) that a sentence spreads health misinformation.
 */
export interface MisinfoPolicy {
  /** Turns the stage off for this community. */
  enabled: boolean;
  /** At or above this score the message is held for a moderator. */
  holdThreshold: number;
  /** At or above this score (and below holdThreshold) the message is published with a context note. */
  noteThreshold: number;
  /** Authors whose messages are only recorded (action 'none'), e.g. moderators quoting a rumour. */
  exemptRoles: string[];
}

/** One known-false health claim with its correction (models/misinfo/claims.json). */
export interface Claim {
  id: string;
  topic: string;
  /** The false claim, stated plainly. */
  claim: string;
  /** Other ways people phrase it; embedded alongside the claim. */
  variants: string[];
  /** Short correction in plain words, shown to moderators and used as the context note. */
  correction: string;
  /** Body the correction rests on (WHO, CDC, NIH, NHS, a specialty society). */
  authority: string;
}

export interface ClaimsFile {
  version: number;
  claims: Claim[];
}

/** A dense layer: `out = W·x + b`, W stored row-major as out × in. */
export interface DenseLayer {
  in: number;
  out: number;
  weights: number[];
  bias: number[];
}

/**
 * The trained head (models/misinfo/head.json): an optional hidden layer (ReLU), a logistic
 * output, then Platt-style calibration `p = sigmoid(a·logit + b)` fitted on dev data.
 */
export interface HeadFile {
  version: 1;
  /** Which encoder produced the training embeddings (e.g. 'use-lite'). */
  encoder: string;
  dim: number;
  layers: DenseLayer[];
  calibration: { a: number; b: number };
  /** How sentence and whole-message scores combine (see scorer.ts). */
  combine: 'max' | 'message' | 'geomean' | 'geomean-mean';
  /**
   * Claim matching: a sentence at or above `threshold` cosine to a known claim, whose score is
   * at least `minClassifierScore`, is a match and scores at least `score`.
   */
  claimMatch: { threshold: number; minClassifierScore: number; score: number };
  /** Training provenance, for the model card (no data). */
  meta?: Record<string, unknown>;
}
