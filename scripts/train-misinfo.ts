/**
 * `npm run train:misinfo -- --shared ../shared/data [options]`: trains the misinformation head
 * on frozen sentence embeddings and writes models/misinfo/head.json.
 *
 * Data (train splits only; dev splits calibrate and pick thresholds; test splits are never read):
 *   - the project's own corpus (test/fixtures/misinfo/train.jsonl): whole posts, plus each
 *     sentence of OK posts (so a quoted rumour inside an honest question reads as OK)
 *   - the claims knowledge base (models/misinfo/claims.json): claims and variants as MISINFO,
 *     corrections as OK, only for claims whose group is in the train split
 *   - the same train-split claims quoted in questions and debunking posts (templates, OK)
 *   - single-clause train-split claims negated with compromise (OK): contrast pairs for negation
 *   - misinfo-covid19-rumor (false -> MISINFO, true -> OK, unverified excluded)
 *   - misinfo-reddit-health (MISINFO only)
 *   - advice-reddit (a seeded sample of everyday Reddit sentences, OK)
 * Options: --encoder onnx|reference (default onnx), --model-dir DIR, --cache DIR,
 *   --hidden N (0 = logistic regression), --epochs N, --lr X, --l2 X, --seed N, --advice N,
 *   --set-weights set=w,... (override SET_WEIGHTS), --combine message|max|geomean|geomean-mean,
 *   --out FILE (default models/misinfo/head.json), --no-write, --show-errors (own dev posts only).
 * Defaults (the shipped head): MLP 512-128-1, 20 epochs, Adam lr 0.01, l2 1e-4, seed 7, SET_WEIGHTS.
 * Without --shared it trains on the project's own data only (a weaker model).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nlp from 'compromise';
import { splitOf } from './misinfo/build-corpus.js';
import { loadAdviceReddit, loadCovidRumor, loadOwnCorpus, loadRedditHealth, ROOT, type Example } from './misinfo/data.js';
import { CachedEncoder, openEncoder, parseArgs, type EncoderKind } from './misinfo/encoders.js';
import { fmt, metrics } from './misinfo/metrics.js';
import { DEFAULT_TRAIN, fitPlatt, logits, trainHead, type TrainOptions } from './misinfo/train-lib.js';
import { ClaimIndex, isNegated } from '../moderation/misinfo/claims.js';
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

/**
 * Hard negatives made from the claims: a known claim quoted in a question or a debunking post is
 * not misinformation. Three templates per claim (rotating), only for train-split claims, set
 * 'claims-context'. The templates are the project's own words.
 */
const QUESTION_TEMPLATES = [
  (c: string) => `Is it true that ${c}?`,
  (c: string) => `Someone in my group said ${c}. Is there any evidence for that?`,
  (c: string) => `My aunt keeps telling me ${c}. Should I ask my doctor about it?`,
  (c: string) => `I keep seeing posts saying ${c}. Is that a myth?`,
  (c: string) => `Has anyone asked their care team whether ${c}?`,
];
const DEBUNK_TEMPLATES = [
  (c: string, fix: string) => `It's a myth that ${c}. ${fix}`,
  (c: string, fix: string) => `Please don't believe the rumour that ${c}. ${fix}`,
  (c: string, fix: string) => `People online say ${c}, but that is not true. ${fix}`,
  (c: string) => `My doctor explained that the idea that ${c} is false.`,
];

function inner(claim: string): string {
  const t = claim.trim().replace(/[.!?]+$/, '');
  // Lower-case the first letter unless it starts an acronym or a name-like word (HIV, COVID, Big Pharma).
  return /^[A-Z](?![A-Z])/.test(t) && !/^Big Pharma/.test(t) ? t[0]!.toLowerCase() + t.slice(1) : t;
}

export function claimContextExamples(file: ClaimsFile): Example[] {
  const out: Example[] = [];
  file.claims.forEach((c, i) => {
    const split = splitOf(c.id);
    const q1 = QUESTION_TEMPLATES[i % QUESTION_TEMPLATES.length]!;
    const q2 = QUESTION_TEMPLATES[(i + 2) % QUESTION_TEMPLATES.length]!;
    const d = DEBUNK_TEMPLATES[i % DEBUNK_TEMPLATES.length]!;
    const phrasing = [c.claim, ...c.variants];
    out.push({ text: q1(inner(phrasing[0]!)), label: 'OK', set: 'claims-context', split, topic: c.topic, claim: c.id, kind: 'question' });
    out.push({ text: q2(inner(phrasing[1 % phrasing.length]!)), label: 'OK', set: 'claims-context', split, topic: c.topic, claim: c.id, kind: 'question' });
    out.push({ text: d(inner(phrasing[0]!), c.correction), label: 'OK', set: 'claims-context', split, topic: c.topic, claim: c.id, kind: 'debunk' });
  });
  return out;
}

/**
 * Contrast pairs for the negation-blind encoder: each single-clause phrasing of a train-split
 * claim, negated by compromise ("Cannabis oil cures cancer" -> "Cannabis oil does not cure
 * cancer"), labelled OK, set 'claims-negated'. Phrasings with several clauses are skipped (negating
 * one clause of "X cures cancer, so skip chemo" leaves misinformation), and so are outputs that
 * compromise mangles.
 */
export function claimNegationExamples(file: ClaimsFile): Example[] {
  const out: Example[] = [];
  for (const c of file.claims) {
    const split = splitOf(c.id);
    for (const t of [c.claim, ...c.variants]) {
      if (/[,;:()]|\b(?:and|so|because|but|if|or|then|when|unless)\b/i.test(t) || isNegated(t)) continue;
      const neg = nlp(t).sentences().toNegative().text().trim();
      if (neg === t || !/\b(?:not|never)\b/.test(neg) || /^(?:does|do|did) not\b/i.test(neg) || /\b(?:you|I|we|they) does\b/i.test(neg)) continue;
      out.push({ text: neg, label: 'OK', set: 'claims-negated', split, topic: c.topic, claim: c.id, kind: 'fact' });
    }
  }
  return out;
}

export interface SetWeights {
  [set: string]: number;
}

/** Relative total weight of each training source (normalised per set, then per class). */
export const SET_WEIGHTS: SetWeights = { own: 3, 'own-sentence': 1, claims: 2, 'claims-context': 2, 'claims-negated': 2, 'covid-news': 2, 'covid-twitter': 2, 'reddit-health': 1, 'advice-reddit': 1 };

export function buildTraining(examples: Example[], setWeightsInUse: SetWeights = SET_WEIGHTS): Example[] {
  const out: Example[] = [];
  for (const e of examples) {
    if (e.split !== 'train' || (setWeightsInUse[e.set] ?? 1) <= 0) continue;
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
    return { e, spans, whole: spans.length > 1 && head.combine !== 'geomean-mean' ? e.text.trim() : undefined };
  });
  const units = plans.flatMap((p) => [...p.spans.map((s) => p.e.text.slice(s.start, s.end)), ...(p.whole !== undefined ? [p.whole] : [])]);
  const vecs = await scorer.encoder.embed(units);
  let k = 0;
  return plans.map((p) => {
    const sv = p.spans.map(() => vecs[k++]!);
    const wv = p.whole !== undefined ? vecs[k++]! : undefined;
    return scorer.combine(p.spans, sv, wv, head, p.spans.map((s) => p.e.text.slice(s.start, s.end)));
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
  const examples: Example[] = [...loadOwnCorpus(), ...claimExamples(claimsFile), ...claimContextExamples(claimsFile), ...claimNegationExamples(claimsFile)];
  if (shared) {
    examples.push(...loadCovidRumor(join(shared, 'misinfo-covid19-rumor')));
    examples.push(...loadRedditHealth(join(shared, 'misinfo-reddit-health')));
    if (adviceN > 0) examples.push(...loadAdviceReddit(join(shared, 'advice-reddit'), adviceN));
  }
  const setWeights: SetWeights = { ...SET_WEIGHTS };
  if (typeof args['set-weights'] === 'string') {
    for (const kv of args['set-weights'].split(',')) {
      const [k, v] = kv.split('=');
      if (k && v !== undefined && Number.isFinite(Number(v))) setWeights[k] = Number(v);
    }
  }
  const train = buildTraining(examples, setWeights);
  const inner = await openEncoder(kind, typeof args['model-dir'] === 'string' ? args['model-dir'] : undefined);
  const encoder: Encoder = new CachedEncoder(inner, kind === 'reference' ? 'use-lite-reference' : 'use-lite-onnx', typeof args.cache === 'string' ? args.cache : undefined);

  const X = await encoder.embed(train.map((e) => e.text));
  const y = Uint8Array.from(train, (e) => (e.label === 'MISINFO' ? 1 : 0));
  const w = weightsFor(train, setWeights);
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
  const dev = examples.filter((e) => e.split === 'dev' && !e.set.startsWith('claims'));
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
  const scorer = new MisinfoScorer(encoder, draft, index, { nearestForAll: true });
  const ownDev = dev.filter((e) => e.set === 'own');
  const report = async (head: HeadFile, label: string) => {
    process.stderr.write(`-- ${label}\n`);
    for (const s of [...devSets, 'covid']) {
      const xs = dev.filter((e) => (s === 'covid' ? e.set.startsWith('covid-') : e.set === s));
      const sc = await scoreExamples(scorer, xs, head);
      process.stderr.write(`dev ${s.padEnd(14)} ${fmt(metrics(sc.map((r) => r.score), xs.map((e) => (e.label === 'MISINFO' ? 1 : 0)), 0.5))}\n`);
    }
  };
  for (const combine of ['message', 'max', 'geomean', 'geomean-mean'] as const) await report({ ...draft, combine }, `combine=${combine}, no claim matching`);

  // Claim matching: pick the similarity threshold and the classifier gate on own dev posts. A
  // match scores 0.9, above the default hold threshold (0.85), so the objective is the mean of the
  // F1 at the default note threshold (0.5) and at the default hold threshold: a match that holds
  // an accurate post costs twice. Ties go to the stricter setting.
  const devScored = await scoreExamples(scorer, ownDev, draft);
  const yDev = ownDev.map((e) => (e.label === 'MISINFO' ? 1 : 0));
  let best = { obj: -1, f1: 0, f1Hold: 0, threshold: 0.8, gate: 0.1 };
  // Similarity floor 0.7: below it the nearest claim is often a different claim on the same topic,
  // and a finding would show moderators the wrong correction.
  for (let th = 0.951; th >= 0.7 - 1e-9; th -= 0.01) {
    for (const gate of [0.5, 0.4, 0.3, 0.2, 0.1, 0.05, 0]) {
      const sc = ownDev.map((_, i) => {
        const r = devScored[i]!;
        return r.sentences.some((s) => s.nearest && s.samePolarity && s.nearest.similarity >= th && s.score >= gate) ? Math.max(r.score, 0.9) : r.score;
      });
      const f1 = metrics(sc, yDev, 0.5).f1;
      const f1Hold = metrics(sc, yDev, 0.85).f1;
      const obj = (f1 + f1Hold) / 2;
      if (obj > best.obj + 1e-9) best = { obj, f1, f1Hold, threshold: Math.round(th * 100) / 100, gate };
    }
  }
  process.stderr.write(`claim match: threshold ${best.threshold}, gate ${best.gate} -> own dev F1 ${best.f1.toFixed(3)} at 0.5, ${best.f1Hold.toFixed(3)} at 0.85\n`);
  const final: HeadFile = {
    ...draft,
    claimMatch: { threshold: best.threshold, minClassifierScore: best.gate, score: 0.9 },
    meta: { trainedAt: new Date().toISOString().slice(0, 10), options: opts, adviceSample: adviceN, setWeights, encoderKind: kind, examples: train.length, sources: summary },
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
