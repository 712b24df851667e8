/**
 * `npm run train:crisis [-- --out DIR]`
 * Trains the crisis classifier (moderation/crisis/classifier.ts) and writes models/crisis/head.json.
 *
 * Data: the project's own labeled posts in test/fixtures/crisis, TRAIN_FILES only (train, dev,
 * challenge, challenge2, fresh); the held-out files (test, fresh2, fresh3) are never read here.
 * Features: the USE-lite embedding (512-d) of the whole message. Heads: class-balanced logistic
 * regression with L2, full-batch Adam from zero weights (deterministic). The L2 strength and the
 * any-crisis threshold are chosen by 5-fold cross-validation on the training files: the threshold
 * is the highest at which the cross-validated predictions, through the same gate the stage uses
 * (`classifierGate`), still find >= 95% of the crises; the L2 strength is the one with the best
 * precision there. Prints counts and figures only, never text.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CRISIS_KINDS, DEFAULT_CRISIS_MODEL_DIR, classifierInput, type CrisisModelFile, type LogisticHead } from '../moderation/crisis/classifier.js';
import { classifierGate, compileLexicon } from '../moderation/crisis/detect.js';
import { CRISIS_LEXICON_V1 } from '../moderation/crisis/lexicons.v1.js';
import { loadEncoder } from '../moderation/misinfo/encoder.js';
import { fixturePath, loadExamples, TRAIN_FILES, type CrisisExample } from './crisis/data.js';

const args = process.argv.slice(2);
const outDir = args.includes('--out') ? args[args.indexOf('--out') + 1]! : DEFAULT_CRISIS_MODEL_DIR;

const L2_GRID = [1e-4, 1e-3, 1e-2];
const FOLDS = 5;
const EPOCHS = 400;
const LR = 0.05;
const TARGET_RECALL = 0.95;
const KIND_THRESHOLD = 0.5;
const SEED = 20261202;

/** Class-balanced logistic regression, full-batch Adam from zero weights. */
export function fitLogistic(X: Float64Array[], y: number[], l2: number, epochs = EPOCHS, lr = LR): LogisticHead {
  const n = X.length;
  const d = X[0]!.length;
  const pos = y.reduce((a, b) => a + b, 0);
  const sw = y.map((v) => (v === 1 ? 0.5 / Math.max(1, pos) : 0.5 / Math.max(1, n - pos)));
  const w = new Float64Array(d);
  let b = 0;
  const mw = new Float64Array(d);
  const vw = new Float64Array(d);
  let mb = 0;
  let vb = 0;
  const gw = new Float64Array(d);
  for (let t = 1; t <= epochs; t++) {
    gw.fill(0);
    let gb = 0;
    for (let i = 0; i < n; i++) {
      const x = X[i]!;
      let z = b;
      for (let j = 0; j < d; j++) z += w[j]! * x[j]!;
      const p = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
      const g = (p - y[i]!) * sw[i]!;
      for (let j = 0; j < d; j++) gw[j]! += g * x[j]!;
      gb += g;
    }
    const c1 = 1 - 0.9 ** t;
    const c2 = 1 - 0.999 ** t;
    for (let j = 0; j < d; j++) {
      const g = gw[j]! + l2 * w[j]!;
      mw[j] = 0.9 * mw[j]! + 0.1 * g;
      vw[j] = 0.999 * vw[j]! + 0.001 * g * g;
      w[j]! -= (lr * (mw[j]! / c1)) / (Math.sqrt(vw[j]! / c2) + 1e-8);
    }
    mb = 0.9 * mb + 0.1 * gb;
    vb = 0.999 * vb + 0.001 * gb * gb;
    b -= (lr * (mb / c1)) / (Math.sqrt(vb / c2) + 1e-8);
  }
  return { weights: Array.from(w), bias: b };
}

function logit(h: LogisticHead, x: ArrayLike<number>): number {
  let s = h.bias;
  for (let j = 0; j < h.weights.length; j++) s += h.weights[j]! * x[j]!;
  return 1 / (1 + Math.exp(-s));
}

/** Deterministic PRNG (mulberry32) for the fold assignment. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Stratified folds: crises and non-crises shuffled separately and dealt round-robin. */
function folds(y: number[], k: number): number[] {
  const rand = rng(SEED);
  const fold = new Array<number>(y.length).fill(0);
  for (const cls of [0, 1]) {
    const idx = y.map((v, i) => (v === cls ? i : -1)).filter((i) => i >= 0);
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [idx[i], idx[j]] = [idx[j]!, idx[i]!];
    }
    idx.forEach((ex, r) => (fold[ex] = r % k));
  }
  return fold;
}

/** Highest threshold at which gated scores still find `target` of the positives, and the precision there. */
function thresholdAtRecall(scores: number[], y: number[], target: number): { threshold: number; precision: number; recall: number } {
  const pos = scores.filter((_, i) => y[i] === 1).sort((a, b) => a - b);
  const threshold = Math.max(1e-3, pos[Math.floor((1 - target) * pos.length)] ?? 0.5);
  let tp = 0;
  let fp = 0;
  scores.forEach((s, i) => {
    if (s >= threshold) y[i] === 1 ? tp++ : fp++;
  });
  return { threshold, precision: tp / Math.max(1, tp + fp), recall: tp / Math.max(1, pos.length) };
}

async function main(): Promise<void> {
  const examples: (CrisisExample & { file: string })[] = TRAIN_FILES.flatMap((f) => loadExamples(fixturePath(f)).map((e) => ({ ...e, file: f })));
  const ids = new Set<string>();
  for (const e of examples) {
    if (ids.has(e.id)) throw new Error(`duplicate example id ${e.id}`);
    ids.add(e.id);
  }
  const t0 = performance.now();
  const encoder = await loadEncoder();
  let X: Float64Array[];
  try {
    const vecs = await encoder.embed(examples.map((e) => classifierInput(e.text)));
    X = vecs.map((v) => Float64Array.from(v));
  } finally {
    await encoder.close();
  }
  const tEmbed = performance.now() - t0;
  const lex = compileLexicon(CRISIS_LEXICON_V1);
  const gate = examples.map((e) => classifierGate(lex, e.text));
  const y: number[] = examples.map((e) => (e.kinds.length > 0 ? 1 : 0));
  const fold = folds(y, FOLDS);

  // 1. Cross-validation over the L2 grid: gated out-of-fold scores of the any-crisis head.
  const cv: { l2: number; threshold: number; precision: number; recall: number; oof: number[] }[] = [];
  for (const l2 of L2_GRID) {
    const oof = new Array<number>(X.length).fill(0);
    for (let k = 0; k < FOLDS; k++) {
      const tr = X.map((_, i) => i).filter((i) => fold[i] !== k);
      const head = fitLogistic(tr.map((i) => X[i]!), tr.map((i) => y[i]!), l2);
      X.forEach((x, i) => {
        if (fold[i] === k) oof[i] = gate[i] ? logit(head, x) : 0;
      });
    }
    cv.push({ l2, ...thresholdAtRecall(oof, y, TARGET_RECALL), oof });
  }
  const best = cv.reduce((a, b) => (b.precision > a.precision + 1e-9 ? b : a));

  // 2. Final heads on all training examples.
  const anyHead = fitLogistic(X, y, best.l2);
  const kindHeads = {} as Record<(typeof CRISIS_KINDS)[number], LogisticHead>;
  for (const kind of CRISIS_KINDS) kindHeads[kind] = fitLogistic(X, examples.map((e) => (e.kinds.includes(kind) ? 1 : 0)), best.l2);
  const round = (h: LogisticHead): LogisticHead => ({ weights: h.weights.map((v) => Number(v.toPrecision(6))), bias: Number(h.bias.toPrecision(8)) });
  const counts = Object.fromEntries(CRISIS_KINDS.map((k) => [k, examples.filter((e) => e.kinds.includes(k)).length]));
  const model: CrisisModelFile = {
    version: 1,
    id: 'crisis-use-lite-logreg',
    modelVersion: '1.1.0',
    encoder: 'use-lite',
    dim: X[0]!.length,
    input: 'message',
    any: round(anyHead),
    kinds: Object.fromEntries(CRISIS_KINDS.map((k) => [k, round(kindHeads[k])])) as CrisisModelFile['kinds'],
    threshold: Number(best.threshold.toFixed(4)),
    kindThreshold: KIND_THRESHOLD,
    meta: {
      trainedOn: [...TRAIN_FILES],
      examples: examples.length,
      crisis: y.reduce((a, b) => a + b, 0),
      notCrisis: y.length - y.reduce((a, b) => a + b, 0),
      perKind: counts,
      features: 'USE-lite q8 embedding of the whole message (trimmed)',
      head: 'class-balanced logistic regression, L2, full-batch Adam (lr 0.05, 400 epochs, zero init)',
      l2: best.l2,
      cv: cv.map((c) => ({ l2: c.l2, threshold: Number(c.threshold.toFixed(4)), precision: Number(c.precision.toFixed(3)), recall: Number(c.recall.toFixed(3)) })),
      thresholdRule: `highest threshold with 5-fold cross-validated gated recall >= ${TARGET_RECALL} on the training files`,
    },
  };

  // Cross-validated kind accuracy (crises only), for the card.
  let kindRight = 0;
  let kindTotal = 0;
  for (let k = 0; k < FOLDS; k++) {
    const tr = X.map((_, i) => i).filter((i) => fold[i] !== k);
    const heads = Object.fromEntries(
      CRISIS_KINDS.map((kind) => [kind, fitLogistic(tr.map((i) => X[i]!), tr.map((i) => (examples[i]!.kinds.includes(kind) ? 1 : 0)), best.l2)]),
    ) as CrisisModelFile['kinds'];
    X.forEach((x, i) => {
      if (fold[i] !== k || y[i] !== 1) return;
      kindTotal++;
      const p = CRISIS_KINDS.map((kind) => logit(heads[kind], x));
      const top = CRISIS_KINDS[p.indexOf(Math.max(...p))]!;
      if (examples[i]!.kinds.includes(top)) kindRight++;
    });
  }
  (model.meta as Record<string, unknown>).cvKindAccuracy = Number((kindRight / Math.max(1, kindTotal)).toFixed(3));

  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'head.json'), JSON.stringify(model) + '\n');
  const out = process.stdout;
  out.write(`training examples: ${examples.length} (${model.meta!.crisis as number} crisis) from ${TRAIN_FILES.join(', ')}; embedded in ${tEmbed.toFixed(0)} ms\n`);
  for (const c of cv) out.write(`  l2=${c.l2}: cv threshold ${c.threshold.toFixed(3)} -> cv gated recall ${c.recall.toFixed(3)}, precision ${c.precision.toFixed(3)}\n`);
  out.write(`chosen l2=${best.l2}, threshold ${model.threshold}; cv kind accuracy (crises) ${String(model.meta!.cvKindAccuracy)}\n`);
  out.write(`wrote ${join(outDir, 'head.json')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`train-crisis: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
