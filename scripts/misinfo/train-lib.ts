/** A small, seeded trainer for the classifier head: logistic regression or a one-hidden-layer MLP. */
import type { DenseLayer } from '../../moderation/misinfo/types.js';
import { headLogit, sigmoid } from '../../moderation/misinfo/head.js';
import { rng } from '../lib/rng.js';

export interface TrainOptions {
  hidden: number; // 0 = logistic regression
  epochs: number;
  lr: number;
  l2: number;
  batch: number;
  seed: number;
  /** Dropout on the hidden layer (MLP only). */
  dropout: number;
}

export const DEFAULT_TRAIN: TrainOptions = { hidden: 128, epochs: 20, lr: 0.01, l2: 1e-4, batch: 64, seed: 7, dropout: 0 };

/**
 * Minimises the weighted binary cross-entropy with Adam. `w` are per-example weights.
 * Deterministic for a given seed, data order and options.
 */
export function trainHead(X: Float32Array[], y: Uint8Array, w: Float32Array, opts: TrainOptions): DenseLayer[] {
  const rand = rng(opts.seed);
  const dim = X[0]!.length;
  const gauss = () => {
    const u = Math.max(rand(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
  };
  const layers: Array<{ in: number; out: number; W: Float64Array; b: Float64Array }> = [];
  if (opts.hidden > 0) {
    layers.push({ in: dim, out: opts.hidden, W: Float64Array.from({ length: dim * opts.hidden }, () => gauss() * Math.sqrt(2 / dim)), b: new Float64Array(opts.hidden) });
    layers.push({ in: opts.hidden, out: 1, W: Float64Array.from({ length: opts.hidden }, () => gauss() * Math.sqrt(1 / opts.hidden)), b: new Float64Array(1) });
  } else {
    layers.push({ in: dim, out: 1, W: new Float64Array(dim), b: new Float64Array(1) });
  }
  const params = layers.flatMap((l) => [l.W, l.b]);
  const m = params.map((p) => new Float64Array(p.length));
  const v = params.map((p) => new Float64Array(p.length));
  const grads = params.map((p) => new Float64Array(p.length));
  const b1 = 0.9;
  const b2 = 0.999;
  let step = 0;
  const n = X.length;
  const order = Array.from({ length: n }, (_, i) => i);
  const wSum = w.reduce((a, b) => a + b, 0);
  const H = opts.hidden;
  const h = new Float64Array(H);
  const mask = new Float64Array(H);

  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (let s = 0; s < n; s += opts.batch) {
      const idx = order.slice(s, s + opts.batch);
      for (const g of grads) g.fill(0);
      const scale = n / wSum / idx.length;
      for (const i of idx) {
        const x = X[i]!;
        if (H > 0) {
          const L0 = layers[0]!;
          const L1 = layers[1]!;
          for (let o = 0; o < H; o++) {
            let z = L0.b[o]!;
            const row = o * dim;
            for (let k = 0; k < dim; k++) z += L0.W[row + k]! * x[k]!;
            mask[o] = opts.dropout > 0 && rand() < opts.dropout ? 0 : 1 / (1 - opts.dropout);
            h[o] = z > 0 ? z * mask[o]! : 0;
          }
          let z = L1.b[0]!;
          for (let o = 0; o < H; o++) z += L1.W[o]! * h[o]!;
          const d = (sigmoid(z) - y[i]!) * w[i]! * scale;
          const gW1 = grads[2]!;
          const gb1 = grads[3]!;
          const gW0 = grads[0]!;
          const gb0 = grads[1]!;
          gb1[0]! += d;
          for (let o = 0; o < H; o++) {
            gW1[o]! += d * h[o]!;
            if (h[o]! > 0) {
              const dh = d * L1.W[o]! * mask[o]!;
              gb0[o]! += dh;
              const row = o * dim;
              for (let k = 0; k < dim; k++) gW0[row + k]! += dh * x[k]!;
            }
          }
        } else {
          const L = layers[0]!;
          let z = L.b[0]!;
          for (let k = 0; k < dim; k++) z += L.W[k]! * x[k]!;
          const d = (sigmoid(z) - y[i]!) * w[i]! * scale;
          const gW = grads[0]!;
          grads[1]![0]! += d;
          for (let k = 0; k < dim; k++) gW[k]! += d * x[k]!;
        }
      }
      step++;
      params.forEach((p, pi) => {
        const g = grads[pi]!;
        const mm = m[pi]!;
        const vv = v[pi]!;
        const isWeight = pi % 2 === 0;
        for (let k = 0; k < p.length; k++) {
          const gk = g[k]! + (isWeight ? opts.l2 * p[k]! : 0);
          mm[k] = b1 * mm[k]! + (1 - b1) * gk;
          vv[k] = b2 * vv[k]! + (1 - b2) * gk * gk;
          const mh = mm[k]! / (1 - b1 ** step);
          const vh = vv[k]! / (1 - b2 ** step);
          p[k] = p[k]! - (opts.lr * mh) / (Math.sqrt(vh) + 1e-8);
        }
      });
    }
  }
  return layers.map((l) => ({ in: l.in, out: l.out, weights: Array.from(l.W, round6), bias: Array.from(l.b, round6) }));
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

export function logits(layers: DenseLayer[], X: Float32Array[]): number[] {
  return X.map((x) => headLogit(layers, x));
}

/** Platt scaling: fits p = sigmoid(a·z + b) to labels by Newton-free gradient descent. */
export function fitPlatt(z: number[], y: ArrayLike<number>, w?: ArrayLike<number>): { a: number; b: number } {
  let a = 1;
  let b = 0;
  for (let it = 0; it < 3000; it++) {
    let ga = 0;
    let gb = 0;
    let ws = 0;
    for (let i = 0; i < z.length; i++) {
      const wi = w ? w[i]! : 1;
      const d = (sigmoid(a * z[i]! + b) - y[i]!) * wi;
      ga += d * z[i]!;
      gb += d;
      ws += wi;
    }
    a -= (0.5 * ga) / ws;
    b -= (0.5 * gb) / ws;
  }
  return { a: Math.round(a * 1e5) / 1e5, b: Math.round(b * 1e5) / 1e5 };
}
