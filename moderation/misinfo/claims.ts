/**
 * Claim matching: embeds every known-false claim (and its common phrasings) once, then finds
 * the nearest claim for a sentence embedding by cosine similarity.
 */
import type { Claim, ClaimsFile, Encoder } from './types.js';

export interface ClaimMatch {
  claim: Claim;
  similarity: number;
  /** The phrasing (the claim or one of its variants) that was nearest. */
  phrasing: string;
}

/**
 * Negation and refutation cues. The encoder is nearly blind to negation ("Vaccines cause autism"
 * and "Vaccines do not cause autism" are close), so a sentence is only said to state a known claim
 * when both carry such a cue or neither does (see MisinfoScorer).
 */
const NEGATION = /\b(?:not|no|never|nothing|nobody|none|neither|nor|cannot|myths?|false|untrue|debunked|[a-z]+n['’]t|dont|doesnt|didnt|isnt|arent|wasnt|cant|wont|shouldnt)\b/i;

export function isNegated(text: string): boolean {
  return NEGATION.test(text);
}

export class ClaimIndex {
  /** All phrasing vectors in one row-major rows x dim block (fast scan). */
  private readonly matrix: Float32Array;
  private readonly dim: number;

  private constructor(
    readonly claims: readonly Claim[],
    /** One row per embedded phrasing. */
    vectors: Float32Array[],
    /** Index into `claims` for each row of `vectors`. */
    private readonly owner: Int32Array,
    /** The text of each row. */
    private readonly phrasings: readonly string[],
  ) {
    this.dim = vectors[0]?.length ?? 0;
    this.matrix = new Float32Array(vectors.length * this.dim);
    vectors.forEach((v, r) => this.matrix.set(v, r * this.dim));
  }

  static async build(file: ClaimsFile, encoder: Encoder): Promise<ClaimIndex> {
    validateClaims(file);
    const texts: string[] = [];
    const owner: number[] = [];
    file.claims.forEach((c, i) => {
      for (const t of [c.claim, ...c.variants]) {
        texts.push(t);
        owner.push(i);
      }
    });
    const vectors = await encoder.embed(texts);
    return new ClaimIndex(file.claims, vectors, Int32Array.from(owner), texts);
  }

  get size(): number {
    return this.claims.length;
  }

  /** The nearest claim to an L2-normalised embedding. */
  nearest(v: ArrayLike<number>): ClaimMatch | undefined {
    const { matrix: m, dim } = this;
    const x = v instanceof Float32Array ? v : Float32Array.from(v);
    let best = -Infinity;
    let bestRow = -1;
    for (let r = 0, off = 0; off < m.length; r++, off += dim) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let i = 0;
      for (; i + 3 < dim; i += 4) {
        s0 += m[off + i]! * x[i]!;
        s1 += m[off + i + 1]! * x[i + 1]!;
        s2 += m[off + i + 2]! * x[i + 2]!;
        s3 += m[off + i + 3]! * x[i + 3]!;
      }
      for (; i < dim; i++) s0 += m[off + i]! * x[i]!;
      const s = s0 + s1 + s2 + s3;
      if (s > best) {
        best = s;
        bestRow = r;
      }
    }
    if (bestRow < 0) return undefined;
    return { claim: this.claims[this.owner[bestRow]!]!, similarity: best, phrasing: this.phrasings[bestRow]! };
  }
}

export function validateClaims(file: ClaimsFile): void {
  if (!file || !Array.isArray(file.claims)) throw new Error('claims.json: "claims" must be an array');
  const ids = new Set<string>();
  for (const c of file.claims) {
    for (const key of ['id', 'topic', 'claim', 'correction', 'authority'] as const) {
      if (typeof c[key] !== 'string' || c[key].length === 0) throw new Error(`claims.json: claim ${String(c.id)} lacks ${key}`);
    }
    if (!Array.isArray(c.variants)) throw new Error(`claims.json: claim ${c.id} lacks variants`);
    if (ids.has(c.id)) throw new Error(`claims.json: duplicate id ${c.id}`);
    ids.add(c.id);
  }
}
