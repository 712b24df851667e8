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
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CRISIS_KINDS, DEFAULT_CRISIS_MODEL_DIR, classifierInput, type CrisisModelFile, type LogisticHead } from '../moderation/crisis/classifier.js';
import { classifierGate, classifierVetoes, compileLexicon, detectCrisis } from '../moderation/crisis/detect.js';
import { CRISIS_LEXICON_V1 } from '../moderation/crisis/lexicons.v1.js';
import { loadEncoder } from '../moderation/misinfo/encoder.js';
import { EVERYDAY_FILES, fixturePath, loadExamples, readTable, TRAIN_FILES, type CrisisExample } from './crisis/data.js';
import { rng } from './lib/rng.js';

const args = process.argv.slice(2);
const outDir = args.includes('--out') ? args[args.indexOf('--out') + 1]! : DEFAULT_CRISIS_MODEL_DIR;

const L2_GRID = [1e-4, 1e-3, 1e-2];
const FOLDS = 5;
const EPOCHS = 400;
const LR = 0.05;
const TARGET_RECALL = 0.95;
/** Candidates for the extra-kind threshold (1 = only the likeliest kind), chosen by cross-validated kind F1. */
const KIND_THRESHOLDS = [0.5, 0.7, 0.9, 1];
const SEED = 20261202;
/** Share of the negative weight given to background posts (when present). */
const BACKGROUND_SHARE = 0.5;
/** Share of the negative weight given to the ordinary patient-forum posts (`everyday.jsonl`). */
const EVERYDAY_SHARE = 0.25;
/**
 * A message with no lexical evidence at all is reported by the classifier only at p >= soloThreshold:
 * the lowest of these whose cross-validated flag rate on ordinary posts (background + everyday) is
 * at most FALSE_ALARM_BUDGET.
 */
const SOLO_GRID = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95];
const FALSE_ALARM_BUDGET = 0.005;

/**
 * Background: ordinary posts and replies from openly licensed public sets (../shared/data, read in
 * place, never copied), used as negatives only: almost none is a crisis, and without them the heads
 * only ever see crisis-themed text and fire on everyday chatter. Train files here; the `dev` files
 * only report a flag rate; the `test` files are left for scripts/crisis/false-alarms.ts.
 */
const SHARED = process.env.HAVEN_SHARED_DATA ?? resolve(fileURLToPath(new URL('../../shared/data', import.meta.url)));
const BACKGROUND_TRAIN = [
  { file: 'advice-reddit/needadvice_train.tsv', every: 8 },
  { file: 'advice-reddit/askparents_train.tsv', every: 8 },
  { file: 'misinfo-reddit-health/Health_Misinformation_reddit_Dataset.csv', every: 2, offset: 0 },
];
const BACKGROUND_DEV = [
  { file: 'advice-reddit/needadvice_dev.tsv', every: 1 },
  { file: 'advice-reddit/askparents_dev.tsv', every: 1 },
  { file: 'misinfo-reddit-health/Health_Misinformation_reddit_Dataset.csv', every: 2, offset: 1 },
];
function background(specs: { file: string; every: number; offset?: number }[]): { texts: string[]; used: string[] } {
  const texts: string[] = [];
  const used: string[] = [];
  for (const spec of specs) {
    const path = join(SHARED, spec.file);
    if (!existsSync(path)) continue;
    const all = readTable(path).texts;
    texts.push(...all.filter((_, i) => i % spec.every === (spec.offset ?? 0)));
    used.push(`${spec.file} (every ${spec.every}${spec.offset ? ` from ${spec.offset}` : ''})`);
  }
  return { texts, used };
}

/** Class-balanced logistic regression, full-batch Adam from zero weights. */
export function fitLogistic(X: Float64Array[], y: number[], l2: number, group: Group[], epochs = EPOCHS, lr = LR): LogisticHead {
  const n = X.length;
  const d = X[0]!.length;
  const sw = sampleWeights(group);
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

/** pos: labeled crisis; neg: labeled non-crisis (hard negatives); everyday: ordinary patient posts; bg: background posts. */
type Group = 'pos' | 'neg' | 'everyday' | 'bg';

/**
 * Class-balanced weights: the positives weigh 1/2 in all; the negatives 1/2, split between the
 * background posts (BACKGROUND_SHARE), the everyday patient posts (EVERYDAY_SHARE) and the labeled
 * hard negatives (the rest); a group that is absent gives its share to the hard negatives.
 */
function sampleWeights(group: Group[]): number[] {
  const n = { pos: 0, neg: 0, everyday: 0, bg: 0 };
  for (const g of group) n[g]++;
  const bgShare = n.bg > 0 ? BACKGROUND_SHARE : 0;
  const evShare = n.everyday > 0 ? EVERYDAY_SHARE : 0;
  const share = { pos: 0.5, bg: 0.5 * bgShare, everyday: 0.5 * evShare, neg: 0.5 * (1 - bgShare - evShare) };
  return group.map((g) => share[g] / Math.max(1, n[g]));
}

function logit(h: LogisticHead, x: ArrayLike<number>): number {
  let s = h.bias;
  for (let j = 0; j < h.weights.length; j++) s += h.weights[j]! * x[j]!;
  return 1 / (1 + Math.exp(-s));
}

/** A class-balanced head trained on the labeled posts only (the kind heads). */
const fitBalanced = (X: Float64Array[], labels: number[], l2: number): LogisticHead => fitLogistic(X, labels, l2, labels.map((v) => (v === 1 ? 'pos' : 'neg')));

/** Stratified folds: each class (0 not, 1 crisis, 2 background, 3 everyday) shuffled separately and dealt round-robin. */
function folds(y: number[], k: number): number[] {
  const rand = rng(SEED);
  const fold = new Array<number>(y.length).fill(0);
  for (const cls of [0, 1, 2, 3]) {
    const idx = y.map((v, i) => (v === cls ? i : -1)).filter((i) => i >= 0);
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [idx[i], idx[j]] = [idx[j]!, idx[i]!];
    }
    idx.forEach((ex, r) => (fold[ex] = r % k));
  }
  return fold;
}

async function main(): Promise<void> {
  const examples: (CrisisExample & { file: string })[] = TRAIN_FILES.flatMap((f) => loadExamples(fixturePath(f)).map((e) => ({ ...e, file: f })));
  const ids = new Set<string>();
  for (const e of examples) {
    if (ids.has(e.id)) throw new Error(`duplicate example id ${e.id}`);
    ids.add(e.id);
  }
  const back = background(BACKGROUND_TRAIN);
  const backDev = background(BACKGROUND_DEV);
  if (back.texts.length === 0) process.stderr.write(`train-crisis: no background posts under ${SHARED}; training on the labeled files only\n`);
  const t0 = performance.now();
  const encoder = await loadEncoder();
  let X: Float64Array[];
  let Xdev: Float64Array[];
  try {
    const texts = [...examples.map((e) => e.text), ...back.texts].map(classifierInput);
    X = (await encoder.embed(texts)).map((v) => Float64Array.from(v));
    Xdev = (await encoder.embed(backDev.texts.map(classifierInput))).map((v) => Float64Array.from(v));
  } finally {
    await encoder.close();
  }
  const tEmbed = performance.now() - t0;
  const lex = compileLexicon(CRISIS_LEXICON_V1);
  const nFix = examples.length;
  const allTexts = [...examples.map((e) => e.text), ...back.texts];
  const gate = allTexts.map((t) => classifierGate(lex, t));
  const gateDev = backDev.texts.map((t) => classifierGate(lex, t));
  // Lexical evidence: any rule cue of any weight survives the modifiers (detectCrisis at threshold 0).
  const evidence = allTexts.map((t) => detectCrisis(lex, t, 0).length > 0);
  const evidenceDev = backDev.texts.map((t) => detectCrisis(lex, t, 0).length > 0);
  const vetoes = allTexts.map((t) => classifierVetoes(lex, t));
  const vetoesDev = backDev.texts.map((t) => classifierVetoes(lex, t));
  const y: number[] = [...examples.map((e) => (e.kinds.length > 0 ? 1 : 0)), ...back.texts.map(() => 0)];
  const group: Group[] = y.map((v, i) => (i >= nFix ? 'bg' : v === 1 ? 'pos' : EVERYDAY_FILES.includes(examples[i]!.file) ? 'everyday' : 'neg'));
  const fold = folds(group.map((g) => ({ neg: 0, pos: 1, bg: 2, everyday: 3 })[g]), FOLDS);
  const isFix = (i: number) => i < nFix;
  const ordinary = (i: number) => group[i] === 'bg' || group[i] === 'everyday';
  const nOrdinary = group.filter((g) => g === 'bg' || g === 'everyday').length;

  // 1. Cross-validation over the L2 grid: out-of-fold any-crisis scores, and the likeliest kind from
  //    out-of-fold kind heads (trained on the labeled posts) so the stage's vetoes apply as they
  //    would. A message is flagged at (t, solo) when the gate passes, p >= (evidence ? t : solo) and
  //    its likeliest kind is not vetoed.
  //    - threshold t: the highest at which >= 95% of the labeled crises with lexical evidence are flagged;
  //    - soloThreshold: the lowest of SOLO_GRID (not under t) whose flag rate on ordinary posts
  //      (background + everyday) is at most FALSE_ALARM_BUDGET;
  //    - L2: the best cross-validated recall on all labeled crises there, then the fewest false alarms.
  type Cv = { l2: number; threshold: number; solo: number; recall: number; recallSolo: number; precision: number; ordinaryFlagRate: number; falseAlarms: number; oof: number[]; oofKind: number[] };
  const cv: Cv[] = [];
  const flagAt = (oof: number[], oofKind: number[], i: number, t: number, solo: number) =>
    gate[i]! && oof[i]! >= (evidence[i] ? t : solo) && !vetoes[i]!.has(CRISIS_KINDS[oofKind[i]!]!);
  const tally = (c: { oof: number[]; oofKind: number[] }, t: number, solo: number) => {
    // precision: over the labeled posts (hard negatives and everyday posts; not the background)
    let tp = 0, fpLabeled = 0, pos = 0, posSolo = 0, tpSolo = 0, ord = 0;
    for (let i = 0; i < y.length; i++) {
      const f = flagAt(c.oof, c.oofKind, i, t, solo);
      if (y[i] === 1) {
        pos++;
        if (f) tp++;
        if (!evidence[i]) {
          posSolo++;
          if (f) tpSolo++;
        }
      } else if (f) {
        if (isFix(i)) fpLabeled++;
        if (ordinary(i)) ord++;
      }
    }
    return {
      recall: tp / Math.max(1, pos),
      recallSolo: tpSolo / Math.max(1, posSolo),
      soloSupport: posSolo,
      precision: tp / Math.max(1, tp + fpLabeled),
      ordinaryFlagRate: ord / Math.max(1, nOrdinary),
      falseAlarms: fpLabeled + ord - group.filter((g, i) => g === 'everyday' && flagAt(c.oof, c.oofKind, i, t, solo)).length,
    };
  };
  for (const l2 of L2_GRID) {
    const oof = new Array<number>(X.length).fill(0);
    const oofKind = new Array<number>(X.length).fill(0);
    for (let k = 0; k < FOLDS; k++) {
      const tr = X.map((_, i) => i).filter((i) => fold[i] !== k);
      const head = fitLogistic(tr.map((i) => X[i]!), tr.map((i) => y[i]!), l2, tr.map((i) => group[i]!));
      const trFix = tr.filter(isFix);
      const kindHeads = CRISIS_KINDS.map((kind) =>
        fitBalanced(trFix.map((i) => X[i]!), trFix.map((i) => (examples[i]!.kinds.includes(kind) ? 1 : 0)), l2),
      );
      X.forEach((x, i) => {
        if (fold[i] !== k) return;
        oof[i] = logit(head, x);
        const p = kindHeads.map((h) => logit(h, x));
        oofKind[i] = p.indexOf(Math.max(...p));
      });
    }
    const c = { oof, oofKind };
    // Highest t with >= 95% of the evidence-bearing crises flagged.
    const withEvidence = y.map((v, i) => i).filter((i) => isFix(i) && y[i] === 1 && evidence[i]);
    const scores = withEvidence.map((i) => (gate[i] && !vetoes[i]!.has(CRISIS_KINDS[oofKind[i]!]!) ? oof[i]! : 0)).sort((a, b) => a - b);
    const threshold = Math.max(1e-3, scores[Math.floor((1 - TARGET_RECALL) * scores.length)] ?? 0.5);
    const solo = SOLO_GRID.find((s) => s >= threshold && tally(c, threshold, s).ordinaryFlagRate <= FALSE_ALARM_BUDGET) ?? 0.99;
    cv.push({ l2, threshold, solo: Math.max(solo, threshold), ...tally(c, threshold, Math.max(solo, threshold)), oof, oofKind });
  }
  const best = cv.reduce((a, b) => (b.recall > a.recall || (b.recall === a.recall && b.falseAlarms < a.falseAlarms) ? b : a));
  // Trade-off for communities that set policy.crisis.classifierThreshold (cross-validated, chosen L2;
  // the override moves the evidence threshold, the solo threshold stays at least the model's).
  const tradeoff = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9].map((t) => {
    const r = tally(best, t, Math.max(t, best.solo));
    return { threshold: t, recall: Number(r.recall.toFixed(3)), precision: Number(r.precision.toFixed(3)), ordinaryFlagRate: Number(r.ordinaryFlagRate.toFixed(4)) };
  });
  const soloTradeoff = SOLO_GRID.filter((s) => s >= best.threshold).map((s) => {
    const r = tally(best, best.threshold, s);
    return { soloThreshold: s, recall: Number(r.recall.toFixed(3)), recallNoEvidence: Number(r.recallSolo.toFixed(3)), noEvidenceCrises: r.soloSupport, precision: Number(r.precision.toFixed(3)), ordinaryFlagRate: Number(r.ordinaryFlagRate.toFixed(4)) };
  });

  // 2. Final heads on all training examples (kind heads: on the labeled posts only).
  const anyHead = fitLogistic(X, y, best.l2, group);
  const Xfix = X.slice(0, nFix);
  const kindHeads = {} as Record<(typeof CRISIS_KINDS)[number], LogisticHead>;
  for (const kind of CRISIS_KINDS) kindHeads[kind] = fitBalanced(Xfix, examples.map((e) => (e.kinds.includes(kind) ? 1 : 0)), best.l2);
  const round = (h: LogisticHead): LogisticHead => ({ weights: h.weights.map((v) => Number(v.toPrecision(6))), bias: Number(h.bias.toPrecision(8)) });
  const counts = Object.fromEntries(CRISIS_KINDS.map((k) => [k, examples.filter((e) => e.kinds.includes(k)).length]));
  const kindOf = (x: Float64Array) => {
    const p = CRISIS_KINDS.map((k) => logit(kindHeads[k], x));
    return CRISIS_KINDS[p.indexOf(Math.max(...p))]!;
  };
  const devFlags = Xdev.filter((x, i) => gateDev[i] && logit(anyHead, x) >= (evidenceDev[i] ? best.threshold : best.solo) && !vetoesDev[i]!.has(kindOf(x))).length;
  const crisisCount = examples.filter((e) => e.kinds.length > 0).length;
  const model: CrisisModelFile = {
    version: 1,
    id: 'crisis-use-lite-logreg',
    modelVersion: '1.4.0',
    encoder: 'use-lite',
    dim: X[0]!.length,
    input: 'message',
    any: round(anyHead),
    kinds: Object.fromEntries(CRISIS_KINDS.map((k) => [k, round(kindHeads[k])])) as CrisisModelFile['kinds'],
    threshold: Number(best.threshold.toFixed(4)),
    soloThreshold: best.solo,
    kindThreshold: 0.5, // replaced below by the cross-validated choice
    meta: {
      trainedOn: [...TRAIN_FILES],
      examples: nFix,
      crisis: crisisCount,
      notCrisis: nFix - crisisCount,
      perKind: counts,
      background: { posts: back.texts.length, from: back.used, share: BACKGROUND_SHARE },
      everyday: { posts: group.filter((g) => g === 'everyday').length, from: [...EVERYDAY_FILES], share: EVERYDAY_SHARE },
      backgroundDev: { posts: backDev.texts.length, from: backDev.used, flagRate: Number((devFlags / Math.max(1, Xdev.length)).toFixed(4)) },
      features: 'USE-lite q8 embedding of the whole message (trimmed)',
      head: 'class-balanced logistic regression, L2, full-batch Adam (lr 0.05, 400 epochs, zero init)',
      l2: best.l2,
      cv: cv.map((c) => ({
        l2: c.l2,
        threshold: Number(c.threshold.toFixed(4)),
        soloThreshold: c.solo,
        precision: Number(c.precision.toFixed(3)),
        recall: Number(c.recall.toFixed(3)),
        recallNoEvidence: Number(c.recallSolo.toFixed(3)),
        ordinaryFlagRate: Number(c.ordinaryFlagRate.toFixed(4)),
      })),
      tradeoff,
      soloTradeoff,
      thresholdRule: `threshold: highest with 5-fold cross-validated recall >= ${TARGET_RECALL} on the labeled crises that have lexical evidence (gate and vetoes applied); soloThreshold (no lexical evidence): lowest of ${SOLO_GRID.join('/')} with a cross-validated flag rate <= ${FALSE_ALARM_BUDGET} on ordinary posts (background + everyday); L2: best cross-validated recall on all labeled crises there, then fewest false alarms`,
    },
  };

  // Cross-validated kinds on crises: accuracy of the likeliest kind, and kind F1 per extra-kind threshold.
  let kindRight = 0;
  let kindTotal = 0;
  const kindCounts = KIND_THRESHOLDS.map(() => ({ tp: 0, fp: 0, fn: 0 }));
  for (let k = 0; k < FOLDS; k++) {
    const tr = Xfix.map((_, i) => i).filter((i) => fold[i] !== k);
    const heads = Object.fromEntries(
      CRISIS_KINDS.map((kind) => [kind, fitBalanced(tr.map((i) => X[i]!), tr.map((i) => (examples[i]!.kinds.includes(kind) ? 1 : 0)), best.l2)]),
    ) as CrisisModelFile['kinds'];
    Xfix.forEach((x, i) => {
      if (fold[i] !== k || y[i] !== 1) return;
      kindTotal++;
      const p = CRISIS_KINDS.map((kind) => logit(heads[kind], x));
      const topAt = p.indexOf(Math.max(...p));
      const gold = examples[i]!.kinds;
      if (gold.includes(CRISIS_KINDS[topAt]!)) kindRight++;
      KIND_THRESHOLDS.forEach((t, ti) => {
        const predicted = CRISIS_KINDS.filter((_, j) => j === topAt || p[j]! >= t);
        const c = kindCounts[ti]!;
        c.tp += predicted.filter((kd) => gold.includes(kd)).length;
        c.fp += predicted.filter((kd) => !gold.includes(kd)).length;
        c.fn += gold.filter((kd) => !predicted.includes(kd as (typeof CRISIS_KINDS)[number])).length;
      });
    });
  }
  const kindF1 = kindCounts.map((c) => (2 * c.tp) / Math.max(1, 2 * c.tp + c.fp + c.fn));
  const kindAt = kindF1.indexOf(Math.max(...kindF1));
  model.kindThreshold = KIND_THRESHOLDS[kindAt] === 1 ? 0.9999 : KIND_THRESHOLDS[kindAt]!;
  const meta = model.meta as Record<string, unknown>;
  meta.cvKindAccuracy = Number((kindRight / Math.max(1, kindTotal)).toFixed(3));
  meta.cvKindF1 = KIND_THRESHOLDS.map((t, i) => ({ kindThreshold: t, f1: Number(kindF1[i]!.toFixed(3)) }));

  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'head.json'), JSON.stringify(model) + '\n');
  const out = process.stdout;
  out.write(`labeled: ${nFix} (${crisisCount} crisis) from ${TRAIN_FILES.join(', ')}; background negatives: ${back.texts.length}; embedded in ${tEmbed.toFixed(0)} ms\n`);
  for (const c of cv)
    out.write(
      `  l2=${c.l2}: cv threshold ${c.threshold.toFixed(3)}, solo ${c.solo} -> cv recall ${c.recall.toFixed(3)} (no lexical evidence ${c.recallSolo.toFixed(3)}), precision (labeled) ${c.precision.toFixed(3)}, ordinary-post flag rate ${(100 * c.ordinaryFlagRate).toFixed(2)}%\n`,
    );
  out.write(`chosen l2=${best.l2}, threshold ${model.threshold}, soloThreshold ${model.soloThreshold}; cv kind accuracy (crises) ${String(meta.cvKindAccuracy)}\n`);
  out.write(`  cv kind F1 by extra-kind threshold: ${KIND_THRESHOLDS.map((t, i) => `${t}: ${kindF1[i]!.toFixed(3)}`).join(', ')}; chosen ${model.kindThreshold}\n`);
  for (const r of soloTradeoff)
    out.write(`  soloThreshold ${r.soloThreshold}: cv recall ${r.recall.toFixed(3)} (no lexical evidence ${r.recallNoEvidence.toFixed(3)} of ${r.noEvidenceCrises}), precision (labeled) ${r.precision.toFixed(3)}, ordinary-post flag rate ${(100 * r.ordinaryFlagRate).toFixed(2)}%\n`);
  for (const r of tradeoff)
    out.write(`  classifierThreshold ${r.threshold}: cv recall ${r.recall.toFixed(3)}, precision (labeled) ${r.precision.toFixed(3)}, ordinary-post flag rate ${(100 * r.ordinaryFlagRate).toFixed(2)}%\n`);
  out.write(`background dev posts (${backDev.texts.length}) flagged by the final head: ${(100 * devFlags / Math.max(1, Xdev.length)).toFixed(1)}%\n`);
  out.write(`wrote ${join(outDir, 'head.json')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`train-crisis: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
