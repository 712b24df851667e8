/**
 * Parity check: the ONNX port (moderation/misinfo/encoder.ts, transformers.js + onnxruntime-node)
 * against the reference TF.js implementation (@energetic-ai/embeddings + model-embeddings-en).
 *
 *   npm run check:encoder-parity [-- --dtypes q8,fp16 (default: the formats present) --min 0.999 --model-dir models/use-lite
 *                                   --sentences test/fixtures/encoder/parity-sentences.txt --corpus DIR]
 *
 * Reports, per weight format, cosine(reference, port) over every sentence (min / p1 / mean) and
 * token-id agreement of (a) the encoder's tokenizer and (b) transformers.js's stock tokenizer from
 * the same tokenizer.json. --corpus DIR additionally compares token ids on every line of the
 * .txt/.csv/.tsv/.json(l) files under DIR (read only; for evaluation data kept outside the repo).
 * Exits 1 if any format's minimum cosine is below --min.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { AutoTokenizer, env, pipeline } from '@huggingface/transformers';
import { DEFAULT_MODEL_DIR, loadEncoder, MODEL_FILES, type EncoderDtype } from '../../moderation/misinfo/encoder.js';
import { loadReference } from './reference.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SENTENCES_FILE = join(ROOT, 'test', 'fixtures', 'encoder', 'parity-sentences.txt');

export function loadSentences(file = SENTENCES_FILE): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map((l) => l.replaceAll('\\n', '\n').replaceAll('\\t', '\t'));
}

function cos(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    s += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return s / Math.sqrt(na * nb);
}

function corpusLines(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(txt|csv|tsv|jsonl?)$/.test(f) && statSync(p).size < 20e6)
        for (const line of readFileSync(p, 'utf8').split('\n')) if (line.trim()) out.push(line.slice(0, 1000));
    }
  };
  walk(dir);
  return out;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'model-dir': { type: 'string', default: DEFAULT_MODEL_DIR },
      dtypes: { type: 'string' },
      min: { type: 'string', default: '0.999' },
      sentences: { type: 'string', default: SENTENCES_FILE },
      corpus: { type: 'string' },
    },
  });
  const modelDir = resolve(values['model-dir']!);
  const min = Number(values.min);
  // Default: every weight format present in the folder (fp32 is not committed), served one (q8) first.
  const dtypes = (values.dtypes ? values.dtypes.split(',').map((s) => s.trim()) : (['q8', 'fp16', 'fp32'] as const).filter((d) => existsSync(join(modelDir, MODEL_FILES[d])))) as EncoderDtype[];
  if (dtypes.length === 0) throw new Error(`no ONNX model in ${modelDir}/onnx`);
  const sentences = loadSentences(values.sentences);
  console.log(`parity: ${sentences.length} sentences from ${values.sentences}, model ${modelDir}`);

  const ref = await loadReference();
  const refVecs: Float32Array[] = [];
  for (let i = 0; i < sentences.length; i += 32) refVecs.push(...(await ref.embed(sentences.slice(i, i + 32))));
  console.log(`reference: TF.js ${ref.backend} backend`);

  // Tokenizers
  const enc0 = await loadEncoder({ modelDir, dtype: dtypes[0] });
  env.allowRemoteModels = false;
  env.localModelPath = dirname(modelDir) + '/';
  const stock = await AutoTokenizer.from_pretrained(modelDir.split('/').pop()!);
  const stockIds = (s: string): number[] => Array.from((stock(s) as { input_ids: { data: BigInt64Array } }).input_ids.data, Number);
  const compareTokens = (texts: string[]) => {
    let ours = 0;
    let stockSame = 0;
    const stockDiff: string[] = [];
    for (const s of texts) {
      const r = ref.tokenize(s).slice(0, 128).join();
      if (enc0.tokenize(s).join() === r) ours++;
      if (s.normalize('NFKC') === '' || stockIds(s).slice(0, 128).join() === r) stockSame++;
      else stockDiff.push(s);
    }
    return { ours, stockSame, stockDiff };
  };
  const tk = compareTokens(sentences);
  console.log(`token ids identical to the reference: encoder tokenizer ${tk.ours}/${sentences.length}, stock transformers.js tokenizer ${tk.stockSame}/${sentences.length}`);
  if (values.corpus) {
    const lines = corpusLines(values.corpus);
    const c = compareTokens(lines);
    console.log(`corpus ${values.corpus}: ${lines.length} lines; encoder tokenizer ${c.ours}/${lines.length} identical, stock transformers.js ${c.stockSame}/${lines.length}`);
    for (const s of c.stockDiff.slice(0, 3)) console.log(`  stock differs (score tie): ${JSON.stringify(s.slice(0, 80))}`);
  }
  await enc0.close();

  let failed = false;
  for (const dtype of dtypes) {
    const enc = await loadEncoder({ modelDir, dtype });
    // Batched (as served under load) and one text per run: int8 activations are quantised per run,
    // so a vector can move slightly with the other texts in its batch.
    const batched = await enc.embed(sentences);
    const single: Float32Array[] = [];
    for (const s of sentences) single.push(...(await enc.embed([s])));
    const c = [...batched, ...single].map((v, i) => cos(v, refVecs[i % sentences.length]!));
    const sorted = [...c].sort((a, b) => a - b);
    const mean = c.reduce((a, b) => a + b, 0) / c.length;
    const below = c.filter((x) => x < min).length;
    const worst = c.indexOf(sorted[0]!) % sentences.length;
    const ok = sorted[0]! >= min && tk.ours === sentences.length;
    failed ||= !ok;
    console.log(
      `${dtype.padEnd(5)} ${MODEL_FILES[dtype].padEnd(26)} cosine min ${sorted[0]!.toFixed(6)}  p1 ${sorted[Math.floor(c.length * 0.01)]!.toFixed(6)}  mean ${mean.toFixed(6)}  below ${min}: ${below}/${c.length} (${sentences.length} batched + one at a time)  ${ok ? 'PASS' : 'FAIL'}`,
    );
    if (!ok) console.log(`      worst: ${JSON.stringify(sentences[worst]!.slice(0, 100))}`);
    await enc.close();
  }

  // What a plain transformers.js pipeline call gives (stock tokenizer, ONNX output last_hidden_state[:, 0]).
  const extractor = await pipeline('feature-extraction', modelDir.split('/').pop()!, { dtype: dtypes[0] });
  const out = await extractor(sentences, { pooling: 'cls' });
  const pc = sentences.map((_, i) => cos((out.data as Float32Array).subarray(i * 512, (i + 1) * 512), refVecs[i]!));
  const ps = [...pc].sort((a, b) => a - b);
  console.log(`pipeline('feature-extraction', { pooling: 'cls' }) ${dtypes[0]}: cosine min ${ps[0]!.toFixed(6)}, mean ${(pc.reduce((a, b) => a + b, 0) / pc.length).toFixed(6)} (stock tokenizer)`);
  await extractor.dispose();
  process.exit(failed ? 1 : 0);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
