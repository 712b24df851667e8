/** Forward pass of the trained classifier head (weights in models/misinfo/head.json). */
import type { DenseLayer, HeadFile } from './types.js';

export function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

/** Typed-array copies of a layer's weights, made once per layer object (JSON arrays are slow to scan). */
const packed = new WeakMap<DenseLayer, { w: Float64Array; b: Float64Array }>();
function pack(layer: DenseLayer): { w: Float64Array; b: Float64Array } {
  let p = packed.get(layer);
  if (!p) packed.set(layer, (p = { w: Float64Array.from(layer.weights), b: Float64Array.from(layer.bias) }));
  return p;
}

/** Raw logit of the head for one embedding (before calibration). */
export function headLogit(layers: readonly DenseLayer[], x: ArrayLike<number>): number {
  let cur: ArrayLike<number> = x;
  layers.forEach((layer, li) => {
    const { w, b } = pack(layer);
    const n = layer.in;
    const out = new Float64Array(layer.out);
    for (let o = 0; o < layer.out; o++) {
      const row = o * n;
      let s0 = 0;
      let s1 = 0;
      let i = 0;
      for (; i + 1 < n; i += 2) {
        s0 += w[row + i]! * cur[i]!;
        s1 += w[row + i + 1]! * cur[i + 1]!;
      }
      if (i < n) s0 += w[row + i]! * cur[i]!;
      const s = b[o]! + s0 + s1;
      out[o] = li < layers.length - 1 ? Math.max(0, s) : s;
    }
    cur = out;
  });
  return cur[0]!;
}

/** Calibrated probability that the text carries health misinformation. */
export function headScore(head: Pick<HeadFile, 'layers' | 'calibration'>, x: ArrayLike<number>): number {
  return sigmoid(head.calibration.a * headLogit(head.layers, x) + head.calibration.b);
}

/** Throws when the file is not a usable head for an encoder of `dim` dimensions. */
export function validateHead(head: HeadFile, dim: number): void {
  if (!head || typeof head !== 'object') throw new Error('head.json: not an object');
  if (head.version !== 1) throw new Error(`head.json: unsupported version ${String(head.version)}`);
  if (!Array.isArray(head.layers) || head.layers.length === 0) throw new Error('head.json: no layers');
  if (head.dim !== dim) throw new Error(`head.json was trained on ${head.dim}-d embeddings, encoder gives ${dim}`);
  let expected = dim;
  head.layers.forEach((l, i) => {
    if (l.in !== expected || !Array.isArray(l.weights) || !Array.isArray(l.bias) || l.weights.length !== l.in * l.out || l.bias.length !== l.out)
      throw new Error(`head.json: layer ${i} has inconsistent shape`);
    if (!l.weights.every(Number.isFinite) || !l.bias.every(Number.isFinite)) throw new Error(`head.json: layer ${i} has non-numeric weights`);
    expected = l.out;
  });
  if (expected !== 1) throw new Error('head.json: the last layer must have one output');
}
