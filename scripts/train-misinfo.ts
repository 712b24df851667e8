/**
 * `npm run train:misinfo -- --shared ../shared/data [options]`: trains the misinformation head
 * on frozen sentence embeddings and writes models/misinfo/head.json.
 *
 * Data (train splits only; dev splits calibrate and pick thresholds; test splits are never read):
 *   - the project's own corpus (test/fixtures/misinfo/train.jsonl): whole posts, plus each
 *     sentence of OK posts (so a quoted rumour inside an honest question reads as OK)
 *   - the claims knowledge base (models/misinfo/claims.json): claims and variants as MISINFO,
 *     corrections as OK, only for claims whose group is in the train split
 *   - misinfo-covid19-rumor (false -> MISINFO, true -> OK, unverified excluded)
 *   - misinfo-reddit-health (MISINFO only)
 *   - advice-reddit (a seeded sample of everyday Reddit sentences, OK)
 * Options: --encoder onnx|reference (default onnx), --model-dir DIR, --cache DIR,
 *   --hidden N (0 = logistic regression), --epochs N, --lr X, --l2 X, --seed N, --advice N,
 *   --out FILE (default models/misinfo/head.json), --no-write.
 * Without --shared it trains on the project's own data only (a weaker model).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitOf } from './misinfo/build-corpus.js';
import { loadAdviceReddit, loadCovidRumor, loadOwnCorpus, loadRedditHealth, ROOT, type Example } from './misinfo/data.js';
import { CachedEncoder, openEncoder, parseArgs, type EncoderKind } from './misinfo/encoders.js';
import { fmt, metrics } from './misinfo/metrics.js';
import { DEFAULT_TRAIN, fitPlatt, logits, trainHead, type TrainOptions } from './misinfo/train-lib.js';
import { ClaimIndex } from '../moderation/misinfo/claims.js';
import { MisinfoScorer, type ScoredText } from '../moderation/misinfo/scorer.js';
import { splitSentences } from '../moderation/misinfo/sentences.js';
import type { ClaimsFile, Encoder, HeadFile } from '../moderation/misinfo/types.js';

export function loadClaimsFile(): ClaimsFile {
  return JSON.parse(readFileSync(join(ROOT, 'models/misinfo/claims.json'), 'utf8')) as ClaimsFile;
}

/** Claims and corrections as training examples, split like the corpus (by claim id). */
export function claimExamples(file: ClaimsFile): Example[] {
  const out: Example[] = [];
  for (const c of file.claims) {
    const split = splitOf(c.id);
    for (const t of [c.claim, ...c.variants]) out.push({ text: t, label: 'MISINFO', set: 'claims', split, topic: c.topic, claim: c.id });
    out.push({ text: c.correction, label: 'OK', set: 'claims', split, topic: c.topic, claim: c.id });
  }
  return out;
}

export interface SetWeights {
  [set: string]: number;
}

/** Relative total weight of each training source (normalised per set, then per class). */
export const SET_WEIGHTS: SetWeights = { own: 3, 'own-sentence': 1, claims: 2, 'covid-news': 1, 'covid-twitter': 1, 'reddit-health': 1, 'advice-reddit': 1 };

export function buildTraining(examples: Example[]): Example[] {
  const out: Example[] = [];
  for (const e of examples) {
    if (e.split !== 'train') continue;
    out.push(e);
    if (e.set === 'own' && e.label === 'OK') {
      const spans = splitSentences(e.text);
      if (spans.length > 1) for (const s of spans) out.push({ ...e, text: e.text.slice(s.start, s.end), set: 'own-sentence' });
    }
  }
  return out;
}

function weightsFor(train: Example[], setWeights: SetWeights): Float32Array {
  const count = new Map<string, number>();
  for (const e of train) count.set(e.set, (count.get(e.set) ?? 0) + 1);
  const w = Float32Array.from(train, (e) => (setWeights[e.set] ?? 1) / count.get(e.set)!);
  // Balance the classes overall.
  let pos = 0;
  let neg = 0;
  train.forEach((e, i) => (e.label === 'MISINFO' ? (pos += w[i]!) : (neg += w[i]!)));
  train.forEach((e, i) => (w[i] = w[i]! * (e.label === 'MISINFO' ? 0.5 / pos : 0.5 / neg) * train.length));
  return w;
}

export async function scoreExamples(scorer: MisinfoScorer, examples: Example[], head?: HeadFile): Promise<ScoredText[]> {
  if (!head) return scorer.scoreTexts(examples.map((e) => e.text));
  // Same as scorer.scoreTexts but with another head (embeddings come from the cache).
  const plans = examples.map((e) => {
    const spans = splitSentences(e.text).slice(0, scorer.maxSentences);
    return { e, spans, whole: spans.length > 1 ? e.text.trim() : undefined };
  });
  const units = plans.flatMap((p) => [...p.spans.map((s) => p.e.text.slice(s.start, s.end)), ...(p.whole !== undefined ? [p.whole] : [])]);
  const vecs = await scorer.encoder.embed(units);
  let k = 0;
  return plans.map((p) => {
    const sv = p.spans.map(() => vecs[k++]!);
    const wv = p.whole !== undefined ? vecs[k++]! : undefined;
    return scorer.combine(p.spans, sv, wv, head);
  });
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const kind = (args.encoder ?? 'onnx') as EncoderKind;
  const opts: TrainOptions = {
    ...DEFAULT_TRAIN,
    ...(args.hidden !== undefined ? { hidden: Number(args.hidden) } : {}),
    ...(args.epochs !== undefined ? { epochs: Number(args.epochs) } : {}),
    ...(args.lr !== undefined ? { lr: Number(args.lr) } : {}),
    ...(args.l2 !== undefined ? { l2: Number(args.l2) } : {}),
    ...(args.seed !== undefined ? { seed: Number(args.seed) } : {}),
    ...(args.dropout !== undefined ? { dropout: Number(args.dropout) } : {}),
  };
  const adviceN = args.advice !== undefined ? Number(args.advice) : 3000;
  const shared = typeof args.shared === 'string' ? args.shared : undefined;

  const claimsFile = loadClaimsFile();
  const examples: Example[] = [...loadOwnCorpus(), ...claimExamples(claimsFile)];
  if (shared) {
    examples.push(...loadCovidRumor(join(shared, 'misinfo-covid19-rumor')));
    examples.push(...loadRedditHealth(join(shared, 'misinfo-reddit-health')));
    if (adviceN > 0) examples.push(...loadAdviceReddit(join(shared, 'advice-reddit'), adviceN));
  }
  const train = buildTraining(examples);
  const inner = await openEncoder(kind, typeof args['model-dir'] === 'string' ? args['model-dir'] : undefined);
  const encoder: Encoder = new CachedEncoder(inner, kind === 'reference' ? 'use-lite-reference' : 'use-lite-onnx', typeof args.cache === 'string' ? args.cache : undefined);

  const X = await encoder.embed(train.map((e) => e.text));
  const y = Uint8Array.from(train, (e) => (e.label === 'MISINFO' ? 1 : 0));
  const w = weightsFor(train, SET_WEIGHTS);
  const counts: Record<string, string> = {};
  for (const e of train) counts[e.set] = `${e.label === 'MISINFO' ? 'M' : 'O'}`;
  const summary = [...new Set(train.map((e) => e.set))].map((s) => {
    const xs = train.filter((e) => e.set === s);
    return `${s}: ${xs.filter((e) => e.label === 'MISINFO').length} MISINFO / ${xs.filter((e) => e.label === 'OK').length} OK`;
  });
  process.stderr.write(`training on ${train.length} examples (${summary.join('; ')})\n`);
  const t0 = Date.now();
  const layers = trainHead(X, y, w, opts);
  process.stderr.write(`trained in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);

  // Calibrate on the dev splits: own corpus and covid weigh equally.
  const dev = examples.filter((e) => e.split === 'dev' && e.set !== 'claims');
  const devSets = [...new Set(dev.map((e) => e.set))];
  const draft: HeadFile = {
    version: 1,
    encoder: 'use-lite',
    dim: encoder.dim,
    layers,
    calibration: { a: 1, b: 0 },
    combine: (args.combine as HeadFile['combine']) ?? 'geomean',
    claimMatch: { threshold: 2, minClassifierScore: 1, score: 0 },
  };
  const devCal = dev.filter((e) => e.set === 'own' || e.set.startsWith('covid'));
  const zDev = logits(layers, await encoder.embed(devCal.map((e) => e.text)));
  const calW = devCal.map((e) => (e.set === 'own' ? 1 / devCal.filter((d) => d.set === 'own').length : 1 / devCal.filter((d) => d.set !== 'own').length));
  draft.calibration = fitPlatt(zDev, devCal.map((e) => (e.label === 'MISINFO' ? 1 : 0)), calW);

  const index = await ClaimIndex.build(claimsFile, encoder);
  const scorer = new MisinfoScorer(encoder, draft, index);
  const ownDev = dev.filter((e) => e.set === 'own');
  const report = async (head: HeadFile, label: string) => {
    process.stderr.write(`-- ${label}\n`);
    for (const s of [...devSets, 'covid']) {
      const xs = dev.filter((e) => (s === 'covid' ? e.set.startsWith('covid-') : e.set === s));
      const sc = await scoreExamples(scorer, xs, head);
      process.stderr.write(`dev ${s.padEnd(14)} ${fmt(metrics(sc.map((r) => r.score), xs.map((e) => (e.label === 'MISINFO' ? 1 : 0)), 0.5))}\n`);
    }
  };
  for (const combine of ['message', 'max', 'geomean'] as const) await report({ ...draft, combine }, `combine=${combine}, no claim matching`);

  // Claim matching: pick the similarity threshold on own dev posts.
  const devScored = await scoreExamples(scorer, ownDev, draft);
  const yDev = ownDev.map((e) => (e.label === 'MISINFO' ? 1 : 0));
  let best = { f1: -1, threshold: 0.8, gate: 0.1 };
  for (let th = 0.6; th <= 0.951; th += 0.01) {
    for (const gate of [0, 0.05, 0.1, 0.2, 0.3]) {
      const head: HeadFile = { ...draft, claimMatch: { threshold: th, minClassifierScore: gate, score: 0.9 } };
      const sc = ownDev.map((_, i) => {
        const r = devScored[i]!;
        return r.sentences.some((s) => s.nearest && s.nearest.similarity >= th && s.score >= gate) ? Math.max(r.score, 0.9) : r.score;
      });
      void head;
      const m = metrics(sc, yDev, 0.5);
      if (m.f1 > best.f1 + 1e-9) best = { f1: m.f1, threshold: Math.round(th * 100) / 100, gate };
    }
  }
  process.stderr.write(`claim match: threshold ${best.threshold}, gate ${best.gate} -> own dev F1 ${best.f1.toFixed(3)}\n`);
  const final: HeadFile = {
    ...draft,
    claimMatch: { threshold: best.threshold, minClassifierScore: best.gate, score: 0.9 },
    meta: { trainedAt: new Date().toISOString().slice(0, 10), options: opts, adviceSample: adviceN, setWeights: SET_WEIGHTS, encoderKind: kind, examples: train.length, sources: summary },
  };
  await report(final, 'final (with claim matching)');
  if (args['show-errors']) {
    // Own corpus only (our own words, no shared data): misclassified dev posts.
    const sc = await scoreExamples(scorer, ownDev, final);
    ownDev.forEach((e, i) => {
      const r = sc[i]!;
      const pred = r.score >= 0.5 ? 'MISINFO' : 'OK';
      if (pred !== e.label) process.stderr.write(`  ${e.label} scored ${r.score.toFixed(2)} (msg ${r.messageScore.toFixed(2)}${r.top?.match ? ', match ' + r.top.match.claim.id : ''}) [${e.kind}] ${e.text}\n`);
    });
  }
  if (!args['no-write']) {
    const out = typeof args.out === 'string' ? args.out : join(ROOT, 'models/misinfo/head.json');
    writeFileSync(out, JSON.stringify(final) + '\n');
    process.stderr.write(`wrote ${out}\n`);
  }
  void ownDev;
  await encoder.close();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e: unknown) => {
    process.stderr.write(`train-misinfo: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
