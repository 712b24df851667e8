import t from 'tap';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { env, pipeline } from '@huggingface/transformers';
import { InferenceSession } from 'onnxruntime-node';
import { DEFAULT_MODEL_DIR, loadEncoder } from '../moderation/misinfo/encoder.js';
import { convert } from '../scripts/model/convert-use-lite.js';

interface Manifest {
  files: Record<string, { bytes: number; sha256: string }>;
}
const committed = JSON.parse(readFileSync(join(DEFAULT_MODEL_DIR, 'manifest.json'), 'utf8')) as Manifest;

t.test('the converter rebuilds the committed model folder byte for byte from the npm package', async (t) => {
  const out = mkdtempSync(join(tmpdir(), 'haven-use-lite-'));
  t.teardown(() => rmSync(out, { recursive: true, force: true }));
  const built = await convert(out, ['fp16', 'q8']);
  t.same(Object.keys(built).sort(), Object.keys(committed.files).sort());
  for (const [name, m] of Object.entries(committed.files)) {
    t.equal(built[name]?.sha256, m.sha256, name);
    const onDisk = createHash('sha256').update(readFileSync(join(DEFAULT_MODEL_DIR, name))).digest('hex');
    t.equal(onDisk, m.sha256, `committed ${name} matches its manifest`);
  }
  for (const [name, m] of Object.entries(committed.files)) t.ok(m.bytes <= 30e6, `${name} is ${(m.bytes / 1e6).toFixed(1)} MB`);
});

t.test('ONNX graph exposes transformers.js-style inputs and outputs', async (t) => {
  const s = await InferenceSession.create(join(DEFAULT_MODEL_DIR, 'onnx', 'model_quantized.onnx'));
  t.same([...s.inputNames], ['input_ids', 'attention_mask']);
  t.same([...s.outputNames], ['sentence_embedding', 'last_hidden_state', 'token_states']);
  await s.release();
});

t.test('a plain transformers.js feature-extraction pipeline gives the encoder vectors', async (t) => {
  env.allowRemoteModels = false;
  env.localModelPath = dirname(DEFAULT_MODEL_DIR) + '/';
  const extractor = await pipeline('feature-extraction', basename(DEFAULT_MODEL_DIR));
  const enc = await loadEncoder();
  t.teardown(async () => {
    await extractor.dispose();
    await enc.close();
  });
  const texts = ['Colloidal silver cured my sinus infection in two days.', 'Please finish the antibiotics.'];
  const out = await extractor(texts, { pooling: 'cls' });
  t.same(out.dims, [2, 512]);
  const ours = await enc.embed(texts);
  const data = out.data as Float32Array;
  for (let i = 0; i < texts.length; i++) {
    let c = 0;
    for (let j = 0; j < 512; j++) c += data[i * 512 + j]! * ours[i]![j]!;
    t.ok(c > 0.999, `text ${i}: cosine ${c.toFixed(5)}`);
  }
});
