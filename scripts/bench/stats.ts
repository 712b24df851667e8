/** Small statistics helpers for the benchmark (no dependencies). */

export interface Summary {
  n: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile on a sorted copy; values are rounded to 0.01. */
export function summarize(values: readonly number[]): Summary {
  if (values.length === 0) return { n: 0, p50: NaN, p90: NaN, p99: NaN, max: NaN, mean: NaN };
  const sorted = Float64Array.from(values).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
  let sum = 0;
  for (const v of sorted) sum += v;
  return { n: sorted.length, p50: r2(at(0.5)), p90: r2(at(0.9)), p99: r2(at(0.99)), max: r2(sorted[sorted.length - 1]!), mean: r2(sum / sorted.length) };
}

/** Infinity (a lost delivery) and NaN become null in the JSON report. */
export function r2(x: number): number {
  return Number.isFinite(x) ? Math.round(x * 100) / 100 : (null as unknown as number);
}


/** Deterministic PRNG (mulberry32), so every run uses the same message mix. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
