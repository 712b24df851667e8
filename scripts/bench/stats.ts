/** Small statistics helpers for the benchmark (no dependencies). */
import { rng } from '../lib/rng.js';

export { rng };

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


export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
