import t from 'tap';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_MODEL_DIR, EncoderError, loadEncoder, type LoadedEncoder } from '../moderation/misinfo/encoder.js';
import { loadSentences } from '../scripts/model/check-parity.js';
import { loadReference, type Reference } from '../scripts/model/reference.js';

const dot = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
};

let enc: LoadedEncoder;
let ref: Reference;
t.before(async () => {
  [enc, ref] = await Promise.all([loadEncoder(), loadReference()]);
});
t.teardown(() => enc?.close());

t.test('loads the shipped int8 model and returns unit 512-d vectors in input order', async (t) => {
  t.equal(enc.dim, 512);
  t.equal(enc.dtype, 'q8');
  const texts = ['short', 'A much longer message about metformin, insulin doses and my last A1C result of 6.4 percent.', 'ok', ''];
  const vecs = await enc.embed(texts);
  t.equal(vecs.length, texts.length);
  for (const v of vecs) {
    t.ok(v instanceof Float32Array && v.length === 512);
    t.ok(Math.abs(Math.sqrt(dot(v, v)) - 1) < 1e-4, 'L2-normalised');
  }
  // order: each vector is the one the text gets alone
  for (const [i, text] of texts.entries()) {
    const [alone] = await enc.embed([text]);
    t.ok(dot(alone!, vecs[i]!) > 0.999, `position ${i} keeps its text`);
  }
  t.same(await enc.embed([]), []);
});

t.test('tokenizer reproduces the reference ids on every parity sentence', async (t) => {
  const sentences = loadSentences();
  t.ok(sentences.length >= 200);
  const mismatches = sentences.filter((s) => enc.tokenize(s).join() !== ref.tokenize(s).slice(0, 128).join());
  t.same(mismatches, []);
  // score ties (the stock transformers.js Unigram breaks these the other way) and the leading-':' quirk
  for (const s of ['soooooo cheap .... like', 'everrrrrr', ':) thanks', ':( my mom', 'hi :)']) t.same(enc.tokenize(s), ref.tokenize(s), s);
});

t.test('matches the TF.js reference (cosine >= 0.999) on a spread of the parity sentences', async (t) => {
  const all = loadSentences();
  const sample = all.filter((_, i) => i % 5 === 0);
  const [ours, theirs] = await Promise.all([enc.embed(sample), ref.embed(sample)]);
  const cos = ours.map((v, i) => dot(v, theirs[i]!));
  const worst = Math.min(...cos);
  t.ok(worst >= 0.999, `min cosine ${worst.toFixed(5)} over ${sample.length} sentences`);
});

t.test('similar claims are closer than unrelated text', async (t) => {
  const [a, b, c] = await enc.embed(['Vaccines cause autism in children.', 'My son became autistic because of his MMR shot.', 'What is a good recipe for banana bread?']);
  t.ok(dot(a!, b!) > dot(a!, c!) + 0.2, `paraphrase ${dot(a!, b!).toFixed(3)} vs unrelated ${dot(a!, c!).toFixed(3)}`);
});

t.test('long input is truncated to 128 tokens like the reference', async (t) => {
  const long = 'my blood sugar was high again today and I do not know why. '.repeat(30);
  t.equal(enc.tokenize(long).length, 128);
  const [ours] = await enc.embed([long]);
  const [theirs] = await ref.embed([long]);
  t.ok(dot(ours!, theirs!) >= 0.999);
});

t.test('startup errors have stable codes', async (t) => {
  const tmp = mkdtempSync(join(tmpdir(), 'haven-encoder-'));
  t.teardown(() => rmSync(tmp, { recursive: true, force: true }));
  const code = (p: Promise<unknown>) =>
    p.then(
      () => 'resolved',
      (e: unknown) => (e instanceof EncoderError ? e.code : String(e)),
    );

  t.equal(await code(loadEncoder({ modelDir: join(tmp, 'nope') })), 'MODEL_MISSING', 'no folder');

  const copy = (name: string) => {
    const d = join(tmp, name);
    cpSync(DEFAULT_MODEL_DIR, d, { recursive: true });
    return d;
  };
  const noTok = copy('no-tokenizer');
  rmSync(join(noTok, 'tokenizer.json'));
  t.equal(await code(loadEncoder({ modelDir: noTok })), 'MODEL_MISSING', 'tokenizer.json missing');

  const noOnnx = copy('no-onnx');
  rmSync(join(noOnnx, 'onnx'), { recursive: true });
  t.equal(await code(loadEncoder({ modelDir: noOnnx })), 'MODEL_MISSING', 'onnx/ missing');

  const badJson = copy('bad-config');
  writeFileSync(join(badJson, 'config.json'), '{"model_type": "use-lite", ');
  t.equal(await code(loadEncoder({ modelDir: badJson })), 'MODEL_CORRUPT', 'config.json not JSON');

  const flipped = copy('flipped');
  const onnx = join(flipped, 'onnx', 'model_quantized.onnx');
  const bytes = readFileSync(onnx);
  bytes.fill(0, 1000, 50_000);
  writeFileSync(onnx, bytes);
  t.equal(await code(loadEncoder({ modelDir: flipped })), 'MODEL_CORRUPT', 'checksum mismatch');
  t.equal(await code(loadEncoder({ modelDir: flipped, verify: false })), 'MODEL_CORRUPT', 'onnxruntime rejects the file, or the canary check fails');

  const truncated = copy('truncated');
  writeFileSync(join(truncated, 'onnx', 'model_quantized.onnx'), readFileSync(onnx).subarray(0, 4096));
  t.equal(await code(loadEncoder({ modelDir: truncated, verify: false })), 'MODEL_CORRUPT', 'truncated model');
});

t.test('embed after close is refused', async (t) => {
  const e = await loadEncoder({ dtype: 'fp16' });
  t.equal(e.dtype, 'fp16');
  const [v] = await e.embed(['still here']);
  const [w] = await enc.embed(['still here']);
  t.ok(dot(v!, w!) > 0.999, 'fp16 and int8 agree');
  await e.close();
  await t.rejects(e.embed(['x']), { code: 'ENCODER_CLOSED' });
});
